package search

import (
	"fmt"
	"strings"
	"time"

	"passerelle/internal/domain"
)

// Sort orders the hits of a query.
type Sort string

// The sort orders every engine supports. Ties are always broken by id so
// that cursor pagination never repeats or skips a hit.
const (
	// SortRelevance orders by descending score (the default).
	SortRelevance Sort = "relevance"
	// SortDate orders by descending publication date, newest first.
	SortDate Sort = "date"
	// SortDeadline orders by ascending deadline, soonest first; documents
	// without a deadline come last.
	SortDeadline Sort = "deadline"
	// SortDistance orders by ascending distance from Query.Origin (or the
	// centre of Filters.Near); documents without a position are left out.
	SortDistance Sort = "distance"
)

// Valid reports whether s is a known sort.
func (s Sort) Valid() bool {
	switch s {
	case SortRelevance, SortDate, SortDeadline, SortDistance:
		return true
	}
	return false
}

// Facet names a document field whose values can be counted.
type Facet string

// The facets every engine can count.
const (
	FacetKind       Facet = "kind"
	FacetCountry    Facet = "country"
	FacetNUTS       Facet = "nuts"
	FacetSector     Facet = "sector"
	FacetCPV        Facet = "cpv"
	FacetStatusType Facet = "status_type"
	FacetReserved   Facet = "reserved_basis"
)

// Facets lists every facet, in a stable order.
var Facets = []Facet{FacetKind, FacetCountry, FacetNUTS, FacetSector, FacetCPV, FacetStatusType, FacetReserved}

// Valid reports whether f is a known facet.
func (f Facet) Valid() bool {
	for _, k := range Facets {
		if f == k {
			return true
		}
	}
	return false
}

// GeoRadius selects documents within RadiusKm of Center.
type GeoRadius struct {
	Center   GeoPoint
	RadiusKm float64
}

// Filters restrict a query. Within one filter the values are alternatives
// (any of them matches); different filters must all match. A nil or empty
// filter does not restrict.
type Filters struct {
	Kinds     []Kind
	Countries []string
	// NUTS matches documents in any of these regions or their sub-regions
	// (documents carry their ancestors, so this is an equality on a code).
	NUTS    []string
	Sectors []string
	// CPV matches documents classified under any of these codes or their
	// descendants (8-digit codes: "45000000" is the whole division 45).
	CPV         []string
	StatusTypes []string
	// ReservedBases matches documents reserved under any of these legal
	// bases.
	ReservedBases []string
	// Organisations matches documents owned by any of these organisations.
	Organisations []string
	// DeadlineFrom and DeadlineTo bound the deadline (inclusive); when
	// either is set, documents without a deadline are left out.
	DeadlineFrom *time.Time
	DeadlineTo   *time.Time
	// PublishedFrom (inclusive) and PublishedBefore (exclusive) bound the
	// publication time, to the second (engines store whole seconds): the
	// windows [a, b) and [b, c) of saved-search alerts then meet exactly,
	// with no listing in both or in neither.
	PublishedFrom   *time.Time
	PublishedBefore *time.Time
	// CrossBorder, when set, matches AcceptsCrossBorder exactly.
	CrossBorder *bool
	// Near keeps documents within a radius; documents without a position
	// are left out.
	Near *GeoRadius
}

// Query is one search. The zero Query (with a Limit) lists every document by
// relevance, which for an empty text means by id.
type Query struct {
	// Text is the user's full text, searched in every language; empty
	// matches every document that passes the filters.
	Text string
	// Language is the language the user typed in, when known: same-language
	// matches rank above others.
	Language domain.Language
	Filters  Filters
	Sort     Sort
	// Origin is the point distances are measured from for SortDistance;
	// it defaults to the centre of Filters.Near.
	Origin *GeoPoint
	// Facets lists the facets to count over every matching document (not
	// only the page).
	Facets []Facet
	// FacetSize caps the number of values returned per facet (the most
	// frequent first); 0 means DefaultFacetSize.
	FacetSize int
	// Limit is the page size; 0 means DefaultLimit.
	Limit int
	// Cursor is Result.NextCursor of the previous page; empty for the first.
	Cursor string
	// Highlight asks for snippets with the matched terms marked.
	Highlight bool
	// Terms, when set, is the text already analysed and expanded into
	// weighted terms per language (see Multilingual): engines search those
	// instead of Text, each language's terms in that language's fields
	// only. Text then only records what the user typed. Bleve weighs every
	// term by Weight × the language's Boost; Meilisearch has no per-term
	// weights and searches the distinct term texts as one text (FlatText).
	Terms []LanguageTerms
	// Codes are classification codes the text names (a CPV code or a
	// sector one of whose labels the user typed, see Multilingual): a
	// document classified under one of them (or under a descendant: CPV
	// codes are indexed with their ancestors) scores as matching the words
	// of the code's Groups, in whatever language it is written. They only
	// score, never filter. Meilisearch ignores them.
	Codes []CodeTerm
}

