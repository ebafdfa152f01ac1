package core

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/taxonomy"
)

// SearchRequest is a search as the caller typed it: every value is the
// raw text of a query parameter, so that Search can check them all at
// once and name every wrong one in a single answer (a typed field would
// fail alone, before the others are looked at). Repeatable parameters
// take several values, each possibly a comma-separated list.
type SearchRequest struct {
	Text string
	// Lang is the language of Text; detected when empty.
	Lang        string
	Kinds       []string
	Countries   []string
	NUTS        []string
	Sectors     []string
	CPV         []string
	StatusTypes []string
	// Eligible "true" keeps the reserved tenders the caller's active
	// organisation is eligible for.
	Eligible     string
	DeadlineFrom string
	DeadlineTo   string
	CrossBorder  string
	// Near is "lat,lon"; Town names a known town instead (with one
	// Countries value when several countries have a town of that name).
	Near     string
	Town     string
	RadiusKm string
	Sort     string
	Facets   []string
	Limit    string
	Cursor   string
}

// Search request bounds.
const (
	// MaxSearchValues bounds the values of one repeatable parameter.
	MaxSearchValues = 20
	// DefaultSearchRadiusKm is the radius around near or town when
	// radius_km is not given: a half-hour drive.
	DefaultSearchRadiusKm = 30
	// MaxSearchRadiusKm spans the Grande Région and well beyond.
	MaxSearchRadiusKm = 1000
	// MaxSearchCursor bounds the cursor's length (engines' cursors are
	// far shorter).
	MaxSearchCursor = 2000
	// MaxSearchTown bounds a town name, as organisations' towns are.
	MaxSearchTown = 200
)

// parsedSearch is a checked request: the engine query without its text
// expansion, and what Search does around it.
type parsedSearch struct {
	q        search.Query
	eligible bool
	// town is the town near which to search, to be looked up in the
	// database; radius applies to it.
	town          string
	townCountry   string
	radius        float64
	distanceField bool // the answer shows distances
}

var (
	countryCode = regexp.MustCompile(`^[A-Z]{2}$`)
	nutsCode    = regexp.MustCompile(`^[A-Z]{2}[0-9A-Z]{0,3}$`)
	cpvDigits   = regexp.MustCompile(`^[0-9]{2,8}$`)
)

