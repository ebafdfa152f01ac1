package bleve

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// Boosts of the text fields: a title match tells more than a concept label,
// which tells more than a word deep in a description. sameLanguageBoost
// ranks matches in the query's language above matches elsewhere. The
// concept labels of a language the listing is not written in (see
// search.Document.ConceptField) are a translation: a text query without
// expanded terms has no translation weights, so they weigh a share of the
// least of the listing's own words.
var fieldBoost = map[search.Field]float64{
	search.FieldTitle:              3,
	search.FieldConcepts:           1.5,
	search.FieldDescription:        1,
	search.FieldTranslatedConcepts: 1 * translatedConceptsShare,
}

const sameLanguageBoost = 1.5

// earthHalfCircumferenceKm covers the whole globe from any point: a
// distance query with it keeps exactly the documents that have a position.
const earthHalfCircumferenceKm = 20038

// Search implements search.Engine.
func (e *Engine) Search(ctx context.Context, index string, q search.Query) (search.Result, error) {
	q, err := q.Normalized()
	if err != nil {
		return search.Result{}, err
	}
	h, err := e.acquire(index)
	if err != nil {
		return search.Result{}, err
	}
	defer h.mu.RUnlock()
	var answerKey string
	if q.HasText() && h.postings.scored.budget.Load() > 0 {
		var kept search.Result
		var ok bool
		if kept, answerKey, ok = h.keptAnswer(q); ok {
			return kept, nil
		}
	}

	var facets *facetCounter
	ok := false
	if len(q.Facets) > 0 {
		facets = newFacetCounter(&h.facets, q.Facets)
	}
	req, eq, err := buildRequest(q, h.settings, facets, &h.postings)
	if err != nil {
		return search.Result{}, err
	}
	if !q.HasText() && q.Sort == search.SortDate {
		if eq.dates, ok = newDateTop(q.Limit+1, req.SearchAfter); ok {
			eq.tables = &h.facets
		}
	}
	res, err := h.index.SearchInContext(ctx, req)
	if err != nil {
		return search.Result{}, searchError(ctx, err)
	}
	res.Total = uint64(eq.total)
	if q.HasText() && len(res.Hits) > 0 {
		var memo *detailMemo
		if eq.scored != nil {
			memo = &eq.scored.details
		}
		if err := addMatchDetails(ctx, h.index, q, h.settings, res.Hits, memo); err != nil {
			return search.Result{}, err
		}
	}
	out := toResult(q, res, facets)
	if eq.scored != nil {
		keepAnswer(eq.scored, answerKey, out)
	}
	return out, nil
}

func searchError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("%w: %w", search.ErrEngine, err)
}

// buildRequest turns a normalized query into a bleve request: the text as
// a scoring disjunction over every language field, filters as non-scoring
// clauses (see execQuery), facets counted into facets, and a sort that
// always ends with the id for stable pages.
func buildRequest(q search.Query, s search.Settings, facets *facetCounter, postings *postingsCache) (*bleve.SearchRequest, *execQuery, error) {
	eq := execFor(q, s, facets, postings)
	req := bleve.NewSearchRequestOptions(eq, q.Limit+1, 0, false)
	if !q.HasText() {
		// A text query's hits get their kind with their match details,
		// from the same read of their stored fields (addMatchDetails).
		req.Fields = []string{fieldKind}
	}
	sortOrder, err := sortOrder(q)
	if err != nil {
		return nil, nil, err
	}
	req.SortByCustom(sortOrder)
	if q.Sort == search.SortRelevance {
		eq.top = &topScores{k: q.Limit + 1}
	}
	if q.Cursor != "" {
		after, err := decodeCursor(q.Cursor, q.Sort)
		if err != nil {
			return nil, nil, err
		}
		if len(after) != len(sortOrder) {
			return nil, nil, search.ErrInvalidCursor
		}
		req.SearchAfter = after
		if eq.top != nil {
			eq.top.after, err = strconv.ParseFloat(after[0], 64)
			eq.top.hasAfter = err == nil
			if err != nil {
				eq.top = nil // bleve judges the cursor
			}
		}
	}
	return req, eq, nil
}

