package routing

import (
	"slices"
	"testing"
	"time"

	"passerelle/internal/domain"
)

var at = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

var (
	metz       = domain.GeoPoint{Latitude: 49.1193, Longitude: 6.1757}
	nancy      = domain.GeoPoint{Latitude: 48.6921, Longitude: 6.1844} // ≈ 47 km from Metz
	luxembourg = domain.GeoPoint{Latitude: 49.6116, Longitude: 6.1319} // ≈ 55 km from Metz
)

func share(f float64) *float64 { return &f }

func status(t domain.SSEStatusType, pct *float64) domain.SSEStatus {
	return domain.SSEStatus{Type: t, State: domain.VerificationVerified, ValidUntil: at.AddDate(1, 0, 0), DisabledShare: pct}
}

// baseLot is a Metz cleaning lot (office cleaning, CPV 90919200-4).
func baseLot() Lot {
	return Lot{TenderID: "t1", LotID: "l1", BuyerOrganisationID: "buyer", CPV: []string{"90919200-4"},
		PlaceNUTS: "FRF33", PlaceLocation: &metz, Language: domain.LangFR,
		ResponseLanguages: []domain.Language{domain.LangFR, domain.LangDE}, Clauses: domain.DefaultLotClauses()}
}

// baseSupplier is a French ESAT of Metz cleaning offices in all France.
func baseSupplier(id string) Supplier {
	return Supplier{OrganisationID: id, Country: "FR", NUTS3: "FRF33", Location: &metz, Languages: []string{"fr"},
		Offers: []Offer{{ID: "o-" + id, CPV: []string{"90919200-4"}, Area: domain.OfferArea{Mode: domain.AreaCountry}}},
		Eligibility: domain.EligibilitySupplier{
			VerifiedStatuses: []domain.SSEStatus{status(domain.SSEFrESAT, share(80))}}}
}

func reason(m Match, code string) (Reason, bool) {
	i := slices.IndexFunc(m.Reasons, func(r Reason) bool { return r.Code == code })
	if i < 0 {
		return Reason{}, false
	}
	return m.Reasons[i], true
}

