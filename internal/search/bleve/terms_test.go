package bleve_test

import (
	"context"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// TestTermsSearchTheirLanguageOnly checks Query.Terms on the embedded
// engine: a language's terms match that language's fields only, phrases
// need their words in order, and weights and boosts order the hits.
func TestTermsSearchTheirLanguageOnly(t *testing.T) {
	ctx := context.Background()
	e := newEngine(t)
	if err := e.EnsureIndex(ctx, "t", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	docs := []search.Document{
		{ID: "fr", Kind: search.KindTender, Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Nettoyage des espaces verts"}}},
		{ID: "de", Kind: search.KindTender, Text: map[domain.Language]search.Text{domain.LangDE: {Title: "Grünflächen Reinigung"}}},
		// "reinigung" in a French field must not match the German term.
		{ID: "frde", Kind: search.KindTender, Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Reinigung"}}},
		{ID: "verts", Kind: search.KindTender, Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Verts espaces"}}},
	}
	if err := e.Index(ctx, "t", docs); err != nil {
		t.Fatal(err)
	}
	ids := func(q search.Query) []string {
		t.Helper()
		res, err := e.Search(ctx, "t", q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	got := ids(search.Query{Terms: []search.LanguageTerms{{Lang: domain.LangDE, Boost: 1, Terms: []search.TermQuery{{Text: "reinigung", Weight: 1}}}}})
	if len(got) != 1 || got[0] != "de" {
		t.Errorf("German term: %v, want [de]", got)
	}
	got = ids(search.Query{Terms: []search.LanguageTerms{{Lang: domain.LangFR, Boost: 1, Terms: []search.TermQuery{{Text: "espaces verts", Phrase: true, Weight: 1}}}}})
	if len(got) != 1 || got[0] != "fr" {
		t.Errorf("French phrase: %v, want [fr]", got)
	}
	both := func(frBoost, deBoost float64) []string {
		return ids(search.Query{Language: domain.LangFR, Terms: []search.LanguageTerms{
			{Lang: domain.LangFR, Boost: frBoost, Terms: []search.TermQuery{{Text: "nettoyage", Weight: 1}}},
			{Lang: domain.LangDE, Boost: deBoost, Terms: []search.TermQuery{{Text: "reinigung", Weight: 0.7}}},
		}})
	}
	if got := both(1, 0.5); len(got) != 2 || got[0] != "fr" {
		t.Errorf("French boosted: %v, want fr first of two", got)
	}
	if got := both(0.1, 1); len(got) != 2 || got[0] != "de" {
		t.Errorf("German boosted: %v, want de first of two", got)
	}
}
