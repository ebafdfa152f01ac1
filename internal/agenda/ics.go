package agenda

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// icsTime is the RFC 5545 form of a UTC date-time ("FORM #2").
const icsTime = "20060102T150405Z"

// maxLineOctets is the longest content line RFC 5545 §3.1 allows, CRLF excluded.
const maxLineOctets = 75

// ICS renders the agenda as an iCalendar file (RFC 5545, METHOD:PUBLISH) with one
// VEVENT per meeting. Times are written in UTC, so no VTIMEZONE is needed; the
// meeting's uuid makes the UID and the agenda's version the SEQUENCE, so that a
// calendar which imported an earlier version updates its entries. An agenda
// without meetings returns ErrNoMeetings.
func ICS(a Agenda) ([]byte, error) {
	if err := a.validate(); err != nil {
		return nil, err
	}
	if len(a.Meetings) == 0 {
		return nil, ErrNoMeetings
	}
	t := newText(a.Lang)
	var w icsWriter
	w.line("BEGIN", "VCALENDAR")
	w.line("VERSION", "2.0")
	w.line("PRODID", "-//Passerelle//Convention//"+strings.ToUpper(t.lang))
	w.line("CALSCALE", "GREGORIAN")
	w.line("METHOD", "PUBLISH")
	w.line("X-WR-CALNAME", escapeText(t.get(labCalendarName, calendarEventName(a.Event))))
	if a.Event.TimeZone != "" {
		// Clients that honour it (Google, Apple) show the entries in the event's zone.
		w.line("X-WR-TIMEZONE", escapeText(a.Event.TimeZone))
	}
	stamp := a.Generated.UTC().Format(icsTime)
	for _, m := range sortedMeetings(a.Meetings) {
		w.line("BEGIN", "VEVENT")
		w.line("UID", escapeText(m.ID+"@passerelle"))
		w.line("DTSTAMP", stamp)
		w.line("DTSTART", m.Start.UTC().Format(icsTime))
		w.line("DTEND", m.End.UTC().Format(icsTime))
		w.line("SEQUENCE", strconv.Itoa(a.Version))
		w.line("STATUS", eventStatus(a.Final, m.Cancelled))
		w.line("SUMMARY", escapeText(summary(t, m)))
		w.line("LOCATION", escapeText(location(t, a.Event.Venue, m.Table)))
		w.line("DESCRIPTION", escapeText(description(t, a, m)))
		if u := uriValue(a.Event.URL); u != "" {
			w.line("URL", u)
		}
		w.line("TRANSP", "OPAQUE")
		w.line("END", "VEVENT")
	}
	w.line("END", "VCALENDAR")
	return w.buf.Bytes(), nil
}

func calendarEventName(e Event) string {
	if n := strings.TrimSpace(e.Name); n != "" {
		return n
	}
	return "Passerelle"
}

func eventStatus(final, cancelled bool) string {
	switch {
	case cancelled:
		return "CANCELLED"
	case final:
		return "CONFIRMED"
	default:
		return "TENTATIVE"
	}
}

// summary is the entry's title, e.g. "Rendez-vous avec ESAT du Saulnois — table 12".
func summary(t text, m Meeting) string {
	name := oneLine(m.Other.displayName())
	if m.Table > 0 {
		return t.get(labSummary, name, m.Table)
	}
	return t.get(labSummaryNoTable, name)
}

// location is "<venue>, table 12"; without a venue "Table 12"; without a table the venue.
func location(t text, venue string, table int) string {
	venue = oneLine(venue)
	switch {
	case table > 0 && venue != "":
		return t.get(labLocation, venue, table)
	case table > 0:
		return t.get(labLocationNoVenue, table)
	default:
		return venue
	}
}

// description tells who is met and how firm the agenda is, one fact per line.
func description(t text, a Agenda, m Meeting) string {
	var lines []string
	if m.Cancelled {
		lines = append(lines, t.get(labCancelledNote))
	}
	if d := partyLine(m.Other.Delegate, m.Other.Role); d != "" {
		lines = append(lines, t.get(labField, t.get(labDelegate), d))
	}
	if o := strings.TrimSpace(m.Other.Organisation); o != "" {
		lines = append(lines, t.get(labField, t.get(labOrganisation), o))
	}
	if c := t.country(m.Other.Country); c != "" {
		lines = append(lines, t.get(labField, t.get(labCountry), c))
	}
	if n := strings.TrimSpace(m.Note); n != "" {
		lines = append(lines, t.get(labField, t.get(labNote), n))
	}
	if m.Locked && !m.Cancelled {
		lines = append(lines, t.get(labLocked))
	}
	if !m.Cancelled {
		if a.Final {
			lines = append(lines, t.get(labFinalNote))
		} else {
			lines = append(lines, t.get(labPreliminaryNote))
		}
	}
	if u := strings.TrimSpace(a.Event.URL); u != "" {
		lines = append(lines, t.get(labDetails, u))
	}
	return strings.Join(lines, "\n")
}

// partyLine is "Anna Schmidt (Einkäuferin)", or just the name when the role is empty.
func partyLine(delegate, role string) string {
	delegate, role = strings.TrimSpace(delegate), strings.TrimSpace(role)
	switch {
	case delegate != "" && role != "":
		return delegate + " (" + role + ")"
	case delegate != "":
		return delegate
	default:
		return role
	}
}

// oneLine folds any line breaks into spaces, for values that must fit on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// escapeText writes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma
// are escaped, every line break (CRLF, CR or LF) becomes "\n", other control
// characters (forbidden in TEXT) are dropped, and invalid UTF-8 is replaced.
func escapeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			// dropped: not allowed in TEXT
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// uriValue keeps a URL only if it can be written as a URI value as it is
// (RFC 5545 §3.3.13, RFC 3986): an absolute http or https URL of printable
// ASCII. Anything else (a bare word, a relative path, an IRI with
// letters outside ASCII) is left out; the description still names it.
func uriValue(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || strings.ContainsFunc(u, func(r rune) bool { return r <= ' ' || r >= 0x7f || r == '"' }) {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// icsWriter writes content lines ending in CRLF, folded at 75 octets (RFC 5545 §3.1)
// without splitting a UTF-8 sequence.
type icsWriter struct{ buf bytes.Buffer }

func (w *icsWriter) line(name, value string) {
	s := name + ":" + value
	limit := maxLineOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.buf.WriteString(s[:cut])
		w.buf.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLineOctets - 1 // the leading space counts
	}
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}
