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
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// offerSupplier is a supplier organisation with an owner (who receives the
// moderators' decisions) and a member who edits offers.
type offerSupplier struct {
	org        domain.Organisation
	ownerEmail string
	member     *client
	memberID   string
}

func (e *env) offerSupplier(country string, ownerLang domain.Language) offerSupplier {
	e.t.Helper()
	org := e.db.Organisation(e.t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, Country: country})
	// The CPV codes the offers of these tests carry, as if imported.
	e.db.CPVCodes(e.t, "90911200-8", "90919200-4")
	owner := e.db.User(e.t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleOwner, EmailVerified: true,
		Email: mailtest.UniqueAddress(e.t), Language: ownerLang, DisplayName: "Zoé Owner"})
	m := e.db.User(e.t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleMember, EmailVerified: true})
	return offerSupplier{org: org, ownerEmail: owner.Email, member: e.as(m.ID), memberID: m.ID}
}

// verifiedStatus gives orgID a status that counts until validUntil, as if
// a moderator had verified it.
func (e *env) verifiedStatus(orgID string, validUntil time.Time) domain.SSEStatus {
	e.t.Helper()
	var out domain.SSEStatus
	now := time.Now()
	err := e.db.Store.WithTx(e.t.Context(), func(tx *store.Tx) error {
		st, err := tx.CreateSSEStatus(e.t.Context(), domain.SSEStatus{OrganisationID: orgID, Type: domain.SSEStatusType("fr_ea"),
			RegistrationNumber: "EA-57-0042", ValidUntil: domain.Day(validUntil)}, now)
		if err != nil {
			return err
		}
		st.State, st.SubmittedAt, st.ReviewedAt = domain.VerificationVerified, &now, &now
		out, err = tx.SaveSSEStatus(e.t.Context(), st, now)
		return err
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

func (e *env) moderatorClient() (*client, string) {
	e.t.Helper()
	u := e.db.User(e.t, storetest.UserOptions{PlatformRole: domain.PlatformModerator, EmailVerified: true})
	return e.as(u.ID), u.ID
}

func offerInput() map[string]any {
	return map[string]any{
		"type": "services", "language": "fr", "title": "Nettoyage de bureaux en Moselle",
		"description":  "Nos équipes en insertion nettoient **bureaux et parties communes**.",
		"translations": []map[string]string{{"lang": "de", "title": "Büroreinigung in der Mosel", "description": "Unsere Teams reinigen Büros."}},
		"sectors":      []string{"cleaning.offices"}, "cpv_codes": []string{"90911200-8", "90919200"},
		"area":          map[string]any{"mode": "country", "accepts_cross_border": true},
		"price":         map[string]any{"text": "Sur devis", "amount_cents": 2850, "unit": "per hour"},
		"minimum_order": "10 heures par mois", "lead_time_days": 15, "capacity": "3 équipes de 4", "labels": []string{"Qualiopi", "Ecolabel"},
	}
}

func (e *env) offerCount(orgID string) int {
	e.t.Helper()
	var n int
	if err := e.db.Pool.QueryRow(e.t.Context(), "SELECT count(*) FROM offers WHERE organisation_id = $1", orgID).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

func (c *client) createOffer(orgID string, body map[string]any) string {
	c.e.t.Helper()
	r := c.expect(http.StatusCreated, "POST", "/api/v1/organisations/"+orgID+"/offers", body)
	return r.body["id"].(string)
}

// publishedOffer creates, submits and approves an offer of s.
func (e *env) publishedOffer(s offerSupplier, mod *client, body map[string]any) string {
	e.t.Helper()
	id := s.member.createOffer(s.org.ID, body)
	s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+id+"/decision", map[string]any{"decision": "approve"})
	return id
}

func itemIDs(r response) []string {
	var ids []string
	items, _ := r.body["items"].([]any)
	for _, it := range items {
		ids = append(ids, it.(map[string]any)["id"].(string))
	}
	return ids
}

func TestOfferLifecycle(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.offerSupplier("FR", domain.LangFR)
	e.verifiedStatus(s.org.ID, time.Now().AddDate(1, 0, 0))
	mod, _ := e.moderatorClient()
	anon := e.client()

	r := s.member.expect(http.StatusCreated, "POST", "/api/v1/organisations/"+s.org.ID+"/offers", offerInput())
	id := r.body["id"].(string)
	if r.body["state"] != "draft" || fmt.Sprint(r.body["cpv_codes"]) != "[90911200-8 90919200-4]" ||
		fmt.Sprint(r.body["allowed_actions"]) != "[edit submit delete]" || r.body["price"].(map[string]any)["currency"] != "EUR" {
		t.Fatalf("created: %s", r.raw)
	}
	// A draft exists only for its organisation and moderators.
	anon.expect(http.StatusNotFound, "GET", "/api/v1/offers/"+id, nil)
	mod.expect(http.StatusOK, "GET", "/api/v1/offers/"+id, nil)
	if ids := itemIDs(anon.expect(http.StatusOK, "GET", "/api/v1/organisations/"+s.org.ID+"/offers", nil)); len(ids) != 0 {
		t.Errorf("the public sees drafts: %v", ids)
	}
	if ids := itemIDs(s.member.expect(http.StatusOK, "GET", "/api/v1/organisations/"+s.org.ID+"/offers?state=draft", nil)); len(ids) != 1 {
		t.Errorf("members' list: %v", ids)
	}

	r = s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
	if r.body["state"] != "pending" || r.body["submitted_at"] == nil {
		t.Fatalf("submitted: %s", r.raw)
	}
	// Pending: frozen for the supplier, in the moderators' queue.
	r = s.member.expect(http.StatusConflict, "PATCH", "/api/v1/offers/"+id, map[string]any{"title": "Autre titre"})
	if !strings.Contains(r.raw, `"allowed":["approve","reject","request_changes"]`) {
		t.Errorf("409 does not list the allowed events: %s", r.raw)
	}
	if ids := itemIDs(mod.expect(http.StatusOK, "GET", "/api/v1/moderation/offers", nil)); len(ids) != 1 || ids[0] != id {
		t.Errorf("queue: %v", ids)
	}

	r = mod.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+id+"/decision", map[string]any{"decision": "approve"})
	if r.body["state"] != "published" || r.body["published_at"] == nil {
		t.Fatalf("approved: %s", r.raw)
	}
	firstPublished := r.body["published_at"]
	msgs := e.mail.WaitFor(t, s.ownerEmail, 1, 20*time.Second)
	if !strings.Contains(msgs[0].Subject, "Votre offre « Nettoyage de bureaux en Moselle » est publiée") ||
		!strings.Contains(msgs[0].Text, "http://localhost:8080/workspace/supplier/offers/"+id) {
		t.Errorf("approval email: %q\n%s", msgs[0].Subject, msgs[0].Text)
	}
	anon.expect(http.StatusOK, "GET", "/api/v1/offers/"+id, nil)
	if ids := itemIDs(anon.expect(http.StatusOK, "GET", "/api/v1/offers", nil)); len(ids) != 1 || ids[0] != id {
		t.Errorf("public list: %v", ids)
	}
	// A published offer is visible but not editable to outsiders.
	outsider := e.offerSupplier("FR", domain.LangEN)
	outsider.member.expect(http.StatusForbidden, "PATCH", "/api/v1/offers/"+id, map[string]any{"title": "Pris"})
	mod.expect(http.StatusForbidden, "PATCH", "/api/v1/offers/"+id, map[string]any{"title": "Pris"})
	s.member.expect(http.StatusConflict, "DELETE", "/api/v1/offers/"+id, nil)

	// Editing a published offer sends it back to the moderators.
	r = s.member.expect(http.StatusOK, "PATCH", "/api/v1/offers/"+id, map[string]any{"title": "Nettoyage de bureaux et vitres"})
	if r.body["state"] != "pending" || r.body["title"] != "Nettoyage de bureaux et vitres" {
		t.Fatalf("edited: %s", r.raw)
	}
	anon.expect(http.StatusNotFound, "GET", "/api/v1/offers/"+id, nil)
	r = mod.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+id+"/decision", map[string]any{"decision": "approve"})
	if r.body["published_at"] != firstPublished {
		t.Errorf("re-approval moved the first publication date: %v → %v", firstPublished, r.body["published_at"])
	}
	// Same content again: nothing changes, the offer stays published.
	r = s.member.expect(http.StatusOK, "PATCH", "/api/v1/offers/"+id, map[string]any{"title": "Nettoyage de bureaux et vitres"})
	if r.body["state"] != "published" {
		t.Errorf("a patch that changes nothing moved the offer: %s", r.raw)
	}

	r = s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/archive", nil)
	if r.body["state"] != "archived" || r.body["archived_at"] == nil {
		t.Fatalf("archived: %s", r.raw)
	}
	r = s.member.expect(http.StatusConflict, "POST", "/api/v1/offers/"+id+"/archive", nil)
	if !strings.Contains(r.raw, "(possible now: nothing)") || !strings.Contains(r.raw, `"allowed":[]`) {
		t.Errorf("409 on an archived offer: %s", r.raw)
	}
	anon.expect(http.StatusNotFound, "GET", "/api/v1/offers/"+id, nil)
	for action, n := range map[string]int{"offer.created": 1, "offer.submitted": 1, "offer.published": 2, "offer.updated": 1, "offer.archived": 1} {
		if got := e.auditCount(action, s.org.ID); got != n {
			t.Errorf("audit %s: %d entries, want %d", action, got, n)
		}
	}

	// A draft may be deleted.
	draft := s.member.createOffer(s.org.ID, offerInput())
	s.member.expect(http.StatusNoContent, "DELETE", "/api/v1/offers/"+draft, nil)
	s.member.expect(http.StatusNotFound, "GET", "/api/v1/offers/"+draft, nil)
	if e.auditCount("offer.deleted", s.org.ID) != 1 {
		t.Error("deletion not audited")
	}
}

// "Only organisations with a verified SSE status can publish; others may
// keep drafts": an unverified or expired status does not count.
func TestOfferSubmitNeedsVerifiedStatus(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.offerSupplier("FR", domain.LangEN)
	id := s.member.createOffer(s.org.ID, offerInput())
	r := s.member.expect(http.StatusForbidden, "POST", "/api/v1/offers/"+id+"/submit", nil)
	if !strings.Contains(r.raw, "Only organisations with a verified SSE status that has not expired can publish offers") {
		t.Errorf("refusal: %s", r.raw)
	}
	r = s.member.expect(http.StatusForbidden, "POST", "/api/v1/offers/"+id+"/submit", nil, "Accept-Language", "de")
	if !strings.Contains(r.raw, "Nur Organisationen mit einem geprüften") {
		t.Errorf("refusal in German: %s", r.raw)
	}
	st := e.verifiedStatus(s.org.ID, time.Now().AddDate(0, 0, 1))
	e.clock.advance(72 * time.Hour) // the status expires
	s.member.expect(http.StatusForbidden, "POST", "/api/v1/offers/"+id+"/submit", nil)
	if r := s.member.expect(http.StatusOK, "GET", "/api/v1/offers/"+id, nil); r.body["state"] != "draft" {
		t.Errorf("the offer left draft: %s", r.raw)
	}
	// Renewed: the same draft may go.
	err := e.db.Store.WithTx(t.Context(), func(tx *store.Tx) error {
		st.ValidUntil = time.Now().AddDate(1, 0, 0)
		_, err := tx.SaveSSEStatus(t.Context(), st, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
}

// A status that stops counting between submission and approval blocks the
// approval.
func TestOfferApprovalNeedsStatusStill(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.offerSupplier("LU", domain.LangEN)
	e.verifiedStatus(s.org.ID, time.Now().AddDate(0, 0, 2))
	mod, _ := e.moderatorClient()
	id := s.member.createOffer(s.org.ID, offerInput())
	s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
	e.clock.advance(4 * 24 * time.Hour)
	r := mod.expect(http.StatusConflict, "POST", "/api/v1/moderation/offers/"+id+"/decision", map[string]any{"decision": "approve"})
	if !strings.Contains(r.raw, "no longer holds a verified SSE status") {
		t.Errorf("refusal: %s", r.raw)
	}
	if r := mod.expect(http.StatusOK, "GET", "/api/v1/offers/"+id, nil); r.body["state"] != "pending" {
		t.Errorf("state after the refused approval: %s", r.raw)
	}
	// Requesting changes is still possible.
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+id+"/decision",
		map[string]any{"decision": "request_changes", "reason": "Renew your SSE status, then submit again."})
}

func TestOfferModerationDecisions(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.offerSupplier("DE", domain.LangDE)
	e.verifiedStatus(s.org.ID, time.Now().AddDate(1, 0, 0))
	mod, modID := e.moderatorClient()

	rejected := s.member.createOffer(s.org.ID, offerInput())
	s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+rejected+"/submit", nil)
	for _, decision := range []string{"reject", "request_changes"} {
		r := mod.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/moderation/offers/"+rejected+"/decision", map[string]any{"decision": decision})
		if !strings.Contains(r.raw, `"location":"body.reason"`) {
			t.Errorf("%s without a reason: %s", decision, r.raw)
		}
	}
	mod.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/moderation/offers/"+rejected+"/decision", map[string]any{"decision": "publish"})
	r := mod.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+rejected+"/decision",
		map[string]any{"decision": "reject", "reason": "Dieses Angebot ist eine Werbung für ein anderes Unternehmen."})
	if r.body["state"] != "rejected" || r.body["decision_reason"] != "Dieses Angebot ist eine Werbung für ein anderes Unternehmen." ||
		fmt.Sprint(r.body["allowed_actions"]) != "[]" {
		t.Fatalf("rejected: %s", r.raw)
	}
	msgs := e.mail.WaitFor(t, s.ownerEmail, 1, 20*time.Second)
	if !strings.Contains(msgs[0].Subject, "Ihr Angebot „Büroreinigung in der Mosel“ wurde nicht angenommen") ||
		!strings.Contains(msgs[0].Text, "Dieses Angebot ist eine Werbung für ein anderes Unternehmen.") {
		t.Errorf("rejection email (in German, with the German title): %q\n%s", msgs[0].Subject, msgs[0].Text)
	}
	s.member.expect(http.StatusConflict, "POST", "/api/v1/offers/"+rejected+"/submit", nil)

	changes := s.member.createOffer(s.org.ID, offerInput())
	s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+changes+"/submit", nil)
	r = mod.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+changes+"/decision",
		map[string]any{"decision": "request_changes", "reason": "Bitte ein Foto hinzufügen."})
	if r.body["state"] != "changes_requested" {
		t.Fatalf("changes requested: %s", r.raw)
	}
	msgs = e.mail.WaitFor(t, s.ownerEmail, 2, 20*time.Second)
	if !strings.Contains(msgs[0].Subject, "Änderungen an Ihrem Angebot") || !strings.Contains(msgs[0].Text, "Bitte ein Foto hinzufügen.") {
		t.Errorf("changes email: %q\n%s", msgs[0].Subject, msgs[0].Text)
	}
	r = s.member.expect(http.StatusOK, "PATCH", "/api/v1/offers/"+changes, map[string]any{"capacity": "4 Teams"})
	if r.body["state"] != "changes_requested" || r.body["decision_reason"] != "Bitte ein Foto hinzufügen." {
		t.Errorf("edited while changes are requested: %s", r.raw)
	}
	r = s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+changes+"/submit", nil)
	if r.body["state"] != "pending" || r.body["decision_reason"] != nil {
		t.Errorf("resubmitted: %s", r.raw)
	}

	// A moderator who belongs to the organisation may not decide on it.
	e.join(s.org.ID, modID, domain.RoleMember)
	mod2 := e.as(modID)
	mod2.expect(http.StatusForbidden, "POST", "/api/v1/moderation/offers/"+changes+"/decision", map[string]any{"decision": "approve"})
	// Buyers are not moderators.
	s.member.expect(http.StatusForbidden, "POST", "/api/v1/moderation/offers/"+changes+"/decision", map[string]any{"decision": "approve"})
	for action, n := range map[string]int{"offer.rejected": 1, "offer.changes_requested": 1} {
		if got := e.auditCount(action, s.org.ID); got != n {
			t.Errorf("audit %s: %d, want %d", action, got, n)
		}
	}
}

