package api

import (
	"bytes"
	"net/http"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// sseEnv is a French supplier with a member, a moderator and the paths of
// its statuses.
type sseEnv struct {
	*env
	docOrg
	moderator *client
	base      string
}

func newSSEEnv(t *testing.T) *sseEnv {
	e := newEnv(t, core.RateLimits{})
	s := &sseEnv{env: e, docOrg: e.supplierWithMember("FR")}
	s.moderator = e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID)
	s.base = "/api/v1/organisations/" + s.org.ID + "/sse-statuses"
	return s
}

func (s *sseEnv) evidence(c *client, orgID string) string {
	s.t.Helper()
	r := c.upload(orgID, "sse_evidence", "agrement.pdf", "application/pdf", bytes.NewReader(testPDF()))
	if r.status != http.StatusCreated {
		s.t.Fatalf("upload evidence: %d %s", r.status, r.raw)
	}
	return r.body["id"].(string)
}

func day(offset int) string { return time.Now().UTC().AddDate(0, 0, offset).Format(time.DateOnly) }

func (s *sseEnv) create(body map[string]any) string {
	s.t.Helper()
	r := s.member.expect(http.StatusCreated, "POST", s.base, body)
	return r.body["id"].(string)
}

func items(r response) []map[string]any {
	raw, _ := r.body["items"].([]any)
	out := make([]map[string]any, len(raw))
	for i, it := range raw {
		out[i] = it.(map[string]any)
	}
	return out
}

