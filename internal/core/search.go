package core

import (
	"context"
	"errors"
	"html"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// Search is the one search over offers, tenders and suppliers: it checks
// the request, runs it across languages (search.Multilingual) and loads
// the hits from PostgreSQL, which stays the truth: a hit whose listing is
// no longer public (the index lags behind a change by up to the indexing
// lag) is dropped, never shown.
type Search struct {
	st       *store.Store
	searcher *search.Multilingual
	now      func() time.Time
}

// NewSearch builds the search use case over searcher, which names the
// engine, the live index (SearchLiveIndex) and the query expander.
func NewSearch(st *store.Store, searcher *search.Multilingual, now func() time.Time) *Search {
	return &Search{st: st, searcher: searcher, now: now}
}

// SearchHit is one listing found, as the caller may see it.
type SearchHit struct {
	Kind search.Kind
	ID   string
	// Title is in the language the text matched, else in the caller's,
	// else in the listing's own.
	Title string
	// Snippet is a fragment of the listing in Language, HTML-escaped, with
	// the matched words in <mark></mark>.
	Snippet string
	// Language is the language of Title and Snippet; MatchedLanguage the
	// one the text matched in (empty without text; search.PickMatch),
	// Translated that it matched through a translation, of the typed
	// words or of the listing's classification (search.Hit.Translated).
	Language        domain.Language
	MatchedLanguage domain.Language
	Translated      bool
	// OrganisationName is empty for a tender of an anonymous buyer.
	OrganisationName string
	Country          string
	// Town is the organisation's, or for a tender the place of performance.
	Town string
	// Deadline is a tender's responses deadline.
	Deadline *time.Time
	// DistanceKm is set when the search was around a point or a town.
	DistanceKm *float64
	// Geo is where the listing is placed on a map (the organisation; for a
	// tender the place of performance, never an anonymous buyer's
	// address); nil when unknown.
	Geo *search.GeoPoint
}

// SearchFacetValue is one value of a facet with its count and, where
// Passerelle has one, its label in the caller's language.
type SearchFacetValue struct {
	Value string
	Label string
	Count int
}

// SearchPage is one page of a search.
type SearchPage struct {
	Hits []SearchHit
	// Total is the number of matching documents in the index (it may count
	// a listing that stopped being public and is not shown).
	Total  int
	Facets map[search.Facet][]SearchFacetValue
	// Language is the query's language, given or Detected.
	Language   domain.Language
	Detected   bool
	NextCursor string
	// Center is the point distances are measured from, when any.
	Center *search.GeoPoint
}

// Search runs req for p, answering in lang (labels, fallback titles).
// Every wrong parameter is named in one ValidationError before anything
// runs; eligible=true needs a signed-in caller acting for an SSE
// supplier. An unavailable engine gives a localized domain.ErrUnavailable.
func (s *Search) Search(ctx context.Context, p domain.Principal, req SearchRequest, lang domain.Language) (SearchPage, error) {
	if !domain.Can(p, domain.ActPublic, domain.Resource{}) {
		return SearchPage{}, domain.ErrForbidden
	}
	now := s.now()
	ps, ve, err := s.prepare(ctx, p, req, now)
	if err != nil {
		return SearchPage{}, err
	}
	if err := ve.Err(); err != nil {
		return SearchPage{}, err
	}
	return s.run(ctx, ps, now, lang)
}

// prepare checks req for p: the parser's checks, then what only the
// database can tell (the caller's eligibility, a known town). Every wrong
// parameter is in the ValidationError (empty when none, fields named
// query.<parameter>); the error is for everything else (an anonymous
// caller asking for eligibility, the database).
func (s *Search) prepare(ctx context.Context, p domain.Principal, req SearchRequest, now time.Time) (parsedSearch, *domain.ValidationError, error) {
	ps, ve := req.parse()
	if ps.eligible {
		bases, err := s.eligibleBases(ctx, p, now, ve)
		if err != nil {
			return ps, ve, err
		}
		ps.q.Filters.ReservedBases = bases
	}
	if ps.town != "" {
		centre, err := s.town(ctx, ps.town, ps.townCountry, ve)
		if err != nil {
			return ps, ve, err
		}
		ps.q.Filters.Near = &search.GeoRadius{Center: centre, RadiusKm: ps.radius}
	}
	return ps, ve, nil
}

// run runs a prepared search and loads its hits.
func (s *Search) run(ctx context.Context, ps parsedSearch, now time.Time, lang domain.Language) (SearchPage, error) {
	if ps.eligible && len(ps.q.Filters.ReservedBases) == 0 {
		// No basis qualifies: nothing reserved is open to the caller (an
		// empty filter would mean "no restriction").
		return SearchPage{Hits: []SearchHit{}, Facets: emptyFacets(ps.q.Facets), Language: ps.q.Language}, nil
	}
	res, err := s.searcher.Search(ctx, ps.q)
	switch {
	case errors.Is(err, search.ErrInvalidCursor):
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.cursor", "invalid", msgSearchCursor.With())
		return SearchPage{}, ve
	case errors.Is(err, search.ErrEngine):
		return SearchPage{}, msgSearchUnavailable.Wrap(domain.ErrUnavailable)
	case err != nil:
		return SearchPage{}, err
	}
	page := SearchPage{Hits: []SearchHit{}, Total: res.Total, NextCursor: res.NextCursor, Language: res.Language,
		Detected: res.Detected}
	if ps.q.Language != "" {
		page.Language = ps.q.Language
	}
	if ps.distanceField {
		c := ps.q.Filters.Near.Center
		page.Center = &c
	}
	if err := s.loadHits(ctx, &page, res, now, lang); err != nil {
		return SearchPage{}, err
	}
	if page.Facets, err = s.facets(ctx, res.Facets, lang); err != nil {
		return SearchPage{}, err
	}
	return page, nil
}

// loadHits fills page.Hits from PostgreSQL, in the engine's order,
// dropping the listings that are no longer public.
func (s *Search) loadHits(ctx context.Context, page *SearchPage, res search.MultilingualResult, now time.Time, lang domain.Language) error {
	refs := make([]SearchRef, len(res.Hits))
	for i, h := range res.Hits {
		refs[i] = SearchRef{Kind: h.Kind, ID: h.ID}
	}
	listings, err := loadSearchListings(ctx, s.st, refs, now, false)
	if err != nil {
		return err
	}
	for i, h := range res.Hits {
		l, ok := listings[refs[i]]
		if !ok {
			continue
		}
		hit := SearchHit{Kind: h.Kind, ID: h.ID, MatchedLanguage: h.MatchedLanguage, Translated: res.Translated[i],
			OrganisationName: l.organisationName, Country: l.doc.Country, Town: l.town, Deadline: l.doc.Deadline,
			Geo: l.doc.Geo}
		hit.Language = displayLanguage(l, h.MatchedLanguage, lang)
		text := l.doc.Text[hit.Language]
		hit.Title = text.Title
		hit.Snippet = snippet(h, hit.Language, text)
		if page.Center != nil && l.doc.Geo != nil {
			d := math.Round(distanceKm(*page.Center, *l.doc.Geo)*10) / 10
			hit.DistanceKm = &d
		}
		page.Hits = append(page.Hits, hit)
	}
	return nil
}

// displayLanguage is the language a hit is shown in: the one its text
// matched in, else the caller's when the listing has it, else its own.
func displayLanguage(l searchListing, matched, caller domain.Language) domain.Language {
	if _, ok := l.doc.Text[matched]; ok && matched != "" {
		return matched
	}
	if _, ok := l.doc.Text[caller]; ok {
		return caller
	}
	return l.lang
}

// snippetLen bounds a snippet made from the description when the engine
// highlighted nothing there (no text, or a match on the title or a
// concept label).
const snippetLen = 240

// snippet is the engine's highlighted fragment of the description in
// lang (already escaped by the engine), else the beginning of the
// description, escaped here. (The title is shown beside it: a fragment of
// the title would repeat it.)
func snippet(h search.Hit, lang domain.Language, text search.Text) string {
	if s := h.Snippets[string(search.FieldDescription)+"_"+string(lang)]; s != "" {
		return s
	}
	d := strings.Join(strings.Fields(text.Description), " ")
	if utf8.RuneCountInString(d) > snippetLen {
		r := []rune(d)[:snippetLen]
		d = strings.TrimRight(string(r), " ") + "…"
	}
	return html.EscapeString(d)
}

// distanceKm is the great-circle distance between two points.
func distanceKm(a, b search.GeoPoint) float64 {
	const earthRadiusKm = 6371.0088
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// eligibleBases are the legal bases under which the caller's active
// organisation may answer a reserved lot now, decided by the domain's
// eligibility rules from its verified statuses. The article 77 bar on
// winning again from the same buyer depends on the buyer: the tender's
// page shows it, search cannot. A caller acting for no SSE supplier is a
// field error added to ve.
func (s *Search) eligibleBases(ctx context.Context, p domain.Principal, now time.Time, ve *domain.ValidationError) ([]string, error) {
	if p.Anonymous() {
		return nil, domain.ErrUnauthenticated
	}
	var org domain.Organisation
	if p.ActiveOrganisationID != "" {
		var err error
		if org, err = s.st.GetOrganisation(ctx, p.ActiveOrganisationID); err != nil {
			return nil, err
		}
	}
	if org.Kind != domain.OrgSSESupplier {
		ve.AddLocalized("query.eligible", "not_supplier", msgSearchEligibleSupplier.With())
		return nil, nil
	}
	statuses, err := s.st.VerifiedSSEStatuses(ctx, org.ID, now)
	if err != nil {
		return nil, err
	}
	supplier := domain.EligibilitySupplier{Country: org.Country, VerifiedStatuses: statuses}
	var out []string
	for _, b := range domain.LegalBases() {
		clauses := domain.DefaultLotClauses()
		clauses.ReservedParticipation, clauses.LegalBases = b.Reservation(), []domain.LegalBasis{b}
		if domain.Eligibility(supplier, clauses, now).Result == domain.Eligible {
			out = append(out, string(b))
		}
	}
	return out, nil
}

// town finds the centre of a known town; an unknown or ambiguous name is
// a field error added to ve, with the towns that exist.
func (s *Search) town(ctx context.Context, name, country string, ve *domain.ValidationError) (search.GeoPoint, error) {
	towns, err := s.st.FindTowns(ctx, name, country)
	if err != nil {
		return search.GeoPoint{}, err
	}
	switch len(towns) {
	case 1:
		return search.GeoPoint{Lat: towns[0].Location.Latitude, Lon: towns[0].Location.Longitude}, nil
	case 0:
		prefix := string([]rune(name)[:min(3, utf8.RuneCountInString(name))])
		known, err := s.st.SuggestTowns(ctx, prefix, country)
		if err != nil {
			return search.GeoPoint{}, err
		}
		if len(known) == 0 {
			ve.AddLocalized("query.town", "unknown", msgSearchTownUnknown.With(name))
		} else {
			ve.AddLocalized("query.town", "unknown", msgSearchTownHint.With(name, strings.Join(known, ", ")))
		}
	default:
		var countries []string
		for _, t := range towns {
			countries = append(countries, t.Country)
		}
		ve.AddLocalized("query.town", "ambiguous", msgSearchTownAmbiguous.With(name, strings.Join(countries, ", ")))
	}
	return search.GeoPoint{}, nil
}

// facets labels the engine's facet counts in lang where Passerelle has
// labels (kinds, sectors, CPV codes, SSE status types, legal bases):
// one query for the CPV labels, none for the rest.
func (s *Search) facets(ctx context.Context, counts map[search.Facet][]search.FacetValue, lang domain.Language) (map[search.Facet][]SearchFacetValue, error) {
	out := make(map[search.Facet][]SearchFacetValue, len(counts))
	var cpv map[string]domain.Labels
	if vs := counts[search.FacetCPV]; len(vs) > 0 {
		codes := make([]string, len(vs))
		for i, v := range vs {
			codes[i] = v.Value
		}
		var err error
		if cpv, err = s.st.CPVLabels(ctx, codes); err != nil {
			return nil, err
		}
	}
	for f, vs := range counts {
		list := make([]SearchFacetValue, len(vs))
		for i, v := range vs {
			list[i] = SearchFacetValue{Value: v.Value, Count: v.Count, Label: facetLabel(f, v.Value, lang, cpv)}
		}
		out[f] = list
	}
	return out, nil
}

func facetLabel(f search.Facet, v string, lang domain.Language, cpv map[string]domain.Labels) string {
	switch f {
	case search.FacetKind:
		if m, ok := kindLabels[search.Kind(v)]; ok {
			return m.With()[lang]
		}
	case search.FacetSector:
		if s, ok := taxonomy.Sector(v); ok {
			return s.Labels.In(lang)
		}
	case search.FacetCPV:
		if l, ok := cpv[v]; ok {
			return l.In(lang)
		}
	case search.FacetStatusType:
		if t := domain.SSEStatusType(v); t.Valid() {
			return t.Label(string(lang))
		}
	case search.FacetReserved:
		if b := domain.LegalBasis(v); b.Valid() {
			return b.Label(string(lang))
		}
	}
	return ""
}

func emptyFacets(fs []search.Facet) map[search.Facet][]SearchFacetValue {
	out := make(map[search.Facet][]SearchFacetValue, len(fs))
	for _, f := range fs {
		out[f] = []SearchFacetValue{}
	}
	return out
}

var kindLabels = map[search.Kind]domain.Msg{
	search.KindOffer:    {EN: "Offers", FR: "Offres", DE: "Angebote", NL: "Aanbod"},
	search.KindTender:   {EN: "Tenders", FR: "Appels d'offres", DE: "Ausschreibungen", NL: "Aanbestedingen"},
	search.KindSupplier: {EN: "Suppliers", FR: "Fournisseurs", DE: "Anbieter", NL: "Leveranciers"},
}
