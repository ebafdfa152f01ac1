package meili

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// Highlight tags: private-use characters that cannot occur in listings, so
// that the text can be HTML-escaped before they become <mark> tags
// (Meilisearch itself does not escape).
const (
	preTag  = "\uE000"
	postTag = "\uE001"
)

// earthHalfCircumferenceM covers the globe: a radius filter with it keeps
// exactly the documents that have a position.
const earthHalfCircumferenceM = 20038000

// cursor is a page cursor: Meilisearch paginates by offset, so a cursor is
// the offset of the next page, tagged with its sort and page size.
type cursor struct {
	Sort   search.Sort `json:"s"`
	Offset int         `json:"o"`
	Limit  int         `json:"l"`
}

// Search implements search.Engine.
func (e *Engine) Search(ctx context.Context, index string, q search.Query) (search.Result, error) {
	q, err := q.Normalized()
	if err != nil {
		return search.Result{}, err
	}
	// Meilisearch has no per-term weights or per-language fields in one
	// query string: expanded terms are searched as one flat text, ranked by
	// its own rules (see search.Query.Terms).
	q.Text = q.FlatText()
	offset := 0
	if q.Cursor != "" {
		c, err := decodeCursor(q.Cursor)
		if err != nil || c.Sort != q.Sort || c.Limit != q.Limit || c.Offset%q.Limit != 0 {
			return search.Result{}, search.ErrInvalidCursor
		}
		offset = c.Offset
	}
	if q.Text != "" && allStopWords(q.Text) {
		// Meilisearch answers a query of stop words alone like an empty
		// one (every document); the embedded engine matches nothing.
		if err := e.exists(ctx, index); err != nil {
			return search.Result{}, err
		}
		return emptyResult(q), nil
	}
	if !search.ValidIndexName(index) {
		return search.Result{}, fmt.Errorf("%w: %q", search.ErrIndexNotFound, index)
	}
	req := buildRequest(q, offset)
	res, err := e.client.Index(index).Search(ctx, q.Text, req)
	if err != nil {
		return search.Result{}, mapError(err)
	}
	return toResult(q, offset, res)
}

func allStopWords(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return r == ' ' || r == '\'' || r == '’' || r == ',' || r == '.' || r == '-'
	}) {
		if !isStopWord(w) {
			return false
		}
	}
	return true
}

func emptyResult(q search.Query) search.Result {
	res := search.Result{Hits: []search.Hit{}}
	if len(q.Facets) > 0 {
		res.Facets = map[search.Facet][]search.FacetValue{}
		for _, f := range q.Facets {
			res.Facets[f] = []search.FacetValue{}
		}
	}
	return res
}

func buildRequest(q search.Query, offset int) *meilisearch.SearchRequest {
	perPage := int64(q.Limit)
	req := &meilisearch.SearchRequest{
		// Page mode makes totalHits exhaustive (offset mode estimates).
		HitsPerPage:          &perPage,
		Page:                 int64(offset/q.Limit) + 1,
		AttributesToRetrieve: []string{fieldID, fieldKind},
		ShowRankingScore:     true,
		ShowMatchesPosition:  q.Text != "",
		Filter:               filters(q),
		Sort:                 sortRules(q),
	}
	for _, f := range q.Facets {
		req.Facets = append(req.Facets, facetFields[f])
	}
	if q.Highlight && q.Text != "" {
		for _, lang := range domain.Languages {
			req.AttributesToHighlight = append(req.AttributesToHighlight, textField(search.FieldTitle, lang), textField(search.FieldDescription, lang))
			req.AttributesToCrop = append(req.AttributesToCrop, textField(search.FieldDescription, lang))
		}
		req.CropLength = 30
		req.HighlightPreTag = preTag
		req.HighlightPostTag = postTag
	}
	return req
}

// filters is the conjunction of the query's filters, as Meilisearch filter
// expressions (one per array element, ANDed by the server).
func filters(q search.Query) []string {
	f := q.Filters
	var out []string
	kinds := make([]string, len(f.Kinds))
	for i, k := range f.Kinds {
		kinds[i] = string(k)
	}
	for _, t := range []struct {
		attr   string
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
			out = append(out, inList(t.attr, t.values))
		}
	}
	if f.DeadlineFrom != nil {
		out = append(out, fmt.Sprintf("%s >= %d", fieldDeadline, f.DeadlineFrom.Unix()))
	}
	if f.DeadlineTo != nil {
		out = append(out, fmt.Sprintf("%s <= %d", fieldDeadline, f.DeadlineTo.Unix()))
	}
	if f.PublishedFrom != nil {
		out = append(out, fmt.Sprintf("%s >= %d", fieldPublished, f.PublishedFrom.Unix()))
	}
	if f.PublishedBefore != nil {
		out = append(out, fmt.Sprintf("%s < %d", fieldPublished, f.PublishedBefore.Unix()))
	}
	if f.CrossBorder != nil {
		out = append(out, fmt.Sprintf("%s = %t", fieldCrossBorder, *f.CrossBorder))
	}
	if f.Near != nil {
		out = append(out, geoRadius(f.Near.Center, f.Near.RadiusKm*1000))
	} else if q.Sort == search.SortDistance {
		out = append(out, geoRadius(*q.Origin, earthHalfCircumferenceM))
	}
	return out
}

