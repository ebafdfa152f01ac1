package core_test

import (
	"context"
	"io"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/ocds"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// setTenderDates sets a tender's publication, closing and last change to
// at, as if nothing had happened to it since.
func setTenderDates(t testing.TB, db *storetest.DB, tenderID string, at time.Time) {
	t.Helper()
	if _, err := db.Pool.Exec(context.Background(),
		"UPDATE tenders SET published_at = $2, closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE $2::timestamptz END, updated_at = $2 WHERE id = $1",
		tenderID, at); err != nil {
		t.Fatal(err)
	}
}

// The release date is stored with the tender: recording a lot's outcome
// (through the use case, in its transaction) moves it to the outcome's
// time, which puts the tender first in the list and changes its release id.
func TestReleaseDateFollowsOutcomes(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	runner, err := jobs.New(db.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.Options{Renderer: renderer})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	tenders := core.NewTenders(db.Store, runner, clock, core.TendersConfig{})
	open := core.NewOpenData(db.Store, clock, core.OpenDataConfig{PublicURL: "https://passerelle.example"})

	buyerOrg := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	supplier := db.Organisation(t, storetest.OrganisationOptions{})
	u := db.User(t, storetest.UserOptions{Organisation: buyerOrg.ID})
	buyer := domain.Principal{UserID: u.ID, Memberships: map[string]domain.MembershipRole{buyerOrg.ID: domain.RoleOwner},
		ActiveOrganisationID: buyerOrg.ID}
	actor := core.Actor{UserID: u.ID}

	closed := db.Tender(t, buyerOrg.ID, storetest.TenderOptions{State: domain.TenderClosed,
		Lots: []domain.TenderLot{{Title: "Tonte"}, {Title: "Élagage"}}})
	setTenderDates(t, db, closed.ID, now.Add(-72*time.Hour))
	newer := db.Tender(t, buyerOrg.ID, storetest.TenderOptions{})
	setTenderDates(t, db, newer.ID, now.Add(-24*time.Hour))

	release := func() ocds.Release {
		t.Helper()
		pkg, err := open.Tender(ctx, closed.ID)
		if err != nil {
			t.Fatal(err)
		}
		return pkg.Releases[0]
	}
	first := func() string {
		t.Helper()
		pkg, err := open.Releases(ctx, "", "", 1)
		if err != nil {
			t.Fatal(err)
		}
		return pkg.Releases[0].Tender.ID
	}
	before := release()
	if before.Date != "2026-11-17T10:00:00Z" || first() != newer.ID {
		t.Fatalf("before any outcome: date %s, first %s", before.Date, first())
	}

	cents := int64(500000)
	now = now.Add(time.Hour)
	if _, err := tenders.RecordOutcome(ctx, actor, buyer, buyerOrg.ID, closed.ID, closed.Lots[0].ID,
		domain.LotOutcome{Result: domain.LotAwardedPasserelle, SupplierID: supplier.ID, AmountCents: &cents}); err != nil {
		t.Fatal(err)
	}
	one := release()
	if one.Date != "2026-11-20T11:00:00Z" || one.ID == before.ID || first() != closed.ID {
		t.Errorf("after the first outcome: date %s, id %s (was %s), first %s", one.Date, one.ID, before.ID, first())
	}
	// Stored in the outcome's transaction, not computed by the read.
	var stored time.Time
	if err := db.Pool.QueryRow(ctx, "SELECT released_at FROM tenders WHERE id = $1", closed.ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if !stored.Equal(now) {
		t.Errorf("stored release date = %s, want %s", stored, now)
	}
	// The last lot's outcome makes the tender awarded (its row is saved too).
	now = now.Add(time.Hour)
	if _, err := tenders.RecordOutcome(ctx, actor, buyer, buyerOrg.ID, closed.ID, closed.Lots[1].ID,
		domain.LotOutcome{Result: domain.LotNotAwarded}); err != nil {
		t.Fatal(err)
	}
	if two := release(); two.Date != "2026-11-20T12:00:00Z" || two.Tender.Status != "complete" {
		t.Errorf("after the last outcome: date %s, status %s", two.Date, two.Tender.Status)
	}
	// Suspending the winner hides it from the release, which is then a new
	// one; reinstating it names it again, in a newer one still.
	mod := db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator})
	moderator := domain.Principal{UserID: mod.ID, PlatformRole: domain.PlatformModerator, Memberships: map[string]domain.MembershipRole{}}
	suspensions := core.NewSuspensions(db.Store, runner, runner.Notifications(), clock, "https://passerelle.example")
	named := func(r ocds.Release) bool {
		for _, a := range r.Awards {
			if len(a.Suppliers) > 0 {
				return true
			}
		}
		return false
	}
	if !named(release()) {
		t.Fatal("the winner is not named before its suspension")
	}
	now = now.Add(time.Hour)
	if _, err := suspensions.Suspend(ctx, core.Actor{UserID: mod.ID}, moderator, supplier.ID, domain.DecisionReason{Note: "Contrôle"}); err != nil {
		t.Fatal(err)
	}
	if r := release(); r.Date != "2026-11-20T13:00:00Z" || named(r) || first() != closed.ID {
		t.Errorf("after the winner's suspension: date %s, winner named %v, first %s", r.Date, named(r), first())
	}
	now = now.Add(time.Hour)
	if _, err := suspensions.Reinstate(ctx, core.Actor{UserID: mod.ID}, moderator, supplier.ID, domain.DecisionReason{}); err != nil {
		t.Fatal(err)
	}
	if r := release(); r.Date != "2026-11-20T14:00:00Z" || !named(r) {
		t.Errorf("after the winner's reinstatement: date %s, winner named %v", r.Date, named(r))
	}
}

