package bleve

import (
	"context"
	"math/rand/v2"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// emptyEngine is an engine with one empty index "x", closed at the end of
// the test.
func emptyEngine(t *testing.T) *Engine {
	t.Helper()
	e, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Close() })
	if err := e.EnsureIndex(context.Background(), "x", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	return e
}

// scoredEngine is an engine with one index "x" of n generated documents.
func scoredEngine(t *testing.T, n int) *Engine {
	t.Helper()
	ctx := context.Background()
	e := emptyEngine(t)
	r := rand.New(rand.NewPCG(3, 4))
	docs := make([]search.Document, n)
	for i := range docs {
		docs[i] = execDoc(r, i)
	}
	if err := e.Index(ctx, "x", docs); err != nil {
		t.Fatal(err)
	}
	return e
}

func total(t *testing.T, e *Engine, q search.Query) int {
	t.Helper()
	res, err := e.Search(context.Background(), "x", q)
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

// TestScoredCacheFollowsWrites: a text's kept matches are those of the
// snapshot they were scored on; a document indexed or deleted afterwards
// is found, or no longer found, by the next search of the same text.
func TestScoredCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	e := scoredEngine(t, 500)
	q := search.Query{Text: "zygomorphe", Language: domain.LangFR}
	if n := total(t, e, q); n != 0 {
		t.Fatalf("%d hits before the word was indexed", n)
	}
	doc := search.Document{ID: "new", Kind: search.KindOffer, Country: "FR",
		Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Menuiserie zygomorphe"}}}
	if err := e.Index(ctx, "x", []search.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if n := total(t, e, q); n != 1 {
		t.Fatalf("%d hits after the word was indexed, want 1 (stale kept matches?)", n)
	}
	if n := total(t, e, search.Query{Text: "zygomorphe", Language: domain.LangFR, Filters: search.Filters{Countries: []string{"LU"}}}); n != 0 {
		t.Fatalf("%d hits in LU, want 0 (filters on kept matches)", n)
	}
	if err := e.Delete(ctx, "x", []string{"new"}); err != nil {
		t.Fatal(err)
	}
	if n := total(t, e, q); n != 0 {
		t.Fatalf("%d hits after the document was deleted, want 0", n)
	}
}

// TestScoredCacheOutlivesNoOps: removing listings the index does not hold
// (the index jobs remove every draft) and ensuring the index with the same
// settings change nothing, so the kept matches stay.
func TestScoredCacheOutlivesNoOps(t *testing.T) {
	ctx := context.Background()
	e := scoredEngine(t, 300)
	q := search.Query{Text: "nettoyage bureaux", Language: domain.LangFR}
	want := total(t, e, q)
	if err := e.Delete(ctx, "x", []string{"never-indexed", "nor-this"}); err != nil {
		t.Fatal(err)
	}
	if err := e.EnsureIndex(ctx, "x", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	if n := total(t, e, q); n != want {
		t.Fatalf("%d hits, then %d", want, n)
	}
	h, err := e.acquire("x")
	if err != nil {
		t.Fatal(err)
	}
	hits, misses := h.postings.scored.stats()
	h.mu.RUnlock()
	if hits != 1 || misses != 1 {
		t.Fatalf("%d hits, %d misses of the kept matches: want the second search answered from them", hits, misses)
	}
	// A real deletion is one.
	if err := e.Delete(ctx, "x", []string{"doc-1", "absent"}); err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(ctx, "x", search.Query{Filters: search.Filters{Kinds: search.Kinds}, Limit: 100, Sort: search.SortDate})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 299 {
		t.Fatalf("%d documents after deleting one of 300", res.Total)
	}
}

// TestScoredCacheStaysWithinBudget: past its budget the cache drops the
// least recently used texts, and searches answer the same.
func TestScoredCacheStaysWithinBudget(t *testing.T) {
	e := scoredEngine(t, 1500)
	h, err := e.acquire("x")
	if err != nil {
		t.Fatal(err)
	}
	c := &h.postings.scored
	h.mu.RUnlock()
	const budget = 8 << 10
	e.SetScoredCacheBytes(budget)
	words := execWords[domain.LangFR]
	want := map[string]int{}
	for round := range 2 {
		for i, w := range words {
			q := search.Query{Text: w + " " + words[(i+1)%len(words)], Language: domain.LangFR}
			n := total(t, e, q)
			if round == 0 {
				want[q.Text] = n
			} else if n != want[q.Text] {
				t.Fatalf("%q: %d hits, then %d", q.Text, want[q.Text], n)
			}
			c.mu.Lock()
			b, entries := c.bytes, c.lru.Len()
			c.mu.Unlock()
			if b > budget && entries > 1 {
				t.Fatalf("%d bytes kept in %d entries, budget %d", b, entries, budget)
			}
		}
	}
	if hits, misses := c.stats(); misses < uint64(len(words)+1) {
		t.Fatalf("%d misses, %d hits: nothing was evicted", misses, hits)
	}
}

// TestScoredCacheBytesIsTheEngines: the budget set on an engine applies to
// its open indexes and to those it creates later; 0 keeps nothing, and
// searches answer the same.
func TestScoredCacheBytesIsTheEngines(t *testing.T) {
	ctx := context.Background()
	e := scoredEngine(t, 200)
	q := search.Query{Text: "nettoyage bureaux", Language: domain.LangFR}
	budget := func(index string) int64 {
		h, err := e.acquire(index)
		if err != nil {
			t.Fatal(err)
		}
		defer h.mu.RUnlock()
		return h.postings.scored.budget.Load()
	}
	if got := budget("x"); got != defaultScoredBytes {
		t.Fatalf("budget %d, want the default %d", got, int64(defaultScoredBytes))
	}
	want := total(t, e, q)
	e.SetScoredCacheBytes(0)
	if err := e.EnsureIndex(ctx, "y", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	if budget("x") != 0 || budget("y") != 0 {
		t.Fatalf("budgets %d and %d after SetScoredCacheBytes(0)", budget("x"), budget("y"))
	}
	h, err := e.acquire("x")
	if err != nil {
		t.Fatal(err)
	}
	hits, misses := h.postings.scored.stats()
	h.mu.RUnlock()
	for range 2 {
		if n := total(t, e, q); n != want {
			t.Fatalf("%d hits without the cache, %d with it", n, want)
		}
	}
	if h2, m2 := h.postings.scored.stats(); h2 != hits || m2 != misses {
		t.Fatalf("the cache was used with a budget of 0: %d/%d lookups, then %d/%d", hits, misses, h2, m2)
	}
}