// textQuery searches the text, and its synonyms, in every language field,
// each analyzed by that field's language analyzer.
func textQuery(q search.Query, s search.Settings) query.Query {
	if len(q.Terms) > 0 {
		if grouped(q.Terms) {
			return withExactBonus(structuredQuery(q.Terms, q.Codes), q.Terms, q.Language)
		}
		return termsQuery(q.Terms)
	}
	texts := []string{q.Text}
	for _, word := range strings.Fields(strings.ToLower(q.Text)) {
		texts = append(texts, s.Synonyms[word]...)
	}
	var should []query.Query
	memo := &analysisMemo{}
	for _, lang := range domain.Languages {
		langBoost := 1.0
		if lang == q.Language {
			langBoost = sameLanguageBoost
		}
		for _, f := range search.Fields {
			for _, t := range texts {
				should = append(should, &wordQuery{text: t, field: textField(f, lang), boost: fieldBoost[f] * langBoost, memo: memo})
			}
		}
	}
	return bleve.NewDisjunctionQuery(should...)
}

// termsQuery searches expanded terms: each language's terms in that
// language's fields only, scored by field boost × language boost × term
// weight, summed over every clause that matches (a document matching more
// of the query, in more fields, ranks higher).
func termsQuery(terms []search.LanguageTerms) query.Query {
	var should []query.Query
	memo := &analysisMemo{}
	for _, lt := range terms {
		for _, f := range search.Fields {
			for _, t := range lt.Terms {
				should = append(should, termClause(t, f, lt.Lang, fieldBoost[f]*lt.Boost, memo))
			}
		}
	}
	return bleve.NewDisjunctionQuery(should...)
}

// anyTerm matches documents whose keyword field holds any of values.
func anyTerm(field string, values []string) query.Query {
	qs := make([]query.Query, 0, len(values))
	for _, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// filterQuery is the conjunction of the query's filters, nil when none.
func filterQuery(q search.Query) query.Query {
	f := q.Filters
	var must []query.Query
	kinds := make([]string, len(f.Kinds))
	for i, k := range f.Kinds {
		kinds[i] = string(k)
	}
	for _, t := range []struct {
		field  string
		values []string
	}{
		{fieldKind, kinds},
		{fieldCountry, f.Countries},
		{fieldNUTS, f.NUTS},
		{fieldSector, f.Sectors},
		{fieldCPV, f.CPV},
		{fieldStatusType, f.StatusTypes},
		{fieldReservedBasis, f.ReservedBases},
		{fieldOrganisation, f.Organisations},
	} {
		if len(t.values) > 0 {
			must = append(must, anyTerm(t.field, t.values))
		}
	}
	if f.DeadlineFrom != nil || f.DeadlineTo != nil {
		var lo, hi *float64
		yes := true
		if f.DeadlineFrom != nil {
			v := float64(f.DeadlineFrom.Unix())
			lo = &v
		}
		if f.DeadlineTo != nil {
			v := float64(f.DeadlineTo.Unix())
			hi = &v
		}
		r := bleve.NewNumericRangeInclusiveQuery(lo, hi, &yes, &yes)
		r.SetField(fieldDeadline)
		must = append(must, r)
	}
	if f.PublishedFrom != nil || f.PublishedBefore != nil {
		var lo, hi *float64
		yes, no := true, false
		if f.PublishedFrom != nil {
			v := float64(f.PublishedFrom.Unix())
			lo = &v
		}
		if f.PublishedBefore != nil {
			v := float64(f.PublishedBefore.Unix())
			hi = &v
		}
		r := bleve.NewNumericRangeInclusiveQuery(lo, hi, &yes, &no)
		r.SetField(fieldPublished)
		must = append(must, r)
	}
	if f.CrossBorder != nil {
		b := bleve.NewBoolFieldQuery(*f.CrossBorder)
		b.SetField(fieldCrossBorder)
		must = append(must, b)
	}
	if f.Near != nil {
		g := bleve.NewGeoDistanceQuery(f.Near.Center.Lon, f.Near.Center.Lat, strconv.FormatFloat(f.Near.RadiusKm, 'f', -1, 64)+"km")
		g.SetField(fieldGeo)
		must = append(must, g)
	} else if q.Sort == search.SortDistance {
		g := bleve.NewGeoDistanceQuery(q.Origin.Lon, q.Origin.Lat, strconv.Itoa(earthHalfCircumferenceKm)+"km")
		g.SetField(fieldGeo)
		must = append(must, g)
	}
	if len(must) == 0 {
		return nil
	}
	return bleve.NewConjunctionQuery(must...)
}

// sortOrder is the bleve sort of q; the last key is always the id.
func sortOrder(q search.Query) (bsearch.SortOrder, error) {
	id := &bsearch.SortDocID{}
	switch q.Sort {
	case search.SortDate:
		return bsearch.SortOrder{numericSort(fieldPublished, true), id}, nil
	case search.SortDeadline:
		return bsearch.SortOrder{numericSort(fieldDeadlineSort, false), id}, nil
	case search.SortDistance:
		g, err := bsearch.NewSortGeoDistance(fieldGeo, "km", q.Origin.Lon, q.Origin.Lat, false)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", search.ErrInvalidQuery, err)
		}
		return bsearch.SortOrder{g, id}, nil
	default:
		return bsearch.SortOrder{&bsearch.SortScore{Desc: true}, id}, nil
	}
}

