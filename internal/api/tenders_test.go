package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store/storetest"
)

// tenderWorld is a buyer, two suppliers and a moderator, each with a client.
type tenderWorld struct {
	e                  *env
	buyerOrg           domain.Organisation
	buyer              *client
	buyerEmail         string
	supplierOrg, other domain.Organisation
	supplier, rival    *client
	moderator, admin   *client
	anon               *client
}

func newTenderWorld(t *testing.T) *tenderWorld {
	e := newEnv(t, core.RateLimits{})
	w := &tenderWorld{e: e, anon: e.client()}
	w.buyerOrg = e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Ville de Thionville"})
	w.buyerEmail = mailtest.UniqueAddress(t)
	w.buyer = e.as(e.db.User(t, storetest.UserOptions{Organisation: w.buyerOrg.ID, Role: domain.RoleMember, Email: w.buyerEmail,
		DisplayName: "Jutta Weber", Language: domain.LangDE, EmailVerified: true}).ID)
	w.supplierOrg = e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, LegalName: "ESAT du Val"})
	w.supplier = e.as(e.db.User(t, storetest.UserOptions{Organisation: w.supplierOrg.ID}).ID)
	w.other = e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "LU", LegalName: "Atelier protégé"})
	w.rival = e.as(e.db.User(t, storetest.UserOptions{Organisation: w.other.ID}).ID)
	w.moderator = e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID)
	w.admin = e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformAdmin}).ID)
	// The CPV codes of these tests' lots, as if imported.
	e.db.CPVCodes(t, "90910000-9", "90911200-8", "85311000-2")
	return w
}

func tenderInput(deadline time.Time) map[string]any {
	return map[string]any{
		"kind": "formal_tender", "language": "fr", "title": "Nettoyage de l'hôtel de ville",
		"description":  "Entretien **quotidien** des bureaux.",
		"translations": []any{map[string]any{"language": "de", "title": "Reinigung des Rathauses", "description": "Tägliche Reinigung."}},
		"place_nuts":   "FRF33", "place_town": "Thionville",
		"questions_deadline": deadline.Add(-48 * time.Hour).UTC().Format(time.RFC3339),
		"responses_deadline": deadline.UTC().Format(time.RFC3339),
		"response_languages": []any{"fr", "de"},
	}
}

func lotInput() map[string]any {
	return map[string]any{
		"title": "Bureaux", "description": "1 200 m²", "cpv": []any{"90910000-9"},
		"value_min_cents": 4000000, "value_max_cents": 6000000,
		"clauses": map[string]any{
			"reserved_participation": "res-ws", "legal_bases": []any{"FR_L2113_12"},
			"award_criteria": []any{
				map[string]any{"type": "price", "name": "Prix", "weight_type": "per-exa", "weight": 60},
				map[string]any{"type": "quality", "name": "Heures d'insertion", "weight_type": "per-exa", "weight": 40, "social": true},
			},
		},
	}
}

// publishedTender creates, submits and approves a tender with one lot
// whose responses deadline is at deadline; it returns its id and lot id.
func (w *tenderWorld) publishedTender(deadline time.Time, extra map[string]any) (tenderID, lotID string) {
	w.e.t.Helper()
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	body := tenderInput(deadline)
	for k, v := range extra {
		body[k] = v
	}
	r := w.buyer.expect(http.StatusCreated, "POST", base, body)
	tenderID = r.body["id"].(string)
	r = w.buyer.expect(http.StatusCreated, "POST", base+"/"+tenderID+"/lots", lotInput())
	lotID = r.body["id"].(string)
	w.buyer.expect(http.StatusOK, "POST", base+"/"+tenderID+"/submit", nil)
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/tenders/"+tenderID+"/decision", map[string]any{"decision": "approve"})
	return tenderID, lotID
}

func (w *tenderWorld) tenderCount() int {
	w.e.t.Helper()
	var n int
	if err := w.e.db.Pool.QueryRow(w.e.t.Context(), "SELECT (SELECT count(*) FROM tenders) + (SELECT count(*) FROM tender_lots)").Scan(&n); err != nil {
		w.e.t.Fatal(err)
	}
	return n
}

