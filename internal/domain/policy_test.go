package domain

import (
	"errors"
	"testing"
)

func TestCan(t *testing.T) {
	const org, other = "org-1", "org-2"
	anon := Principal{}
	member := Principal{UserID: "u1", PlatformRole: PlatformUser, Memberships: map[string]MembershipRole{org: RoleMember}}
	owner := Principal{UserID: "u2", PlatformRole: PlatformUser, Memberships: map[string]MembershipRole{org: RoleOwner}}
	outsider := Principal{UserID: "u3", PlatformRole: PlatformUser, Memberships: map[string]MembershipRole{other: RoleOwner}}
	mod := Principal{UserID: "u4", PlatformRole: PlatformModerator}
	admin := Principal{UserID: "u5", PlatformRole: PlatformAdmin}
	res := Resource{OrganisationID: org}
	type who struct {
		name string
		p    Principal
	}
	everyone := []who{{"anon", anon}, {"member", member}, {"owner", owner}, {"outsider", outsider}, {"moderator", mod}, {"admin", admin}}
	allowed := map[Action][]string{
		ActPublic:           {"anon", "member", "owner", "outsider", "moderator", "admin"},
		ActManageOwnAccount: {"member", "owner", "outsider", "moderator", "admin"},
		ActModerate:         {"moderator", "admin"},
		ActAdminister:       {"admin"},
		ActReadOrganisation: {"member", "owner", "moderator", "admin"},
		ActEditOrganisation: {"member", "owner"},
		ActManageMembers:    {"owner"},
		ActRemoveMember:     {"owner"}, // removing someone else; see TestCanRemoveSelf
		ActReport:           {"member", "owner", "outsider", "moderator", "admin"},
		Action("unknown"):   {},
	}
	for act, names := range allowed {
		want := map[string]bool{}
		for _, n := range names {
			want[n] = true
		}
		for _, w := range everyone {
			if got := Can(w.p, act, res); got != want[w.name] {
				t.Errorf("Can(%s, %s) = %v, want %v", w.name, act, got, want[w.name])
			}
		}
	}
}

func TestCanRemoveSelf(t *testing.T) {
	const org = "org-1"
	member := Principal{UserID: "u1", Memberships: map[string]MembershipRole{org: RoleMember}}
	owner := Principal{UserID: "u2", Memberships: map[string]MembershipRole{org: RoleOwner}}
	outsider := Principal{UserID: "u3", Memberships: map[string]MembershipRole{"org-2": RoleMember}}
	cases := []struct {
		name string
		p    Principal
		res  Resource
		want bool
	}{
		{"member leaves", member, Resource{OrganisationID: org, UserID: "u1"}, true},
		{"member removes another", member, Resource{OrganisationID: org, UserID: "u2"}, false},
		{"owner leaves", owner, Resource{OrganisationID: org, UserID: "u2"}, true},
		{"owner removes a member", owner, Resource{OrganisationID: org, UserID: "u1"}, true},
		{"outsider removes itself from an organisation it is not in", outsider, Resource{OrganisationID: org, UserID: "u3"}, false},
		{"anonymous with an empty user id", Principal{}, Resource{OrganisationID: org}, false},
		{"moderator", Principal{UserID: "u4", PlatformRole: PlatformModerator}, Resource{OrganisationID: org, UserID: "u1"}, false},
	}
	for _, c := range cases {
		if got := Can(c.p, ActRemoveMember, c.res); got != c.want {
			t.Errorf("%s: Can = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestAuthorize(t *testing.T) {
	org := Resource{OrganisationID: "org-1"}
	member := Principal{UserID: "u", Memberships: map[string]MembershipRole{"org-1": RoleMember}}
	outsider := Principal{UserID: "v"}
	if err := Authorize(member, ActEditOrganisation, org); err != nil {
		t.Errorf("member: %v", err)
	}
	if err := Authorize(outsider, ActEditOrganisation, org); !errors.Is(err, ErrForbidden) {
		t.Errorf("outsider: %v", err)
	}
	if err := Authorize(Principal{}, ActEditOrganisation, org); !errors.Is(err, ErrUnauthenticated) {
		t.Errorf("anonymous: %v", err)
	}
}