func TestOfferIllegalTransitions(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.offerSupplier("FR", domain.LangFR)
	e.verifiedStatus(s.org.ID, time.Now().AddDate(1, 0, 0))
	mod, _ := e.moderatorClient()
	id := s.member.createOffer(s.org.ID, offerInput())
	r := s.member.expect(http.StatusConflict, "POST", "/api/v1/offers/"+id+"/archive", nil)
	if r.header.Get("Content-Type") != "application/problem+json" || !strings.Contains(r.raw, `This offer is in state “draft”: “archive” is not possible (possible now: “edit”, “submit”, “delete”).`) ||
		!strings.Contains(r.raw, `"allowed":["edit","submit","delete"]`) {
		t.Errorf("archive a draft: %s", r.raw)
	}
	r = s.member.expect(http.StatusConflict, "POST", "/api/v1/offers/"+id+"/archive", nil, "Accept-Language", "fr")
	if !strings.Contains(r.raw, "possible maintenant : « modifier », « soumettre », « supprimer »") {
		t.Errorf("in French: %s", r.raw)
	}
	mod.expect(http.StatusConflict, "POST", "/api/v1/moderation/offers/"+id+"/decision", map[string]any{"decision": "approve"})
	s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
	r = s.member.expect(http.StatusConflict, "POST", "/api/v1/offers/"+id+"/submit", nil)
	if !strings.Contains(r.raw, `"allowed":["approve","reject","request_changes"]`) {
		t.Errorf("submit twice: %s", r.raw)
	}
	s.member.expect(http.StatusConflict, "DELETE", "/api/v1/offers/"+id, nil)
}

