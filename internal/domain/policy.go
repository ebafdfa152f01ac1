package domain

// Principal is who makes a request: nobody, or a signed-in user with their
// platform role and memberships.
type Principal struct {
	UserID       string
	PlatformRole PlatformRole
	// Memberships maps organisation ids to the user's role there.
	Memberships map[string]MembershipRole
	// ActiveOrganisationID is the organisation the user acts for in this
	// request: the one named by the X-Passerelle-Organisation header, else
	// the one stored on the session, else the only one they belong to; ""
	// when none applies. It is always one of Memberships. Features that act
	// "as my organisation" (publish an offer, answer a tender) read it, and
	// still ask Can about that organisation.
	ActiveOrganisationID string
}

// Anonymous reports whether nobody is signed in.
func (p Principal) Anonymous() bool { return p.UserID == "" }

// Action is something a principal may be allowed to do.
type Action string

// The actions. Each route of the API names one (see internal/api/router.go).
const (
	ActPublic           Action = "public"             // read public data, sign up, sign in
	ActManageOwnAccount Action = "account.manage_own" // profile, password, email, sessions of oneself
	ActModerate         Action = "platform.moderate"  // verify statuses, moderate listings
	ActAdminister       Action = "platform.administer"
	ActReadOrganisation Action = "organisation.read_private" // members-only data of an organisation
	ActEditOrganisation Action = "organisation.edit"
	ActManageMembers    Action = "organisation.manage_members"
	// ActRemoveMember ends a membership: an owner may remove anyone, any
	// member may remove themself (leave). Resource.UserID is the member.
	ActRemoveMember Action = "organisation.remove_member"
	// ActReport flags an offer, a tender or an organisation for the
	// moderators: anyone signed in.
	ActReport Action = "content.report"
)

// Resource is what an action applies to; OrganisationID is the owning
// organisation, when there is one; UserID the user acted upon, when the
// action is about one (ActRemoveMember).
type Resource struct {
	OrganisationID string
	UserID         string
}

// Can is the one authorization policy: may p do act on res? Every route
// and use case asks it; nothing else decides.
func Can(p Principal, act Action, res Resource) bool {
	switch act {
	case ActPublic:
		return true
	case ActManageOwnAccount:
		return !p.Anonymous()
	case ActModerate:
		return p.PlatformRole == PlatformModerator || p.PlatformRole == PlatformAdmin
	case ActAdminister:
		return p.PlatformRole == PlatformAdmin
	case ActReadOrganisation:
		_, member := p.Memberships[res.OrganisationID]
		return member || Can(p, ActModerate, res)
	case ActEditOrganisation:
		_, member := p.Memberships[res.OrganisationID]
		return member
	case ActManageMembers:
		return p.Memberships[res.OrganisationID] == RoleOwner
	case ActRemoveMember:
		role, member := p.Memberships[res.OrganisationID]
		return role == RoleOwner || member && !p.Anonymous() && res.UserID == p.UserID
	case ActReport:
		return !p.Anonymous()
	}
	return false
}

// Authorize is Can as an error: nil when p may do act on res,
// ErrUnauthenticated when nobody is signed in, else ErrForbidden. Use
// cases call it so that every refusal reads the same.
func Authorize(p Principal, act Action, res Resource) error {
	switch {
	case Can(p, act, res):
		return nil
	case p.Anonymous():
		return ErrUnauthenticated
	}
	return ErrForbidden
}
