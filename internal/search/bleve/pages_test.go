package bleve

import (
	"context"
	"reflect"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// TestKeptAnswers: the same query on the same snapshot is answered from
// the answer kept with its text, equal to the first and sharing nothing
// with it a caller could write to; another page or other filters are
// searched, not taken for it.
func TestKeptAnswers(t *testing.T) {
	ctx := context.Background()
	e := scoredEngine(t, 400)
	q := search.Query{Text: "nettoyage bureaux", Language: domain.LangFR, Highlight: true, Limit: 5,
		Facets: []search.Facet{search.FacetCountry, search.FacetKind}}
	stats := func() (uint64, uint64) {
		h, err := e.acquire("x")
		if err != nil {
			t.Fatal(err)
		}
		defer h.mu.RUnlock()
		return h.postings.scored.stats()
	}
	first, err := e.Search(ctx, "x", q)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Hits) == 0 || first.NextCursor == "" || len(first.Facets[search.FacetCountry]) == 0 {
		t.Fatalf("the test wants hits, a next page and facets: %+v", first)
	}
	snippets := 0
	for _, h := range first.Hits {
		snippets += len(h.Snippets)
	}
	if snippets == 0 {
		t.Fatal("the test wants snippets")
	}
	// What the text keeps beside its matches counts in the cache's budget.
	{
		h, err := e.acquire("x")
		if err != nil {
			t.Fatal(err)
		}
		c := &h.postings.scored
		c.mu.Lock()
		var details, pages int64
		for el := c.lru.Front(); el != nil; el = el.Next() {
			if m := el.Value.(*scoredEntry).computed(); m != nil {
				details += m.details.bytes.Load()
				pages += m.pages.bytes.Load()
			}
		}
		live := c.liveBytesLocked()
		c.mu.Unlock()
		h.mu.RUnlock()
		if details == 0 || pages == 0 || live < details+pages {
			t.Fatalf("kept details %d bytes, answers %d, the cache counts %d", details, pages, live)
		}
	}
	_, misses := stats()
	again, err := e.Search(ctx, "x", q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, again) {
		t.Fatalf("the kept answer differs:\n%+v\n%+v", first, again)
	}
	hits, misses2 := stats()
	if hits == 0 || misses2 != misses {
		t.Fatalf("the second search was not answered from the kept one: %d hits, misses %d then %d", hits, misses, misses2)
	}
	// A caller writing into its answer changes no later one.
	for i := range again.Hits {
		for k := range again.Hits[i].Snippets {
			again.Hits[i].Snippets[k] = "changed"
		}
		again.Hits[i].ID = "changed"
	}
	again.Facets[search.FacetCountry][0].Count = -1
	delete(again.Facets, search.FacetKind)
	third, err := e.Search(ctx, "x", q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, third) {
		t.Fatalf("a caller's writes reached the kept answer:\n%+v\n%+v", first, third)
	}
	// The next page and a filtered search are their own answers.
	next := q
	next.Cursor = first.NextCursor
	page2, err := e.Search(ctx, "x", next)
	if err != nil {
		t.Fatal(err)
	}
	if len(page2.Hits) == 0 || page2.Hits[0].ID == first.Hits[0].ID {
		t.Fatalf("the next page answered with the first: %+v", page2.Hits)
	}
	lu := q
	lu.Filters.Countries = []string{"LU"}
	inLU, err := e.Search(ctx, "x", lu)
	if err != nil {
		t.Fatal(err)
	}
	if inLU.Total >= first.Total {
		t.Fatalf("%d hits in LU, %d everywhere: the filter was not applied", inLU.Total, first.Total)
	}
}
