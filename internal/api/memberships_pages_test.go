package api

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store/storetest"
)

// walkPages follows next_cursor from the first page of path (which already
// has its query) and returns the ids (under key) of every page, in order.
func walkPages(t *testing.T, c *client, path, key string) []string {
	t.Helper()
	var seen []string
	cursor := ""
	for range 20 {
		r := c.expect(http.StatusOK, "GET", path+"&cursor="+cursor, nil)
		for _, it := range items(r) {
			seen = append(seen, it[key].(string))
		}
		cursor, _ = r.body["next_cursor"].(string)
		if cursor == "" {
			return seen
		}
	}
	t.Fatalf("%s never ends: %v", path, seen)
	return nil
}

// TestMembersListPaginates: members in the order they joined, then by user
// id when they joined in the same instant, a page at a time without
// overlap; the default page holds them all.
func TestMembersListPaginates(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	org, owner := e.ownedOrganisation()
	base := "/api/v1/organisations/" + org.ID + "/members"
	var joined []string
	for range 4 {
		u := e.db.User(t, storetest.UserOptions{})
		e.join(org.ID, u.ID, domain.RoleMember)
		joined = append(joined, u.ID)
	}
	// The first two newcomers joined in the same instant, an hour after the
	// owner and before the others: the user id decides between them.
	at := time.Now().Add(time.Hour).UTC()
	if _, err := e.db.Pool.Exec(t.Context(), "UPDATE memberships SET created_at = $1 WHERE user_id = ANY($2::uuid[])",
		at, joined[:2]); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Pool.Exec(t.Context(), "UPDATE memberships SET created_at = $1 WHERE user_id = ANY($2::uuid[])",
		at.Add(time.Minute), joined[2:]); err != nil {
		t.Fatal(err)
	}
	tied, rest := slices.Clone(joined[:2]), slices.Clone(joined[2:])
	slices.Sort(tied)
	slices.Sort(rest)
	want := append(append([]string{owner.userID()}, tied...), rest...)

	r := owner.expect(http.StatusOK, "GET", base, nil)
	all := items(r)
	if len(all) != 5 || r.body["next_cursor"] != "" {
		t.Fatalf("default page: %s", r.raw)
	}
	for i, m := range all {
		if m["user_id"] != want[i] {
			t.Fatalf("member %d: %v, want order %v", i, m["user_id"], want)
		}
	}
	for _, limit := range []string{"1", "2", "3"} {
		if got := walkPages(t, owner, base+"?limit="+limit, "user_id"); !slices.Equal(got, want) {
			t.Errorf("pages of %s: %v, want %v", limit, got, want)
		}
	}
	// Moderators read it too, page by page.
	mod := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID)
	if got := walkPages(t, mod, base+"?limit=2&sort=joined", "user_id"); !slices.Equal(got, want) {
		t.Errorf("moderator's pages: %v", got)
	}

	if loc, code := fieldErr(t, owner.do("GET", base+"?cursor=bm90LWEtY3Vyc29y", nil)); loc != "query.cursor" || code != "invalid" {
		t.Errorf("bad cursor: %s %s", loc, code)
	}
	for _, q := range []string{"limit=201", "limit=-1", "sort=name"} {
		if r := owner.do("GET", base+"?"+q, nil); r.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d %s", q, r.status, r.raw)
		}
	}
	if r := owner.expect(http.StatusOK, "GET", base+"?limit=200", nil); len(items(r)) != 5 {
		t.Errorf("limit=200: %s", r.raw)
	}
}

