package agenda

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
)

// decodeICS parses a calendar with go-ical's decoder, a real RFC 5545 parser.
func decodeICS(t *testing.T, b []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot parse the calendar: %v\n%s", err, b)
	}
	return cal
}

func propText(t *testing.T, props ical.Props, name string) string {
	t.Helper()
	p := props.Get(name)
	if p == nil {
		t.Fatalf("property %s missing", name)
	}
	s, err := p.Text()
	if err != nil {
		t.Fatalf("property %s: %v", name, err)
	}
	return s
}

func TestICSParsesAndCarriesEveryMeeting(t *testing.T) {
	a := testAgenda(7)
	a.Meetings[2].Table = 0 // not seated yet
	b, err := ICS(a)
	if err != nil {
		t.Fatal(err)
	}
	cal := decodeICS(t, b)
	for name, want := range map[string]string{
		ical.PropVersion:       "2.0",
		ical.PropProductID:     "-//Passerelle//Convention//FR",
		ical.PropMethod:        "PUBLISH",
		ical.PropCalendarScale: "GREGORIAN",
		"X-WR-CALNAME":         "Convention d'affaires Grande Région 2026 — mes rendez-vous",
		"X-WR-TIMEZONE":        "Europe/Paris",
	} {
		if got := propText(t, cal.Props, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	events := cal.Events()
	if len(events) != len(a.Meetings) {
		t.Fatalf("%d events, want %d", len(events), len(a.Meetings))
	}
	for i, ev := range events {
		m := a.Meetings[i]
		if got := propText(t, ev.Props, ical.PropUID); got != m.ID+"@passerelle" {
			t.Errorf("event %d UID = %q", i, got)
		}
		for name, want := range map[string]time.Time{ical.PropDateTimeStart: m.Start, ical.PropDateTimeEnd: m.End, ical.PropDateTimeStamp: generated} {
			got, err := ev.Props.DateTime(name, nil)
			if err != nil || !got.Equal(want) || got.Location() != time.UTC {
				t.Errorf("event %d %s = %v (%v), want %v in UTC", i, name, got, err, want)
			}
		}
		wantSummary := "Rendez-vous avec " + m.Other.Organisation + " — table " + strconv.Itoa(m.Table)
		wantLocation := "Centre des congrès de Metz, table " + strconv.Itoa(m.Table)
		if m.Table == 0 {
			wantSummary = "Rendez-vous avec " + m.Other.Organisation
			wantLocation = "Centre des congrès de Metz"
		}
		if got := propText(t, ev.Props, ical.PropSummary); got != wantSummary {
			t.Errorf("event %d SUMMARY = %q, want %q", i, got, wantSummary)
		}
		if got := propText(t, ev.Props, ical.PropLocation); got != wantLocation {
			t.Errorf("event %d LOCATION = %q, want %q", i, got, wantLocation)
		}
		if got := propText(t, ev.Props, ical.PropStatus); got != "TENTATIVE" {
			t.Errorf("event %d STATUS = %q, want TENTATIVE (preliminary agenda)", i, got)
		}
		if seq, err := ev.Props.Get(ical.PropSequence).Int(); err != nil || seq != 3 {
			t.Errorf("event %d SEQUENCE = %d (%v), want 3", i, seq, err)
		}
		if u, err := ev.Props.URI(ical.PropURL); err != nil || u.String() != a.Event.URL {
			t.Errorf("event %d URL = %v (%v)", i, u, err)
		}
	}
}

func TestICSStatusFollowsFinalAndCancelled(t *testing.T) {
	a := testAgenda(3)
	a.Final = true
	a.Version = 5
	a.Meetings[1].Cancelled = true
	b, err := ICS(a)
	if err != nil {
		t.Fatal(err)
	}
	events := decodeICS(t, b).Events()
	want := []string{"CONFIRMED", "CANCELLED", "CONFIRMED"}
	for i, ev := range events {
		if got := propText(t, ev.Props, ical.PropStatus); got != want[i] {
			t.Errorf("event %d STATUS = %q, want %q", i, got, want[i])
		}
		if seq, _ := ev.Props.Get(ical.PropSequence).Int(); seq != 5 {
			t.Errorf("event %d SEQUENCE = %d, want 5", i, seq)
		}
	}
	if d := propText(t, events[1].Props, ical.PropDescription); !strings.HasPrefix(d, "Ce rendez-vous est annulé.\n") {
		t.Errorf("cancelled meeting's description = %q", d)
	}
}

// hardName has every character TEXT must escape, a line break, and long UTF-8
// text, so that folding falls inside multi-byte letters.
var hardName = "Müller, Söhne; Weiß & Cie \\ Łódź\nZweigstelle Saarbrücken–Forbach " +
	strings.Repeat("Œuvre çà éè ß ł ő — ", 12)

func TestICSTextRoundTripsExactly(t *testing.T) {
	a := testAgenda(1)
	a.Lang = "de"
	a.Final = true
	m := &a.Meetings[0]
	m.Other = Party{Organisation: hardName, Delegate: "Zoë d'Hondt; \"Ptit\", Jr.", Country: "BE", Role: "Einkauf, Öffentliche Hand"}
	m.Note = "Bitte Katalog mitbringen;\r\nzweite Zeile, mit \\ Backslash\n\ndritte."
	m.Locked = true
	b, err := ICS(a)
	if err != nil {
		t.Fatal(err)
	}
	ev := decodeICS(t, b).Events()[0]
	wantDescription := "Delegierte Person: Zoë d'Hondt; \"Ptit\", Jr. (Einkauf, Öffentliche Hand)\n" +
		"Organisation: " + strings.TrimSpace(hardName) + "\n" +
		"Land: Belgien\n" +
		"Notiz: Bitte Katalog mitbringen;\nzweite Zeile, mit \\ Backslash\n\ndritte.\n" +
		"Dieser Termin wurde von den Veranstaltern festgelegt.\n" +
		"Endgültiger Terminplan.\n" +
		"Details und Änderungen: https://passerelle.example/events/convention-2026"
	if got := propText(t, ev.Props, ical.PropDescription); got != wantDescription {
		t.Errorf("DESCRIPTION round trip:\n got %q\nwant %q", got, wantDescription)
	}
	wantSummary := "Termin mit " + oneLine(hardName) + " — Tisch 1"
	if got := propText(t, ev.Props, ical.PropSummary); got != wantSummary {
		t.Errorf("SUMMARY round trip:\n got %q\nwant %q", got, wantSummary)
	}
	if got := propText(t, ev.Props, ical.PropStatus); got != "CONFIRMED" {
		t.Errorf("STATUS = %q", got)
	}
	assertContentLines(t, b)
}

// assertContentLines checks RFC 5545 §3.1: CRLF after every line, no line longer
// than 75 octets, folds that do not split a UTF-8 letter.
func assertContentLines(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Error("the calendar does not end with CRLF")
	}
	if n, crlf := bytes.Count(b, []byte("\n")), bytes.Count(b, []byte("\r\n")); n != crlf || bytes.Count(b, []byte("\r")) != crlf {
		t.Errorf("line ends: %d LF, %d CRLF: bare CR or LF present", n, crlf)
	}
	folded := 0
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n") {
		if len(line) > maxLineOctets {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no folded line: the test text is not long enough to test folding")
	}
}

func TestICSFoldsAtSeventyFiveOctets(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		lines       []string
	}{
		{"exactly 75", strings.Repeat("a", 72), []string{"ab:" + strings.Repeat("a", 72)}},
		{"76 folds", strings.Repeat("a", 73), []string{"ab:" + strings.Repeat("a", 72), " a"}},
		{"no split letter", strings.Repeat("a", 71) + "é", []string{"ab:" + strings.Repeat("a", 71), " é"}},
		{"continuations hold 74", strings.Repeat("b", 72+74+1), []string{"ab:" + strings.Repeat("b", 72), " " + strings.Repeat("b", 74), " b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w icsWriter
			w.line("ab", tc.value)
			want := strings.Join(tc.lines, "\r\n") + "\r\n"
			if got := w.buf.String(); got != want {
				t.Errorf("got %q\nwant %q", got, want)
			}
		})
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		`a,b;c\d`:         `a\,b\;c\\d`,
		"one\r\ntwo\nx":   `one\ntwo\nx`,
		"tab\there":       "tab\there",
		"bell\a null\x00": "bell null",
		"bad \xff utf8":   "bad \uFFFD utf8",
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestICSIsDeterministic(t *testing.T) {
	a := testAgenda(20)
	first, err := ICS(a)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := a
	shuffled.Meetings = append([]Meeting(nil), a.Meetings...)
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(shuffled.Meetings), func(i, j int) {
		shuffled.Meetings[i], shuffled.Meetings[j] = shuffled.Meetings[j], shuffled.Meetings[i]
	})
	again, err := ICS(shuffled)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("the same agenda (meetings in another order) gave different bytes")
	}
	if shuffled.Meetings[0].ID == a.Meetings[0].ID && shuffled.Meetings[1].ID == a.Meetings[1].ID {
		t.Error("the shuffle did not change the order: the test proves nothing")
	}
	if a.Meetings[0].ID != "00000000-0000-4000-8000-000000000001" {
		t.Error("ICS reordered the caller's slice")
	}
}

