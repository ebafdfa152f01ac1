package agenda

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
)

// icsText is what RFC 5545 lets a TEXT value carry of s, as ICS promises
// to write it: valid UTF-8, line breaks as LF, other control characters
// (a tab aside) dropped. It is written from the RFC, not from escapeText.
func icsText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\r':
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzICS writes a calendar with arbitrary text in every field a user or
// an organiser types (names, venue, note, role, time zone, URL, meeting
// id, language) and reads it back with go-ical's decoder: every line is
// at most 75 octets of valid UTF-8 ending in CRLF, and every text comes
// back exactly as RFC 5545 lets it be written.
func FuzzICS(f *testing.F) {
	f.Add("fr", "Convention 2026", "Centre des congrès, Metz", "Europe/Paris", "https://passerelle.example/events/c",
		hardName, "Zoë d'Hondt; \"Ptit\", Jr.", "Einkauf, Öffentliche Hand", "BE",
		"Bitte Katalog mitbringen;\r\nzweite Zeile, mit \\ Backslash\n\ndritte.", "00000000-0000-4000-8000-000000000001", 12, true, false, true)
	f.Add("de-DE", "", "", "", "", "", "", "", "", "", "m", 0, false, true, false)
	f.Add("nl_BE", "\x00\x01\x7f\r\r\n\t", "\xff\xfe venue", "Bad/Zone\r\n", "javascript:alert(1)", "\u2028\u2029\u0085",
		"a\rb", strings.Repeat("é", 80), "ZZ", strings.Repeat("\\;,", 40), "id;with,commas\\", 1<<30, true, true, true)
	f.Add("xx", "   ", "Salle\n1", "UTC", "https://e.example/a b", "Org\nName", "", "Rôle", "lu", "", "\t", 45, false, false, false)
	f.Fuzz(func(t *testing.T, lang, name, venue, tz, link, org, delegate, role, country, note, id string, table int, final, cancelled, locked bool) {
		a := Agenda{
			Event:     Event{ID: "e", Name: name, Venue: venue, TimeZone: tz, URL: link},
			Delegate:  Party{Organisation: "ESAT du Saulnois", Delegate: "Marie Kœnig", Country: "FR"},
			Lang:      lang,
			Final:     final,
			Version:   2,
			Generated: generated,
			Meetings: []Meeting{{
				ID: id, Start: time.Date(2026, 11, 26, 13, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 26, 13, 20, 0, 0, time.UTC),
				Table: table, Other: Party{Organisation: org, Delegate: delegate, Country: country, Role: role},
				Locked: locked, Note: note, Cancelled: cancelled,
			}},
		}
		b, err := ICS(a)
		if err != nil {
			if a.validate() == nil {
				t.Fatalf("a valid agenda refused: %v", err)
			}
			return
		}
		if !bytes.HasSuffix(b, []byte("\r\n")) || bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) ||
			bytes.Count(b, []byte("\r")) != bytes.Count(b, []byte("\r\n")) {
			t.Fatalf("bare CR or LF in %q", b)
		}
		for _, line := range strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n") {
			if len(line) > maxLineOctets || !utf8.ValidString(line) {
				t.Fatalf("line of %d octets or with a broken letter: %q", len(line), line)
			}
		}
		cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
		if err != nil {
			t.Fatalf("go-ical cannot read the calendar: %v\n%s", err, b)
		}
		events := cal.Events()
		if len(events) != 1 {
			t.Fatalf("%d events", len(events))
		}
		tx := newText(lang)
		m := a.Meetings[0]
		check := func(props ical.Props, prop, want string) {
			t.Helper()
			p := props.Get(prop)
			if p == nil {
				t.Fatalf("%s missing", prop)
			}
			got, err := p.Text()
			if err != nil || got != icsText(want) {
				t.Fatalf("%s: wrote %q, read back %q (%v), want %q", prop, want, got, err, icsText(want))
			}
		}
		check(cal.Props, "X-WR-CALNAME", tx.get(labCalendarName, calendarEventName(a.Event)))
		if tz != "" {
			check(cal.Props, "X-WR-TIMEZONE", tz)
		}
		ev := events[0].Props
		check(ev, ical.PropUID, id+"@passerelle")
		check(ev, ical.PropSummary, summary(tx, m))
		check(ev, ical.PropLocation, location(tx, venue, table))
		check(ev, ical.PropDescription, description(tx, a, m))
		if p := ev.Get(ical.PropURL); p != nil {
			u, err := url.Parse(p.Value)
			if err != nil || p.Value != strings.TrimSpace(link) || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" ||
				strings.ContainsFunc(p.Value, func(r rune) bool { return r <= ' ' || r >= 0x7f }) {
				t.Fatalf("URL %q written for %q: not an absolute http(s) URI of ASCII (%v)", p.Value, link, err)
			}
		}
	})
}
