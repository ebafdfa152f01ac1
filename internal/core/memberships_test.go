package core_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// memberEnv is a real database with an organisation, its owner and one
// plain member. Emails are queued as River jobs (never sent): the tests
// count them.
type memberEnv struct {
	db              *storetest.DB
	ms              *core.Memberships
	org             domain.Organisation
	owner, member   domain.User
	ownerA, memberA core.Actor
}

func newMemberEnv(t *testing.T) *memberEnv {
	t.Helper()
	db := storetest.New(t)
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	runner, err := jobs.New(db.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.Options{Renderer: renderer})
	if err != nil {
		t.Fatal(err)
	}
	e := &memberEnv{db: db, ms: core.NewMemberships(db.Store, runner, time.Now, core.MembershipsConfig{PublicURL: "https://passerelle.test"})}
	e.org = db.Organisation(t, storetest.OrganisationOptions{})
	e.owner = db.User(t, storetest.UserOptions{Organisation: e.org.ID, Role: domain.RoleOwner})
	e.member = db.User(t, storetest.UserOptions{Organisation: e.org.ID, Role: domain.RoleMember})
	e.ownerA = core.Actor{UserID: e.owner.ID, PlatformRole: domain.PlatformUser, RequestID: "req-test"}
	e.memberA = core.Actor{UserID: e.member.ID, PlatformRole: domain.PlatformUser, RequestID: "req-test"}
	return e
}

func (e *memberEnv) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := e.db.Pool.QueryRow(t.Context(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The use cases decide authorization themselves, whatever route calls them.
func TestMembershipsAuthorizeInCore(t *testing.T) {
	e := newMemberEnv(t)
	ctx := context.Background()
	other := e.db.Organisation(t, storetest.OrganisationOptions{})
	outsider := e.db.User(t, storetest.UserOptions{Organisation: other.ID})
	outsiderA := core.Actor{UserID: outsider.ID, PlatformRole: domain.PlatformUser}
	mod := e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator})
	modA := core.Actor{UserID: mod.ID, PlatformRole: domain.PlatformModerator}
	admin := e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformAdmin})
	adminA := core.Actor{UserID: admin.ID, PlatformRole: domain.PlatformAdmin}
	invite := core.InviteInput{Email: "someone@example.test", Role: domain.RoleMember}

	for _, a := range []core.Actor{e.memberA, outsiderA, modA, adminA} {
		if _, err := e.ms.Invite(ctx, a, e.org.ID, invite); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("Invite by %s: %v, want forbidden", a.UserID, err)
		}
		if _, _, err := e.ms.ListInvitations(ctx, a, e.org.ID, "", 0); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("ListInvitations by %s: %v, want forbidden", a.UserID, err)
		}
		if _, err := e.ms.ChangeRole(ctx, a, e.org.ID, e.member.ID, domain.RoleOwner); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("ChangeRole by %s: %v, want forbidden", a.UserID, err)
		}
		if err := e.ms.RevokeInvitation(ctx, a, e.org.ID, store.NewID()); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("RevokeInvitation by %s: %v, want forbidden", a.UserID, err)
		}
		if err := e.ms.RemoveMember(ctx, a, e.org.ID, e.owner.ID); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("RemoveMember by %s: %v, want forbidden", a.UserID, err)
		}
	}
	if _, _, err := e.ms.ListMembers(ctx, outsiderA, e.org.ID, "", 0); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("ListMembers by an outsider: %v, want forbidden", err)
	}
	for _, a := range []core.Actor{e.memberA, modA, adminA} {
		if members, _, err := e.ms.ListMembers(ctx, a, e.org.ID, "", 0); err != nil || len(members) != 2 {
			t.Errorf("ListMembers by %s: %d members, %v", a.UserID, len(members), err)
		}
	}
	if _, err := e.ms.Invite(ctx, core.Actor{}, e.org.ID, invite); !errors.Is(err, domain.ErrUnauthenticated) {
		t.Errorf("anonymous Invite: %v", err)
	}
	if err := e.ms.SetActiveOrganisation(ctx, outsiderA, store.NewID(), e.org.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("SetActiveOrganisation of an organisation one is not in: %v", err)
	}

	// A role taken away counts at once: core reads memberships afresh, it
	// does not trust what the caller believed at the start of its request.
	if _, err := e.ms.ChangeRole(ctx, e.ownerA, e.org.ID, e.member.ID, domain.RoleOwner); err != nil {
		t.Fatal(err)
	}
	if _, err := e.ms.ChangeRole(ctx, e.memberA, e.org.ID, e.owner.ID, domain.RoleMember); err != nil {
		t.Fatal(err)
	}
	if _, err := e.ms.Invite(ctx, e.ownerA, e.org.ID, invite); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("Invite by a demoted owner: %v, want forbidden", err)
	}
	if e.count(t, "SELECT count(*) FROM invitations") != 0 {
		t.Error("a refused invitation was stored")
	}
}

