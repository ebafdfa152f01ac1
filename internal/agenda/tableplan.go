package agenda

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
)

// TablePlan is who sits at which table during one slot of an event.
type TablePlan struct {
	Event Event
	Lang  string
	Start time.Time
	End   time.Time
	Rows  []TableRow
	// Generated dates the document; TablePlanPDF uses the latest one among the
	// plans, or the earliest slot start when none is set, so that output stays
	// deterministic without a clock.
	Generated time.Time
}

// TableRow is one occupied table: the two parties meeting there.
type TableRow struct {
	Table int
	A, B  Party
}

// planColumns: table, participant A, participant B (180 mm in all).
var planColumns = []column{
	{Width: 18, Align: "C"},
	{Width: 81, Align: "L"},
	{Width: 81, Align: "L"},
}

// TablePlanPDF renders the organisers' table plan: one section per slot, in time
// order, each starting on a new page, with the occupied tables in number order
// (rows where nobody sits are left out). A section longer than a page repeats its
// heading and column titles. Times are in each event's time zone.
func TablePlanPDF(w io.Writer, plans []TablePlan) error {
	plans = slices.Clone(plans)
	slices.SortStableFunc(plans, func(x, y TablePlan) int { return x.Start.Compare(y.Start) })
	created := time.Time{}
	for i, p := range plans {
		if err := checkSlot(p.Start, p.End, 0); err != nil {
			return fmt.Errorf("agenda: table plan %d: %w", i, err)
		}
		if p.Generated.After(created) {
			created = p.Generated
		}
	}
	docText := newText("en")
	title := docText.get(labPlanTitle)
	if len(plans) > 0 {
		docText = newText(plans[0].Lang)
		title = docText.get(labPlanTitle) + " — " + calendarEventName(plans[0].Event)
		if created.IsZero() {
			created = plans[0].Start
		}
	}
	if created.IsZero() {
		created = time.Unix(0, 0)
	}
	d, err := newPDFDoc(docText, created, title)
	if err != nil {
		return err
	}
	if len(plans) == 0 {
		d.Header = func() {
			d.Paragraph(para{Text: docText.get(labPlanTitle), Style: styleTitle})
			d.Gap(3)
		}
		d.NewPage()
		d.Paragraph(para{Text: docText.get(labPlanEmpty), Style: styleHeading})
		return d.Finish(w)
	}
	for i, p := range plans {
		rows, err := occupiedRows(p.Rows)
		if err != nil {
			return fmt.Errorf("agenda: table plan %d: %w", i, err)
		}
		loc, err := p.Event.location()
		if err != nil {
			return err
		}
		t := newText(p.Lang)
		start, end := p.Start.In(loc), p.End.In(loc)
		slot := t.get(labPlanSlot, t.date(start), clock(start), clock(end))
		firstPage := true
		d.Header = func() {
			planHeader(d, t, p, slot, len(rows), !firstPage)
			if len(rows) > 0 {
				d.HeaderRow(planColumns, []string{t.get(labColTable), t.get(labPlanSideA), t.get(labPlanSideB)})
			}
		}
		d.NewPage()
		firstPage = false
		if len(rows) == 0 {
			d.Paragraph(para{Text: t.get(labPlanSlotEmpty), Style: styleHeading})
			continue
		}
		for j, r := range rows {
			table := "—"
			if r.Table > 0 {
				table = strconv.Itoa(r.Table)
			}
			d.TableRow(planColumns, [][]para{
				{{Text: table, Style: styleTableNo}},
				partyCell(t, r.A),
				partyCell(t, r.B),
			}, j%2 == 1)
		}
	}
	return d.Finish(w)
}

// occupiedRows drops free tables, sorts by table number, and refuses a table
// given twice in one slot (two meetings cannot share it).
func occupiedRows(rows []TableRow) ([]TableRow, error) {
	var out []TableRow
	seen := map[int]bool{}
	for _, r := range rows {
		if r.A.empty() && r.B.empty() {
			continue
		}
		if r.Table < 0 {
			return nil, fmt.Errorf("negative table number %d", r.Table)
		}
		if r.Table > 0 && seen[r.Table] {
			return nil, errors.New("table " + strconv.Itoa(r.Table) + " is given twice in one slot")
		}
		seen[r.Table] = true
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(x, y TableRow) int { return x.Table - y.Table })
	return out, nil
}

// planHeader draws the top of every page of a slot's section.
func planHeader(d *pdfDoc, t text, p TablePlan, slot string, count int, continued bool) {
	head := []para{
		{Text: t.get(labPlanTitle) + " — " + calendarEventName(p.Event), Style: styleTitle, MaxLines: 2},
	}
	if place := joinNonEmpty(", ", oneLine(p.Event.Venue), oneLine(p.Event.Address)); place != "" {
		head = append(head, para{Text: place, Style: styleBody, MaxLines: 2})
	}
	heading := slot
	if continued {
		heading += " " + t.get(labContinued)
	}
	head = append(head,
		para{Text: heading, Style: fontStyle{Face: "B", Size: 13}},
		para{Text: joinNonEmpty(" · ", t.get(labPlanCount, count), t.get(labTimesIn, locationName(p.Event))), Style: styleSmall},
	)
	blocks, h := d.Layout(head, contentWidth)
	y := d.F.GetY()
	d.DrawBlocks(blocks, pageMargin, y, contentWidth, "L")
	d.F.SetXY(pageMargin, y+h+3)
}

func locationName(e Event) string {
	if e.TimeZone == "" {
		return "UTC"
	}
	return e.TimeZone
}

// partyCell names a party: organisation in bold, then delegate, role and country.
func partyCell(t text, p Party) []para {
	if p.empty() {
		return []para{{Text: "—", Style: styleBody}}
	}
	cell := []para{{Text: oneLine(p.Organisation), Style: styleBold, MaxLines: 3}}
	if who := joinNonEmpty(" · ", oneLine(p.Delegate), oneLine(p.Role), t.country(p.Country)); who != "" {
		cell = append(cell, para{Text: who, Style: styleSmall, MaxLines: 3})
	}
	return cell
}
