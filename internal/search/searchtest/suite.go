// Package searchtest is the conformance suite every search.Engine must
// pass: search/bleve runs it in every `go test`, search/meili when a
// Meilisearch server is given. A behaviour that matters to callers belongs
// here, not in an engine's own tests.
package searchtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// Run runs the whole suite. newEngine returns a ready engine for one
// subtest and registers its own cleanup (Close); the suite drops every
// index it creates, so engines may share a server.
func Run(t *testing.T, newEngine func(t *testing.T) search.Engine) {
	tests := []struct {
		name string
		run  func(t *testing.T, e search.Engine)
	}{
		{"IndexSearchDelete", testIndexSearchDelete},
		{"PerLanguageMatching", testPerLanguageMatching},
		{"CrossLanguageConcepts", testCrossLanguageConcepts},
		{"OwnTextBeforeTranslatedLabels", testOwnTextBeforeTranslatedLabels},
		{"Filters", testFilters},
		{"Sorts", testSorts},
		{"Facets", testFacets},
		{"Pagination", testPagination},
		{"Highlight", testHighlight},
		{"Synonyms", testSynonyms},
		{"Reindex", testReindex},
		{"Swap", testSwap},
		{"Errors", testErrors},
		{"ListIDs", testListIDs},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, newEngine(t)) })
	}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return c
}

// newIndex creates a uniquely named index, dropped at the end of the test.
func newIndex(t *testing.T, e search.Engine, s search.Settings) string {
	t.Helper()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	name := "conformance_" + hex.EncodeToString(b)
	if err := e.EnsureIndex(ctx(t), name, s); err != nil {
		t.Fatalf("EnsureIndex(%s): %v", name, err)
	}
	t.Cleanup(func() {
		if err := e.DropIndex(context.Background(), name); err != nil {
			t.Errorf("DropIndex(%s): %v", name, err)
		}
	})
	return name
}

func index(t *testing.T, e search.Engine, name string, docs []search.Document) {
	t.Helper()
	if err := e.Index(ctx(t), name, docs); err != nil {
		t.Fatalf("Index: %v", err)
	}
}

