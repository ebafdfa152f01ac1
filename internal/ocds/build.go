package ocds

import (
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
)

// Source is what a release is built from: a public tender, its buyer
// (nil when the buyer stays anonymous), the Passerelle suppliers its
// outcomes name, by id, and whether the awards' amounts are published.
type Source struct {
	Tender     domain.Tender
	ReleasedAt time.Time
	Buyer      *domain.Organisation
	Suppliers  map[string]domain.Organisation
	// AwardAmounts publishes the recorded amounts as the awards' values
	// (a public buyer's tender); without it the awards have no value.
	AwardAmounts bool
}

// OCID is the contracting process identifier of a tender under prefix.
func OCID(prefix, tenderID string) string { return prefix + "-" + tenderID }

// BuildRelease maps one public tender to a release.
func BuildRelease(prefix string, s Source) Release {
	t := s.Tender
	original := t.Original()
	r := Release{
		OCID:           OCID(prefix, t.ID),
		ID:             t.ID + "-" + s.ReleasedAt.UTC().Format("20060102T150405Z"),
		Date:           stamp(s.ReleasedAt),
		Tag:            []string{"tender"},
		InitiationType: "tender",
		Language:       string(t.OriginalLanguage),
		Tender: Tender{
			ID: t.ID, Title: original.Title, Description: original.Description, Status: tenderStatus(t.State),
			ProcurementMethod: "open", ProcurementMethodDetails: string(t.Kind),
			EnquiryPeriod:      &Period{EndDate: stamp(t.QuestionsDeadline)},
			SubmissionMethod:   []string{"electronicSubmission"},
			PlaceOfPerformance: &Place{NUTS: t.PlaceNUTS, Town: t.PlaceTown},
		},
	}
	r.Tender.TenderPeriod = &Period{EndDate: stamp(t.ResponsesDeadline)}
	if t.PublishedAt != nil {
		r.Tender.TenderPeriod.StartDate = stamp(*t.PublishedAt)
	}
	if s.Buyer != nil {
		r.Buyer = &OrganizationRef{ID: s.Buyer.ID, Name: displayName(*s.Buyer)}
		r.Parties = append(r.Parties, party(*s.Buyer, "buyer", "procuringEntity"))
	}
	seen := map[string]bool{}
	for _, l := range t.Lots {
		r.Tender.Lots = append(r.Tender.Lots, lot(l, r.Tender.Status))
		for _, code := range l.CPV {
			r.Tender.Items = append(r.Tender.Items, Item{ID: l.ID + "-" + cpv8(code),
				Classification: &Classification{Scheme: "CPV", ID: cpv8(code)}, RelatedLot: l.ID})
		}
		if l.Outcome == nil {
			continue
		}
		a := award(*l.Outcome, l.ID)
		if !s.AwardAmounts {
			a.Value = nil
		}
		if sup, ok := s.Suppliers[l.Outcome.SupplierID]; ok && l.Outcome.Result == domain.LotAwardedPasserelle {
			a.Suppliers = []OrganizationRef{{ID: sup.ID, Name: displayName(sup)}}
			if !seen[sup.ID] {
				seen[sup.ID] = true
				r.Parties = append(r.Parties, party(sup, "supplier"))
			}
		}
		r.Awards = append(r.Awards, a)
	}
	if len(r.Awards) > 0 {
		r.Tag = append(r.Tag, "award")
	}
	return r
}

