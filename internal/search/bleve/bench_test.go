package bleve_test

import (
	"context"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
)

// benchWords is a small procurement vocabulary per language; synthetic
// titles draw from it so that term frequencies look like real notices.
var benchWords = map[domain.Language][]string{
	domain.LangFR: {"nettoyage", "bureaux", "travaux", "rénovation", "entretien", "espaces", "verts", "restauration", "collective", "menuiserie", "électricité", "insertion", "transport", "scolaire", "fournitures", "informatique"},
	domain.LangDE: {"Reinigung", "Gebäude", "Bauarbeiten", "Sanierung", "Grünflächen", "Pflege", "Verpflegung", "Schulen", "Tischlerei", "Elektroarbeiten", "Transport", "Lieferung", "Büromaterial", "Werkstatt"},
	domain.LangEN: {"cleaning", "offices", "works", "renovation", "maintenance", "green", "spaces", "catering", "schools", "joinery", "electrical", "transport", "supplies", "software"},
	domain.LangNL: {"schoonmaak", "kantoren", "werken", "renovatie", "onderhoud", "groen", "catering", "scholen", "schrijnwerk", "elektriciteit", "vervoer", "leveringen"},
}

var benchNUTS = []string{"FRF31", "FRF32", "FRF33", "FRF34", "DEC01", "DEC02", "DEB21", "DEB3H", "LU000", "BE341", "BE342", "BE221"}
var benchCPV = []string{"90910000", "90911200", "45310000", "45421000", "55524000", "77310000", "60130000", "30192000", "72000000"}
var benchStatus = []string{"EI", "ESAT", "EA", "ACI", "SIAE", "WfbM", "ETA"}

func benchDoc(r *rand.Rand, i int) search.Document {
	lang := domain.Languages[r.IntN(len(domain.Languages))]
	words := benchWords[lang]
	title := ""
	for j := range 4 + r.IntN(4) {
		if j > 0 {
			title += " "
		}
		title += words[r.IntN(len(words))]
	}
	desc := title
	for range 30 {
		desc += " " + words[r.IntN(len(words))]
	}
	nuts := benchNUTS[r.IntN(len(benchNUTS))]
	d := search.Document{
		ID: "bench-" + strconv.Itoa(i), Kind: search.Kinds[r.IntN(3)], OrganisationID: "org-" + strconv.Itoa(r.IntN(500)),
		Country: nuts[:2], NUTS: search.NUTSAncestors(nuts), Sectors: []string{"sector-" + strconv.Itoa(r.IntN(20))},
		CPV: search.CPVAncestors(benchCPV[r.IntN(len(benchCPV))]), StatusTypes: []string{benchStatus[r.IntN(len(benchStatus))]},
		PublishedAt:        time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(365*24)) * time.Hour),
		AcceptsCrossBorder: r.IntN(2) == 0,
		Geo:                &search.GeoPoint{Lat: 48.5 + r.Float64()*1.5, Lon: 5.5 + r.Float64()*1.8},
		Text:               map[domain.Language]search.Text{lang: {Title: title, Description: desc}},
		Concepts: map[domain.Language][]string{
			domain.LangFR: {"Services de nettoyage"}, domain.LangDE: {"Reinigungsdienste"},
			domain.LangEN: {"Cleaning services"}, domain.LangNL: {"Schoonmaakdiensten"},
		},
	}
	if d.Kind == search.KindTender {
		dl := d.PublishedAt.AddDate(0, 0, 30+r.IntN(60))
		d.Deadline = &dl
	}
	return d
}

// BenchmarkSearch measures a two-word query with three filters and two
// facets on a synthetic on-disk index of made-up words, without expansion:
// a quick check of the engine alone. PASSERELLE_BENCH_DOCS sets its size
// (10,000 by default). `make bench-search` measures the real thing: 100,000
// listings of real vocabulary, cross-language queries (package
// searchbench).
func BenchmarkSearch(b *testing.B) {
	n := 10000
	if v := os.Getenv("PASSERELLE_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("PASSERELLE_BENCH_DOCS=%q: want a positive integer", v)
		}
	}
	e, err := bleve.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = e.Close() }()
	ctx := context.Background()
	if err := e.EnsureIndex(ctx, "bench", search.Settings{}); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Now()
	const batch = 1000
	for i := 0; i < n; i += batch {
		docs := make([]search.Document, 0, batch)
		for j := i; j < min(i+batch, n); j++ {
			docs = append(docs, benchDoc(r, j))
		}
		if err := e.Index(ctx, "bench", docs); err != nil {
			b.Fatal(err)
		}
	}
	indexRate := float64(n) / time.Since(start).Seconds()
	q := search.Query{
		Text: "nettoyage bureaux", Language: domain.LangFR,
		Filters: search.Filters{
			Countries: []string{"FR", "LU", "BE"},
			NUTS:      []string{"FRF", "LU", "BE3"},
			CrossBorder: func() *bool {
				v := true
				return &v
			}(),
		},
		Facets: []search.Facet{search.FacetKind, search.FacetCountry},
	}
	res, err := e.Search(ctx, "bench", q)
	if err != nil {
		b.Fatal(err)
	}
	if res.Total == 0 {
		b.Fatal("the benchmark query matches nothing")
	}
	b.Logf("%d documents, %d hits for %q", n, res.Total, q.Text)
	// scored: the text's matches kept from the previous search (a facet
	// clicked, a page turned); afresh: scored every time (budget 0).
	for _, c := range []struct {
		name   string
		budget int64
	}{{"scored", 1 << 30}, {"afresh", 0}} {
		b.Run(c.name, func(b *testing.B) {
			e.SetScoredCacheBytes(c.budget)
			defer e.SetScoredCacheBytes(1 << 30)
			var took []time.Duration
			for b.Loop() {
				t := time.Now()
				if _, err := e.Search(ctx, "bench", q); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(t))
			}
			// The latency bound is a p95, which ns/op (a mean)
			// does not show.
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95_ms")
			b.ReportMetric(indexRate, "docs_indexed/s")
		})
	}
}

// BenchmarkListIDs measures what reconciliation reads every ten minutes:
// the id and kind of every document (PASSERELLE_BENCH_DOCS of them, 20,000
// by default).
func BenchmarkListIDs(b *testing.B) {
	n := 20000
	if v := os.Getenv("PASSERELLE_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("PASSERELLE_BENCH_DOCS=%q: want a positive integer", v)
		}
	}
	e, err := bleve.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = e.Close() }()
	ctx := context.Background()
	if err := e.EnsureIndex(ctx, "bench", search.Settings{}); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < n; i += 1000 {
		docs := make([]search.Document, 0, 1000)
		for j := i; j < min(i+1000, n); j++ {
			docs = append(docs, benchDoc(r, j))
		}
		if err := e.Index(ctx, "bench", docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		seen := 0
		if err := e.ListIDs(ctx, "bench", func(hits []search.Hit) error { seen += len(hits); return nil }); err != nil {
			b.Fatal(err)
		}
		if seen != n {
			b.Fatalf("listed %d of %d documents", seen, n)
		}
	}
}
