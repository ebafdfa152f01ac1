package api

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"
)

func (w *tenderWorld) respond(c *client, tenderID, lotID string) string {
	w.e.t.Helper()
	r := c.expect(http.StatusCreated, "POST", "/api/v1/tenders/"+tenderID+"/lots/"+lotID+"/responses",
		map[string]any{"message": "Nous assurons ce nettoyage depuis 2012.", "price_cents": 4850000, "price_text": "par an"})
	id := r.body["id"].(string)
	c.expect(http.StatusOK, "POST", "/api/v1/responses/"+id+"/submit", nil)
	return id
}

func (w *tenderWorld) responseCount() int {
	w.e.t.Helper()
	var n int
	if err := w.e.db.Pool.QueryRow(w.e.t.Context(), "SELECT count(*) FROM responses").Scan(&n); err != nil {
		w.e.t.Fatal(err)
	}
	return n
}

// TestSealedResponses checks who sees a response, for each kind of
// viewer, before and after the responses deadline.
func TestSealedResponses(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, lotID := w.publishedTender(time.Now().Add(10*24*time.Hour), nil)
	mine := w.respond(w.supplier, tenderID, lotID)
	theirs := w.respond(w.rival, tenderID, lotID)
	tenderResponses := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders/" + tenderID + "/responses"

	viewers := []struct {
		name          string
		c             *client
		before, after int
	}{
		{"responding organisation", w.supplier, http.StatusOK, http.StatusOK},
		{"other supplier", w.rival, http.StatusNotFound, http.StatusNotFound},
		{"buyer", w.buyer, http.StatusNotFound, http.StatusOK},
		{"moderator", w.moderator, http.StatusNotFound, http.StatusNotFound},
		{"admin", w.admin, http.StatusNotFound, http.StatusNotFound},
		{"anonymous", w.anon, http.StatusUnauthorized, http.StatusUnauthorized},
	}
	check := func(when string, want func(int, int) int) {
		t.Helper()
		for _, v := range viewers {
			r := v.c.do("GET", "/api/v1/responses/"+mine, nil)
			if exp := want(v.before, v.after); r.status != exp {
				t.Errorf("%s the deadline, %s: %d, want %d: %s", when, v.name, r.status, exp, r.raw)
			}
			if r.status == http.StatusOK && r.body["message"] != "Nous assurons ce nettoyage depuis 2012." {
				t.Errorf("%s the deadline, %s: %s", when, v.name, r.raw)
			}
			if r.status != http.StatusOK && strings.Contains(r.raw, "2012") {
				t.Errorf("%s the deadline, %s: a refusal leaks the content: %s", when, v.name, r.raw)
			}
		}
	}
	check("before", func(b, _ int) int { return b })
	r := w.buyer.expect(http.StatusConflict, "GET", tenderResponses, nil)
	if !strings.Contains(r.raw, "sealed until the responses deadline") {
		t.Errorf("the buyer's list before the deadline: %s", r.raw)
	}
	w.moderator.expect(http.StatusForbidden, "GET", tenderResponses, nil)
	r = w.supplier.expect(http.StatusOK, "GET", "/api/v1/organisations/"+w.supplierOrg.ID+"/responses", nil)
	if items := r.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != mine {
		t.Errorf("a supplier lists its own responses only: %s", r.raw)
	}
	w.moderator.expect(http.StatusForbidden, "GET", "/api/v1/organisations/"+w.supplierOrg.ID+"/responses", nil)
	w.buyer.expect(http.StatusConflict, "POST", tenderResponses+"/"+mine+"/decision", map[string]any{"decision": "accept"})

	w.e.clock.advance(11 * 24 * time.Hour)
	check("after", func(_, a int) int { return a })
	r = w.buyer.expect(http.StatusOK, "GET", tenderResponses, nil)
	if items := r.body["items"].([]any); len(items) != 2 {
		t.Errorf("the buyer sees both responses after the deadline: %s", r.raw)
	}
	w.moderator.expect(http.StatusForbidden, "GET", tenderResponses, nil)
	w.rival.expect(http.StatusForbidden, "GET", tenderResponses, nil)
	// Too late to withdraw.
	w.supplier.expect(http.StatusConflict, "POST", "/api/v1/responses/"+mine+"/withdraw", nil)

	// The buyer's decisions.
	r = w.buyer.expect(http.StatusUnprocessableEntity, "POST", tenderResponses+"/"+mine+"/decision", map[string]any{"decision": "decline"})
	if !strings.Contains(r.raw, `"location":"body.reason"`) {
		t.Errorf("decline needs a reason: %s", r.raw)
	}
	w.buyer.expect(http.StatusOK, "POST", tenderResponses+"/"+mine+"/decision", map[string]any{"decision": "decline", "reason": "Prix trop élevé."})
	w.buyer.expect(http.StatusOK, "POST", tenderResponses+"/"+theirs+"/decision", map[string]any{"decision": "shortlist"})
	w.buyer.expect(http.StatusOK, "POST", tenderResponses+"/"+theirs+"/decision", map[string]any{"decision": "accept"})
	r = w.buyer.expect(http.StatusConflict, "POST", tenderResponses+"/"+mine+"/decision", map[string]any{"decision": "accept"})
	if !strings.Contains(r.raw, `"allowed":[]`) || !strings.Contains(r.raw, "“accept” is not possible") {
		t.Errorf("declined is final: %s", r.raw)
	}
	r = w.supplier.expect(http.StatusOK, "GET", "/api/v1/responses/"+mine, nil)
	if r.body["state"] != "declined" || r.body["decision_reason"] != "Prix trop élevé." {
		t.Errorf("the supplier reads the decision: %s", r.raw)
	}
	if w.e.auditCount("response.declined", w.supplierOrg.ID) != 1 || w.e.auditCount("response.accepted", w.other.ID) != 1 {
		t.Errorf("decisions are audited")
	}
}

