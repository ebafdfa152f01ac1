package store

import (
	"context"
	"time"

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

// GetUser returns one user or domain.ErrNotFound.
func (s *Store) GetUser(ctx context.Context, id string) (domain.User, error) {
	uid, err := parseID("id", id)
	if err != nil {
		return domain.User{}, domain.ErrNotFound
	}
	row, err := s.q.GetUser(ctx, uid)
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return userFromRow(row), nil
}

// GetUserForLogin returns an enabled user by email with its password hash
// ("" when none is set yet).
func (s *Store) GetUserForLogin(ctx context.Context, email string) (domain.User, string, error) {
	row, err := s.q.GetUserForLogin(ctx, email)
	if err != nil {
		return domain.User{}, "", mapError(err)
	}
	hash := ""
	if row.PasswordHash != nil {
		hash = *row.PasswordHash
	}
	return userFromRow(row), hash, nil
}

// MarkEmailVerified records that the user proved they own their email.
func (t *Tx) MarkEmailVerified(ctx context.Context, userID string, now time.Time) (domain.User, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return domain.User{}, err
	}
	row, err := t.q.MarkEmailVerified(ctx, sqlc.MarkEmailVerifiedParams{ID: uid, Now: now})
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return userFromRow(row), nil
}

// SetPasswordHash replaces the user's password hash.
func (t *Tx) SetPasswordHash(ctx context.Context, userID, hash string, now time.Time) error {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return err
	}
	return mapError(t.q.SetPasswordHash(ctx, sqlc.SetPasswordHashParams{ID: uid, PasswordHash: &hash, Now: &now}))
}

// SetEmail replaces the user's (verified) email.
func (t *Tx) SetEmail(ctx context.Context, userID, email string, now time.Time) (domain.User, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return domain.User{}, err
	}
	row, err := t.q.SetEmail(ctx, sqlc.SetEmailParams{ID: uid, Email: email, Now: &now})
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return userFromRow(row), nil
}

// SetUserLanguage changes the language the user reads the product in.
func (t *Tx) SetUserLanguage(ctx context.Context, userID string, lang domain.Language) (domain.User, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return domain.User{}, err
	}
	row, err := t.q.SetUserLanguage(ctx, sqlc.SetUserLanguageParams{ID: uid, Language: string(lang)})
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return userFromRow(row), nil
}

// SetPlatformRole changes the user's platform role.
func (t *Tx) SetPlatformRole(ctx context.Context, userID string, role domain.PlatformRole) (domain.User, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return domain.User{}, err
	}
	row, err := t.q.SetPlatformRole(ctx, sqlc.SetPlatformRoleParams{ID: uid, PlatformRole: string(role)})
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return userFromRow(row), nil
}

// SetDisplayName changes the user's display name.
func (t *Tx) SetDisplayName(ctx context.Context, userID, name string) (domain.User, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return domain.User{}, err
	}
	row, err := t.q.SetDisplayName(ctx, sqlc.SetDisplayNameParams{ID: uid, DisplayName: name})
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return userFromRow(row), nil
}

// Memberships returns the organisations a user belongs to, with the role.
func (s *Store) Memberships(ctx context.Context, userID string) (map[string]domain.MembershipRole, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return nil, err
	}
	rows, err := s.q.ListMembershipsByUser(ctx, uid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[string]domain.MembershipRole, len(rows))
	for _, r := range rows {
		out[r.OrganisationID.String()] = domain.MembershipRole(r.Role)
	}
	return out, nil
}

// CountUsers returns how many accounts exist.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	n, err := s.q.CountUsers(ctx)
	return n, mapError(err)
}
