package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"passerelle/internal/auth"
	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// At most one pending invitation per organisation and address, whatever
// its case; an accepted or revoked one no longer counts.
func TestOnePendingInvitationPerAddress(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	org := db.Organisation(t, storetest.OrganisationOptions{})
	owner := db.User(t, storetest.UserOptions{Organisation: org.ID})
	now := time.Now()
	invite := func(email string) (domain.Invitation, error) {
		var inv domain.Invitation
		err := db.Store.WithTx(ctx, func(tx *store.Tx) (err error) {
			inv, err = tx.CreateInvitation(ctx, domain.Invitation{OrganisationID: org.ID, Email: email, Role: domain.RoleMember,
				InvitedBy: owner.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}, auth.HashToken(auth.NewToken()))
			return err
		})
		return inv, err
	}
	first, err := invite("Jo@Example.test")
	if err != nil {
		t.Fatal(err)
	}
	_, err = invite("jo@example.TEST")
	if !errors.Is(err, domain.ErrConflict) || !strings.Contains(err.Error(), "pending invitation") {
		t.Fatalf("second pending invitation: %v", err)
	}
	if err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
		_, err := tx.RevokeInvitation(ctx, first.ID, now)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := invite("jo@example.test"); err != nil {
		t.Fatalf("invitation after a revoked one: %v", err)
	}
}

// A session's active organisation is forgotten when the organisation goes.
func TestActiveOrganisationForgottenWithOrganisation(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	org := db.Organisation(t, storetest.OrganisationOptions{})
	u := db.User(t, storetest.UserOptions{Organisation: org.ID})
	s := db.Session(t, storetest.SessionOptions{UserID: u.ID, Token: "tok-active-org"})
	if err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
		return tx.SetSessionActiveOrganisation(ctx, s.ID, org.ID)
	}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Store.GetSessionByToken(ctx, "tok-active-org", time.Now())
	if err != nil || got.ActiveOrganisationID != org.ID {
		t.Fatalf("stored active organisation: %q, %v", got.ActiveOrganisationID, err)
	}
	if _, err := db.Pool.Exec(ctx, "DELETE FROM organisations WHERE id = $1", org.ID); err != nil {
		t.Fatal(err)
	}
	got, err = db.Store.GetSessionByToken(ctx, "tok-active-org", time.Now())
	if err != nil || got.ActiveOrganisationID != "" {
		t.Fatalf("after the organisation was deleted: %q, %v", got.ActiveOrganisationID, err)
	}
}
