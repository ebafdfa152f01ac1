package core

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/auth"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// InvitationTTL is how long an invitation link works by default.
const InvitationTTL = 7 * 24 * time.Hour

// Default bounds on invitations, against an account used to spam
// addresses through our mail server.
const (
	DefaultInvitesPerOrganisation = 50 // per day
	DefaultInvitesPerInviter      = 20 // per hour
)

// MembershipsConfig are the settings of Memberships; zero values take the
// defaults above.
type MembershipsConfig struct {
	// PublicURL prefixes the links sent by email.
	PublicURL string
	// InvitationTTL is how long an invitation link works.
	InvitationTTL time.Duration
	// InvitesPerOrganisation bounds the invitations an organisation sends
	// per day, InvitesPerInviter those one user sends per hour.
	InvitesPerOrganisation, InvitesPerInviter int
}

// Memberships manages who belongs to which organisation: members, their
// roles, invitations by email, and the organisation a session acts for.
//
// Every use case decides authorization with domain.Can on memberships read
// from the database in its own transaction (locked when it changes them),
// not on the request's principal: a role taken away a moment ago no longer
// counts, and two concurrent changes cannot both break a rule.
type Memberships struct {
	st     *store.Store
	mailer Mailer
	now    Clock
	cfg    MembershipsConfig
}

// NewMemberships builds the membership use cases.
func NewMemberships(st *store.Store, mailer Mailer, now Clock, cfg MembershipsConfig) *Memberships {
	if now == nil {
		now = time.Now
	}
	if cfg.InvitationTTL <= 0 {
		cfg.InvitationTTL = InvitationTTL
	}
	if cfg.InvitesPerOrganisation <= 0 {
		cfg.InvitesPerOrganisation = DefaultInvitesPerOrganisation
	}
	if cfg.InvitesPerInviter <= 0 {
		cfg.InvitesPerInviter = DefaultInvitesPerInviter
	}
	return &Memberships{st: st, mailer: mailer, now: now, cfg: cfg}
}

// Errors of the membership use cases, with the message the API shows.
var (
	// ErrLastOwner refuses to leave an organisation without an owner.
	ErrLastOwner = fmt.Errorf("%w: the last owner of an organisation cannot leave, be removed or become a plain member: make another member an owner first",
		domain.ErrConflict)
	// ErrAlreadyMember refuses to invite or add someone twice.
	ErrAlreadyMember = fmt.Errorf("%w: this person is already a member of the organisation", domain.ErrConflict)
	// ErrNotMember means the user named is not a member of the organisation.
	ErrNotMember = fmt.Errorf("%w: this user is not a member of the organisation", domain.ErrNotFound)
	// ErrInvitationForSomeoneElse refuses an invitation accepted from
	// another account than the invited address: a forwarded link must not
	// let someone else in.
	ErrInvitationForSomeoneElse = fmt.Errorf("%w: this invitation was sent to another email address: sign in with that address to accept it",
		domain.ErrForbidden)
	// ErrInvitationAccepted, ErrInvitationExpired and ErrInvitationRevoked
	// say why an invitation link no longer works.
	ErrInvitationAccepted = fmt.Errorf("%w: this invitation has already been accepted", domain.ErrGone)
	ErrInvitationExpired  = fmt.Errorf("%w: this invitation has expired; ask for a new one", domain.ErrGone)
	ErrInvitationRevoked  = fmt.Errorf("%w: this invitation was withdrawn", domain.ErrGone)

	errInvitationUnknown = fmt.Errorf("%w: this invitation link is not valid", domain.ErrNotFound)
	errNotYourOrg        = fmt.Errorf("%w: you are not a member of this organisation", domain.ErrForbidden)
)

// msgMembershipRole refuses a role that is neither owner nor member.
var msgMembershipRole = domain.Msg{
	EN: "role must be owner or member",
	FR: "le rôle doit être owner ou member",
	DE: "die Rolle muss owner oder member sein",
	NL: "de rol moet owner of member zijn",
}