func TestBuyersCannotCreateOffers(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	for _, kind := range []domain.OrganisationKind{domain.OrgPublicBuyer, domain.OrgPrivateBuyer, domain.OrgCluster} {
		org := e.db.Organisation(t, storetest.OrganisationOptions{Kind: kind})
		u := e.db.User(t, storetest.UserOptions{Organisation: org.ID})
		r := e.as(u.ID).expect(http.StatusForbidden, "POST", "/api/v1/organisations/"+org.ID+"/offers", offerInput())
		if !strings.Contains(r.raw, "Only SSE supplier organisations publish offers") {
			t.Errorf("%s: %s", kind, r.raw)
		}
		if e.offerCount(org.ID) != 0 {
			t.Errorf("%s: an offer was written", kind)
		}
	}
}

// Bad input names every wrong field, and writes nothing.
func TestOfferBadInput(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	e.withNUTS()
	s := e.offerSupplier("FR", domain.LangFR)
	path := "/api/v1/organisations/" + s.org.ID + "/offers"
	fields := func(r response) map[string]bool {
		out := map[string]bool{}
		errs, _ := r.body["errors"].([]any)
		for _, x := range errs {
			out[x.(map[string]any)["location"].(string)] = true
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		body    map[string]any
		want    []string
		missing []string
	}{
		{"missing fields", map[string]any{"sectors": []string{"cleaning.offices"}}, nil,
			[]string{"type", "language", "title", "description", "area"}},
		{"too long and wrong enums", with(offerInput(), map[string]any{"title": strings.Repeat("é", 201), "type": "goods",
			"language": "es", "area": map[string]any{"mode": "planet"}, "capacity": strings.Repeat("x", 501)}),
			[]string{"body.title", "body.type", "body.language", "body.area.mode", "body.capacity"}, nil},
		{"domain rules", with(offerInput(), map[string]any{
			"cpv_codes": []string{"90911200-8", "90911200-3", "9091120"}, "sectors": []string{"Cleaning", "cleaning.offices"},
			"area":         map[string]any{"mode": "radius", "radius_km": 40},
			"labels":       []string{strings.Repeat("L", 81)},
			"translations": []map[string]string{{"lang": "fr", "title": "Doublon", "description": "x"}, {"lang": "de", "title": "", "description": "x"}},
			"price":        map[string]any{"currency": "EUR"}}),
			[]string{"body.cpv_codes[1]", "body.cpv_codes[2]", "body.sectors[0]", "body.area.radius_km", "body.labels[0]",
				"body.translations[0].lang", "body.translations[1].title", "body.price.currency"}, nil},
		{"regions", with(offerInput(), map[string]any{"area": map[string]any{"mode": "regions", "regions": []string{"FRF33", "FRZ99", "BE321"}}}),
			[]string{"body.area.regions[1]", "body.area.regions[2]"}, nil},
		// A sector outside the catalogue; a CPV code with a right check
		// digit that is not in the imported list; one published with an
		// exceptional digit is read as such (03300000-2), not imported here.
		{"catalogue and CPV list", with(offerInput(), map[string]any{
			"sectors": []string{"cleaning.offices", "cleaning.moon_dust"}, "cpv_codes": []string{"90911200", "45000000-7", "03300000-4"}}),
			[]string{"body.sectors[1]", "body.cpv_codes[1]", "body.cpv_codes[2]"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := s.member.expect(http.StatusUnprocessableEntity, "POST", path, tc.body)
			if tc.missing != nil {
				// Missing properties are huma's: the message names them.
				for _, name := range tc.missing {
					if !strings.Contains(r.raw, "expected required property "+name+" to be present") {
						t.Errorf("%s not named: %s", name, r.raw)
					}
				}
				return
			}
			got := fields(r)
			for _, f := range tc.want {
				if !got[f] {
					t.Errorf("%s not named: %s", f, r.raw)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("named %v, want exactly %v", got, tc.want)
			}
			if r.header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("content type %q", r.header.Get("Content-Type"))
			}
		})
	}
	if n := e.offerCount(s.org.ID); n != 0 {
		t.Fatalf("%d offers written from bad input", n)
	}
	// Messages come in the caller's language.
	r := s.member.expect(http.StatusUnprocessableEntity, "POST", path,
		with(offerInput(), map[string]any{"area": map[string]any{"mode": "radius", "radius_km": 40}}), "Accept-Language", "nl")
	if !strings.Contains(r.raw, "een straal wordt gemeten vanaf de locatie van de organisatie") {
		t.Errorf("Dutch: %s", r.raw)
	}

	// With coordinates, a radius is fine; regions that exist too.
	if _, err := e.db.Pool.Exec(t.Context(), "UPDATE organisations SET latitude = 49.12, longitude = 6.18 WHERE id = $1", s.org.ID); err != nil {
		t.Fatal(err)
	}
	s.member.createOffer(s.org.ID, with(offerInput(), map[string]any{"area": map[string]any{"mode": "radius", "radius_km": 40}}))
	id := s.member.createOffer(s.org.ID, with(offerInput(), map[string]any{"area": map[string]any{"mode": "regions", "regions": []string{"LU000", "FRF33"}}}))

	// A bad update is refused whole.
	before := s.member.expect(http.StatusOK, "GET", "/api/v1/offers/"+id, nil).raw
	r = s.member.expect(http.StatusUnprocessableEntity, "PATCH", "/api/v1/offers/"+id, map[string]any{
		"title": "Nouveau titre", "cpv_codes": []string{"12345678-1"}, "sectors": []string{"x"}})
	if got := fields(r); !got["body.cpv_codes[0]"] || !got["body.sectors[0]"] {
		t.Errorf("patch: %s", r.raw)
	}
	r = s.member.expect(http.StatusUnprocessableEntity, "PATCH", "/api/v1/offers/"+id, map[string]any{"title": "Nouveau titre", "lead_time_days": 4000})
	if got := fields(r); !got["body.lead_time_days"] {
		t.Errorf("patch: %s", r.raw)
	}
	r = s.member.expect(http.StatusUnprocessableEntity, "PATCH", "/api/v1/offers/"+id, map[string]any{"description": "  "})
	if got := fields(r); !got["body.description"] {
		t.Errorf("blank description: %s", r.raw)
	}
	if after := s.member.expect(http.StatusOK, "GET", "/api/v1/offers/"+id, nil).raw; after != before {
		t.Errorf("a refused patch changed the offer:\n%s\n%s", before, after)
	}
	// Submission needs a sector or a CPV code.
	e.verifiedStatus(s.org.ID, time.Now().AddDate(1, 0, 0))
	s.member.expect(http.StatusOK, "PATCH", "/api/v1/offers/"+id, map[string]any{"sectors": []string{}, "cpv_codes": []string{}})
	r = s.member.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/offers/"+id+"/submit", nil)
	if !strings.Contains(r.raw, "add at least one sector or CPV code") {
		t.Errorf("unclassified submission: %s", r.raw)
	}
}

func TestOfferDocuments(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.offerSupplier("FR", domain.LangFR)
	e.verifiedStatus(s.org.ID, time.Now().AddDate(1, 0, 0))
	mod, _ := e.moderatorClient()
	id := s.member.createOffer(s.org.ID, offerInput())
	photo := s.member.upload(s.org.ID, "offer_photo", "atelier.png", "image/png", bytes.NewReader(pngBytes(t))).body["id"].(string)
	sheet := s.member.upload(s.org.ID, "other", "tarifs.pdf", "application/pdf", bytes.NewReader(testPDF())).body["id"].(string)
	evidence := s.member.upload(s.org.ID, "sse_evidence", "agrement.pdf", "application/pdf", bytes.NewReader(testPDF())).body["id"].(string)
	other := e.offerSupplier("FR", domain.LangFR)
	foreign := other.member.upload(other.org.ID, "offer_photo", "x.png", "image/png", bytes.NewReader(pngBytes(t))).body["id"].(string)

	s.member.expect(http.StatusOK, "PUT", "/api/v1/offers/"+id+"/documents/"+photo, nil)
	r := s.member.expect(http.StatusOK, "PUT", "/api/v1/offers/"+id+"/documents/"+sheet, nil)
	s.member.expect(http.StatusOK, "PUT", "/api/v1/offers/"+id+"/documents/"+photo, nil) // idempotent
	docs := r.body["documents"].([]any)
	if len(docs) != 2 || docs[0].(map[string]any)["document_id"] != photo || docs[1].(map[string]any)["position"] != 1.0 {
		t.Fatalf("documents: %s", r.raw)
	}
	r = s.member.expect(http.StatusUnprocessableEntity, "PUT", "/api/v1/offers/"+id+"/documents/"+evidence, nil)
	if !strings.Contains(r.raw, "wrong_purpose") {
		t.Errorf("evidence attached: %s", r.raw)
	}
	s.member.expect(http.StatusNotFound, "PUT", "/api/v1/offers/"+id+"/documents/"+foreign, nil)
	other.member.expect(http.StatusNotFound, "PUT", "/api/v1/offers/"+id+"/documents/"+foreign, nil)
	// An attached document cannot be deleted.
	s.member.expect(http.StatusConflict, "DELETE", "/api/v1/documents/"+photo, nil)

	s.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
	s.member.expect(http.StatusConflict, "DELETE", "/api/v1/offers/"+id+"/documents/"+sheet, nil)
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+id+"/decision", map[string]any{"decision": "approve"})
	// Changing the documents of a published offer is an edit.
	r = s.member.expect(http.StatusOK, "DELETE", "/api/v1/offers/"+id+"/documents/"+sheet, nil)
	if r.body["state"] != "pending" || len(r.body["documents"].([]any)) != 1 {
		t.Errorf("detached: %s", r.raw)
	}
	s.member.expect(http.StatusConflict, "DELETE", "/api/v1/offers/"+id+"/documents/"+photo, nil)
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+id+"/decision", map[string]any{"decision": "approve"})
	s.member.expect(http.StatusNotFound, "DELETE", "/api/v1/offers/"+id+"/documents/"+sheet, nil)
	s.member.expect(http.StatusNoContent, "DELETE", "/api/v1/documents/"+sheet, nil)
	if e.auditCount("offer.document_attached", s.org.ID) != 2 || e.auditCount("offer.document_detached", s.org.ID) != 1 {
		t.Error("document changes not audited")
	}
}

