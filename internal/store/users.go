package store

import (
	"context"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateUser inserts u with an optional password hash and returns it as stored.
// A second account with the same email, whatever its case, is domain.ErrConflict.
func (t *Tx) CreateUser(ctx context.Context, u domain.User, passwordHash string) (domain.User, error) {
	if u.ID == "" {
		u.ID = NewID()
	}
	id, err := parseID("id", u.ID)
	if err != nil {
		return domain.User{}, err
	}
	if u.Language == "" {
		u.Language = domain.LangEN
	}
	if u.PlatformRole == "" {
		u.PlatformRole = domain.PlatformUser
	}
	row, err := t.q.CreateUser(ctx, sqlc.CreateUserParams{
		ID: id, Email: u.Email, DisplayName: u.DisplayName, PasswordHash: optionalString(passwordHash),
		Language: string(u.Language), PlatformRole: string(u.PlatformRole),
	})
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return userFromRow(row), nil
}

// GetUserByEmail finds a user by email, ignoring case.
func (s *Store) GetUserByEmail(ctx context.Context, email string) (domain.User, error) {
	row, err := s.q.GetUserByEmail(ctx, email)
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return userFromRow(row), nil
}

// AddMembership makes a user a member of an organisation.
func (t *Tx) AddMembership(ctx context.Context, organisationID, userID string, role domain.MembershipRole) error {
	oid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return err
	}
	uid, err := parseID("user_id", userID)
	if err != nil {
		return err
	}
	_, err = t.q.AddMembership(ctx, sqlc.AddMembershipParams{OrganisationID: oid, UserID: uid, Role: string(role)})
	return mapError(err)
}

func userFromRow(r sqlc.User) domain.User {
	return domain.User{
		ID: r.ID.String(), Email: r.Email, DisplayName: r.DisplayName, Language: domain.Language(r.Language),
		PlatformRole: domain.PlatformRole(r.PlatformRole), EmailVerifiedAt: r.EmailVerifiedAt,
	}
}