func TestScoreFactors(t *testing.T) {
	tests := []struct {
		name     string
		lot      func(*Lot)
		supplier func(*Supplier)
		// code is the reason expected, with its points and values.
		code   string
		points int
		values map[string]string
	}{
		{name: "exact CPV", code: ReasonCPVExact, points: PointsCPVExact,
			values: map[string]string{"lot_cpv": "90919200-4", "offer_cpv": "90919200-4"}},
		{name: "offer code broader than the lot's",
			supplier: func(s *Supplier) { s.Offers[0].CPV = []string{"90910000-9"} },
			code:     ReasonCPVAncestor, points: PointsCPVAncestor},
		{name: "offer code narrower than the lot's",
			lot:  func(l *Lot) { l.CPV = []string{"90910000-9"} },
			code: ReasonCPVDescendant, points: PointsCPVDescendant,
			values: map[string]string{"lot_cpv": "90910000-9", "offer_cpv": "90919200-4"}},
		{name: "same division only",
			supplier: func(s *Supplier) { s.Offers[0].CPV = []string{"90500000-2"} },
			code:     ReasonCPVDivision, points: PointsCPVDivision, values: map[string]string{"division": "90"}},
		{name: "sector covering the lot's code",
			supplier: func(s *Supplier) {
				s.Offers[0].CPV = nil
				s.Offers[0].Sectors = []SectorCPV{{Code: "cleaning.offices", CPV: []string{"90919200-4"}}}
			},
			code: ReasonSector, points: PointsSector, values: map[string]string{"sector": "cleaning.offices"}},
		{name: "sector inside a broader lot code",
			lot: func(l *Lot) { l.CPV = []string{"90910000-9"} },
			supplier: func(s *Supplier) {
				s.Offers[0].CPV = nil
				s.Offers[0].Sectors = []SectorCPV{{Code: "cleaning.offices", CPV: []string{"90919200-4"}}}
			},
			code: ReasonSector, points: PointsSector},
		{name: "best relation wins over a weaker one",
			supplier: func(s *Supplier) { s.Offers[0].CPV = []string{"90500000-2", "90919200-4"} },
			code:     ReasonCPVExact, points: PointsCPVExact},
		{name: "whole country", code: ReasonAreaCountry, points: PointsAreaCountry, values: map[string]string{"country": "FR"}},
		{name: "radius, at the centre",
			supplier: func(s *Supplier) { s.Offers[0].Area = domain.OfferArea{Mode: domain.AreaRadius, RadiusKM: 100} },
			code:     ReasonAreaRadius, points: PointsAreaRadiusMax, values: map[string]string{"distance_km": "0", "radius_km": "100"}},
		{name: "radius, half way",
			supplier: func(s *Supplier) {
				s.Location = &nancy
				s.Offers[0].Area = domain.OfferArea{Mode: domain.AreaRadius, RadiusKM: 96}
			},
			code: ReasonAreaRadius, points: 20, values: map[string]string{"distance_km": "48", "radius_km": "96"}},
		{name: "listed region containing the place",
			supplier: func(s *Supplier) {
				s.Offers[0].Area = domain.OfferArea{Mode: domain.AreaRegions, Regions: []string{"FRF1", "FRF3"}}
			},
			code: ReasonAreaRegion, points: PointsAreaRegion, values: map[string]string{"region": "FRF3", "place_nuts": "FRF33"}},
		{name: "listed sub-region of a broad place",
			lot: func(l *Lot) { l.PlaceNUTS = "FRF" },
			supplier: func(s *Supplier) {
				s.Offers[0].Area = domain.OfferArea{Mode: domain.AreaRegions, Regions: []string{"FRF33"}}
			},
			code: ReasonAreaSubRegion, points: PointsAreaSubRegion},
		{name: "country-wide across the border",
			lot: func(l *Lot) { l.PlaceNUTS, l.PlaceLocation = "LU000", &luxembourg },
			supplier: func(s *Supplier) {
				s.Offers[0].Area.AcceptsCrossBorder = true
			},
			code: ReasonAreaCrossBorder, points: PointsAreaCrossBorder, values: map[string]string{"place_country": "LU"}},
		{name: "radius across the border",
			lot: func(l *Lot) { l.PlaceNUTS, l.PlaceLocation = "LU000", &luxembourg },
			supplier: func(s *Supplier) {
				s.Offers[0].Area = domain.OfferArea{Mode: domain.AreaRadius, RadiusKM: 60, AcceptsCrossBorder: true}
			},
			code: ReasonAreaRadius, points: 16},
		{name: "not reserved", code: ReasonNotReserved, points: 0},
		{name: "reserved and eligible",
			lot: func(l *Lot) {
				l.Clauses.ReservedParticipation = domain.ReservedShelteredWorkshops
				l.Clauses.LegalBases = []domain.LegalBasis{domain.BasisFRL211312}
			},
			code: ReasonEligible, points: PointsEligible, values: map[string]string{"legal_bases": "FR_L2113_12"}},
		{name: "tender language", code: ReasonLanguageTender, points: PointsLanguageTender, values: map[string]string{"language": "fr"}},
		{name: "another response language",
			supplier: func(s *Supplier) { s.Languages = []string{"de", "lb"} },
			code:     ReasonLanguageOther, points: PointsLanguageResponse, values: map[string]string{"language": "de"}},
		{name: "no common language",
			supplier: func(s *Supplier) { s.Languages = []string{"nl"} },
			code:     ReasonLanguageNone, points: 0},
		{name: "empty profile", code: ReasonProfile, points: 0, values: map[string]string{"filled": "", "of": "5"}},
		{name: "partly filled profile",
			supplier: func(s *Supplier) { s.Profile = Profile{Description: true, Contact: true, Identifier: true} },
			code:     ReasonProfile, points: 3 * PointsPerProfilePart, values: map[string]string{"filled": "description,contact,identifier"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lot, s := baseLot(), baseSupplier("s1")
			if tt.lot != nil {
				tt.lot(&lot)
			}
			if tt.supplier != nil {
				tt.supplier(&s)
			}
			m, ex := Score(lot, s, at)
			if ex != nil {
				t.Fatalf("excluded: %+v", ex)
			}
			r, ok := reason(m, tt.code)
			if !ok {
				t.Fatalf("no reason %s in %+v", tt.code, m.Reasons)
			}
			if r.Points != tt.points {
				t.Errorf("%s: %d points, want %d", tt.code, r.Points, tt.points)
			}
			for k, v := range tt.values {
				if r.Values[k] != v {
					t.Errorf("%s: value %s = %q, want %q", tt.code, k, r.Values[k], v)
				}
			}
			sum := 0
			for _, r := range m.Reasons {
				sum += r.Points
			}
			if sum != m.Score || m.Score > MaxScore {
				t.Errorf("score %d, reasons add up to %d (max %d)", m.Score, sum, MaxScore)
			}
			if m.OfferID != s.Offers[0].ID {
				t.Errorf("offer %q, want %q", m.OfferID, s.Offers[0].ID)
			}
		})
	}
}