// TestResponseFlow: drafting, bad input, withdrawal, documents and "not
// interested", before the deadline.
func TestResponseFlow(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, lotID := w.publishedTender(time.Now().Add(10*24*time.Hour), nil)
	create := "/api/v1/tenders/" + tenderID + "/lots/" + lotID + "/responses"

	r := w.supplier.expect(http.StatusUnprocessableEntity, "POST", create,
		map[string]any{"message": " ", "price_text": strings.Repeat("p", 501), "currency": "eu"})
	for _, field := range []string{"body.message", "body.price_text", "body.currency"} {
		if !strings.Contains(r.raw, `"location":"`+field+`"`) {
			t.Errorf("%s not named: %s", field, r.raw)
		}
	}
	w.supplier.expect(http.StatusUnprocessableEntity, "POST", create, map[string]any{"message": "ok", "price_cents": -1})
	if n := w.responseCount(); n != 0 {
		t.Fatalf("refused responses were written: %d", n)
	}
	r = w.buyer.expect(http.StatusForbidden, "POST", create, map[string]any{"message": "Nous aussi"})
	if !strings.Contains(r.raw, "Only SSE supplier organisations respond") {
		t.Errorf("buyers do not respond: %s", r.raw)
	}
	w.supplier.expect(http.StatusNotFound, "POST", "/api/v1/tenders/"+tenderID+"/lots/"+tenderID+"/responses", map[string]any{"message": "x"})

	id := w.supplier.expect(http.StatusCreated, "POST", create, map[string]any{"message": "Première version"}).body["id"].(string)
	w.supplier.expect(http.StatusConflict, "POST", create, map[string]any{"message": "Encore"})
	doc := w.supplier.upload(w.supplierOrg.ID, "response_document", "offre.pdf", "application/pdf", bytes.NewReader(testPDF()))
	r = w.supplier.expect(http.StatusOK, "PUT", "/api/v1/responses/"+id+"/documents/"+doc.body["id"].(string), nil)
	if len(r.body["document_ids"].([]any)) != 1 {
		t.Errorf("attach: %s", r.raw)
	}
	// Another supplier's document does not exist for this response.
	foreign := w.rival.upload(w.other.ID, "response_document", "x.pdf", "application/pdf", bytes.NewReader(testPDF()))
	w.supplier.expect(http.StatusNotFound, "PUT", "/api/v1/responses/"+id+"/documents/"+foreign.body["id"].(string), nil)
	w.rival.expect(http.StatusNotFound, "PUT", "/api/v1/responses/"+id, map[string]any{"message": "piraté"})

	// The document is sealed like the response, moderators included.
	docID := doc.body["id"].(string)
	if dl := w.supplier.expect(http.StatusOK, "GET", "/api/v1/responses/"+id+"/documents/"+docID+"/download", nil); !strings.HasPrefix(dl.raw, "%PDF") {
		t.Errorf("the supplier downloads its response document: %q", dl.raw)
	}
	for _, c := range []*client{w.buyer, w.rival, w.moderator, w.admin} {
		c.expect(http.StatusNotFound, "GET", "/api/v1/responses/"+id+"/documents/"+docID+"/download", nil)
	}
	w.moderator.expect(http.StatusNotFound, "GET", "/api/v1/documents/"+docID+"/download", nil)
	w.moderator.expect(http.StatusNotFound, "GET", "/api/v1/documents/"+docID, nil)
	w.supplier.expect(http.StatusOK, "GET", "/api/v1/documents/"+docID+"/download", nil)

	r = w.supplier.expect(http.StatusOK, "POST", "/api/v1/responses/"+id+"/submit", nil)
	if r.body["state"] != "submitted" || r.body["counts"] != true || r.body["confirmed_version"] != float64(1) {
		t.Errorf("submitted: %s", r.raw)
	}
	w.supplier.expect(http.StatusConflict, "PUT", "/api/v1/responses/"+id, map[string]any{"message": "Changement"})
	r = w.supplier.expect(http.StatusConflict, "POST", "/api/v1/responses/"+id+"/submit", nil)
	if !strings.Contains(r.raw, `"allowed":["withdraw","invalidate","shortlist","accept","decline"]`) {
		t.Errorf("illegal transition lists the allowed ones: %s", r.raw)
	}
	w.supplier.expect(http.StatusOK, "POST", "/api/v1/responses/"+id+"/withdraw", nil)
	w.supplier.expect(http.StatusOK, "PUT", "/api/v1/responses/"+id, map[string]any{"message": "Deuxième version", "price_cents": 100})
	r = w.supplier.expect(http.StatusOK, "POST", "/api/v1/responses/"+id+"/submit", nil)
	if r.body["message"] != "Deuxième version" || r.body["withdrawn_at"] != nil {
		t.Errorf("resubmitted: %s", r.raw)
	}

	// Not interested, with a reason the buyer reads.
	notInterested := "/api/v1/tenders/" + tenderID + "/not-interested"
	w.rival.expect(http.StatusUnprocessableEntity, "PUT", notInterested, map[string]any{"reason": " "})
	w.rival.expect(http.StatusNoContent, "PUT", notInterested, map[string]any{"reason": "Hors zone."})
	w.rival.expect(http.StatusNoContent, "PUT", notInterested, map[string]any{"reason": "Hors de notre zone."})
	w.buyer.expect(http.StatusForbidden, "PUT", notInterested, map[string]any{"reason": "?"})
	r = w.buyer.expect(http.StatusOK, "GET", "/api/v1/organisations/"+w.buyerOrg.ID+"/tenders/"+tenderID+"/not-interested", nil)
	if items := r.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["reason"] != "Hors de notre zone." ||
		items[0].(map[string]any)["organisation_id"] != w.other.ID {
		t.Errorf("not interested list: %s", r.raw)
	}
}

