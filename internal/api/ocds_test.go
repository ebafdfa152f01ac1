package api

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/ocds/ocdstest"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// openDataWorld is a buyer with an awarded tender (a reserved lot won by a
// Passerelle supplier, a lot with social criteria won by another company),
// a published tender, and tenders that must never be published: a draft,
// one waiting for moderation, a cancelled one and one of a suspended buyer.
type openDataWorld struct {
	awarded, open                                   domain.Tender
	draft, pending, cancelled, suspended, anonymous domain.Tender
	buyer, supplier                                 domain.Organisation
}

const secretResponse = "Notre offre confidentielle SECRET-RESPONSE-TEXT"

func newOpenDataWorld(t *testing.T, e *env) openDataWorld {
	t.Helper()
	ctx := context.Background()
	var w openDataWorld
	w.buyer = e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Commune de Val-de-Moselle"})
	w.supplier = e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, LegalName: "ESAT du Saulnois"})
	w.awarded = e.db.Tender(t, w.buyer.ID, storetest.TenderOptions{State: domain.TenderAwarded,
		Texts:       []domain.TenderText{{Language: domain.LangFR, Title: "Entretien des espaces verts"}},
		PublishedAt: time.Now().Add(-48 * time.Hour),
		Lots: []domain.TenderLot{
			{Title: "Tonte", Clauses: domain.LotClauses{ReservedParticipation: domain.ReservedShelteredWorkshops,
				LegalBases: []domain.LegalBasis{domain.BasisFRL211312}}},
			{Title: "Élagage"},
		}})
	social := domain.DefaultLotClauses()
	social.StrategicProcurement = []domain.StrategicProcurement{domain.StrategicSocial}
	social.SocialObjectives = []domain.SocialObjective{domain.SocialOpportunities}
	social.AwardCriteria = []domain.AwardCriterion{
		{Type: domain.CriterionPrice, Name: "Prix", WeightType: domain.WeightPercentExact, Weight: 70},
		{Type: domain.CriterionQuality, Name: "Heures d'insertion", WeightType: domain.WeightPercentExact, Weight: 30, Social: true},
	}
	lot2 := w.awarded.Lots[1]
	lot2.Clauses = social
	price := int64(999999)
	err := e.db.Store.WithTx(ctx, func(tx *store.Tx) error {
		now := time.Now()
		if _, err := tx.UpdateTenderLot(ctx, lot2, now); err != nil {
			return err
		}
		won, other := int64(1234550), int64(800000)
		if _, err := tx.SaveLotOutcome(ctx, domain.LotOutcome{LotID: w.awarded.Lots[0].ID, Result: domain.LotAwardedPasserelle,
			SupplierID: w.supplier.ID, AmountCents: &won, Currency: "EUR"}, "", now); err != nil {
			return err
		}
		if _, err := tx.SaveLotOutcome(ctx, domain.LotOutcome{LotID: lot2.ID, Result: domain.LotAwardedOther,
			AmountCents: &other, Currency: "EUR"}, "", now); err != nil {
			return err
		}
		_, err := tx.CreateResponse(ctx, domain.Response{TenderID: w.awarded.ID, LotID: w.awarded.Lots[0].ID,
			OrganisationID: w.supplier.ID, State: domain.ResponseDraft, Message: secretResponse, PriceCents: &price,
			Currency: "EUR", PriceText: "SECRET-PRICE-TEXT"}, now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	w.open = e.db.Tender(t, w.buyer.ID, storetest.TenderOptions{PublishedAt: time.Now().Add(-24 * time.Hour)})
	w.draft = e.db.Tender(t, w.buyer.ID, storetest.TenderOptions{State: domain.TenderDraft})
	w.pending = e.db.Tender(t, w.buyer.ID, storetest.TenderOptions{State: domain.TenderPending})
	w.cancelled = e.db.Tender(t, w.buyer.ID, storetest.TenderOptions{State: domain.TenderCancelled})
	suspendedBuyer := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, Status: domain.OrgSuspended})
	w.suspended = e.db.Tender(t, suspendedBuyer.ID, storetest.TenderOptions{})
	w.anonymous = e.db.Tender(t, w.buyer.ID, storetest.TenderOptions{Anonymous: true, PublishedAt: time.Now().Add(-72 * time.Hour)})
	// Unchanged since publication: their release date is their publication's.
	if _, err := e.db.Pool.Exec(ctx, "UPDATE tenders SET updated_at = published_at WHERE state = 'published'"); err != nil {
		t.Fatal(err)
	}
	return w
}