// An invitation and its email are one transaction: a refused invitation
// leaves neither a row nor a queued email.
func TestInviteIsAllOrNothing(t *testing.T) {
	e := newMemberEnv(t)
	ctx := context.Background()
	emails := func() int {
		return e.count(t, "SELECT count(*) FROM river_job WHERE kind = 'send_email'")
	}
	inv, err := e.ms.Invite(ctx, e.ownerA, e.org.ID, core.InviteInput{Email: "Nouvelle@Example.test", Role: domain.RoleOwner})
	if err != nil {
		t.Fatal(err)
	}
	if inv.Email != "Nouvelle@Example.test" || inv.Role != domain.RoleOwner || inv.ExpiresAt.Sub(inv.CreatedAt) != core.InvitationTTL {
		t.Errorf("invitation: %+v", inv)
	}
	if emails() != 1 {
		t.Fatalf("%d emails queued, want 1", emails())
	}
	var to, template, link string
	if err := e.db.Pool.QueryRow(ctx, "SELECT args->>'to', args->>'template', args->'data'->>'Link' FROM river_job WHERE kind = 'send_email'").
		Scan(&to, &template, &link); err != nil {
		t.Fatal(err)
	}
	token, ok := strings.CutPrefix(link, "https://passerelle.test/invitations/accept#token=")
	if to != "Nouvelle@Example.test" || template != "invitation" || !ok || len(token) < 40 {
		t.Fatalf("queued email to %q, template %q, link %q", to, template, link)
	}
	// Only the token's SHA-256 is stored.
	if n := e.count(t, "SELECT count(*) FROM invitations WHERE token_hash = sha256(convert_to($1, 'UTF8'))", token); n != 1 {
		t.Error("the invitation is not stored under the SHA-256 of its token")
	}

	for _, in := range []core.InviteInput{
		{Email: "nouvelle@example.test", Role: domain.RoleMember}, // pending already, whatever the case
		{Email: e.member.Email, Role: domain.RoleOwner},           // a member already
	} {
		if _, err := e.ms.Invite(ctx, e.ownerA, e.org.ID, in); !errors.Is(err, domain.ErrConflict) {
			t.Errorf("Invite %s: %v, want conflict", in.Email, err)
		}
	}
	var ve *domain.ValidationError
	if _, err := e.ms.Invite(ctx, e.ownerA, e.org.ID, core.InviteInput{Email: "nope", Role: "admin"}); !errors.As(err, &ve) || len(ve.Fields) != 2 ||
		ve.Fields[0].Field != "body.email" || ve.Fields[1].Field != "body.role" {
		t.Errorf("invalid input: %v", err)
	} else {
		checkTranslated(t, "invalid role", ve.Fields[1])
	}
	if emails() != 1 || e.count(t, "SELECT count(*) FROM invitations") != 1 {
		t.Errorf("refused invitations left %d emails and %d rows", emails(), e.count(t, "SELECT count(*) FROM invitations"))
	}
}

// An account must have proved its address before it accepts anything.
func TestAcceptNeedsVerifiedEmail(t *testing.T) {
	e := newMemberEnv(t)
	unverified := e.db.User(t, storetest.UserOptions{})
	_, err := e.ms.AcceptInvitation(context.Background(), core.Actor{UserID: unverified.ID}, "whatever-token")
	if !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("AcceptInvitation by an unverified account: %v, want forbidden", err)
	}
}
