package api

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
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
	// the route's rule, which does not depend on the object: 403, or a
	// body refused before any lookup: 422), never 2xx, never A's data.
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
	"PATCH /api/v1/events/{eventID}/meetings/{meetingID}":                                   idorPrivate,
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
	ids map[string]string // path parameter → one of A's ids
	// aBuyer and aSupplier are A's organisations (a tender is a buyer's,
	// an offer a supplier's); bBuyer and bSupplier B's, of the same kinds.
	aBuyer, aSupplier, bBuyer, bSupplier string
	b, bAsBuyer                          *client
}

func newIDORWorld(t *testing.T) (*env, *idorWorld) {
	w := newTenderWorld(t)
	e := w.e
	iw := &idorWorld{ids: map[string]string{}, aBuyer: w.buyerOrg.ID, aSupplier: w.supplierOrg.ID, bSupplier: w.other.ID, b: w.rival}
	bBuyer := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Stadt Saarhausen"})
	iw.bBuyer = bBuyer.ID
	iw.bAsBuyer = e.as(e.db.User(t, storetest.UserOptions{Organisation: bBuyer.ID, Role: domain.RoleOwner}).ID)

	// A's draft tender and its lot.
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	in := tenderInput(time.Now().Add(20 * 24 * time.Hour))
	in["title"], in["description"] = "Brouillon "+idorSecret, "Description "+idorSecret
	draft := w.buyer.expect(http.StatusCreated, "POST", base, in).body["id"].(string)
	lot := lotInput()
	lot["title"] = "Lot " + idorSecret
	iw.ids["tenderID"] = draft
	iw.ids["lotID"] = w.buyer.expect(http.StatusCreated, "POST", base+"/"+draft+"/lots", lot).body["id"].(string)

	// A supplier's draft response (and question) to a published tender.
	pub, pubLot := w.publishedTender(time.Now().Add(20*24*time.Hour), nil)
	iw.ids["responseID"] = w.supplier.expect(http.StatusCreated, "POST", "/api/v1/tenders/"+pub+"/lots/"+pubLot+"/responses",
		map[string]any{"message": "Réponse " + idorSecret, "price_cents": 100000, "price_text": idorSecret}).body["id"].(string)
	iw.ids["questionID"] = w.supplier.expect(http.StatusCreated, "POST", "/api/v1/tenders/"+pub+"/questions",
		map[string]any{"question": "Question " + idorSecret + " ?"}).body["id"].(string)

	// A supplier's draft offer, pending SSE status and evidence document.
	iw.ids["offerID"] = e.db.Offer(t, w.supplierOrg.ID, storetest.OfferOptions{State: domain.OfferDraft, Title: "Offre " + idorSecret}).ID
	iw.ids["statusID"] = e.db.SSEStatus(t, w.supplierOrg.ID, storetest.StatusOptions{Type: domain.SSEFrESAT, State: domain.VerificationPending}).ID
	doc := w.supplier.upload(w.supplierOrg.ID, "sse_evidence", idorSecret+".png", "image/png", bytes.NewReader(pngBytes(t)))
	if doc.status != http.StatusCreated {
		t.Fatalf("upload: %d %s", doc.status, doc.raw)
	}
	iw.ids["docID"], iw.ids["documentID"] = doc.body["id"].(string), doc.body["id"].(string)

	// A buyer's favourite list, with A's supplier in it.
	iw.ids["listID"] = w.buyer.expect(http.StatusCreated, "POST", "/api/v1/organisations/"+w.buyerOrg.ID+"/favourite-lists",
		map[string]any{"name": "Liste " + idorSecret}).body["id"].(string)
	iw.ids["supplierID"] = w.supplierOrg.ID

	// A supplier user's saved search.
	iw.ids["id"] = w.supplier.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches",
		map[string]any{"name": "Recherche " + idorSecret, "query": "q=nettoyage"}).body["id"].(string)

	// A's registration at a published event: a delegate and a meeting
	// request to another registered organisation.
	cw := e.conventionWorld(conventionOptions{})
	aConv := cw.register("A "+idorSecret, domain.OrgSSESupplier, 1)
	other := cw.register("Autre", domain.OrgPublicBuyer, 1)
	iw.ids["eventID"] = cw.eventID
	iw.ids["delegateID"] = aConv.delegates[0]
	r := aConv.member.expect(http.StatusCreated, "POST", cw.path("/meeting-requests"), map[string]any{"from_delegate_id": aConv.delegates[0],
		"to_delegate_id": other.delegates[0], "priority": "would_like", "message": "Message " + idorSecret})
	iw.ids["requestID"] = r.body["id"].(string)
	iw.ids["organisationID"] = aConv.org.ID

	// A member of A, for the membership routes.
	members := w.supplier.expect(http.StatusOK, "GET", "/api/v1/organisations/"+w.supplierOrg.ID+"/members", nil)
	if items, _ := members.body["items"].([]any); len(items) > 0 {
		if m, ok := items[0].(map[string]any); ok {
			iw.ids["userID"], _ = m["user_id"].(string)
		}
	}
	return e, iw
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
	// The fixture really made A's objects: a missing one would silently
	// test an id that exists nowhere. Parameters without one here
	// (meetingID, invitationID, importID, purchaseID, the staff routes'
	// ids) are called with unknown ids.
	for _, name := range []string{"tenderID", "lotID", "responseID", "questionID", "offerID", "statusID", "docID", "documentID",
		"listID", "supplierID", "id", "eventID", "delegateID", "requestID", "organisationID", "userID"} {
		if w.ids[name] == "" {
			t.Fatalf("the fixture has no %s of A", name)
		}
	}
	for _, rt := range e.routes {
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
					if id, ok := w.ids[name]; ok && (!fresh || publicIDs[name]) {
						return id
					}
					return store.NewID() // an id that exists nowhere
				})
			}
			var body any
			if rt.Method != http.MethodGet && rt.Method != http.MethodDelete {
				body = map[string]any{}
			}
			path := fill(false)
			r := call.c.do(rt.Method, path, body)
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
			}
			// Whatever B is told about A's objects, it is told the same
			// about ids that exist nowhere: the answer reveals nothing.
			if twinPath := fill(true); twinPath != path && r.status != http.StatusNotFound {
				twin := call.c.do(rt.Method, twinPath, body)
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
