package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// MemberBody is a member of an organisation.
type MemberBody struct {
	UserID      string    `json:"user_id" format:"uuid"`
	Email       string    `json:"email" format:"email"`
	DisplayName string    `json:"display_name"`
	Role        string    `json:"role" enum:"owner,member"`
	JoinedAt    time.Time `json:"joined_at"`
}

func memberBody(m domain.Member) MemberBody {
	return MemberBody{UserID: m.UserID, Email: m.Email, DisplayName: m.DisplayName, Role: string(m.Role), JoinedAt: m.JoinedAt}
}

// MemberOutput returns one member.
type MemberOutput struct {
	Body MemberBody
}

// MembersOutput lists the members of an organisation.
type MembersOutput struct {
	Body struct {
		Items      []MemberBody `json:"items"`
		NextCursor string       `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// MembersPageInput pages through an organisation's members.
type MembersPageInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid" doc:"The organisation's id"`
	Sort   string `query:"sort" enum:"joined" default:"joined" doc:"In the order they joined (then by user id)"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"200" doc:"Page size (default 50, at most 200)" example:"50"`
}

// InvitationBody is an invitation as its organisation's owners see it (the
// token is never shown: it exists only in the email).
type InvitationBody struct {
	ID             string     `json:"id" format:"uuid"`
	OrganisationID string     `json:"organisation_id" format:"uuid"`
	Email          string     `json:"email" format:"email"`
	Role           string     `json:"role" enum:"owner,member"`
	InvitedBy      string     `json:"invited_by,omitempty" format:"uuid"`
	State          string     `json:"state" enum:"pending,accepted,revoked,expired"`
	CreatedAt      time.Time  `json:"created_at"`
	ExpiresAt      time.Time  `json:"expires_at"`
	AcceptedAt     *time.Time `json:"accepted_at,omitempty"`
}

func invitationBody(inv domain.Invitation, state domain.InvitationState) InvitationBody {
	return InvitationBody{ID: inv.ID, OrganisationID: inv.OrganisationID, Email: inv.Email, Role: string(inv.Role),
		InvitedBy: inv.InvitedBy, State: string(state), CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt,
		AcceptedAt: inv.AcceptedAt}
}

// InvitationOutput returns one invitation.
type InvitationOutput struct {
	Body InvitationBody
}

// InvitationsOutput lists invitations.
type InvitationsOutput struct {
	Body struct {
		Items      []InvitationBody `json:"items"`
		NextCursor string           `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// InvitationsPageInput pages through an organisation's open invitations.
type InvitationsPageInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid" doc:"The organisation's id"`
	Sort   string `query:"sort" enum:"newest" default:"newest" doc:"Newest invitation first"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"200" doc:"Page size (default 50, at most 200)" example:"50"`
}

// OrgInput names an organisation in the path.
type OrgInput struct {
	LanguageHeader
	OrgID string `path:"orgID" format:"uuid" doc:"The organisation's id"`
}

// InviteInput invites someone into an organisation.
type InviteInput struct {
	OrgID string `path:"orgID" format:"uuid" doc:"The organisation's id"`
	Body  struct {
		Email string `json:"email" maxLength:"254" doc:"Where the invitation is sent; only an account with this (verified) address can accept it" example:"karim.benali@example.org"`
		Role  string `json:"role" enum:"owner,member" doc:"The role the invitee gets on accepting" example:"member"`
	}
}

// InvitationPathInput names an invitation of an organisation.
type InvitationPathInput struct {
	OrgID        string `path:"orgID" format:"uuid" doc:"The organisation's id"`
	InvitationID string `path:"invitationID" format:"uuid" doc:"The invitation's id"`
}

// MemberPathInput names a member of an organisation.
type MemberPathInput struct {
	OrgID  string `path:"orgID" format:"uuid" doc:"The organisation's id"`
	UserID string `path:"userID" format:"uuid" doc:"The member's user id"`
}

// MemberRoleInput changes a member's role.
type MemberRoleInput struct {
	OrgID  string `path:"orgID" format:"uuid" doc:"The organisation's id"`
	UserID string `path:"userID" format:"uuid" doc:"The member's user id"`
	Body   struct {
		Role string `json:"role" enum:"owner,member" example:"owner"`
	}
}

// AcceptedInvitationOutput tells which organisation the user joined.
type AcceptedInvitationOutput struct {
	Body struct {
		OrganisationID string `json:"organisation_id" format:"uuid"`
		Role           string `json:"role" enum:"owner,member"`
	}
}

// ActiveOrganisationInput chooses the organisation a session acts for.
type ActiveOrganisationInput struct {
	Body struct {
		OrganisationID string `json:"organisation_id" format:"uuid" doc:"An organisation you are a member of" example:"0193a5b2-7c1e-7d20-9f3a-1b2c3d4e5f62"`
	}
}

// ActiveOrganisationOutput confirms the session's organisation.
type ActiveOrganisationOutput struct {
	Body struct {
		OrganisationID string `json:"organisation_id" format:"uuid"`
	}
}

func registerMemberships(r *routes, ms *core.Memberships) {
	tag := []string{"Memberships"}
	handle(r, Rule{Action: domain.ActReadOrganisation, OrgParam: "orgID"}, huma.Operation{OperationID: "list-members",
		Method: http.MethodGet, Path: "/api/v1/organisations/{orgID}/members", Tags: tag,
		Summary:     "List the members of an organisation",
		Description: "For the organisation's members, and for moderators and admins. In the order they joined, a page at a time."},
		func(ctx context.Context, in *MembersPageInput) (*MembersOutput, error) {
			members, next, err := ms.ListMembers(ctx, actorFrom(ctx), in.OrgID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &MembersOutput{}
			out.Body.Items = make([]MemberBody, 0, len(members))
			for _, m := range members {
				out.Body.Items = append(out.Body.Items, memberBody(m))
			}
			out.Body.NextCursor = next
			return out, nil
		})
	handle(r, Rule{Action: domain.ActManageMembers, OrgParam: "orgID"}, huma.Operation{OperationID: "invite-member",
		Method: http.MethodPost, Path: "/api/v1/organisations/{orgID}/invitations", Tags: tag, DefaultStatus: http.StatusCreated,
		Summary: "Invite someone into an organisation by email",
		Description: "Owners only. Emails a single-use link, valid 7 days, that only an account with the invited (verified) address can accept. " +
			"Inviting a member, or an address with a pending invitation, is a conflict (409); an expired invitation is replaced. " +
			"Rate limited per organisation and per inviter (429 with Retry-After)."},
		func(ctx context.Context, in *InviteInput) (*InvitationOutput, error) {
			inv, err := ms.Invite(ctx, actorFrom(ctx), in.OrgID, core.InviteInput{Email: in.Body.Email, Role: domain.MembershipRole(in.Body.Role)})
			if err != nil {
				return nil, toHTTP(err)
			}
			return &InvitationOutput{Body: invitationBody(inv, ms.InvitationState(inv))}, nil
		})
	handle(r, Rule{Action: domain.ActManageMembers, OrgParam: "orgID"}, huma.Operation{OperationID: "list-invitations",
		Method: http.MethodGet, Path: "/api/v1/organisations/{orgID}/invitations", Tags: tag,
		Summary:     "List an organisation's open invitations",
		Description: "Owners only. Invitations neither accepted nor revoked, newest first, a page at a time; expired ones are listed with state \"expired\"."},
		func(ctx context.Context, in *InvitationsPageInput) (*InvitationsOutput, error) {
			invs, next, err := ms.ListInvitations(ctx, actorFrom(ctx), in.OrgID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &InvitationsOutput{}
			out.Body.Items = make([]InvitationBody, 0, len(invs))
			for _, inv := range invs {
				out.Body.Items = append(out.Body.Items, invitationBody(inv, ms.InvitationState(inv)))
			}
			out.Body.NextCursor = next
			return out, nil
		})
	handle(r, Rule{Action: domain.ActManageMembers, OrgParam: "orgID"}, huma.Operation{OperationID: "revoke-invitation",
		Method: http.MethodDelete, Path: "/api/v1/organisations/{orgID}/invitations/{invitationID}", Tags: tag,
		DefaultStatus: http.StatusNoContent, Summary: "Withdraw an invitation",
		Description: "Owners only. The link stops working (410). Withdrawing a withdrawn invitation changes nothing; an accepted one is a conflict (409)."},
		func(ctx context.Context, in *InvitationPathInput) (*NoContentOutput, error) {
			if err := ms.RevokeInvitation(ctx, actorFrom(ctx), in.OrgID, in.InvitationID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "accept-invitation", Method: http.MethodPost,
		Path: "/api/v1/invitations/accept", Tags: tag, Summary: "Join an organisation with an emailed invitation",
		Description: "The signed-in account's verified email must be the invited address (403 otherwise: a forwarded link does not let someone else in). " +
			"An accepted, expired or withdrawn invitation answers 410."},
		func(ctx context.Context, in *TokenInput) (*AcceptedInvitationOutput, error) {
			inv, err := ms.AcceptInvitation(ctx, actorFrom(ctx), in.Body.Token)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &AcceptedInvitationOutput{}
			out.Body.OrganisationID, out.Body.Role = inv.OrganisationID, string(inv.Role)
			return out, nil
		})
	handle(r, Rule{Action: domain.ActManageMembers, OrgParam: "orgID"}, huma.Operation{OperationID: "change-member-role",
		Method: http.MethodPatch, Path: "/api/v1/organisations/{orgID}/members/{userID}", Tags: tag,
		Summary:     "Make a member an owner or a plain member",
		Description: "Owners only. The last owner cannot become a plain member (409)."},
		func(ctx context.Context, in *MemberRoleInput) (*MemberOutput, error) {
			m, err := ms.ChangeRole(ctx, actorFrom(ctx), in.OrgID, in.UserID, domain.MembershipRole(in.Body.Role))
			if err != nil {
				return nil, toHTTP(err)
			}
			return &MemberOutput{Body: memberBody(m)}, nil
		})
	handle(r, Rule{Action: domain.ActRemoveMember, OrgParam: "orgID", UserParam: "userID"}, huma.Operation{OperationID: "remove-member",
		Method: http.MethodDelete, Path: "/api/v1/organisations/{orgID}/members/{userID}", Tags: tag,
		DefaultStatus: http.StatusNoContent, Summary: "Remove a member, or leave an organisation",
		Description: "Owners may remove anyone; any member may remove themself (leave) by giving their own user id. " +
			"The last owner can do neither (409). The change applies from the member's next request."},
		func(ctx context.Context, in *MemberPathInput) (*NoContentOutput, error) {
			if err := ms.RemoveMember(ctx, actorFrom(ctx), in.OrgID, in.UserID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "set-active-organisation", Method: http.MethodPut,
		Path: "/api/v1/me/active-organisation", Tags: tag, Summary: "Choose the organisation you act for",
		Description: "Stored on the session: requests without an " + OrganisationHeader + " header act for it while you are a member. " +
			"You must be a member of it (403 otherwise)."},
		func(ctx context.Context, in *ActiveOrganisationInput) (*ActiveOrganisationOutput, error) {
			if err := ms.SetActiveOrganisation(ctx, actorFrom(ctx), authFrom(ctx).session.ID, in.Body.OrganisationID); err != nil {
				return nil, toHTTP(err)
			}
			out := &ActiveOrganisationOutput{}
			out.Body.OrganisationID = in.Body.OrganisationID
			return out, nil
		})
}
