package api

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// idorSecret is written into every private object of organisation A: no
// answer to anyone else may contain it, whatever its status.
const idorSecret = "Zqx-idor-secret-7731"

// What a member of another organisation (B) may get from a route called
// with A's ids.
const (
	// idorPrivate: the ids name A's private objects: 404 (or a refusal by
	// the route's rule, which does not depend on the object: 403), never
	// 2xx, never A's data. The walk sends valid bodies: a 400 or 422 means
	// the body was refused before the lookup and would hide a missing
	// check, so it fails too.
	idorPrivate = "private"
	// idorPublic: the id names a public object (an organisation's
	// profile, a published event, a CPV code, a schema): any status, but
	// never A's private data.
	idorPublic = "public"
	// idorOwn: the id is public (an event) and the route acts on the
	// caller's own data under it (B's registration): any status, never A's
	// data.
	idorOwn = "own"
	// idorStaff: moderators and administrators only: B is refused by the
	// rule (403).
	idorStaff = "staff"
)

// idorRoutes classifies every route that takes an id in its path. A new
// such route fails TestCrossOrganisationIDs until it is listed here.
var idorRoutes = map[string]string{
	"GET /api/schemas/{schema}":                                                             idorPublic,
	"DELETE /api/v1/admin/blocked-words/{wordID}":                                           idorStaff,
	"GET /api/v1/admin/search/rebuilds/{rebuildID}":                                         idorStaff,
	"PUT /api/v1/admin/users/{userID}/role":                                                 idorStaff,
	"GET /api/v1/cpv/{code}":                                                                idorPublic,
	"DELETE /api/v1/documents/{docID}":                                                      idorPrivate,
	"GET /api/v1/documents/{docID}":                                                         idorPrivate,
	"GET /api/v1/documents/{docID}/download":                                                idorPrivate,
	"GET /api/v1/events/{eventID}":                                                          idorPublic,
	"PUT /api/v1/events/{eventID}":                                                          idorStaff,
	"GET /api/v1/events/{eventID}/agenda":                                                   idorOwn,
	"GET /api/v1/events/{eventID}/agenda.ics":                                               idorOwn,
	"GET /api/v1/events/{eventID}/agenda.pdf":                                               idorOwn,
	"POST /api/v1/events/{eventID}/agendas/send":                                            idorStaff,
	"POST /api/v1/events/{eventID}/cancel":                                                  idorStaff,
	"GET /api/v1/events/{eventID}/delegates":                                                idorOwn,
	"GET /api/v1/events/{eventID}/exclusions":                                               idorOwn,
	"POST /api/v1/events/{eventID}/exclusions":                                              idorOwn,
	"DELETE /api/v1/events/{eventID}/exclusions/{organisationID}":                           idorOwn,
	"GET /api/v1/events/{eventID}/meeting-requests":                                         idorOwn,
	"POST /api/v1/events/{eventID}/meeting-requests":                                        idorOwn,
	"POST /api/v1/events/{eventID}/meeting-requests/{requestID}/accept":                     idorPrivate,
	"POST /api/v1/events/{eventID}/meeting-requests/{requestID}/decline":                    idorPrivate,
	"POST /api/v1/events/{eventID}/meeting-requests/{requestID}/withdraw":                   idorPrivate,
	"GET /api/v1/events/{eventID}/meetings":                                                 idorOwn,
	"PATCH /api/v1/events/{eventID}/meetings/{meetingID}":                                   idorStaff,
	"PUT /api/v1/events/{eventID}/meetings/{meetingID}/outcome":                             idorPrivate,
	"POST /api/v1/events/{eventID}/publish":                                                 idorStaff,
	"GET /api/v1/events/{eventID}/registration":                                             idorOwn,
	"POST /api/v1/events/{eventID}/registration/cancel":                                     idorOwn,
	"POST /api/v1/events/{eventID}/registration/checkout":                                   idorOwn,
	"POST /api/v1/events/{eventID}/registration/delegates":                                  idorOwn,
	"DELETE /api/v1/events/{eventID}/registration/delegates/{delegateID}":                   idorPrivate,
	"PUT /api/v1/events/{eventID}/registration/delegates/{delegateID}":                      idorPrivate,
	"GET /api/v1/events/{eventID}/registration/prefill":                                     idorOwn,
	"GET /api/v1/events/{eventID}/registrations":                                            idorStaff,
	"POST /api/v1/events/{eventID}/registrations":                                           idorOwn,
	"GET /api/v1/events/{eventID}/schedule":                                                 idorStaff,
	"POST /api/v1/events/{eventID}/schedule":                                                idorStaff,
	"GET /api/v1/events/{eventID}/suggestions":                                              idorOwn,
	"GET /api/v1/events/{eventID}/table-plan":                                               idorStaff,
	"GET /api/v1/events/{eventID}/table-plan.pdf":                                           idorStaff,
	"POST /api/v1/me/notifications/{id}/read":                                               idorPrivate,
	"DELETE /api/v1/me/saved-searches/{id}":                                                 idorPrivate,
	"GET /api/v1/me/saved-searches/{id}":                                                    idorPrivate,
	"PATCH /api/v1/me/saved-searches/{id}":                                                  idorPrivate,
	"POST /api/v1/moderation/offers/{offerID}/decision":                                     idorStaff,
	"POST /api/v1/moderation/organisations/{orgID}/reinstatement":                           idorStaff,
	"POST /api/v1/moderation/organisations/{orgID}/suspension":                              idorStaff,
	"POST /api/v1/moderation/reports/{reportID}/resolution":                                 idorStaff,
	"POST /api/v1/moderation/sse-statuses/{statusID}/reject":                                idorStaff,
	"POST /api/v1/moderation/sse-statuses/{statusID}/verify":                                idorStaff,
	"POST /api/v1/moderation/tenders/{tenderID}/decision":                                   idorStaff,
	"GET /api/v1/ocds/tenders/{tenderID}":                                                   idorPrivate,
	"DELETE /api/v1/offers/{offerID}":                                                       idorPrivate,
	"GET /api/v1/offers/{offerID}":                                                          idorPrivate,
	"PATCH /api/v1/offers/{offerID}":                                                        idorPrivate,
	"POST /api/v1/offers/{offerID}/archive":                                                 idorPrivate,
	"DELETE /api/v1/offers/{offerID}/documents/{documentID}":                                idorPrivate,
	"PUT /api/v1/offers/{offerID}/documents/{documentID}":                                   idorPrivate,
	"POST /api/v1/offers/{offerID}/submit":                                                  idorPrivate,
	"GET /api/v1/organisations/{orgID}":                                                     idorPublic,
	"PATCH /api/v1/organisations/{orgID}":                                                   idorPrivate,
	"GET /api/v1/organisations/{orgID}/documents":                                           idorPrivate,
	"POST /api/v1/organisations/{orgID}/documents":                                          idorPrivate,
	"GET /api/v1/organisations/{orgID}/favourite-lists":                                     idorPrivate,
	"POST /api/v1/organisations/{orgID}/favourite-lists":                                    idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/favourite-lists/{listID}":                         idorPrivate,
	"PATCH /api/v1/organisations/{orgID}/favourite-lists/{listID}":                          idorPrivate,
	"GET /api/v1/organisations/{orgID}/favourite-lists/{listID}/suppliers":                  idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/favourite-lists/{listID}/suppliers/{supplierID}":  idorPrivate,
	"PUT /api/v1/organisations/{orgID}/favourite-lists/{listID}/suppliers/{supplierID}":     idorPrivate,
	"GET /api/v1/organisations/{orgID}/impact":                                              idorPrivate,
	"GET /api/v1/organisations/{orgID}/impact.csv":                                          idorPrivate,
	"GET /api/v1/organisations/{orgID}/impact.pdf":                                          idorPrivate,
	"GET /api/v1/organisations/{orgID}/impact.xlsx":                                         idorPrivate,
	"GET /api/v1/organisations/{orgID}/invitations":                                         idorPrivate,
	"POST /api/v1/organisations/{orgID}/invitations":                                        idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/invitations/{invitationID}":                       idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/logo":                                             idorPrivate,
	"GET /api/v1/organisations/{orgID}/logo":                                                idorPublic,
	"PUT /api/v1/organisations/{orgID}/logo":                                                idorPrivate,
	"GET /api/v1/organisations/{orgID}/members":                                             idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/members/{userID}":                                 idorPrivate,
	"PATCH /api/v1/organisations/{orgID}/members/{userID}":                                  idorPrivate,
	"GET /api/v1/organisations/{orgID}/needs":                                               idorPrivate,
	"PUT /api/v1/organisations/{orgID}/needs/{lotID}/answer":                                idorPrivate,
	"GET /api/v1/organisations/{orgID}/offers":                                              idorPublic, // others see the published ones only
	"POST /api/v1/organisations/{orgID}/offers":                                             idorPrivate,
	"GET /api/v1/organisations/{orgID}/purchases":                                           idorPrivate,
	"GET /api/v1/organisations/{orgID}/purchases/imports":                                   idorPrivate,
	"POST /api/v1/organisations/{orgID}/purchases/imports":                                  idorPrivate,
	"GET /api/v1/organisations/{orgID}/purchases/imports/{importID}":                        idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/purchases/imports/{importID}":                     idorPrivate,
	"GET /api/v1/organisations/{orgID}/purchases/imports/{importID}/errors.csv":             idorPrivate,
	"GET /api/v1/organisations/{orgID}/purchases/levy-offset":                               idorPrivate,
	"GET /api/v1/organisations/{orgID}/purchases/levy-offset.pdf":                           idorPrivate,
	"GET /api/v1/organisations/{orgID}/purchases/sse-share":                                 idorPrivate,
	"PATCH /api/v1/organisations/{orgID}/purchases/{purchaseID}":                            idorPrivate,
	"GET /api/v1/organisations/{orgID}/responses":                                           idorPrivate,
	"GET /api/v1/organisations/{orgID}/sse-statuses":                                        idorPublic, // others see the verified ones only
	"POST /api/v1/organisations/{orgID}/sse-statuses":                                       idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/sse-statuses/{statusID}":                          idorPrivate,
	"PATCH /api/v1/organisations/{orgID}/sse-statuses/{statusID}":                           idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/sse-statuses/{statusID}/evidence/{documentID}":    idorPrivate,
	"PUT /api/v1/organisations/{orgID}/sse-statuses/{statusID}/evidence/{documentID}":       idorPrivate,
	"POST /api/v1/organisations/{orgID}/sse-statuses/{statusID}/verification-request":       idorPrivate,
	"GET /api/v1/organisations/{orgID}/tenders":                                             idorPrivate,
	"POST /api/v1/organisations/{orgID}/tenders":                                            idorPrivate,
	"PATCH /api/v1/organisations/{orgID}/tenders/{tenderID}":                                idorPrivate,
	"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/cancel":                          idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/tenders/{tenderID}/documents/{documentID}":        idorPrivate,
	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/documents/{documentID}":           idorPrivate,
	"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/lots":                            idorPrivate,
	"DELETE /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}":                  idorPrivate,
	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}":                     idorPrivate,
	"GET /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}/matches":             idorPrivate,
	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}/outcome":             idorPrivate,
	"GET /api/v1/organisations/{orgID}/tenders/{tenderID}/not-interested":                   idorPrivate,
	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/questions/{questionID}/answer":    idorPrivate,
	"GET /api/v1/organisations/{orgID}/tenders/{tenderID}/responses":                        idorPrivate,
	"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/responses/{responseID}/decision": idorPrivate,
	"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/submit":                          idorPrivate,
	"GET /api/v1/responses/{responseID}":                                                    idorPrivate,
	"PUT /api/v1/responses/{responseID}":                                                    idorPrivate,
	"POST /api/v1/responses/{responseID}/confirm":                                           idorPrivate,
	"DELETE /api/v1/responses/{responseID}/documents/{documentID}":                          idorPrivate,
	"PUT /api/v1/responses/{responseID}/documents/{documentID}":                             idorPrivate,
	"GET /api/v1/responses/{responseID}/documents/{documentID}/download":                    idorPrivate,
	"POST /api/v1/responses/{responseID}/submit":                                            idorPrivate,
	"POST /api/v1/responses/{responseID}/withdraw":                                          idorPrivate,
	"GET /api/v1/tenders/{tenderID}":                                                        idorPrivate,
	"GET /api/v1/tenders/{tenderID}/documents/{documentID}/download":                        idorPrivate,
	"POST /api/v1/tenders/{tenderID}/lots/{lotID}/responses":                                idorPrivate,
	"PUT /api/v1/tenders/{tenderID}/not-interested":                                         idorPrivate,
	"GET /api/v1/tenders/{tenderID}/questions":                                              idorPrivate,
	"POST /api/v1/tenders/{tenderID}/questions":                                             idorPrivate,
}

