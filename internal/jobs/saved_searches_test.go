package jobs_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
	"passerelle/internal/search/crosslang"
	"passerelle/internal/store/storetest"
)

// searchOutage fails every search while down is set; indexing works.
type searchOutage struct {
	search.Engine
	down     atomic.Bool
	failures atomic.Int64
}

func (s *searchOutage) Search(ctx context.Context, index string, q search.Query) (search.Result, error) {
	if s.down.Load() {
		s.failures.Add(1)
		return search.Result{}, fmt.Errorf("%w: connection refused", search.ErrEngine)
	}
	return s.Engine.Search(ctx, index, q)
}

// TestSavedSearchAlertJobRetriesThroughOutage runs the alert job as serve
// does, on a short schedule: while the engine's searches fail, the runs
// fail (River retries them) and nothing is written; once it answers, the
// user gets exactly one alert, and the runs after it add none.
func TestSavedSearchAlertJobRetriesThroughOutage(t *testing.T) {
	ctx := t.Context()
	db := storetest.New(t)
	b, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	engine := &searchOutage{Engine: b}
	engine.down.Store(true)
	if err := engine.EnsureIndex(ctx, core.SearchLiveIndex, search.Settings{}); err != nil {
		t.Fatal(err)
	}
	x, err := crosslang.Load(crosslang.Sources{})
	if err != nil {
		t.Fatal(err)
	}
	searcher := core.NewSearch(db.Store, &search.Multilingual{Engine: engine, Index: core.SearchLiveIndex, Expander: x}, time.Now)

	// A supplier's offer published an hour ago, in the index; a German
	// buyer's search saved two hours ago.
	supplier := db.Organisation(t, storetest.OrganisationOptions{LegalName: "ESAT Les Tilleuls"})
	db.Place(t, supplier.ID, "Metz", "FRF33", &domain.GeoPoint{Latitude: 49.1193, Longitude: 6.1757})
	db.SSEStatus(t, supplier.ID, storetest.StatusOptions{Type: "fr_esat"})
	db.Offer(t, supplier.ID, storetest.OfferOptions{Title: "Nettoyage de bureaux", PublishedAt: time.Now().Add(-time.Hour)})
	err = core.EachSearchDocument(ctx, db.Store, time.Now(), 100, func(docs []search.Document) error {
		return engine.Index(ctx, core.SearchLiveIndex, docs)
	})
	if err != nil {
		t.Fatal(err)
	}
	buyer := db.User(t, storetest.UserOptions{Language: domain.LangDE})

	runner := newRunner(t, db, jobs.Options{Searcher: searcher, SavedSearchAlertInterval: 300 * time.Millisecond})
	name, query := "Reinigung", "q=Reinigung&lang=de"
	saved, err := runner.SavedSearches().Create(ctx, core.Actor{UserID: buyer.ID}, domain.Principal{UserID: buyer.ID},
		core.SavedSearchInput{Name: &name, Query: &query}, domain.LangDE)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Pool.Exec(ctx, "UPDATE saved_searches SET last_alert_at = now() - interval '2 hours' WHERE id = $1", saved.ID); err != nil {
		t.Fatal(err)
	}
	if err := runner.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = runner.Stop(stopCtx)
	})

	count := func(sql string, args ...any) int {
		t.Helper()
		var n int
		if err := db.Pool.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	alerts := func() int {
		return count("SELECT count(*) FROM notifications WHERE user_id = $1 AND category = 'saved_search_alerts'", buyer.ID)
	}
	failed := func() int {
		return count("SELECT count(*) FROM river_job WHERE kind = 'saved_search_alerts' AND jsonb_array_length(to_jsonb(errors)) > 0")
	}
	completed := func() int {
		return count("SELECT count(*) FROM river_job WHERE kind = 'saved_search_alerts' AND state = 'completed'")
	}

	eventually(t, 20*time.Second, "a run meets the outage", func() bool { return failed() >= 2 })
	if n := alerts(); n != 0 {
		t.Fatalf("%d alerts written while the engine was down", n)
	}
	if n := count("SELECT count(*) FROM saved_searches WHERE id = $1 AND last_alert_at < now() - interval '1 hour'", saved.ID); n != 1 {
		t.Fatal("the window moved during the outage")
	}

	engine.down.Store(false)
	eventually(t, 20*time.Second, "the alert is written once the engine answers", func() bool { return alerts() == 1 })
	done := completed()
	eventually(t, 20*time.Second, "more runs complete", func() bool { return completed() >= done+2 })
	if n := alerts(); n != 1 {
		t.Fatalf("%d alerts after more runs, want 1", n)
	}
	var title string
	if err := db.Pool.QueryRow(ctx, "SELECT title FROM notifications WHERE user_id = $1", buyer.ID).Scan(&title); err != nil {
		t.Fatal(err)
	}
	if title != "Gespeicherte Suche „Reinigung“: 1 neuer Eintrag: Nettoyage de bureaux" {
		t.Errorf("alert title %q", title)
	}
	t.Logf("searches refused during the outage: %d", engine.failures.Load())
}
