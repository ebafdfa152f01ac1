// Package routing decides which supplier organisations a published tender
// lot is brought to (DOMAIN.md "Routing requests to suppliers"). This file
// is the pure part: scoring one supplier profile against one lot, with an
// explanation made of machine-readable reasons that clients localize. It
// imports nothing but the domain, so that it is table-tested without a
// database and reused by whatever loads the candidates (core.MatchLot).
package routing

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"passerelle/internal/domain"
)

// Lot is what a supplier is matched against: one lot of a published
// tender, with the tender's place of performance and languages.
type Lot struct {
	TenderID string
	LotID    string
	// BuyerOrganisationID is the tender's organisation, never routed to.
	BuyerOrganisationID string
	// CPV are the lot's CPV codes, in full or as eight digits.
	CPV []string
	// PlaceNUTS is the NUTS code of the place of performance (any level).
	PlaceNUTS string
	// PlaceLocation is the place's position when it is known (the centre
	// of its town); radius areas need it.
	PlaceLocation *domain.GeoPoint
	// Language is the tender's original language; ResponseLanguages are
	// those responses may be written in.
	Language          domain.Language
	ResponseLanguages []domain.Language
	Clauses           domain.LotClauses
}

// Supplier is one candidate supplier organisation with what matching
// reads of its profile and published offers.
type Supplier struct {
	OrganisationID string
	Country        string // ISO 3166-1 (GR for Greece)
	NUTS3          string
	Location       *domain.GeoPoint
	// Languages are ISO 639-1 codes, lower case.
	Languages []string
	Offers    []Offer
	// Eligibility holds the verified statuses counting at the instant of
	// matching and the reserved awards from the lot's buyer.
	Eligibility domain.EligibilitySupplier
	Profile     Profile
}

// Offer is a published offer of a supplier, as matching reads it.
type Offer struct {
	ID      string
	Sectors []SectorCPV
	CPV     []string
	Area    domain.OfferArea
}

// SectorCPV is a sector code of an offer with the CPV codes its catalogue
// entry covers (taxonomy.Sector): the caller resolves the catalogue so
// that this package stays pure.
type SectorCPV struct {
	Code string
	CPV  []string
}

// Profile lists which optional parts of a supplier's public profile are
// filled: complete profiles are routed first (DOMAIN.md).
type Profile struct {
	Description bool
	Logo        bool
	Contact     bool // a website or a phone number
	Location    bool
	Identifier  bool
}

// Points of each factor. A match scores at most MaxScore; the relevance
// (CPV or sector) and the area are worth most because they say whether
// the supplier does this and does it here.
const (
	PointsCPVExact      = 40
	PointsCPVAncestor   = 34 // an offer's code is broader than the lot's
	PointsCPVDescendant = 30 // an offer's code is narrower than the lot's
	PointsSector        = 28 // an offer's sector covers the lot's code
	PointsCPVDivision   = 12 // same division (two first digits) only

	PointsAreaRegion      = 25 // a listed region contains the place
	PointsAreaCountry     = 25 // the place is in the supplier's country
	PointsAreaRadiusMin   = 15 // at the edge of the radius…
	PointsAreaRadiusMax   = 25 // …at its centre
	PointsAreaSubRegion   = 15 // a listed region lies inside a broader place
	PointsAreaCrossBorder = 15 // country mode, place in another Grande Région country

	PointsEligible = 10 // a reserved lot and an eligible supplier

	PointsLanguageTender   = 10 // speaks the tender's language
	PointsLanguageResponse = 5  // speaks only another response language

	PointsPerProfilePart = 3 // per filled Profile field

	MaxScore = PointsCPVExact + PointsAreaRegion + PointsEligible + PointsLanguageTender + 5*PointsPerProfilePart
)

// Reason codes (Reason.Code), stable for clients that localize them.
const (
	// Scoring reasons.
	ReasonCPVExact        = "cpv_exact"
	ReasonCPVAncestor     = "cpv_ancestor"
	ReasonCPVDescendant   = "cpv_descendant"
	ReasonCPVDivision     = "cpv_division"
	ReasonSector          = "sector"
	ReasonAreaCountry     = "area_country"
	ReasonAreaRadius      = "area_radius"
	ReasonAreaRegion      = "area_region"
	ReasonAreaSubRegion   = "area_sub_region"
	ReasonAreaCrossBorder = "area_cross_border"
	ReasonEligible        = "eligible"
	ReasonNotReserved     = "not_reserved"
	ReasonLanguageTender  = "language_tender"
	ReasonLanguageOther   = "language_response"
	ReasonLanguageNone    = "language_none"
	ReasonProfile         = "profile_completeness"

	// Exclusion reasons (Exclusion.Code).
	ExclusionBuyer            = "buyer_itself"
	ExclusionNoVerifiedStatus = "no_verified_status"
	ExclusionNotEligible      = "not_eligible"
	ExclusionNoOffer          = "no_offer"
	ExclusionNoRelevance      = "no_relevant_offer"
	ExclusionOutsideArea      = "outside_area"
)