func run(t *testing.T, e search.Engine, name string, q search.Query) search.Result {
	t.Helper()
	res, err := e.Search(ctx(t), name, q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

func ids(res search.Result) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	return s
}

// expectSet checks the hits as a set, and that Total agrees.
func expectSet(t *testing.T, what string, res search.Result, want ...string) {
	t.Helper()
	if got := sorted(ids(res)); !slices.Equal(got, sorted(want)) {
		t.Errorf("%s: hits %v, want %v", what, got, sorted(want))
	}
	if res.Total != len(want) {
		t.Errorf("%s: total %d, want %d", what, res.Total, len(want))
	}
}

func fixtureIndex(t *testing.T, e search.Engine) string {
	name := newIndex(t, e, search.Settings{})
	index(t, e, name, fixtures())
	return name
}

func allFixtureIDs() []string {
	return []string{offerFR, tenderDE, supplierLU, tenderEN, offerNL, tenderFR}
}

func testIndexSearchDelete(t *testing.T, e search.Engine) {
	name := fixtureIndex(t, e)
	expectSet(t, "empty query", run(t, e, name, search.Query{}), allFixtureIDs()...)

	res := run(t, e, name, search.Query{Text: "nettoyage", Language: domain.LangFR})
	if len(res.Hits) == 0 || res.Hits[0].ID != offerFR {
		t.Fatalf("nettoyage: hits %v, want %s first", ids(res), offerFR)
	}
	if h := res.Hits[0]; h.Kind != search.KindOffer || h.Score <= 0 {
		t.Errorf("hit %+v: want kind offer and a positive score", h)
	}

	if err := e.Delete(ctx(t), name, []string{offerFR, "no-such-id"}); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := e.Delete(ctx(t), name, []string{"never-indexed"}); err != nil {
		t.Fatalf("Delete of an unknown id: %v", err)
	}
	if err := e.Delete(ctx(t), name, nil); err != nil {
		t.Fatalf("Delete of nothing: %v", err)
	}
	// Only the German tender is left, through its French concept label.
	expectSet(t, "after delete", run(t, e, name, search.Query{Text: "nettoyage"}), tenderDE)
	expectSet(t, "after delete, all", run(t, e, name, search.Query{}), tenderDE, supplierLU, tenderEN, offerNL, tenderFR)
}

func testPerLanguageMatching(t *testing.T, e search.Engine) {
	name := fixtureIndex(t, e)
	for _, c := range []struct {
		text  string
		lang  domain.Language
		want  string
		field search.Field
		in    domain.Language
	}{
		// Light stemming: plural and singular meet, in each language.
		{"nettoyages", domain.LangFR, offerFR, search.FieldTitle, domain.LangFR},
		{"menuiseries", domain.LangFR, supplierLU, search.FieldTitle, domain.LangFR},
		{"canteen", domain.LangEN, tenderEN, search.FieldTitle, domain.LangEN},
		{"catering service", domain.LangEN, tenderEN, search.FieldTitle, domain.LangEN},
		// Accents are folded both ways.
		{"electricite", domain.LangFR, tenderFR, search.FieldTitle, domain.LangFR},
		{"ÉCLAIRAGE", "", tenderFR, search.FieldTitle, domain.LangFR},
		{"gebaudereinigung", domain.LangDE, tenderDE, search.FieldTitle, domain.LangDE},
		{"Gebäudereinigung", domain.LangDE, tenderDE, search.FieldTitle, domain.LangDE},
		// Folding beyond what the stemmers do: English keeps "é", French
		// keeps the ligature "œ".
		{"cafe", domain.LangEN, tenderEN, search.FieldDescription, domain.LangEN},
		{"oeuvre", domain.LangFR, tenderFR, search.FieldDescription, domain.LangFR},
		// Elision: "l'éclairage" indexes "eclairage".
		{"l'éclairage", domain.LangFR, tenderFR, search.FieldTitle, domain.LangFR},
		{"tuinaanleg", domain.LangNL, offerNL, search.FieldTitle, domain.LangNL},
		// A description match says so.
		{"luminaires", domain.LangFR, tenderFR, search.FieldDescription, domain.LangFR},
		// A German word in a bilingual supplier matches the German fields.
		{"Schreinerwerkstatt", "", supplierLU, search.FieldTitle, domain.LangDE},
	} {
		res := run(t, e, name, search.Query{Text: c.text, Language: c.lang})
		if len(res.Hits) == 0 || res.Hits[0].ID != c.want {
			t.Errorf("%q: hits %v, want %s first", c.text, ids(res), c.want)
			continue
		}
		h := res.Hits[0]
		if h.MatchedField != c.field || h.MatchedLanguage != c.in {
			t.Errorf("%q: matched %s/%s, want %s/%s", c.text, h.MatchedField, h.MatchedLanguage, c.field, c.in)
		}
	}
	// Stop words alone match nothing.
	expectSet(t, "stop words", run(t, e, name, search.Query{Text: "de la les", Language: domain.LangFR}))
	// A word that is nowhere matches nothing.
	expectSet(t, "absent word", run(t, e, name, search.Query{Text: "zeppelin"}))
}

func testCrossLanguageConcepts(t *testing.T, e search.Engine) {
	name := fixtureIndex(t, e)
	// A German buyer finds the French offer through its concept labels.
	// Their German labels are the German tender's own (it is written in
	// German) but a translation for the French offer: the tender ranks
	// first, and the offer's match counts as a translation.
	res := run(t, e, name, search.Query{Text: "Reinigungsdienste", Language: domain.LangDE})
	expectSet(t, "Reinigungsdienste", res, offerFR, tenderDE)
	if got := ids(res); len(got) == 2 && got[0] != tenderDE {
		t.Errorf("Reinigungsdienste: order %v, want %s first (own labels beat translated ones)", got, tenderDE)
	}
	for _, h := range res.Hits {
		want, translated := search.FieldConcepts, false
		if h.ID == offerFR {
			want, translated = search.FieldTranslatedConcepts, true
		}
		if h.MatchedLanguage != domain.LangDE || h.MatchedField != want || h.Translated(domain.LangDE) != translated {
			t.Errorf("%s matched %s/%s (translated %t), want %s/de (translated %t)",
				h.ID, h.MatchedField, h.MatchedLanguage, h.Translated(domain.LangDE), want, translated)
		}
	}
	// Same-language title match ranks above a concept match.
	res = run(t, e, name, search.Query{Text: "nettoyage", Language: domain.LangFR})
	expectSet(t, "nettoyage", res, offerFR, tenderDE)
	if ids(res)[0] != offerFR {
		t.Errorf("nettoyage: order %v, want %s first (title beats concept label)", ids(res), offerFR)
	}
}

// testOwnTextBeforeTranslatedLabels holds issue 5's "exact and
// same-language matches rank above translated ones" for concept labels: a
// listing written in German whose own title has the word ranks above a
// French listing that has it only in the German label of its sector (a
// translation of its classification), and each hit says where it matched.
func testOwnTextBeforeTranslatedLabels(t *testing.T, e search.Engine) {
	name := newIndex(t, e, search.Settings{})
	labels := map[domain.Language][]string{
		domain.LangFR: {"Propreté et hygiène"},
		domain.LangDE: {"Reinigung und Hygiene"},
		domain.LangEN: {"Cleaning and hygiene"},
		domain.LangNL: {"Schoonmaak en hygiëne"},
	}
	docs := []search.Document{
		{ID: "own-de", Kind: search.KindOffer, Country: "DE", PublishedAt: day(1), Concepts: labels,
			Text: map[domain.Language]search.Text{domain.LangDE: {
				Title: "Reinigung von Verwaltungsgebäuden", Description: "Tagsüber oder abends, mit Umweltzeichen."}}},
		{ID: "label-fr", Kind: search.KindOffer, Country: "FR", PublishedAt: day(2), Concepts: labels,
			Text: map[domain.Language]search.Text{domain.LangFR: {
				Title: "Propreté des locaux administratifs", Description: "En journée ou le soir, avec écolabel."}}},
		// No text of its own: its labels are all its own.
		{ID: "bare", Kind: search.KindOffer, Country: "LU", PublishedAt: day(3), Concepts: labels},
	}
	index(t, e, name, docs)
	res := run(t, e, name, search.Query{Text: "Reinigung", Language: domain.LangDE})
	expectSet(t, "Reinigung", res, "own-de", "label-fr", "bare")
	// (Where "bare" ranks depends on the idf of each field in a corpus of
	// three: not a rule.)
	if got := ids(res); len(got) == 3 && got[0] != "own-de" {
		t.Errorf("Reinigung: order %v, want own-de first (own text beats translated labels)", got)
	}
	want := map[string]struct {
		field      search.Field
		translated bool
	}{
		"own-de":   {search.FieldTitle, false},
		"bare":     {search.FieldConcepts, false},
		"label-fr": {search.FieldTranslatedConcepts, true},
	}
	for _, h := range res.Hits {
		w := want[h.ID]
		if h.MatchedLanguage != domain.LangDE || h.MatchedField != w.field || h.Translated(domain.LangDE) != w.translated {
			t.Errorf("%s matched %s/%s (translated %t), want %s/de (translated %t)",
				h.ID, h.MatchedField, h.MatchedLanguage, h.Translated(domain.LangDE), w.field, w.translated)
		}
	}
	// The French listing's own words come before its labels: matched
	// in French, translated for a German query, not for a French one.
	res = run(t, e, name, search.Query{Text: "propreté", Language: domain.LangFR})
	for _, h := range res.Hits {
		if h.ID != "label-fr" {
			continue
		}
		if h.MatchedField != search.FieldTitle || h.MatchedLanguage != domain.LangFR || h.Translated(domain.LangFR) || !h.Translated(domain.LangDE) {
			t.Errorf("label-fr matched %s/%s, want title/fr", h.MatchedField, h.MatchedLanguage)
		}
	}
	if got := ids(res); len(got) == 0 || got[0] != "label-fr" {
		t.Errorf("propreté: hits %v, want label-fr first", got)
	}
}

func testFilters(t *testing.T, e search.Engine) {
	name := fixtureIndex(t, e)
	from, to := day(50), day(60)
	for _, c := range []struct {
		what string
		f    search.Filters
		want []string
	}{
		{"kind tender", search.Filters{Kinds: []search.Kind{search.KindTender}}, []string{tenderDE, tenderEN, tenderFR}},
		{"kinds offer+supplier", search.Filters{Kinds: []search.Kind{search.KindOffer, search.KindSupplier}}, []string{offerFR, supplierLU, offerNL}},
		{"country BE", search.Filters{Countries: []string{"BE"}}, []string{tenderEN, offerNL}},
		{"NUTS country level", search.Filters{NUTS: []string{"FR"}}, []string{offerFR, tenderFR}},
		{"NUTS region includes sub-regions", search.Filters{NUTS: []string{"FRF3"}}, []string{offerFR, tenderFR}},
		{"NUTS leaf", search.Filters{NUTS: []string{"FRF33", "BE221"}}, []string{offerFR, offerNL}},
		{"sector", search.Filters{Sectors: []string{"cleaning"}}, []string{offerFR, tenderDE}},
		{"CPV division", search.Filters{CPV: []string{"90000000"}}, []string{offerFR, tenderDE}},
		{"CPV class excludes siblings", search.Filters{CPV: []string{"90911000"}}, []string{tenderDE}},
		{"CPV construction", search.Filters{CPV: []string{"45000000"}}, []string{supplierLU, tenderFR}},
		{"status type", search.Filters{StatusTypes: []string{"EI"}}, []string{offerFR, offerNL}},
		{"status types any", search.Filters{StatusTypes: []string{"EA", "EI"}}, []string{offerFR, offerNL, supplierLU}},
		{"reserved basis", search.Filters{ReservedBases: []string{"FR_L2113_13"}}, []string{offerFR, tenderFR}},
		{"organisation", search.Filters{Organisations: []string{"org-arlon"}}, []string{tenderEN}},
		{"deadline range", search.Filters{DeadlineFrom: &from, DeadlineTo: &to}, []string{tenderDE}},
		{"deadline from", search.Filters{DeadlineFrom: &from}, []string{tenderDE, tenderFR}},
		{"deadline to (inclusive)", search.Filters{DeadlineTo: ptr(day(45))}, []string{tenderEN}},
		// Publication windows: the lower bound is in, the upper one out,
		// so that consecutive windows share no listing.
		{"published window", search.Filters{PublishedFrom: ptr(day(14)), PublishedBefore: ptr(day(24))}, []string{tenderEN, tenderDE}},
		{"published from (inclusive)", search.Filters{PublishedFrom: ptr(day(24))}, []string{offerNL, tenderFR}},
		{"published before (exclusive)", search.Filters{PublishedBefore: ptr(day(9))}, []string{supplierLU}},
		{"cross-border", search.Filters{CrossBorder: ptr(true)}, []string{offerFR, supplierLU, tenderEN, tenderFR}},
		{"not cross-border", search.Filters{CrossBorder: ptr(false)}, []string{tenderDE, offerNL}},
		{"radius 40 km", search.Filters{Near: &search.GeoRadius{Center: metz, RadiusKm: 40}}, []string{offerFR}},
		{"radius 58 km", search.Filters{Near: &search.GeoRadius{Center: metz, RadiusKm: 58}}, []string{offerFR, tenderFR, supplierLU}},
		{"radius 100 km leaves out unlocated", search.Filters{Near: &search.GeoRadius{Center: metz, RadiusKm: 100}}, []string{offerFR, tenderFR, supplierLU, tenderDE, tenderEN}},
		{"filters combine", search.Filters{Kinds: []search.Kind{search.KindTender}, CrossBorder: ptr(true), Countries: []string{"FR", "DE"}}, []string{tenderFR}},
		{"no match", search.Filters{Countries: []string{"NL"}}, nil},
	} {
		expectSet(t, c.what, run(t, e, name, search.Query{Filters: c.f}), c.want...)
	}
	// Filters apply to text queries too.
	expectSet(t, "text and filter", run(t, e, name, search.Query{Text: "nettoyage", Filters: search.Filters{Countries: []string{"DE"}}}), tenderDE)
}

func testSorts(t *testing.T, e search.Engine) {
	name := fixtureIndex(t, e)
	for _, c := range []struct {
		what string
		q    search.Query
		want []string
	}{
		{"date, newest first", search.Query{Sort: search.SortDate}, []string{tenderFR, offerNL, tenderDE, tenderEN, offerFR, supplierLU}},
		// No deadline: last, by id.
		{"deadline, soonest first", search.Query{Sort: search.SortDeadline}, []string{tenderEN, tenderDE, tenderFR, offerFR, offerNL, supplierLU}},
		{"distance from origin", search.Query{Sort: search.SortDistance, Origin: &metz}, []string{offerFR, tenderFR, supplierLU, tenderDE, tenderEN}},
		{"distance from the radius centre", search.Query{Sort: search.SortDistance, Filters: search.Filters{Near: &search.GeoRadius{Center: metz, RadiusKm: 58}}}, []string{offerFR, tenderFR, supplierLU}},
		{"date with text", search.Query{Text: "nettoyage", Sort: search.SortDate}, []string{tenderDE, offerFR}},
	} {
		if got := ids(run(t, e, name, c.q)); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.what, got, c.want)
		}
	}
}

