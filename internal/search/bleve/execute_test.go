package bleve

import (
	"context"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// execWords are a few words per language, some frequent, some rare, so
// that queries match from a handful to most of the documents.
var execWords = map[domain.Language][]string{
	domain.LangFR: {"nettoyage", "bureaux", "travaux", "entretien", "espaces", "verts", "restauration", "menuiserie", "services", "transport", "fournitures", "insertion"},
	domain.LangDE: {"Reinigung", "Büro", "Bauarbeiten", "Pflege", "Grünflächen", "Verpflegung", "Tischlerei", "Dienstleistungen", "Transport", "Lieferung"},
	domain.LangEN: {"cleaning", "office", "works", "maintenance", "green", "spaces", "catering", "joinery", "services", "transport", "supplies"},
	domain.LangNL: {"schoonmaak", "kantoor", "werken", "onderhoud", "groen", "catering", "schrijnwerk", "diensten", "vervoer", "leveringen"},
}

var (
	execNUTS   = []string{"FRF31", "FRF32", "FRF33", "DEC01", "DEC02", "DEB21", "LU000", "BE341", "BE342", "BE221"}
	execCPV    = []string{"90910000", "90911200", "45310000", "45421000", "55524000", "77310000", "60130000", "30192000"}
	execStatus = []string{"fr_esat", "fr_ea", "fr_siae_ei", "de_inklusionsbetrieb", "lu_sis", "be_eta"}
	execBases  = []string{"fr_l2113_12", "fr_l2113_13", "eu_art20"}
)

func execDoc(r *rand.Rand, i int) search.Document {
	lang := domain.Languages[r.IntN(len(domain.Languages))]
	sentence := func(lang domain.Language, n int) string {
		words := execWords[lang]
		out := ""
		for j := range n {
			if j > 0 {
				out += " "
			}
			out += words[r.IntN(len(words))]
		}
		return out
	}
	nuts := execNUTS[r.IntN(len(execNUTS))]
	d := search.Document{
		ID: "doc-" + strconv.Itoa(i), Kind: search.Kinds[r.IntN(3)], OrganisationID: "org-" + strconv.Itoa(r.IntN(50)),
		Country: nuts[:2], NUTS: search.NUTSAncestors(nuts), Sectors: []string{"sector-" + strconv.Itoa(r.IntN(8))},
		PublishedAt:        time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(365*24)) * time.Hour),
		AcceptsCrossBorder: r.IntN(2) == 0,
		Text:               map[domain.Language]search.Text{lang: {Title: sentence(lang, 3+r.IntN(3)), Description: sentence(lang, 10+r.IntN(20))}},
		Concepts:           map[domain.Language][]string{},
	}
	for range 1 + r.IntN(2) {
		d.CPV = append(d.CPV, search.CPVAncestors(execCPV[r.IntN(len(execCPV))])...)
	}
	slices.Sort(d.CPV)
	d.CPV = slices.Compact(d.CPV)
	if r.IntN(2) == 0 {
		d.StatusTypes = []string{execStatus[r.IntN(len(execStatus))]}
	}
	if r.IntN(4) == 0 {
		d.Geo = nil
	} else {
		d.Geo = &search.GeoPoint{Lat: 49 + r.Float64(), Lon: 5.5 + r.Float64()*1.5}
	}
	if d.Kind == search.KindTender {
		dl := d.PublishedAt.AddDate(0, 0, 10+r.IntN(60))
		d.Deadline = &dl
		if r.IntN(3) == 0 {
			d.ReservedBases = []string{execBases[r.IntN(len(execBases))]}
		}
	}
	for _, l := range domain.Languages {
		d.Concepts[l] = []string{sentence(l, 2), sentence(l, 3)}
	}
	return d
}