// Pages follow each other with no release twice and none left out, also
// among releases of the same date (ordered by id), and since bounds them.
func TestReleasePagesAreStable(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	open := core.NewOpenData(db.Store, func() time.Time { return at }, core.OpenDataConfig{PublicURL: "https://passerelle.example"})
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})

	type rel struct {
		id   string
		date time.Time
	}
	var want []rel
	for i := range 7 {
		tn := db.Tender(t, buyer.ID, storetest.TenderOptions{})
		date := at.Add(-time.Duration(i/3) * 24 * time.Hour) // three share each date
		setTenderDates(t, db, tn.ID, date)
		want = append(want, rel{tn.ID, date})
	}
	db.Tender(t, buyer.ID, storetest.TenderOptions{State: domain.TenderDraft})
	slices.SortFunc(want, func(a, b rel) int {
		if c := b.date.Compare(a.date); c != 0 {
			return c
		}
		return strings.Compare(b.id, a.id)
	})

	pages := func(since string) []string {
		t.Helper()
		var got []string
		cursor := ""
		for range 10 {
			pkg, err := open.Releases(ctx, since, cursor, 2)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range pkg.Releases {
				got = append(got, r.Tender.ID)
			}
			if pkg.Links == nil {
				return got
			}
			next, err := url.Parse(pkg.Links.Next)
			if err != nil {
				t.Fatal(err)
			}
			cursor = next.Query().Get("cursor")
		}
		t.Fatal("more than 10 pages")
		return nil
	}
	var all, recent []string
	for _, r := range want {
		all = append(all, r.id)
		if !r.date.Before(at.Add(-24 * time.Hour)) {
			recent = append(recent, r.id)
		}
	}
	if got := pages(""); !slices.Equal(got, all) {
		t.Errorf("pages = %v, want %v", got, all)
	}
	if got := pages(at.Add(-24 * time.Hour).Format(time.RFC3339)); !slices.Equal(got, recent) {
		t.Errorf("pages since a day = %v, want %v", got, recent)
	}
}

// One time zone everywhere: a tender published and awarded at 23:30 UTC
// on 31 January 2026 (00:30 on 1 February in Paris) counts in February in
// the public statistics and in the impact figures alike.
func TestMonthsAreCutInTheClusterTimeZone(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	at := time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC)
	clock := func() time.Time { return at.AddDate(0, 1, 0) }
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	supplier := db.Organisation(t, storetest.OrganisationOptions{})
	tn := db.Tender(t, buyer.ID, storetest.TenderOptions{State: domain.TenderAwarded, PublishedAt: at})
	cents := int64(100000)
	if err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveLotOutcome(ctx, domain.LotOutcome{LotID: tn.Lots[0].ID, Result: domain.LotAwardedPasserelle,
			SupplierID: supplier.ID, AmountCents: &cents, Currency: "EUR"}, "", at)
		return err
	}); err != nil {
		t.Fatal(err)
	}

	stats, _, err := core.NewOpenData(db.Store, clock, core.OpenDataConfig{}).Statistics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []store.MonthCount{{Month: "2026-02", Tenders: 1}}; !slices.Equal(stats.TendersByMonth, want) {
		t.Errorf("statistics by month = %+v, want %+v", stats.TendersByMonth, want)
	}
	mod := domain.Principal{UserID: "m", PlatformRole: domain.PlatformModerator}
	rep, err := core.NewImpact(db.Store, clock).Cluster(ctx, mod, core.ImpactFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []core.ImpactRow{row("2026-02", 1000, 1)}; !slices.Equal(rep.Figures.ByMonth, want) {
		t.Errorf("impact by month = %+v, want %+v", rep.Figures.ByMonth, want)
	}
	if core.ClusterTimeZone != "Europe/Paris" {
		t.Errorf("cluster time zone %q", core.ClusterTimeZone)
	}
}