func testFacets(t *testing.T, e search.Engine) {
	name := fixtureIndex(t, e)
	res := run(t, e, name, search.Query{Facets: []search.Facet{search.FacetKind, search.FacetCountry, search.FacetStatusType, search.FacetCPV}, Limit: 1})
	want := map[search.Facet][]search.FacetValue{
		search.FacetKind:       {{Value: "tender", Count: 3}, {Value: "offer", Count: 2}, {Value: "supplier", Count: 1}},
		search.FacetCountry:    {{Value: "BE", Count: 2}, {Value: "FR", Count: 2}, {Value: "DE", Count: 1}, {Value: "LU", Count: 1}},
		search.FacetStatusType: {{Value: "EI", Count: 2}, {Value: "EA", Count: 1}, {Value: "ESAT", Count: 1}},
	}
	for f, w := range want {
		if got := res.Facets[f]; !slices.Equal(got, w) {
			t.Errorf("facet %s: %v, want %v", f, got, w)
		}
	}
	// Counts cover every matching document, not only the page.
	if len(res.Hits) != 1 || res.Total != 6 {
		t.Errorf("page of %d hits, total %d; want 1 of 6", len(res.Hits), res.Total)
	}
	cpv := map[string]int{}
	for _, v := range res.Facets[search.FacetCPV] {
		cpv[v.Value] = v.Count
	}
	if cpv["90000000"] != 2 || cpv["45000000"] != 2 || cpv["90911200"] != 1 {
		t.Errorf("CPV facet counts ancestors wrongly: %v", cpv)
	}
	// Facets follow the filters and the text.
	res = run(t, e, name, search.Query{Text: "nettoyage", Filters: search.Filters{CrossBorder: ptr(true)}, Facets: []search.Facet{search.FacetCountry}})
	if got, w := res.Facets[search.FacetCountry], []search.FacetValue{{Value: "FR", Count: 1}}; !slices.Equal(got, w) {
		t.Errorf("filtered facet: %v, want %v", got, w)
	}
	// FacetSize caps the values, most frequent first.
	res = run(t, e, name, search.Query{Facets: []search.Facet{search.FacetKind}, FacetSize: 1})
	if got := res.Facets[search.FacetKind]; len(got) != 1 || got[0].Value != "tender" {
		t.Errorf("facet size 1: %v", got)
	}
}

