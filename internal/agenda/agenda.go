// Package agenda renders the convention's agendas: each delegate's meetings as an
// iCalendar file (RFC 5545) and as a printable PDF, and the organisers' table plan
// per slot. It is pure: no database, no clock (every time is passed in), and the
// same input always gives the same bytes.
package agenda

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	// The event's time zone must load on machines without a zoneinfo database
	// (the distroless image, Windows laptops of organisers running the binary).
	_ "time/tzdata"
)

// Party is one side of a meeting: an organisation and the delegate who represents it.
type Party struct {
	Organisation string
	Delegate     string
	Country      string // ISO 3166-1 alpha-2, e.g. "FR"; shown as the country's name in the agenda's language
	Role         string // free text already localized by the caller (e.g. "Acheteur"); may be empty
}

// Meeting is one scheduled meeting seen from the agenda owner's side.
type Meeting struct {
	ID     string // the meeting's uuid; it becomes the iCalendar UID, stable across versions
	Start  time.Time
	End    time.Time
	Table  int // 1-based table number; 0 while no table is assigned
	Other  Party
	Locked bool   // fixed by the organisers: re-runs of the scheduler will not move it
	Note   string // free text shown with the meeting (e.g. the request's message)
	// Cancelled marks a meeting sent in an earlier version and dropped since:
	// the iCalendar file carries it with STATUS:CANCELLED so that calendars
	// which imported it remove it; the PDF leaves it out.
	Cancelled bool
}

// Event describes the convention an agenda belongs to.
type Event struct {
	ID       string
	Name     string
	Venue    string
	Address  string
	TimeZone string // IANA name, e.g. "Europe/Paris"; empty means UTC
	URL      string // the event's page, linked from every calendar entry
}

// Agenda is one delegate's agenda at one event.
type Agenda struct {
	Event     Event
	Delegate  Party // the agenda's owner
	Lang      string
	Final     bool // false: preliminary agenda (times may change); true: final agenda
	Version   int  // increases with each agenda sent; it becomes the iCalendar SEQUENCE
	Generated time.Time
	Meetings  []Meeting
}

// ErrNoMeetings is returned by ICS for an agenda without any meeting: RFC 5545
// requires at least one component in a calendar, so there is no valid file to give.
var ErrNoMeetings = errors.New("agenda: no meetings to put in a calendar")

// location loads the event's time zone; an empty name means UTC.
func (e Event) location() (*time.Location, error) {
	if e.TimeZone == "" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(e.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("agenda: event time zone %q: %w", e.TimeZone, err)
	}
	return loc, nil
}

// validate checks what a calendar or a PDF cannot be made without.
func (a Agenda) validate() error {
	if a.Generated.IsZero() {
		return errors.New("agenda: Generated is required (it dates the documents)")
	}
	if a.Version < 0 {
		return fmt.Errorf("agenda: negative version %d", a.Version)
	}
	seen := make(map[string]bool, len(a.Meetings))
	for i, m := range a.Meetings {
		if strings.TrimSpace(m.ID) == "" {
			return fmt.Errorf("agenda: meeting %d has no ID", i)
		}
		if seen[m.ID] {
			return fmt.Errorf("agenda: meeting ID %q appears twice", m.ID)
		}
		seen[m.ID] = true
		if err := checkSlot(m.Start, m.End, m.Table); err != nil {
			return fmt.Errorf("agenda: meeting %q: %w", m.ID, err)
		}
	}
	return nil
}

func checkSlot(start, end time.Time, table int) error {
	if start.IsZero() || end.IsZero() {
		return errors.New("start and end are required")
	}
	if !end.After(start) {
		return fmt.Errorf("end %s is not after start %s", end.Format(time.RFC3339), start.Format(time.RFC3339))
	}
	if table < 0 {
		return fmt.Errorf("negative table number %d", table)
	}
	return nil
}

// sortedMeetings returns the meetings in time order (then table, then ID) without
// touching the caller's slice, so that the output does not depend on the input order.
func sortedMeetings(ms []Meeting) []Meeting {
	out := slices.Clone(ms)
	slices.SortStableFunc(out, func(x, y Meeting) int {
		if c := x.Start.Compare(y.Start); c != 0 {
			return c
		}
		if x.Table != y.Table {
			return x.Table - y.Table
		}
		return strings.Compare(x.ID, y.ID)
	})
	return out
}

// displayName is how a party is named in one line: its organisation, else its delegate.
func (p Party) displayName() string {
	if o := strings.TrimSpace(p.Organisation); o != "" {
		return o
	}
	return strings.TrimSpace(p.Delegate)
}

// empty reports whether nobody sits on this side (a free table).
func (p Party) empty() bool {
	return strings.TrimSpace(p.Organisation) == "" && strings.TrimSpace(p.Delegate) == ""
}