// TestTenderLifecycle walks a tender from draft to publication through a
// request for changes, checking who sees what at each step.
func TestTenderLifecycle(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	deadline := time.Now().Add(30 * 24 * time.Hour).Truncate(time.Second)

	r := w.buyer.expect(http.StatusCreated, "POST", base, tenderInput(deadline))
	id := r.body["id"].(string)
	if r.body["state"] != "draft" || r.body["title"] != "Nettoyage de l'hôtel de ville" || len(r.body["texts"].([]any)) != 2 {
		t.Fatalf("draft: %s", r.raw)
	}
	if r.body["description_html"] != "<p>Entretien <strong>quotidien</strong> des bureaux.</p>\n" ||
		r.body["texts"].([]any)[1].(map[string]any)["description_html"] != "<p>Tägliche Reinigung.</p>\n" {
		t.Errorf("descriptions rendered as safe HTML: %s", r.raw)
	}
	// A draft is the buyer's own business.
	w.anon.expect(http.StatusNotFound, "GET", "/api/v1/tenders/"+id, nil)
	w.supplier.expect(http.StatusNotFound, "GET", "/api/v1/tenders/"+id, nil)
	w.moderator.expect(http.StatusOK, "GET", "/api/v1/tenders/"+id, nil)

	// No lot yet: submitting names what is missing.
	r = w.buyer.expect(http.StatusUnprocessableEntity, "POST", base+"/"+id+"/submit", nil)
	if !strings.Contains(r.raw, `"location":"lots"`) {
		t.Errorf("submit without lots: %s", r.raw)
	}
	r = w.buyer.expect(http.StatusCreated, "POST", base+"/"+id+"/lots", lotInput())
	lotID := r.body["id"].(string)
	clauses := r.body["clauses"].(map[string]any)
	if r.body["position"] != float64(1) || fmt.Sprint(clauses["legal_bases"]) != "[FR_L2113_12]" ||
		clauses["accessibility"] != "inc" || fmt.Sprint(clauses["strategic_procurement"]) != "[none]" ||
		r.body["description_html"] != "<p>1 200 m²</p>\n" || r.body["clause_labels"].(map[string]any)["reserved_participation"] == "" {
		t.Errorf("lot with the shared clauses, defaults filled and labels: %s", r.raw)
	}
	second := w.buyer.expect(http.StatusCreated, "POST", base+"/"+id+"/lots", with(lotInput(), map[string]any{"title": "Vitres", "clauses": map[string]any{}}))
	w.buyer.expect(http.StatusOK, "PUT", base+"/"+id+"/lots/"+lotID, with(lotInput(), map[string]any{"title": "Bureaux et salles"}))
	w.buyer.expect(http.StatusNoContent, "DELETE", base+"/"+id+"/lots/"+lotID, nil)
	r = w.buyer.expect(http.StatusOK, "GET", "/api/v1/tenders/"+id, nil)
	lots := r.body["lots"].([]any)
	if len(lots) != 1 || lots[0].(map[string]any)["id"] != second.body["id"] || lots[0].(map[string]any)["position"] != float64(1) {
		t.Errorf("after deleting lot 1 the other is lot 1: %s", r.raw)
	}

	// Tender documents: only purpose tender_document, of the buyer.
	doc := w.buyer.upload(w.buyerOrg.ID, "tender_document", "cahier.pdf", "application/pdf", bytes.NewReader(testPDF()))
	if doc.status != http.StatusCreated {
		t.Fatalf("upload: %s", doc.raw)
	}
	r = w.buyer.expect(http.StatusOK, "PUT", base+"/"+id+"/documents/"+doc.body["id"].(string), nil)
	if len(r.body["document_ids"].([]any)) != 1 {
		t.Errorf("attach: %s", r.raw)
	}
	other := w.buyer.upload(w.buyerOrg.ID, "other", "note.pdf", "application/pdf", bytes.NewReader(testPDF()))
	w.buyer.expect(http.StatusUnprocessableEntity, "PUT", base+"/"+id+"/documents/"+other.body["id"].(string), nil)
	tenderDoc := "/api/v1/tenders/" + id + "/documents/" + doc.body["id"].(string) + "/download"
	w.anon.expect(http.StatusNotFound, "GET", tenderDoc, nil) // a draft's documents are the buyer's
	if dl := w.buyer.expect(http.StatusOK, "GET", tenderDoc, nil); !strings.HasPrefix(dl.raw, "%PDF") {
		t.Errorf("the buyer downloads its document: %q", dl.raw)
	}
	w.anon.expect(http.StatusNotFound, "GET", "/api/v1/tenders/"+id+"/documents/"+other.body["id"].(string)+"/download", nil)

	w.buyer.expect(http.StatusOK, "POST", base+"/"+id+"/submit", nil)
	// Pending: frozen for the buyer; a second submit is an illegal transition.
	w.buyer.expect(http.StatusConflict, "PATCH", base+"/"+id, map[string]any{"place_town": "Metz"})
	r = w.buyer.expect(http.StatusConflict, "POST", base+"/"+id+"/submit", nil)
	if !strings.Contains(r.raw, `"allowed":["approve","reject","request_changes","cancel"]`) {
		t.Errorf("illegal transition must list the allowed ones: %s", r.raw)
	}

	// The queue: oldest first, filtered by country and kind.
	r = w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/tenders?country=FR&kind=formal_tender", nil)
	if items := r.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["organisation_name"] != "Ville de Thionville" {
		t.Errorf("queue: %s", r.raw)
	}
	r = w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/tenders?country=LU", nil)
	if len(r.body["items"].([]any)) != 0 {
		t.Errorf("queue for LU: %s", r.raw)
	}
	w.moderator.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/moderation/tenders?country=XX", nil)

	// Changes requested: a reason is required, then the buyer edits and resubmits.
	r = w.moderator.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/moderation/tenders/"+id+"/decision", map[string]any{"decision": "request_changes"})
	if !strings.Contains(r.raw, `"location":"body.reason"`) {
		t.Errorf("reason required: %s", r.raw)
	}
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/tenders/"+id+"/decision",
		map[string]any{"decision": "request_changes", "reason": "Précisez le lieu."})
	r = w.buyer.expect(http.StatusOK, "GET", "/api/v1/tenders/"+id, nil)
	if r.body["state"] != "changes_requested" || r.body["reason"] != "Précisez le lieu." {
		t.Errorf("the buyer sees the reason: %s", r.raw)
	}
	// The buyer's members are told, in their language, with the reason.
	msgs := e.mail.WaitFor(t, w.buyerEmail, 1, 20*time.Second)
	if m := msgs[0]; m.Subject != "Änderungen an Ihrer Ausschreibung erbeten — Passerelle" || !strings.Contains(m.Text, "Précisez le lieu.") ||
		!strings.Contains(m.Text, "Jutta Weber") || !strings.Contains(m.Text, "http://localhost:8080/workspace/buyer/tenders/"+id) {
		t.Errorf("changes requested email: %q\n%s", m.Subject, m.Text)
	} else if m.Header("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("the decision email is not a notification email: %v", m.Headers)
	}
	// …and find it in the app.
	if items := notificationItems(w.buyer.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil)); len(items) != 1 ||
		items[0]["kind"] != "tender_decision" || items[0]["category"] != "listing_decisions" ||
		!strings.HasPrefix(items[0]["title"].(string), "Änderungen an Ihrer Ausschreibung „") {
		t.Errorf("tender decision notification: %v", items)
	}
	w.buyer.expect(http.StatusOK, "PATCH", base+"/"+id, map[string]any{"place_town": "Thionville-Centre"})
	w.buyer.expect(http.StatusOK, "POST", base+"/"+id+"/submit", nil)
	r = w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/tenders/"+id+"/decision", map[string]any{"decision": "approve"})
	if r.body["state"] != "published" || r.body["published_at"] == nil {
		t.Fatalf("approve: %s", r.raw)
	}
	if msgs := e.mail.WaitFor(t, w.buyerEmail, 2, 20*time.Second); !strings.Contains(msgs[0].Subject+msgs[1].Subject, "Ihre Ausschreibung ist veröffentlicht") {
		t.Errorf("publication email: %q, %q", msgs[0].Subject, msgs[1].Subject)
	}

	// Published: public, listed, the buyer named (not anonymous).
	r = w.anon.expect(http.StatusOK, "GET", "/api/v1/tenders/"+id, nil)
	if r.body["buyer"].(map[string]any)["name"] != "Ville de Thionville" || r.body["reason"] != nil || r.body["place_town"] != "Thionville-Centre" {
		t.Errorf("public tender: %s", r.raw)
	}
	// Published: everyone follows the redirect to the presigned link.
	if dl := w.anon.expect(http.StatusOK, "GET", tenderDoc, nil); !strings.HasPrefix(dl.raw, "%PDF") {
		t.Errorf("a published tender's documents are public: %q", dl.raw)
	}
	r = w.anon.expect(http.StatusOK, "GET", "/api/v1/tenders", nil)
	if items := r.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != id {
		t.Errorf("public list: %s", r.raw)
	}
	// Every step wrote the audit log.
	for _, action := range []string{"tender.created", "tender.lot_added", "tender.lot_updated", "tender.lot_deleted", "tender.document_attached",
		"tender.submitted", "tender.changes_requested", "tender.updated", "tender.published"} {
		if e.auditCount(action, w.buyerOrg.ID) == 0 {
			t.Errorf("no audit entry %s", action)
		}
	}
	// A closing job waits in the queue for the deadline.
	var scheduled time.Time
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT scheduled_at FROM river_job WHERE kind = 'close_tender' AND args->>'tender_id' = $1", id).Scan(&scheduled); err != nil {
		t.Fatal(err)
	}
	if !scheduled.Equal(deadline) {
		t.Errorf("close job scheduled at %s, want %s", scheduled, deadline)
	}

	// Cancelling a published tender is allowed; a cancelled one is hidden again.
	w.buyer.expect(http.StatusOK, "POST", base+"/"+id+"/cancel", map[string]any{"reason": "Budget non voté."})
	w.anon.expect(http.StatusNotFound, "GET", "/api/v1/tenders/"+id, nil)
	r = w.buyer.expect(http.StatusConflict, "POST", base+"/"+id+"/cancel", nil)
	if !strings.Contains(r.raw, `"allowed":[]`) {
		t.Errorf("cancelled is final: %s", r.raw)
	}
}

