package store

import (
	"context"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// LockMemberships locks every membership of an organisation until the
// transaction ends and returns the roles by user id. Checks such as "the
// last owner cannot leave" are made on this, so that two concurrent
// changes are serialized and the second sees the first.
func (t *Tx) LockMemberships(ctx context.Context, organisationID string) (map[string]domain.MembershipRole, error) {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return nil, err
	}
	rows, err := t.q.LockOrganisationMemberships(ctx, oid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[string]domain.MembershipRole, len(rows))
	for _, r := range rows {
		out[r.UserID.String()] = domain.MembershipRole(r.Role)
	}
	return out, nil
}

// ListMembers returns the members of an organisation, oldest first.
func (s *Store) ListMembers(ctx context.Context, organisationID string) ([]domain.Member, error) {
	return listMembers(ctx, s.q, organisationID)
}

func listMembers(ctx context.Context, q *sqlc.Queries, organisationID string) ([]domain.Member, error) {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return nil, err
	}
	rows, err := q.ListOrganisationMembers(ctx, oid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.Member, 0, len(rows))
	for _, r := range rows {
		out = append(out, domain.Member{UserID: r.UserID.String(), Email: r.Email, DisplayName: r.DisplayName,
			Role: domain.MembershipRole(r.Role), JoinedAt: r.CreatedAt})
	}
	return out, nil
}

// ListMembersPage returns up to limit members of an organisation in the
// order they joined (then by user id, so that members who joined in the
// same instant keep one order), after cursor (from a previous page; "" for
// the first). next is the cursor of the following page, "" after the last.
// ListMembers stays for the use cases that need every member at once.
func (s *Store) ListMembersPage(ctx context.Context, organisationID, cursor string, limit int32) (page []domain.Member, next string, err error) {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return nil, "", err
	}
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListOrganisationMembersPage(ctx, sqlc.ListOrganisationMembersPageParams{
		OrganisationID: oid, AfterCreatedAt: after.at, AfterUserID: after.id, RowLimit: limit + 1,
	})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.ListOrganisationMembersPageRow) string { return encodeCursor(r.CreatedAt, r.UserID) })
	page = make([]domain.Member, len(rows))
	for i, r := range rows {
		page[i] = domain.Member{UserID: r.UserID.String(), Email: r.Email, DisplayName: r.DisplayName,
			Role: domain.MembershipRole(r.Role), JoinedAt: r.CreatedAt}
	}
	return page, next, nil
}

// IsMemberByEmail reports whether the account with this email (any case)
// belongs to the organisation.
func (t *Tx) IsMemberByEmail(ctx context.Context, organisationID, email string) (bool, error) {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return false, err
	}
	ok, err := t.q.IsMemberByEmail(ctx, sqlc.IsMemberByEmailParams{OrganisationID: oid, Email: email})
	return ok, mapError(err)
}

// SetMembershipRole changes a member's role; domain.ErrNotFound when the
// user is not a member.
func (t *Tx) SetMembershipRole(ctx context.Context, organisationID, userID string, role domain.MembershipRole) error {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return err
	}
	uid, err := parseID("user_id", userID)
	if err != nil {
		return err
	}
	_, err = t.q.SetMembershipRole(ctx, sqlc.SetMembershipRoleParams{OrganisationID: oid, UserID: uid, Role: string(role)})
	return mapError(err)
}

// DeleteMembership ends a membership and makes every session of the user
// stop acting for the organisation; domain.ErrNotFound when there was none.
func (t *Tx) DeleteMembership(ctx context.Context, organisationID, userID string) error {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return err
	}
	uid, err := parseID("user_id", userID)
	if err != nil {
		return err
	}
	n, err := t.q.DeleteMembership(ctx, sqlc.DeleteMembershipParams{OrganisationID: oid, UserID: uid})
	if err != nil {
		return mapError(err)
	}
	if n == 0 {
		return domain.ErrNotFound
	}
	return mapError(t.q.ForgetActiveOrganisation(ctx, sqlc.ForgetActiveOrganisationParams{UserID: uid, OrganisationID: &oid}))
}
