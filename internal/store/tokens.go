package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateUserToken stores the hash of a single-use token.
func (t *Tx) CreateUserToken(ctx context.Context, tok domain.UserToken, tokenHash []byte) error {
	uid, err := parseID("user_id", tok.UserID)
	if err != nil {
		return err
	}
	_, err = t.q.CreateUserToken(ctx, sqlc.CreateUserTokenParams{
		ID: uuid.Must(uuid.NewV7()), UserID: uid, Purpose: string(tok.Purpose), TokenHash: tokenHash,
		NewEmail: optionalString(tok.NewEmail), ExpiresAt: tok.ExpiresAt,
	})
	return mapError(err)
}

// ConsumeUserToken marks a live token used and returns it. An unknown,
// expired or already used token is domain.ErrNotFound; the caller may ask
// FindUserToken why.
func (t *Tx) ConsumeUserToken(ctx context.Context, purpose domain.TokenPurpose, tokenHash []byte, now time.Time) (domain.UserToken, error) {
	row, err := t.q.ConsumeUserToken(ctx, sqlc.ConsumeUserTokenParams{Now: &now, TokenHash: tokenHash, Purpose: string(purpose)})
	if err != nil {
		return domain.UserToken{}, mapError(err)
	}
	return tokenFromRow(row), nil
}

// TokenState tells why a token cannot be used.
type TokenState int

// The token states.
const (
	TokenUnknown TokenState = iota
	TokenUsed
	TokenExpired
	TokenLive
)

// UserTokenState reports whether a token is unknown, used, expired or live.
func (s *Store) UserTokenState(ctx context.Context, purpose domain.TokenPurpose, tokenHash []byte, now time.Time) (TokenState, error) {
	row, err := s.q.FindUserToken(ctx, sqlc.FindUserTokenParams{TokenHash: tokenHash, Purpose: string(purpose)})
	switch mapped := mapError(err); {
	case mapped == domain.ErrNotFound:
		return TokenUnknown, nil
	case mapped != nil:
		return TokenUnknown, mapped
	case row.UsedAt != nil:
		return TokenUsed, nil
	case !row.ExpiresAt.After(now):
		return TokenExpired, nil
	}
	return TokenLive, nil
}

// InvalidateUserTokens marks every unused token of a purpose used: a new
// reset link voids the previous ones.
func (t *Tx) InvalidateUserTokens(ctx context.Context, userID string, purpose domain.TokenPurpose, now time.Time) error {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return err
	}
	return mapError(t.q.InvalidateUserTokens(ctx, sqlc.InvalidateUserTokensParams{Now: &now, UserID: uid, Purpose: string(purpose)}))
}

// DeleteStaleUserTokens removes tokens that expired before the given time.
func (s *Store) DeleteStaleUserTokens(ctx context.Context, before time.Time) (int64, error) {
	n, err := s.q.DeleteStaleUserTokens(ctx, before)
	return n, mapError(err)
}

func tokenFromRow(r sqlc.UserToken) domain.UserToken {
	t := domain.UserToken{ID: r.ID.String(), UserID: r.UserID.String(), Purpose: domain.TokenPurpose(r.Purpose), ExpiresAt: r.ExpiresAt}
	if r.NewEmail != nil {
		t.NewEmail = *r.NewEmail
	}
	return t
}