// parse checks r and returns the query with the ValidationError naming
// every wrong parameter it found (empty when none): Search adds what only
// the database can tell (an unknown town, a caller who is no supplier)
// before answering.
func (r SearchRequest) parse() (parsedSearch, *domain.ValidationError) {
	ve := &domain.ValidationError{}
	var p parsedSearch
	q := &p.q
	q.Highlight = true

	q.Text = strings.TrimSpace(r.Text)
	if len(q.Text) > search.MaxQueryTextLen || !utf8.ValidString(q.Text) {
		ve.AddLocalized("query.q", "too_long", msgSearchText.With(search.MaxQueryTextLen))
	}
	if r.Lang != "" {
		if l := domain.Language(strings.ToLower(strings.TrimSpace(r.Lang))); l.Valid() {
			q.Language = l
		} else {
			ve.AddLocalized("query.lang", "invalid", msgSearchLang.With(r.Lang))
		}
	}

	kinds := values(ve, "query.kind", r.Kinds, strings.ToLower)
	for _, k := range kinds {
		if !search.Kind(k).Valid() {
			ve.AddLocalized("query.kind", "invalid", msgSearchKind.With(k))
			continue
		}
		q.Filters.Kinds = append(q.Filters.Kinds, search.Kind(k))
	}
	for _, c := range values(ve, "query.country", r.Countries, strings.ToUpper) {
		if !countryCode.MatchString(c) {
			ve.AddLocalized("query.country", "invalid", msgSearchCountry.With(c))
			continue
		}
		q.Filters.Countries = append(q.Filters.Countries, c)
	}
	for _, n := range values(ve, "query.nuts", r.NUTS, strings.ToUpper) {
		if !nutsCode.MatchString(n) {
			ve.AddLocalized("query.nuts", "invalid", msgSearchNUTS.With(n))
			continue
		}
		q.Filters.NUTS = append(q.Filters.NUTS, n)
	}
	for _, s := range values(ve, "query.sector", r.Sectors, strings.ToLower) {
		codes := sectorCodes(s)
		if len(codes) == 0 {
			ve.AddLocalized("query.sector", "invalid", msgSearchSector.With(s))
			continue
		}
		q.Filters.Sectors = append(q.Filters.Sectors, codes...)
	}
	for _, c := range values(ve, "query.cpv", r.CPV, func(s string) string { return s }) {
		code8, ok := cpvPrefix(c)
		if !ok {
			ve.AddLocalized("query.cpv", "invalid", msgSearchCPV.With(c))
			continue
		}
		q.Filters.CPV = append(q.Filters.CPV, code8)
	}
	for _, s := range values(ve, "query.status_type", r.StatusTypes, strings.ToLower) {
		if !domain.SSEStatusType(s).Valid() {
			ve.AddLocalized("query.status_type", "invalid", msgSearchStatusType.With(s))
			continue
		}
		q.Filters.StatusTypes = append(q.Filters.StatusTypes, s)
	}

	if v := flag(ve, "query.eligible", r.Eligible); v != nil {
		p.eligible = *v
	}
	q.Filters.CrossBorder = flag(ve, "query.cross_border", r.CrossBorder)
	q.Filters.DeadlineFrom = instant(ve, "query.deadline_from", r.DeadlineFrom, false)
	q.Filters.DeadlineTo = instant(ve, "query.deadline_to", r.DeadlineTo, true)
	if f, t := q.Filters.DeadlineFrom, q.Filters.DeadlineTo; f != nil && t != nil && t.Before(*f) {
		ve.AddLocalized("query.deadline_to", "before_start", msgSearchDeadlineRange.With())
	}

	p.radius = DefaultSearchRadiusKm
	if s := strings.TrimSpace(r.RadiusKm); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || !(v > 0 && v <= MaxSearchRadiusKm) {
			ve.AddLocalized("query.radius_km", "invalid", msgSearchRadius.With(MaxSearchRadiusKm))
		} else {
			p.radius = v
		}
	}
	near, town := strings.TrimSpace(r.Near), strings.TrimSpace(r.Town)
	switch {
	case near != "" && town != "":
		ve.AddLocalized("query.town", "conflict", msgSearchNearAndTown.With())
	case near != "":
		if pt, ok := latLon(near); ok {
			q.Filters.Near = &search.GeoRadius{Center: pt, RadiusKm: p.radius}
		} else {
			ve.AddLocalized("query.near", "invalid", msgSearchNear.With(near))
		}
	case town != "":
		if utf8.RuneCountInString(town) > MaxSearchTown {
			ve.AddLocalized("query.town", "too_long", msgSearchTownLength.With(MaxSearchTown))
		} else {
			p.town = town
			if len(q.Filters.Countries) == 1 {
				p.townCountry = q.Filters.Countries[0]
			}
		}
	case strings.TrimSpace(r.RadiusKm) != "":
		ve.AddLocalized("query.radius_km", "without_center", msgSearchRadiusAlone.With())
	}
	located := near != "" || town != ""
	p.distanceField = located

	// Without text, relevance has nothing to rank: newest first instead.
	switch s := search.Sort(strings.ToLower(strings.TrimSpace(r.Sort))); {
	case s == "" && q.Text == "":
		q.Sort = search.SortDate
	case s == "":
		q.Sort = search.SortRelevance
	case !s.Valid():
		ve.AddLocalized("query.sort", "invalid", msgSearchSort.With(r.Sort))
	case s == search.SortDistance && !located:
		ve.AddLocalized("query.sort", "needs_center", msgSearchSortDistance.With())
	default:
		q.Sort = s
	}

	for _, f := range values(ve, "query.facets", r.Facets, strings.ToLower) {
		if !search.Facet(f).Valid() {
			ve.AddLocalized("query.facets", "invalid", msgSearchFacet.With(f))
			continue
		}
		if !slices.Contains(q.Facets, search.Facet(f)) {
			q.Facets = append(q.Facets, search.Facet(f))
		}
	}
	q.Limit = search.DefaultLimit
	if s := strings.TrimSpace(r.Limit); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > search.MaxLimit {
			ve.AddLocalized("query.limit", "invalid", msgSearchLimit.With(search.MaxLimit))
		} else {
			q.Limit = n
		}
	}
	if len(r.Cursor) > MaxSearchCursor {
		ve.AddLocalized("query.cursor", "invalid", msgSearchCursor.With())
	} else {
		q.Cursor = r.Cursor
	}
	return p, ve
}