// TestTenderBadInput: every wrong field is named and nothing is written.
func TestTenderBadInput(t *testing.T) {
	w := newTenderWorld(t)
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	past := time.Now().Add(-time.Hour)
	before := w.tenderCount()

	bad := tenderInput(time.Now().Add(10 * 24 * time.Hour))
	bad["title"] = strings.Repeat("t", 201)
	bad["place_nuts"] = "fr-33"
	bad["place_town"] = " "
	bad["responses_deadline"] = past.UTC().Format(time.RFC3339)
	r := w.buyer.expect(http.StatusUnprocessableEntity, "POST", base, bad)
	for _, field := range []string{"body.title", "body.place_nuts", "body.place_town", "body.responses_deadline"} {
		if !strings.Contains(r.raw, `"location":"`+field+`"`) {
			t.Errorf("%s not named: %s", field, r.raw)
		}
	}
	// Questions after responses; a wrong enum (refused by the schema).
	r = w.buyer.expect(http.StatusUnprocessableEntity, "POST", base, with(tenderInput(time.Now().Add(10*24*time.Hour)),
		map[string]any{"questions_deadline": time.Now().Add(20 * 24 * time.Hour).UTC().Format(time.RFC3339)}))
	if !strings.Contains(r.raw, `"location":"body.questions_deadline"`) {
		t.Errorf("questions after responses: %s", r.raw)
	}
	r = w.buyer.expect(http.StatusUnprocessableEntity, "POST", base, with(tenderInput(time.Now().Add(10*24*time.Hour)), map[string]any{"kind": "auction"}))
	if !strings.Contains(r.raw, `"location":"body.kind"`) {
		t.Errorf("wrong enum: %s", r.raw)
	}
	r = w.buyer.expect(http.StatusUnprocessableEntity, "POST", base, map[string]any{})
	for _, field := range []string{"kind", "language", "title", "place_nuts", "responses_deadline"} {
		if !strings.Contains(r.raw, field) {
			t.Errorf("missing %s not named: %s", field, r.raw)
		}
	}
	if n := w.tenderCount(); n != before {
		t.Fatalf("refused tenders were written: %d rows, was %d", n, before)
	}

	// Lots: weights not summing to 100, a broken CPV code, a basis without
	// reservation, a band upside down, in French.
	r = w.buyer.expect(http.StatusCreated, "POST", base, tenderInput(time.Now().Add(10*24*time.Hour)))
	lots := base + "/" + r.body["id"].(string) + "/lots"
	before = w.tenderCount()
	lot := lotInput()
	lot["cpv"] = []any{"9091000-9"}
	lot["value_min_cents"], lot["value_max_cents"] = 500, 100
	lot["clauses"] = map[string]any{"reserved_participation": "none", "legal_bases": []any{"FR_L2113_12"}, "award_criteria": []any{
		map[string]any{"type": "price", "name": "Prix", "weight_type": "per-exa", "weight": 70},
		map[string]any{"type": "quality", "name": "", "weight_type": "per-exa", "weight": 20},
	}}
	r = w.buyer.expect(http.StatusUnprocessableEntity, "POST", lots, lot, "Accept-Language", "fr")
	for _, field := range []string{"body.cpv[0]", "body.value_max_cents", "body.clauses.legal_bases", "body.clauses.award_criteria",
		"body.clauses.award_criteria[1].name"} {
		if !strings.Contains(r.raw, `"location":"`+field+`"`) {
			t.Errorf("%s not named: %s", field, r.raw)
		}
	}
	if !strings.Contains(r.raw, "doivent totaliser 100 (actuellement 90") {
		t.Errorf("weights message in French: %s", r.raw)
	}
	// A CPV code with its check digit but not in the imported list, and a
	// German legal basis for a French buyer (the buyer's country decides).
	r = w.buyer.expect(http.StatusUnprocessableEntity, "POST", lots, with(lotInput(), map[string]any{"cpv": []any{"45000000-7"},
		"clauses": map[string]any{"reserved_participation": "res-ws", "legal_bases": []any{"DE_GWB_118"}}}))
	for _, field := range []string{"body.cpv[0]", "body.clauses.legal_bases[0]"} {
		if !strings.Contains(r.raw, `"location":"`+field+`"`) {
			t.Errorf("%s not named: %s", field, r.raw)
		}
	}
	// CPV codes are written in full, like offers'.
	r = w.buyer.expect(http.StatusCreated, "POST", lots, with(lotInput(), map[string]any{"cpv": []any{"90910000", "909112008"}}))
	if fmt.Sprint(r.body["cpv"]) != "[90910000-9 90911200-8]" {
		t.Errorf("canonical CPV codes: %s", r.raw)
	}
	w.buyer.expect(http.StatusNoContent, "DELETE", lots+"/"+r.body["id"].(string), nil)
	r = w.buyer.expect(http.StatusUnprocessableEntity, "POST", lots, with(lotInput(), map[string]any{"title": strings.Repeat("x", 201)}))
	if !strings.Contains(r.raw, `"location":"body.title"`) {
		t.Errorf("long lot title: %s", r.raw)
	}
	if n := w.tenderCount(); n != before {
		t.Fatalf("refused lots were written: %d rows, was %d", n, before)
	}

	// Only buyers post tenders; suppliers' members are refused.
	w.supplier.expect(http.StatusForbidden, "POST", "/api/v1/organisations/"+w.supplierOrg.ID+"/tenders", tenderInput(time.Now().Add(10*24*time.Hour)))
	// A moderator may not decide on a tender of their own organisation.
}