func TestOCDSTenderPackage(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := newOpenDataWorld(t, e)
	c := e.client()

	r := c.expect(http.StatusOK, "GET", "/api/v1/ocds/tenders/"+w.awarded.ID, nil)
	ocdstest.Valid(t, []byte(r.raw))
	if r.header.Get("Cache-Control") == "" {
		t.Error("no Cache-Control")
	}
	if strings.Contains(r.raw, "SECRET") || strings.Contains(r.raw, "9999.99") {
		t.Errorf("a response leaks into open data: %s", r.raw)
	}
	pkg := r.body
	if pkg["uri"] != "http://localhost:8080/api/v1/ocds/tenders/"+w.awarded.ID || pkg["version"] != "1.1" ||
		pkg["license"] != "https://creativecommons.org/licenses/by/4.0/" {
		t.Errorf("package = %v %v %v", pkg["uri"], pkg["version"], pkg["license"])
	}
	releases := pkg["releases"].([]any)
	if len(releases) != 1 {
		t.Fatalf("releases = %v", releases)
	}
	rel := releases[0].(map[string]any)
	if rel["ocid"] != "ocds-passerelle-"+w.awarded.ID || rel["initiationType"] != "tender" {
		t.Errorf("ocid = %v", rel["ocid"])
	}
	tender := rel["tender"].(map[string]any)
	if tender["title"] != "Entretien des espaces verts" || tender["status"] != "complete" {
		t.Errorf("tender = %v", tender)
	}
	lots := tender["lots"].([]any)
	reserved := lots[0].(map[string]any)
	if reserved["otherRequirements"].(map[string]any)["reservedParticipation"].([]any)[0] != "shelteredWorkshop" {
		t.Errorf("reserved lot = %v", reserved)
	}
	clauses := lots[1].(map[string]any)["passerelle:clauses"].(map[string]any)
	criteria := clauses["awardCriteria"].([]any)
	if clauses["BT-06"].([]any)[0] != "soc-obj" || clauses["BT-775"].([]any)[0] != "opp" || len(criteria) != 2 ||
		criteria[1].(map[string]any)["social"] != true {
		t.Errorf("social lot clauses = %v", clauses)
	}
	awards := rel["awards"].([]any)
	won := awards[0].(map[string]any)
	if won["value"].(map[string]any)["amount"] != 12345.5 || won["suppliers"].([]any)[0].(map[string]any)["id"] != w.supplier.ID {
		t.Errorf("award = %v", won)
	}
	if awards[1].(map[string]any)["value"].(map[string]any)["amount"] != 8000.0 {
		t.Errorf("award to another company = %v", awards[1])
	}
	roles := map[string]string{}
	for _, p := range rel["parties"].([]any) {
		p := p.(map[string]any)
		roles[p["id"].(string)] = strings.Join(strs(p["roles"]), ",")
	}
	if roles[w.buyer.ID] != "buyer,procuringEntity" || roles[w.supplier.ID] != "supplier" || len(roles) != 2 {
		t.Errorf("parties = %v", roles)
	}

	// Never published: drafts, waiting, cancelled, a suspended buyer's.
	for name, tn := range map[string]domain.Tender{"draft": w.draft, "pending": w.pending, "cancelled": w.cancelled, "suspended": w.suspended} {
		if r := c.do("GET", "/api/v1/ocds/tenders/"+tn.ID, nil); r.status != http.StatusNotFound {
			t.Errorf("%s tender: %d", name, r.status)
		}
	}
	c.expect(http.StatusNotFound, "GET", "/api/v1/ocds/tenders/not-a-uuid", nil)

	// An anonymous buyer is not named.
	anon := c.expect(http.StatusOK, "GET", "/api/v1/ocds/tenders/"+w.anonymous.ID, nil)
	ocdstest.Valid(t, []byte(anon.raw))
	if strings.Contains(anon.raw, w.buyer.ID) || strings.Contains(anon.raw, w.buyer.LegalName) {
		t.Errorf("anonymous buyer named: %s", anon.raw)
	}
}

