// An event's times are shown and typed in the event's own time zone
// (event.time_zone), whatever the reader's computer says: a delegate in
// Lisbon registering for Metz means Metz's 14:00.

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant in a zone. */
export function zonedParts(iso: string, timeZone: string): { date: string; time: string } {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return { date: '', time: '' }
  const parts = wallClock(d.getTime(), timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    date: `${String(parts.year).padStart(4, '0')}-${pad(parts.month)}-${pad(parts.day)}`,
    time: `${pad(parts.hour)}:${pad(parts.minute)}`,
  }
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallClock(ms: number, timeZone: string): WallClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  const get = (type: string) => Number(format.formatToParts(new Date(ms)).find((p) => p.type === type)?.value ?? 0)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') }
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone)
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000
}

/**
 * The instant of a wall-clock date and time in a zone (RFC 3339, UTC), or
 * null when either is missing or invalid. A time skipped by a daylight
 * saving change resolves to the instant an hour later, as clocks do.
 */
export function zonedInstant(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time)
  if (!d || !t) return null
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null
  const asUTC = Date.UTC(year, month - 1, day, hour, minute)
  try {
    let ms = asUTC - offsetAt(asUTC, timeZone)
    // Near a change of offset the first guess may use the other side's offset.
    ms = asUTC - offsetAt(ms, timeZone)
    return new Date(ms).toISOString()
  } catch {
    return null
  }
}

/** A formatter for the event's zone in the reader's language. */
function formatter(language: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone })
  } catch {
    return new Intl.DateTimeFormat(language, options)
  }
}

/** "14 March 2027 at 14:00" in the event's zone. */
export function formatEventDateTime(iso: string, language: string, timeZone: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return formatter(language, timeZone, { dateStyle: 'long', timeStyle: 'short' }).format(d)
}

/** "Sunday 14 March 2027" in the event's zone. */
export function formatEventDay(iso: string, language: string, timeZone: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return formatter(language, timeZone, { dateStyle: 'full' }).format(d)
}

/** "14:00" in the event's zone. */
export function formatEventTime(iso: string, language: string, timeZone: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return formatter(language, timeZone, { timeStyle: 'short' }).format(d)
}

/** "14:00 – 14:20" (same day) or a full range across days, in the event's zone. */
export function formatEventRange(startISO: string, endISO: string, language: string, timeZone: string): string {
  const start = new Date(startISO)
  const end = new Date(endISO)
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startISO} – ${endISO}`
  const sameDay = zonedParts(startISO, timeZone).date === zonedParts(endISO, timeZone).date
  const format = sameDay
    ? formatter(language, timeZone, { timeStyle: 'short' })
    : formatter(language, timeZone, { dateStyle: 'medium', timeStyle: 'short' })
  return format.formatRange(start, end)
}

/** The event's dates: "14 March 2027" or "14–15 March 2027", in its zone. */
export function formatEventDates(startISO: string, endISO: string, language: string, timeZone: string): string {
  const start = new Date(startISO)
  const end = new Date(endISO)
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return startISO
  return formatter(language, timeZone, { dateStyle: 'long' }).formatRange(start, end)
}

/** The short name of a zone ("CET", "UTC+1") at an instant, for labels. */
export function zoneLabel(iso: string, language: string, timeZone: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return timeZone
  const part = formatter(language, timeZone, { timeZoneName: 'short' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName')
  return part?.value ?? timeZone
}