// values splits repeated and comma-separated values, trimmed and
// normalized by norm, empty ones dropped; more than MaxSearchValues is a
// field error.
func values(ve *domain.ValidationError, field string, raw []string, norm func(string) string) []string {
	var out []string
	for _, r := range raw {
		for v := range strings.SplitSeq(r, ",") {
			if v = norm(strings.TrimSpace(v)); v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	if len(out) > MaxSearchValues {
		ve.AddLocalized(field, "too_many", msgSearchTooMany.With(MaxSearchValues))
		return nil
	}
	return out
}

// flag reads "true" or "false"; nil when empty.
func flag(ve *domain.ValidationError, field, raw string) *bool {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "":
		return nil
	case "true", "1":
		v := true
		return &v
	case "false", "0":
		v := false
		return &v
	}
	ve.AddLocalized(field, "invalid", msgSearchFlag.With(raw))
	return nil
}

// instant reads an RFC 3339 time or a day (YYYY-MM-DD, UTC); a day that
// ends a range means its last instant, so that deadline_to=2026-12-31
// keeps tenders due that day.
func instant(ve *domain.ValidationError, field, raw string, end bool) *time.Time {
	s := strings.TrimSpace(raw)
	if s == "" {
		return nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		t = t.UTC()
		return &t
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		if end {
			d = d.Add(24*time.Hour - time.Nanosecond)
		}
		return &d
	}
	ve.AddLocalized(field, "invalid", msgSearchDate.With(raw))
	return nil
}

// latLon reads "lat,lon" in decimal degrees.
func latLon(s string) (search.GeoPoint, bool) {
	a, b, ok := strings.Cut(s, ",")
	if !ok {
		return search.GeoPoint{}, false
	}
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	p := search.GeoPoint{Lat: lat, Lon: lon}
	return p, err1 == nil && err2 == nil && p.Valid()
}

// sectorCodes is a sector of the catalogue, or every sector of a group.
func sectorCodes(code string) []string {
	if _, ok := taxonomy.Sector(code); ok {
		return []string{code}
	}
	for _, g := range taxonomy.SectorGroups() {
		if g.Code == code {
			var out []string
			for _, s := range g.Sectors {
				out = append(out, s.Code)
			}
			return out
		}
	}
	return nil
}

// cpvPrefix reads a CPV filter: a code with its check digit ("45214200-2",
// "452142002"), which must be the right one, or 2 to 8 digits of a prefix
// ("45", "4521", "45210000"). It returns the 8-digit form documents carry
// among a code's ancestors (search.CPVAncestors): the prefix padded with
// zeros.
func cpvPrefix(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "-") || len(s) == 9 {
		code8, ok := taxonomy.NormalizeCPV(s)
		if !ok {
			return "", false
		}
		s = code8
	}
	if !cpvDigits.MatchString(s) {
		return "", false
	}
	code8 := s + strings.Repeat("0", 8-len(s))
	if len(strings.TrimRight(code8, "0")) < 2 {
		return "", false // "00", "0": no division
	}
	return code8, true
}