// principal describes actor with the memberships given, for domain.Can.
func principal(actor Actor, roles map[string]domain.MembershipRole) domain.Principal {
	return domain.Principal{UserID: actor.UserID, PlatformRole: actor.PlatformRole, Memberships: roles}
}

// lockedPrincipal locks orgID's memberships and returns them with actor as
// the policy sees it in this organisation.
func lockedPrincipal(ctx context.Context, tx *store.Tx, actor Actor, orgID string) (domain.Principal, map[string]domain.MembershipRole, error) {
	roles, err := tx.LockMemberships(ctx, orgID)
	if err != nil {
		return domain.Principal{}, nil, err
	}
	mine := map[string]domain.MembershipRole{}
	if r, ok := roles[actor.UserID]; ok {
		mine[orgID] = r
	}
	return principal(actor, mine), roles, nil
}

// checkIDs refuses anonymous actors and ids that cannot name anything: a
// malformed id in a path is simply not found.
func checkIDs(actor Actor, ids ...string) error {
	if actor.UserID == "" {
		return domain.ErrUnauthenticated
	}
	for _, id := range ids {
		if _, err := uuid.Parse(id); err != nil {
			return domain.ErrNotFound
		}
	}
	return nil
}

// DefaultMemberPageSize and MaxMemberPageSize bound a page of members or
// invitations: an organisation rarely has more than a page, so the default
// is generous.
const (
	DefaultMemberPageSize = 50
	MaxMemberPageSize     = 200
)

func memberPageSize(limit int) int32 {
	if limit <= 0 {
		limit = DefaultMemberPageSize
	}
	return int32(min(limit, MaxMemberPageSize))
}

// ListMembers returns a page of the members of an organisation in the
// order they joined, and the cursor of the next page ("" after the last):
// for its members, and for moderators and admins (domain.ActReadOrganisation).
// limit <= 0 means DefaultMemberPageSize.
func (m *Memberships) ListMembers(ctx context.Context, actor Actor, orgID, cursor string, limit int) ([]domain.Member, string, error) {
	if err := checkIDs(actor, orgID); err != nil {
		return nil, "", err
	}
	mine, err := m.st.Memberships(ctx, actor.UserID)
	if err != nil {
		return nil, "", err
	}
	if !domain.Can(principal(actor, mine), domain.ActReadOrganisation, domain.Resource{OrganisationID: orgID}) {
		return nil, "", domain.ErrForbidden
	}
	if _, err := m.st.GetOrganisation(ctx, orgID); err != nil {
		return nil, "", err
	}
	return m.st.ListMembersPage(ctx, orgID, cursor, memberPageSize(limit))
}

// InviteInput is whom an owner invites, and as what.
type InviteInput struct {
	Email string
	Role  domain.MembershipRole
}

