// Package event holds the pure rules of a business convention's events:
// the meeting slots its sessions are cut into, and what makes an event's
// sessions, breaks and dates valid. It reads no clock and no database.
package event

import (
	"sort"
	"time"
)

// Session is a stretch of an event's time cut into meetings of
// MeetingMinutes, with breaks where no meeting takes place.
type Session struct {
	ID             string
	Name           string
	Start, End     time.Time
	MeetingMinutes int
	Breaks         []Break
}

// Break is a pause inside a session (a coffee break, lunch).
type Break struct {
	Start, End time.Time
}

// Slot is one meeting time of a session.
type Slot struct {
	SessionID  string
	Start, End time.Time
}

// Slots returns the meeting slots of sessions, sorted by Start (then by
// session id). A session's slots follow each other from its start, each
// lasting MeetingMinutes; a slot that would overlap a break is not used and
// the next slot starts when that break ends (so a break not aligned on the
// slot grid costs no more time than itself); the last slot ends by the
// session's end. A session with no positive length or meeting length has no
// slots.
func Slots(sessions []Session) []Slot {
	var slots []Slot
	for _, s := range sessions {
		slots = append(slots, sessionSlots(s)...)
	}
	sort.SliceStable(slots, func(i, j int) bool {
		if !slots[i].Start.Equal(slots[j].Start) {
			return slots[i].Start.Before(slots[j].Start)
		}
		return slots[i].SessionID < slots[j].SessionID
	})
	return slots
}

func sessionSlots(s Session) []Slot {
	if s.MeetingMinutes <= 0 || !s.End.After(s.Start) {
		return nil
	}
	length := time.Duration(s.MeetingMinutes) * time.Minute
	breaks := append([]Break(nil), s.Breaks...)
	sort.Slice(breaks, func(i, j int) bool { return breaks[i].Start.Before(breaks[j].Start) })
	var slots []Slot
	at := s.Start
	for !at.Add(length).After(s.End) {
		end := at.Add(length)
		if resume, overlaps := afterBreaks(breaks, at, end); overlaps {
			at = resume
			continue
		}
		slots = append(slots, Slot{SessionID: s.ID, Start: at, End: end})
		at = end
	}
	return slots
}

// afterBreaks reports whether [start, end) overlaps a break and, if so, the
// latest end among the breaks it overlaps: where the next slot may start.
func afterBreaks(breaks []Break, start, end time.Time) (time.Time, bool) {
	resume, overlaps := start, false
	for _, b := range breaks {
		if !b.End.After(b.Start) {
			continue
		}
		if b.Start.Before(end) && b.End.After(start) {
			overlaps = true
			if b.End.After(resume) {
				resume = b.End
			}
		}
	}
	return resume, overlaps
}
