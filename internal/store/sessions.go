package store

import (
	"context"
	"crypto/sha256"
	"time"

	"github.com/google/uuid"

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
	s := domain.Session{
		ID: r.ID.String(), UserID: r.UserID.String(), CreatedAt: r.CreatedAt,
		IdleExpiresAt: r.IdleExpiresAt, AbsoluteExpiresAt: r.AbsoluteExpiresAt,
	}
	if r.ActiveOrganisationID != nil {
		s.ActiveOrganisationID = r.ActiveOrganisationID.String()
	}
	return s
}

// SetSessionActiveOrganisation stores the organisation a session acts for
// by default ("" for none).
func (t *Tx) SetSessionActiveOrganisation(ctx context.Context, sessionID, organisationID string) error {
	sid, err := parseID("session_id", sessionID)
	if err != nil {
		return err
	}
	oid, err := optionalID("organisation_id", organisationID)
	if err != nil {
		return err
	}
	return mapError(t.q.SetSessionActiveOrganisation(ctx, sqlc.SetSessionActiveOrganisationParams{ID: sid, ActiveOrganisationID: oid}))
}

// TouchSession records activity and slides the idle expiry, never past the
// absolute one.
func (s *Store) TouchSession(ctx context.Context, id string, now, idleExpiresAt time.Time) error {
	sid, err := parseID("id", id)
	if err != nil {
		return err
	}
	return mapError(s.q.TouchSession(ctx, sqlc.TouchSessionParams{ID: sid, Now: now, IdleExpiresAt: idleExpiresAt}))
}

// DeleteSession ends one session.
func (t *Tx) DeleteSession(ctx context.Context, id string) error {
	sid, err := parseID("id", id)
	if err != nil {
		return err
	}
	return mapError(t.q.DeleteSession(ctx, sid))
}

// DeleteUserSessions ends every session of a user but keepID ("" for all).
func (t *Tx) DeleteUserSessions(ctx context.Context, userID, keepID string) (int64, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return 0, err
	}
	keep := uuid.Nil
	if keepID != "" {
		if keep, err = parseID("keep_id", keepID); err != nil {
			return 0, err
		}
	}
	n, err := t.q.DeleteUserSessions(ctx, sqlc.DeleteUserSessionsParams{UserID: uid, KeepID: keep})
	return n, mapError(err)
}
