package search

import (
	"maps"
	"slices"

	"passerelle/internal/domain"
)

// Field names a searchable text field, independent of its language.
type Field string

// The searchable text fields.
const (
	FieldTitle       Field = "title"
	FieldDescription Field = "description"
	FieldConcepts    Field = "concepts"
	// FieldTranslatedConcepts holds the concept labels in the languages
	// the listing is not written in (see Document.ConceptField): they
	// are translations of its classification, not its own words.
	FieldTranslatedConcepts Field = "concepts_translated"
)

// Fields lists the text fields, the most telling first.
var Fields = []Field{FieldTitle, FieldConcepts, FieldDescription, FieldTranslatedConcepts}

// Hit is one matching document. Rows come from PostgreSQL, by ID.
type Hit struct {
	ID    string
	Kind  Kind
	Score float64
	// MatchedLanguage and MatchedField say where the text query matched,
	// chosen by PickMatch (the listing's own text before its concept
	// labels, the query's language first); both are empty when the query
	// has no text. Translated tells whether that match is a translation.
	MatchedLanguage domain.Language
	MatchedField    Field
	// Snippets maps "field_lang" (e.g. "title_fr") to a fragment of that
	// field with the matched terms wrapped in <mark></mark>; every other
	// character is HTML-escaped. Only filled when Query.Highlight is set.
	Snippets map[string]string
}

// FacetValue is one value of a facet with the number of matching documents
// that carry it.
type FacetValue struct {
	Value string
	Count int
}

// Result is one page of hits.
type Result struct {
	Hits []Hit
	// Total is the number of documents matching the query (every page).
	Total int
	// Facets maps each requested facet to its values, most frequent first,
	// ties by value.
	Facets map[Facet][]FacetValue
	// NextCursor fetches the next page; empty on the last one.
	NextCursor string
}

// Clone returns a copy of r that shares nothing with it that can be
// written: its hits, their snippets, its facets and their values.
func (r Result) Clone() Result {
	out := r
	out.Hits = slices.Clone(r.Hits)
	for i := range out.Hits {
		out.Hits[i].Snippets = maps.Clone(out.Hits[i].Snippets)
	}
	if r.Facets != nil {
		out.Facets = make(map[Facet][]FacetValue, len(r.Facets))
		for f, v := range r.Facets {
			out.Facets[f] = slices.Clone(v)
		}
	}
	return out
}
