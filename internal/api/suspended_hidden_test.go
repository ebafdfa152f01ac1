package api

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// TestSuspendedListingsHidden: while a supplier and a buyer are suspended,
// their published offer and tender, the tender's questions and documents,
// and their places in the public lists do not exist for anonymous visitors
// nor for another organisation's members (404, like the organisation
// itself); the organisations' members and the moderators still read them.
// Reinstatement brings everything back.
func TestSuspendedListingsHidden(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	third := e.as(e.db.User(t, storetest.UserOptions{Organisation: e.db.Organisation(t,
		storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer, LegalName: "Brasserie de Luxembourg"}).ID}).ID)

	// The supplier's published offer.
	e.db.CPVCodes(t, "90911200-8", "90919200-4")
	e.verifiedStatus(w.supplierOrg.ID, time.Now().AddDate(1, 0, 0))
	offerID := w.supplier.createOffer(w.supplierOrg.ID, offerInput())
	w.supplier.expect(http.StatusOK, "POST", "/api/v1/offers/"+offerID+"/submit", nil)
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+offerID+"/decision", map[string]any{"decision": "approve"})

	// The buyer's published tender, with a document and an answered question.
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	tenderID := w.buyer.expect(http.StatusCreated, "POST", base, tenderInput(time.Now().Add(20*24*time.Hour))).body["id"].(string)
	lotID := w.buyer.expect(http.StatusCreated, "POST", base+"/"+tenderID+"/lots", lotInput()).body["id"].(string)
	doc := w.buyer.upload(w.buyerOrg.ID, "tender_document", "cahier.pdf", "application/pdf", bytes.NewReader(testPDF()))
	if doc.status != http.StatusCreated {
		t.Fatalf("upload: %s", doc.raw)
	}
	w.buyer.expect(http.StatusOK, "PUT", base+"/"+tenderID+"/documents/"+doc.body["id"].(string), nil)
	w.buyer.expect(http.StatusOK, "POST", base+"/"+tenderID+"/submit", nil)
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/tenders/"+tenderID+"/decision", map[string]any{"decision": "approve"})
	q := w.rival.expect(http.StatusCreated, "POST", "/api/v1/tenders/"+tenderID+"/questions",
		map[string]any{"question": "Les vitres sont-elles comprises ?"}).body["id"].(string)
	w.buyer.expect(http.StatusOK, "PUT", base+"/"+tenderID+"/questions/"+q+"/answer", map[string]any{"answer": "Oui, deux fois par an."})

	offer := "/api/v1/offers/" + offerID
	orgOffers := "/api/v1/organisations/" + w.supplierOrg.ID + "/offers"
	statuses := "/api/v1/organisations/" + w.supplierOrg.ID + "/sse-statuses"
	tender := "/api/v1/tenders/" + tenderID
	questions := tender + "/questions"
	download := tender + "/documents/" + doc.body["id"].(string) + "/download"
	inList := func(c *client, path, id string) bool {
		t.Helper()
		return slices.Contains(itemIDs(c.expect(http.StatusOK, "GET", path, nil)), id)
	}
	// public checks what anonymous visitors and another organisation's
	// members see: all of it, or none of it.
	public := func(when string, shown bool) {
		t.Helper()
		status := map[bool]int{true: http.StatusOK, false: http.StatusNotFound}[shown]
		for name, c := range map[string]*client{"anonymous": w.anon, "another organisation": third} {
			for _, path := range []string{offer, orgOffers, statuses, tender, questions, download} {
				if r := c.do("GET", path, nil); r.status != status {
					t.Errorf("%s, %s: GET %s = %d, want %d: %s", when, name, path, r.status, status, r.raw)
				}
			}
			if got := inList(c, "/api/v1/offers", offerID); got != shown {
				t.Errorf("%s, %s: the offer in the public list: %v", when, name, got)
			}
			if got := inList(c, "/api/v1/offers?sort=published_at", offerID); got != shown {
				t.Errorf("%s, %s: the offer in the public list, oldest first: %v", when, name, got)
			}
			if got := inList(c, "/api/v1/tenders", tenderID); got != shown {
				t.Errorf("%s, %s: the tender in the public list: %v", when, name, got)
			}
		}
		if shown {
			if qs := items(w.anon.expect(http.StatusOK, "GET", questions, nil)); len(qs) != 1 {
				t.Errorf("%s: the answered question %v", when, qs)
			}
		}
	}
	public("before", true)

	for _, org := range []string{w.supplierOrg.ID, w.buyerOrg.ID} {
		w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+org+"/suspension", map[string]any{"reason_template": "fraud"})
	}
	public("suspended", false)

	// Members keep reading their own data; moderators read everything.
	for _, c := range []*client{w.supplier, w.moderator} {
		c.expect(http.StatusOK, "GET", offer, nil)
		c.expect(http.StatusOK, "GET", statuses, nil)
		if !inList(c, orgOffers, offerID) {
			t.Errorf("the supplier's own list lost its offer")
		}
	}
	for _, c := range []*client{w.buyer, w.moderator} {
		if r := c.expect(http.StatusOK, "GET", tender, nil); r.body["id"] != tenderID {
			t.Errorf("tender %s", r.raw)
		}
		if qs := items(c.expect(http.StatusOK, "GET", questions, nil)); len(qs) != 1 {
			t.Errorf("questions %v", qs)
		}
		if dl := c.expect(http.StatusOK, "GET", download, nil); !strings.HasPrefix(dl.raw, "%PDF") {
			t.Errorf("download %q", dl.raw)
		}
	}

	// Another organisation cannot act on what it cannot see: asking,
	// responding, saying "not interested", reporting (404, nothing written).
	responses := w.responseCount()
	w.rival.expect(http.StatusNotFound, "POST", questions, map[string]any{"question": "Et les fenêtres du sous-sol ?"})
	w.rival.expect(http.StatusNotFound, "POST", tender+"/lots/"+lotID+"/responses",
		map[string]any{"message": "Nous pouvons.", "price_text": "Sur devis"})
	w.rival.expect(http.StatusNotFound, "PUT", tender+"/not-interested", map[string]any{"reason": "Trop loin."})
	for kind, id := range map[string]string{"offer": offerID, "tender": tenderID, "organisation": w.buyerOrg.ID} {
		w.rival.expect(http.StatusNotFound, "POST", "/api/v1/reports", map[string]any{"target_type": kind, "target_id": id, "reason": "spam"})
	}
	if got := w.responseCount(); got != responses {
		t.Errorf("responses %d → %d", responses, got)
	}
	if got := len(items(w.buyer.expect(http.StatusOK, "GET", questions, nil))); got != 1 {
		t.Errorf("a question was written: %d", got)
	}

	for _, org := range []string{w.supplierOrg.ID, w.buyerOrg.ID} {
		w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+org+"/reinstatement", map[string]any{})
	}
	public("reinstated", true)
}

