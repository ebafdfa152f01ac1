package store

import (
	"context"
	"crypto/sha256"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateSession stores a session under the SHA-256 of its token.
func (t *Tx) CreateSession(ctx context.Context, s domain.Session, token string) (domain.Session, error) {
	if s.ID == "" {
		s.ID = NewID()
	}
	id, err := parseID("id", s.ID)
	if err != nil {
		return domain.Session{}, err
	}
	uid, err := parseID("user_id", s.UserID)
	if err != nil {
		return domain.Session{}, err
	}
	sum := sha256.Sum256([]byte(token))
	row, err := t.q.CreateSession(ctx, sqlc.CreateSessionParams{
		ID: id, TokenHash: sum[:], UserID: uid, IdleExpiresAt: s.IdleExpiresAt, AbsoluteExpiresAt: s.AbsoluteExpiresAt,
	})
	if err != nil {
		return domain.Session{}, mapError(err)
	}
	return sessionFromRow(row), nil
}

// GetSessionByToken returns the live session of a token, or domain.ErrNotFound
// when the token is unknown or the session has expired.
func (s *Store) GetSessionByToken(ctx context.Context, token string, now time.Time) (domain.Session, error) {
	sum := sha256.Sum256([]byte(token))
	row, err := s.q.GetSessionByTokenHash(ctx, sqlc.GetSessionByTokenHashParams{TokenHash: sum[:], Now: now})
	if err != nil {
		return domain.Session{}, mapError(err)
	}
	return sessionFromRow(row), nil
}

// DeleteExpiredSessions removes sessions past their idle or absolute expiry
// and returns how many it removed.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	n, err := s.q.DeleteExpiredSessions(ctx, now)
	return n, mapError(err)
}

func sessionFromRow(r sqlc.Session) domain.Session {
	return domain.Session{
		ID: r.ID.String(), UserID: r.UserID.String(), CreatedAt: r.CreatedAt,
		IdleExpiresAt: r.IdleExpiresAt, AbsoluteExpiresAt: r.AbsoluteExpiresAt,
	}
}
