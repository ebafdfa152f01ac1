package jobs_test

import (
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/store/storetest"
)

// TestPurchaseImportFailsOnItsLastAttempt: an import whose insertion fails
// (here a constraint the rows break, standing for any database error) stays
// "parsing" while River will retry it, and ends "failed" with a reason in
// four languages on the last attempt, with nothing inserted.
func TestPurchaseImportFailsOnItsLastAttempt(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer, Country: "LU"})
	u := db.User(t, storetest.UserOptions{Organisation: buyer.ID, Role: domain.RoleMember})
	p := domain.Principal{UserID: u.ID, Memberships: map[string]domain.MembershipRole{buyer.ID: domain.RoleMember}}
	ps := core.NewPurchases(db.Store, nil, time.Now)
	ledger := "supplier,amount,date,category\n81234567600009,10.00,2026-01-05,Reinigung\n81234567600009,20.00,2026-01-06,Reinigung\n"
	imp, err := ps.Upload(ctx, core.Actor{UserID: u.ID}, p, buyer.ID, "ledger.csv", strings.NewReader(ledger))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Pool.Exec(ctx, `ALTER TABLE purchases ADD CONSTRAINT forced_failure CHECK (amount_cents < 0)`); err != nil {
		t.Fatal(err)
	}
	w := &jobs.ProcessPurchaseImportWorker{Store: db.Store, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	job := func(attempt int) *river.Job[jobs.ProcessPurchaseImportArgs] {
		return &river.Job[jobs.ProcessPurchaseImportArgs]{JobRow: &rivertype.JobRow{ID: 7, Attempt: attempt, MaxAttempts: 3},
			Args: jobs.ProcessPurchaseImportArgs{ImportID: imp.ID}}
	}
	state := func() domain.PurchaseImport {
		t.Helper()
		got, err := ps.GetImport(ctx, p, buyer.ID, imp.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if err := w.Work(ctx, job(1)); err == nil {
		t.Fatal("the insertion did not fail")
	}
	if got := state(); got.State != domain.ImportParsing {
		t.Fatalf("after a first failed attempt: %+v (River retries it)", got)
	}
	if err := w.Work(ctx, job(3)); err == nil {
		t.Fatal("the last attempt did not fail")
	}
	got := state()
	if got.State != domain.ImportFailed || got.Failure == nil || got.Failure.FR == "" || got.Failure.DE == "" || got.Failure.NL == "" ||
		got.Failure.FR == got.Failure.EN || got.FinishedAt == nil || got.RowsImported != 0 {
		t.Fatalf("after the last attempt: %+v", got)
	}
	if n, err := db.Store.CountPurchases(ctx, buyer.ID); err != nil || n != 0 {
		t.Errorf("%d purchases inserted, %v", n, err)
	}
}