func TestSSEStatusLifecycle(t *testing.T) {
	s := newSSEEnv(t)
	id := s.create(map[string]any{"type": "fr_ea", "registration_number": " EA-57-2021-004 ", "valid_until": day(365),
		"disabled_share": 62.5, "share_measured_on": day(-30)})
	one := s.base + "/" + id
	got := s.member.expect(http.StatusOK, "GET", s.base, nil, "Accept-Language", "de")
	if st := items(got); len(st) != 1 || st[0]["state"] != "unverified" || st[0]["registration_number"] != "EA-57-2021-004" ||
		st[0]["counts"] != false || st[0]["type_label"] != domain.SSEFrEA.Label("de") || st[0]["category"] != "sheltered" {
		t.Fatalf("created status: %s", got.raw)
	}

	// No verification without evidence.
	r := s.member.do("POST", one+"/verification-request", nil)
	if loc, code := fieldErr(t, r); loc != "evidence" || code != "evidence_required" {
		t.Fatalf("request without evidence: %s %s", loc, code)
	}
	doc := s.evidence(s.member, s.org.ID)
	r = s.member.expect(http.StatusOK, "PUT", one+"/evidence/"+doc, nil)
	if ev, _ := r.body["evidence_document_ids"].([]any); len(ev) != 1 || ev[0] != doc {
		t.Fatalf("attach: %s", r.raw)
	}
	s.member.expect(http.StatusOK, "PUT", one+"/evidence/"+doc, nil) // idempotent
	r = s.member.expect(http.StatusOK, "POST", one+"/verification-request", nil)
	if r.body["state"] != "pending" || r.body["submitted_at"] == nil {
		t.Fatalf("request: %s", r.raw)
	}
	// Pending: frozen for the supplier, listed for moderators, invisible to the public.
	s.member.expect(http.StatusConflict, "PATCH", one, map[string]any{"registration_number": "EA-57-2021-005"})
	s.member.expect(http.StatusConflict, "DELETE", one+"/evidence/"+doc, nil)
	s.member.expect(http.StatusConflict, "DELETE", "/api/v1/documents/"+doc, nil) // evidence cannot vanish
	if pub := items(s.client().expect(http.StatusOK, "GET", s.base, nil)); len(pub) != 0 {
		t.Fatalf("the public sees a pending status: %v", pub)
	}
	q := s.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/sse-statuses?state=pending", nil)
	if it := items(q); len(it) != 1 || it[0]["id"] != id || it[0]["organisation_name"] != s.org.LegalName {
		t.Fatalf("queue: %s", q.raw)
	}

	// Members cannot decide; a reason is required to reject.
	s.member.expect(http.StatusForbidden, "POST", "/api/v1/moderation/sse-statuses/"+id+"/verify", nil)
	r = s.moderator.do("POST", "/api/v1/moderation/sse-statuses/"+id+"/reject", map[string]any{"reason": "  "})
	if loc, code := fieldErr(t, r); loc != "body.reason" || code != "required" {
		t.Fatalf("reject without reason: %s %s", loc, code)
	}
	r = s.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/sse-statuses/"+id+"/reject",
		map[string]any{"reason": "The number does not match the attached agreement."})
	if r.body["state"] != "rejected" || r.body["rejection_reason"] != "The number does not match the attached agreement." {
		t.Fatalf("reject: %s", r.raw)
	}
	s.moderator.expect(http.StatusConflict, "POST", "/api/v1/moderation/sse-statuses/"+id+"/verify", nil)

	// Rejected: edited (the reason stays visible), then resubmitted.
	r = s.member.expect(http.StatusOK, "PATCH", one, map[string]any{"registration_number": "EA-57-2021-005"})
	if r.body["state"] != "rejected" || r.body["rejection_reason"] == nil {
		t.Fatalf("edit rejected: %s", r.raw)
	}
	s.member.expect(http.StatusOK, "POST", one+"/verification-request", nil)
	r = s.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/sse-statuses/"+id+"/verify", nil)
	if r.body["state"] != "verified" || r.body["counts"] != true || r.body["rejection_reason"] != nil {
		t.Fatalf("verify: %s", r.raw)
	}

	// Verified: the public sees it, without evidence.
	pub := items(s.client().expect(http.StatusOK, "GET", s.base, nil))
	if len(pub) != 1 || pub[0]["registration_number"] != "EA-57-2021-005" || pub[0]["evidence_document_ids"] != nil {
		t.Fatalf("public list: %v", pub)
	}
	if v, err := core.NewSSEStatuses(s.db.Store, nil).VerifiedStatuses(t.Context(), s.org.ID, time.Now()); err != nil || len(v) != 1 {
		t.Fatalf("VerifiedStatuses: %v %v", v, err)
	}
	// The last evidence of a verified status stays.
	r = s.member.do("DELETE", one+"/evidence/"+doc, nil)
	if loc, code := fieldErr(t, r); loc != "path.documentID" || code != "evidence_required" {
		t.Fatalf("detach last evidence: %s %s", loc, code)
	}

	// Editing a verified status sends it back to the queue: it stops counting.
	r = s.member.expect(http.StatusOK, "PATCH", one, map[string]any{"clear_share": true})
	if r.body["state"] != "pending" || r.body["counts"] != false || r.body["disabled_share"] != nil {
		t.Fatalf("edit verified: %s", r.raw)
	}
	if pub := items(s.client().expect(http.StatusOK, "GET", s.base, nil)); len(pub) != 0 {
		t.Fatalf("an edited status still counts: %v", pub)
	}

	audit, err := s.db.Store.ListAudit(t.Context(), "sse_status", id, 50)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for i := len(audit) - 1; i >= 0; i-- {
		actions = append(actions, audit[i].Action)
	}
	want := []string{"sse_status.created", "sse_status.evidence_attached", "sse_status.verification_requested", "sse_status.rejected",
		"sse_status.updated", "sse_status.verification_requested", "sse_status.verified", "sse_status.updated"}
	if len(actions) != len(want) {
		t.Fatalf("audit trail %v, want %v", actions, want)
	}
	for i := range want {
		if actions[i] != want[i] {
			t.Fatalf("audit trail %v, want %v", actions, want)
		}
	}

	// Deleting the status frees its evidence.
	s.member.expect(http.StatusNoContent, "DELETE", one, nil)
	s.member.expect(http.StatusNoContent, "DELETE", "/api/v1/documents/"+doc, nil)
}

