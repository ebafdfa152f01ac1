package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// problemDetail is the detail of a problem answer.
func problemDetail(r response) string {
	d, _ := r.body["detail"].(string)
	return d
}

func kindsOf(items []map[string]any) []string {
	var out []string
	for _, it := range items {
		out = append(out, it["kind"].(string))
	}
	return out
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// TestMeetingRequestWeights: an accepted request weighs 3 when either
// side says must_meet, 2 when both would like to meet, 1 otherwise.
func TestMeetingRequestWeights(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.conventionWorld(conventionOptions{})
	s := w.register("Atelier", domain.OrgSSESupplier, 4)
	b := w.register("Mairie", domain.OrgPublicBuyer, 1)
	for i, c := range []struct {
		asked, answered string
		want            float64
	}{
		{"would_like", "ok", 1}, {"would_like", "would_like", 2}, {"must_meet", "ok", 3}, {"would_like", "must_meet", 3},
	} {
		id := w.request(s, s.delegates[i], b.delegates[0], c.asked)
		r := b.member.expect(http.StatusOK, "POST", w.path("/meeting-requests/"+id+"/accept"), map[string]any{"priority": c.answered})
		if r.body["state"] != "accepted" || r.body["weight"] != c.want || r.body["answer_priority"] != c.answered {
			t.Errorf("%s answered %s: %v, want weight %v", c.asked, c.answered, r.raw, c.want)
		}
	}
	// Listed the same way, newest first, in the recipient's incoming box.
	list := b.member.expect(http.StatusOK, "GET", w.path("/meeting-requests?box=incoming&state=accepted"), nil)
	items := list.body["items"].([]any)
	if len(items) != 4 || items[0].(map[string]any)["weight"] != float64(3) || items[3].(map[string]any)["weight"] != float64(1) {
		t.Errorf("incoming accepted requests: %s", list.raw)
	}
	if out := s.member.expect(http.StatusOK, "GET", w.path("/meeting-requests?box=incoming"), nil); len(out.body["items"].([]any)) != 0 {
		t.Errorf("the sender has incoming requests: %s", out.raw)
	}
}

// TestMeetingRequestConflicts: 409 for a live request between the two
// delegates either way, for two delegates of one organisation, between
// excluded organisations, for answering a request that is not pending
// (expired included), and once the event has started.
func TestMeetingRequestConflicts(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.conventionWorld(conventionOptions{})
	s := w.register("Atelier", domain.OrgSSESupplier, 2)
	b := w.register("Mairie", domain.OrgPublicBuyer, 1)
	f := w.register("Firma", domain.OrgPrivateBuyer, 1)
	v := w.register("Voisin", domain.OrgSSESupplier, 1)

	id := w.request(s, s.delegates[0], b.delegates[0], "would_like")
	body := func(from, to string) map[string]any {
		return map[string]any{"from_delegate_id": from, "to_delegate_id": to, "priority": "must_meet"}
	}
	if r := s.member.expect(http.StatusConflict, "POST", w.path("/meeting-requests"), body(s.delegates[0], b.delegates[0])); !strings.Contains(problemDetail(r), "already") {
		t.Errorf("duplicate: %s", r.raw)
	}
	b.member.expect(http.StatusConflict, "POST", w.path("/meeting-requests"), body(b.delegates[0], s.delegates[0]))
	s.member.expect(http.StatusConflict, "POST", w.path("/meeting-requests"), body(s.delegates[0], s.delegates[1]))
	// A delegate of another organisation is not the caller's to send from.
	if r := s.member.expect(http.StatusUnprocessableEntity, "POST", w.path("/meeting-requests"), body(b.delegates[0], f.delegates[0])); !strings.Contains(r.raw, "body.from_delegate_id") {
		t.Errorf("sending from another organisation's delegate: %s", r.raw)
	}
	// Validation names the fields.
	if r := s.member.expect(http.StatusUnprocessableEntity, "POST", w.path("/meeting-requests"), map[string]any{"from_delegate_id": s.delegates[0],
		"to_delegate_id": f.delegates[0], "priority": "soon"}); !strings.Contains(r.raw, "body.priority") {
		t.Errorf("bad priority: %s", r.raw)
	}

	// The recipient's organisation was told, in-app.
	if kinds := kindsOf(notificationItems(b.member.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))); !contains(kinds, "meeting_request_received") {
		t.Errorf("recipient notifications: %v", kinds)
	}
	// Only the recipient answers, only the sender withdraws; others' ids are 404.
	s.member.expect(http.StatusForbidden, "POST", w.path("/meeting-requests/"+id+"/accept"), map[string]any{"priority": "ok"})
	b.member.expect(http.StatusForbidden, "POST", w.path("/meeting-requests/"+id+"/withdraw"), nil)
	v.member.expect(http.StatusNotFound, "POST", w.path("/meeting-requests/"+id+"/accept"), map[string]any{"priority": "ok"})
	r := b.member.expect(http.StatusOK, "POST", w.path("/meeting-requests/"+id+"/decline"), map[string]any{"reason": "Déjà fournisseur"})
	if r.body["state"] != "declined" || r.body["decline_reason"] != "Déjà fournisseur" {
		t.Errorf("declined: %s", r.raw)
	}
	b.member.expect(http.StatusConflict, "POST", w.path("/meeting-requests/"+id+"/accept"), map[string]any{"priority": "ok"})
	if kinds := kindsOf(notificationItems(s.member.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))); !contains(kinds, "meeting_request_declined") {
		t.Errorf("sender notifications: %v", kinds)
	}
	// Declined: the pair may ask again.
	again := w.request(b, b.delegates[0], s.delegates[0], "would_like")
	b.member.expect(http.StatusOK, "POST", w.path("/meeting-requests/"+again+"/withdraw"), nil)

	// Excluding declines the pending requests between the two, either way,
	// and refuses new ones.
	pending := w.request(f, f.delegates[0], v.delegates[0], "must_meet")
	x := v.member.expect(http.StatusOK, "POST", w.path("/exclusions"), map[string]any{"organisation_id": f.org.ID, "kind": "no_thanks"})
	if items := x.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["organisation_name"] != "Firma" {
		t.Errorf("exclusions: %s", x.raw)
	}
	out := f.member.expect(http.StatusOK, "GET", w.path("/meeting-requests?box=outgoing"), nil)
	if st := out.body["items"].([]any)[0].(map[string]any); st["id"] != pending || st["state"] != "declined" {
		t.Errorf("pending request after the exclusion: %v", st)
	}
	f.member.expect(http.StatusConflict, "POST", w.path("/meeting-requests"), body(f.delegates[0], v.delegates[0]))
	v.member.expect(http.StatusConflict, "POST", w.path("/meeting-requests"), body(v.delegates[0], f.delegates[0]))
	v.member.expect(http.StatusUnprocessableEntity, "POST", w.path("/exclusions"), map[string]any{"organisation_id": v.org.ID, "kind": "met_before"})
	v.member.expect(http.StatusNoContent, "DELETE", w.path("/exclusions/"+f.org.ID), nil)
	v.member.expect(http.StatusNotFound, "DELETE", w.path("/exclusions/"+f.org.ID), nil)

	// Expiry: a week unanswered, the job marks it expired and tells the
	// sender; answering it is a conflict.
	late := w.request(s, s.delegates[1], f.delegates[0], "would_like")
	e.clock.advance(8 * 24 * time.Hour)
	f.member.expect(http.StatusConflict, "POST", w.path("/meeting-requests/"+late+"/accept"), map[string]any{"priority": "ok"})
	n, err := e.meetings.ExpireMeetingRequests(t.Context())
	if err != nil || n != 1 {
		t.Fatalf("expired %d requests: %v", n, err)
	}
	if n, _ := e.meetings.ExpireMeetingRequests(t.Context()); n != 0 {
		t.Errorf("a second run expired %d more", n)
	}
	got := s.member.expect(http.StatusOK, "GET", w.path("/meeting-requests?box=outgoing&state=expired"), nil)
	if items := got.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != late {
		t.Errorf("expired requests: %s", got.raw)
	}
	if kinds := kindsOf(notificationItems(s.member.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))); !contains(kinds, "meeting_request_expired") {
		t.Errorf("sender notifications after expiry: %v", kinds)
	}
	f.member.expect(http.StatusConflict, "POST", w.path("/meeting-requests/"+late+"/accept"), map[string]any{"priority": "ok"})

	// Once the event has started, no more requests.
	e.clock.advance(30 * 24 * time.Hour)
	if r := s.member.expect(http.StatusConflict, "POST", w.path("/meeting-requests"), body(s.delegates[1], b.delegates[0])); !strings.Contains(problemDetail(r), "started") {
		t.Errorf("after the start: %s", r.raw)
	}
}