// Invite emails a link to join orgID with a role (owners only; rate
// limited per organisation and per inviter). Inviting a member, or an
// address with a live pending invitation, is domain.ErrConflict; an
// expired one is closed and replaced. The link's token is returned to no
// one: it exists only in the email.
func (m *Memberships) Invite(ctx context.Context, actor Actor, orgID string, in InviteInput) (domain.Invitation, error) {
	if err := checkIDs(actor, orgID); err != nil {
		return domain.Invitation{}, err
	}
	email, ve := normalizeEmail("body.email", in.Email)
	if !in.Role.Valid() {
		ve.AddLocalized("body.role", "invalid", msgMembershipRole.With())
	}
	if err := ve.Err(); err != nil {
		return domain.Invitation{}, err
	}
	// Authorization first (outside the lock, refused again inside it), so
	// that outsiders cannot use up an organisation's invitation budget.
	mine, err := m.st.Memberships(ctx, actor.UserID)
	if err != nil {
		return domain.Invitation{}, err
	}
	res := domain.Resource{OrganisationID: orgID}
	if !domain.Can(principal(actor, mine), domain.ActManageMembers, res) {
		return domain.Invitation{}, domain.ErrForbidden
	}
	if err := hitLimit(ctx, m.st, m.now, "invite_org", orgID, m.cfg.InvitesPerOrganisation, 24*time.Hour); err != nil {
		return domain.Invitation{}, err
	}
	if err := hitLimit(ctx, m.st, m.now, "invite_user", actor.UserID, m.cfg.InvitesPerInviter, time.Hour); err != nil {
		return domain.Invitation{}, err
	}
	org, err := m.st.GetOrganisation(ctx, orgID)
	if err != nil {
		return domain.Invitation{}, err
	}
	inviter, err := m.st.GetUser(ctx, actor.UserID)
	if err != nil {
		return domain.Invitation{}, err
	}
	// The email is written in the invitee's language when they have an
	// account, else in the inviter's (likely a colleague's language).
	name, lang := "", inviter.Language
	if existing, err := m.st.GetUserByEmail(ctx, email); err == nil {
		name, lang = existing.DisplayName, existing.Language
	} else if !errors.Is(err, domain.ErrNotFound) {
		return domain.Invitation{}, err
	}

	var inv domain.Invitation
	token := auth.NewToken()
	err = m.st.WithTx(ctx, func(tx *store.Tx) error {
		p, _, err := lockedPrincipal(ctx, tx, actor, orgID)
		if err != nil {
			return err
		}
		if !domain.Can(p, domain.ActManageMembers, res) {
			return domain.ErrForbidden
		}
		member, err := tx.IsMemberByEmail(ctx, orgID, email)
		if err != nil {
			return err
		}
		if member {
			return ErrAlreadyMember
		}
		now := m.now()
		if err := tx.CloseExpiredInvitations(ctx, orgID, email, now); err != nil {
			return err
		}
		inv, err = tx.CreateInvitation(ctx, domain.Invitation{OrganisationID: orgID, Email: email, Role: in.Role,
			InvitedBy: actor.UserID, CreatedAt: now, ExpiresAt: now.Add(m.cfg.InvitationTTL)}, auth.HashToken(token))
		if err != nil {
			return err
		}
		if err := tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "organisation.member_invited",
			SubjectType: "invitation", SubjectID: inv.ID, OrganisationID: orgID,
			After: map[string]any{"email": inv.Email, "role": inv.Role, "expires_at": inv.ExpiresAt}, RequestID: actor.RequestID}); err != nil {
			return err
		}
		// The token travels in the URL fragment, which browsers send
		// neither to servers nor in Referer (as for account links).
		return m.mailer.EnqueueEmail(ctx, tx, Email{To: email, Name: name, Kind: "invitation", Lang: lang,
			Data: map[string]any{"InviterName": inviter.DisplayName, "OrganisationName": organisationName(org),
				"Link": strings.TrimRight(m.cfg.PublicURL, "/") + "/invitations/accept#token=" + token}})
	})
	return inv, err
}

func organisationName(o domain.Organisation) string {
	if o.TradeName != "" {
		return o.TradeName
	}
	return o.LegalName
}

// ListInvitations returns a page of an organisation's invitations that
// were neither accepted nor revoked, expired ones included, newest first,
// and the cursor of the next page ("" after the last) (owners only).
// limit <= 0 means DefaultMemberPageSize.
func (m *Memberships) ListInvitations(ctx context.Context, actor Actor, orgID, cursor string, limit int) ([]domain.Invitation, string, error) {
	if err := checkIDs(actor, orgID); err != nil {
		return nil, "", err
	}
	mine, err := m.st.Memberships(ctx, actor.UserID)
	if err != nil {
		return nil, "", err
	}
	if !domain.Can(principal(actor, mine), domain.ActManageMembers, domain.Resource{OrganisationID: orgID}) {
		return nil, "", domain.ErrForbidden
	}
	return m.st.ListPendingInvitationsPage(ctx, orgID, cursor, memberPageSize(limit))
}

