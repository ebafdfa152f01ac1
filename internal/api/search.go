package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
)

// SearchInput is a search. Every parameter is taken as text and checked by
// core.Search, so that one answer names every wrong parameter at once, in
// the caller's language (huma would stop at the first type error).
// Repeatable parameters take several values (?kind=offer&kind=tender) or a
// comma-separated list (?kind=offer,tender).
type SearchInput struct {
	LanguageHeader
	Q    string   `query:"q" example:"Reinigung Büro" doc:"Full text, at most 500 bytes, in any of fr, de, en, nl; listings in the other languages are found through translations"`
	Lang string   `query:"lang" example:"de" doc:"Language of q: fr, de, en or nl (detected when absent)"`
	Kind []string `query:"kind,explode" example:"offer" doc:"Kinds of listing: offer, tender, supplier (repeatable)"`
	// Country also says which town is meant when town names one in
	// several countries.
	Country      []string `query:"country,explode" example:"FR" doc:"ISO country codes (repeatable); a single one also picks the country of town"`
	NUTS         []string `query:"nuts,explode" example:"FRF3" doc:"NUTS regions, each matching its sub-regions (repeatable)"`
	Sector       []string `query:"sector,explode" example:"cleaning.offices" doc:"Sectors of the catalogue, or whole groups (repeatable)"`
	CPV          []string `query:"cpv,explode" example:"9091" doc:"CPV codes or prefixes: 2 to 8 digits, or a full code with its check digit (repeatable)"`
	StatusType   []string `query:"status_type,explode" example:"fr_esat" doc:"Verified SSE status types of the organisation (repeatable)"`
	Eligible     string   `query:"eligible" example:"true" doc:"true: only reserved tenders the organisation you act for is eligible for (signed in, an SSE supplier)"`
	DeadlineFrom string   `query:"deadline_from" example:"2026-12-01" doc:"Responses deadline on or after this date (YYYY-MM-DD) or time (RFC 3339)"`
	DeadlineTo   string   `query:"deadline_to" example:"2026-12-31" doc:"Responses deadline on or before this date (the whole day) or time"`
	CrossBorder  string   `query:"cross_border" example:"true" doc:"true: only listings open to work across borders; false: only the others"`
	Near         string   `query:"near" example:"49.1193,6.1757" doc:"Centre of a radius search: latitude,longitude in decimal degrees"`
	Town         string   `query:"town" example:"Metz" doc:"Centre of a radius search: a town known to Passerelle (instead of near)"`
	RadiusKm     string   `query:"radius_km" example:"25" doc:"Radius around near or town in km, above 0 and at most 1000 (default 30)"`
	Sort         string   `query:"sort" example:"relevance" doc:"relevance (default with q), date (newest first; default without q), deadline (soonest first) or distance (needs near or town)"`
	Facets       []string `query:"facets,explode" example:"kind" doc:"Facets to count over every match: kind, country, nuts, sector, cpv, status_type, reserved_basis (repeatable)"`
	Limit        string   `query:"limit" example:"20" doc:"Page size, 1 to 100 (default 20)"`
	Cursor       string   `query:"cursor" example:"eyJzIjoicmVsZXZhbmNlIn0" doc:"next_cursor of the previous page, with the same parameters"`
}

// SearchHitBody is one listing found.
type SearchHitBody struct {
	Kind            string     `json:"kind" enum:"offer,tender,supplier" example:"offer"`
	ID              string     `json:"id" format:"uuid" example:"0195c2a0-7c1e-7d4a-9b1e-3f0e2a6c8d41" doc:"Id of the offer, tender or supplier organisation"`
	Title           string     `json:"title" example:"Nettoyage de bureaux" doc:"In language"`
	Snippet         string     `json:"snippet" example:"Équipes de <mark>nettoyage</mark> en ESAT" doc:"A fragment in language, HTML-escaped, matched words in <mark></mark>"`
	Language        string     `json:"language" example:"fr" doc:"Language of title and snippet"`
	MatchedLanguage string     `json:"matched_language" example:"fr" doc:"Language of the text q matched: the listing's own title or description in the language of the query first, then in another language, then the labels of its sector and CPV codes; empty without q"`
	Translated      bool       `json:"translated" example:"true" doc:"The match is a translation: matched_language is not the language of the query (q translated), or the listing matched only through the labels of its sector and CPV codes in a language it is not written in (its classification translated)"`
	Organisation    string     `json:"organisation_name" example:"Les Tilleuls" doc:"Empty for a tender whose buyer stays anonymous"`
	Country         string     `json:"country" example:"FR"`
	Town            string     `json:"town" example:"Metz" doc:"The organisation's town; for a tender, the place of performance"`
	Deadline        *time.Time `json:"deadline,omitempty" example:"2026-12-15T12:00:00Z" doc:"Responses deadline of a tender"`
	DistanceKm      *float64   `json:"distance_km,omitempty" example:"4.2" doc:"From near or town, when given"`
	Latitude        *float64   `json:"latitude,omitempty" example:"49.1193" doc:"WGS 84, for maps: the organisation's place; for a tender the place of performance, else its buyer's unless anonymous; absent when unknown"`
	Longitude       *float64   `json:"longitude,omitempty" example:"6.1757" doc:"WGS 84, with latitude"`
}