func geoRadius(p search.GeoPoint, meters float64) string {
	return fmt.Sprintf("_geoRadius(%s, %s, %s)", ftoa(p.Lat), ftoa(p.Lon), ftoa(meters))
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// sortRules always end with the id, for stable pages.
func sortRules(q search.Query) []string {
	switch q.Sort {
	case search.SortDate:
		return []string{fieldPublished + ":desc", fieldID + ":asc"}
	case search.SortDeadline:
		return []string{fieldDeadlineSort + ":asc", fieldID + ":asc"}
	case search.SortDistance:
		return []string{fmt.Sprintf("_geoPoint(%s, %s):asc", ftoa(q.Origin.Lat), ftoa(q.Origin.Lon)), fieldID + ":asc"}
	default:
		// Relevance: the ranking rules, then the id (the "sort" rule
		// comes after "attribute", before "exactness").
		return []string{fieldID + ":asc"}
	}
}

// hitMeta is the part of a hit the engine reads.
type hitMeta struct {
	ID        string                     `json:"id"`
	Kind      string                     `json:"kind"`
	Score     float64                    `json:"_rankingScore"`
	Matches   map[string]json.RawMessage `json:"_matchesPosition"`
	Formatted map[string]json.RawMessage `json:"_formatted"`
}

func toResult(q search.Query, offset int, res *meilisearch.SearchResponse) (search.Result, error) {
	out := search.Result{Total: int(res.TotalHits), Hits: make([]search.Hit, 0, len(res.Hits))}
	for _, raw := range res.Hits {
		b, err := json.Marshal(raw)
		if err != nil {
			return search.Result{}, fmt.Errorf("%w: %w", search.ErrEngine, err)
		}
		var m hitMeta
		if err := json.Unmarshal(b, &m); err != nil {
			return search.Result{}, fmt.Errorf("%w: decode hit: %w", search.ErrEngine, err)
		}
		hit := search.Hit{ID: m.ID, Kind: search.Kind(m.Kind), Score: m.Score}
		if q.Text != "" {
			hit.MatchedField, hit.MatchedLanguage = matched(m.Matches, q.Language)
		}
		if q.Highlight {
			hit.Snippets = snippets(m.Formatted)
		}
		out.Hits = append(out.Hits, hit)
	}
	if next := offset + q.Limit; next < out.Total && next < maxTotalHits {
		out.NextCursor = encodeCursor(cursor{Sort: q.Sort, Offset: next, Limit: q.Limit})
	}
	if len(q.Facets) > 0 {
		var dist map[string]map[string]int
		if len(res.FacetDistribution) > 0 {
			if err := json.Unmarshal(res.FacetDistribution, &dist); err != nil {
				return search.Result{}, fmt.Errorf("%w: decode facets: %w", search.ErrEngine, err)
			}
		}
		out.Facets = make(map[search.Facet][]search.FacetValue, len(q.Facets))
		for _, f := range q.Facets {
			values := []search.FacetValue{}
			for v, n := range dist[facetFields[f]] {
				values = append(values, search.FacetValue{Value: v, Count: n})
			}
			sort.Slice(values, func(i, j int) bool {
				if values[i].Count != values[j].Count {
					return values[i].Count > values[j].Count
				}
				return values[i].Value < values[j].Value
			})
			if len(values) > q.FacetSize {
				values = values[:q.FacetSize]
			}
			out.Facets[f] = values
		}
	}
	return out, nil
}

// matched picks where the text matched by search.PickMatch's rule, as the
// embedded engine does (own text before concept labels, the query's
// language first).
func matched(matches map[string]json.RawMessage, lang domain.Language) (search.Field, domain.Language) {
	return search.PickMatch(lang, func(f search.Field, l domain.Language) bool {
		_, ok := matches[textField(f, l)]
		return ok
	})
}

// snippets keeps the formatted fields that contain a match, HTML-escaped
// with the matches wrapped in <mark>.
func snippets(formatted map[string]json.RawMessage) map[string]string {
	out := map[string]string{}
	for field, raw := range formatted {
		var s string
		if json.Unmarshal(raw, &s) != nil || !strings.Contains(s, preTag) {
			continue
		}
		s = html.EscapeString(s)
		out[field] = strings.NewReplacer(preTag, "<mark>", postTag, "</mark>").Replace(s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func encodeCursor(c cursor) string {
	b, _ := json.Marshal(c) // cannot fail: plain fields
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(raw string) (cursor, error) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return c, err
	}
	if c.Offset < 0 || c.Limit < 1 {
		return c, search.ErrInvalidCursor
	}
	return c, nil
}