func testPagination(t *testing.T, e search.Engine) {
	name := newIndex(t, e, search.Settings{})
	docs := synthetic(47)
	index(t, e, name, docs)
	for _, q := range []search.Query{
		{Text: "marché services", Limit: 10},
		{Limit: 10},
		{Sort: search.SortDate, Limit: 7},
		{Sort: search.SortDeadline, Limit: 9},
		{Sort: search.SortDistance, Origin: &metz, Limit: 10},
		{Text: "alpha", Limit: 4, Filters: search.Filters{Countries: []string{"FR", "LU"}}},
	} {
		var all []string
		var total int
		pages := 0
		for {
			res := run(t, e, name, q)
			total = res.Total
			all = append(all, ids(res)...)
			pages++
			if len(res.Hits) > q.Limit {
				t.Fatalf("page of %d hits, limit %d", len(res.Hits), q.Limit)
			}
			if res.NextCursor == "" {
				break
			}
			if pages > 20 {
				t.Fatalf("%+v: more pages than documents", q)
			}
			q.Cursor = res.NextCursor
		}
		seen := map[string]bool{}
		for _, id := range all {
			if seen[id] {
				t.Errorf("sort %s: %s on two pages", q.Sort, id)
			}
			seen[id] = true
		}
		if len(all) != total || total == 0 {
			t.Errorf("sort %s text %q: %d hits over %d pages, total %d", q.Sort, q.Text, len(all), pages, total)
		}
		full := run(t, e, name, search.Query{Text: q.Text, Sort: q.Sort, Origin: q.Origin, Filters: q.Filters, Limit: search.MaxLimit})
		if !slices.Equal(all, ids(full)) {
			t.Errorf("sort %s text %q: pages give %v, one page %v", q.Sort, q.Text, all, ids(full))
		}
	}
	if total := run(t, e, name, search.Query{Text: "alpha"}).Total; total != 16 {
		t.Errorf("alpha total %d, want 16", total)
	}
}

