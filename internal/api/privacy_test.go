package api

import (
	"net/http"
	"strings"
	"testing"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store/storetest"
)

// TestExportAndDeleteAccount: a user downloads all their data, then
// deletes their account: their personal data is gone, their organisation
// and its content stay, audit entries stay without anything personal.
func TestExportAndDeleteAccount(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	addr := mailtest.UniqueAddress(t)
	c := e.signedUpUser(addr)
	me := c.expect(http.StatusOK, "GET", "/api/v1/me", nil)
	userID := me.body["id"].(string)

	org := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, LegalName: "Atelier Export"})
	colleague := e.db.User(t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleMember})
	if _, err := e.db.Pool.Exec(t.Context(), "INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'owner')", org.ID, userID); err != nil {
		t.Fatal(err)
	}

	// Another organisation invites them.
	other, otherOwner := e.ownedOrganisation()
	otherOwner.expect(http.StatusCreated, "POST", "/api/v1/organisations/"+other.ID+"/invitations", map[string]any{"email": addr, "role": "member"})

	// The export: everything about them, no secrets.
	r := c.expect(http.StatusOK, "GET", "/api/v1/me/export", nil)
	if !strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment;") || r.header.Get("Cache-Control") != "no-store" {
		t.Errorf("export headers: %v", r.header)
	}
	data := r.body["data"].(map[string]any)
	if p := data["profile"].(map[string]any); p["email"] != strings.ToLower(addr) && p["email"] != addr {
		t.Errorf("profile: %v", p)
	}
	if ms := data["memberships"].([]any); len(ms) != 1 || ms[0].(map[string]any)["organisation"] != "Atelier Export" {
		t.Errorf("memberships: %v", ms)
	}
	if ss := data["sessions"].([]any); len(ss) != 1 {
		t.Errorf("sessions: %v", ss)
	}
	if links := data["emailed_links"].([]any); len(links) != 1 || links[0].(map[string]any)["purpose"] != "verify_email" {
		t.Errorf("emailed links: %v", links)
	}
	if invs := data["invitations"].([]any); len(invs) != 1 || invs[0].(map[string]any)["direction"] != "received" ||
		invs[0].(map[string]any)["organisation"] != "Atelier du Pont SCOP" {
		t.Errorf("invitations: %v", invs)
	}
	var actions []string
	for _, a := range data["audit_log"].([]any) {
		actions = append(actions, a.(map[string]any)["action"].(string))
	}
	if strings.Join(actions, ",") != "user.signed_up,user.email_verified,user.logged_in" {
		t.Errorf("audit actions: %v", actions)
	}
	for _, secret := range []string{"password_hash", "token_hash", "$argon2id"} {
		if strings.Contains(r.raw, secret) {
			t.Errorf("the export leaks %s", secret)
		}
	}

	// Deletion needs the password.
	r = c.expect(http.StatusUnprocessableEntity, "DELETE", "/api/v1/me", map[string]any{"password": "not my password at all"})
	if !strings.Contains(r.raw, "wrong_password") {
		t.Errorf("wrong password: %s", r.raw)
	}
	// The last owner of an organisation with other members must hand it over.
	r = c.expect(http.StatusConflict, "DELETE", "/api/v1/me", map[string]any{"password": goodPassword})
	if !strings.Contains(r.raw, "Atelier Export") {
		t.Errorf("last owner: %s", r.raw)
	}
	r = c.expect(http.StatusConflict, "DELETE", "/api/v1/me", map[string]any{"password": goodPassword}, "Accept-Language", "de")
	if r.body["detail"] != "Für Atelier Export gibt es außer Ihnen keinen Inhaber: Machen Sie zuerst ein anderes Mitglied zum Inhaber." {
		t.Errorf("last owner in German: %s", r.raw)
	}
	if _, err := e.db.Pool.Exec(t.Context(), "UPDATE memberships SET role = 'owner' WHERE user_id = $1", colleague.ID); err != nil {
		t.Fatal(err)
	}
	r = c.expect(http.StatusNoContent, "DELETE", "/api/v1/me", map[string]any{"password": goodPassword})
	if !strings.Contains(r.header.Get("Set-Cookie"), "Max-Age=0") {
		t.Errorf("the session cookie must be cleared: %q", r.header.Get("Set-Cookie"))
	}

	// Gone: the session, the login, the row.
	c.expect(http.StatusUnauthorized, "GET", "/api/v1/me", nil)
	e.client().expect(http.StatusUnauthorized, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": goodPassword})
	var n int
	q := func(sql string, args ...any) int {
		t.Helper()
		if err := e.db.Pool.QueryRow(t.Context(), sql, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if q("SELECT count(*) FROM users WHERE id = $1", userID) != 0 || q("SELECT count(*) FROM sessions WHERE user_id = $1", userID) != 0 ||
		q("SELECT count(*) FROM memberships WHERE user_id = $1", userID) != 0 || q("SELECT count(*) FROM user_tokens WHERE user_id = $1", userID) != 0 {
		t.Error("personal rows remain")
	}
	if q("SELECT count(*) FROM invitations WHERE lower(email) = lower($1)", addr) != 0 {
		t.Error("invitations addressed to the user remain")
	}
	if q("SELECT count(*) FROM audit_log WHERE action = 'organisation.member_invited' AND organisation_id = $1", other.ID) == 0 {
		t.Error("the invitation's audit entry must stay")
	}
	// The organisation and its other member stay.
	if q("SELECT count(*) FROM memberships WHERE organisation_id = $1", org.ID) != 1 {
		t.Error("the organisation lost its other member")
	}
	// Audit entries stay, with nothing personal left in them.
	if q("SELECT count(*) FROM audit_log WHERE subject_type = 'user' AND subject_id = $1", userID) < 4 {
		t.Errorf("audit entries about the user were lost: %d", n)
	}
	if q(`SELECT count(*) FROM audit_log WHERE ((subject_id = $1 OR actor_user_id::text = $1)
	      AND (coalesce(before::text, '') || coalesce(after::text, '')) ~* '"(ip|email|display_name)"')
	      OR strpos(lower(coalesce(before::text, '') || coalesce(after::text, '')), $2) > 0`, userID, strings.ToLower(addr)) != 0 {
		t.Errorf("%d audit entries still hold personal data", n)
	}
	if q("SELECT count(*) FROM audit_log WHERE action = 'user.deleted' AND subject_id = $1 AND actor_user_id IS NULL", userID) != 1 {
		t.Error("the deletion is not audited")
	}
	// The address is free again.
	e.client().expect(http.StatusAccepted, "POST", "/api/v1/auth/signup",
		map[string]any{"email": addr, "password": goodPassword, "display_name": "Again", "language": "en"})
}

// A sole member may delete their account; the organisation stays.
func TestDeleteAccountAsSoleMember(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.signedUpUser(mailtest.UniqueAddress(t))
	userID := c.expect(http.StatusOK, "GET", "/api/v1/me", nil).body["id"].(string)
	org := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	if _, err := e.db.Pool.Exec(t.Context(), "INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'owner')", org.ID, userID); err != nil {
		t.Fatal(err)
	}
	c.expect(http.StatusNoContent, "DELETE", "/api/v1/me", map[string]any{"password": goodPassword})
	var n int
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM organisations WHERE id = $1", org.ID).Scan(&n); err != nil || n != 1 {
		t.Fatalf("organisation: %d %v", n, err)
	}
}