// TestInvitationsListPaginates: open invitations newest first, then by id
// when sent in the same instant, a page at a time without overlap.
func TestInvitationsListPaginates(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	org, owner := e.ownedOrganisation()
	base := "/api/v1/organisations/" + org.ID + "/invitations"
	var sent []string
	for range 5 {
		r := owner.expect(http.StatusCreated, "POST", base, map[string]any{"email": mailtest.UniqueAddress(t), "role": "member"})
		sent = append(sent, r.body["id"].(string))
		e.clock.advance(time.Minute)
	}
	// The last two were sent in the same instant: the id decides.
	if _, err := e.db.Pool.Exec(t.Context(), "UPDATE invitations SET created_at = (SELECT created_at FROM invitations WHERE id = $1) WHERE id = $2",
		sent[3], sent[4]); err != nil {
		t.Fatal(err)
	}
	tied := slices.Clone(sent[3:])
	slices.Sort(tied)
	slices.Reverse(tied)
	want := append(tied, sent[2], sent[1], sent[0])

	r := owner.expect(http.StatusOK, "GET", base, nil)
	if got := itemIDs(r); !slices.Equal(got, want) || r.body["next_cursor"] != "" {
		t.Fatalf("default page: %v, want %v: %s", got, want, r.raw)
	}
	for _, limit := range []string{"1", "2", "4"} {
		if got := walkPages(t, owner, base+"?limit="+limit, "id"); !slices.Equal(got, want) {
			t.Errorf("pages of %s: %v, want %v", limit, got, want)
		}
	}
	// A revoked invitation leaves the list; the pages close up.
	owner.expect(http.StatusNoContent, "DELETE", base+"/"+sent[2], nil)
	if got := walkPages(t, owner, base+"?limit=2&sort=newest", "id"); !slices.Equal(got, slices.DeleteFunc(slices.Clone(want), func(id string) bool { return id == sent[2] })) {
		t.Errorf("after revoking: %v", got)
	}
	r = owner.do("GET", base+"?cursor=x", nil, "Accept-Language", "de")
	if loc, _ := fieldErr(t, r); loc != "query.cursor" || !strings.Contains(r.raw, "dieser Cursor stammt nicht aus dieser Liste") {
		t.Errorf("bad cursor: %s", r.raw)
	}
	if r := owner.do("GET", base+"?limit=201", nil); r.status != http.StatusUnprocessableEntity {
		t.Errorf("limit=201: %d", r.status)
	}
}

// TestMyOrganisationsPaginate: the caller's organisations by legal name,
// then by id for two of the same name, a page at a time without overlap,
// names holding the cursor's separator included.
func TestMyOrganisationsPaginate(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	u := e.db.User(t, storetest.UserOptions{})
	c := e.as(u.ID)
	names := []string{"Zeta | Werkstatt", "Alpha SCOP", "Mu ESAT", "Mu ESAT", "Beta | Atelier"}
	byName := map[string][]string{}
	for i, n := range names {
		org := e.db.Organisation(t, storetest.OrganisationOptions{LegalName: n})
		role := domain.RoleMember
		if i%2 == 0 {
			role = domain.RoleOwner
		}
		e.join(org.ID, u.ID, role)
		byName[n] = append(byName[n], org.ID)
	}
	slices.Sort(byName["Mu ESAT"])
	var want []string
	for _, n := range []string{"Alpha SCOP", "Beta | Atelier", "Mu ESAT", "Zeta | Werkstatt"} {
		want = append(want, byName[n]...)
	}
	// Someone else's organisation is not listed.
	other := e.db.Organisation(t, storetest.OrganisationOptions{LegalName: "Aaa Autre"})
	e.join(other.ID, e.db.User(t, storetest.UserOptions{}).ID, domain.RoleOwner)

	r := c.expect(http.StatusOK, "GET", "/api/v1/me/organisations", nil)
	if got := itemIDs(r); !slices.Equal(got, want) || r.body["next_cursor"] != "" {
		t.Fatalf("default page: %v, want %v", got, want)
	}
	for _, limit := range []string{"1", "2", "3"} {
		if got := walkPages(t, c, "/api/v1/me/organisations?limit="+limit, "id"); !slices.Equal(got, want) {
			t.Errorf("pages of %s: %v, want %v", limit, got, want)
		}
	}
	for _, bad := range []string{"x", "b3JnfE11IEVTQVQ", "Y3B2fDEyMzQ1Njc4"} { // not base64 of ours, no id, another list's
		r := c.do("GET", "/api/v1/me/organisations?cursor="+bad, nil, "Accept-Language", "fr")
		if loc, _ := fieldErr(t, r); loc != "query.cursor" || !strings.Contains(r.raw, "ce curseur ne provient pas de cette liste") {
			t.Errorf("cursor %q: %s", bad, r.raw)
		}
	}
	e.client().expect(http.StatusUnauthorized, "GET", "/api/v1/me/organisations?limit=2", nil)
}