// RevokeInvitation withdraws an invitation of orgID (owners only): its
// link stops working. Revoking a revoked or expired invitation changes
// nothing; an accepted one is domain.ErrConflict (remove the member).
func (m *Memberships) RevokeInvitation(ctx context.Context, actor Actor, orgID, invitationID string) error {
	if err := checkIDs(actor, orgID); err != nil {
		return err
	}
	return m.st.WithTx(ctx, func(tx *store.Tx) error {
		p, _, err := lockedPrincipal(ctx, tx, actor, orgID)
		if err != nil {
			return err
		}
		if !domain.Can(p, domain.ActManageMembers, domain.Resource{OrganisationID: orgID}) {
			return domain.ErrForbidden
		}
		inv, err := tx.GetInvitation(ctx, orgID, invitationID)
		if errors.Is(err, domain.ErrNotFound) {
			return fmt.Errorf("%w: no such invitation in this organisation", domain.ErrNotFound)
		}
		if err != nil {
			return err
		}
		switch {
		case inv.AcceptedAt != nil:
			return fmt.Errorf("%w: this invitation was already accepted: remove the member instead", domain.ErrConflict)
		case inv.RevokedAt != nil:
			return nil // already closed: DELETE is idempotent
		}
		if _, err := tx.RevokeInvitation(ctx, inv.ID, m.now()); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "organisation.invitation_revoked",
			SubjectType: "invitation", SubjectID: inv.ID, OrganisationID: orgID,
			Before: map[string]any{"email": inv.Email, "role": inv.Role}, RequestID: actor.RequestID})
	})
}

// AcceptInvitation makes the signed-in actor a member with the role of the
// invitation whose link carried token.
//
// Decision: the actor's verified email must be the invited address
// (ignoring case). The link alone is not enough, so that a forwarded or
// leaked email does not let someone else into the organisation; someone
// without an account signs up with the invited address first. An unknown
// token is domain.ErrNotFound; an accepted, expired or revoked one
// domain.ErrGone; a current member gets ErrAlreadyMember.
func (m *Memberships) AcceptInvitation(ctx context.Context, actor Actor, token string) (domain.Invitation, error) {
	if actor.UserID == "" {
		return domain.Invitation{}, domain.ErrUnauthenticated
	}
	if token == "" {
		return domain.Invitation{}, errInvitationUnknown
	}
	user, err := m.st.GetUser(ctx, actor.UserID)
	if err != nil {
		return domain.Invitation{}, err
	}
	if user.EmailVerifiedAt == nil {
		return domain.Invitation{}, ErrEmailNotVerified
	}
	var inv domain.Invitation
	err = m.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		inv, err = tx.GetInvitationByToken(ctx, auth.HashToken(token))
		if errors.Is(err, domain.ErrNotFound) {
			return errInvitationUnknown
		}
		if err != nil {
			return err
		}
		now := m.now()
		switch inv.State(now) {
		case domain.InvitationAccepted:
			return ErrInvitationAccepted
		case domain.InvitationExpired:
			return ErrInvitationExpired
		case domain.InvitationRevoked:
			return ErrInvitationRevoked
		}
		if !strings.EqualFold(inv.Email, user.Email) {
			return ErrInvitationForSomeoneElse
		}
		roles, err := tx.LockMemberships(ctx, inv.OrganisationID)
		if err != nil {
			return err
		}
		if _, member := roles[user.ID]; member {
			return ErrAlreadyMember
		}
		if err := tx.AddMembership(ctx, inv.OrganisationID, user.ID, inv.Role); err != nil {
			return err
		}
		if inv, err = tx.MarkInvitationAccepted(ctx, inv.ID, user.ID, now); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: user.ID, Action: "organisation.member_joined",
			SubjectType: "user", SubjectID: user.ID, OrganisationID: inv.OrganisationID,
			After: map[string]any{"role": inv.Role, "invitation_id": inv.ID, "invited_by": inv.InvitedBy}, RequestID: actor.RequestID})
	})
	return inv, err
}