// idorWorld is organisation A's private objects (every text carries
// idorSecret) and organisation B's members.
type idorWorld struct {
	// ids are A's objects, by the name of the path parameter that takes
	// them (or the name idorParams gives for a route).
	ids map[string]string
	// bodies are the write routes' request bodies (JSON values, or an
	// idorUpload), valid in every respect but who owns the objects the
	// path names: a body refused before the lookup would hide a missing
	// ownership check.
	bodies map[string]any
	// aBuyer and aSupplier are A's organisations (a tender is a buyer's,
	// an offer a supplier's); bBuyer and bSupplier B's, of the same kinds.
	aBuyer, aSupplier, bBuyer, bSupplier string
	b, bAsBuyer                          *client
}

// idorUpload is a body that is not JSON: a multipart form.
type idorUpload struct {
	contentType string
	data        []byte
}

// multipartForm builds a multipart/form-data body of fields then one
// file in the field "file".
func multipartForm(t *testing.T, fields map[string]string, filename, contentType string, content []byte) idorUpload {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, filename))
	h.Set("Content-Type", contentType)
	part, err := mw.CreatePart(h)
	if err == nil {
		_, err = part.Write(content)
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return idorUpload{contentType: mw.FormDataContentType(), data: buf.Bytes()}
}

// idorParams names, for the routes where it is not the parameter's own
// name, which of A's ids a path parameter takes: the ids of one route
// belong together (a document attached to the object it is called with, a
// question of the tender it is called with), so that only the caller's
// organisation is wrong.
var idorParams = map[string]map[string]string{
	"POST /api/v1/me/notifications/{id}/read": {"id": "notificationID"},
	"DELETE /api/v1/me/saved-searches/{id}":   {"id": "savedSearchID"},
	"GET /api/v1/me/saved-searches/{id}":      {"id": "savedSearchID"},
	"PATCH /api/v1/me/saved-searches/{id}":    {"id": "savedSearchID"},

	"DELETE /api/v1/offers/{offerID}/documents/{documentID}": {"documentID": "offerDocumentID"},
	"PUT /api/v1/offers/{offerID}/documents/{documentID}":    {"documentID": "offerDocumentID"},

	"DELETE /api/v1/organisations/{orgID}/tenders/{tenderID}/documents/{documentID}": {"documentID": "tenderDocumentID"},
	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/documents/{documentID}":    {"documentID": "tenderDocumentID"},
	"GET /api/v1/tenders/{tenderID}/documents/{documentID}/download":                 {"documentID": "tenderDocumentID"},

	"DELETE /api/v1/responses/{responseID}/documents/{documentID}":       {"documentID": "responseDocumentID"},
	"PUT /api/v1/responses/{responseID}/documents/{documentID}":          {"documentID": "responseDocumentID"},
	"GET /api/v1/responses/{responseID}/documents/{documentID}/download": {"documentID": "responseDocumentID"},

	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/questions/{questionID}/answer":    {"tenderID": "publishedTenderID"},
	"GET /api/v1/organisations/{orgID}/tenders/{tenderID}/responses":                        {"tenderID": "publishedTenderID"},
	"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/responses/{responseID}/decision": {"tenderID": "publishedTenderID"},
}