func TestOfferListsPaginateSortAndFilter(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	fr := e.offerSupplier("FR", domain.LangFR)
	lu := e.offerSupplier("LU", domain.LangFR)
	e.verifiedStatus(fr.org.ID, time.Now().AddDate(1, 0, 0))
	e.verifiedStatus(lu.org.ID, time.Now().AddDate(1, 0, 0))
	mod, _ := e.moderatorClient()
	var published []string // oldest first
	for i := range 5 {
		s := fr
		body := offerInput()
		if i%2 == 1 {
			s = lu
			body = with(body, map[string]any{"type": "supplies", "sectors": []string{"printing.publications"}})
		}
		published = append(published, e.publishedOffer(s, mod, body))
		e.clock.advance(time.Minute)
	}
	fr.member.createOffer(fr.org.ID, offerInput()) // a draft, never listed publicly
	anon := e.client()

	walk := func(path string) []string {
		var all []string
		cursor := ""
		for pages := 0; ; pages++ {
			sep := "?"
			if strings.Contains(path, "?") {
				sep = "&"
			}
			r := anon.expect(http.StatusOK, "GET", path+sep+"limit=2&cursor="+cursor, nil)
			all = append(all, itemIDs(r)...)
			cursor, _ = r.body["next_cursor"].(string)
			if cursor == "" {
				return all
			}
			if pages > 10 {
				t.Fatal("no end to the pages")
			}
		}
	}
	reversed := func(in []string) []string {
		out := make([]string, len(in))
		for i, x := range in {
			out[len(in)-1-i] = x
		}
		return out
	}
	if got := walk("/api/v1/offers"); fmt.Sprint(got) != fmt.Sprint(reversed(published)) {
		t.Errorf("newest first:\n%v\nwant %v", got, reversed(published))
	}
	if got := walk("/api/v1/offers?sort=published_at"); fmt.Sprint(got) != fmt.Sprint(published) {
		t.Errorf("oldest first:\n%v\nwant %v", got, published)
	}
	want := []string{published[3], published[1]}
	for _, q := range []string{"country=LU", "type=supplies", "sector=printing.publications", "country=lu&type=supplies"} {
		if got := walk("/api/v1/offers?" + q); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	if got := walk("/api/v1/offers?country=DE"); len(got) != 0 {
		t.Errorf("DE: %v", got)
	}
	r := anon.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/offers?country=US&cursor=nonsense", nil)
	if !strings.Contains(r.raw, "query.country") && !strings.Contains(r.raw, "query.cursor") {
		t.Errorf("bad filters: %s", r.raw)
	}
	anon.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/offers?cursor=nonsense", nil)
	// The organisation's list: its members see the draft too.
	if got := walk("/api/v1/organisations/" + fr.org.ID + "/offers"); len(got) != 3 {
		t.Errorf("public organisation list: %v", got)
	}
	r = fr.member.expect(http.StatusOK, "GET", "/api/v1/organisations/"+fr.org.ID+"/offers?limit=10", nil)
	if len(itemIDs(r)) != 4 {
		t.Errorf("members' organisation list: %s", r.raw)
	}

	// The moderators' queue: oldest submission first, by country, paginated.
	var queued []string
	for range 3 {
		id := lu.member.createOffer(lu.org.ID, offerInput())
		lu.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
		queued = append(queued, id)
		e.clock.advance(time.Minute)
	}
	frPending := fr.member.createOffer(fr.org.ID, offerInput())
	fr.member.expect(http.StatusOK, "POST", "/api/v1/offers/"+frPending+"/submit", nil)
	var got []string
	cursor := ""
	for {
		r := mod.expect(http.StatusOK, "GET", "/api/v1/moderation/offers?country=LU&limit=2&cursor="+cursor, nil)
		got = append(got, itemIDs(r)...)
		for _, it := range r.body["items"].([]any) {
			if it.(map[string]any)["organisation_country"] != "LU" {
				t.Errorf("queue item of another country: %v", it)
			}
		}
		if cursor, _ = r.body["next_cursor"].(string); cursor == "" {
			break
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(queued) {
		t.Errorf("queue: %v, want %v", got, queued)
	}
	if ids := itemIDs(mod.expect(http.StatusOK, "GET", "/api/v1/moderation/offers?limit=100", nil)); len(ids) != 4 || ids[3] != frPending {
		t.Errorf("whole queue: %v", ids)
	}
}

// Every offer operation is documented with a summary, a description and
// examples.
func TestOfferOpenAPI(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	raw := e.client().expect(http.StatusOK, "GET", "/api/openapi.json", nil).raw
	var doc struct {
		Paths map[string]map[string]struct {
			Summary, Description string
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Examples []any `json:"examples"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for path, ops := range doc.Paths {
		if !strings.Contains(path, "offers") {
			continue
		}
		for method, op := range ops {
			n++
			if op.Summary == "" || op.Description == "" {
				t.Errorf("%s %s lacks a summary or description", method, path)
			}
		}
	}
	if n != 12 {
		t.Errorf("%d offer operations documented, want 12", n)
	}
	for _, schema := range []string{"OfferBody", "OfferTextBody", "OfferAreaBody", "OfferPriceBody"} {
		props := doc.Components.Schemas[schema].Properties
		if len(props) == 0 {
			t.Errorf("no schema %s", schema)
		}
		for name, p := range props {
			if len(p.Examples) == 0 && !strings.HasSuffix(name, "_at") && name != "translations" && name != "area" &&
				name != "price" && name != "documents" && name != "$schema" {
				t.Errorf("%s.%s has no example", schema, name)
			}
		}
	}
}

// Descriptions are Markdown, answered beside their safe HTML rendering:
// whatever a supplier writes, no script reaches a reader.
func TestOfferDescriptionRenderedSafely(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.offerSupplier("FR", domain.LangFR)
	body := with(offerInput(), map[string]any{
		"description":  "Nous **nettoyons**.\n\n<script>alert(1)</script>\n\n[site](javascript:alert(2)) <img src=x onerror=alert(3)>",
		"translations": []map[string]string{{"lang": "de", "title": "Reinigung", "description": "Wir *reinigen* [hier](https://example.org)."}},
	})
	r := s.member.expect(http.StatusCreated, "POST", "/api/v1/organisations/"+s.org.ID+"/offers", body)
	html := r.body["description_html"].(string)
	if !strings.Contains(html, "<strong>nettoyons</strong>") {
		t.Errorf("Markdown not rendered: %q", html)
	}
	for _, bad := range []string{"<script", "javascript:", "onerror", "<img"} {
		if strings.Contains(strings.ToLower(html), bad) {
			t.Errorf("%s survived: %q", bad, html)
		}
	}
	tr := r.body["translations"].([]any)[0].(map[string]any)["description_html"].(string)
	if !strings.Contains(tr, "<em>reinigen</em>") || !strings.Contains(tr, `href="https://example.org"`) || !strings.Contains(tr, "nofollow") {
		t.Errorf("translation: %q", tr)
	}
	// The Markdown itself is kept as written.
	if !strings.Contains(r.body["description"].(string), "<script>alert(1)</script>") {
		t.Errorf("the source must be kept: %q", r.body["description"])
	}
}