func testHighlight(t *testing.T, e search.Engine) {
	name := fixtureIndex(t, e)
	res := run(t, e, name, search.Query{Text: "nettoyage", Language: domain.LangFR, Highlight: true, Filters: search.Filters{Kinds: []search.Kind{search.KindOffer}}})
	if len(res.Hits) != 1 {
		t.Fatalf("hits %v", ids(res))
	}
	s := res.Hits[0].Snippets
	if !strings.Contains(s["title_fr"], "<mark>Nettoyage</mark>") {
		t.Errorf("title snippet %q", s["title_fr"])
	}
	if d := s["description_fr"]; !strings.Contains(d, "<mark>nettoyage</mark>") || strings.Contains(d, "d'insertion") {
		t.Errorf("description snippet %q: want the term marked and the text HTML-escaped", d)
	}
	if res := run(t, e, name, search.Query{Text: "nettoyage"}); len(res.Hits) > 0 && len(res.Hits[0].Snippets) > 0 {
		t.Errorf("snippets without Highlight: %v", res.Hits[0].Snippets)
	}
}

func testSynonyms(t *testing.T, e search.Engine) {
	name := newIndex(t, e, search.Settings{Synonyms: map[string][]string{"ménage": {"nettoyage"}}})
	index(t, e, name, fixtures())
	expectSet(t, "synonym", run(t, e, name, search.Query{Text: "ménage", Language: domain.LangFR}), offerFR, tenderDE)
	// Settings can change on an existing index.
	if err := e.EnsureIndex(ctx(t), name, search.Settings{}); err != nil {
		t.Fatal(err)
	}
	expectSet(t, "synonym removed", run(t, e, name, search.Query{Text: "ménage", Language: domain.LangFR}))
}

