package ocds_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
	"passerelle/internal/ocds"
	"passerelle/internal/ocds/ocdstest"
)

var (
	published = time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)
	recorded  = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
)

func amount(c int64) *int64 { return &c }

// sample is a tender with a reserved lot awarded through Passerelle, a
// lot with social criteria awarded to another company and a lot not
// awarded.
func sample() ocds.Source {
	hours := 1200
	reserved := domain.DefaultLotClauses()
	reserved.ReservedParticipation = domain.ReservedShelteredWorkshops
	reserved.LegalBases = []domain.LegalBasis{domain.BasisFRL211312}
	social := domain.DefaultLotClauses()
	social.StrategicProcurement = []domain.StrategicProcurement{domain.StrategicSocial}
	social.SocialObjectives = []domain.SocialObjective{domain.SocialOpportunities}
	social.Insertion = &domain.InsertionClause{Hours: &hours, EligibleGroups: []domain.EligibleGroup{domain.GroupLongTermUnemployed},
		Means: []domain.InsertionMeans{domain.MeansDirectHire}, Facilitator: &domain.Facilitator{Name: "Claire Dupont", Email: "claire@example.org"}}
	social.AwardCriteria = []domain.AwardCriterion{
		{Type: domain.CriterionPrice, Name: "Prix", WeightType: domain.WeightPercentExact, Weight: 60},
		{Type: domain.CriterionQuality, Name: "Insertion", WeightType: domain.WeightPercentExact, Weight: 40, Social: true},
	}
	return ocds.Source{
		Tender: domain.Tender{ID: "t1", OrganisationID: "buyer1", Kind: domain.TenderFormal, State: domain.TenderAwarded,
			OriginalLanguage: domain.LangFR, PlaceNUTS: "FRF33", PlaceTown: "Metz",
			QuestionsDeadline: published.AddDate(0, 0, 20), ResponsesDeadline: published.AddDate(0, 0, 30), PublishedAt: &published,
			Texts: []domain.TenderText{{Language: domain.LangFR, Title: "Entretien des espaces verts", Description: "Trois lots.", Original: true}},
			Lots: []domain.TenderLot{
				{ID: "lot1", Position: 1, Title: "Tonte", CPV: []string{"77311000-3"}, Clauses: reserved,
					Outcome: &domain.LotOutcome{LotID: "lot1", Result: domain.LotAwardedPasserelle, SupplierID: "sup1",
						AmountCents: amount(1234550), Currency: "EUR", RecordedAt: recorded}},
				{ID: "lot2", Position: 2, Title: "Élagage", Clauses: social,
					Outcome: &domain.LotOutcome{LotID: "lot2", Result: domain.LotAwardedOther, AmountCents: amount(800000),
						Currency: "EUR", RecordedAt: recorded}},
				{ID: "lot3", Position: 3, Title: "Fleurissement", Clauses: domain.DefaultLotClauses(),
					Outcome: &domain.LotOutcome{LotID: "lot3", Result: domain.LotNotAwarded, Currency: "EUR", RecordedAt: recorded}},
			}},
		ReleasedAt: recorded,
		Buyer: &domain.Organisation{ID: "buyer1", LegalName: "Commune de Val-de-Moselle", Country: "FR", Town: "Metz", Postcode: "57000",
			Identifiers: []domain.LegalIdentifier{{Kind: legalid.FRSIRET, Value: "21570463900019"}}},
		Suppliers: map[string]domain.Organisation{"sup1": {ID: "sup1", LegalName: "ESAT du Saulnois", Country: "FR",
			Identifiers: []domain.LegalIdentifier{{Kind: legalid.FRVAT, Value: "FR12345678901"}, {Kind: legalid.FRSIREN, Value: "123456789"}}}},
		AwardAmounts: true,
	}
}

