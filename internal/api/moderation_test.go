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

// queueWorld is a tender world with one item of each kind waiting for a
// moderator, submitted a minute apart in the order offer, tender, SSE
// status, offer: their ids in that order are in ids.
type queueWorld struct {
	*tenderWorld
	offerA, tender, status, offerB string
}

func newQueueWorld(t *testing.T) *queueWorld {
	w := &queueWorld{tenderWorld: newTenderWorld(t)}
	e := w.e
	// The FR supplier may submit offers; the LU one asks for verification.
	e.verifiedStatus(w.supplierOrg.ID, time.Now().AddDate(1, 0, 0))
	e.db.CPVCodes(t, "90919200-4")
	submitOffer := func(title string) string {
		body := offerInput()
		body["title"] = title
		id := w.supplier.createOffer(w.supplierOrg.ID, body)
		w.supplier.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
		e.clock.advance(time.Minute)
		return id
	}
	w.offerA = submitOffer("Nettoyage de bureaux en Moselle")

	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	r := w.buyer.expect(http.StatusCreated, "POST", base, tenderInput(e.clock.now().Add(30*24*time.Hour)))
	w.tender = r.body["id"].(string)
	w.buyer.expect(http.StatusCreated, "POST", base+"/"+w.tender+"/lots", lotInput())
	w.buyer.expect(http.StatusOK, "POST", base+"/"+w.tender+"/submit", nil)
	e.clock.advance(time.Minute)

	statuses := "/api/v1/organisations/" + w.other.ID + "/sse-statuses"
	r = w.rival.expect(http.StatusCreated, "POST", statuses, map[string]any{"type": "lu_sis", "registration_number": "SIS-0042", "valid_until": day(200)})
	w.status = r.body["id"].(string)
	up := w.rival.upload(w.other.ID, "sse_evidence", "agrement.pdf", "application/pdf", bytes.NewReader(testPDF()))
	if up.status != http.StatusCreated {
		t.Fatalf("upload evidence: %d %s", up.status, up.raw)
	}
	w.rival.expect(http.StatusOK, "PUT", statuses+"/"+w.status+"/evidence/"+up.body["id"].(string), nil)
	w.rival.expect(http.StatusOK, "POST", statuses+"/"+w.status+"/verification-request", nil)
	e.clock.advance(time.Minute)

	w.offerB = submitOffer("Entretien des espaces verts")
	return w
}

func (w *queueWorld) ids() []string { return []string{w.offerA, w.tender, w.status, w.offerB} }

// TestModerationQueueAcrossKinds: one list, oldest submission first
// whatever the kind, each item with its organisation, a title in the
// caller's language when translated, and the route to decide on it.
func TestModerationQueueAcrossKinds(t *testing.T) {
	w := newQueueWorld(t)
	r := w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue", nil)
	if got := itemIDs(r); !slices.Equal(got, w.ids()) || r.body["next_cursor"] != "" {
		t.Fatalf("queue order: got %v, want %v: %s", got, w.ids(), r.raw)
	}
	all := items(r)
	want := []struct{ kind, org, country, title, path string }{
		{"offer", w.supplierOrg.ID, "FR", "Nettoyage de bureaux en Moselle", "/api/v1/moderation/offers/" + w.offerA + "/decision"},
		{"tender", w.buyerOrg.ID, "FR", "Nettoyage de l'hôtel de ville", "/api/v1/moderation/tenders/" + w.tender + "/decision"},
		{"sse_status", w.other.ID, "LU", domain.SSEStatusType("lu_sis").Label("en"), "/api/v1/moderation/sse-statuses/" + w.status + "/verify"},
		{"offer", w.supplierOrg.ID, "FR", "Entretien des espaces verts", "/api/v1/moderation/offers/" + w.offerB + "/decision"},
	}
	for i, it := range all {
		paths, _ := it["decision_paths"].([]any)
		if it["kind"] != want[i].kind || it["organisation_id"] != want[i].org || it["organisation_country"] != want[i].country ||
			it["title"] != want[i].title || len(paths) == 0 || paths[0] != want[i].path || it["organisation_name"] == "" {
			t.Errorf("item %d: got %v, want %+v", i, it, want[i])
		}
		if i > 0 && it["submitted_at"].(string) <= all[i-1]["submitted_at"].(string) {
			t.Errorf("item %d submitted at %v, not after %v", i, it["submitted_at"], all[i-1]["submitted_at"])
		}
	}
	if all[1]["organisation_name"] != "Ville de Thionville" {
		t.Errorf("tender's organisation: %v", all[1])
	}

	// In German: the authors' German translations, the status type's German label.
	r = w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue", nil, "Accept-Language", "de-DE")
	de := items(r)
	if de[0]["title"] != "Büroreinigung in der Mosel" || de[1]["title"] != "Reinigung des Rathauses" ||
		de[2]["title"] != domain.SSEStatusType("lu_sis").Label("de") || r.header.Get("Content-Language") != "de" {
		t.Errorf("German titles: %s", r.raw)
	}
	if de[2]["title"] == all[2]["title"] {
		t.Errorf("the SSE status label is not localized: %v", de[2]["title"])
	}

	// A decision takes the item out of the queue.
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/tenders/"+w.tender+"/decision", map[string]any{"decision": "approve"})
	r = w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue", nil)
	if got := itemIDs(r); !slices.Equal(got, []string{w.offerA, w.status, w.offerB}) {
		t.Fatalf("after approving the tender: %v", got)
	}
}

