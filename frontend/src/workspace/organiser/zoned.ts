// Dates and times of an event are entered and shown in the event's own time
// zone (event.time_zone), whatever the organiser's computer says: a
// Luxembourg convention reads 09:00 in Metz, Saarbrücken and Liège alike.

/** A wall-clock date (YYYY-MM-DD) and time (HH:MM) in some zone. */
export interface WallTime {
  date: string
  time: string
}

/** The Grande Région's zones first (its four countries), then a few neighbours'. */
export const REGION_ZONES = ['Europe/Paris', 'Europe/Luxembourg', 'Europe/Berlin', 'Europe/Brussels']
export const OTHER_ZONES = ['Europe/Amsterdam', 'Europe/Zurich', 'Europe/London', 'Europe/Lisbon', 'UTC']

/** Whether the runtime knows zone. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>()
function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormats.set(zone, f)
  }
  return f
}

/** The wall-clock fields of instant ms in zone, as a UTC-based millisecond count. */
function wallMillis(ms: number, zone: string): number {
  const p: Record<string, number> = {}
  for (const part of partsFormat(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value)
  }
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The wall-clock date and time of an instant in zone ('' fields for none or an invalid one). */
export function toWall(iso: string | null | undefined, zone: string): WallTime {
  if (!iso) return { date: '', time: '' }
  const ms = new Date(iso).getTime()
  if (Number.isNaN(ms) || !isKnownZone(zone)) return { date: '', time: '' }
  const w = new Date(wallMillis(ms, zone))
  return {
    date: `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`,
    time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`,
  }
}

/**
 * The instant a wall-clock date and time in zone stands for, or null when
 * either is missing or invalid. A time skipped by a spring-forward change
 * is read with the offset before the change (02:30 → 03:30 summer time); a
 * repeated autumn hour is read as its first occurrence.
 */
export function fromWall({ date, time }: WallTime, zone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time)
  if (!d || !t || !isKnownZone(zone)) return null
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  if (new Date(wall).getUTCDate() !== day) return null // 31 February
  // The zone's offsets a day before, at and a day after the wall time (a
  // change of offset happens at most once in between): the instants they
  // give that show this wall time, the earliest first.
  const offsetAt = (ms: number) => wallMillis(ms, zone) - ms
  const before = offsetAt(wall - 86_400_000)
  const offsets = [...new Set([before, offsetAt(wall), offsetAt(wall + 86_400_000)])]
  const matches = offsets.map((o) => wall - o).filter((ms) => wallMillis(ms, zone) === wall)
  if (matches.length > 0) return new Date(Math.min(...matches))
  return new Date(wall - before)
}

/** An instant as RFC 3339 UTC without milliseconds (what the API sends back). */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Formats an instant in zone and the interface language. */
export function formatIn(
  iso: string | null | undefined,
  zone: string | undefined,
  language: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const timeZone = zone && isKnownZone(zone) ? zone : undefined
  return new Intl.DateTimeFormat(language, { ...options, ...(timeZone ? { timeZone } : {}) }).format(d)
}

/** A time range in zone: "14 Jan 2027, 09:00–09:20". */
export function formatRange(startsAt: string, endsAt: string, zone: string | undefined, language: string): string {
  const timeZone = zone && isKnownZone(zone) ? zone : undefined
  const f = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) })
  const a = new Date(startsAt)
  const b = new Date(endsAt)
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return ''
  return f.formatRange(a, b)
}

/** A slot's times only ("09:00–09:20"), for grids where the day is said once. */
export function formatTimes(startsAt: string, endsAt: string, zone: string | undefined, language: string): string {
  const timeZone = zone && isKnownZone(zone) ? zone : undefined
  const f = new Intl.DateTimeFormat(language, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) })
  const a = new Date(startsAt)
  const b = new Date(endsAt)
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return ''
  return f.formatRange(a, b)
}