func TestOCDSReleasesPackage(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := newOpenDataWorld(t, e)
	c := e.client()

	r := c.expect(http.StatusOK, "GET", "/api/v1/ocds/releases", nil)
	ocdstest.Valid(t, []byte(r.raw))
	if strings.Contains(r.raw, "SECRET") {
		t.Errorf("a response leaks into open data")
	}
	got := tenderIDs(r.body)
	// Newest release first: the awarded one (outcomes recorded now), the
	// open one (published a day ago), the anonymous one (three days ago).
	want := []string{w.awarded.ID, w.open.ID, w.anonymous.ID}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("releases = %v, want %v", got, want)
	}
	if _, ok := r.body["links"]; ok {
		t.Errorf("links on the only page: %v", r.body["links"])
	}

	// One by one, following links.next.
	var paged []string
	path := "/api/v1/ocds/releases?limit=1"
	for range 5 {
		p := c.expect(http.StatusOK, "GET", path, nil)
		ocdstest.Valid(t, []byte(p.raw))
		paged = append(paged, tenderIDs(p.body)...)
		links, ok := p.body["links"].(map[string]any)
		if !ok {
			break
		}
		u, err := url.Parse(links["next"].(string))
		if err != nil {
			t.Fatal(err)
		}
		path = u.RequestURI() + "&limit=1"
	}
	if strings.Join(paged, ",") != strings.Join(want, ",") {
		t.Errorf("paged releases = %v, want %v", paged, want)
	}

	// since keeps the recent ones only.
	since := url.QueryEscape(time.Now().Add(-36 * time.Hour).UTC().Format(time.RFC3339))
	recent := c.expect(http.StatusOK, "GET", "/api/v1/ocds/releases?since="+since, nil)
	if got := tenderIDs(recent.body); strings.Join(got, ",") != w.awarded.ID+","+w.open.ID {
		t.Errorf("since: %v", got)
	}
	bad := c.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/ocds/releases?since=yesterday", nil)
	if !strings.Contains(bad.raw, "query.since") {
		t.Errorf("bad since: %s", bad.raw)
	}
	c.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/ocds/releases?cursor=nonsense", nil)
}

func tenderIDs(pkg map[string]any) []string {
	var out []string
	for _, r := range pkg["releases"].([]any) {
		out = append(out, r.(map[string]any)["tender"].(map[string]any)["id"].(string))
	}
	return out
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// A suspended supplier is not named in open data: the award stays (its
// lot, status, date and amount) without its supplier, and the supplier is
// no party.
func TestOCDSSuspendedSupplierIsNotNamed(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := newOpenDataWorld(t, e)
	c := e.client()
	ctx := context.Background()
	if _, err := e.db.Pool.Exec(ctx, "INSERT INTO organisation_identifiers (organisation_id, kind, value) VALUES ($1, 'fr_siren', '552100554')",
		w.supplier.ID); err != nil {
		t.Fatal(err)
	}
	named := c.expect(http.StatusOK, "GET", "/api/v1/ocds/tenders/"+w.awarded.ID, nil)
	if !strings.Contains(named.raw, w.supplier.LegalName) || !strings.Contains(named.raw, "552100554") {
		t.Fatalf("the active supplier is not named: %s", named.raw)
	}
	if _, err := e.db.Pool.Exec(ctx, "UPDATE organisations SET status = 'suspended' WHERE id = $1", w.supplier.ID); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/v1/ocds/tenders/" + w.awarded.ID, "/api/v1/ocds/releases"} {
		r := c.expect(http.StatusOK, "GET", path, nil)
		ocdstest.Valid(t, []byte(r.raw))
		for _, leak := range []string{w.supplier.ID, w.supplier.LegalName, "552100554"} {
			if strings.Contains(r.raw, leak) {
				t.Errorf("%s names the suspended supplier (%s)", path, leak)
			}
		}
		var rel map[string]any
		for _, x := range r.body["releases"].([]any) {
			if x.(map[string]any)["tender"].(map[string]any)["id"] == w.awarded.ID {
				rel = x.(map[string]any)
			}
		}
		if rel == nil {
			t.Fatalf("%s: no release of the awarded tender", path)
		}
		won := rel["awards"].([]any)[0].(map[string]any)
		if won["status"] != "active" || won["relatedLots"].([]any)[0] != w.awarded.Lots[0].ID || won["suppliers"] != nil {
			t.Errorf("%s: award of the suspended supplier = %v", path, won)
		}
	}
}