// TestAnonymousBuyer: the buyer's identity is hidden from suppliers and
// the public, shown to its members and moderators.
func TestAnonymousBuyer(t *testing.T) {
	w := newTenderWorld(t)
	id, _ := w.publishedTender(time.Now().Add(20*24*time.Hour), map[string]any{"buyer_anonymous": true})
	for name, c := range map[string]*client{"anonymous": w.anon, "supplier": w.supplier} {
		r := c.expect(http.StatusOK, "GET", "/api/v1/tenders/"+id, nil)
		if _, named := r.body["buyer"]; named || strings.Contains(r.raw, w.buyerOrg.ID) || strings.Contains(r.raw, "Thionville\"") && strings.Contains(r.raw, "Ville de") {
			t.Errorf("%s sees the anonymous buyer: %s", name, r.raw)
		}
		r = c.expect(http.StatusOK, "GET", "/api/v1/tenders", nil)
		if strings.Contains(r.raw, w.buyerOrg.ID) || strings.Contains(r.raw, "Ville de Thionville") {
			t.Errorf("%s sees the anonymous buyer in the list: %s", name, r.raw)
		}
	}
	for name, c := range map[string]*client{"buyer": w.buyer, "moderator": w.moderator} {
		r := c.expect(http.StatusOK, "GET", "/api/v1/tenders/"+id, nil)
		if b, _ := r.body["buyer"].(map[string]any); b == nil || b["name"] != "Ville de Thionville" {
			t.Errorf("%s must see the buyer: %s", name, r.raw)
		}
	}

	// Its documents reach suppliers without a link naming the buyer
	// (object keys carry the organisation's id): the content comes itself.
	doc := w.buyer.upload(w.buyerOrg.ID, "tender_document", "cahier.pdf", "application/pdf", bytes.NewReader(testPDF()))
	w.buyer.expect(http.StatusOK, "PUT", "/api/v1/organisations/"+w.buyerOrg.ID+"/tenders/"+id+"/documents/"+doc.body["id"].(string), nil)
	download := "/api/v1/tenders/" + id + "/documents/" + doc.body["id"].(string) + "/download"
	for name, c := range map[string]*client{"anonymous": w.e.client(), "supplier": w.supplier} {
		c.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		r := c.expect(http.StatusOK, "GET", download, nil)
		if !strings.HasPrefix(r.raw, "%PDF") || strings.Contains(fmt.Sprint(r.header), w.buyerOrg.ID) ||
			!strings.Contains(r.header.Get("Content-Disposition"), "cahier.pdf") {
			t.Errorf("%s: %v %q", name, r.header, r.raw)
		}
	}
	w.buyer.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	if r := w.buyer.expect(http.StatusSeeOther, "GET", download, nil); r.header.Get("Location") == "" {
		t.Errorf("the buyer itself gets the link: %v", r.header)
	}
}