// Reason is one factor of a score: a code, the points it adds and the
// values that make it precise ("offer_cpv": "90911200-8"), all strings so
// that they serialize the same everywhere.
type Reason struct {
	Code   string            `json:"code" example:"cpv_exact" doc:"Machine-readable reason code"`
	Points int               `json:"points" example:"40" doc:"Points this reason adds"`
	Values map[string]string `json:"values,omitempty" doc:"Facts of the reason (codes, distances), for localized display"`
}

// Match is a supplier that may be routed a lot, with its score and why.
type Match struct {
	OrganisationID string `json:"organisation_id"`
	// OfferID is the published offer that matched best.
	OfferID string   `json:"offer_id"`
	Score   int      `json:"score"`
	Reasons []Reason `json:"reasons"`
	// DistanceKM is the distance from the supplier to the place when both
	// positions are known, else -1; ties of score go to the closest.
	DistanceKM float64 `json:"distance_km"`
}

// Exclusion says why a supplier does not match: a hard filter failed.
type Exclusion struct {
	Code   string
	Values map[string]string
}

// Score matches one supplier against a lot at instant at (eligibility
// reads the statuses that count then). Hard filters, any of which excludes
// the supplier: it is not the buyer; it holds a verified status that counts
// (Passerelle routes to verified social-economy suppliers only); on a
// reserved lot it is eligible under the lot's legal basis (an unknown
// verdict excludes too: routing must not send a reserved need to a supplier
// that may not answer it); one of its published offers is relevant (a CPV
// or sector relation with one of the lot's codes) and covers the place of
// performance. The best such offer gives the relevance and area points;
// eligibility, languages and profile completeness add to them.
func Score(lot Lot, s Supplier, at time.Time) (Match, *Exclusion) {
	if s.OrganisationID == lot.BuyerOrganisationID {
		return Match{}, &Exclusion{Code: ExclusionBuyer}
	}
	if !slices.ContainsFunc(s.Eligibility.VerifiedStatuses, func(st domain.SSEStatus) bool { return st.Counts(at) }) {
		return Match{}, &Exclusion{Code: ExclusionNoVerifiedStatus}
	}
	var reasons []Reason
	if lot.Clauses.Reserved() {
		if s.Eligibility.Country == "" {
			s.Eligibility.Country = s.Country
		}
		v := domain.Eligibility(s.Eligibility, lot.Clauses, at)
		if v.Result != domain.Eligible {
			codes := make([]string, len(v.Reasons))
			for i, r := range v.Reasons {
				codes[i] = r.Code
			}
			return Match{}, &Exclusion{Code: ExclusionNotEligible,
				Values: map[string]string{"result": string(v.Result), "reasons": strings.Join(codes, ",")}}
		}
		reasons = append(reasons, Reason{Code: ReasonEligible, Points: PointsEligible,
			Values: map[string]string{"legal_bases": joinBases(lot.Clauses.LegalBases)}})
	} else {
		reasons = append(reasons, Reason{Code: ReasonNotReserved})
	}
	if len(s.Offers) == 0 {
		return Match{}, &Exclusion{Code: ExclusionNoOffer}
	}

	distance := -1.0
	if s.Location != nil && lot.PlaceLocation != nil {
		distance = DistanceKM(*s.Location, *lot.PlaceLocation)
	}
	var best []Reason
	bestPoints, bestOffer, relevant := -1, "", false
	for _, o := range s.Offers {
		rel, ok := relevance(lot.CPV, o)
		if !ok {
			continue
		}
		relevant = true
		area, ok := coverage(lot, s, o, distance)
		if !ok {
			continue
		}
		// Offers are compared by points, then by id, so that the offer
		// named does not depend on the order they were loaded in.
		if p := rel.Points + area.Points; p > bestPoints || p == bestPoints && o.ID < bestOffer {
			best, bestPoints, bestOffer = []Reason{rel, area}, p, o.ID
		}
	}
	switch {
	case !relevant:
		return Match{}, &Exclusion{Code: ExclusionNoRelevance}
	case best == nil:
		return Match{}, &Exclusion{Code: ExclusionOutsideArea, Values: map[string]string{"place_nuts": lot.PlaceNUTS}}
	}
	reasons = append(best, reasons...)
	reasons = append(reasons, language(lot, s.Languages), profile(s.Profile))

	m := Match{OrganisationID: s.OrganisationID, OfferID: bestOffer, Reasons: reasons, DistanceKM: distance}
	for _, r := range reasons {
		m.Score += r.Points
	}
	return m, nil
}