func TestSSEStatusRefusals(t *testing.T) {
	s := newSSEEnv(t)
	good := func() map[string]any {
		return map[string]any{"type": "fr_esat", "registration_number": "ESAT-54-001", "valid_until": day(200)}
	}

	t.Run("type of another country", func(t *testing.T) {
		body := good()
		body["type"] = "de_wfbm"
		if loc, code := fieldErr(t, s.member.do("POST", s.base, body, "Accept-Language", "fr")); loc != "body.type" || code != "wrong_country" {
			t.Fatalf("%s %s", loc, code)
		}
	})
	t.Run("localized field errors", func(t *testing.T) {
		body := good()
		body["valid_until"] = day(-1)
		r := s.member.do("POST", s.base, body)
		if loc, code := fieldErr(t, r); loc != "body.valid_until" || code != "expired" {
			t.Fatalf("%s %s", loc, code)
		}
		body["valid_until"], body["disabled_share"] = day(10), 55.0
		if loc, code := fieldErr(t, s.member.do("POST", s.base, body)); loc != "body.share_measured_on" || code != "required" {
			t.Fatalf("%s %s", loc, code)
		}
		body["share_measured_on"] = "31/12/2025"
		if loc, code := fieldErr(t, s.member.do("POST", s.base, body)); loc != "body.share_measured_on" || code != "invalid_date" {
			t.Fatalf("%s %s", loc, code)
		}
	})
	t.Run("one status per type", func(t *testing.T) {
		s.create(good())
		r := s.member.expect(http.StatusConflict, "POST", s.base, good(), "Accept-Language", "nl")
		if r.body["title"] != "Conflict" || r.body["detail"] != "Een status van dit soort voor deze organisatie bestaat al." {
			t.Fatalf("409 in Dutch: %s", r.raw)
		}
	})
	t.Run("a buyer organisation holds no statuses", func(t *testing.T) {
		buyer := s.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, Country: "FR"})
		c := s.as(s.db.User(t, storetest.UserOptions{Organisation: buyer.ID}).ID)
		r := c.expect(http.StatusForbidden, "POST", "/api/v1/organisations/"+buyer.ID+"/sse-statuses", good())
		if r.body["detail"] != "Only SSE supplier organisations hold SSE statuses." {
			t.Fatalf("detail: %s", r.raw)
		}
	})
	t.Run("evidence of another organisation or purpose", func(t *testing.T) {
		body := good()
		body["type"] = "fr_siae_ei"
		id := s.create(body)
		other := s.supplierWithMember("FR")
		foreign := s.evidence(other.member, other.org.ID)
		s.member.expect(http.StatusNotFound, "PUT", s.base+"/"+id+"/evidence/"+foreign, nil)
		logo := s.member.upload(s.org.ID, "logo", "logo.png", "image/png", bytes.NewReader(pngBytes(t)))
		r := s.member.do("PUT", s.base+"/"+id+"/evidence/"+logo.body["id"].(string), nil)
		if loc, code := fieldErr(t, r); loc != "path.documentID" || code != "wrong_purpose" {
			t.Fatalf("%s %s", loc, code)
		}
		r = s.member.do("PUT", s.base+"/"+id+"/evidence/"+logo.body["id"].(string), nil, "Accept-Language", "de")
		if _, _, msg := problemField(t, r); msg != "dieses Dokument wurde als Logo hochgeladen, nicht als Nachweis (Zweck sse_evidence)" {
			t.Errorf("wrong purpose in German: %q", msg)
		}
		// A status is reached only through its own organisation.
		other.member.expect(http.StatusNotFound, "DELETE", "/api/v1/organisations/"+other.org.ID+"/sse-statuses/"+id, nil)
	})
	t.Run("a moderator does not verify their own organisation", func(t *testing.T) {
		body := good()
		body["type"] = "fr_scop"
		id := s.create(body)
		s.member.expect(http.StatusOK, "PUT", s.base+"/"+id+"/evidence/"+s.evidence(s.member, s.org.ID), nil)
		s.member.expect(http.StatusOK, "POST", s.base+"/"+id+"/verification-request", nil)
		own := s.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator, Organisation: s.org.ID, Role: domain.RoleMember})
		r := s.as(own.ID).expect(http.StatusForbidden, "POST", "/api/v1/moderation/sse-statuses/"+id+"/verify", nil, "Accept-Language", "fr")
		if r.body["title"] != "Interdit" ||
			r.body["detail"] != "Vous êtes membre de cette organisation : un autre modérateur doit se prononcer sur son statut." {
			t.Errorf("403 in French: %s", r.raw)
		}
		s.as(own.ID).expect(http.StatusForbidden, "POST", "/api/v1/moderation/sse-statuses/"+id+"/reject", map[string]any{"reason": "no"})
		s.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/sse-statuses/"+id+"/verify", nil)
		// A decision taken already: the state is named in the caller's language.
		r = s.moderator.expect(http.StatusConflict, "POST", "/api/v1/moderation/sse-statuses/"+id+"/verify", nil, "Accept-Language", "de")
		if r.body["detail"] != "Nur über einen Status in Prüfung kann entschieden werden; dieser ist geprüft." {
			t.Errorf("409 in German: %s", r.raw)
		}
	})
}