func TestScoreHardFilters(t *testing.T) {
	reserved := func(l *Lot) {
		l.Clauses.ReservedParticipation = domain.ReservedShelteredWorkshops
		l.Clauses.LegalBases = []domain.LegalBasis{domain.BasisFRL211312}
	}
	tests := []struct {
		name     string
		lot      func(*Lot)
		supplier func(*Supplier)
		code     string
	}{
		{name: "the buyer itself", supplier: func(s *Supplier) { s.OrganisationID = "buyer" }, code: ExclusionBuyer},
		{name: "no verified status",
			supplier: func(s *Supplier) { s.Eligibility.VerifiedStatuses = nil }, code: ExclusionNoVerifiedStatus},
		{name: "only an expired status",
			supplier: func(s *Supplier) { s.Eligibility.VerifiedStatuses[0].ValidUntil = at.AddDate(0, 0, -1) },
			code:     ExclusionNoVerifiedStatus},
		{name: "reserved lot, status of another category", lot: reserved,
			supplier: func(s *Supplier) {
				s.Eligibility.VerifiedStatuses = []domain.SSEStatus{status(domain.SSEFrSIAEEI, nil)}
			},
			code: ExclusionNotEligible},
		{name: "reserved lot, share unknown is not enough", lot: reserved,
			supplier: func(s *Supplier) { s.Eligibility.VerifiedStatuses[0].DisabledShare = nil },
			code:     ExclusionNotEligible},
		{name: "reserved lot, share below the French floor", lot: reserved,
			supplier: func(s *Supplier) {
				s.Country = "LU"
				s.Eligibility.VerifiedStatuses = []domain.SSEStatus{status(domain.SSELuAtelierProtege, share(40))}
				s.Offers[0].Area.AcceptsCrossBorder = true
			},
			code: ExclusionNotEligible},
		{name: "no offer", supplier: func(s *Supplier) { s.Offers = nil }, code: ExclusionNoOffer},
		{name: "another division",
			supplier: func(s *Supplier) { s.Offers[0].CPV = []string{"45000000-7"} }, code: ExclusionNoRelevance},
		{name: "a sector elsewhere",
			supplier: func(s *Supplier) {
				s.Offers[0].CPV = nil
				s.Offers[0].Sectors = []SectorCPV{{Code: "catering.meals", CPV: []string{"55520000-1"}}}
			},
			code: ExclusionNoRelevance},
		{name: "abroad without cross-border",
			lot:  func(l *Lot) { l.PlaceNUTS, l.PlaceLocation = "LU000", &luxembourg },
			code: ExclusionOutsideArea},
		{name: "country-wide across the border, outside the Grande Région",
			lot:      func(l *Lot) { l.PlaceNUTS, l.PlaceLocation = "ITC11", nil },
			supplier: func(s *Supplier) { s.Offers[0].Area.AcceptsCrossBorder = true },
			code:     ExclusionOutsideArea},
		{name: "beyond the radius",
			supplier: func(s *Supplier) {
				s.Location = &nancy
				s.Offers[0].Area = domain.OfferArea{Mode: domain.AreaRadius, RadiusKM: 30}
			},
			code: ExclusionOutsideArea},
		{name: "radius, place position unknown",
			lot:      func(l *Lot) { l.PlaceLocation = nil },
			supplier: func(s *Supplier) { s.Offers[0].Area = domain.OfferArea{Mode: domain.AreaRadius, RadiusKM: 500} },
			code:     ExclusionOutsideArea},
		{name: "regions elsewhere",
			supplier: func(s *Supplier) {
				s.Offers[0].Area = domain.OfferArea{Mode: domain.AreaRegions, Regions: []string{"FRF1", "FRF34"}}
			},
			code: ExclusionOutsideArea},
		{name: "relevant offer elsewhere, area-covering offer irrelevant",
			supplier: func(s *Supplier) {
				s.Offers[0].Area = domain.OfferArea{Mode: domain.AreaRegions, Regions: []string{"FRF1"}}
				s.Offers = append(s.Offers, Offer{ID: "o2", CPV: []string{"45000000-7"}, Area: domain.OfferArea{Mode: domain.AreaCountry}})
			},
			code: ExclusionOutsideArea},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lot, s := baseLot(), baseSupplier("s1")
			if tt.lot != nil {
				tt.lot(&lot)
			}
			if tt.supplier != nil {
				tt.supplier(&s)
			}
			m, ex := Score(lot, s, at)
			if ex == nil {
				t.Fatalf("matched with %d: %+v", m.Score, m.Reasons)
			}
			if ex.Code != tt.code {
				t.Errorf("excluded for %s (%v), want %s", ex.Code, ex.Values, tt.code)
			}
		})
	}
}