// CodeField names the classification a CodeTerm is a code of.
type CodeField string

// The classifications a query can name codes of.
const (
	CodeCPV    CodeField = "cpv"
	CodeSector CodeField = "sector"
)

// CodeTerm is one classification code a query's text names.
type CodeTerm struct {
	Field CodeField
	Code  string
	// Weight in (0, 1] scales the code's score.
	Weight float64
	// Groups are the words of the query the code stands for, as in
	// TermQuery.
	Groups []int
}

// TermQuery is one weighted term (or phrase) of a per-language query.
type TermQuery struct {
	// Text is one word, or several for a phrase.
	Text string
	// Phrase asks for the words adjacent and in order.
	Phrase bool
	// Weight in (0, 1] scales the term's score: 1 for a word the user
	// typed, less for a translation.
	Weight float64
	// Groups name the words of the query the term stands for (numbered
	// from 1): terms sharing a group, in any language, are alternatives
	// (a word and its translations) that an engine scores as one piece of
	// evidence, by the best of them, so that a word with ten translations
	// does not outweigh a word with one. A term with no group is scored
	// on its own. Meilisearch ignores them.
	Groups []int
}

// LanguageTerms are the terms searched in one language's fields.
type LanguageTerms struct {
	Lang domain.Language
	// Boost in (0, 10] scales every score of the language: the query's own
	// language above the languages it was translated into.
	Boost float64
	Terms []TermQuery
}

// HasText reports whether the query has text to score, typed or expanded.
func (q Query) HasText() bool {
	return q.Text != "" || len(q.Terms) > 0
}

// FlatText is the text an engine without per-term weights searches: Text
// when there are no Terms, else every distinct term text, in order.
func (q Query) FlatText() string {
	if len(q.Terms) == 0 {
		return q.Text
	}
	seen := map[string]bool{}
	var words []string
	for _, lt := range q.Terms {
		for _, t := range lt.Terms {
			if !seen[t.Text] {
				seen[t.Text] = true
				words = append(words, t.Text)
			}
		}
	}
	return strings.Join(words, " ")
}

// Query bounds.
const (
	DefaultLimit     = 20
	MaxLimit         = 100
	DefaultFacetSize = 20
	MaxFacetSize     = 200
	MaxQueryTextLen  = 500
	MaxFilterValues  = 100
	MaxRadiusKm      = 20000
	// MaxTermsPerLanguage bounds Query.Terms per language (the expansion
	// keeps 24 by default): every term is a clause of the engine query.
	MaxTermsPerLanguage = 64
	MaxLanguageBoost    = 10
	// MaxTermGroups bounds the groups of one term (a label matching that
	// many words of the query is already a long query).
	MaxTermGroups = 64
	// MaxCodeTerms bounds Query.Codes, MaxCodeLen each code.
	MaxCodeTerms = 32
	MaxCodeLen   = 64
)

