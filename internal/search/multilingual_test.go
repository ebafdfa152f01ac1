package search_test

import (
	"context"
	"reflect"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
	"passerelle/internal/search/crosslang"
)

// TestMultilingualFindsOtherLanguages runs the searcher on the embedded
// engine with the expander's built-in sector lexicon: a German query finds
// the French listing through a translation, ranked below the German one
// that matches the typed word; with expansion off it finds the German one
// only; the language is detected when not given.
func TestMultilingualFindsOtherLanguages(t *testing.T) {
	ctx := context.Background()
	e, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if err := e.EnsureIndex(ctx, "m", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	err = e.Index(ctx, "m", []search.Document{
		{ID: "fr", Kind: search.KindTender, Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Nettoyage des bureaux de la mairie"}}},
		{ID: "de", Kind: search.KindTender, Text: map[domain.Language]search.Text{domain.LangDE: {Title: "Reinigung der Büros"}}},
		{ID: "en", Kind: search.KindTender, Text: map[domain.Language]search.Text{domain.LangEN: {Title: "Road maintenance"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	x, err := crosslang.Load(crosslang.Sources{})
	if err != nil {
		t.Fatal(err)
	}
	m := &search.Multilingual{Engine: e, Index: "m", Expander: x}
	res, err := m.Search(ctx, search.Query{Text: "Reinigung", Language: domain.LangDE})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].ID != "de" || res.Hits[1].ID != "fr" {
		t.Fatalf("hits %+v, want de then fr", res.Hits)
	}
	if res.Language != domain.LangDE || res.Detected || res.Translated[0] || !res.Translated[1] ||
		res.Hits[1].MatchedLanguage != domain.LangFR {
		t.Errorf("language %s detected %v translated %v matched %s", res.Language, res.Detected, res.Translated, res.Hits[1].MatchedLanguage)
	}

	off := &search.Multilingual{Engine: e, Index: "m", Expander: x, Options: crosslang.Options{Off: true}}
	res, err = off.Search(ctx, search.Query{Text: "Reinigung", Language: domain.LangDE})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != "de" {
		t.Errorf("expansion off: %+v, want de only", res.Hits)
	}

	res, err = m.Search(ctx, search.Query{Text: "nettoyage des bureaux"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Detected || res.Language != domain.LangFR || len(res.Hits) == 0 || res.Hits[0].ID != "fr" {
		t.Errorf("detected %v %s, hits %+v", res.Detected, res.Language, res.Hits)
	}

	// No text: the query runs as it is, every document.
	res, err = m.Search(ctx, search.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 3 || res.Language != "" {
		t.Errorf("no text: %+v", res)
	}
}

// TestMultilingualNamesCodes checks that a query naming a sector of the
// catalogue finds the listings classified under the sector's CPV codes
// whatever their title and language, weighted by the share of the query
// the sector's label covers; with expansion off it does not.
func TestMultilingualNamesCodes(t *testing.T) {
	ctx := context.Background()
	e, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if err := e.EnsureIndex(ctx, "m", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	err = e.Index(ctx, "m", []search.Document{
		// Office cleaning by its code only: the title says nothing.
		{ID: "coded", Kind: search.KindTender, CPV: search.CPVAncestors("90919200"), Text: map[domain.Language]search.Text{domain.LangDE: {Title: "Rahmenvertrag Los 3"}}},
		{ID: "other", Kind: search.KindTender, CPV: search.CPVAncestors("45233140"), Text: map[domain.Language]search.Text{domain.LangDE: {Title: "Rahmenvertrag Los 4"}}},
		// The same words in the title, and the code.
		{ID: "fr", Kind: search.KindTender, CPV: search.CPVAncestors("90919200"), Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Nettoyage des bureaux de la mairie"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	x, err := crosslang.Load(crosslang.Sources{})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(m *search.Multilingual, text string) []string {
		t.Helper()
		res, err := m.Search(ctx, search.Query{Text: text, Language: domain.LangFR})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	m := &search.Multilingual{Engine: e, Index: "m", Expander: x}
	if got := ids(m, "nettoyage des bureaux"); len(got) != 2 || got[0] != "fr" || got[1] != "coded" {
		t.Errorf("hits %v, want fr (the words and the code) then coded (the code)", got)
	}
	off := &search.Multilingual{Engine: e, Index: "m", Expander: x, Options: crosslang.Options{Off: true}}
	if got := ids(off, "nettoyage des bureaux"); len(got) != 1 || got[0] != "fr" {
		t.Errorf("expansion off: %v, want fr only", got)
	}
	// The codes the searcher sends: the sector and its CPV codes, at
	// weight 1 for a query that is the sector's label, far less when the
	// label is two words of eight.
	codes := func(text string) map[string]search.CodeTerm {
		out := map[string]search.CodeTerm{}
		for _, c := range m.Codes(m.Expand(text, domain.LangFR)) {
			out[string(c.Field)+":"+c.Code] = c
		}
		return out
	}
	whole := codes("nettoyage des bureaux")
	if c := whole["sector:cleaning.offices"]; c.Weight != 1 || len(c.Groups) != 2 {
		t.Errorf("sector code %+v, want weight 1 for words 1 and 2 (have %v)", c, whole)
	}
	if c := whole["cpv:90919200"]; c.Weight != 1 {
		t.Errorf("the sector's CPV code %+v, want weight 1 (have %v)", c, whole)
	}
	part := codes("nettoyage des bureaux de la mairie, du musée, de la piscine et du stade")
	if c := part["sector:cleaning.offices"]; !(c.Weight > 0 && c.Weight < 0.2) {
		t.Errorf("sector named by 2 words of many: %+v, want a small weight", c)
	}
}

// TestMultilingualFlagsTranslatedLabels: a listing found only through the
// label of its classification in a language it is not written in matched
// in the query's language, yet through a translation; the listing written
// in that language, matching the same label, did not.
func TestMultilingualFlagsTranslatedLabels(t *testing.T) {
	ctx := context.Background()
	e, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if err := e.EnsureIndex(ctx, "m", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	label := map[domain.Language][]string{domain.LangDE: {"Grünflächenpflege"}}
	err = e.Index(ctx, "m", []search.Document{
		{ID: "fr", Kind: search.KindOffer, Concepts: label,
			Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Tonte et taille de haies"}}},
		{ID: "de", Kind: search.KindOffer, Concepts: label,
			Text: map[domain.Language]search.Text{domain.LangDE: {Title: "Rasenmähen und Heckenschnitt"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	x, err := crosslang.Load(crosslang.Sources{})
	if err != nil {
		t.Fatal(err)
	}
	m := &search.Multilingual{Engine: e, Index: "m", Expander: x}
	res, err := m.Search(ctx, search.Query{Text: "Grünflächenpflege", Language: domain.LangDE})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].ID != "de" || res.Hits[1].ID != "fr" {
		t.Fatalf("hits %+v, want de then fr (own label above a translated one)", res.Hits)
	}
	for i, want := range []struct {
		field      search.Field
		translated bool
	}{{search.FieldConcepts, false}, {search.FieldTranslatedConcepts, true}} {
		h := res.Hits[i]
		if h.MatchedLanguage != domain.LangDE || h.MatchedField != want.field || res.Translated[i] != want.translated {
			t.Errorf("%s: matched %s/%s translated %v, want %s/de translated %v",
				h.ID, h.MatchedField, h.MatchedLanguage, res.Translated[i], want.field, want.translated)
		}
	}
}

// recordingEngine is an engine that records the queries it is sent and
// answers none.
type recordingEngine struct {
	search.Engine
	queries []search.Query
}

func (r *recordingEngine) Search(_ context.Context, _ string, q search.Query) (search.Result, error) {
	r.queries = append(r.queries, q)
	return search.Result{}, nil
}

// TestMultilingualKeepsExpansions: a text searched again is sent with the
// expansion it had the first time, the same as a new searcher computes;
// the same text typed in another language is expanded for that language.
func TestMultilingualKeepsExpansions(t *testing.T) {
	ctx := context.Background()
	x, err := crosslang.Load(crosslang.Sources{})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recordingEngine{}
	m := &search.Multilingual{Engine: rec, Index: "m", Expander: x}
	for _, q := range []search.Query{
		{Text: "nettoyage des bureaux", Language: domain.LangFR},
		{Text: "nettoyage des bureaux", Language: domain.LangFR, Limit: 5},
		{Text: "nettoyage des bureaux", Language: domain.LangDE},
		{Text: "nettoyage des bureaux"},
	} {
		if _, err := m.Search(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	fresh := &recordingEngine{}
	for _, q := range []search.Query{{Text: "nettoyage des bureaux", Language: domain.LangFR}, {Text: "nettoyage des bureaux", Language: domain.LangDE}, {Text: "nettoyage des bureaux"}} {
		if _, err := (&search.Multilingual{Engine: fresh, Index: "m", Expander: x}).Search(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	same := func(a, b search.Query) bool {
		return a.Language == b.Language && reflect.DeepEqual(a.Terms, b.Terms) && reflect.DeepEqual(a.Codes, b.Codes)
	}
	if len(rec.queries[0].Terms) == 0 || len(rec.queries[0].Codes) == 0 {
		t.Fatalf("the test wants terms and codes: %+v", rec.queries[0])
	}
	if !same(rec.queries[0], rec.queries[1]) || !same(rec.queries[1], fresh.queries[0]) {
		t.Errorf("the kept expansion differs:\n%+v\n%+v\n%+v", rec.queries[0], rec.queries[1], fresh.queries[0])
	}
	if !same(rec.queries[2], fresh.queries[1]) || same(rec.queries[2], rec.queries[0]) {
		t.Errorf("typed in German: %+v, fresh %+v", rec.queries[2], fresh.queries[1])
	}
	if !same(rec.queries[3], fresh.queries[2]) {
		t.Errorf("language detected: %+v, fresh %+v", rec.queries[3], fresh.queries[2])
	}
}