// execQueries are queries of every shape: text or not, typed or expanded
// into terms (phrases included), with and without filters, every sort.
func execQueries(r *rand.Rand) []search.Query {
	yes, no := true, false
	from := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	filters := []search.Filters{
		{},
		{Countries: []string{"FR", "LU"}, Kinds: []search.Kind{search.KindOffer, search.KindSupplier}, CrossBorder: &yes},
		{NUTS: []string{"FRF3", "BE3"}, StatusTypes: execStatus[:3]},
		{Kinds: []search.Kind{search.KindTender}, DeadlineFrom: &from, ReservedBases: execBases},
		{CPV: []string{"90000000"}, CrossBorder: &no, Near: &search.GeoRadius{Center: search.GeoPoint{Lat: 49.6, Lon: 6.1}, RadiusKm: 40}},
		{Countries: []string{"XX"}},
	}
	var out []search.Query
	for i := range 60 {
		q := search.Query{Filters: filters[i%len(filters)], Facets: search.Facets, FacetSize: 1 + r.IntN(30), Limit: 1 + r.IntN(30)}
		switch i % 3 {
		case 0:
			q.Text = execWords[domain.LangFR][r.IntN(12)] + " " + execWords[domain.LangFR][r.IntN(12)]
			q.Language = domain.LangFR
		case 1:
			for _, l := range domain.Languages {
				lt := search.LanguageTerms{Lang: l, Boost: 0.5 + r.Float64()}
				for range 1 + r.IntN(5) {
					w := execWords[l][r.IntN(len(execWords[l]))]
					t := search.TermQuery{Text: w, Weight: 0.1 + 0.9*r.Float64()}
					if r.IntN(4) == 0 {
						t.Text, t.Phrase = w+" "+execWords[l][r.IntN(len(execWords[l]))], true
					}
					lt.Terms = append(lt.Terms, t)
				}
				q.Terms = append(q.Terms, lt)
			}
			q.Language = domain.LangDE
		}
		q.Sort = []search.Sort{search.SortRelevance, search.SortRelevance, search.SortDate, search.SortDeadline, search.SortDistance}[i%5]
		if q.Sort == search.SortDistance {
			q.Origin = &search.GeoPoint{Lat: 49.5, Lon: 6.2}
		}
		if i%7 == 0 {
			q.Facets = []search.Facet{search.FacetCPV, search.FacetKind}
		}
		q.Highlight = i%2 == 0
		out = append(out, q)
	}
	return out
}

