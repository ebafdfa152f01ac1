package api

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestQuestionsAndAnswers: suppliers ask until the questions deadline,
// anonymously towards other suppliers and the public; the buyer answers;
// answers are public.
func TestQuestionsAndAnswers(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, _ := w.publishedTender(time.Now().Add(10*24*time.Hour), nil) // questions close 2 days earlier
	ask := "/api/v1/tenders/" + tenderID + "/questions"

	w.supplier.expect(http.StatusUnprocessableEntity, "POST", ask, map[string]any{"question": " "})
	w.supplier.expect(http.StatusUnprocessableEntity, "POST", ask, map[string]any{"question": strings.Repeat("q", 4001)})
	w.buyer.expect(http.StatusForbidden, "POST", ask, map[string]any{"question": "Moi ?"})
	q := w.supplier.expect(http.StatusCreated, "POST", ask, map[string]any{"question": "Les vitres sont-elles comprises ?"}).body["id"].(string)
	other := w.rival.expect(http.StatusCreated, "POST", ask, map[string]any{"question": "Quel volume horaire ?"}).body["id"].(string)

	// Unanswered: the asker and the buyer see it; others do not.
	count := func(c *client) (int, string) {
		r := c.expect(http.StatusOK, "GET", ask, nil)
		return len(r.body["items"].([]any)), r.raw
	}
	if n, raw := count(w.anon); n != 0 {
		t.Errorf("the public sees unanswered questions: %s", raw)
	}
	if n, raw := count(w.supplier); n != 1 || !strings.Contains(raw, `"mine":true`) || strings.Contains(raw, w.supplierOrg.ID) {
		t.Errorf("the asker sees its own question only, without ids: %s", raw)
	}
	if n, raw := count(w.buyer); n != 2 || !strings.Contains(raw, w.supplierOrg.ID) || !strings.Contains(raw, w.other.ID) {
		t.Errorf("the buyer sees every question and who asked: %s", raw)
	}

	answer := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders/" + tenderID + "/questions/"
	w.buyer.expect(http.StatusUnprocessableEntity, "PUT", answer+q+"/answer", map[string]any{"answer": ""})
	w.buyer.expect(http.StatusOK, "PUT", answer+q+"/answer", map[string]any{"answer": "Oui, deux fois par an."})
	w.buyer.expect(http.StatusNotFound, "PUT", answer+tenderID+"/answer", map[string]any{"answer": "?"})
	for name, c := range map[string]*client{"anonymous": w.anon, "rival": w.rival, "moderator": w.moderator} {
		r := c.expect(http.StatusOK, "GET", ask, nil)
		if !strings.Contains(r.raw, "Oui, deux fois par an.") || (name != "moderator" && strings.Contains(r.raw, w.supplierOrg.ID)) {
			t.Errorf("%s: the answer is public, the asker hidden: %s", name, r.raw)
		}
	}
	if n, raw := count(w.rival); n != 2 {
		t.Errorf("the rival sees the answered question and its own: %s", raw)
	}
	_ = other

	// After the questions deadline no more questions; answers until the responses deadline.
	w.e.clock.advance(9 * 24 * time.Hour)
	r := w.supplier.expect(http.StatusConflict, "POST", ask, map[string]any{"question": "Trop tard ?"})
	if !strings.Contains(r.raw, "questions deadline has passed") {
		t.Errorf("late question: %s", r.raw)
	}
	w.buyer.expect(http.StatusOK, "PUT", answer+other+"/answer", map[string]any{"answer": "35 heures par semaine."})
	w.e.clock.advance(2 * 24 * time.Hour)
	w.buyer.expect(http.StatusConflict, "PUT", answer+other+"/answer", map[string]any{"answer": "Trop tard"})
	if w.e.auditCount("tender.question_answered", w.buyerOrg.ID) != 2 || w.e.auditCount("tender.question_asked", w.supplierOrg.ID) != 1 {
		t.Errorf("questions and answers are audited")
	}
}