// NewPackage wraps releases in a package published at uri; its
// publishedDate is that of its latest release, or now when it has none.
func NewPackage(uri, publisherName, publisherURI, policy string, releases []Release, now time.Time) Package {
	published := stamp(now)
	if len(releases) > 0 {
		published = releases[0].Date
		for _, r := range releases[1:] {
			if r.Date > published { // RFC 3339 in UTC sorts as text
				published = r.Date
			}
		}
	}
	if releases == nil {
		releases = []Release{}
	}
	return Package{URI: uri, Version: Version, Extensions: []string{LotsExtension, OtherRequirementsExtension, PaginationExtension},
		PublishedDate: published, Publisher: Publisher{Name: publisherName, URI: publisherURI}, License: License,
		PublicationPolicy: policy, Releases: releases}
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func tenderStatus(s domain.TenderState) string {
	switch s {
	case domain.TenderAwarded:
		return "complete"
	case domain.TenderNotAwarded:
		return "unsuccessful"
	default: // published, closed: the process is under way
		return "active"
	}
}

func lot(l domain.TenderLot, tenderStatus string) Lot {
	out := Lot{ID: l.ID, Title: l.Title, Description: l.Description, Status: tenderStatus, Clauses: clauses(l.Clauses)}
	if l.Outcome != nil {
		out.Status = "complete"
		if l.Outcome.Result == domain.LotNotAwarded {
			out.Status = "unsuccessful"
		}
	}
	switch l.Clauses.ReservedParticipation {
	case domain.ReservedShelteredWorkshops:
		out.OtherRequirements = &OtherRequirements{ReservedParticipation: []string{"shelteredWorkshop"}}
	case domain.ReservedPublicService:
		out.OtherRequirements = &OtherRequirements{ReservedParticipation: []string{"publicServiceMissionOrganization"}}
	}
	return out
}

func clauses(c domain.LotClauses) Clauses {
	out := Clauses{ReservedParticipation: string(c.ReservedParticipation), ReservedExecution: string(c.ReservedExecution),
		StrategicProcurement: codes(c.StrategicProcurement), StrategicDescription: c.StrategicDescription,
		SocialObjectives: codes(c.SocialObjectives), GreenObjectives: codes(c.GreenObjectives),
		Accessibility: string(c.Accessibility), ExecutionConditions: c.ExecutionConditions, LegalBases: codes(c.LegalBases)}
	if out.StrategicProcurement == nil {
		out.StrategicProcurement = []string{}
	}
	if c.Insertion != nil {
		out.Insertion = &Insertion{Hours: c.Insertion.Hours, LabourShare: c.Insertion.LabourShare,
			EligibleGroups: nonNil(codes(c.Insertion.EligibleGroups)), Means: nonNil(codes(c.Insertion.Means))}
	}
	for _, a := range c.AwardCriteria {
		out.AwardCriteria = append(out.AwardCriteria, Criterion{Type: string(a.Type), Name: a.Name, Description: a.Description,
			WeightType: string(a.WeightType), Weight: a.Weight, Social: a.Social})
	}
	return out
}

func award(o domain.LotOutcome, lotID string) Award {
	a := Award{ID: "award-" + lotID, Status: "active", Date: stamp(o.RecordedAt), RelatedLots: []string{lotID}}
	if o.Result == domain.LotNotAwarded {
		a.Status = "unsuccessful"
	}
	if o.AmountCents != nil {
		a.Value = &Value{Amount: float64(*o.AmountCents) / 100, Currency: o.Currency}
	}
	return a
}

func party(o domain.Organisation, roles ...string) Party {
	p := Party{ID: o.ID, Name: displayName(o), Roles: roles}
	for _, id := range o.Identifiers {
		ident := Identifier{Scheme: Scheme(id.Kind), ID: id.Value, LegalName: o.LegalName}
		if p.Identifier == nil && !strings.HasSuffix(ident.Scheme, "-VAT") {
			p.Identifier = &ident
			continue
		}
		p.AdditionalIdentifiers = append(p.AdditionalIdentifiers, ident)
	}
	if o.Town != "" || o.Postcode != "" || o.Country != "" {
		p.Address = &Address{Locality: o.Town, PostalCode: o.Postcode, CountryName: countryName(o.Country)}
	}
	return p
}

// Scheme is the org-id.guide list code of a kind of legal identifier; VAT
// numbers, which org-id.guide does not list per country, get "<country>-VAT".
func Scheme(k legalid.Kind) string {
	switch k {
	case legalid.FRSIRET:
		return "FR-SIRET"
	case legalid.FRSIREN:
		return "FR-SIREN"
	case legalid.BEEnterprise:
		return "BE-BCE_KBO"
	case legalid.LURCS:
		return "LU-RCS"
	case legalid.DEHandelsregister:
		return "DE-CR"
	}
	country, _, _ := strings.Cut(string(k), "_")
	return strings.ToUpper(country) + "-VAT"
}

func displayName(o domain.Organisation) string {
	if o.TradeName != "" {
		return o.TradeName
	}
	return o.LegalName
}

// countryName is the English name of the countries Passerelle serves;
// others keep their ISO code (OCDS 1.1 has only a free-text country name).
func countryName(code string) string {
	names := map[string]string{"FR": "France", "DE": "Germany", "BE": "Belgium", "LU": "Luxembourg", "NL": "Netherlands"}
	if n, ok := names[code]; ok {
		return n
	}
	return code
}

// cpv8 is a CPV code without its check digit, as OCDS examples give it.
func cpv8(code string) string {
	c, _, _ := strings.Cut(code, "-")
	return c
}

func codes[T ~string](xs []T) []string {
	if len(xs) == 0 {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