// awardedTender inserts a tender of a new buyer of kind, awarded with one
// lot won by another company for amount cents.
func awardedTender(t *testing.T, e *env, kind domain.OrganisationKind, cents int64) domain.Tender {
	t.Helper()
	ctx := context.Background()
	buyer := e.db.Organisation(t, storetest.OrganisationOptions{Kind: kind})
	tn := e.db.Tender(t, buyer.ID, storetest.TenderOptions{State: domain.TenderAwarded, PublishedAt: time.Now().Add(-96 * time.Hour)})
	err := e.db.Store.WithTx(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveLotOutcome(ctx, domain.LotOutcome{LotID: tn.Lots[0].ID, Result: domain.LotAwardedOther,
			AmountCents: &cents, Currency: "EUR"}, "", time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tn
}

// Award amounts are public for a public buyer's tender, never for a
// private company's: its award is published without a value, and the
// statistics sum the public buyers' amounts only.
func TestOCDSAwardAmountsOnlyOfPublicBuyers(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	public := awardedTender(t, e, domain.OrgPublicBuyer, 4242400)
	private := awardedTender(t, e, domain.OrgPrivateBuyer, 7777700)
	c := e.client()

	pub := c.expect(http.StatusOK, "GET", "/api/v1/ocds/tenders/"+public.ID, nil)
	ocdstest.Valid(t, []byte(pub.raw))
	award := pub.body["releases"].([]any)[0].(map[string]any)["awards"].([]any)[0].(map[string]any)
	if v, ok := award["value"].(map[string]any); !ok || v["amount"] != 42424.0 || v["currency"] != "EUR" {
		t.Errorf("public buyer's award = %v", award)
	}

	for _, path := range []string{"/api/v1/ocds/tenders/" + private.ID, "/api/v1/ocds/releases"} {
		r := c.expect(http.StatusOK, "GET", path, nil)
		ocdstest.Valid(t, []byte(r.raw))
		if strings.Contains(r.raw, "77777") {
			t.Errorf("%s publishes a private company's amount", path)
		}
		for _, x := range r.body["releases"].([]any) {
			rel := x.(map[string]any)
			if rel["tender"].(map[string]any)["id"] != private.ID {
				continue
			}
			award := rel["awards"].([]any)[0].(map[string]any)
			if award["status"] != "active" || award["value"] != nil {
				t.Errorf("%s: private company's award = %v", path, award)
			}
		}
	}

	stats := c.expect(http.StatusOK, "GET", "/api/v1/statistics", nil).body
	awards := stats["awards"].([]any)
	if len(awards) != 1 {
		t.Fatalf("awards = %v", awards)
	}
	if a := awards[0].(map[string]any); a["result"] != "awarded_other" || a["lots"] != 2.0 || a["amount_cents"] != 4242400.0 {
		t.Errorf("statistics award = %v, want 2 lots and the public buyer's 4242400 cents only", a)
	}
}