// Rank scores every supplier and returns the matches best first: by score,
// then the closest (unknown distances last), then by organisation id so
// that equal profiles always come in the same order (batches must not
// depend on the order candidates were loaded in).
func Rank(lot Lot, suppliers []Supplier, at time.Time) []Match {
	out := make([]Match, 0, len(suppliers))
	for _, s := range suppliers {
		if m, ex := Score(lot, s, at); ex == nil {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, Compare)
	return out
}

// Compare orders matches best first (see Rank).
func Compare(a, b Match) int {
	if c := cmp.Compare(b.Score, a.Score); c != 0 {
		return c
	}
	da, db := a.DistanceKM, b.DistanceKM
	if da < 0 {
		da = math.Inf(1)
	}
	if db < 0 {
		db = math.Inf(1)
	}
	if c := cmp.Compare(da, db); c != 0 {
		return c
	}
	return cmp.Compare(a.OrganisationID, b.OrganisationID)
}

// relevance is the best CPV or sector relation between the lot's codes and
// an offer's; false when there is none.
func relevance(lotCPV []string, o Offer) (Reason, bool) {
	best, found := Reason{}, false
	consider := func(r Reason) {
		if !found || r.Points > best.Points {
			best, found = r, true
		}
	}
	for _, lc := range lotCPV {
		lstem, ok := stem(lc)
		if !ok {
			continue
		}
		for _, oc := range o.CPV {
			ostem, ok := stem(oc)
			if !ok {
				continue
			}
			values := map[string]string{"lot_cpv": lc, "offer_cpv": oc}
			switch {
			case ostem == lstem:
				consider(Reason{Code: ReasonCPVExact, Points: PointsCPVExact, Values: values})
			case strings.HasPrefix(lstem, ostem):
				consider(Reason{Code: ReasonCPVAncestor, Points: PointsCPVAncestor, Values: values})
			case strings.HasPrefix(ostem, lstem):
				consider(Reason{Code: ReasonCPVDescendant, Points: PointsCPVDescendant, Values: values})
			case ostem[:2] == lstem[:2]:
				consider(Reason{Code: ReasonCPVDivision, Points: PointsCPVDivision,
					Values: map[string]string{"lot_cpv": lc, "offer_cpv": oc, "division": lstem[:2]}})
			}
		}
		for _, sec := range o.Sectors {
			for _, sc := range sec.CPV {
				sstem, ok := stem(sc)
				// A sector covers the lot when the lot's code falls in its
				// subtree, or when the lot asks for something broader that
				// the sector is a part of (a lot "cleaning services" and a
				// supplier of office cleaning).
				if ok && (strings.HasPrefix(lstem, sstem) || strings.HasPrefix(sstem, lstem)) {
					consider(Reason{Code: ReasonSector, Points: PointsSector,
						Values: map[string]string{"lot_cpv": lc, "sector": sec.Code}})
				}
			}
		}
	}
	return best, found
}

// stem returns the significant digits of a CPV code: its eight digits
// without the trailing zeros that only say "the whole subtree", but never
// fewer than the two digits of the division ("90910000-9" → "9091",
// "45000000" → "45"). A code is an ancestor of another exactly when its
// stem is a prefix of the other's.
func stem(code string) (string, bool) {
	if len(code) < 8 {
		return "", false
	}
	c := code[:8]
	for i := range 8 {
		if c[i] < '0' || c[i] > '9' {
			return "", false
		}
	}
	s := strings.TrimRight(c, "0")
	if len(s) < 2 {
		s = c[:2]
	}
	return s, true
}

// coverage says whether an offer's intervention area covers the place of
// performance, and with how many points. A place in another country than
// the supplier's is covered only when the offer accepts cross-border work;
// then a country-wide offer covers the other Grande Région countries (the
// marketplace's territory), with fewer points than its own country.
func coverage(lot Lot, s Supplier, o Offer, distance float64) (Reason, bool) {
	place := lot.PlaceNUTS
	placeCountry := NUTSCountry(place)
	abroad := placeCountry != s.Country
	if abroad && !o.Area.AcceptsCrossBorder {
		return Reason{}, false
	}
	switch o.Area.Mode {
	case domain.AreaCountry:
		if !abroad {
			return Reason{Code: ReasonAreaCountry, Points: PointsAreaCountry,
				Values: map[string]string{"country": s.Country}}, true
		}
		if domain.IsGrandeRegionCountry(placeCountry) && domain.IsGrandeRegionCountry(s.Country) {
			return Reason{Code: ReasonAreaCrossBorder, Points: PointsAreaCrossBorder,
				Values: map[string]string{"country": s.Country, "place_country": placeCountry}}, true
		}
	case domain.AreaRadius:
		if distance < 0 || o.Area.RadiusKM <= 0 || distance > float64(o.Area.RadiusKM) {
			return Reason{}, false
		}
		// Closer is better: full points at the centre, the minimum at the
		// edge, linearly in between.
		p := PointsAreaRadiusMax - int(math.Round(float64(PointsAreaRadiusMax-PointsAreaRadiusMin)*distance/float64(o.Area.RadiusKM)))
		return Reason{Code: ReasonAreaRadius, Points: p, Values: map[string]string{
			"distance_km": strconv.Itoa(int(math.Round(distance))), "radius_km": strconv.Itoa(o.Area.RadiusKM)}}, true
	case domain.AreaRegions:
		best, found := Reason{}, false
		for _, r := range o.Area.Regions {
			switch {
			case r != "" && strings.HasPrefix(place, r):
				return Reason{Code: ReasonAreaRegion, Points: PointsAreaRegion,
					Values: map[string]string{"region": r, "place_nuts": place}}, true
			case place != "" && strings.HasPrefix(r, place) && !found:
				// The place is broader than the region (a lot for all of
				// Lorraine, a supplier of Moselle): it covers part of it.
				best, found = Reason{Code: ReasonAreaSubRegion, Points: PointsAreaSubRegion,
					Values: map[string]string{"region": r, "place_nuts": place}}, true
			}
		}
		return best, found
	}
	return Reason{}, false
}

// NUTSCountry is the ISO 3166-1 country of a NUTS code: its two first
// letters, except Greece (EL in NUTS, GR for organisations).
func NUTSCountry(nuts string) string {
	if len(nuts) < 2 {
		return ""
	}
	if c := nuts[:2]; c != "EL" {
		return c
	}
	return "GR"
}

// language rewards a supplier that works in the tender's language, and
// less one that works only in another language responses may be written
// in. Not a hard filter: the tender's texts may be translated.
func language(lot Lot, langs []string) Reason {
	if slices.Contains(langs, string(lot.Language)) {
		return Reason{Code: ReasonLanguageTender, Points: PointsLanguageTender,
			Values: map[string]string{"language": string(lot.Language)}}
	}
	for _, l := range lot.ResponseLanguages {
		if slices.Contains(langs, string(l)) {
			return Reason{Code: ReasonLanguageOther, Points: PointsLanguageResponse,
				Values: map[string]string{"language": string(l)}}
		}
	}
	return Reason{Code: ReasonLanguageNone, Values: map[string]string{"language": string(lot.Language)}}
}

// profile gives points per filled part of the profile, naming them.
func profile(p Profile) Reason {
	var parts []string
	for _, f := range []struct {
		name string
		ok   bool
	}{{"description", p.Description}, {"logo", p.Logo}, {"contact", p.Contact}, {"location", p.Location}, {"identifier", p.Identifier}} {
		if f.ok {
			parts = append(parts, f.name)
		}
	}
	return Reason{Code: ReasonProfile, Points: PointsPerProfilePart * len(parts),
		Values: map[string]string{"filled": strings.Join(parts, ","), "of": "5"}}
}

func joinBases(bs []domain.LegalBasis) string {
	s := make([]string, len(bs))
	for i, b := range bs {
		s[i] = string(b)
	}
	return strings.Join(s, ",")
}

// DistanceKM is the great-circle distance between two points (haversine,
// mean Earth radius): precise enough for radii of whole kilometres.
func DistanceKM(a, b domain.GeoPoint) float64 {
	const earthKM = 6371.0
	rad := math.Pi / 180
	dLat := (b.Latitude - a.Latitude) * rad
	dLon := (b.Longitude - a.Longitude) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Latitude*rad)*math.Cos(b.Latitude*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthKM * math.Asin(math.Min(1, math.Sqrt(h)))
}
