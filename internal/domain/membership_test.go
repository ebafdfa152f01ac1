package domain

import (
	"testing"
	"time"
)

func TestIsLastOwner(t *testing.T) {
	cases := []struct {
		name  string
		roles map[string]MembershipRole
		user  string
		want  bool
	}{
		{"sole owner", map[string]MembershipRole{"a": RoleOwner, "b": RoleMember}, "a", true},
		{"one of two owners", map[string]MembershipRole{"a": RoleOwner, "b": RoleOwner}, "a", false},
		{"a member", map[string]MembershipRole{"a": RoleOwner, "b": RoleMember}, "b", false},
		{"not a member", map[string]MembershipRole{"a": RoleOwner}, "c", false},
		{"alone", map[string]MembershipRole{"a": RoleOwner}, "a", true},
		{"empty", map[string]MembershipRole{}, "a", false},
	}
	for _, c := range cases {
		if got := IsLastOwner(c.roles, c.user); got != c.want {
			t.Errorf("%s: IsLastOwner = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestInvitationState(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	past, future := now.Add(-time.Hour), now.Add(time.Hour)
	cases := []struct {
		name string
		inv  Invitation
		want InvitationState
	}{
		{"live", Invitation{ExpiresAt: future}, InvitationPending},
		{"expired", Invitation{ExpiresAt: past}, InvitationExpired},
		{"expires exactly now", Invitation{ExpiresAt: now}, InvitationExpired},
		{"accepted, then expired", Invitation{ExpiresAt: past, AcceptedAt: &past}, InvitationAccepted},
		{"revoked", Invitation{ExpiresAt: future, RevokedAt: &past}, InvitationRevoked},
		{"expired, then closed by a new invitation", Invitation{ExpiresAt: past, RevokedAt: &now}, InvitationExpired},
	}
	for _, c := range cases {
		if got := c.inv.State(now); got != c.want {
			t.Errorf("%s: State = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestMembershipRoleValid(t *testing.T) {
	for r, want := range map[MembershipRole]bool{RoleOwner: true, RoleMember: true, "admin": false, "": false, "Owner": false} {
		if got := r.Valid(); got != want {
			t.Errorf("%q.Valid() = %v, want %v", r, got, want)
		}
	}
}
