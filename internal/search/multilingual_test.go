package search_test

import (
	"context"
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
