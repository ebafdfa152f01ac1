package api

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// userID is the id of the user a client is signed in as.
func (c *client) userID() string {
	c.e.t.Helper()
	id, _ := c.expect(http.StatusOK, "GET", "/api/v1/me", nil).body["id"].(string)
	return id
}

// join makes userID a member of orgID with role, directly in the database.
func (e *env) join(orgID, userID string, role domain.MembershipRole) {
	e.t.Helper()
	err := e.db.Store.WithTx(context.Background(), func(tx *store.Tx) error {
		return tx.AddMembership(context.Background(), orgID, userID, role)
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

// ownedOrganisation creates an organisation whose owner is a signed-up,
// signed-in user.
func (e *env) ownedOrganisation() (domain.Organisation, *client) {
	e.t.Helper()
	org := e.db.Organisation(e.t, storetest.OrganisationOptions{LegalName: "Atelier du Pont SCOP"})
	owner := e.signedUpUser(mailtest.UniqueAddress(e.t))
	e.join(org.ID, owner.userID(), domain.RoleOwner)
	return org, owner
}

func (e *env) auditCount(action, orgID string) int {
	e.t.Helper()
	var n int
	if err := e.db.Pool.QueryRow(e.t.Context(), "SELECT count(*) FROM audit_log WHERE action = $1 AND organisation_id = $2",
		action, orgID).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

func memberRoles(t *testing.T, r response) map[string]string {
	t.Helper()
	out := map[string]string{}
	items, _ := r.body["items"].([]any)
	for _, it := range items {
		m := it.(map[string]any)
		out[m["user_id"].(string)] = m["role"].(string)
	}
	return out
}

func TestInvitationInviteMailAccept(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	org, owner := e.ownedOrganisation()
	inviteeAddr := mailtest.UniqueAddress(t)
	invitee := e.signedUpUser(inviteeAddr)
	stranger := e.signedUpUser(mailtest.UniqueAddress(t))
	base := "/api/v1/organisations/" + org.ID

	// The address is compared without case.
	r := owner.expect(http.StatusCreated, "POST", base+"/invitations", map[string]any{"email": strings.ToUpper(inviteeAddr), "role": "member"})
	if r.body["state"] != "pending" || r.body["role"] != "member" || r.body["token"] != nil {
		t.Fatalf("invitation: %s", r.raw)
	}
	invID := r.body["id"].(string)
	list := owner.expect(http.StatusOK, "GET", base+"/invitations", nil)
	if items := list.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != invID {
		t.Fatalf("pending invitations: %s", list.raw)
	}
	// A second invitation while one is pending is a conflict.
	owner.expect(http.StatusConflict, "POST", base+"/invitations", map[string]any{"email": inviteeAddr, "role": "owner"})
	owner.expect(http.StatusUnprocessableEntity, "POST", base+"/invitations", map[string]any{"email": "not an address", "role": "member"})

	// The email arrives (the invitee's account speaks French) with the link.
	token, msg := e.tokenFrom(inviteeAddr, 2, "invite")
	if !strings.Contains(msg.Subject, "Atelier du Pont SCOP") || !strings.Contains(msg.Text, "http://localhost:8080/invitations/accept#token=") {
		t.Fatalf("unexpected invitation email %q:\n%s", msg.Subject, msg.Text)
	}

	// Not a member yet.
	invitee.expect(http.StatusForbidden, "GET", base+"/members", nil)
	// Someone else holding the link cannot use it, and does not spend it.
	r = stranger.expect(http.StatusForbidden, "POST", "/api/v1/invitations/accept", map[string]any{"token": token})
	if !strings.Contains(r.raw, "another email address") {
		t.Errorf("unclear refusal: %s", r.raw)
	}
	e.client().expect(http.StatusUnauthorized, "POST", "/api/v1/invitations/accept", map[string]any{"token": token})
	invitee.expect(http.StatusNotFound, "POST", "/api/v1/invitations/accept", map[string]any{"token": "made-up-token"})

	r = invitee.expect(http.StatusOK, "POST", "/api/v1/invitations/accept", map[string]any{"token": token})
	if r.body["organisation_id"] != org.ID || r.body["role"] != "member" {
		t.Fatalf("accept: %s", r.raw)
	}
	members := memberRoles(t, invitee.expect(http.StatusOK, "GET", base+"/members", nil))
	if len(members) != 2 || members[invitee.userID()] != "member" || members[owner.userID()] != "owner" {
		t.Fatalf("members: %v", members)
	}
	// The link is single use.
	r = invitee.expect(http.StatusGone, "POST", "/api/v1/invitations/accept", map[string]any{"token": token})
	if !strings.Contains(r.raw, "already been accepted") {
		t.Errorf("reused link: %s", r.raw)
	}
	if list := owner.expect(http.StatusOK, "GET", base+"/invitations", nil); len(list.body["items"].([]any)) != 0 {
		t.Errorf("an accepted invitation is still listed: %s", list.raw)
	}
	owner.expect(http.StatusConflict, "DELETE", base+"/invitations/"+invID, nil)
	// Inviting a member is a conflict.
	r = owner.expect(http.StatusConflict, "POST", base+"/invitations", map[string]any{"email": inviteeAddr, "role": "member"})
	if !strings.Contains(r.raw, "already a member") {
		t.Errorf("unclear conflict: %s", r.raw)
	}
	// Members see the member list but do not manage invitations.
	invitee.expect(http.StatusForbidden, "POST", base+"/invitations", map[string]any{"email": mailtest.UniqueAddress(t), "role": "member"})
	invitee.expect(http.StatusForbidden, "GET", base+"/invitations", nil)

	if e.auditCount("organisation.member_invited", org.ID) != 1 || e.auditCount("organisation.member_joined", org.ID) != 1 {
		t.Error("missing audit entries for the invitation and the acceptance")
	}
}

func TestInvitationExpiredAndRevoked(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	org := e.db.Organisation(t, storetest.OrganisationOptions{})
	base := "/api/v1/organisations/" + org.ID
	ownerAddr, addr := mailtest.UniqueAddress(t), mailtest.UniqueAddress(t)
	owner, invitee := e.signedUpUser(ownerAddr), e.signedUpUser(addr)
	e.join(org.ID, owner.userID(), domain.RoleOwner)
	owner.expect(http.StatusCreated, "POST", base+"/invitations", map[string]any{"email": addr, "role": "member"})
	expired, _ := e.tokenFrom(addr, 2, "invite")

	// A week later the sessions have expired too: sign in again.
	e.clock.advance(core.InvitationTTL + time.Minute)
	for c, a := range map[*client]string{owner: ownerAddr, invitee: addr} {
		c.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": a, "password": goodPassword})
	}
	list := owner.expect(http.StatusOK, "GET", base+"/invitations", nil)
	if items := list.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["state"] != "expired" {
		t.Fatalf("an expired invitation should be listed as expired: %s", list.raw)
	}
	r := invitee.expect(http.StatusGone, "POST", "/api/v1/invitations/accept", map[string]any{"token": expired})
	if !strings.Contains(r.raw, "expired") {
		t.Errorf("expired link: %s", r.raw)
	}
	// An expired invitation does not block a new one; its link still says why it fails.
	r = owner.expect(http.StatusCreated, "POST", base+"/invitations", map[string]any{"email": addr, "role": "owner"})
	invID := r.body["id"].(string)
	fresh, _ := e.tokenFrom(addr, 3, "invite")
	if fresh == expired {
		t.Fatal("a new invitation must have a new token")
	}
	r = invitee.expect(http.StatusGone, "POST", "/api/v1/invitations/accept", map[string]any{"token": expired})
	if !strings.Contains(r.raw, "expired") {
		t.Errorf("replaced expired link: %s", r.raw)
	}

	// A revoked invitation's link stops working; revoking twice is harmless.
	owner.expect(http.StatusNoContent, "DELETE", base+"/invitations/"+invID, nil)
	owner.expect(http.StatusNoContent, "DELETE", base+"/invitations/"+invID, nil)
	owner.expect(http.StatusNotFound, "DELETE", base+"/invitations/"+store.NewID(), nil)
	r = invitee.expect(http.StatusGone, "POST", "/api/v1/invitations/accept", map[string]any{"token": fresh})
	if !strings.Contains(r.raw, "withdrawn") {
		t.Errorf("revoked link: %s", r.raw)
	}
	invitee.expect(http.StatusForbidden, "GET", base+"/members", nil)
	if e.auditCount("organisation.invitation_revoked", org.ID) != 1 {
		t.Error("the revocation was not audited once")
	}
}

func TestInvitationRateLimit(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	org, owner := e.ownedOrganisation()
	first := mailtest.UniqueAddress(t)
	for i := range core.DefaultInvitesPerInviter {
		addr := mailtest.UniqueAddress(t)
		if i == 0 {
			addr = first
		}
		owner.expect(http.StatusCreated, "POST", "/api/v1/organisations/"+org.ID+"/invitations",
			map[string]any{"email": addr, "role": "member"})
	}
	// An address without an account is written to in the inviter's language (French here).
	if _, msg := e.tokenFrom(first, 1, ""); !strings.Contains(msg.Subject, "vous invite") {
		t.Errorf("invitation to an address without an account not in the inviter's language: %q", msg.Subject)
	}
	r := owner.expect(http.StatusTooManyRequests, "POST", "/api/v1/organisations/"+org.ID+"/invitations",
		map[string]any{"email": mailtest.UniqueAddress(t), "role": "member"})
	if r.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
}

func TestLastOwnerStays(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	org, owner := e.ownedOrganisation()
	base := "/api/v1/organisations/" + org.ID
	ownerID := owner.userID()
	for _, call := range []struct {
		method, path string
		body         any
	}{
		{"DELETE", base + "/members/" + ownerID, nil},
		{"PATCH", base + "/members/" + ownerID, map[string]any{"role": "member"}},
	} {
		r := owner.expect(http.StatusConflict, call.method, call.path, call.body)
		if !strings.Contains(r.raw, "last owner") {
			t.Errorf("%s %s: unclear refusal: %s", call.method, call.path, r.raw)
		}
	}

	// With a second owner, the first may step down; then the second is the
	// last one and the first, now a plain member, cannot remove them.
	second := e.signedUpUser(mailtest.UniqueAddress(t))
	secondID := second.userID()
	e.join(org.ID, secondID, domain.RoleMember)
	second.expect(http.StatusForbidden, "PATCH", base+"/members/"+secondID, map[string]any{"role": "owner"})
	r := owner.expect(http.StatusOK, "PATCH", base+"/members/"+secondID, map[string]any{"role": "owner"})
	if r.body["role"] != "owner" {
		t.Fatalf("promotion: %s", r.raw)
	}
	owner.expect(http.StatusOK, "PATCH", base+"/members/"+ownerID, map[string]any{"role": "member"})
	owner.expect(http.StatusForbidden, "DELETE", base+"/members/"+secondID, nil)
	second.expect(http.StatusConflict, "DELETE", base+"/members/"+secondID, nil)
	second.expect(http.StatusNotFound, "PATCH", base+"/members/"+store.NewID(), map[string]any{"role": "member"})
	// A plain member may leave.
	owner.expect(http.StatusNoContent, "DELETE", base+"/members/"+ownerID, nil)
	owner.expect(http.StatusForbidden, "GET", base+"/members", nil)
	if members := memberRoles(t, second.expect(http.StatusOK, "GET", base+"/members", nil)); len(members) != 1 || members[secondID] != "owner" {
		t.Fatalf("members: %v", members)
	}
	if e.auditCount("organisation.member_role_changed", org.ID) != 2 || e.auditCount("organisation.member_left", org.ID) != 1 {
		t.Error("missing audit entries for role changes or leaving")
	}
}

// Two owners leaving at the same moment: the memberships are locked, so
// exactly one succeeds and the other is told they are the last owner.
func TestConcurrentLastOwnersLeave(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	a := e.signedUpUser(mailtest.UniqueAddress(t))
	b := e.signedUpUser(mailtest.UniqueAddress(t))
	aID, bID := a.userID(), b.userID()
	for round := range 5 {
		org := e.db.Organisation(t, storetest.OrganisationOptions{})
		e.join(org.ID, aID, domain.RoleOwner)
		e.join(org.ID, bID, domain.RoleOwner)
		statuses := make([]int, 2)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, leaver := range []struct {
			c  *client
			id string
		}{{a, aID}, {b, bID}} {
			wg.Go(func() {
				req, _ := http.NewRequest(http.MethodDelete, e.srv.URL+"/api/v1/organisations/"+org.ID+"/members/"+leaver.id, nil)
				<-start
				resp, err := leaver.c.http.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				_ = resp.Body.Close()
				statuses[i] = resp.StatusCode
			})
		}
		close(start)
		wg.Wait()
		ok, conflict := 0, 0
		for _, s := range statuses {
			switch s {
			case http.StatusNoContent:
				ok++
			case http.StatusConflict:
				conflict++
			}
		}
		if ok != 1 || conflict != 1 {
			t.Fatalf("round %d: statuses %v, want one 204 and one 409", round, statuses)
		}
		var owners int
		if err := e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM memberships WHERE organisation_id = $1 AND role = 'owner'",
			org.ID).Scan(&owners); err != nil || owners != 1 {
			t.Fatalf("round %d: %d owners left (%v)", round, owners, err)
		}
	}
}

func TestRemovedMemberLosesAccessAtOnce(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	org, owner := e.ownedOrganisation()
	base := "/api/v1/organisations/" + org.ID
	m := e.signedUpUser(mailtest.UniqueAddress(t))
	mID := m.userID()
	e.join(org.ID, mID, domain.RoleMember)
	m.expect(http.StatusOK, "GET", base+"/members", nil)
	m.expect(http.StatusOK, "PUT", "/api/v1/me/active-organisation", map[string]any{"organisation_id": org.ID})
	m.expect(http.StatusForbidden, "DELETE", base+"/members/"+owner.userID(), nil)

	owner.expect(http.StatusNoContent, "DELETE", base+"/members/"+mID, nil)
	// The same session, on its very next request.
	m.expect(http.StatusForbidden, "GET", base+"/members", nil)
	if me := m.expect(http.StatusOK, "GET", "/api/v1/me", nil); me.body["active_organisation_id"] != nil {
		t.Errorf("a removed member still acts for the organisation: %s", me.raw)
	}
	m.expect(http.StatusForbidden, "GET", "/api/v1/me", nil, OrganisationHeader, org.ID)
	owner.expect(http.StatusNotFound, "DELETE", base+"/members/"+mID, nil)
	if e.auditCount("organisation.member_removed", org.ID) != 1 {
		t.Error("the removal was not audited")
	}
}

func TestActiveOrganisation(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	orgA := e.db.Organisation(t, storetest.OrganisationOptions{})
	orgB := e.db.Organisation(t, storetest.OrganisationOptions{})
	orgC := e.db.Organisation(t, storetest.OrganisationOptions{})
	addr := mailtest.UniqueAddress(t)
	u := e.signedUpUser(addr)
	uID := u.userID()
	active := func(c *client, headers ...string) any {
		t.Helper()
		return c.expect(http.StatusOK, "GET", "/api/v1/me", nil, headers...).body["active_organisation_id"]
	}

	if got := active(u); got != nil {
		t.Fatalf("no organisation yet, active %v", got)
	}
	e.join(orgA.ID, uID, domain.RoleOwner)
	if got := active(u); got != orgA.ID {
		t.Fatalf("the only organisation should be active, got %v", got)
	}
	e.join(orgB.ID, uID, domain.RoleMember)
	if got := active(u); got != nil {
		t.Fatalf("two organisations and no choice: none active, got %v", got)
	}
	// The header chooses for one request; upper case is the same id.
	if got := active(u, OrganisationHeader, orgB.ID); got != orgB.ID {
		t.Fatalf("header: active %v, want %s", got, orgB.ID)
	}
	if got := active(u, OrganisationHeader, strings.ToUpper(orgA.ID)); got != orgA.ID {
		t.Fatalf("header in upper case: active %v, want %s", got, orgA.ID)
	}
	for _, bad := range []string{orgC.ID, "not-an-id"} {
		r := u.expect(http.StatusForbidden, "GET", "/api/v1/me", nil, OrganisationHeader, bad)
		if r.header.Get("Content-Type") != "application/problem+json" || !strings.Contains(r.raw, OrganisationHeader) {
			t.Errorf("header %q: want a problem+json 403 naming the header, got %s %s", bad, r.header.Get("Content-Type"), r.raw)
		}
	}

	// The session remembers a choice; the header still overrides it.
	u.expect(http.StatusForbidden, "PUT", "/api/v1/me/active-organisation", map[string]any{"organisation_id": orgC.ID})
	u.expect(http.StatusUnprocessableEntity, "PUT", "/api/v1/me/active-organisation", map[string]any{"organisation_id": "x"})
	u.expect(http.StatusOK, "PUT", "/api/v1/me/active-organisation", map[string]any{"organisation_id": orgB.ID})
	if got := active(u); got != orgB.ID {
		t.Fatalf("stored choice: active %v, want %s", got, orgB.ID)
	}
	if got := active(u, OrganisationHeader, orgA.ID); got != orgA.ID {
		t.Fatalf("header over stored choice: active %v, want %s", got, orgA.ID)
	}
	// It belongs to the session, not the user: another sign-in starts without it.
	other := e.client()
	other.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": goodPassword})
	if got := active(other); got != nil {
		t.Fatalf("a new session inherited the choice: %v", got)
	}
	if got := active(u); got != orgB.ID {
		t.Fatalf("stored choice lost: active %v, want %s", got, orgB.ID)
	}
	// A stale header does not keep anyone from signing out.
	other.expect(http.StatusNoContent, "POST", "/api/v1/auth/logout", nil, OrganisationHeader, orgC.ID)
	other.expect(http.StatusUnauthorized, "GET", "/api/v1/me", nil)

	// Leaving the chosen organisation falls back to the only one left.
	u.expect(http.StatusNoContent, "DELETE", "/api/v1/organisations/"+orgB.ID+"/members/"+uID, nil)
	if got := active(u); got != orgA.ID {
		t.Fatalf("after leaving: active %v, want %s", got, orgA.ID)
	}
}