// TestSuspendedSupplierCannotAsk: a suspended supplier may not ask a
// question about an active buyer's tender (the localized refusal of what
// a suspended organisation may not do); reinstated, it may.
func TestSuspendedSupplierCannotAsk(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, _ := w.publishedTender(time.Now().Add(20*24*time.Hour), nil)
	questions := "/api/v1/tenders/" + tenderID + "/questions"
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+w.supplierOrg.ID+"/suspension",
		map[string]any{"reason_template": "spam"})
	for lang, want := range map[string]string{"fr": "suspendue", "de": "gesperrt", "en": "suspended", "nl": "geschorst"} {
		r := w.supplier.expect(http.StatusForbidden, "POST", questions, map[string]any{"question": "Les vitres sont-elles comprises ?"},
			"Accept-Language", lang)
		if !strings.Contains(r.raw, want) {
			t.Errorf("%s refusal %s", lang, r.raw)
		}
	}
	if got := items(w.buyer.expect(http.StatusOK, "GET", questions, nil)); len(got) != 0 {
		t.Errorf("a question was written: %v", got)
	}
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+w.supplierOrg.ID+"/reinstatement", map[string]any{})
	w.supplier.expect(http.StatusCreated, "POST", questions, map[string]any{"question": "Les vitres sont-elles comprises ?"})
}