// TestSubstantialEditNeedsReconfirmation: shortening the deadline of a
// published tender needs 7 days' notice and makes sent responses count
// only once re-confirmed.
func TestSubstantialEditNeedsReconfirmation(t *testing.T) {
	w := newTenderWorld(t)
	now := time.Now()
	tenderID, lotID := w.publishedTender(now.Add(20*24*time.Hour), nil)
	tender := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders/" + tenderID
	mine := w.respond(w.supplier, tenderID, lotID)
	theirs := w.respond(w.rival, tenderID, lotID)

	// Extending is not substantial; the closing job follows the deadline.
	r := w.buyer.expect(http.StatusOK, "PATCH", tender, map[string]any{"responses_deadline": now.Add(21 * 24 * time.Hour).UTC().Format(time.RFC3339)})
	if r.body["substance_version"] != float64(1) {
		t.Errorf("extending the deadline: %s", r.raw)
	}
	var jobs int
	if err := w.e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM river_job WHERE kind = 'close_tender' AND args->>'tender_id' = $1", tenderID).Scan(&jobs); err != nil {
		t.Fatal(err)
	}
	if jobs != 2 {
		t.Errorf("%d close jobs, want 2 (one per deadline)", jobs)
	}
	// Shortening to less than 7 days away is refused.
	r = w.buyer.expect(http.StatusConflict, "PATCH", tender, map[string]any{
		"questions_deadline": now.Add(4 * 24 * time.Hour).UTC().Format(time.RFC3339), "responses_deadline": now.Add(5 * 24 * time.Hour).UTC().Format(time.RFC3339)})
	if !strings.Contains(r.raw, "at least 7 days") {
		t.Errorf("7 days: %s", r.raw)
	}
	r = w.buyer.expect(http.StatusOK, "PATCH", tender, map[string]any{
		"questions_deadline": now.Add(9 * 24 * time.Hour).UTC().Format(time.RFC3339), "responses_deadline": now.Add(10 * 24 * time.Hour).UTC().Format(time.RFC3339)})
	if r.body["substance_version"] != float64(2) {
		t.Fatalf("shortening the deadline: %s", r.raw)
	}
	r = w.supplier.expect(http.StatusOK, "GET", "/api/v1/responses/"+mine, nil)
	if r.body["needs_confirmation"] != true || r.body["counts"] != false || r.body["state"] != "reconfirmation_required" {
		t.Errorf("after the edit: %s", r.raw)
	}
	// The shared lifecycle says what such a response may do.
	r = w.supplier.expect(http.StatusConflict, "POST", "/api/v1/responses/"+mine+"/submit", nil)
	if !strings.Contains(r.raw, `"allowed":["reconfirm","withdraw"]`) {
		t.Errorf("submit while to be re-confirmed: %s", r.raw)
	}
	// A new lot is substantial too.
	r = w.buyer.expect(http.StatusCreated, "POST", tender+"/lots", lotInput())
	if v := w.buyer.expect(http.StatusOK, "GET", "/api/v1/tenders/"+tenderID, nil).body["substance_version"]; v != float64(3) {
		t.Errorf("after adding a lot: version %v", v)
	}
	r = w.rival.expect(http.StatusOK, "POST", "/api/v1/responses/"+theirs+"/confirm", nil)
	if r.body["counts"] != true || r.body["confirmed_version"] != float64(3) {
		t.Errorf("confirmed: %s", r.raw)
	}
	w.rival.expect(http.StatusNotFound, "POST", "/api/v1/responses/"+mine+"/confirm", nil)

	w.e.clock.advance(11 * 24 * time.Hour)
	w.supplier.expect(http.StatusConflict, "POST", "/api/v1/responses/"+mine+"/confirm", nil)
	r = w.buyer.expect(http.StatusOK, "GET", "/api/v1/organisations/"+w.buyerOrg.ID+"/tenders/"+tenderID+"/responses", nil)
	if items := r.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != theirs {
		t.Errorf("only the re-confirmed response counts: %s", r.raw)
	}
	w.buyer.expect(http.StatusNotFound, "GET", "/api/v1/responses/"+mine, nil)
	// After the deadline the tender cannot change any more.
	w.buyer.expect(http.StatusConflict, "PATCH", tender, map[string]any{"place_town": "Metz"})
}