// TestLotOutcomes: after the deadline the buyer records each lot's
// outcome; the last one decides awarded or not_awarded.
func TestLotOutcomes(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, lot1 := w.publishedTender(time.Now().Add(10*24*time.Hour), nil)
	tender := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders/" + tenderID
	// A second lot, added while more than 7 days remain.
	lot2 := w.buyer.expect(http.StatusCreated, "POST", tender+"/lots", lotInput()).body["id"].(string)

	r := w.buyer.expect(http.StatusConflict, "PUT", tender+"/lots/"+lot1+"/outcome", map[string]any{"result": "not_awarded"})
	if !strings.Contains(r.raw, `"allowed":["close","cancel"]`) {
		t.Errorf("before the deadline: %s", r.raw)
	}
	w.e.clock.advance(11 * 24 * time.Hour)
	r = w.buyer.expect(http.StatusUnprocessableEntity, "PUT", tender+"/lots/"+lot1+"/outcome", map[string]any{"result": "awarded_passerelle", "currency": "eu"})
	for _, field := range []string{"body.supplier_id", "body.amount_cents", "body.currency"} {
		if !strings.Contains(r.raw, `"location":"`+field+`"`) {
			t.Errorf("%s not named: %s", field, r.raw)
		}
	}
	r = w.buyer.expect(http.StatusUnprocessableEntity, "PUT", tender+"/lots/"+lot1+"/outcome",
		map[string]any{"result": "awarded_passerelle", "supplier_id": w.buyerOrg.ID, "amount_cents": 100})
	if !strings.Contains(r.raw, "is not an SSE supplier") {
		t.Errorf("a buyer is not a supplier: %s", r.raw)
	}
	w.buyer.expect(http.StatusUnprocessableEntity, "PUT", tender+"/lots/"+lot2+"/outcome", map[string]any{"result": "not_awarded", "amount_cents": 5})
	var outcomes int
	if err := w.e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM lot_outcomes").Scan(&outcomes); err != nil || outcomes != 0 {
		t.Fatalf("refused outcomes were written: %d %v", outcomes, err)
	}

	w.buyer.expect(http.StatusOK, "PUT", tender+"/lots/"+lot1+"/outcome",
		map[string]any{"result": "awarded_passerelle", "supplier_id": w.supplierOrg.ID, "amount_cents": 5200000})
	r = w.buyer.expect(http.StatusOK, "GET", "/api/v1/tenders/"+tenderID, nil)
	if r.body["state"] != "closed" || !strings.Contains(r.raw, `"result":"awarded_passerelle"`) {
		t.Errorf("one lot recorded, the tender is closed: %s", r.raw)
	}
	if strings.Contains(w.anon.expect(http.StatusOK, "GET", "/api/v1/tenders/"+tenderID, nil).raw, "awarded_passerelle") {
		t.Errorf("outcomes are the buyer's figures, not public")
	}
	w.buyer.expect(http.StatusOK, "PUT", tender+"/lots/"+lot2+"/outcome", map[string]any{"result": "not_awarded"})
	r = w.anon.expect(http.StatusOK, "GET", "/api/v1/tenders/"+tenderID, nil)
	if r.body["state"] != "awarded" {
		t.Errorf("every lot recorded, one awarded: %s", r.raw)
	}
	w.buyer.expect(http.StatusConflict, "PUT", tender+"/lots/"+lot2+"/outcome", map[string]any{"result": "awarded_other", "amount_cents": 1})
	if w.e.auditCount("tender.outcome_recorded", w.buyerOrg.ID) != 2 {
		t.Errorf("outcomes are audited")
	}

	// A tender whose lots are all not awarded is not_awarded.
	id2, lot := w.publishedTender(time.Now().Add(20*24*time.Hour), nil)
	w.e.clock.advance(21 * 24 * time.Hour)
	w.buyer.expect(http.StatusOK, "PUT", "/api/v1/organisations/"+w.buyerOrg.ID+"/tenders/"+id2+"/lots/"+lot+"/outcome", map[string]any{"result": "not_awarded"})
	if s := w.anon.expect(http.StatusOK, "GET", "/api/v1/tenders/"+id2, nil).body["state"]; s != "not_awarded" {
		t.Errorf("state %v, want not_awarded", s)
	}
}