// TestConventionAccess: only members of a registered organisation (and
// organisers) read the directory; it never shows an email address; an
// unknown event is 404.
func TestConventionAccess(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.conventionWorld(conventionOptions{})
	s := w.register("Atelier", domain.OrgSSESupplier, 2, "cleaning.offices")
	b := w.register("Mairie", domain.OrgPublicBuyer, 1, "cleaning.offices")
	w.register("Firma", domain.OrgPrivateBuyer, 1, "catering.meals")

	stranger := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	u := e.db.User(t, storetest.UserOptions{Organisation: stranger.ID, Role: domain.RoleMember, EmailVerified: true})
	outsider := e.as(u.ID)
	outsider.expect(http.StatusForbidden, "GET", w.path("/delegates"), nil)
	outsider.expect(http.StatusForbidden, "GET", w.path("/meeting-requests"), nil)
	outsider.expect(http.StatusForbidden, "GET", w.path("/agenda"), nil)
	s.member.expect(http.StatusNotFound, "GET", "/api/v1/events/"+stranger.ID+"/delegates", nil)

	dir := s.member.expect(http.StatusOK, "GET", w.path("/delegates"), nil)
	if strings.Contains(dir.raw, "@") {
		t.Errorf("the directory shows email addresses: %s", dir.raw)
	}
	items := dir.body["items"].([]any)
	if len(items) != 4 {
		t.Fatalf("directory: %d entries, want 4: %s", len(items), dir.raw)
	}
	mine := 0
	for _, it := range items {
		if it.(map[string]any)["mine"] == true {
			mine++
		}
	}
	if mine != 2 {
		t.Errorf("%d entries mine, want 2", mine)
	}
	// Organisers read it too; filters and pages.
	w.mod.expect(http.StatusOK, "GET", w.path("/delegates?kind=buyer"), nil)
	page := s.member.expect(http.StatusOK, "GET", w.path("/delegates?limit=3"), nil)
	next, _ := page.body["next_cursor"].(string)
	if len(page.body["items"].([]any)) != 3 || next == "" {
		t.Fatalf("first page: %s", page.raw)
	}
	if rest := s.member.expect(http.StatusOK, "GET", w.path("/delegates?limit=3&cursor="+next), nil); len(rest.body["items"].([]any)) != 1 {
		t.Errorf("second page: %s", rest.raw)
	}
	if r := s.member.expect(http.StatusOK, "GET", w.path("/delegates?kind=buyer&q=Mair"), nil); len(r.body["items"].([]any)) != 1 {
		t.Errorf("filtered: %s", r.raw)
	}

	// Suggestions: the buyer sharing the sector first, with the reason in
	// the caller's language; never the caller's own organisation.
	sg := s.member.expect(http.StatusOK, "GET", w.path("/suggestions?delegate_id="+s.delegates[0]), nil, "Accept-Language", "fr")
	list := sg.body["items"].([]any)
	if len(list) == 0 {
		t.Fatalf("no suggestions: %s", sg.raw)
	}
	first := list[0].(map[string]any)
	if first["delegate"].(map[string]any)["delegate_id"] != b.delegates[0] || !strings.Contains(sg.raw, "Secteur commun") {
		t.Errorf("suggestions: %s", sg.raw)
	}
	for _, it := range list {
		if it.(map[string]any)["delegate"].(map[string]any)["organisation_id"] == s.org.ID {
			t.Errorf("own organisation suggested: %s", sg.raw)
		}
	}
	// Once requested, the delegate is no longer suggested and the
	// directory shows the request.
	w.request(s, s.delegates[0], b.delegates[0], "must_meet")
	if sg := s.member.expect(http.StatusOK, "GET", w.path("/suggestions?delegate_id="+s.delegates[0]), nil); strings.Contains(sg.raw, b.delegates[0]) {
		t.Errorf("requested delegate still suggested: %s", sg.raw)
	}
	dir = b.member.expect(http.StatusOK, "GET", w.path("/delegates?q=Atelier%20delegate%20A"), nil)
	entry := dir.body["items"].([]any)[0].(map[string]any)
	if req, _ := entry["request"].(map[string]any); req["direction"] != "incoming" || req["state"] != "pending" {
		t.Errorf("directory entry of the sender, seen by the recipient: %v", entry)
	}
	s.member.expect(http.StatusNotFound, "GET", w.path("/suggestions?delegate_id="+b.delegates[0]), nil)
}