// TestLotEditsOfAPublishedTender: changing a lot of a published tender
// is substantial and needs 7 days' notice; replacing it by the same
// content changes nothing.
func TestLotEditsOfAPublishedTender(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, lotID := w.publishedTender(time.Now().Add(8*24*time.Hour), nil)
	lot := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders/" + tenderID + "/lots/" + lotID
	version := func() any {
		return w.anon.expect(http.StatusOK, "GET", "/api/v1/tenders/"+tenderID, nil).body["substance_version"]
	}
	w.buyer.expect(http.StatusOK, "PUT", lot, lotInput())
	if v := version(); v != float64(1) {
		t.Errorf("the same lot again: version %v", v)
	}
	w.buyer.expect(http.StatusOK, "PUT", lot, with(lotInput(), map[string]any{"clauses": map[string]any{"reserved_participation": "none"}}))
	if v := version(); v != float64(2) {
		t.Errorf("clauses changed: version %v", v)
	}
	w.e.clock.advance(2 * 24 * time.Hour) // 6 days left
	r := w.buyer.expect(http.StatusConflict, "DELETE", lot, nil)
	if !strings.Contains(r.raw, "at least 7 days") {
		t.Errorf("6 days before the deadline: %s", r.raw)
	}
	if lots := w.anon.expect(http.StatusOK, "GET", "/api/v1/tenders/"+tenderID, nil).body["lots"].([]any); len(lots) != 1 {
		t.Errorf("the refused deletion was written: %d lots", len(lots))
	}
}
