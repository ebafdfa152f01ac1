package store

import (
	"context"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateInvitation stores inv (its ID is set when empty) under the hash of
// its token. A pending invitation to the same address in the same
// organisation is domain.ErrConflict.
func (t *Tx) CreateInvitation(ctx context.Context, inv domain.Invitation, tokenHash []byte) (domain.Invitation, error) {
	if inv.ID == "" {
		inv.ID = NewID()
	}
	id, err := parseID("id", inv.ID)
	if err != nil {
		return domain.Invitation{}, err
	}
	oid, err := parseID("organisation_id", inv.OrganisationID)
	if err != nil {
		return domain.Invitation{}, err
	}
	by, err := optionalID("invited_by", inv.InvitedBy)
	if err != nil {
		return domain.Invitation{}, err
	}
	row, err := t.q.CreateInvitation(ctx, sqlc.CreateInvitationParams{
		ID: id, OrganisationID: oid, Email: inv.Email, Role: string(inv.Role), InvitedBy: by, TokenHash: tokenHash,
		CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt,
	})
	if err != nil {
		return domain.Invitation{}, mapError(err)
	}
	return invitationFromRow(row), nil
}

// CloseExpiredInvitations closes the expired, never answered invitations
// of an address, so that it can be invited again.
func (t *Tx) CloseExpiredInvitations(ctx context.Context, organisationID, email string, now time.Time) error {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return err
	}
	_, err = t.q.CloseExpiredInvitations(ctx, sqlc.CloseExpiredInvitationsParams{Now: &now, OrganisationID: oid, Email: email})
	return mapError(err)
}

// GetInvitationByToken finds the invitation of a token hash and locks it
// until the transaction ends; domain.ErrNotFound when there is none.
func (t *Tx) GetInvitationByToken(ctx context.Context, tokenHash []byte) (domain.Invitation, error) {
	row, err := t.q.GetInvitationByTokenHashForUpdate(ctx, tokenHash)
	if err != nil {
		return domain.Invitation{}, mapError(err)
	}
	return invitationFromRow(row), nil
}

// GetInvitation finds an invitation of an organisation and locks it until
// the transaction ends; domain.ErrNotFound when there is none.
func (t *Tx) GetInvitation(ctx context.Context, organisationID, id string) (domain.Invitation, error) {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return domain.Invitation{}, domain.ErrNotFound
	}
	iid, err := parseID("id", id)
	if err != nil {
		return domain.Invitation{}, domain.ErrNotFound
	}
	row, err := t.q.GetInvitationForUpdate(ctx, sqlc.GetInvitationForUpdateParams{ID: iid, OrganisationID: oid})
	if err != nil {
		return domain.Invitation{}, mapError(err)
	}
	return invitationFromRow(row), nil
}

// MarkInvitationAccepted records that userID accepted a pending
// invitation; domain.ErrNotFound when it is no longer pending.
func (t *Tx) MarkInvitationAccepted(ctx context.Context, id, userID string, now time.Time) (domain.Invitation, error) {
	iid, err := parseID("id", id)
	if err != nil {
		return domain.Invitation{}, err
	}
	uid, err := parseID("accepted_by", userID)
	if err != nil {
		return domain.Invitation{}, err
	}
	row, err := t.q.MarkInvitationAccepted(ctx, sqlc.MarkInvitationAcceptedParams{Now: &now, AcceptedBy: &uid, ID: iid})
	if err != nil {
		return domain.Invitation{}, mapError(err)
	}
	return invitationFromRow(row), nil
}

// RevokeInvitation withdraws a pending invitation; domain.ErrNotFound when
// it is no longer pending.
func (t *Tx) RevokeInvitation(ctx context.Context, id string, now time.Time) (domain.Invitation, error) {
	iid, err := parseID("id", id)
	if err != nil {
		return domain.Invitation{}, err
	}
	row, err := t.q.RevokeInvitation(ctx, sqlc.RevokeInvitationParams{Now: &now, ID: iid})
	if err != nil {
		return domain.Invitation{}, mapError(err)
	}
	return invitationFromRow(row), nil
}

// ListPendingInvitationsPage returns up to limit invitations of an
// organisation that were neither accepted nor revoked (expired ones
// included), newest first, after cursor (from a previous page; "" for the
// first). next is the cursor of the following page, "" after the last one.
func (s *Store) ListPendingInvitationsPage(ctx context.Context, organisationID, cursor string, limit int32) (
	page []domain.Invitation, next string, err error) {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return nil, "", err
	}
	before, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	at, id := descendingFrom(before)
	rows, err := s.q.ListPendingInvitationsPage(ctx, sqlc.ListPendingInvitationsPageParams{
		OrganisationID: oid, BeforeCreatedAt: at, BeforeID: id, RowLimit: limit + 1,
	})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.Invitation) string { return encodeCursor(r.CreatedAt, r.ID) })
	page = make([]domain.Invitation, len(rows))
	for i, r := range rows {
		page[i] = invitationFromRow(r)
	}
	return page, next, nil
}

func invitationFromRow(r sqlc.Invitation) domain.Invitation {
	inv := domain.Invitation{
		ID: r.ID.String(), OrganisationID: r.OrganisationID.String(), Email: r.Email, Role: domain.MembershipRole(r.Role),
		CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt, AcceptedAt: r.AcceptedAt, RevokedAt: r.RevokedAt,
	}
	if r.InvitedBy != nil {
		inv.InvitedBy = r.InvitedBy.String()
	}
	if r.AcceptedBy != nil {
		inv.AcceptedBy = r.AcceptedBy.String()
	}
	return inv
}
