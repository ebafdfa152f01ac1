package bleve

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"passerelle/internal/search"
)

// TestDatePagesMatchBleve walks every page of searches without text,
// newest first, picked from the segments' tables (datesort.go), beside the
// same searches run bleve's plain way: same total, same ids in the same
// order on every page, same facets on the first. Publication dates take
// five values only, so that most of the order is decided by the id, and
// the index has several segments with deleted and replaced documents.
func TestDatePagesMatchBleve(t *testing.T) {
	ctx := context.Background()
	e := emptyEngine(t)
	r := rand.New(rand.NewPCG(11, 12))
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	const n, batch = 1200, 300
	for i := 0; i < n; i += batch {
		var docs []search.Document
		for j := i; j < i+batch; j++ {
			d := execDoc(r, j)
			d.PublishedAt = day.AddDate(0, 0, r.IntN(5))
			docs = append(docs, d)
		}
		if err := e.Index(ctx, "x", docs); err != nil {
			t.Fatal(err)
		}
		var gone []string
		for j := i; j < i+batch; j += 7 {
			gone = append(gone, "doc-"+strconv.Itoa(j))
		}
		if err := e.Delete(ctx, "x", gone); err != nil {
			t.Fatal(err)
		}
	}
	h, err := e.acquire("x")
	if err != nil {
		t.Fatal(err)
	}
	defer h.mu.RUnlock()
	yes := true
	filters := []search.Filters{
		{},
		{Countries: []string{"FR", "LU"}},
		{Kinds: []search.Kind{search.KindTender}, CrossBorder: &yes},
		{NUTS: []string{"BE3"}, StatusTypes: execStatus[:3]},
		{Countries: []string{"XX"}},
	}
	pages := 0
	for fi, f := range filters {
		q, err := search.Query{Filters: f, Sort: search.SortDate, Facets: search.Facets, Limit: 17}.Normalized()
		if err != nil {
			t.Fatal(err)
		}
		wq := q
		var seen []string
		for page := 0; ; page++ {
			name := fmt.Sprintf("filters %d page %d", fi, page)
			want, err := h.index.SearchInContext(ctx, legacyRequest(t, wq, h.settings))
			if err != nil {
				t.Fatal(err)
			}
			wantRes := toResult(wq, want, nil)
			got, err := e.Search(ctx, "x", q)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if got.Total != wantRes.Total || len(got.Hits) != len(wantRes.Hits) {
				t.Fatalf("%s: %d of %d hits, want %d of %d", name, len(got.Hits), got.Total, len(wantRes.Hits), wantRes.Total)
			}
			for i := range got.Hits {
				if got.Hits[i].ID != wantRes.Hits[i].ID || got.Hits[i].Kind != wantRes.Hits[i].Kind || got.Hits[i].Score != wantRes.Hits[i].Score {
					t.Fatalf("%s: hit %d is %+v, want %+v", name, i, got.Hits[i], wantRes.Hits[i])
				}
				seen = append(seen, got.Hits[i].ID)
			}
			if page == 0 {
				for _, fc := range q.Facets {
					wantValues := legacyFacet(want, fc)
					if gotValues := got.Facets[fc]; !slices.Equal(gotValues, wantValues) && len(gotValues)+len(wantValues) > 0 {
						t.Fatalf("%s: facet %s = %v, want %v", name, fc, gotValues, wantValues)
					}
				}
			}
			if got.NextCursor != wantRes.NextCursor {
				t.Fatalf("%s: cursor %q, want %q", name, got.NextCursor, wantRes.NextCursor)
			}
			if got.NextCursor == "" {
				break
			}
			q.Cursor, wq.Cursor = got.NextCursor, wantRes.NextCursor
		}
		if len(seen) != got0(t, e, f) {
			t.Fatalf("filters %d: %d hits over the pages, total %d", fi, len(seen), got0(t, e, f))
		}
		slices.Sort(seen)
		if len(slices.Compact(seen)) != len(seen) {
			t.Fatalf("filters %d: a hit came twice", fi)
		}
	}
	if pages < 100 {
		t.Fatalf("only %d pages", pages)
	}
}

func got0(t *testing.T, e *Engine, f search.Filters) int {
	t.Helper()
	res, err := e.Search(context.Background(), "x", search.Query{Filters: f, Sort: search.SortDate, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}