// SearchFacetBody is one value of a facet.
type SearchFacetBody struct {
	Value string `json:"value" example:"cleaning.offices"`
	Label string `json:"label,omitempty" example:"Nettoyage de bureaux" doc:"In the caller's language, where Passerelle has one"`
	Count int    `json:"count" example:"12"`
}

// SearchOutput is one page of a search.
type SearchOutput struct {
	Body struct {
		Items []SearchHitBody `json:"items" doc:"Hits in order"`
		// Facets maps each facet asked for to its values, most frequent first.
		Facets     map[string][]SearchFacetBody `json:"facets" doc:"Per facet asked for, its values, most frequent first"`
		Total      int                          `json:"total" example:"42" doc:"Matches in the index (may count a listing withdrawn a moment ago, which is not shown)"`
		Language   string                       `json:"language" example:"de" doc:"Language of q, given or detected"`
		Detected   bool                         `json:"language_detected" example:"false" doc:"language was detected from q"`
		NextCursor string                       `json:"next_cursor" example:"" doc:"Empty after the last page"`
	}
}

func registerSearch(r *routes, s *core.Search) {
	handle(r, Public, huma.Operation{OperationID: "search", Method: http.MethodGet, Path: "/api/v1/search", Tags: []string{"Search"},
		Summary: "Search offers, tenders and suppliers across languages",
		Description: "Everyone. Full text in any of French, German, English and Dutch, expanded with translations so that a " +
			"listing written in another language is found too (each hit says the language it matched in and whether " +
			"through a translation); filters, a radius around a point or a known town, sorts, facet counts and cursor " +
			"pagination. Only public listings are returned: published offers, published tenders still open for " +
			"responses, verified SSE suppliers. eligible=true needs a signed-in caller acting for an SSE supplier " +
			"(401 anonymous). Every wrong parameter is named in one 422 answer; 503 while the search engine is unavailable."},
		func(ctx context.Context, in *SearchInput) (*SearchOutput, error) {
			a := authFrom(ctx)
			lang := requestLanguage(ctx, in.AcceptLanguage)
			page, err := s.Search(ctx, a.principal, core.SearchRequest{
				Text: in.Q, Lang: in.Lang, Kinds: in.Kind, Countries: in.Country, NUTS: in.NUTS, Sectors: in.Sector,
				CPV: in.CPV, StatusTypes: in.StatusType, Eligible: in.Eligible, DeadlineFrom: in.DeadlineFrom,
				DeadlineTo: in.DeadlineTo, CrossBorder: in.CrossBorder, Near: in.Near, Town: in.Town, RadiusKm: in.RadiusKm,
				Sort: in.Sort, Facets: in.Facets, Limit: in.Limit, Cursor: in.Cursor,
			}, lang)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &SearchOutput{}
			out.Body.Items = make([]SearchHitBody, len(page.Hits))
			for i, h := range page.Hits {
				out.Body.Items[i] = SearchHitBody{Kind: string(h.Kind), ID: h.ID, Title: h.Title, Snippet: h.Snippet,
					Language: string(h.Language), MatchedLanguage: string(h.MatchedLanguage), Translated: h.Translated,
					Organisation: h.OrganisationName, Country: h.Country, Town: h.Town, Deadline: h.Deadline,
					DistanceKm: h.DistanceKm}
				if h.Geo != nil {
					out.Body.Items[i].Latitude, out.Body.Items[i].Longitude = &h.Geo.Lat, &h.Geo.Lon
				}
			}
			out.Body.Facets = make(map[string][]SearchFacetBody, len(page.Facets))
			for f, vs := range page.Facets {
				list := make([]SearchFacetBody, len(vs))
				for i, v := range vs {
					list[i] = SearchFacetBody{Value: v.Value, Label: v.Label, Count: v.Count}
				}
				out.Body.Facets[string(f)] = list
			}
			out.Body.Total, out.Body.Language, out.Body.Detected = page.Total, string(page.Language), page.Detected
			out.Body.NextCursor = page.NextCursor
			return out, nil
		})
}