// legacyRequest is the request the engine built before execQuery: text (or
// match_all) as the must clause of a boolean query, filters as its filter
// clause, facets counted by bleve. execQuery must give the same answers.
func legacyRequest(t *testing.T, q search.Query, s search.Settings) *bleve.SearchRequest {
	t.Helper()
	req, _, err := buildRequest(q, s, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	bq := bleve.NewBooleanQuery()
	if q.HasText() {
		bq.AddMust(textQuery(q, s))
	} else {
		bq.AddMust(bleve.NewMatchAllQuery())
	}
	if f := filterQuery(q); f != nil {
		bq.AddFilter(f)
	}
	req.Query = bq
	for _, f := range q.Facets {
		req.AddFacet(string(f), bleve.NewFacetRequest(facetFields[f], q.FacetSize))
	}
	return req
}

// TestExecutionMatchesBleve compares, on an index of several segments with
// deleted and replaced documents, every page of every query run the
// engine's way with the same query run bleve's plain way: same total, same
// hits in the same order with the same scores, same facet counts.
func TestExecutionMatchesBleve(t *testing.T) {
	ctx := context.Background()
	e := emptyEngine(t)
	r := rand.New(rand.NewPCG(7, 8))
	const n, batch = 3000, 400
	for i := 0; i < n; i += batch {
		var docs []search.Document
		for j := i; j < min(i+batch, n); j++ {
			docs = append(docs, execDoc(r, j))
		}
		if err := e.Index(ctx, "x", docs); err != nil {
			t.Fatal(err)
		}
		// Deleted and replaced documents leave holes in the segments.
		var gone []string
		for j := i; j < min(i+batch, n); j += 9 {
			gone = append(gone, "doc-"+strconv.Itoa(j))
		}
		if err := e.Delete(ctx, "x", gone); err != nil {
			t.Fatal(err)
		}
		if err := e.Index(ctx, "x", []search.Document{execDoc(r, i)}); err != nil {
			t.Fatal(err)
		}
	}
	l, err := e.Layout(ctx, "x")
	if err != nil {
		t.Fatal(err)
	}
	if l.Segments < 2 {
		t.Fatalf("only %d segment: the test would not cover several", l.Segments)
	}
	h, err := e.acquire("x")
	if err != nil {
		t.Fatal(err)
	}
	defer h.mu.RUnlock()

	queries := execQueries(r)
	for _, min := range []uint64{1, math.MaxUint64} {
		t.Run(fmt.Sprintf("decoded postings from df %d", min), func(t *testing.T) {
			defer func(was uint64) { hotPostingsMin = was }(hotPostingsMin)
			hotPostingsMin = min
			// Cold: each text is scored on its first page and replayed
			// from the kept matches on the next ones (scored.go). Warm:
			// every page of every query replays, filtered or not.
			h.postings.scored.clear()
			compareExecution(t, e, h, queries)
			hits, misses := h.postings.scored.stats()
			resets := h.postings.scored.resetCount()
			compareExecution(t, e, h, queries)
			warmHits, warmMisses := h.postings.scored.stats()
			t.Logf("scored matches kept: cold %d hits %d misses, warm %d hits %d misses", hits, misses, warmHits-hits, warmMisses-misses)
			// Bleve's persister swaps in a new snapshot (the same documents,
			// their segments now on disk) a moment after the index was
			// written, which empties the cache: the warm pass may then
			// score a text again, once.
			// Texts scored again in the warm pass without a counted swap
			// happen too (1 or 2 of 120 lookups, in some runs; cause not
			// found): a few are tolerated, a cache left unused is not.
			swapped := h.postings.scored.resetCount() != resets
			rescored := warmMisses - misses
			if hits == 0 || warmHits-hits < 40 || !swapped && rescored > 6 {
				t.Fatalf("the kept matches were not used: cold %d/%d, warm %d/%d (hits/misses)", hits, misses, warmHits-hits, warmMisses-misses)
			}
		})
	}
}

func compareExecution(t *testing.T, e *Engine, h *handle, queries []search.Query) {
	ctx := context.Background()
	compared, ties, matched, snippets := 0, 0, 0, 0
	for qi, q := range queries {
		q, err := q.Normalized()
		if err != nil {
			t.Fatal(err)
		}
		wq := q // the legacy run follows its own cursors
		for page := 0; page < 3; page++ {
			want, err := h.index.SearchInContext(ctx, legacyRequest(t, wq, h.settings))
			if err != nil {
				t.Fatal(err)
			}
			if q.HasText() && len(want.Hits) > 0 {
				legacyMatchDetails(t, h.index, q, h.settings, want.Hits)
			}
			got, err := e.Search(ctx, "x", q)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("query %d (%q, sort %s) page %d", qi, q.Text, q.Sort, page)
			wantRes := toResult(q, want, nil)
			if got.Total != wantRes.Total {
				t.Fatalf("%s: total %d, want %d", name, got.Total, wantRes.Total)
			}
			if len(got.Hits) != len(wantRes.Hits) {
				t.Fatalf("%s: %d hits, want %d", name, len(got.Hits), len(wantRes.Hits))
			}
			tied := false
			for i := range got.Hits {
				g, w := got.Hits[i], wantRes.Hits[i]
				if !sameScore(g.Score, w.Score) || g.ID != w.ID && !sameScore(g.Score, scoreOf(wantRes.Hits, g.ID)) {
					t.Fatalf("%s: hit %d is %s (%v), want %s (%v)", name, i, g.ID, g.Score, w.ID, w.Score)
				}
				tied = tied || g.ID != w.ID
				if g.ID == w.ID && (g.MatchedField != w.MatchedField || g.MatchedLanguage != w.MatchedLanguage || !maps.Equal(g.Snippets, w.Snippets)) {
					t.Fatalf("%s: hit %d (%s) matched %s_%s %v, want %s_%s %v", name, i, g.ID,
						g.MatchedField, g.MatchedLanguage, g.Snippets, w.MatchedField, w.MatchedLanguage, w.Snippets)
				}
				if g.MatchedField != "" {
					matched++
				}
				if len(g.Snippets) > 0 {
					snippets++
				}
			}
			for _, f := range q.Facets {
				wantValues := legacyFacet(want, f)
				if gotValues := got.Facets[f]; !slices.Equal(gotValues, wantValues) && len(gotValues)+len(wantValues) > 0 {
					t.Fatalf("%s: facet %s = %v, want %v", name, f, gotValues, wantValues)
				}
			}
			compared++
			if tied {
				// Two hits with scores within rounding of each other came in
				// the other order: the next pages start from different hits.
				ties++
				break
			}
			if (got.NextCursor == "") != (wantRes.NextCursor == "") {
				t.Fatalf("%s: cursor %q, want %q", name, got.NextCursor, wantRes.NextCursor)
			}
			if got.NextCursor == "" {
				break
			}
			q.Cursor, wq.Cursor = got.NextCursor, wantRes.NextCursor
		}
	}
	t.Logf("%d pages compared, %d with reordered ties, %d hits with a matched field, %d with snippets", compared, ties, matched, snippets)
	if compared < 100 || ties > compared/10 || matched < 100 || snippets < 100 {
		t.Fatalf("%d pages compared, %d with reordered ties", compared, ties)
	}
}

// legacyFacet is facet f of a legacy answer, in the engine's order.
func legacyFacet(res *bleve.SearchResult, f search.Facet) []search.FacetValue {
	var values []search.FacetValue
	if fr := res.Facets[string(f)]; fr != nil && fr.Terms != nil {
		for _, tf := range fr.Terms.Terms() {
			values = append(values, search.FacetValue{Value: tf.Term, Count: tf.Count})
		}
	}
	sort.SliceStable(values, func(i, j int) bool {
		if values[i].Count != values[j].Count {
			return values[i].Count > values[j].Count
		}
		return values[i].Value < values[j].Value
	})
	return values
}

// sameScore accepts the rounding differences of summing the same clause
// scores in another order: a disjunction adds its matching clauses in heap
// order, and skipping postings changes the heap's history.
func sameScore(a, b float64) bool {
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// scoreOf is the score of id among hits, NaN when absent.
func scoreOf(hits []search.Hit, id string) float64 {
	for _, h := range hits {
		if h.ID == id {
			return h.Score
		}
	}
	return math.NaN()
}

// legacyMatchDetails is how the engine filled the page's locations and
// snippets before execQuery: the text AND the page's ids, run plainly.
func legacyMatchDetails(t *testing.T, idx bleve.Index, q search.Query, s search.Settings, hits bsearch.DocumentMatchCollection) {
	t.Helper()
	ids := make([]string, len(hits))
	for i, dm := range hits {
		ids[i] = dm.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), textQuery(q, s)), len(ids), 0, false)
	req.IncludeLocations = true
	if q.Highlight {
		req.Highlight = bleve.NewHighlightWithStyle(html.Name)
		for _, lang := range domain.Languages {
			for _, f := range []search.Field{search.FieldTitle, search.FieldDescription} {
				req.Highlight.AddField(textField(f, lang))
			}
		}
	}
	res, err := idx.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*bsearch.DocumentMatch{}
	for _, dm := range res.Hits {
		byID[dm.ID] = dm
	}
	for _, dm := range hits {
		if d, ok := byID[dm.ID]; ok {
			dm.Locations, dm.Fragments = d.Locations, d.Fragments
		}
	}
}