// idorParam is the name of A's id that param takes on route key.
func idorParam(key, param string) string {
	if name, ok := idorParams[key][param]; ok {
		return name
	}
	return param
}

func newIDORWorld(t *testing.T) (*env, *idorWorld) {
	w := newTenderWorld(t)
	e := w.e
	iw := &idorWorld{ids: map[string]string{}, aBuyer: w.buyerOrg.ID, aSupplier: w.supplierOrg.ID, bSupplier: w.other.ID, b: w.rival}
	bBuyer := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Stadt Saarhausen"})
	iw.bBuyer = bBuyer.ID
	iw.bAsBuyer = e.as(e.db.User(t, storetest.UserOptions{Organisation: bBuyer.ID, Role: domain.RoleOwner}).ID)
	attach := func(c *client, path string) {
		t.Helper()
		if r := c.do("PUT", path, nil); r.status/100 != 2 {
			t.Fatalf("attach %s: %d %s", path, r.status, r.raw)
		}
	}
	upload := func(c *client, orgID, purpose, filename, contentType string, content []byte) string {
		t.Helper()
		r := c.upload(orgID, purpose, filename, contentType, bytes.NewReader(content))
		if r.status != http.StatusCreated {
			t.Fatalf("upload %s: %d %s", purpose, r.status, r.raw)
		}
		return r.body["id"].(string)
	}

	// A's draft tender, its lot and its document.
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	in := tenderInput(time.Now().Add(20 * 24 * time.Hour))
	in["title"], in["description"] = "Brouillon "+idorSecret, "Description "+idorSecret
	draft := w.buyer.expect(http.StatusCreated, "POST", base, in).body["id"].(string)
	lot := lotInput()
	lot["title"] = "Lot " + idorSecret
	iw.ids["tenderID"] = draft
	iw.ids["lotID"] = w.buyer.expect(http.StatusCreated, "POST", base+"/"+draft+"/lots", lot).body["id"].(string)
	iw.ids["tenderDocumentID"] = upload(w.buyer, w.buyerOrg.ID, "tender_document", idorSecret+".pdf", "application/pdf", testPDF())
	attach(w.buyer, base+"/"+draft+"/documents/"+iw.ids["tenderDocumentID"])

	// A supplier's draft response, with its document, and question to A
	// buyer's published tender.
	pub, pubLot := w.publishedTender(time.Now().Add(20*24*time.Hour), nil)
	iw.ids["publishedTenderID"] = pub
	iw.ids["responseID"] = w.supplier.expect(http.StatusCreated, "POST", "/api/v1/tenders/"+pub+"/lots/"+pubLot+"/responses",
		map[string]any{"message": "Réponse " + idorSecret, "price_cents": 100000, "price_text": idorSecret}).body["id"].(string)
	iw.ids["responseDocumentID"] = upload(w.supplier, w.supplierOrg.ID, "response_document", idorSecret+".pdf", "application/pdf", testPDF())
	attach(w.supplier, "/api/v1/responses/"+iw.ids["responseID"]+"/documents/"+iw.ids["responseDocumentID"])
	iw.ids["questionID"] = w.supplier.expect(http.StatusCreated, "POST", "/api/v1/tenders/"+pub+"/questions",
		map[string]any{"question": "Question " + idorSecret + " ?"}).body["id"].(string)

	// A supplier's draft offer with its photo, and SSE status with its
	// evidence document, waiting for a moderator.
	iw.ids["offerID"] = e.db.Offer(t, w.supplierOrg.ID, storetest.OfferOptions{State: domain.OfferDraft, Title: "Offre " + idorSecret}).ID
	iw.ids["offerDocumentID"] = upload(w.supplier, w.supplierOrg.ID, "offer_photo", idorSecret+".png", "image/png", pngBytes(t))
	attach(w.supplier, "/api/v1/offers/"+iw.ids["offerID"]+"/documents/"+iw.ids["offerDocumentID"])
	iw.ids["statusID"] = e.db.SSEStatus(t, w.supplierOrg.ID, storetest.StatusOptions{Type: domain.SSEFrESAT, State: domain.VerificationUnverified}).ID
	doc := upload(w.supplier, w.supplierOrg.ID, "sse_evidence", idorSecret+".png", "image/png", pngBytes(t))
	iw.ids["docID"], iw.ids["documentID"] = doc, doc
	status := "/api/v1/organisations/" + w.supplierOrg.ID + "/sse-statuses/" + iw.ids["statusID"]
	attach(w.supplier, status+"/evidence/"+doc)
	w.supplier.expect(http.StatusOK, "POST", status+"/verification-request", nil)

	// A buyer's favourite list, with A's supplier in it.
	iw.ids["listID"] = w.buyer.expect(http.StatusCreated, "POST", "/api/v1/organisations/"+w.buyerOrg.ID+"/favourite-lists",
		map[string]any{"name": "Liste " + idorSecret}).body["id"].(string)
	iw.ids["supplierID"] = w.supplierOrg.ID
	attach(w.buyer, "/api/v1/organisations/"+w.buyerOrg.ID+"/favourite-lists/"+iw.ids["listID"]+"/suppliers/"+w.supplierOrg.ID)

	// A supplier user's saved search.
	iw.ids["savedSearchID"] = w.supplier.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches",
		map[string]any{"name": "Recherche " + idorSecret, "query": "q=nettoyage"}).body["id"].(string)

	// A supplier's logo (uploaded, not yet set).
	iw.ids["logoDocumentID"] = upload(w.supplier, w.supplierOrg.ID, "logo", "logo.png", "image/png", pngBytes(t))

	// A plain member of A (with a confirmed address: A's notifications
	// reach them), and a pending invitation into A.
	aUser := e.db.User(t, storetest.UserOptions{Organisation: w.supplierOrg.ID, Role: domain.RoleMember, EmailVerified: true})
	aMember := e.as(aUser.ID)
	iw.ids["userID"] = aUser.ID
	iw.ids["invitationID"] = w.supplier.expect(http.StatusCreated, "POST", "/api/v1/organisations/"+w.supplierOrg.ID+"/invitations",
		map[string]any{"email": mailtest.UniqueAddress(t), "role": "member"}).body["id"].(string)

	// A buyer's purchase ledger, imported by the job, and one of its
	// purchases.
	ledger := "supplier;amount;date;category\n81234567600009;10,00;2026-01-05;Nettoyage " + idorSecret + "\n"
	imp := w.buyer.send("POST", "/api/v1/organisations/"+w.buyerOrg.ID+"/purchases/imports?filename=achats-"+idorSecret+".csv", "text/csv",
		strings.NewReader(ledger), int64(len(ledger)))
	if imp.status != http.StatusAccepted {
		t.Fatalf("ledger upload: %d %s", imp.status, imp.raw)
	}
	iw.ids["importID"] = imp.body["id"].(string)
	if r := waitImport(t, w.buyer, w.buyerOrg.ID, iw.ids["importID"]); r.body["state"] != "done" {
		t.Fatalf("ledger import: %s", r.raw)
	}
	purchases := w.buyer.expect(http.StatusOK, "GET", "/api/v1/organisations/"+w.buyerOrg.ID+"/purchases?import="+iw.ids["importID"], nil)
	if items, _ := purchases.body["items"].([]any); len(items) == 1 {
		iw.ids["purchaseID"], _ = items[0].(map[string]any)["id"].(string)
	}

	// A's supplier and B's at a published event, with a third
	// organisation: a meeting of A with it (requested, accepted,
	// scheduled, in the agendas sent), and its pending request to another
	// of A's delegates, which notifies A's members. B takes part too, so
	// that only ownership refuses B. Names are public to the participants:
	// only the request's message is A's secret.
	cw := e.conventionWorld(conventionOptions{})
	aConv := cw.enrol(w.supplierOrg, aMember, 2)
	bConv := cw.enrol(w.other, w.rival, 1)
	mairie := cw.register("Mairie de Metz", domain.OrgPublicBuyer, 1)
	met := cw.accepted(mairie, mairie.delegates[0], aConv, aConv.delegates[0], "would_like", "ok")
	cw.mod.expect(http.StatusOK, "POST", cw.path("/schedule"), nil)
	cw.mod.expect(http.StatusOK, "POST", cw.path("/agendas/send"), map[string]any{"kind": "preliminary"})
	for _, m := range cw.meetings() {
		if m["request_id"] == met {
			iw.ids["meetingID"], _ = m["id"].(string)
		}
	}
	iw.ids["eventID"] = cw.eventID
	iw.ids["delegateID"] = aConv.delegates[0]
	iw.ids["organisationID"] = w.supplierOrg.ID
	iw.ids["requestID"] = mairie.member.expect(http.StatusCreated, "POST", cw.path("/meeting-requests"), map[string]any{
		"from_delegate_id": mairie.delegates[0], "to_delegate_id": aConv.delegates[1], "priority": "must_meet",
		"message": "Message " + idorSecret}).body["id"].(string)
	notes, _ := aMember.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil).body["items"].([]any)
	for _, it := range notes {
		if n, _ := it.(map[string]any); n["kind"] == "meeting_request_received" && strings.Contains(fmt.Sprint(n["data"]), idorSecret) {
			iw.ids["notificationID"], _ = n["id"].(string)
		}
	}

	var typeID string
	if types, _ := cw.mod.expect(http.StatusOK, "GET", cw.path(""), nil).body["participation_types"].([]any); len(types) > 0 {
		typeID, _ = types[0].(map[string]any)["id"].(string)
	}
	iw.bodies = idorBodies(t, iw, bConv.delegates[0], typeID, pngBytes(t))
	return e, iw
}

