package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/store/storetest"
)

func newRunner(t testing.TB, db *storetest.DB, opts jobs.Options) *jobs.Runner {
	t.Helper()
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	opts.Renderer = renderer
	runner, err := jobs.New(db.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), opts)
	if err != nil {
		t.Fatal(err)
	}
	return runner
}

type tenderActors struct {
	org                domain.Organisation
	buyer, moderator   domain.Principal
	buyerAct, moderAct core.Actor
}

func newTenderActors(t testing.TB, db *storetest.DB) tenderActors {
	org := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	b := db.User(t, storetest.UserOptions{Organisation: org.ID})
	m := db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator})
	return tenderActors{org: org,
		buyer:     domain.Principal{UserID: b.ID, Memberships: map[string]domain.MembershipRole{org.ID: domain.RoleOwner}},
		moderator: domain.Principal{UserID: m.ID, PlatformRole: domain.PlatformModerator},
		buyerAct:  core.Actor{UserID: b.ID}, moderAct: core.Actor{UserID: m.ID, PlatformRole: domain.PlatformModerator}}
}

// draftTender creates a draft with one lot, due at deadline.
func draftTender(t *testing.T, tenders *core.Tenders, a tenderActors, deadline time.Time) domain.Tender {
	t.Helper()
	ctx := t.Context()
	tn, err := tenders.Create(ctx, a.buyerAct, a.buyer, a.org.ID, domain.Tender{Kind: domain.TenderQuoteRequest, OriginalLanguage: domain.LangDE,
		PlaceNUTS: "DEC01", PlaceTown: "Saarbrücken", QuestionsDeadline: deadline, ResponsesDeadline: deadline,
		ResponseLanguages: []domain.Language{domain.LangDE}, Texts: []domain.TenderText{{Language: domain.LangDE, Title: "Grünpflege"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tenders.AddLot(ctx, a.buyerAct, a.buyer, a.org.ID, tn.ID, domain.TenderLot{Title: "Park"}); err != nil {
		t.Fatal(err)
	}
	if tn, err = tenders.Submit(ctx, a.buyerAct, a.buyer, a.org.ID, tn.ID); err != nil {
		t.Fatal(err)
	}
	return tn
}

func waitState(t *testing.T, db *storetest.DB, id string, want domain.TenderState, within time.Duration) {
	t.Helper()
	var got domain.TenderState
	for deadline := time.Now().Add(within); ; time.Sleep(100 * time.Millisecond) {
		tn, err := db.Store.GetTender(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		if got = tn.State; got == want {
			return
		}
		if time.Now().After(deadline) {
			break
		}
	}
	t.Fatalf("tender %s is %s after %s, want %s", id, got, within, want)
}

// TestTenderClosesAtDeadlineAfterRestart publishes a tender with a short
// deadline, stops the job client before the deadline, lets the deadline
// pass with no client running, then starts a new client: the job
// scheduled in PostgreSQL closes the tender.
func TestTenderClosesAtDeadlineAfterRestart(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	a := newTenderActors(t, db)
	first := newRunner(t, db, jobs.Options{})
	if err := first.Start(ctx); err != nil {
		t.Fatal(err)
	}
	tenders := core.NewTenders(db.Store, first, time.Now, core.TendersConfig{})
	deadline := time.Now().Add(3 * time.Second)
	tn := draftTender(t, tenders, a, deadline)
	if _, err := tenders.Decide(ctx, a.moderAct, a.moderator, tn.ID, core.DecisionApprove, ""); err != nil {
		t.Fatal(err)
	}
	stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := first.Stop(stopCtx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Until(deadline) + time.Second)
	waitState(t, db, tn.ID, domain.TenderPublished, 0) // nobody closed it meanwhile

	second := newRunner(t, db, jobs.Options{})
	if err := second.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = second.Stop(stopCtx)
	})
	waitState(t, db, tn.ID, domain.TenderClosed, 20*time.Second)
	closed, err := db.Store.GetTender(ctx, tn.ID)
	if err != nil {
		t.Fatal(err)
	}
	if closed.ClosedAt == nil || closed.ClosedAt.Before(deadline) {
		t.Errorf("closed at %v, before the deadline %v", closed.ClosedAt, deadline)
	}
	// Running the job again changes nothing.
	if again, err := core.CloseTenderAtDeadline(ctx, db.Store, nil, nil, tn.ID, time.Now()); err != nil || again {
		t.Errorf("second close: %v %v", again, err)
	}
}

// TestCloseJobWaitsForAMovedDeadline: a job of an earlier deadline finds
// the tender not due and leaves it open.
func TestCloseJobWaitsForAMovedDeadline(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	a := newTenderActors(t, db)
	runner := newRunner(t, db, jobs.Options{})
	tenders := core.NewTenders(db.Store, runner, time.Now, core.TendersConfig{})
	tn := draftTender(t, tenders, a, time.Now().Add(time.Hour))
	if _, err := tenders.Decide(ctx, a.moderAct, a.moderator, tn.ID, core.DecisionApprove, ""); err != nil {
		t.Fatal(err)
	}
	if closed, err := core.CloseTenderAtDeadline(ctx, db.Store, nil, nil, tn.ID, time.Now()); err != nil || closed {
		t.Fatalf("closed before its deadline: %v %v", closed, err)
	}
	if closed, err := core.CloseTenderAtDeadline(ctx, db.Store, nil, nil, tn.ID, time.Now().Add(time.Hour)); err != nil || !closed {
		t.Fatalf("not closed at its deadline: %v %v", closed, err)
	}
}

// TestStaleChangesRequestedAreRejected runs the periodic job: a tender
// waiting on changes for 10 days is rejected, a recent one stays.
func TestStaleChangesRequestedAreRejected(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	a := newTenderActors(t, db)
	runner := newRunner(t, db, jobs.Options{StaleTenderInterval: 300 * time.Millisecond, PublicURL: "https://passerelle.example",
		Notifications: core.NotificationsConfig{PublicURL: "https://passerelle.example", SecretKey: []byte("jobs-test-secret-key-0123456789abcdef")}})
	tenders := core.NewTenders(db.Store, runner, time.Now, core.TendersConfig{})
	old := draftTender(t, tenders, a, time.Now().Add(30*24*time.Hour))
	recent := draftTender(t, tenders, a, time.Now().Add(30*24*time.Hour))
	for _, id := range []string{old.ID, recent.ID} {
		if _, err := tenders.Decide(ctx, a.moderAct, a.moderator, id, core.DecisionRequestChanges, "Précisez le lieu."); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Pool.Exec(ctx, "UPDATE tenders SET changes_requested_at = now() - interval '10 days 1 minute' WHERE id = $1", old.ID); err != nil {
		t.Fatal(err)
	}
	if err := runner.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = runner.Stop(stopCtx)
	})
	waitState(t, db, old.ID, domain.TenderRejected, 20*time.Second)
	time.Sleep(time.Second) // a few more runs
	waitState(t, db, recent.ID, domain.TenderChangesRequested, 0)
	rows, err := db.Store.ListAudit(ctx, "tender", old.ID, 1)
	if err != nil || len(rows) != 1 || rows[0].Action != "tender.rejected" || rows[0].ActorKind != "system" {
		t.Errorf("audit of the automatic rejection: %+v %v", rows, err)
	}
	// The buyer is told: one email queued (no SMTP server here) per
	// decision, the last one the automatic rejection with its link.
	var decisions []string
	q, err := db.Pool.Query(ctx, `SELECT args->'data'->>'Decision' || ' ' || (args->'data'->>'Link') FROM river_job
		WHERE kind = 'send_email' AND args->>'template' = 'tender_decision' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	for q.Next() {
		var s string
		if err := q.Scan(&s); err != nil {
			t.Fatal(err)
		}
		decisions = append(decisions, s)
	}
	if len(decisions) != 3 || decisions[2] != "rejected https://passerelle.example/workspace/buyer/tenders/"+old.ID {
		t.Errorf("decision emails: %q", decisions)
	}
	// The automatic rejection goes through the notifications: in the app,
	// and its email is a notification email (with its unsubscribe link).
	var notes, withUnsubscribe int
	if err := db.Pool.QueryRow(ctx, `SELECT count(*) FROM notifications WHERE kind = 'tender_decision'
		AND category = 'listing_decisions' AND email_state = 'sent' AND data->>'Decision' = 'rejected'`).Scan(&notes); err != nil {
		t.Fatal(err)
	}
	if err := db.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'send_email'
		AND args->>'template' = 'tender_decision' AND args->'unsubscribe'->>'link' LIKE 'https://passerelle.example/api/v1/unsubscribe?token=%'`).Scan(&withUnsubscribe); err != nil {
		t.Fatal(err)
	}
	if notes != 1 || withUnsubscribe != 1 {
		t.Errorf("automatic rejection: %d notifications, %d notification emails; want 1 and 1", notes, withUnsubscribe)
	}
}
