package agenda

import (
	"io"
	"strconv"
	"strings"
	"time"
)

// agendaColumns: time, table, organisation, delegate, country (180 mm in all).
var agendaColumns = []column{
	{Width: 27, Align: "L"},
	{Width: 15, Align: "C"},
	{Width: 59, Align: "L"},
	{Width: 48, Align: "L"},
	{Width: 31, Align: "L"},
}

// dayColumn spans the table for a day's heading.
var dayColumn = []column{{Width: contentWidth, Align: "L"}}

// PDF renders the agenda as a printable A4 document: the event, the delegate, a
// preliminary or final stamp, then the meetings in time order with the times in
// the event's time zone (24-hour clock), grouped by day. Long agendas break
// across pages with the header and column titles repeated; every page is
// numbered "x / y". Cancelled meetings are left out.
func PDF(w io.Writer, a Agenda) error {
	if err := a.validate(); err != nil {
		return err
	}
	loc, err := a.Event.location()
	if err != nil {
		return err
	}
	t := newText(a.Lang)
	owner := strings.TrimSpace(a.Delegate.Delegate)
	if owner == "" {
		owner = a.Delegate.displayName()
	}
	title := t.get(labAgendaOf, owner) + " — " + calendarEventName(a.Event)
	d, err := newPDFDoc(t, a.Generated, title)
	if err != nil {
		return err
	}
	var meetings []Meeting
	for _, m := range sortedMeetings(a.Meetings) {
		if !m.Cancelled {
			meetings = append(meetings, m)
		}
	}
	inTable := false
	day := "" // the day being listed, repeated at the top of a page that continues it
	titles := []string{t.get(labColTime), t.get(labColTable), t.get(labColOrganisation), t.get(labColDelegate), t.get(labColCountry)}
	d.Header = func() {
		agendaHeader(d, t, a, owner, loc)
		if inTable {
			d.HeaderRow(agendaColumns, titles)
			if day != "" {
				d.TableRow(dayColumn, [][]para{{{Text: day + " " + t.get(labContinued), Style: styleHeading}}}, false)
			}
		}
	}
	d.NewPage()
	if len(meetings) == 0 {
		d.Paragraph(para{Text: t.get(labNoMeetings), Style: styleHeading})
	} else {
		inTable = true
		d.HeaderRow(agendaColumns, titles)
		for i, m := range meetings {
			start, end := m.Start.In(loc), m.End.In(loc)
			if date := t.date(start); date != day {
				day = ""
				// Keep the day's heading with its first meeting.
				d.Ensure(styleHeading.LineHeight() + 2*cellPadY + 12)
				d.TableRow(dayColumn, [][]para{{{Text: date, Style: styleHeading}}}, false)
				day = date
			}
			d.TableRow(agendaColumns, agendaCells(t, m, start, end), i%2 == 1)
		}
		inTable = false
	}
	if u := strings.TrimSpace(a.Event.URL); u != "" {
		d.Gap(4)
		d.Paragraph(para{Text: t.get(labDetails, u), Style: styleSmall})
	}
	return d.Finish(w)
}

// agendaHeader draws the top of every page: event, stamp, delegate, version.
func agendaHeader(d *pdfDoc, t text, a Agenda, owner string, loc *time.Location) {
	top := d.F.GetY()
	stamp := t.get(labStampPreliminary)
	if a.Final {
		stamp = t.get(labStampFinal)
	}
	// As wide as the stamp's words on one line, within reason.
	d.SetFont(styleHeading)
	stampWidth := min(max(d.F.GetStringWidth(d.Clean(stamp))+6, 40), 75)
	// The stamp: a framed box at the top right, heavier for the final agenda.
	stampBlocks, sh := d.Layout([]para{{Text: stamp, Style: styleHeading}}, stampWidth-4)
	sx := pageMargin + contentWidth - stampWidth
	d.F.SetDrawColor(0, 0, 0)
	if a.Final {
		d.F.SetLineWidth(0.8)
	} else {
		d.F.SetLineWidth(0.4)
		d.F.SetDashPattern([]float64{1.5, 1}, 0)
	}
	d.F.Rect(sx, top, stampWidth, sh+4, "D")
	d.F.SetDashPattern(nil, 0)
	d.DrawBlocks(stampBlocks, sx+2, top+2, stampWidth-4, "C")

	left := contentWidth - stampWidth - 4
	var lines []para
	lines = append(lines, para{Text: calendarEventName(a.Event), Style: styleTitle, MaxLines: 2})
	if place := joinNonEmpty(", ", oneLine(a.Event.Venue), oneLine(a.Event.Address)); place != "" {
		lines = append(lines, para{Text: place, Style: styleBody, MaxLines: 2})
	}
	blocks, h := d.Layout(lines, left)
	d.DrawBlocks(blocks, pageMargin, top, left, "L")
	y := top + max(h, sh+4) + 2

	who := []para{{Text: t.get(labAgendaOf, owner), Style: styleHeading}}
	org := joinNonEmpty(" · ", oneLine(a.Delegate.Organisation), oneLine(a.Delegate.Role), t.country(a.Delegate.Country))
	if org != "" && org != owner {
		who = append(who, para{Text: org, Style: styleBody})
	}
	firmness := t.get(labPreliminaryNote)
	if a.Final {
		firmness = t.get(labFinalNote)
	}
	gen := a.Generated.In(loc)
	zone := loc.String()
	who = append(who, para{
		Text:  joinNonEmpty(" ", t.get(labVersion, a.Version, t.date(gen), clock(gen)), firmness, t.get(labTimesIn, zone)),
		Style: styleSmall,
	})
	blocks, h = d.Layout(who, contentWidth)
	d.DrawBlocks(blocks, pageMargin, y, contentWidth, "L")
	d.F.SetXY(pageMargin, y+h+3)
}

// agendaCells fills the five columns of one meeting.
func agendaCells(t text, m Meeting, start, end time.Time) [][]para {
	timeCell := []para{{Text: clock(start) + "–" + clock(end), Style: styleBold}}
	if m.Locked {
		timeCell = append(timeCell, para{Text: t.get(labLockedShort), Style: styleSmall})
	}
	table := "—"
	if m.Table > 0 {
		table = strconv.Itoa(m.Table)
	}
	orgCell := []para{{Text: oneLine(m.Other.Organisation), Style: styleBold, MaxLines: 3}}
	if n := strings.TrimSpace(m.Note); n != "" {
		orgCell = append(orgCell, para{Text: n, Style: styleNote, MaxLines: 4})
	}
	delegateCell := []para{{Text: oneLine(m.Other.Delegate), Style: styleBody, MaxLines: 3}}
	if r := oneLine(m.Other.Role); r != "" {
		delegateCell = append(delegateCell, para{Text: r, Style: styleSmall, MaxLines: 2})
	}
	return [][]para{
		timeCell,
		{{Text: table, Style: styleTableNo}},
		orgCell,
		delegateCell,
		{{Text: t.country(m.Other.Country), Style: styleBody, MaxLines: 2}},
	}
}

// joinNonEmpty joins the non-blank parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