// TestPublishedTenderListPaginates: nearest deadline first, a page at a time.
func TestPublishedTenderListPaginates(t *testing.T) {
	w := newTenderWorld(t)
	now := time.Now()
	var want []string
	for _, days := range []int{30, 10, 20} {
		id, _ := w.publishedTender(now.Add(time.Duration(days)*24*time.Hour), nil)
		want = append(want, id)
	}
	want = []string{want[1], want[2], want[0]}
	var got []string
	cursor := ""
	for range 5 {
		r := w.anon.expect(http.StatusOK, "GET", "/api/v1/tenders?limit=2&cursor="+cursor, nil)
		for _, it := range r.body["items"].([]any) {
			got = append(got, it.(map[string]any)["id"].(string))
		}
		if cursor, _ = r.body["next_cursor"].(string); cursor == "" {
			break
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("order %v, want %v", got, want)
	}
	w.anon.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/tenders?cursor=nonsense", nil)
}

// TestTenderOperationsAreDocumented: every operation of tenders,
// responses and favourites has a summary, a description, and a request
// body (when it takes one) whose schema carries examples.
func TestTenderOperationsAreDocumented(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(e.client().expect(http.StatusOK, "GET", "/api/openapi.json", nil).raw), &doc); err != nil {
		t.Fatal(err)
	}
	mine := map[string]bool{"Tenders": true, "Responses": true, "Favourites": true}
	seen := 0
	for path, ops := range doc.Paths {
		for method, raw := range ops {
			var op struct {
				Tags        []string `json:"tags"`
				Summary     string   `json:"summary"`
				Description string   `json:"description"`
				RequestBody *struct {
					Content map[string]struct {
						Schema struct {
							Ref string `json:"$ref"`
						} `json:"schema"`
					} `json:"content"`
				} `json:"requestBody"`
			}
			if err := json.Unmarshal(raw, &op); err != nil || len(op.Tags) == 0 || !mine[op.Tags[0]] {
				continue
			}
			seen++
			name := strings.ToUpper(method) + " " + path
			if op.Summary == "" || len(op.Description) < 20 {
				t.Errorf("%s: summary %q, description %q", name, op.Summary, op.Description)
			}
			if op.RequestBody == nil {
				continue
			}
			ref := op.RequestBody.Content["application/json"].Schema.Ref
			schema := doc.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")]
			examples := 0
			for _, prop := range schema.Properties {
				if _, ok := prop["examples"]; ok {
					examples++
				}
			}
			if examples == 0 {
				t.Errorf("%s: the request body %s has no example", name, ref)
			}
		}
	}
	if seen < 38 {
		t.Errorf("only %d tender, response and favourite operations documented", seen)
	}
}

