package domain

import "time"

// Valid reports whether r is a known membership role.
func (r MembershipRole) Valid() bool {
	return r == RoleOwner || r == RoleMember
}

// Member is a user seen as a member of one organisation.
type Member struct {
	UserID      string
	Email       string
	DisplayName string
	Role        MembershipRole
	JoinedAt    time.Time
}

// Invitation asks someone, by email, to join an organisation with a role.
// The token of its link is only ever stored hashed.
type Invitation struct {
	ID             string
	OrganisationID string
	Email          string
	Role           MembershipRole
	InvitedBy      string // "" once the inviter's account is gone
	CreatedAt      time.Time
	ExpiresAt      time.Time
	AcceptedAt     *time.Time
	AcceptedBy     string
	RevokedAt      *time.Time
}

// InvitationState says whether an invitation can still be accepted.
type InvitationState string

// The invitation states.
const (
	InvitationPending  InvitationState = "pending"
	InvitationAccepted InvitationState = "accepted"
	InvitationRevoked  InvitationState = "revoked"
	InvitationExpired  InvitationState = "expired"
)

// State is the invitation's state at now. Acceptance wins over everything,
// and expiry over revocation, because an expired invitation is closed
// (revoked) when the same address is invited again, and its link should
// still say "expired".
func (i Invitation) State(now time.Time) InvitationState {
	switch {
	case i.AcceptedAt != nil:
		return InvitationAccepted
	case !i.ExpiresAt.After(now):
		return InvitationExpired
	case i.RevokedAt != nil:
		return InvitationRevoked
	}
	return InvitationPending
}

// IsLastOwner reports whether userID is the only owner among the roles of
// an organisation's members: such a member may not leave, be removed or be
// demoted, or the organisation would have nobody to manage it.
func IsLastOwner(roles map[string]MembershipRole, userID string) bool {
	if roles[userID] != RoleOwner {
		return false
	}
	for id, r := range roles {
		if id != userID && r == RoleOwner {
			return false
		}
	}
	return true
}