func numericSort(field string, desc bool) *bsearch.SortField {
	return &bsearch.SortField{Field: field, Desc: desc, Type: bsearch.SortFieldAsNumber, Mode: bsearch.SortFieldDefault, Missing: bsearch.SortFieldMissingLast}
}

// toResult maps bleve's answer. The request asked for one hit more than the
// page, which tells whether a next page exists without a second query.
func toResult(q search.Query, res *bleve.SearchResult, facets *facetCounter) search.Result {
	out := search.Result{Total: int(res.Total), Hits: make([]search.Hit, 0, len(res.Hits))}
	hits := res.Hits
	more := len(hits) > q.Limit
	if more {
		hits = hits[:q.Limit]
	}
	for _, dm := range hits {
		hit := search.Hit{ID: dm.ID, Score: dm.Score}
		if k, ok := dm.Fields[fieldKind].(string); ok {
			hit.Kind = search.Kind(k)
		}
		if q.HasText() {
			hit.MatchedField, hit.MatchedLanguage = matched(dm, q.Language)
		}
		if len(dm.Fragments) > 0 {
			hit.Snippets = make(map[string]string, len(dm.Fragments))
			for field, frags := range dm.Fragments {
				if len(frags) > 0 {
					hit.Snippets[field] = frags[0]
				}
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	if more {
		out.NextCursor = encodeCursor(q.Sort, cursorValues(q.Sort, hits[len(hits)-1]))
	}
	if facets != nil {
		out.Facets = make(map[search.Facet][]search.FacetValue, len(q.Facets))
		for _, f := range q.Facets {
			out.Facets[f] = facets.values(f, q.FacetSize)
		}
	}
	return out
}

// matched picks where the text matched by search.PickMatch's rule (own
// text before concept labels, the query's language first).
func matched(dm *bsearch.DocumentMatch, lang domain.Language) (search.Field, domain.Language) {
	return search.PickMatch(lang, func(f search.Field, l domain.Language) bool {
		return len(dm.Locations[textField(f, l)]) > 0
	})
}

// cursorValues are the search_after values of a hit, in sort order: the
// score is written exactly (shortest round-trip form), fields decoded.
func cursorValues(s search.Sort, dm *bsearch.DocumentMatch) []string {
	switch s {
	case search.SortRelevance:
		return []string{strconv.FormatFloat(dm.Score, 'g', -1, 64), dm.ID}
	default:
		v := ""
		if len(dm.DecodedSort) > 0 {
			v = dm.DecodedSort[0]
		} else if len(dm.Sort) > 0 {
			v = dm.Sort[0]
		}
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			// Cannot happen with the fields above (every document has
			// published and deadline_sort; distance sorts filter on
			// geo), but a cursor must never be unusable.
			v = strconv.FormatFloat(math.MaxFloat64, 'g', -1, 64)
		}
		return []string{v, dm.ID}
	}
}