// TestModeratorReadOfResponseAudited: a moderator's reading of a sealed
// response, allowed by an open report on the tender, is written to the
// audit log each time, with the moderator as actor; the responding
// organisation's own reads are not.
func TestModeratorReadOfResponseAudited(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, lotID := w.publishedTender(time.Now().Add(10*24*time.Hour), nil)
	resp := w.respond(w.supplier, tenderID, lotID)
	w.supplier.expect(http.StatusOK, "GET", "/api/v1/responses/"+resp, nil)
	w.moderator.expect(http.StatusNotFound, "GET", "/api/v1/responses/"+resp, nil)
	if n := w.e.auditCount("response.read_by_moderator", w.supplierOrg.ID); n != 0 {
		t.Fatalf("%d audit entries before any report", n)
	}

	w.rival.expect(http.StatusCreated, "POST", "/api/v1/reports", map[string]any{"target_type": "tender", "target_id": tenderID,
		"reason": "fraud", "note": "Le marché semble fictif."})
	w.moderator.expect(http.StatusOK, "GET", "/api/v1/responses/"+resp, nil)
	w.moderator.expect(http.StatusOK, "GET", "/api/v1/responses/"+resp, nil)
	w.supplier.expect(http.StatusOK, "GET", "/api/v1/responses/"+resp, nil)
	if n := w.e.auditCount("response.read_by_moderator", w.supplierOrg.ID); n != 2 {
		t.Errorf("%d audit entries, want one per moderator read", n)
	}
	var actor, subject, tender string
	err := w.e.db.Pool.QueryRow(t.Context(), `SELECT actor_user_id::text, subject_id, after->>'tender_id' FROM audit_log
		WHERE action = 'response.read_by_moderator' LIMIT 1`).Scan(&actor, &subject, &tender)
	if err != nil {
		t.Fatal(err)
	}
	if actor != w.moderator.userID() || subject != resp || tender != tenderID {
		t.Errorf("entry: actor %s subject %s tender %s", actor, subject, tender)
	}
}

// TestRoutedNeedsOfSuspendedBuyerHidden: a lot routed before its buyer's
// suspension leaves the supplier's routed needs and takes no answer (404)
// while the buyer is suspended; both come back with reinstatement.
func TestRoutedNeedsOfSuspendedBuyerHidden(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	s := w.eligibleSupplier(domain.LangFR, false)
	tenderID, lotID := w.reservedTender(w.buyerOrg.ID, time.Now().Add(20*24*time.Hour))
	if _, err := e.routing.RouteTender(t.Context(), tenderID); err != nil {
		t.Fatal(err)
	}
	e.waitRouted(lotID, 1)
	needs := "/api/v1/organisations/" + s.orgID + "/needs"
	answer := needs + "/" + lotID + "/answer"
	lots := func() []string {
		var out []string
		for _, it := range items(s.owner.expect(http.StatusOK, "GET", needs, nil)) {
			out = append(out, it["lot_id"].(string))
		}
		return out
	}
	if got := lots(); !slices.Equal(got, []string{lotID}) {
		t.Fatalf("routed needs %v", got)
	}

	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+w.buyerOrg.ID+"/suspension", map[string]any{"reason_template": "fraud"})
	if got := lots(); len(got) != 0 {
		t.Errorf("a suspended buyer's lot among the needs: %v", got)
	}
	s.owner.expect(http.StatusNotFound, "PUT", answer, map[string]any{"answer": "interested"})
	if rt, err := e.db.Store.GetLotRoute(t.Context(), lotID, s.orgID); err != nil || rt.Answer != nil {
		t.Fatalf("an answer was written: %+v %v", rt.Answer, err)
	}

	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+w.buyerOrg.ID+"/reinstatement", map[string]any{})
	if got := lots(); !slices.Equal(got, []string{lotID}) {
		t.Errorf("routed needs after reinstatement %v", got)
	}
	s.owner.expect(http.StatusOK, "PUT", answer, map[string]any{"answer": "interested"})
}
