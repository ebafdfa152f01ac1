package searchbench_test

import (
	"context"
	"io"
	"path/filepath"
	"reflect"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/crosslang"
	"passerelle/internal/search/eval/evaltest"
	"passerelle/internal/search/searchbench"
	"passerelle/internal/taxonomy/taxonomytest"
)

func generator(t *testing.T) *searchbench.Generator {
	t.Helper()
	g, err := searchbench.NewGenerator(searchbench.Sources{
		Corpus: filepath.Join(evaltest.SetDir(t, "search"), "corpus.jsonl"),
		CPV:    taxonomytest.DataFile(t, "cpv_2008_multilingual.csv"),
		NUTS:   taxonomytest.DataFile(t, "nuts_grande_region.csv"),
	}, 1)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestGeneratorDrawsRealisticListings checks that the synthetic listings
// are valid, reproducible and spread as intended: every kind, the four
// countries and languages, codes with their ancestors and concept labels.
func TestGeneratorDrawsRealisticListings(t *testing.T) {
	g := generator(t)
	const n = 3000
	kinds := map[search.Kind]int{}
	countries := map[string]int{}
	langs := map[domain.Language]int{}
	ids := map[string]bool{}
	translated, tendersWithDeadline, reserved, withStatus := 0, 0, 0, 0
	for k := range n {
		i := k * 31 // across a set of 100,000
		d := g.Document(i)
		if err := d.Validate(); err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		if again := g.Document(i); !reflect.DeepEqual(d, again) {
			t.Fatalf("document %d differs when drawn again", i)
		}
		if ids[d.ID] {
			t.Fatalf("document %d: id %s drawn twice", i, d.ID)
		}
		ids[d.ID] = true
		kinds[d.Kind]++
		countries[d.Country]++
		for l := range d.Text {
			langs[l]++
		}
		if len(d.Text) > 1 {
			translated++
		}
		if d.Kind == search.KindTender && d.Deadline != nil && d.Deadline.After(d.PublishedAt) {
			tendersWithDeadline++
		}
		if len(d.ReservedBases) > 0 {
			reserved++
		}
		if len(d.StatusTypes) > 0 {
			withStatus++
		}
		if len(d.NUTS) < 3 || d.NUTS[0] != d.Country || len(d.CPV) < 2 || len(d.Sectors) == 0 || d.Geo == nil {
			t.Fatalf("document %d lacks codes: %+v", i, d)
		}
		for _, l := range domain.Languages {
			if len(d.Concepts[l]) == 0 {
				t.Fatalf("document %d has no %s concept labels", i, l)
			}
		}
	}
	for _, k := range search.Kinds {
		if kinds[k] < n/30 {
			t.Errorf("%d %s documents of %d", kinds[k], k, n)
		}
	}
	for _, c := range []string{"FR", "DE", "BE", "LU"} {
		if countries[c] < n/20 {
			t.Errorf("%d documents in %s of %d", countries[c], c, n)
		}
	}
	for _, l := range domain.Languages {
		if langs[l] < n/100 {
			t.Errorf("%d documents in %s of %d", langs[l], l, n)
		}
	}
	if translated < n/20 || tendersWithDeadline != kinds[search.KindTender] || reserved == 0 || withStatus < n/10 {
		t.Errorf("translated %d, tenders with a deadline %d of %d, reserved %d, with an SSE status %d",
			translated, tendersWithDeadline, kinds[search.KindTender], reserved, withStatus)
	}
}

// TestQueriesHaveThreeFilters checks the mix: valid queries, two words,
// three filters each, the four languages.
func TestQueriesHaveThreeFilters(t *testing.T) {
	langs := map[domain.Language]bool{}
	for _, q := range searchbench.Queries() {
		if _, err := q.Normalized(); err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		langs[q.Language] = true
		f := q.Filters
		n := 0
		for _, set := range []bool{len(f.Kinds) > 0, len(f.Countries) > 0, len(f.NUTS) > 0, len(f.Sectors) > 0, len(f.CPV) > 0,
			len(f.StatusTypes) > 0, len(f.ReservedBases) > 0, len(f.Organisations) > 0, f.DeadlineFrom != nil || f.DeadlineTo != nil,
			f.CrossBorder != nil, f.Near != nil} {
			if set {
				n++
			}
		}
		if n != 3 || len(q.Facets) == 0 {
			t.Errorf("%q: %d filters, %d facets", q.Text, n, len(q.Facets))
		}
	}
	if len(langs) != len(domain.Languages) {
		t.Errorf("languages of the mix: %v", langs)
	}
}

// TestOpenBuildsOnceAndRuns builds a small benchmark index, finds it cached
// the second time, and runs the mix on it: searches find listings.
func TestOpenBuildsOnceAndRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index")
	}
	g := generator(t)
	ctx := context.Background()
	dir := t.TempDir()
	const n = 2500
	e, built, err := searchbench.Open(ctx, dir, g, n, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if built.Cached || built.Docs != n {
		t.Fatalf("first open: %+v", built)
	}
	l, err := e.Layout(ctx, searchbench.IndexName)
	if err != nil {
		t.Fatal(err)
	}
	if l.Docs != n || l.Segments != 1 {
		t.Fatalf("layout after the build: %+v, want %d documents in one segment", l, n)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	e, built, err = searchbench.Open(ctx, dir, g, n, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = e.Close() }()
	if !built.Cached || built.Took <= 0 {
		t.Fatalf("second open: %+v, want the cached index", built)
	}
	x, err := crosslang.Load(crosslang.Sources{CPVPath: taxonomytest.DataFile(t, "cpv_2008_multilingual.csv")})
	if err != nil {
		t.Fatal(err)
	}
	ml := &search.Multilingual{Engine: e, Index: searchbench.IndexName, Expander: x}
	queries := searchbench.Queries()
	f, err := searchbench.Run(ctx, ml, queries, 3, 2*len(queries))
	if err != nil {
		t.Fatal(err)
	}
	if f.Searches != 2*len(queries) || f.MeanHits < 1 || f.Empty > f.Searches/2 || f.P50 <= 0 || f.P50 > f.P95 || f.P95 > f.P99 || f.P99 > f.Max || f.PerSecond <= 0 {
		t.Fatalf("figures: %+v", f)
	}
}
