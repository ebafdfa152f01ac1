package search

import "passerelle/internal/domain"

// Field names a searchable text field, independent of its language.
type Field string

// The searchable text fields.
const (
	FieldTitle       Field = "title"
	FieldDescription Field = "description"
	FieldConcepts    Field = "concepts"
)

// Fields lists the text fields, the most telling first.
var Fields = []Field{FieldTitle, FieldConcepts, FieldDescription}

// Hit is one matching document. Rows come from PostgreSQL, by ID.
type Hit struct {
	ID    string
	Kind  Kind
	Score float64
	// MatchedLanguage and MatchedField say where the text query matched
	// (the most telling field, same language as the query first); both are
	// empty when the query has no text.
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