func testReindex(t *testing.T, e search.Engine) {
	name := fixtureIndex(t, e)
	index(t, e, name, fixtures())
	doc := fixtures()[0]
	doc.Text = map[domain.Language]search.Text{domain.LangFR: {Title: "Blanchisserie solidaire"}}
	doc.Country = "LU"
	index(t, e, name, []search.Document{doc})
	expectSet(t, "twice indexed", run(t, e, name, search.Query{}), allFixtureIDs()...)
	expectSet(t, "new text", run(t, e, name, search.Query{Text: "blanchisserie"}), offerFR)
	expectSet(t, "old text gone", run(t, e, name, search.Query{Text: "bureaux"}))
	expectSet(t, "new field", run(t, e, name, search.Query{Filters: search.Filters{Countries: []string{"LU"}}}), offerFR, supplierLU)
	// Indexing nothing is fine.
	index(t, e, name, nil)
}

func testSwap(t *testing.T, e search.Engine) {
	live := newIndex(t, e, search.Settings{})
	old := fixtures()[:3]
	index(t, e, live, old)
	next := newIndex(t, e, search.Settings{})

	// Searches keep answering on the live name while the next version is
	// built and swapped in: every answer is the old set or the new one.
	var stop atomic.Bool
	var wg sync.WaitGroup
	var searches, failures atomic.Int64
	var firstErr atomic.Value
	newSet := synthetic(30)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				res, err := e.Search(context.Background(), live, search.Query{})
				searches.Add(1)
				if err != nil || (res.Total != len(old) && res.Total != len(newSet)) {
					failures.Add(1)
					if err != nil {
						firstErr.CompareAndSwap(nil, err)
					}
				}
			}
		}()
	}
	for i := 0; i < len(newSet); i += 10 {
		index(t, e, next, newSet[i:i+10])
	}
	if err := e.Swap(ctx(t), live, next); err != nil {
		t.Fatalf("Swap: %v", err)
	}
	deadline := time.Now().Add(200 * time.Millisecond)
	for time.Now().Before(deadline) && searches.Load() < 20 {
		time.Sleep(5 * time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()
	if n := failures.Load(); n > 0 {
		t.Errorf("%d of %d searches during the swap failed or saw a partial index (first error: %v)", n, searches.Load(), firstErr.Load())
	}
	if got := run(t, e, live, search.Query{}).Total; got != len(newSet) {
		t.Errorf("live after swap: %d documents, want %d", got, len(newSet))
	}
	expectSet(t, "old contents under the versioned name", run(t, e, next, search.Query{}), offerFR, tenderDE, supplierLU)
	// Writes to the live name reach the new contents.
	if err := e.Delete(ctx(t), live, []string{newSet[0].ID}); err != nil {
		t.Fatal(err)
	}
	if got := run(t, e, live, search.Query{}).Total; got != len(newSet)-1 {
		t.Errorf("live after delete: %d, want %d", got, len(newSet)-1)
	}
	// Dropping the old contents leaves the live name serving.
	if err := e.DropIndex(ctx(t), next); err != nil {
		t.Fatal(err)
	}
	if got := run(t, e, live, search.Query{}).Total; got != len(newSet)-1 {
		t.Errorf("live after drop: %d, want %d", got, len(newSet)-1)
	}
}

func testErrors(t *testing.T, e search.Engine) {
	c := ctx(t)
	missing := "conformance_missing_index"
	if _, err := e.Search(c, missing, search.Query{}); !errors.Is(err, search.ErrIndexNotFound) || !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("Search on a missing index: %v", err)
	}
	if err := e.Index(c, missing, fixtures()); !errors.Is(err, search.ErrIndexNotFound) {
		t.Errorf("Index on a missing index: %v", err)
	}
	if err := e.Delete(c, missing, []string{"x"}); !errors.Is(err, search.ErrIndexNotFound) {
		t.Errorf("Delete on a missing index: %v", err)
	}
	if err := e.DropIndex(c, missing); err != nil {
		t.Errorf("DropIndex on a missing index: %v", err)
	}
	name := fixtureIndex(t, e)
	if err := e.Swap(c, name, missing); !errors.Is(err, search.ErrIndexNotFound) {
		t.Errorf("Swap with a missing index: %v", err)
	}
	if err := e.EnsureIndex(c, "Bad Name!", search.Settings{}); err == nil {
		t.Error("EnsureIndex accepted a bad name")
	}
	for _, q := range []search.Query{
		{Cursor: "not-a-cursor"},
		{Sort: "price"},
		{Sort: search.SortDistance},
		{Limit: search.MaxLimit + 1},
		{Limit: -1},
		{Facets: []search.Facet{"colour"}},
		{Language: "xx"},
		{Text: strings.Repeat("a", search.MaxQueryTextLen+1)},
		{Filters: search.Filters{Kinds: []search.Kind{"auction"}}},
		{Filters: search.Filters{Near: &search.GeoRadius{Center: metz, RadiusKm: 0}}},
		{Filters: search.Filters{Near: &search.GeoRadius{Center: search.GeoPoint{Lat: 91}, RadiusKm: 5}}},
		{Filters: search.Filters{DeadlineFrom: ptr(day(10)), DeadlineTo: ptr(day(1))}},
	} {
		if _, err := e.Search(c, name, q); !errors.Is(err, search.ErrInvalidQuery) {
			t.Errorf("Search(%+v): %v, want ErrInvalidQuery", q, err)
		}
	}
	// A cursor from another sort is refused, not misread.
	res := run(t, e, name, search.Query{Limit: 1})
	if _, err := e.Search(c, name, search.Query{Limit: 1, Sort: search.SortDate, Cursor: res.NextCursor}); !errors.Is(err, search.ErrInvalidCursor) {
		t.Errorf("cursor of another sort: %v", err)
	}
	for _, d := range []search.Document{
		{ID: "", Kind: search.KindOffer},
		{ID: "a b", Kind: search.KindOffer},
		{ID: "x/y", Kind: search.KindOffer},
		{ID: "x", Kind: "auction"},
		{ID: "x", Kind: search.KindOffer, Geo: &search.GeoPoint{Lat: 100}},
		{ID: "x", Kind: search.KindOffer, Text: map[domain.Language]search.Text{"xx": {Title: "t"}}},
		{ID: "x", Kind: search.KindOffer, Text: map[domain.Language]search.Text{domain.LangFR: {Title: strings.Repeat("a", search.MaxTitleLen+1)}}},
	} {
		if err := e.Index(c, name, []search.Document{fixtures()[0], d}); !errors.Is(err, search.ErrInvalidDocument) {
			t.Errorf("Index(%+v): %v, want ErrInvalidDocument", d.ID, err)
		}
	}
	// A rejected batch writes nothing.
	expectSet(t, "after rejected batches", run(t, e, name, search.Query{Filters: search.Filters{Countries: []string{"FR"}}}), offerFR, tenderFR)
}