func TestICSLanguages(t *testing.T) {
	for lang, want := range map[string]string{
		"fr":    "Rendez-vous avec Saarländische Werkstätten — table 1",
		"de-LU": "Termin mit Saarländische Werkstätten — Tisch 1",
		"EN":    "Meeting with Saarländische Werkstätten — table 1",
		"nl_BE": "Afspraak met Saarländische Werkstätten — tafel 1",
		"es":    "Meeting with Saarländische Werkstätten — table 1",
		"":      "Meeting with Saarländische Werkstätten — table 1",
	} {
		a := testAgenda(1)
		a.Lang = lang
		b, err := ICS(a)
		if err != nil {
			t.Fatal(err)
		}
		if got := propText(t, decodeICS(t, b).Events()[0].Props, ical.PropSummary); got != want {
			t.Errorf("lang %q: SUMMARY = %q, want %q", lang, got, want)
		}
	}
}

func TestICSRejectsWhatCannotBeACalendar(t *testing.T) {
	if _, err := ICS(testAgenda(0)); !errors.Is(err, ErrNoMeetings) {
		t.Errorf("empty agenda: err = %v, want ErrNoMeetings", err)
	}
	for name, change := range map[string]func(*Agenda){
		"no generation time": func(a *Agenda) { a.Generated = time.Time{} },
		"negative version":   func(a *Agenda) { a.Version = -1 },
		"duplicate ID":       func(a *Agenda) { a.Meetings[1].ID = a.Meetings[0].ID },
		"blank ID":           func(a *Agenda) { a.Meetings[1].ID = " " },
		"end before start":   func(a *Agenda) { a.Meetings[0].End = a.Meetings[0].Start.Add(-time.Minute) },
		"empty meeting":      func(a *Agenda) { a.Meetings[0].End = a.Meetings[0].Start },
		"negative table":     func(a *Agenda) { a.Meetings[0].Table = -2 },
	} {
		a := testAgenda(2)
		change(&a)
		if _, err := ICS(a); err == nil || errors.Is(err, ErrNoMeetings) {
			t.Errorf("%s: err = %v, want a validation error", name, err)
		}
	}
}
