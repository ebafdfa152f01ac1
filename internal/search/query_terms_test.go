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
		"group zero":       {{Lang: domain.LangFR, Boost: 1, Terms: []TermQuery{{Text: "a", Weight: 1, Groups: []int{0}}}}},
		"too many groups":  {{Lang: domain.LangFR, Boost: 1, Terms: []TermQuery{{Text: "a", Weight: 1, Groups: make([]int, MaxTermGroups+1)}}}},
	} {
		if _, err := (Query{Terms: terms}).Normalized(); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("%s: %v, want ErrInvalidQuery", name, err)
		}
	}
	code := func(f CodeField, c string, w float64, groups ...int) CodeTerm {
		return CodeTerm{Field: f, Code: c, Weight: w, Groups: groups}
	}
	for name, codes := range map[string][]CodeTerm{
		"unknown field":  {code("nace", "81.21", 1, 1)},
		"blank code":     {code(CodeCPV, " ", 1, 1)},
		"long code":      {code(CodeCPV, strings.Repeat("1", MaxCodeLen+1), 1, 1)},
		"zero weight":    {code(CodeCPV, "90919200", 0, 1)},
		"weight above 1": {code(CodeSector, "cleaning.offices", 2, 1)},
		"group zero":     {code(CodeCPV, "90919200", 1, 0)},
		"too many codes": make([]CodeTerm, MaxCodeTerms+1),
	} {
		if _, err := (Query{Codes: codes}).Normalized(); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("codes, %s: %v, want ErrInvalidQuery", name, err)
		}
	}
	if _, err := (Query{Codes: []CodeTerm{code(CodeCPV, "90919200", 1, 1, 2), code(CodeSector, "cleaning.offices", 0.5)}}).Normalized(); err != nil {
		t.Errorf("valid codes: %v", err)
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