// TestTenderPatchBadInput: a refused change names its fields and leaves
// the tender as it was.
func TestTenderPatchBadInput(t *testing.T) {
	w := newTenderWorld(t)
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	r := w.buyer.expect(http.StatusCreated, "POST", base, tenderInput(time.Now().Add(10*24*time.Hour)))
	id := r.body["id"].(string)
	before := w.buyer.expect(http.StatusOK, "GET", "/api/v1/tenders/"+id, nil).raw
	r = w.buyer.expect(http.StatusUnprocessableEntity, "PATCH", base+"/"+id, map[string]any{
		"place_town": strings.Repeat("t", 201), "responses_deadline": time.Now().Add(-time.Hour).UTC().Format(time.RFC3339),
		"response_languages": []any{}, "texts": []any{map[string]any{"language": "de", "title": "Nur Deutsch"}},
	})
	for _, field := range []string{"body.place_town", "body.responses_deadline", "body.response_languages", "body.language"} {
		if !strings.Contains(r.raw, `"location":"`+field+`"`) {
			t.Errorf("%s not named: %s", field, r.raw)
		}
	}
	w.buyer.expect(http.StatusUnprocessableEntity, "PATCH", base+"/"+id, map[string]any{"kind": "auction"})
	if after := w.buyer.expect(http.StatusOK, "GET", "/api/v1/tenders/"+id, nil).raw; after != before {
		t.Errorf("a refused change was written:\n%s\n%s", before, after)
	}
	// Responses too: a refused update leaves the draft.
	tenderID, lotID := w.publishedTender(time.Now().Add(10*24*time.Hour), nil)
	resp := w.supplier.expect(http.StatusCreated, "POST", "/api/v1/tenders/"+tenderID+"/lots/"+lotID+"/responses", map[string]any{"message": "Bonjour"})
	rid := resp.body["id"].(string)
	r = w.supplier.expect(http.StatusUnprocessableEntity, "PUT", "/api/v1/responses/"+rid, map[string]any{"message": "", "price_cents": -5})
	if !strings.Contains(r.raw, `"location":"body.message"`) {
		t.Errorf("response update: %s", r.raw)
	}
	if m := w.supplier.expect(http.StatusOK, "GET", "/api/v1/responses/"+rid, nil).body["message"]; m != "Bonjour" {
		t.Errorf("refused update written: %v", m)
	}
}