func TestModerationQueueFilters(t *testing.T) {
	w := newQueueWorld(t)
	cases := []struct {
		query string
		want  []string
	}{
		{"kind=offer", []string{w.offerA, w.offerB}},
		{"kind=tender", []string{w.tender}},
		{"kind=sse_status", []string{w.status}},
		{"country=LU", []string{w.status}},
		{"country=fr", []string{w.offerA, w.tender, w.offerB}},
		{"country=FR&kind=tender", []string{w.tender}},
		{"country=LU&kind=offer", nil},
		{"country=DE", nil},
	}
	for _, tc := range cases {
		r := w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?"+tc.query, nil)
		if got := itemIDs(r); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.query, got, tc.want)
		}
	}
}

// TestModerationQueuePagesWithoutOverlap walks the queue a page of one at
// a time, unfiltered and filtered: every item once, in order, then the end.
func TestModerationQueuePagesWithoutOverlap(t *testing.T) {
	w := newQueueWorld(t)
	walk := func(query string, limit string) []string {
		var seen []string
		cursor := ""
		for range 10 {
			r := w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?limit="+limit+"&"+query+"&cursor="+cursor, nil)
			seen = append(seen, itemIDs(r)...)
			cursor, _ = r.body["next_cursor"].(string)
			if cursor == "" {
				return seen
			}
		}
		t.Fatalf("%s: the queue never ends: %v", query, seen)
		return nil
	}
	if got := walk("", "1"); !slices.Equal(got, w.ids()) {
		t.Errorf("pages of 1: %v, want %v", got, w.ids())
	}
	if got := walk("", "3"); !slices.Equal(got, w.ids()) {
		t.Errorf("pages of 3: %v, want %v", got, w.ids())
	}
	if got := walk("kind=offer", "1"); !slices.Equal(got, []string{w.offerA, w.offerB}) {
		t.Errorf("offers, pages of 1: %v", got)
	}
	// A page of two ends with the tender: the next page starts right after
	// it, whatever its size.
	r := w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?limit=2", nil)
	next := r.body["next_cursor"].(string)
	r = w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?limit=10&cursor="+next, nil)
	if got := itemIDs(r); !slices.Equal(got, []string{w.status, w.offerB}) {
		t.Errorf("second page: %v", got)
	}
}

func TestModerationQueueBadInput(t *testing.T) {
	w := newQueueWorld(t)
	r := w.moderator.do("GET", "/api/v1/moderation/queue?kind=listing&country=XX", nil, "Accept-Language", "fr")
	errs, _ := r.body["errors"].([]any)
	if r.status != http.StatusUnprocessableEntity || len(errs) != 2 {
		t.Fatalf("bad kind and country: want two field errors in a 422, got %d: %s", r.status, r.raw)
	}
	for _, want := range []string{"query.kind", "query.country", `\"listing\" n'est pas un type de la file`, `\"XX\" n'est pas le code d'un pays de l'UE`} {
		if !strings.Contains(r.raw, want) {
			t.Errorf("missing %q: %s", want, r.raw)
		}
	}
	r = w.moderator.do("GET", "/api/v1/moderation/queue?cursor=bm90LWEtY3Vyc29y", nil, "Accept-Language", "de")
	if loc, code := fieldErr(t, r); loc != "query.cursor" || code != "invalid" || !strings.Contains(r.raw, "dieser Cursor stammt nicht aus dieser Liste") {
		t.Errorf("bad cursor: %s", r.raw)
	}
	for _, q := range []string{"limit=101", "limit=-1", "sort=newest", "country=FRA"} {
		if r := w.moderator.do("GET", "/api/v1/moderation/queue?"+q, nil); r.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d %s", q, r.status, r.raw)
		}
	}
}

// TestModerationQueueAccess: moderators and admins only. A moderator who is
// a member of an organisation still sees its items (the queue is the whole
// workload), but deciding on them is refused by the decision route.
func TestModerationQueueAccess(t *testing.T) {
	w := newQueueWorld(t)
	w.anon.expect(http.StatusUnauthorized, "GET", "/api/v1/moderation/queue", nil)
	w.supplier.expect(http.StatusForbidden, "GET", "/api/v1/moderation/queue", nil)
	w.buyer.expect(http.StatusForbidden, "GET", "/api/v1/moderation/queue", nil)
	if got := itemIDs(w.admin.expect(http.StatusOK, "GET", "/api/v1/moderation/queue", nil)); !slices.Equal(got, w.ids()) {
		t.Errorf("admin's queue: %v", got)
	}

	insider := w.e.as(w.e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator,
		Organisation: w.buyerOrg.ID, Role: domain.RoleMember}).ID)
	r := insider.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?kind=tender", nil)
	if got := itemIDs(r); !slices.Equal(got, []string{w.tender}) {
		t.Fatalf("a moderator of the buyer's organisation sees its tender: %v", got)
	}
	path := items(r)[0]["decision_paths"].([]any)[0].(string)
	insider.expect(http.StatusForbidden, "POST", path, map[string]any{"decision": "approve"})
	if got := itemIDs(insider.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?kind=tender", nil)); !slices.Equal(got, []string{w.tender}) {
		t.Errorf("the refused decision changed the queue: %v", got)
	}
}
