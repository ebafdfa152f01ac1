package search

import (
	"testing"

	"passerelle/internal/domain"
)

func TestConceptField(t *testing.T) {
	fr := Document{Text: map[domain.Language]Text{domain.LangFR: {Title: "Nettoyage"}}}
	bilingual := Document{Text: map[domain.Language]Text{
		domain.LangFR: {Title: "Menuiserie"}, domain.LangDE: {Description: "Tischlerei"}, domain.LangEN: {}}}
	bare := Document{}
	for _, c := range []struct {
		what string
		d    Document
		lang domain.Language
		want Field
	}{
		{"written in", fr, domain.LangFR, FieldConcepts},
		{"not written in", fr, domain.LangDE, FieldTranslatedConcepts},
		{"description only counts", bilingual, domain.LangDE, FieldConcepts},
		{"empty text does not count", bilingual, domain.LangEN, FieldTranslatedConcepts},
		{"no text: all its own", bare, domain.LangNL, FieldConcepts},
	} {
		if got := c.d.ConceptField(c.lang); got != c.want {
			t.Errorf("%s: %s gives %s, want %s", c.what, c.lang, got, c.want)
		}
	}
}

func TestPickMatchAndTranslated(t *testing.T) {
	type m struct {
		f Field
		l domain.Language
	}
	for _, c := range []struct {
		what       string
		lang       domain.Language
		matches    []m
		want       m
		translated bool
	}{
		{"own text in the query's language first", domain.LangDE,
			[]m{{FieldTranslatedConcepts, domain.LangDE}, {FieldConcepts, domain.LangDE}, {FieldDescription, domain.LangDE}, {FieldTitle, domain.LangFR}},
			m{FieldDescription, domain.LangDE}, false},
		{"own text elsewhere before labels", domain.LangDE,
			[]m{{FieldTranslatedConcepts, domain.LangDE}, {FieldConcepts, domain.LangFR}, {FieldDescription, domain.LangFR}},
			m{FieldDescription, domain.LangFR}, true},
		{"own labels before translated ones", domain.LangDE,
			[]m{{FieldTranslatedConcepts, domain.LangDE}, {FieldConcepts, domain.LangFR}},
			m{FieldConcepts, domain.LangFR}, true},
		{"own labels in the query's language", domain.LangDE,
			[]m{{FieldConcepts, domain.LangEN}, {FieldConcepts, domain.LangDE}},
			m{FieldConcepts, domain.LangDE}, false},
		{"translated labels in the query's language are a translation", domain.LangDE,
			[]m{{FieldTranslatedConcepts, domain.LangNL}, {FieldTranslatedConcepts, domain.LangDE}},
			m{FieldTranslatedConcepts, domain.LangDE}, true},
		{"no language: the order of domain.Languages", "",
			[]m{{FieldTitle, domain.LangNL}, {FieldDescription, domain.LangFR}},
			m{FieldDescription, domain.LangFR}, false},
		{"nothing matched", domain.LangFR, nil, m{}, false},
	} {
		f, l := PickMatch(c.lang, func(f Field, l domain.Language) bool {
			for _, x := range c.matches {
				if x == (m{f, l}) {
					return true
				}
			}
			return false
		})
		if (m{f, l}) != c.want {
			t.Errorf("%s: picked %s/%s, want %s/%s", c.what, f, l, c.want.f, c.want.l)
		}
		h := Hit{MatchedField: f, MatchedLanguage: l}
		if got := h.Translated(c.lang); got != c.translated {
			t.Errorf("%s: translated %t, want %t", c.what, got, c.translated)
		}
	}
}
