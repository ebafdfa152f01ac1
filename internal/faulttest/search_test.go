package faulttest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"passerelle/internal/pgcluster"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
	"passerelle/internal/search/meili"
)

// newBleve opens the embedded engine on an index folder of the test.
func newBleve(t *testing.T) *bleve.Engine {
	t.Helper()
	e, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Close() })
	return e
}

// switchEngine is the real Bleve engine behind a switch: while down, every
// call fails as a Meilisearch client fails when its server refuses the
// connection (search.ErrEngine wrapping the dial error). The fault is
// injected at the search.Engine boundary because no out-of-process search
// engine can run on the test machines (Meilisearch cannot be installed;
// its real error path is TestSearchMeilisearchUnreachable's).
type switchEngine struct {
	search.Engine
	down atomic.Bool
}

func (e *switchEngine) fault() error {
	if !e.down.Load() {
		return nil
	}
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	return fmt.Errorf("%w: %w", search.ErrEngine, dial)
}

func (e *switchEngine) EnsureIndex(ctx context.Context, index string, s search.Settings) error {
	if err := e.fault(); err != nil {
		return err
	}
	return e.Engine.EnsureIndex(ctx, index, s)
}

func (e *switchEngine) DropIndex(ctx context.Context, index string) error {
	if err := e.fault(); err != nil {
		return err
	}
	return e.Engine.DropIndex(ctx, index)
}

func (e *switchEngine) Index(ctx context.Context, index string, docs []search.Document) error {
	if err := e.fault(); err != nil {
		return err
	}
	return e.Engine.Index(ctx, index, docs)
}

func (e *switchEngine) Delete(ctx context.Context, index string, ids []string) error {
	if err := e.fault(); err != nil {
		return err
	}
	return e.Engine.Delete(ctx, index, ids)
}

func (e *switchEngine) Search(ctx context.Context, index string, q search.Query) (search.Result, error) {
	if err := e.fault(); err != nil {
		return search.Result{}, err
	}
	return e.Engine.Search(ctx, index, q)
}

func (e *switchEngine) ListIDs(ctx context.Context, index string, fn func([]search.Hit) error) error {
	if err := e.fault(); err != nil {
		return err
	}
	return e.Engine.ListIDs(ctx, index, fn)
}

func (e *switchEngine) Swap(ctx context.Context, alias, index string) error {
	if err := e.fault(); err != nil {
		return err
	}
	return e.Engine.Swap(ctx, alias, index)
}

// searchUnavailable is what a search answers while the engine is down.
var searchUnavailable = map[string]string{
	"en": "Search is unavailable for a moment; try again shortly.",
	"fr": "La recherche est momentanément indisponible ; réessayez dans un instant.",
	"de": "Die Suche ist im Moment nicht verfügbar; versuchen Sie es gleich noch einmal.",
	"nl": "Zoeken is even niet beschikbaar; probeer het zo opnieuw.",
}

func checkSearchUnavailable(t *testing.T, c *client, query string) {
	t.Helper()
	for lang, want := range searchUnavailable {
		r := c.do("GET", "/api/v1/search?q="+url.QueryEscape(query), nil, lang)
		unavailableProblem(t, "search in "+lang, r, lang, want)
	}
}

// TestSearchMeilisearchUnreachable points the Meilisearch engine at a port
// where nothing listens: search answers 503 problem+json with a localized
// message, and writes still succeed with their index job queued.
func TestSearchMeilisearchUnreachable(t *testing.T) {
	port, err := pgcluster.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	a := newApp(t, appOptions{engine: meili.New("http://127.0.0.1:"+strconv.Itoa(port), "fault-test-key")})
	w := a.world()
	checkSearchUnavailable(t, w.buyer, "nettoyage")
	checkSearchUnavailable(t, a.anonymous(), "Reinigung")

	id := w.supplier.expect(t, http.StatusCreated, "POST", "/api/v1/organisations/"+w.supplierOrg.ID+"/offers", offerInput("Nettoyage")).body["id"].(string)
	tender := w.publishTender(t, "Nettoyage de la mairie")
	for _, ref := range []string{id, tender} {
		eventually(t, 30*time.Second, "index job of "+ref+" tried and kept for a retry", func() bool {
			return a.indexJobs(ref)["retryable"] > 0
		})
	}
}

// TestSearchEngineDownConverges stops the engine (see switchEngine), writes
// while it is down, and starts it again: search answered 503 meanwhile,
// writes succeeded, and River's retries bring the index up to date.
func TestSearchEngineDownConverges(t *testing.T) {
	engine := &switchEngine{Engine: newBleve(t)}
	a := newApp(t, appOptions{engine: engine})
	w := a.world()
	// Up: a published tender is found.
	first := w.publishTender(t, "Entretien des espaces verts")
	eventually(t, 30*time.Second, "first tender findable", func() bool { return findable(w.buyer, "espaces verts", first) })

	engine.down.Store(true)
	checkSearchUnavailable(t, w.buyer, "espaces verts")
	offers := "/api/v1/organisations/" + w.supplierOrg.ID + "/offers"
	offer := w.supplier.expect(t, http.StatusCreated, "POST", offers, offerInput("Blanchisserie")).body["id"].(string)
	w.supplier.expect(t, http.StatusOK, "PATCH", "/api/v1/offers/"+offer, map[string]any{"capacity": "3 équipes"})
	second := w.publishTender(t, "Blanchisserie des crèches")
	eventually(t, 30*time.Second, "the tender's index job failed and waits for a retry", func() bool {
		return a.indexJobs(second)["retryable"] > 0
	})
	checkSearchUnavailable(t, w.buyer, "blanchisserie")

	engine.down.Store(false)
	eventually(t, 60*time.Second, "tender published during the outage findable", func() bool {
		return findable(w.buyer, "blanchisserie", second)
	})
	if !findable(w.buyer, "espaces verts", first) {
		t.Error("the tender indexed before the outage is no longer found")
	}
	// Every job the outage failed is retried until done (River's backoff:
	// about 1 s after the first failure, 16 s after the second).
	for _, ref := range []string{second, offer} {
		eventually(t, 60*time.Second, "index jobs of "+ref+" all completed", func() bool {
			n := a.indexJobs(ref)
			return n["completed"] > 0 && len(n) == 1
		})
	}
}

// findable reports whether a search for q lists id.
func findable(c *client, q, id string) bool {
	r := c.do("GET", "/api/v1/search?q="+url.QueryEscape(q), nil, "fr")
	if r.status != http.StatusOK {
		return false
	}
	items, _ := r.body["items"].([]any)
	for _, it := range items {
		if m, ok := it.(map[string]any); ok && m["id"] == id {
			return true
		}
	}
	return false
}
