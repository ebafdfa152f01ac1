package core_test

import (
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/event"
	"passerelle/internal/store/storetest"
)

// checkSeededConvention: the demonstration event is published, upcoming
// (a month ahead), open to registration, with two sessions of 20-minute
// meetings around a coffee break, 30 tables, three types (one paid), and
// eleven confirmed registrations with one or two delegates whose profile
// was prefilled.
func checkSeededConvention(t *testing.T, db *storetest.DB) {
	t.Helper()
	e, err := core.DemoEvent(t.Context(), db.Store)
	if err != nil {
		t.Fatalf("demo event: %v", err)
	}
	now := time.Now()
	if e.State != event.Published || !e.RegistrationOpen(now) || e.StartsAt().Before(now.AddDate(0, 0, 25)) || e.Tables != 30 {
		t.Errorf("demo event: %+v", e)
	}
	if len(e.Sessions) != 2 || len(e.Types) != 3 || e.RegisteredOrganisations != 11 {
		t.Fatalf("demo event: %d sessions, %d types, %d registered", len(e.Sessions), len(e.Types), e.RegisteredOrganisations)
	}
	paid := 0
	for _, pt := range e.Types {
		if pt.FeeCents > 0 {
			paid++
		}
	}
	if paid != 1 {
		t.Errorf("%d paid types, want 1", paid)
	}
	if n := len(event.Slots(e.Sessions)); n < 18 {
		t.Errorf("%d slots", n)
	}
	regs, _, err := db.Store.ListRegistrations(t.Context(), e.ID, event.Confirmed, "", 100)
	if err != nil || len(regs) != 11 {
		t.Fatalf("registrations: %d %v", len(regs), err)
	}
	delegates, profiled, limited := 0, 0, 0
	for _, r := range regs {
		if len(r.Delegates) < 1 || len(r.Delegates) > 2 {
			t.Errorf("%s: %d delegates", r.OrganisationName, len(r.Delegates))
		}
		for _, d := range r.Delegates {
			delegates++
			if d.Offers != "" || d.Needs != "" {
				profiled++
			}
			if len(d.Availability) > 0 {
				limited++
			}
		}
	}
	if delegates < 14 || profiled < delegates-2 || limited != 3 {
		t.Errorf("%d delegates, %d with a profile, %d with limited availability", delegates, profiled, limited)
	}
}