// ChangeRole makes a member an owner or a plain member (owners only). The
// last owner cannot become a plain member (ErrLastOwner).
func (m *Memberships) ChangeRole(ctx context.Context, actor Actor, orgID, userID string, role domain.MembershipRole) (domain.Member, error) {
	if err := checkIDs(actor, orgID); err != nil {
		return domain.Member{}, err
	}
	if !role.Valid() {
		ve := &domain.ValidationError{}
		ve.AddLocalized("body.role", "invalid", msgMembershipRole.With())
		return domain.Member{}, ve
	}
	err := m.st.WithTx(ctx, func(tx *store.Tx) error {
		p, roles, err := lockedPrincipal(ctx, tx, actor, orgID)
		if err != nil {
			return err
		}
		if !domain.Can(p, domain.ActManageMembers, domain.Resource{OrganisationID: orgID}) {
			return domain.ErrForbidden
		}
		before, member := roles[userID]
		if !member {
			return ErrNotMember
		}
		if before == role {
			return nil
		}
		if role != domain.RoleOwner && domain.IsLastOwner(roles, userID) {
			return ErrLastOwner
		}
		if err := tx.SetMembershipRole(ctx, orgID, userID, role); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "organisation.member_role_changed",
			SubjectType: "user", SubjectID: userID, OrganisationID: orgID,
			Before: map[string]any{"role": before}, After: map[string]any{"role": role}, RequestID: actor.RequestID})
	})
	if err != nil {
		return domain.Member{}, err
	}
	return m.member(ctx, orgID, userID)
}

func (m *Memberships) member(ctx context.Context, orgID, userID string) (domain.Member, error) {
	members, err := m.st.ListMembers(ctx, orgID)
	if err != nil {
		return domain.Member{}, err
	}
	for _, mb := range members {
		if mb.UserID == userID {
			return mb, nil
		}
	}
	return domain.Member{}, ErrNotMember
}

// RemoveMember ends userID's membership of orgID: an owner may remove
// anyone, any member themself (leaving; domain.ActRemoveMember). The last
// owner can do neither (ErrLastOwner). The memberships are locked, so two
// owners leaving at once cannot both succeed. The change applies from the
// member's next request, which reads memberships afresh.
func (m *Memberships) RemoveMember(ctx context.Context, actor Actor, orgID, userID string) error {
	if err := checkIDs(actor, orgID); err != nil {
		return err
	}
	return m.st.WithTx(ctx, func(tx *store.Tx) error {
		p, roles, err := lockedPrincipal(ctx, tx, actor, orgID)
		if err != nil {
			return err
		}
		if !domain.Can(p, domain.ActRemoveMember, domain.Resource{OrganisationID: orgID, UserID: userID}) {
			return domain.ErrForbidden
		}
		role, member := roles[userID]
		if !member {
			return ErrNotMember
		}
		if domain.IsLastOwner(roles, userID) {
			return ErrLastOwner
		}
		if err := tx.DeleteMembership(ctx, orgID, userID); err != nil {
			return err
		}
		action := "organisation.member_removed"
		if userID == actor.UserID {
			action = "organisation.member_left"
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: action, SubjectType: "user", SubjectID: userID,
			OrganisationID: orgID, Before: map[string]any{"role": role}, RequestID: actor.RequestID})
	})
}

// InvitationState is the state of inv now, by the use cases' clock.
func (m *Memberships) InvitationState(inv domain.Invitation) domain.InvitationState {
	return inv.State(m.now())
}

// SetActiveOrganisation stores orgID as the organisation sessionID acts
// for by default. The actor must be a member of it.
func (m *Memberships) SetActiveOrganisation(ctx context.Context, actor Actor, sessionID, orgID string) error {
	if actor.UserID == "" {
		return domain.ErrUnauthenticated
	}
	id, err := uuid.Parse(orgID)
	if err != nil {
		return errNotYourOrg
	}
	orgID = id.String()
	mine, err := m.st.Memberships(ctx, actor.UserID)
	if err != nil {
		return err
	}
	if _, ok := mine[orgID]; !ok {
		return errNotYourOrg
	}
	return m.st.WithTx(ctx, func(tx *store.Tx) error {
		return tx.SetSessionActiveOrganisation(ctx, sessionID, orgID)
	})
}