// TestFavourites: buyers keep named lists of suppliers.
func TestFavourites(t *testing.T) {
	w := newTenderWorld(t)
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/favourite-lists"

	w.buyer.expect(http.StatusUnprocessableEntity, "POST", base, map[string]any{"name": " "})
	w.buyer.expect(http.StatusUnprocessableEntity, "POST", base, map[string]any{"name": strings.Repeat("n", 101)})
	w.supplier.expect(http.StatusForbidden, "POST", "/api/v1/organisations/"+w.supplierOrg.ID+"/favourite-lists", map[string]any{"name": "x"})
	id := w.buyer.expect(http.StatusCreated, "POST", base, map[string]any{"name": "Nettoyage Moselle"}).body["id"].(string)
	w.buyer.expect(http.StatusConflict, "POST", base, map[string]any{"name": "Nettoyage  Moselle"})
	second := w.buyer.expect(http.StatusCreated, "POST", base, map[string]any{"name": "Espaces verts"}).body["id"].(string)

	w.buyer.expect(http.StatusNoContent, "PUT", base+"/"+id+"/suppliers/"+w.supplierOrg.ID, nil)
	w.buyer.expect(http.StatusNoContent, "PUT", base+"/"+id+"/suppliers/"+w.supplierOrg.ID, nil)
	w.buyer.expect(http.StatusNoContent, "PUT", base+"/"+id+"/suppliers/"+w.other.ID, nil)
	w.buyer.expect(http.StatusUnprocessableEntity, "PUT", base+"/"+id+"/suppliers/"+w.buyerOrg.ID, nil)
	r := w.buyer.expect(http.StatusOK, "GET", base+"/"+id+"/suppliers?limit=1", nil)
	items := r.body["items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["name"] != "ESAT du Val" || r.body["next_cursor"] == "" {
		t.Fatalf("first page: %s", r.raw)
	}
	r = w.buyer.expect(http.StatusOK, "GET", base+"/"+id+"/suppliers?limit=1&cursor="+r.body["next_cursor"].(string), nil)
	if items := r.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["supplier_id"] != w.other.ID {
		t.Errorf("second page: %s", r.raw)
	}
	r = w.buyer.expect(http.StatusOK, "GET", base, nil)
	if items := r.body["items"].([]any); len(items) != 2 || items[0].(map[string]any)["member_count"] != float64(2) {
		t.Errorf("lists: %s", r.raw)
	}
	w.buyer.expect(http.StatusOK, "PATCH", base+"/"+second, map[string]any{"name": "Espaces verts Sarre"})
	w.buyer.expect(http.StatusConflict, "PATCH", base+"/"+second, map[string]any{"name": "Nettoyage Moselle"})
	w.buyer.expect(http.StatusNoContent, "DELETE", base+"/"+id+"/suppliers/"+w.other.ID, nil)
	w.buyer.expect(http.StatusNotFound, "DELETE", base+"/"+id+"/suppliers/"+w.other.ID, nil)
	w.buyer.expect(http.StatusNoContent, "DELETE", base+"/"+second, nil)
	w.buyer.expect(http.StatusNotFound, "GET", base+"/"+second+"/suppliers", nil)
	// Another buyer's member never reaches these lists.
	w.moderator.expect(http.StatusForbidden, "GET", base, nil)
	for _, action := range []string{"favourite_list.created", "favourite_list.supplier_added", "favourite_list.renamed",
		"favourite_list.supplier_removed", "favourite_list.deleted"} {
		if w.e.auditCount(action, w.buyerOrg.ID) == 0 {
			t.Errorf("no audit entry %s", action)
		}
	}
}
