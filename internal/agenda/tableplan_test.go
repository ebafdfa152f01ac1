package agenda

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// testPlans builds a day of slots with 45 tables, every ninth one free.
func testPlans(slots int) []TablePlan {
	start := time.Date(2026, 11, 26, 13, 0, 0, 0, time.UTC)
	var plans []TablePlan
	for s := range slots {
		p := TablePlan{
			Event:     testEvent(),
			Lang:      "nl",
			Start:     start.Add(time.Duration(s) * 20 * time.Minute),
			End:       start.Add(time.Duration(s+1) * 20 * time.Minute),
			Generated: generated,
		}
		for table := 1; table <= 45; table++ {
			row := TableRow{Table: table, A: parties[table%5], B: parties[(table+s+1)%5]}
			if table%9 == 0 {
				row = TableRow{Table: table} // free table
			}
			p.Rows = append(p.Rows, row)
		}
		plans = append(plans, p)
	}
	return plans
}

func renderPlans(t *testing.T, plans []TablePlan) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := TablePlanPDF(&buf, plans); err != nil {
		t.Fatalf("TablePlanPDF: %v", err)
	}
	return buf.Bytes()
}

func TestTablePlanOneSectionPerSlot(t *testing.T) {
	plans := testPlans(4)
	// Given out of order: the document must still follow the clock.
	plans[0], plans[3] = plans[3], plans[0]
	b := renderPlans(t, plans)
	pages := pdfPageCount(t, b)
	if pages < 4 {
		t.Fatalf("%d pages for 4 slots, want at least one page per slot", pages)
	}
	content := pdfContent(t, b)
	last := -1
	for _, slot := range []string{"14:00–14:20", "14:20–14:40", "14:40–15:00", "15:00–15:20"} {
		heading := "donderdag 26 november 2026, " + slot
		i := strings.Index(content, "("+pdfString(heading)+")")
		if i < 0 {
			t.Fatalf("slot heading %q missing", heading)
		}
		if i < last {
			t.Errorf("slot %s printed before an earlier slot", slot)
		}
		last = i
	}
	// 45 tables, 5 free: the free ones are left out of the count and the rows.
	if n := strings.Count(content, "("+pdfString("40 afspraken · Lokale tijd op de locatie (Europe/Paris).")+")"); n < 4 {
		t.Errorf("the count of 40 meetings appears %d times, want once per page of each slot", n)
	}
	if shown(content, "—") {
		t.Error("a free table is printed with an empty side")
	}
	if n := strings.Count(content, "("+pdfString("Sociale Werkplaats Limburg")+")"); n != 4*(9+7) {
		t.Errorf("Sociale Werkplaats Limburg seated %d times, want %d", n, 4*(9+7))
	}
	for _, s := range []string{"Tafelplan — Convention d'affaires Grande Région 2026", "Tafel", "Deelnemer A", "Deelnemer B", "Jürgen Weiß · Fournisseur ESAT/EA · Duitsland"} {
		if !shown(content, s) {
			t.Errorf("%q is not drawn", s)
		}
	}
}

func TestTablePlanRepeatsHeadingOnLongSlots(t *testing.T) {
	p := testPlans(1)[0]
	for table := 46; table <= 120; table++ {
		p.Rows = append(p.Rows, TableRow{Table: table, A: parties[0], B: parties[1]})
	}
	b := renderPlans(t, []TablePlan{p})
	pages := pdfPageCount(t, b)
	if pages < 2 {
		t.Fatalf("%d pages for 115 tables, want several", pages)
	}
	content := pdfContent(t, b)
	if n := strings.Count(content, "("+pdfString("donderdag 26 november 2026, 14:00–14:20 (vervolg)")+")"); n != pages-1 {
		t.Errorf("the continued heading is drawn %d times on %d pages", n, pages)
	}
	if n := strings.Count(content, "("+pdfString("Deelnemer A")+")"); n != pages {
		t.Errorf("the column titles are drawn %d times on %d pages", n, pages)
	}
}

func TestTablePlanEmpty(t *testing.T) {
	content := pdfContent(t, renderPlans(t, nil))
	if !shown(content, "No meetings to seat.") {
		t.Error("no plans: the sentence is missing")
	}
	p := testPlans(1)[0]
	p.Rows = []TableRow{{Table: 1}, {Table: 2}}
	content = pdfContent(t, renderPlans(t, []TablePlan{p}))
	if !shown(content, "Geen afspraken in dit tijdslot.") {
		t.Error("a slot with only free tables does not say so")
	}
	if shown(content, "Deelnemer A") {
		t.Error("a slot without meetings draws an empty table")
	}
}

func TestTablePlanRejectsInconsistentSlots(t *testing.T) {
	p := testPlans(1)[0]
	p.Rows = append(p.Rows, TableRow{Table: 3, A: parties[0], B: parties[1]})
	if err := TablePlanPDF(&bytes.Buffer{}, []TablePlan{p}); err == nil {
		t.Error("two meetings at table 3 in one slot gave no error")
	}
	p = testPlans(1)[0]
	p.End = p.Start
	if err := TablePlanPDF(&bytes.Buffer{}, []TablePlan{p}); err == nil {
		t.Error("a slot that ends when it starts gave no error")
	}
}

func TestTablePlanIsDeterministic(t *testing.T) {
	if !bytes.Equal(renderPlans(t, testPlans(3)), renderPlans(t, testPlans(3))) {
		t.Error("the same plans gave different bytes")
	}
	plans := testPlans(2)
	for i := range plans {
		plans[i].Generated = time.Time{}
	}
	if !bytes.Equal(renderPlans(t, plans), renderPlans(t, plans)) {
		t.Error("plans without a generation time gave different bytes")
	}
}