// Normalized returns q with defaults filled in, or an error wrapping
// ErrInvalidQuery naming the first thing wrong. Engines call it first, so
// that every engine accepts and rejects the same queries.
func (q Query) Normalized() (Query, error) {
	q.Text = strings.TrimSpace(q.Text)
	if q.Sort == "" {
		q.Sort = SortRelevance
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	if q.FacetSize == 0 {
		q.FacetSize = DefaultFacetSize
	}
	if q.Origin == nil && q.Filters.Near != nil {
		c := q.Filters.Near.Center
		q.Origin = &c
	}
	f := q.Filters
	switch {
	case len(q.Text) > MaxQueryTextLen:
		return q, fmt.Errorf("%w: text longer than %d bytes", ErrInvalidQuery, MaxQueryTextLen)
	case q.Language != "" && !q.Language.Valid():
		return q, fmt.Errorf("%w: unknown language %q", ErrInvalidQuery, q.Language)
	case !q.Sort.Valid():
		return q, fmt.Errorf("%w: unknown sort %q", ErrInvalidQuery, q.Sort)
	case q.Sort == SortDistance && q.Origin == nil:
		return q, fmt.Errorf("%w: sorting by distance needs an origin", ErrInvalidQuery)
	case q.Origin != nil && !q.Origin.Valid():
		return q, fmt.Errorf("%w: origin out of range", ErrInvalidQuery)
	case q.Limit < 1 || q.Limit > MaxLimit:
		return q, fmt.Errorf("%w: limit must be between 1 and %d", ErrInvalidQuery, MaxLimit)
	case q.FacetSize < 1 || q.FacetSize > MaxFacetSize:
		return q, fmt.Errorf("%w: facet size must be between 1 and %d", ErrInvalidQuery, MaxFacetSize)
	case f.Near != nil && (!f.Near.Center.Valid() || f.Near.RadiusKm <= 0 || f.Near.RadiusKm > MaxRadiusKm):
		return q, fmt.Errorf("%w: radius must be within (0, %d] km around a valid point", ErrInvalidQuery, MaxRadiusKm)
	case f.DeadlineFrom != nil && f.DeadlineTo != nil && f.DeadlineTo.Before(*f.DeadlineFrom):
		return q, fmt.Errorf("%w: deadline range ends before it starts", ErrInvalidQuery)
	case f.PublishedFrom != nil && f.PublishedBefore != nil && f.PublishedBefore.Before(*f.PublishedFrom):
		return q, fmt.Errorf("%w: publication range ends before it starts", ErrInvalidQuery)
	}
	for _, k := range f.Kinds {
		if !k.Valid() {
			return q, fmt.Errorf("%w: unknown kind %q", ErrInvalidQuery, k)
		}
	}
	for _, vs := range [][]string{f.Countries, f.NUTS, f.Sectors, f.CPV, f.StatusTypes, f.ReservedBases, f.Organisations} {
		if len(vs) > MaxFilterValues {
			return q, fmt.Errorf("%w: more than %d values in a filter", ErrInvalidQuery, MaxFilterValues)
		}
	}
	if err := validTerms(q.Terms); err != nil {
		return q, err
	}
	if err := validCodes(q.Codes); err != nil {
		return q, err
	}
	for _, fc := range q.Facets {
		if !fc.Valid() {
			return q, fmt.Errorf("%w: unknown facet %q", ErrInvalidQuery, fc)
		}
	}
	return q, nil
}

// validTerms checks Query.Terms: known languages, each at most once, boosts
// and weights in range, bounded term counts and lengths.
func validTerms(terms []LanguageTerms) error {
	seen := map[domain.Language]bool{}
	for _, lt := range terms {
		switch {
		case !lt.Lang.Valid():
			return fmt.Errorf("%w: unknown language %q in terms", ErrInvalidQuery, lt.Lang)
		case seen[lt.Lang]:
			return fmt.Errorf("%w: language %s twice in terms", ErrInvalidQuery, lt.Lang)
		case !(lt.Boost > 0 && lt.Boost <= MaxLanguageBoost):
			return fmt.Errorf("%w: language boost must be in (0, %d]", ErrInvalidQuery, MaxLanguageBoost)
		case len(lt.Terms) == 0 || len(lt.Terms) > MaxTermsPerLanguage:
			return fmt.Errorf("%w: between 1 and %d terms per language", ErrInvalidQuery, MaxTermsPerLanguage)
		}
		seen[lt.Lang] = true
		for _, t := range lt.Terms {
			switch {
			case strings.TrimSpace(t.Text) == "" || len(t.Text) > MaxQueryTextLen:
				return fmt.Errorf("%w: term empty or longer than %d bytes", ErrInvalidQuery, MaxQueryTextLen)
			case !(t.Weight > 0 && t.Weight <= 1):
				return fmt.Errorf("%w: term weight must be in (0, 1]", ErrInvalidQuery)
			case len(t.Groups) > MaxTermGroups:
				return fmt.Errorf("%w: more than %d groups in a term", ErrInvalidQuery, MaxTermGroups)
			}
			for _, g := range t.Groups {
				if g < 1 {
					return fmt.Errorf("%w: term groups are numbered from 1", ErrInvalidQuery)
				}
			}
		}
	}
	return nil
}

// validCodes checks Query.Codes: known classifications, codes and weights
// in range, bounded counts.
func validCodes(codes []CodeTerm) error {
	if len(codes) > MaxCodeTerms {
		return fmt.Errorf("%w: more than %d codes", ErrInvalidQuery, MaxCodeTerms)
	}
	for _, c := range codes {
		switch {
		case c.Field != CodeCPV && c.Field != CodeSector:
			return fmt.Errorf("%w: unknown code field %q", ErrInvalidQuery, c.Field)
		case strings.TrimSpace(c.Code) == "" || len(c.Code) > MaxCodeLen:
			return fmt.Errorf("%w: code empty or longer than %d bytes", ErrInvalidQuery, MaxCodeLen)
		case !(c.Weight > 0 && c.Weight <= 1):
			return fmt.Errorf("%w: code weight must be in (0, 1]", ErrInvalidQuery)
		case len(c.Groups) > MaxTermGroups:
			return fmt.Errorf("%w: more than %d groups in a code", ErrInvalidQuery, MaxTermGroups)
		}
		for _, g := range c.Groups {
			if g < 1 {
				return fmt.Errorf("%w: code groups are numbered from 1", ErrInvalidQuery)
			}
		}
	}
	return nil
}
