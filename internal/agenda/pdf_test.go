package agenda

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"
)

func renderAgenda(t *testing.T, a Agenda) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := PDF(&buf, a); err != nil {
		t.Fatalf("PDF: %v", err)
	}
	return buf.Bytes()
}

func TestPDFOneMeeting(t *testing.T) {
	a := testAgenda(1)
	a.Meetings[0].Note = "Apporter le catalogue"
	a.Meetings[0].Locked = true
	b := renderAgenda(t, a)
	if n := pdfPageCount(t, b); n != 1 {
		t.Fatalf("%d pages, want 1", n)
	}
	content := pdfContent(t, b)
	for _, s := range []string{
		"Convention d'affaires Grande Région 2026",
		"AGENDA PROVISOIRE",
		"Agenda de Marie Kœnig",
		"jeudi 26 novembre 2026",
		"14:00–14:20", // 13:00 UTC shown in Metz's winter time
		"fixé",
		"Saarländische Werkstätten",
		"Jürgen Weiß",
		"Allemagne",
		"Apporter le catalogue",
		"Page 1 / 1",
	} {
		if !shown(content, s) {
			t.Errorf("%q is not drawn in the PDF", s)
		}
	}
}

func TestPDFSixtyMeetingsBreakPages(t *testing.T) {
	a := testAgenda(60)
	a.Final = true
	a.Lang = "de"
	b := renderAgenda(t, a)
	pages := pdfPageCount(t, b)
	if pages < 2 {
		t.Fatalf("%d pages for 60 meetings, want several", pages)
	}
	content := pdfContent(t, b)
	// The header and the column titles repeat on every page.
	for _, s := range []string{"ENDGÜLTIGER TERMINPLAN", "Uhrzeit", "Delegierte Person"} {
		if n := strings.Count(content, "("+pdfString(s)+")"); n != pages {
			t.Errorf("%q drawn %d times on %d pages", s, n, pages)
		}
	}
	total := strconv.Itoa(pages)
	for p := 1; p <= pages; p++ {
		if s := "Seite " + strconv.Itoa(p) + " / " + total; !shown(content, s) {
			t.Errorf("footer %q missing", s)
		}
	}
	// Every meeting is listed, the last one included (60th: 09:40 the next morning).
	if n := strings.Count(content, "("+pdfString("Œuvre de Saint-Nicolas")+")"); n != 12 {
		t.Errorf("Œuvre de Saint-Nicolas listed %d times, want 12", n)
	}
	// A page that continues a day says which day it continues.
	for _, s := range []string{"Donnerstag, 26. November 2026", "Donnerstag, 26. November 2026 (Fortsetzung)", "Freitag, 27. November 2026", "09:40–10:00", "François Dupuis-Cœur", "Łukasz Nowak", "Niederlande"} {
		if !shown(content, s) {
			t.Errorf("%q is not drawn", s)
		}
	}
}

func TestPDFEmptyAgendaSaysSo(t *testing.T) {
	b := renderAgenda(t, testAgenda(0))
	if n := pdfPageCount(t, b); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
	content := pdfContent(t, b)
	if !shown(content, "Aucun rendez-vous n'est prévu pour vous à cet événement pour le moment.") {
		t.Error("the empty agenda does not say there are no meetings")
	}
	if shown(content, "Horaire") {
		t.Error("the empty agenda draws an empty table")
	}
}

func TestPDFShowsTheEventTimeZone(t *testing.T) {
	a := testAgenda(1)
	summer := time.Date(2026, 7, 2, 7, 30, 0, 0, time.UTC)
	a.Meetings[0].Start, a.Meetings[0].End = summer, summer.Add(20*time.Minute)
	a.Event.TimeZone = "Europe/Luxembourg"
	if content := pdfContent(t, renderAgenda(t, a)); !shown(content, "09:30–09:50") {
		t.Error("07:30 UTC is not shown as 09:30 in Luxembourg's summer time")
	}
	a.Event.TimeZone = ""
	if content := pdfContent(t, renderAgenda(t, a)); !shown(content, "07:30–07:50") {
		t.Error("without a time zone the times are not shown in UTC")
	}
	a.Event.TimeZone = "Europe/Atlantis"
	if err := PDF(&bytes.Buffer{}, a); err == nil {
		t.Error("an unknown time zone gave no error")
	}
}

func TestPDFLeavesOutCancelledMeetings(t *testing.T) {
	a := testAgenda(2)
	a.Meetings[1].Cancelled = true
	content := pdfContent(t, renderAgenda(t, a))
	if shown(content, "Commune de Val-de-Moselle") {
		t.Error("a cancelled meeting is printed")
	}
	if !shown(content, "Saarländische Werkstätten") {
		t.Error("the remaining meeting is not printed")
	}
}

func TestPDFIsDeterministic(t *testing.T) {
	a := testAgenda(25)
	a.Meetings[4].Other.Organisation = hardName
	first, second := renderAgenda(t, a), renderAgenda(t, a)
	if !bytes.Equal(first, second) {
		t.Error("the same agenda gave different PDF bytes")
	}
	a.Generated = a.Generated.Add(time.Hour)
	if bytes.Equal(first, renderAgenda(t, a)) {
		t.Error("another generation time gave the same bytes: the date is not in the PDF")
	}
}

func TestPDFSurvivesTextTheFontCannotDraw(t *testing.T) {
	a := testAgenda(1)
	a.Meetings[0].Other.Organisation = "Café 😀 東京\x00 \xff Ltd"
	a.Meetings[0].Other.Delegate = strings.Repeat("Überlangername", 20) // one word wider than its column
	b := renderAgenda(t, a)
	if !shown(pdfContent(t, b), "Café ? ?? ? Ltd") {
		t.Error("letters without a glyph are not replaced by ?")
	}
}