// The same supplier matched a Luxembourg lot as an equivalent structure:
// a Luxembourg atelier protégé opens a Belgian or German reserved lot.
func TestScoreEquivalentStructureAcrossTheBorder(t *testing.T) {
	lot := baseLot()
	lot.PlaceNUTS, lot.PlaceLocation = "DEC01", nil
	lot.Clauses.ReservedParticipation = domain.ReservedShelteredWorkshops
	lot.Clauses.LegalBases = []domain.LegalBasis{domain.BasisDEGWB118}
	s := baseSupplier("s1")
	s.Country, s.Languages = "LU", []string{"fr", "de", "lb"}
	s.Eligibility.VerifiedStatuses = []domain.SSEStatus{status(domain.SSELuAtelierProtege, share(40))}
	s.Offers[0].Area.AcceptsCrossBorder = true
	m, ex := Score(lot, s, at)
	if ex != nil {
		t.Fatalf("excluded: %+v", ex)
	}
	want := PointsCPVExact + PointsAreaCrossBorder + PointsEligible + PointsLanguageTender
	if m.Score != want {
		t.Errorf("score %d, want %d: %+v", m.Score, want, m.Reasons)
	}
}

// The explanation lists relevance, area, eligibility, language and profile,
// in that order, and names the offer that matched best.
func TestScoreExplanation(t *testing.T) {
	s := baseSupplier("s1")
	s.Profile = Profile{Description: true, Logo: true, Contact: true, Location: true, Identifier: true}
	s.Offers = []Offer{
		{ID: "o-div", CPV: []string{"90500000-2"}, Area: domain.OfferArea{Mode: domain.AreaCountry}},
		{ID: "o-exact", CPV: []string{"90919200-4"}, Area: domain.OfferArea{Mode: domain.AreaRegions, Regions: []string{"FRF33"}}},
	}
	m, ex := Score(baseLot(), s, at)
	if ex != nil {
		t.Fatal(ex)
	}
	var codes []string
	for _, r := range m.Reasons {
		codes = append(codes, r.Code)
	}
	want := []string{ReasonCPVExact, ReasonAreaRegion, ReasonNotReserved, ReasonLanguageTender, ReasonProfile}
	if !slices.Equal(codes, want) {
		t.Errorf("reasons %v, want %v", codes, want)
	}
	if m.OfferID != "o-exact" || m.Score != MaxScore-PointsEligible {
		t.Errorf("offer %s score %d, want o-exact %d", m.OfferID, m.Score, MaxScore-PointsEligible)
	}
}

func TestRankOrder(t *testing.T) {
	near := baseSupplier("c-near") // exact CPV, Metz
	far := baseSupplier("b-far")   // same score, Nancy
	far.Location = &nancy
	unknown := baseSupplier("a-unknown") // same score, no position
	unknown.Location = nil
	twinA, twinB := baseSupplier("d-twin"), baseSupplier("e-twin") // same score and place as near
	better := baseSupplier("z-better")
	better.Profile.Logo = true
	worse := baseSupplier("0-worse")
	worse.Offers[0].CPV = []string{"90500000-2"}
	excluded := baseSupplier("excluded")
	excluded.Offers[0].CPV = []string{"45000000-7"}

	suppliers := []Supplier{unknown, excluded, twinB, far, worse, near, better, twinA}
	want := []string{"z-better", "c-near", "d-twin", "e-twin", "b-far", "a-unknown", "0-worse"}
	for range 3 {
		var got []string
		for _, m := range Rank(baseLot(), suppliers, at) {
			got = append(got, m.OrganisationID)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("order %v, want %v", got, want)
		}
		slices.Reverse(suppliers)
	}
}

func TestStem(t *testing.T) {
	for code, want := range map[string]string{
		"90919200-4": "909192", "90910000-9": "9091", "45000000-7": "45", "03000000": "03", "10101010": "1010101",
	} {
		if got, ok := stem(code); !ok || got != want {
			t.Errorf("stem(%s) = %q, %v; want %q", code, got, ok, want)
		}
	}
	for _, bad := range []string{"", "9091", "9091x000"} {
		if _, ok := stem(bad); ok {
			t.Errorf("stem(%q) accepted", bad)
		}
	}
}

func TestDistanceAndNUTSCountry(t *testing.T) {
	if d := DistanceKM(metz, nancy); d < 45 || d > 50 {
		t.Errorf("Metz–Nancy %.1f km", d)
	}
	if NUTSCountry("EL301") != "GR" || NUTSCountry("LU000") != "LU" || NUTSCountry("F") != "" {
		t.Error("NUTSCountry")
	}
}
