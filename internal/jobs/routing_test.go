package jobs_test

import (
	"context"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// routingWorld is a buyer's published tender with one lot reserved to
// sheltered workshops, and n eligible suppliers, each with one member.
func routingWorld(t *testing.T, db *storetest.DB, n int) (tenderID, lotID string, members []string) {
	t.Helper()
	db.CPVCodes(t, "90910000-9", "90911200-8")
	for range n {
		org := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "FR"})
		share := 80.0
		db.SSEStatus(t, org.ID, storetest.StatusOptions{Type: domain.SSEFrESAT, DisabledShare: &share})
		db.Offer(t, org.ID, storetest.OfferOptions{CPV: []string{"90911200-8"}})
		members = append(members, db.User(t, storetest.UserOptions{Organisation: org.ID, EmailVerified: true}).ID) // notifiable
	}
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	tn := db.Tender(t, buyer.ID, storetest.TenderOptions{Lots: []domain.TenderLot{{Title: "Bureaux", CPV: []string{"90910000-9"},
		Clauses: domain.LotClauses{ReservedParticipation: domain.ReservedShelteredWorkshops, LegalBases: []domain.LegalBasis{domain.BasisFRL211312}}}}})
	return tn.ID, tn.Lots[0].ID, members
}

func jobsDone(t *testing.T, db *storetest.DB, kind string) int {
	t.Helper()
	var n int
	if err := db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM river_job WHERE kind = $1 AND state = 'completed'", kind).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !cond(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func routedCount(t *testing.T, db *storetest.DB, lotID string) int {
	t.Helper()
	c, err := db.Store.CountLotRoutes(t.Context(), lotID)
	if err != nil {
		t.Fatal(err)
	}
	return c.Routed
}

// TestRoutingTopUpRunsPeriodically: the periodic top-up (on a short
// interval here, daily in production) routes a lot's batch, and however
// many times it runs the same day, no second one.
func TestRoutingTopUpRunsPeriodically(t *testing.T) {
	db := storetest.New(t)
	_, lotID, _ := routingWorld(t, db, 2)
	runner := newRunner(t, db, jobs.Options{RoutingTopUpInterval: 200 * time.Millisecond, FetchPollInterval: 50 * time.Millisecond,
		Routing: core.RoutingConfig{BatchSize: 1}})
	if err := runner.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopRunner(t, runner) })
	waitFor(t, "the first top-up", func() bool { return routedCount(t, db, lotID) == 1 })
	runs := jobsDone(t, db, "routing_top_up")
	waitFor(t, "three more top-ups", func() bool { return jobsDone(t, db, "routing_top_up") >= runs+3 })
	if n := routedCount(t, db, lotID); n != 1 {
		t.Fatalf("routed to %d suppliers the same day, want 1", n)
	}
}

// TestRouteTenderJobIsIdempotent: the routing job queued at publication
// routes the lot and tells the supplier's member; the same job queued
// again (as a retry would run it) routes and tells nobody more.
func TestRouteTenderJobIsIdempotent(t *testing.T) {
	db := storetest.New(t)
	tenderID, lotID, members := routingWorld(t, db, 1)
	runner := newRunner(t, db, jobs.Options{FetchPollInterval: 50 * time.Millisecond})
	if err := runner.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopRunner(t, runner) })
	for i := 1; i <= 2; i++ {
		if err := db.Store.WithTx(t.Context(), func(tx *store.Tx) error { return runner.ScheduleRouting(t.Context(), tx, tenderID) }); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "the routing job", func() bool { return jobsDone(t, db, "route_tender") == i })
		if n := routedCount(t, db, lotID); n != 1 {
			t.Fatalf("run %d: routed to %d", i, n)
		}
		page, _, err := db.Store.ListNotificationsPage(t.Context(), members[0], false, "", 10)
		if err != nil || len(page) != 1 || page[0].Category != domain.NotifyNewMatchingNeed {
			t.Fatalf("run %d: notifications %+v %v", i, page, err)
		}
	}
}

func stopRunner(t *testing.T, r *jobs.Runner) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := r.Stop(ctx); err != nil {
		t.Errorf("stop: %v", err)
	}
}
