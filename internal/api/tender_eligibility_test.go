package api

import (
	"net/http"
	"reflect"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// statusOf gives orgID a verified status of type typ (with share, when
// not nil) that counts for a year, as if a moderator had verified it.
func (e *env) statusOf(orgID string, typ domain.SSEStatusType, share *float64) {
	e.t.Helper()
	now := time.Now()
	err := e.db.Store.WithTx(e.t.Context(), func(tx *store.Tx) error {
		s := domain.SSEStatus{OrganisationID: orgID, Type: typ, RegistrationNumber: "REG-42",
			ValidUntil: domain.Day(now.AddDate(1, 0, 0))}
		if share != nil {
			measured := now.AddDate(0, -1, 0)
			s.DisabledShare, s.ShareMeasuredOn = share, &measured
		}
		st, err := tx.CreateSSEStatus(e.t.Context(), s, now)
		if err != nil {
			return err
		}
		st.State, st.SubmittedAt, st.ReviewedAt = domain.VerificationVerified, &now, &now
		_, err = tx.SaveSSEStatus(e.t.Context(), st, now)
		return err
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

// TestLotEligibility: each lot read by a signed-in SSE supplier says
// whether it may take part, from its verified statuses, with the reasons
// in the caller's language; others get no eligibility. The lot is
// reserved under FR L2113-12 (sheltered employers, 50 % at least).
func TestLotEligibility(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, _ := w.publishedTender(time.Now().Add(20*24*time.Hour), nil)
	eighty := 80.0
	w.e.statusOf(w.supplierOrg.ID, domain.SSEFrESAT, &eighty)
	unknownOrg := w.e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, LegalName: "EA sans part"})
	w.e.statusOf(unknownOrg.ID, domain.SSEFrEA, nil)
	unknown := w.e.as(w.e.db.User(t, storetest.UserOptions{Organisation: unknownOrg.ID}).ID)

	eligibility := func(c *client, lang string) map[string]any {
		t.Helper()
		r := c.expect(http.StatusOK, "GET", "/api/v1/tenders/"+tenderID, nil, "Accept-Language", lang)
		lot := r.body["lots"].([]any)[0].(map[string]any)
		if lot["clause_labels"].(map[string]any)["legal_bases"] == nil {
			t.Errorf("the legal basis is named: %s", r.raw)
		}
		e, _ := lot["eligibility"].(map[string]any)
		return e
	}
	for _, tc := range []struct {
		name   string
		c      *client
		lang   string
		result string
		code   string
	}{
		{"ESAT at 80 %", w.supplier, "fr", "eligible", domain.ReasonQualifies},
		{"no verified status", w.rival, "de", "not_eligible", domain.ReasonNoVerifiedStatus},
		{"EA without its share", unknown, "en", "unknown", domain.ReasonShareUnknown},
	} {
		got := eligibility(tc.c, tc.lang)
		if got == nil || got["result"] != tc.result {
			t.Errorf("%s: eligibility %v, want %s", tc.name, got, tc.result)
			continue
		}
		reasons := got["reasons"].([]any)
		found := false
		for _, r := range reasons {
			r := r.(map[string]any)
			if r["code"] == tc.code && r["text"] != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: reasons %v lack %s", tc.name, reasons, tc.code)
		}
	}
	// The reasons speak the caller's language.
	fr, de := eligibility(w.supplier, "fr"), eligibility(w.supplier, "de")
	if fr["reasons"].([]any)[0].(map[string]any)["text"] == de["reasons"].([]any)[0].(map[string]any)["text"] {
		t.Errorf("same reason in French and German: %v", fr)
	}
	// Nobody else is told: the public, the buyer, moderators.
	for _, c := range []*client{w.anon, w.buyer, w.moderator} {
		if e := eligibility(c, "fr"); e != nil {
			t.Errorf("eligibility shown to a non-supplier: %v", e)
		}
	}
	// The public list says it too.
	r := w.supplier.expect(http.StatusOK, "GET", "/api/v1/tenders", nil)
	lot := r.body["items"].([]any)[0].(map[string]any)["lots"].([]any)[0].(map[string]any)
	if lot["eligibility"].(map[string]any)["result"] != "eligible" {
		t.Errorf("list: %s", r.raw)
	}
}

// TestRepeatAwardBar: under an article 77 basis (FR L2113-15), the winner
// of a lot may not win again from the same buyer on that basis for three
// years: once the buyer records the award, the supplier's next lot from
// that buyer says not eligible, and a lot from another buyer does not.
func TestRepeatAwardBar(t *testing.T) {
	w := newTenderWorld(t)
	w.e.statusOf(w.supplierOrg.ID, domain.SSEFrESUS, nil)
	art77Lot := map[string]any{
		"title": "Accompagnement social", "description": "Permanences d'accueil", "cpv": []any{"85311000-2"},
		"clauses": map[string]any{"reserved_participation": "res-pub-ser", "legal_bases": []any{"FR_L2113_15"}},
	}
	publish := func(buyer *client, buyerOrg string) (tenderID, lotID string) {
		t.Helper()
		base := "/api/v1/organisations/" + buyerOrg + "/tenders"
		tenderID = buyer.expect(http.StatusCreated, "POST", base, tenderInput(time.Now().Add(10*24*time.Hour))).body["id"].(string)
		lotID = buyer.expect(http.StatusCreated, "POST", base+"/"+tenderID+"/lots", art77Lot).body["id"].(string)
		buyer.expect(http.StatusOK, "POST", base+"/"+tenderID+"/submit", nil)
		w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/tenders/"+tenderID+"/decision", map[string]any{"decision": "approve"})
		return tenderID, lotID
	}
	verdict := func(tenderID string) map[string]any {
		t.Helper()
		r := w.supplier.expect(http.StatusOK, "GET", "/api/v1/tenders/"+tenderID, nil)
		e, _ := r.body["lots"].([]any)[0].(map[string]any)["eligibility"].(map[string]any)
		return e
	}
	won, wonLot := publish(w.buyer, w.buyerOrg.ID)
	next, _ := publish(w.buyer, w.buyerOrg.ID)
	otherBuyerOrg := w.e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Ville de Metz"})
	otherBuyer := w.e.as(w.e.db.User(t, storetest.UserOptions{Organisation: otherBuyerOrg.ID}).ID)
	elsewhere, _ := publish(otherBuyer, otherBuyerOrg.ID)
	if v := verdict(next); v["result"] != "eligible" {
		t.Fatalf("before any award: %v", v)
	}

	w.e.clock.advance(11 * 24 * time.Hour)
	w.buyer.expect(http.StatusOK, "PUT", "/api/v1/organisations/"+w.buyerOrg.ID+"/tenders/"+won+"/lots/"+wonLot+"/outcome",
		map[string]any{"result": "awarded_passerelle", "supplier_id": w.supplierOrg.ID, "amount_cents": 1800000})

	v := verdict(next)
	barred := false
	for _, r := range v["reasons"].([]any) {
		if r.(map[string]any)["code"] == domain.ReasonRepeatAwardBarred {
			barred = true
		}
	}
	if v["result"] != "not_eligible" || !barred {
		t.Errorf("after winning from the same buyer: %v", v)
	}
	if v := verdict(elsewhere); v["result"] != "eligible" {
		t.Errorf("another buyer's lot: %v", v)
	}
	// The list of tenders gives each the verdict its page gives (the
	// awards of the page's buyers are read together).
	listed := map[string]map[string]any{}
	for _, it := range w.supplier.expect(http.StatusOK, "GET", "/api/v1/tenders?limit=50", nil).body["items"].([]any) {
		item := it.(map[string]any)
		if lots, _ := item["lots"].([]any); len(lots) > 0 {
			listed[item["id"].(string)], _ = lots[0].(map[string]any)["eligibility"].(map[string]any)
		}
	}
	for _, id := range []string{next, elsewhere} {
		if !reflect.DeepEqual(listed[id], verdict(id)) {
			t.Errorf("tender %s listed with %v, its page says %v", id, listed[id], verdict(id))
		}
	}
}
