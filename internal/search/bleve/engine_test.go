package bleve_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"passerelle/internal/domain"

	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
	"passerelle/internal/search/searchtest"
)

func newEngine(t *testing.T) search.Engine {
	t.Helper()
	e, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := e.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return e
}

func TestConformance(t *testing.T) {
	searchtest.Run(t, newEngine)
}

// TestReopen checks that indexes, their settings and a swap survive a
// restart: the registry on disk is the embedded engine's own state.
func TestReopen(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	e, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	syn := search.Settings{Synonyms: map[string][]string{"atelier": {"werkstatt"}}}
	for _, name := range []string{"listings", "listings_v2"} {
		if err := e.EnsureIndex(ctx, name, search.Settings{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.EnsureIndex(ctx, "listings_v2", syn); err != nil {
		t.Fatal(err)
	}
	doc := search.Document{ID: "a", Kind: search.KindSupplier, PublishedAt: time.Now(),
		Text: map[domain.Language]search.Text{domain.LangDE: {Title: "Werkstatt"}}}
	if err := e.Index(ctx, "listings_v2", []search.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if err := e.Swap(ctx, "listings", "listings_v2"); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Search(ctx, "listings", search.Query{}); !errors.Is(err, search.ErrEngine) {
		t.Errorf("Search after Close: %v, want ErrEngine", err)
	}

	e, err = bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = e.Close() }()
	res, err := e.Search(ctx, "listings", search.Query{Text: "atelier"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Hits[0].ID != "a" {
		t.Errorf("after reopen, the swapped contents and settings: %+v", res)
	}
	res, err = e.Search(ctx, "listings_v2", search.Query{})
	if err != nil || res.Total != 0 {
		t.Errorf("after reopen, the old (empty) contents under the versioned name: %+v, %v", res, err)
	}
	if err := e.DropIndex(ctx, "listings_v2"); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 { // indexes.json and the live index's directory
		t.Errorf("after drop, %d entries in %s, want 2", len(entries), dir)
	}
}

// TestConcurrentUse runs writes, searches, swaps and drops at once; the
// race detector (make test runs -race) and the absence of errors are the
// checks. Writes go to a name that is not being swapped: a write to a name
// between two swaps lands in whichever contents it holds then, which is
// the documented semantics, not a race.
func TestConcurrentUse(t *testing.T) {
	e := newEngine(t)
	ctx := context.Background()
	for _, name := range []string{"live", "writes"} {
		if err := e.EnsureIndex(ctx, name, search.Settings{}); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				doc := search.Document{ID: fmt.Sprintf("w%d-%d", w, i), Kind: search.KindOffer, PublishedAt: time.Now(),
					Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Service de traiteur"}}}
				if err := e.Index(ctx, "writes", []search.Document{doc}); err != nil {
					errs <- err
					return
				}
				for _, name := range []string{"live", "writes"} {
					if _, err := e.Search(ctx, name, search.Query{Text: "traiteur", Facets: []search.Facet{search.FacetKind}}); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 5 {
			name := fmt.Sprintf("next-%d", i)
			if err := e.EnsureIndex(ctx, name, search.Settings{}); err != nil {
				errs <- err
				return
			}
			if err := e.Swap(ctx, "live", name); err != nil {
				errs <- err
				return
			}
			if err := e.Swap(ctx, "live", name); err != nil {
				errs <- err
				return
			}
			if err := e.DropIndex(ctx, name); err != nil {
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	res, err := e.Search(ctx, "writes", search.Query{})
	if err != nil || res.Total != 80 {
		t.Errorf("after the storm: %d documents, %v; want 80", res.Total, err)
	}
}