func TestExpiredStatusDoesNotCount(t *testing.T) {
	s := newSSEEnv(t)
	id := s.create(map[string]any{"type": "fr_esus", "registration_number": "ESUS-2024-17", "valid_until": day(2)})
	s.member.expect(http.StatusOK, "PUT", s.base+"/"+id+"/evidence/"+s.evidence(s.member, s.org.ID), nil)
	s.member.expect(http.StatusOK, "POST", s.base+"/"+id+"/verification-request", nil)
	s.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/sse-statuses/"+id+"/verify", nil)
	statuses := core.NewSSEStatuses(s.db.Store, s.clock.now)
	if v, _ := statuses.VerifiedStatuses(t.Context(), s.org.ID, s.clock.now()); len(v) != 1 {
		t.Fatalf("a fresh verified status must count: %v", v)
	}

	s.clock.advance(3 * 24 * time.Hour)
	if v, err := statuses.VerifiedStatuses(t.Context(), s.org.ID, s.clock.now()); err != nil || len(v) != 0 {
		t.Fatalf("an expired status counts: %v %v", v, err)
	}
	if pub := items(s.client().expect(http.StatusOK, "GET", s.base, nil)); len(pub) != 0 {
		t.Fatalf("the public sees an expired status: %v", pub)
	}
	mine := items(s.member.expect(http.StatusOK, "GET", s.base, nil))
	if len(mine) != 1 || mine[0]["state"] != "verified" || mine[0]["counts"] != false {
		t.Fatalf("members see their expired status, not counting: %v", mine)
	}
	// Renewing it: a new date sends it back to the queue.
	r := s.member.expect(http.StatusOK, "PATCH", s.base+"/"+id, map[string]any{"valid_until": time.Now().UTC().AddDate(1, 0, 3).Format(time.DateOnly)})
	if r.body["state"] != "pending" {
		t.Fatalf("renewal: %s", r.raw)
	}
}

func TestModerationQueuePages(t *testing.T) {
	s := newSSEEnv(t)
	var ids []string
	for _, typ := range []string{"fr_ea", "fr_esat", "fr_geiq"} {
		id := s.create(map[string]any{"type": typ, "registration_number": "N-" + typ, "valid_until": day(100)})
		s.member.expect(http.StatusOK, "PUT", s.base+"/"+id+"/evidence/"+s.evidence(s.member, s.org.ID), nil)
		s.member.expect(http.StatusOK, "POST", s.base+"/"+id+"/verification-request", nil)
		ids = append(ids, id)
		s.clock.advance(time.Minute)
	}
	r := s.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/sse-statuses?limit=2", nil)
	first := items(r)
	next, _ := r.body["next_cursor"].(string)
	if len(first) != 2 || first[0]["id"] != ids[0] || first[1]["id"] != ids[1] || next == "" {
		t.Fatalf("first page (oldest first): %s", r.raw)
	}
	r = s.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/sse-statuses?limit=2&cursor="+next, nil)
	if last := items(r); len(last) != 1 || last[0]["id"] != ids[2] || r.body["next_cursor"] != "" {
		t.Fatalf("last page: %s", r.raw)
	}
	if v := items(s.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/sse-statuses?state=verified", nil)); len(v) != 0 {
		t.Fatalf("verified queue: %v", v)
	}
}

func TestSSEStatusTypesAreLocalized(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()
	cases := []struct{ header, lang string }{{"", "en"}, {"de-DE,de;q=0.9", "de"}, {"es, nl-BE;q=0.8, fr;q=0.5", "nl"}, {"fr", "fr"}, {"it", "en"}}
	for _, tc := range cases {
		r := c.expect(http.StatusOK, "GET", "/api/v1/sse-status-types", nil, "Accept-Language", tc.header)
		all := items(r)
		if len(all) != len(domain.SSEStatusTypes()) || r.header.Get("Content-Language") != tc.lang {
			t.Fatalf("%q: %d types, language %q", tc.header, len(all), r.header.Get("Content-Language"))
		}
		if all[0]["code"] != "fr_esat" || all[0]["label"] != domain.SSEFrESAT.Label(tc.lang) {
			t.Errorf("%q: first type %v", tc.header, all[0])
		}
	}
	lu := items(c.expect(http.StatusOK, "GET", "/api/v1/sse-status-types?country=LU", nil))
	if len(lu) != 4 || lu[0]["country"] != "LU" {
		t.Fatalf("LU types: %v", lu)
	}
}
