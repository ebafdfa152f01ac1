/** How long ago a moment was, in the largest unit that fits ("3 days ago"). */
export function formatAge(iso: string, now: number, language: string): string {
  const then = new Date(iso).getTime()
  if (Number.isNaN(then)) return iso
  const seconds = Math.round((then - now) / 1000)
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ]
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit)
  }
  return format.format(0, 'minute')
}

/** A duration in seconds, in the largest units that fit ("2 d 4 h", "35 min"). */
export function formatDuration(seconds: number, language: string): string {
  const parts: { value: number; unit: 'day' | 'hour' | 'minute' | 'second' }[] = []
  let rest = Math.max(0, Math.round(seconds))
  for (const [unit, size] of [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ] as const) {
    const value = Math.floor(rest / size)
    rest -= value * size
    if (value > 0) parts.push({ value, unit })
    if (parts.length === 2) break
  }
  if (parts.length === 0) parts.push({ value: 0, unit: 'second' })
  return parts
    .map(({ value, unit }) => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).format(value))
    .join(' ')
}
