package search

import "passerelle/internal/domain"

// ConceptField is the field that indexes d's concept labels in lang:
// FieldConcepts in a language d has its own text in (a title or a
// description), FieldTranslatedConcepts in the others. A listing written
// in French carries the German labels of its CPV codes so that a German
// buyer finds it, but those labels are a translation of its
// classification: a match on them must weigh less than a German listing's
// own words, and be reported as a translation. A document with no text at
// all has no language to prefer: its labels are all its own.
func (d Document) ConceptField(lang domain.Language) Field {
	if t, ok := d.Text[lang]; ok && (t.Title != "" || t.Description != "") {
		return FieldConcepts
	}
	for _, t := range d.Text {
		if t.Title != "" || t.Description != "" {
			return FieldTranslatedConcepts
		}
	}
	return FieldConcepts
}

// matchOrder is the order in which PickMatch considers the text fields:
// the listing's own words, then the labels of its concepts in the
// languages it is written in, then their translations.
var matchOrder = [][]Field{
	{FieldTitle, FieldDescription},
	{FieldConcepts},
	{FieldTranslatedConcepts},
}

// PickMatch chooses the field and language a hit reports as where the
// text matched, among those has says matched: the listing's own text
// (title, then description) in the query's language lang, then its own
// text in the other languages, then its concept labels (in lang first),
// then the labels translated into languages it is not written in (in lang
// first). Every engine reports matches by this one rule, so that a
// listing matched by its own words says so even when a concept label
// matched too. Empty when nothing matched.
func PickMatch(lang domain.Language, has func(Field, domain.Language) bool) (Field, domain.Language) {
	langs := domain.Languages
	if lang != "" {
		langs = append([]domain.Language{lang}, langs...)
	}
	for _, fields := range matchOrder {
		for _, l := range langs {
			for _, f := range fields {
				if has(f, l) {
					return f, l
				}
			}
		}
	}
	return "", ""
}

// Translated reports whether h matched a query in lang through a
// translation rather than the typed words: in another language than lang,
// or only through concept labels in a language the listing is not written
// in (FieldTranslatedConcepts). False without a text match or a language.
func (h Hit) Translated(lang domain.Language) bool {
	if lang == "" || h.MatchedLanguage == "" {
		return false
	}
	return h.MatchedLanguage != lang || h.MatchedField == FieldTranslatedConcepts
}
