// The meeting slots of a session, as the server cuts them (internal/event
// Slots): meetings follow each other from the session's start, a slot that
// would overlap a break is skipped and the next starts when that break
// ends, and the last one ends by the session's end. The form counts them
// live; the server's own count is what the schedule uses.

/** A stretch of time in milliseconds since the epoch. */
export interface Span {
  start: number
  end: number
}

/** The slots of a session [start, end) of meetings of minutes, skipping breaks. */
export function sessionSlots(session: Span, minutes: number, breaks: Span[]): Span[] {
  if (!(minutes > 0) || !(session.end > session.start)) return []
  const length = minutes * 60_000
  const valid = breaks.filter((b) => b.end > b.start)
  const slots: Span[] = []
  let at = session.start
  while (at + length <= session.end) {
    const end = at + length
    let resume = at
    let overlaps = false
    for (const b of valid) {
      if (b.start < end && b.end > at) {
        overlaps = true
        resume = Math.max(resume, b.end)
      }
    }
    if (overlaps) {
      at = resume
      continue
    }
    slots.push({ start: at, end })
    at = end
  }
  return slots
}
