package core

import (
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/schedule"
	"passerelle/internal/store"
)

func TestMatchScore(t *testing.T) {
	supplier := matchProfile{Kind: domain.OrgSSESupplier, Sectors: []string{"cleaning.offices"},
		Market: store.MarketProfile{OfferSectors: []string{"cleaning.windows"}}}
	// A buyer whose open tender needs window cleaning (90911300-9) and who
	// also works in office cleaning.
	buyer := matchProfile{Kind: domain.OrgPublicBuyer, Sectors: []string{"cleaning.offices"},
		Market: store.MarketProfile{TenderCPV: []string{"90911300-9"}}}
	score, reasons := matchScore(supplier, buyer)
	want := []string{"Shared sector: Office cleaning", "Their open tenders need Window cleaning, which you offer", "A buyer and an SSE supplier"}
	if score != pointsSharedSector+pointsTenderOffer+pointsComplement || len(reasons) != len(want) {
		t.Fatalf("score %v, reasons %v", score, reasons)
	}
	for i, r := range reasons {
		if r.EN != want[i] || r.FR == "" || r.DE == "" || r.NL == "" || r.FR == r.EN {
			t.Errorf("reason %d: %+v, want %q in four languages", i, r, want[i])
		}
	}
	// Seen from the buyer: the same meeting, the tender reason turned round.
	score2, reasons2 := matchScore(buyer, supplier)
	if score2 != score || reasons2[1].EN != "They offer Window cleaning, which your open tenders need" {
		t.Errorf("from the buyer: %v %v", score2, reasons2)
	}
	if s, r := matchScore(supplier, matchProfile{Kind: domain.OrgSSESupplier, Sectors: []string{"green_spaces.parks"}}); s != 0 || len(r) != 0 {
		t.Errorf("nothing in common: %v %v", s, r)
	}
}

func TestAvailableSlots(t *testing.T) {
	base := time.Date(2027, 3, 12, 8, 0, 0, 0, time.UTC)
	slots := event.Slots([]event.Session{{ID: "s", Start: base, End: base.Add(2 * time.Hour), MeetingMinutes: 20}})
	if len(slots) != 6 {
		t.Fatalf("%d slots", len(slots))
	}
	all := availableSlots(slots, nil)
	if len(all) != 6 {
		t.Errorf("no windows: %v", all)
	}
	// 08:30–09:20 holds the slots of 08:40 and 09:00 only (08:20 starts
	// before, 09:20 ends after).
	got := availableSlots(slots, []store.TimeWindow{{Start: base.Add(30 * time.Minute), End: base.Add(80 * time.Minute)}})
	if len(got) != 2 || got[0] != 2 || got[1] != 3 {
		t.Errorf("window: %v", got)
	}
}

// TestKeepLockedTables: a locked meeting gets back its table, the meeting
// the solver seated there takes the freed one, and a confirmed meeting's
// table is never taken.
func TestKeepLockedTables(t *testing.T) {
	in := scheduleInput{inst: schedule.Instance{Tables: 3, Confirmed: []schedule.Meeting{{Request: "c", Slot: 0, Table: 1}}},
		wantTable: map[string]int{"locked": 2, "blocked": 1}}
	sched := schedule.Schedule{Meetings: []schedule.Meeting{
		{Request: "locked", Slot: 0, Table: 0}, {Request: "other", Slot: 0, Table: 2}, {Request: "c", Slot: 0, Table: 1},
		{Request: "blocked", Slot: 1, Table: 0}, {Request: "x", Slot: 1, Table: 1},
	}}
	keepLockedTables(&sched, in)
	table := map[string]int{}
	for _, m := range sched.Meetings {
		table[m.Request] = m.Table
	}
	if table["locked"] != 2 || table["other"] != 0 || table["c"] != 1 {
		t.Errorf("slot 0: %v", table)
	}
	// In slot 1 table 1 is free to swap with an unlocked meeting.
	if table["blocked"] != 1 || table["x"] != 0 {
		t.Errorf("slot 1: %v", table)
	}
}