// idorBodies are valid bodies for the routes that take one: what A's own
// members could send. Ids in them are A's (B's delegate's for B's own
// convention routes).
func idorBodies(t *testing.T, w *idorWorld, bDelegate, participationType string, png []byte) map[string]any {
	deadline := time.Now().Add(40 * 24 * time.Hour)
	delegate := delegateInput("Déléguée Walk")
	offer := offerInput()
	offer["cpv_codes"] = []string{"90911200-8"} // loaded by newTenderWorld
	return map[string]any{
		"POST /api/v1/events/{eventID}/exclusions":                           map[string]any{"organisation_id": w.aSupplier, "kind": "met_before"},
		"POST /api/v1/events/{eventID}/meeting-requests":                     map[string]any{"from_delegate_id": bDelegate, "to_delegate_id": w.ids["delegateID"], "priority": "would_like"},
		"POST /api/v1/events/{eventID}/meeting-requests/{requestID}/accept":  map[string]any{"priority": "must_meet"},
		"POST /api/v1/events/{eventID}/meeting-requests/{requestID}/decline": map[string]any{"reason": "Pas cette année"},
		"PATCH /api/v1/events/{eventID}/meetings/{meetingID}":                map[string]any{"locked": true},
		"PUT /api/v1/events/{eventID}/meetings/{meetingID}/outcome":          map[string]any{"outcome": "held", "note": "Bon échange"},
		"POST /api/v1/events/{eventID}/registration/delegates":               delegate,
		"POST /api/v1/events/{eventID}/registrations": map[string]any{"participation_type_id": participationType,
			"delegates": []any{delegateInput("Délégué Walk")}},
		"PUT /api/v1/events/{eventID}/registration/delegates/{delegateID}": delegate,
		"PATCH /api/v1/me/saved-searches/{id}":                             map[string]any{"name": "Renommée"},
		"PATCH /api/v1/offers/{offerID}":                                   map[string]any{"title": "Nettoyage de vitres"},
		"PATCH /api/v1/organisations/{orgID}":                              map[string]any{"trade_name": "Nouveau nom", "town": "Metz", "postcode": "57000"},
		"POST /api/v1/organisations/{orgID}/documents":                     multipartForm(t, map[string]string{"purpose": "other"}, "note.png", "image/png", png),
		"POST /api/v1/organisations/{orgID}/favourite-lists":               map[string]any{"name": "Nouvelle liste"},
		"PATCH /api/v1/organisations/{orgID}/favourite-lists/{listID}":     map[string]any{"name": "Renommée"},
		"POST /api/v1/organisations/{orgID}/invitations":                   map[string]any{"email": mailtest.UniqueAddress(t), "role": "member"},
		"PUT /api/v1/organisations/{orgID}/logo":                           map[string]any{"document_id": w.ids["logoDocumentID"]},
		"PATCH /api/v1/organisations/{orgID}/members/{userID}":             map[string]any{"role": "owner"},
		"PUT /api/v1/organisations/{orgID}/needs/{lotID}/answer":           map[string]any{"answer": "interested"},
		"POST /api/v1/organisations/{orgID}/offers":                        offer,
		"POST /api/v1/organisations/{orgID}/purchases/imports": multipartForm(t, nil, "achats.csv", "text/csv",
			[]byte("supplier;amount;date;category\n81234567600009;20,00;2026-02-05;Repas\n")),
		"PATCH /api/v1/organisations/{orgID}/purchases/{purchaseID}": map[string]any{"labour_cost_percent": 40},
		"POST /api/v1/organisations/{orgID}/sse-statuses": map[string]any{"type": "fr_ea", "registration_number": "EA-57-002",
			"valid_until": time.Now().AddDate(0, 6, 0).Format(time.DateOnly)},
		"PATCH /api/v1/organisations/{orgID}/sse-statuses/{statusID}":                           map[string]any{"registration_number": "ESAT-57-003"},
		"POST /api/v1/organisations/{orgID}/tenders":                                            tenderInput(deadline),
		"PATCH /api/v1/organisations/{orgID}/tenders/{tenderID}":                                map[string]any{"place_town": "Metz"},
		"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/cancel":                          map[string]any{"reason": "Besoin couvert"},
		"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/lots":                            lotInput(),
		"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}":                     lotInput(),
		"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}/outcome":             map[string]any{"result": "not_awarded"},
		"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/questions/{questionID}/answer":    map[string]any{"answer": "Oui."},
		"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/responses/{responseID}/decision": map[string]any{"decision": "shortlist"},
		"PUT /api/v1/responses/{responseID}":                                                    map[string]any{"message": "Nouvelle version", "price_cents": 90000},
		"POST /api/v1/tenders/{tenderID}/lots/{lotID}/responses":                                map[string]any{"message": "Notre offre", "price_cents": 90000},
		"PUT /api/v1/tenders/{tenderID}/not-interested":                                         map[string]any{"reason": "Pas de capacité ce trimestre"},
		"POST /api/v1/tenders/{tenderID}/questions":                                             map[string]any{"question": "Quelle surface ?"},
	}
}