func encode(t *testing.T, v any) []byte {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestReleaseOfAnAwardedTenderIsAValidPackage(t *testing.T) {
	r := ocds.BuildRelease("ocds-test", sample())
	pkg := ocds.NewPackage("https://passerelle.example/api/v1/ocds/tenders/t1", "Passerelle", "https://passerelle.example",
		"https://passerelle.example/developers#open-data", []ocds.Release{r}, recorded.Add(time.Hour))
	raw := encode(t, pkg)
	ocdstest.Valid(t, raw)

	if r.OCID != "ocds-test-t1" || r.Date != "2026-11-20T09:30:00Z" || strings.Join(r.Tag, ",") != "tender,award" {
		t.Errorf("ocid, date, tag = %s, %s, %v", r.OCID, r.Date, r.Tag)
	}
	if pkg.PublishedDate != r.Date || pkg.License != ocds.License || pkg.Version != "1.1" {
		t.Errorf("package = %s %s %s", pkg.PublishedDate, pkg.License, pkg.Version)
	}
	if r.Tender.Status != "complete" || r.Tender.TenderPeriod.StartDate != "2026-10-01T08:00:00Z" || r.Tender.TenderPeriod.EndDate != "2026-10-31T08:00:00Z" {
		t.Errorf("tender = %+v", r.Tender)
	}
	lots := r.Tender.Lots
	if len(lots) != 3 || lots[0].OtherRequirements == nil || lots[0].OtherRequirements.ReservedParticipation[0] != "shelteredWorkshop" {
		t.Fatalf("lots = %+v", lots)
	}
	if lots[0].Clauses.ReservedParticipation != "res-ws" || lots[0].Clauses.LegalBases[0] != "FR_L2113_12" || lots[1].OtherRequirements != nil {
		t.Errorf("reserved lot clauses = %+v, lot 2 = %+v", lots[0].Clauses, lots[1].OtherRequirements)
	}
	c := lots[1].Clauses
	if c.StrategicProcurement[0] != "soc-obj" || c.SocialObjectives[0] != "opp" || len(c.AwardCriteria) != 2 || !c.AwardCriteria[1].Social ||
		c.AwardCriteria[1].Weight != 40 || c.Insertion == nil || *c.Insertion.Hours != 1200 {
		t.Errorf("social lot clauses = %+v", c)
	}
	if strings.Contains(string(raw), "claire") || strings.Contains(string(raw), "Claire Dupont") {
		t.Error("the facilitator's contact details are published")
	}
	if lots[0].Status != "complete" || lots[2].Status != "unsuccessful" {
		t.Errorf("lot statuses = %s, %s", lots[0].Status, lots[2].Status)
	}
	if len(r.Tender.Items) != 1 || r.Tender.Items[0].Classification.ID != "77311000" || r.Tender.Items[0].RelatedLot != "lot1" {
		t.Errorf("items = %+v", r.Tender.Items)
	}

	if len(r.Awards) != 3 {
		t.Fatalf("awards = %+v", r.Awards)
	}
	a := r.Awards[0]
	if a.Status != "active" || a.Value == nil || a.Value.Amount != 12345.50 || a.Value.Currency != "EUR" ||
		len(a.Suppliers) != 1 || a.Suppliers[0].ID != "sup1" || a.RelatedLots[0] != "lot1" {
		t.Errorf("award of lot 1 = %+v", a)
	}
	if r.Awards[1].Suppliers != nil || r.Awards[1].Value.Amount != 8000 {
		t.Errorf("award to another company = %+v", r.Awards[1])
	}
	if r.Awards[2].Status != "unsuccessful" || r.Awards[2].Value != nil {
		t.Errorf("lot not awarded = %+v", r.Awards[2])
	}

	if len(r.Parties) != 2 || r.Buyer == nil || r.Buyer.ID != "buyer1" {
		t.Fatalf("parties = %+v, buyer = %+v", r.Parties, r.Buyer)
	}
	buyer, supplier := r.Parties[0], r.Parties[1]
	if strings.Join(buyer.Roles, ",") != "buyer,procuringEntity" || buyer.Identifier.Scheme != "FR-SIRET" ||
		buyer.Identifier.ID != "21570463900019" || buyer.Address.CountryName != "France" {
		t.Errorf("buyer party = %+v", buyer)
	}
	// A VAT number is an additional identifier; the SIREN is the main one.
	if strings.Join(supplier.Roles, ",") != "supplier" || supplier.Identifier.Scheme != "FR-SIREN" ||
		len(supplier.AdditionalIdentifiers) != 1 || supplier.AdditionalIdentifiers[0].Scheme != "FR-VAT" {
		t.Errorf("supplier party = %+v", supplier)
	}
}

func TestAnonymousBuyerIsNotNamed(t *testing.T) {
	s := sample()
	s.Buyer = nil
	r := ocds.BuildRelease("ocds-test", s)
	if r.Buyer != nil || len(r.Parties) != 1 || r.Parties[0].Roles[0] != "supplier" {
		t.Errorf("buyer = %+v, parties = %+v", r.Buyer, r.Parties)
	}
	ocdstest.Valid(t, encode(t, ocds.NewPackage("https://passerelle.example/x", "Passerelle", "", "", []ocds.Release{r}, recorded)))
}

func TestOpenTenderHasNoAwards(t *testing.T) {
	s := sample()
	s.Tender.State = domain.TenderPublished
	for i := range s.Tender.Lots {
		s.Tender.Lots[i].Outcome = nil
	}
	r := ocds.BuildRelease("ocds-test", s)
	if len(r.Awards) != 0 || strings.Join(r.Tag, ",") != "tender" || r.Tender.Status != "active" || r.Tender.Lots[0].Status != "active" {
		t.Errorf("release = %+v", r)
	}
	ocdstest.Valid(t, encode(t, ocds.NewPackage("https://passerelle.example/x", "Passerelle", "", "", []ocds.Release{r}, recorded)))
}

func TestEmptyPackageIsValid(t *testing.T) {
	pkg := ocds.NewPackage("https://passerelle.example/api/v1/ocds/releases", "Passerelle", "", "", nil, recorded)
	raw := encode(t, pkg)
	ocdstest.Valid(t, raw)
	if !strings.Contains(string(raw), `"releases":[]`) || pkg.PublishedDate != "2026-11-20T09:30:00Z" {
		t.Errorf("empty package = %s", raw)
	}
}

// TestSchemaRefusesBrokenPackages proves the check can fail: each broken
// package is refused.
func TestSchemaRefusesBrokenPackages(t *testing.T) {
	r := ocds.BuildRelease("ocds-test", sample())
	good := ocds.NewPackage("https://passerelle.example/p", "Passerelle", "", "", []ocds.Release{r}, recorded)
	breakages := map[string]func(m map[string]any){
		"no ocid":          func(m map[string]any) { delete(release(m), "ocid") },
		"unknown tag":      func(m map[string]any) { release(m)["tag"] = []any{"awarded"} },
		"bad date":         func(m map[string]any) { release(m)["date"] = "20 November 2026" },
		"no tender id":     func(m map[string]any) { delete(release(m)["tender"].(map[string]any), "id") },
		"bad award status": func(m map[string]any) { release(m)["awards"].([]any)[0].(map[string]any)["status"] = "won" },
		"no version":       func(m map[string]any) { delete(m, "version") },
		"relative uri":     func(m map[string]any) { m["uri"] = "releases" },
		"bad BT-71": func(m map[string]any) {
			release(m)["tender"].(map[string]any)["lots"].([]any)[0].(map[string]any)["passerelle:clauses"].(map[string]any)["BT-71"] = "reserved"
		},
	}
	for name, breakIt := range breakages {
		var m map[string]any
		if err := json.Unmarshal(encode(t, good), &m); err != nil {
			t.Fatal(err)
		}
		breakIt(m)
		if ocdstest.Check(encode(t, m)) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func release(m map[string]any) map[string]any { return m["releases"].([]any)[0].(map[string]any) }

// A tender whose awards' amounts are not published (a private company's)
// keeps its awards, their winners and dates, without any value.
func TestAwardsWithoutAmounts(t *testing.T) {
	s := sample()
	s.AwardAmounts = false
	r := ocds.BuildRelease("ocds-test", s)
	raw := encode(t, ocds.NewPackage("https://passerelle.example/x", "Passerelle", "", "", []ocds.Release{r}, recorded))
	ocdstest.Valid(t, raw)
	if len(r.Awards) != 3 || r.Awards[0].Status != "active" || len(r.Awards[0].Suppliers) != 1 {
		t.Fatalf("awards = %+v", r.Awards)
	}
	for _, a := range r.Awards {
		if a.Value != nil {
			t.Errorf("award %s has a value: %+v", a.ID, a.Value)
		}
	}
	if strings.Contains(string(raw), `"value"`) || strings.Contains(string(raw), "12345.5") {
		t.Errorf("an amount is published: %s", raw)
	}
}

// TestRequiredFieldsOneByOne: the package passes the field-by-field check
// of the OCDS 1.1 required fields, and that check, apart from the schema,
// reports each one taken away.
func TestRequiredFieldsOneByOne(t *testing.T) {
	r := ocds.BuildRelease("ocds-test", sample())
	good := encode(t, ocds.NewPackage("https://passerelle.example/p", "Passerelle", "", "", []ocds.Release{r}, recorded))
	if err := ocdstest.CheckRequired(good); err != nil {
		t.Fatalf("our package: %v", err)
	}
	tender := func(m map[string]any) map[string]any { return release(m)["tender"].(map[string]any) }
	breakages := map[string]func(m map[string]any){
		"package.uri":                    func(m map[string]any) { delete(m, "uri") },
		"package.publishedDate":          func(m map[string]any) { delete(m, "publishedDate") },
		"package.publisher":              func(m map[string]any) { delete(m, "publisher") },
		"package.publisher.name":         func(m map[string]any) { m["publisher"] = map[string]any{"uri": "https://x.example"} },
		"package.releases":               func(m map[string]any) { delete(m, "releases") },
		"package.version":                func(m map[string]any) { m["version"] = "1.0" },
		"releases[0].ocid":               func(m map[string]any) { delete(release(m), "ocid") },
		"releases[0].id":                 func(m map[string]any) { release(m)["id"] = "" },
		"releases[0].date":               func(m map[string]any) { delete(release(m), "date") },
		"releases[0].tag":                func(m map[string]any) { release(m)["tag"] = []any{} },
		"releases[0].initiationType":     func(m map[string]any) { delete(release(m), "initiationType") },
		"releases[0].tender.id":          func(m map[string]any) { delete(tender(m), "id") },
		"releases[0].tender.lots[1].id":  func(m map[string]any) { delete(tender(m)["lots"].([]any)[1].(map[string]any), "id") },
		"releases[0].tender.items[0].id": func(m map[string]any) { delete(tender(m)["items"].([]any)[0].(map[string]any), "id") },
		"releases[0].awards[2].id":       func(m map[string]any) { delete(release(m)["awards"].([]any)[2].(map[string]any), "id") },
		"releases[0].contracts[0].awardID": func(m map[string]any) {
			release(m)["contracts"] = []any{map[string]any{"id": "c1"}}
		},
	}
	for want, breakIt := range breakages {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		breakIt(m)
		err := ocdstest.CheckRequired(encode(t, m))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("without %s: %v", want, err)
		}
	}
}
