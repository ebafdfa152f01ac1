package search

import (
	"errors"
	"strings"
	"testing"

	"passerelle/internal/domain"
)

func TestQueryTermsValidation(t *testing.T) {
	term := func(text string, w float64) TermQuery { return TermQuery{Text: text, Weight: w} }
	many := make([]TermQuery, MaxTermsPerLanguage+1)
	for i := range many {
		many[i] = term("w", 1)
	}
	for name, terms := range map[string][]LanguageTerms{
		"unknown language": {{Lang: "it", Boost: 1, Terms: []TermQuery{term("a", 1)}}},
		"language twice":   {{Lang: domain.LangFR, Boost: 1, Terms: []TermQuery{term("a", 1)}}, {Lang: domain.LangFR, Boost: 1, Terms: []TermQuery{term("b", 1)}}},
		"zero boost":       {{Lang: domain.LangFR, Terms: []TermQuery{term("a", 1)}}},
		"boost too high":   {{Lang: domain.LangFR, Boost: MaxLanguageBoost + 1, Terms: []TermQuery{term("a", 1)}}},
		"no terms":         {{Lang: domain.LangFR, Boost: 1}},
		"too many terms":   {{Lang: domain.LangFR, Boost: 1, Terms: many}},
		"blank term":       {{Lang: domain.LangFR, Boost: 1, Terms: []TermQuery{term(" ", 1)}}},
		"long term":        {{Lang: domain.LangFR, Boost: 1, Terms: []TermQuery{term(strings.Repeat("a", MaxQueryTextLen+1), 1)}}},
		"zero weight":      {{Lang: domain.LangFR, Boost: 1, Terms: []TermQuery{term("a", 0)}}},
		"weight above 1":   {{Lang: domain.LangFR, Boost: 1, Terms: []TermQuery{term("a", 1.5)}}},
	} {
		if _, err := (Query{Terms: terms}).Normalized(); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("%s: %v, want ErrInvalidQuery", name, err)
		}
	}
	q := Query{Text: "nettoyage", Terms: []LanguageTerms{
		{Lang: domain.LangFR, Boost: 1, Terms: []TermQuery{term("nettoyage", 1)}},
		{Lang: domain.LangDE, Boost: 0.8, Terms: []TermQuery{term("reinigung", 0.7), term("nettoyage", 0.4)}},
	}}
	if _, err := q.Normalized(); err != nil {
		t.Fatal(err)
	}
	if !q.HasText() || !(Query{Terms: q.Terms}).HasText() || (Query{}).HasText() {
		t.Error("HasText")
	}
	if got := q.FlatText(); got != "nettoyage reinigung" {
		t.Errorf("FlatText = %q", got)
	}
	if got := (Query{Text: "x y"}).FlatText(); got != "x y" {
		t.Errorf("FlatText without terms = %q", got)
	}
}
