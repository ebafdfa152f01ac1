/**
 * Deadlines are edited as a date and a time in the reader's own time zone
 * (two native fields: a keyboard, a screen reader and a test all fill them
 * the same way) and sent as an RFC 3339 instant.
 */
export interface DateTimeParts {
  date: string
  time: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function toParts(iso: string | undefined): DateTimeParts {
  if (!iso) return { date: '', time: '' }
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return { date: '', time: '' }
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  }
}

/** The instant of a local date and time, or null when either is missing or invalid. */
export function fromParts({ date, time }: DateTimeParts): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return null
  const d = new Date(`${date}T${time}`)
  return Number.isNaN(d.getTime()) ? null : d
}

/** Why a deadline cannot be used ('required', 'past'), or null. */
export function deadlineProblem(parts: DateTimeParts, now: Date): 'required' | 'past' | null {
  const d = fromParts(parts)
  if (!d) return 'required'
  return d.getTime() <= now.getTime() ? 'past' : null
}

/** The parts of now + minutes (rounded up to the next minute): a default a few days ahead. */
export function partsIn(minutes: number, now = new Date()): DateTimeParts {
  const d = new Date(now.getTime() + minutes * 60_000)
  d.setSeconds(0, 0)
  return toParts(d.toISOString())
}
