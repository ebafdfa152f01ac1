package agenda

import (
	"io"
	"strconv"
	"strings"
	"time"
)

// agendaColumns: time, table, organisation, delegate, country (180 mm in all).
var agendaColumns = []column{
	{width: 27, align: "L"},
	{width: 15, align: "C"},
	{width: 59, align: "L"},
	{width: 48, align: "L"},
	{width: 31, align: "L"},
}

// dayColumn spans the table for a day's heading.
var dayColumn = []column{{width: contentWidth, align: "L"}}

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
	d.header = func() {
		agendaHeader(d, t, a, owner, loc)
		if inTable {
			d.headerRow(agendaColumns, titles)
			if day != "" {
				d.tableRow(dayColumn, [][]para{{{text: day + " " + t.get(labContinued), style: styleHeading}}}, false)
			}
		}
	}
	d.newPage()
	if len(meetings) == 0 {
		d.paragraph(para{text: t.get(labNoMeetings), style: styleHeading})
	} else {
		inTable = true
		d.headerRow(agendaColumns, titles)
		for i, m := range meetings {
			start, end := m.Start.In(loc), m.End.In(loc)
			if date := t.date(start); date != day {
				day = ""
				// Keep the day's heading with its first meeting.
				d.ensure(styleHeading.lineHeight() + 2*cellPadY + 12)
				d.tableRow(dayColumn, [][]para{{{text: date, style: styleHeading}}}, false)
				day = date
			}
			d.tableRow(agendaColumns, agendaCells(t, m, start, end), i%2 == 1)
		}
		inTable = false
	}
	if u := strings.TrimSpace(a.Event.URL); u != "" {
		d.gap(4)
		d.paragraph(para{text: t.get(labDetails, u), style: styleSmall})
	}
	return d.finish(w)
}

// agendaHeader draws the top of every page: event, stamp, delegate, version.
func agendaHeader(d *pdfDoc, t text, a Agenda, owner string, loc *time.Location) {
	top := d.f.GetY()
	stamp := t.get(labStampPreliminary)
	if a.Final {
		stamp = t.get(labStampFinal)
	}
	// As wide as the stamp's words on one line, within reason.
	d.setFont(styleHeading)
	stampWidth := min(max(d.f.GetStringWidth(d.clean(stamp))+6, 40), 75)
	// The stamp: a framed box at the top right, heavier for the final agenda.
	stampBlocks, sh := d.layout([]para{{text: stamp, style: styleHeading}}, stampWidth-4)
	sx := pageMargin + contentWidth - stampWidth
	d.f.SetDrawColor(0, 0, 0)
	if a.Final {
		d.f.SetLineWidth(0.8)
	} else {
		d.f.SetLineWidth(0.4)
		d.f.SetDashPattern([]float64{1.5, 1}, 0)
	}
	d.f.Rect(sx, top, stampWidth, sh+4, "D")
	d.f.SetDashPattern(nil, 0)
	d.drawBlocks(stampBlocks, sx+2, top+2, stampWidth-4, "C")

	left := contentWidth - stampWidth - 4
	var lines []para
	lines = append(lines, para{text: calendarEventName(a.Event), style: styleTitle, maxLines: 2})
	if place := joinNonEmpty(", ", oneLine(a.Event.Venue), oneLine(a.Event.Address)); place != "" {
		lines = append(lines, para{text: place, style: styleBody, maxLines: 2})
	}
	blocks, h := d.layout(lines, left)
	d.drawBlocks(blocks, pageMargin, top, left, "L")
	y := top + max(h, sh+4) + 2

	who := []para{{text: t.get(labAgendaOf, owner), style: styleHeading}}
	org := joinNonEmpty(" · ", oneLine(a.Delegate.Organisation), oneLine(a.Delegate.Role), t.country(a.Delegate.Country))
	if org != "" && org != owner {
		who = append(who, para{text: org, style: styleBody})
	}
	firmness := t.get(labPreliminaryNote)
	if a.Final {
		firmness = t.get(labFinalNote)
	}
	gen := a.Generated.In(loc)
	zone := loc.String()
	who = append(who, para{
		text:  joinNonEmpty(" ", t.get(labVersion, a.Version, t.date(gen), clock(gen)), firmness, t.get(labTimesIn, zone)),
		style: styleSmall,
	})
	blocks, h = d.layout(who, contentWidth)
	d.drawBlocks(blocks, pageMargin, y, contentWidth, "L")
	d.f.SetXY(pageMargin, y+h+3)
}

// agendaCells fills the five columns of one meeting.
func agendaCells(t text, m Meeting, start, end time.Time) [][]para {
	timeCell := []para{{text: clock(start) + "–" + clock(end), style: styleBold}}
	if m.Locked {
		timeCell = append(timeCell, para{text: t.get(labLockedShort), style: styleSmall})
	}
	table := "—"
	if m.Table > 0 {
		table = strconv.Itoa(m.Table)
	}
	orgCell := []para{{text: oneLine(m.Other.Organisation), style: styleBold, maxLines: 3}}
	if n := strings.TrimSpace(m.Note); n != "" {
		orgCell = append(orgCell, para{text: n, style: styleNote, maxLines: 4})
	}
	delegateCell := []para{{text: oneLine(m.Other.Delegate), style: styleBody, maxLines: 3}}
	if r := oneLine(m.Other.Role); r != "" {
		delegateCell = append(delegateCell, para{text: r, style: styleSmall, maxLines: 2})
	}
	return [][]para{
		timeCell,
		{{text: table, style: styleTableNo}},
		orgCell,
		delegateCell,
		{{text: t.country(m.Other.Country), style: styleBody, maxLines: 2}},
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