// orgFor picks which of A's (or B's) organisations a route's {orgID}
// names: the buyer's for buyers' objects, else the supplier's.
func orgFor(path string, buyer, supplier string) string {
	for _, p := range []string{"/tenders", "/favourite-lists", "/purchases", "/impact"} {
		if strings.Contains(path, "/organisations/{orgID}"+p) {
			return buyer
		}
	}
	return supplier
}

// TestCrossOrganisationIDs calls every id-taking route with organisation
// A's ids, as a member of organisation B (with A's organisation id, and,
// for routes under an organisation, with B's own organisation id and A's
// object ids) and anonymously: private objects are 404, refusals carry
// no data, and no answer ever contains A's private texts.
func TestCrossOrganisationIDs(t *testing.T) {
	e, w := newIDORWorld(t)
	// The fixture really made A's objects: a private route called with an
	// id that exists nowhere would pass whatever its checks. (The staff
	// routes' own ids, which B is refused by rule, may be unknown.)
	for key, class := range idorRoutes {
		if class != idorPrivate {
			continue
		}
		for _, p := range pathParam.FindAllString(key, -1) {
			if name := idorParam(key, strings.Trim(p, "{}")); name != "orgID" && w.ids[name] == "" {
				t.Errorf("%s: the fixture has no %s of A", key, name)
			}
		}
	}
	// Every private route that takes a body is sent a valid one.
	spec := e.client().expect(http.StatusOK, "GET", "/api/openapi.json", nil).body
	paths, _ := spec["paths"].(map[string]any)
	for key, class := range idorRoutes {
		method, path, _ := strings.Cut(key, " ")
		ops, _ := paths[path].(map[string]any)
		op, _ := ops[strings.ToLower(method)].(map[string]any)
		if _, takesBody := op["requestBody"]; takesBody && class == idorPrivate && w.bodies[key] == nil {
			t.Errorf("%s takes a body: give it a valid one in idorBodies", key)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	// B takes part in A's event, and stays a participant while the routes
	// about A's convention objects are called: the routes on B's own
	// registration come after them, the one that cancels it last.
	routes := slices.Clone(e.routes)
	slices.SortStableFunc(routes, func(a, b RouteInfo) int { return idorOrder(a) - idorOrder(b) })
	for _, rt := range routes {
		key := rt.Method + " " + rt.Path
		if !strings.Contains(rt.Path, "{") {
			continue
		}
		class, ok := idorRoutes[key]
		if !ok {
			t.Errorf("route %s takes an id but is not classified in idorRoutes", key)
			continue
		}
		outsiderAllowed := false
		for _, p := range expectedAccess[key] {
			outsiderAllowed = outsiderAllowed || p == outsider
		}
		calls := []struct {
			who     string
			c       *client
			orgID   string
			ownOrg  bool
			allowed []string
		}{
			{who: "anonymous", c: e.client(), orgID: orgFor(rt.Path, w.aBuyer, w.aSupplier)},
			{who: "B with A's organisation", c: w.bClient(rt.Path), orgID: orgFor(rt.Path, w.aBuyer, w.aSupplier)},
		}
		if strings.Contains(rt.Path, "/organisations/{orgID}/") && strings.Count(rt.Path, "{") > 1 {
			calls = append(calls, struct {
				who     string
				c       *client
				orgID   string
				ownOrg  bool
				allowed []string
			}{who: "B with its own organisation", c: w.bClient(rt.Path), orgID: orgFor(rt.Path, w.bBuyer, w.bSupplier), ownOrg: true})
		}
		for _, call := range calls {
			fill := func(fresh bool) string {
				return pathParam.ReplaceAllStringFunc(rt.Path, func(p string) string {
					name := strings.Trim(p, "{}")
					switch name {
					case "orgID":
						return call.orgID
					case "code":
						return "90910000"
					case "schema":
						return "ErrorModel"
					}
					name = idorParam(key, name)
					if id, ok := w.ids[name]; ok && (!fresh || publicIDs[name]) {
						return id
					}
					return store.NewID() // an id that exists nowhere
				})
			}
			body := w.bodies[key]
			path := fill(false)
			r := idorCall(call.c, rt.Method, path, body)
			where := key + " as " + call.who
			if strings.Contains(r.raw, idorSecret) {
				t.Errorf("%s: %d answer holds A's private data: %.300s", where, r.status, r.raw)
			}
			if call.who == "anonymous" {
				anonAllowed := false
				for _, p := range expectedAccess[key] {
					anonAllowed = anonAllowed || p == anon
				}
				if !anonAllowed && r.status != http.StatusUnauthorized {
					t.Errorf("%s: %d, want 401", where, r.status)
				}
				continue
			}
			switch class {
			case idorStaff:
				if r.status != http.StatusForbidden {
					t.Errorf("%s: %d, want 403 (staff only)", where, r.status)
				}
				continue
			case idorPrivate:
				if r.status < 400 {
					t.Errorf("%s: %d on A's private object: %.300s", where, r.status, r.raw)
					continue
				}
				if r.status == http.StatusBadRequest || r.status == http.StatusUnsupportedMediaType || r.status == http.StatusUnprocessableEntity {
					t.Errorf("%s: %d %s: the body was refused before A's object was looked up, which would hide a missing check: "+
						"fix idorBodies", where, r.status, problemText(r))
				}
			}
			// Whatever B is told about A's objects, it is told the same
			// about ids that exist nowhere: the answer reveals nothing.
			if twinPath := fill(true); twinPath != path && r.status != http.StatusNotFound {
				twin := idorCall(call.c, rt.Method, twinPath, body)
				if twin.status != r.status || problemText(twin) != problemText(r) {
					t.Errorf("%s: A's ids get %d %s, unknown ids %d %s: the answer reveals A's objects",
						where, r.status, problemText(r), twin.status, problemText(twin))
				}
			}
		}
	}
	for key := range idorRoutes {
		found := false
		for _, rt := range e.routes {
			found = found || rt.Method+" "+rt.Path == key
		}
		if !found {
			t.Errorf("idorRoutes lists %s, which is not a route", key)
		}
	}
}

// idorOrder is when the walk calls a route: B's own convention routes
// after the others, and the cancellation of B's registration last.
func idorOrder(rt RouteInfo) int {
	switch key := rt.Method + " " + rt.Path; {
	case key == "POST /api/v1/events/{eventID}/registration/cancel":
		return 2
	case idorRoutes[key] == idorOwn:
		return 1
	}
	return 0
}

// idorCall sends a walk's request with its body: JSON, an idorUpload, or
// none.
func idorCall(c *client, method, path string, body any) response {
	c.e.t.Helper()
	if u, ok := body.(idorUpload); ok {
		return c.send(method, path, u.contentType, bytes.NewReader(u.data), int64(len(u.data)))
	}
	return c.do(method, path, body)
}

// bClient is B's member of the kind the route's organisation is.
func (w *idorWorld) bClient(path string) *client {
	if orgFor(path, "buyer", "supplier") == "buyer" {
		return w.bAsBuyer
	}
	return w.b
}

// publicIDs name public objects: they are kept when a call is repeated
// with unknown ids.
var publicIDs = map[string]bool{"eventID": true, "supplierID": true, "organisationID": true}

// problemText is what a refusal says: its detail and field errors.
func problemText(r response) string {
	detail, _ := r.body["detail"].(string)
	var fields []string
	if errs, ok := r.body["errors"].([]any); ok {
		for _, e := range errs {
			if m, ok := e.(map[string]any); ok {
				loc, _ := m["location"].(string)
				msg, _ := m["message"].(string)
				fields = append(fields, loc+": "+msg)
			}
		}
	}
	return strings.TrimSpace(detail + " " + strings.Join(fields, "; "))
}
