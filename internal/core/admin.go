package core

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"passerelle/internal/auth"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// CreateAdmin makes email a platform admin — a new account, or an existing
// one promoted — and returns a one-time link (valid 24 hours) to choose a
// password. It is run from the command line (`passerelle admin create`).
func (a *Accounts) CreateAdmin(ctx context.Context, email, name string, lang domain.Language) (domain.User, string, error) {
	email, ve := normalizeEmail("email", email)
	if err := ve.Err(); err != nil {
		return domain.User{}, "", err
	}
	if strings.TrimSpace(name) == "" {
		name, _, _ = strings.Cut(email, "@")
	}
	if !lang.Valid() {
		lang = domain.LangEN
	}
	var user domain.User
	token := auth.NewToken()
	err := a.st.WithTx(ctx, func(tx *store.Tx) error {
		existing, _, err := a.st.GetUserForLogin(ctx, email)
		switch {
		case err == nil:
			if user, err = tx.SetPlatformRole(ctx, existing.ID, domain.PlatformAdmin); err != nil {
				return err
			}
			// A privilege change ends the sessions opened before it.
			if _, err := tx.DeleteUserSessions(ctx, user.ID, ""); err != nil {
				return err
			}
		case errors.Is(err, domain.ErrNotFound):
			if user, err = tx.CreateUser(ctx, domain.User{Email: email, DisplayName: strings.TrimSpace(name), Language: lang,
				PlatformRole: domain.PlatformAdmin}, ""); err != nil {
				return err
			}
		default:
			return err
		}
		if err := tx.InvalidateUserTokens(ctx, user.ID, domain.TokenSetPassword, a.now()); err != nil {
			return err
		}
		if err := tx.CreateUserToken(ctx, domain.UserToken{UserID: user.ID, Purpose: domain.TokenSetPassword,
			ExpiresAt: a.now().Add(setPasswordTTL)}, auth.HashToken(token)); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{Action: "user.made_admin", SubjectType: "user", SubjectID: user.ID,
			After: map[string]any{"email": user.Email, "platform_role": user.PlatformRole, "via": "command line"}})
	})
	if err != nil {
		return domain.User{}, "", err
	}
	return user, a.link("/reset-password#token=" + token), nil
}

// SetPlatformRole lets an admin make a user a moderator or a plain user
// again. The user's sessions end: privileges change only at sign-in.
func (a *Accounts) SetPlatformRole(ctx context.Context, actor Actor, userID string, role domain.PlatformRole) (domain.User, error) {
	if role != domain.PlatformUser && role != domain.PlatformModerator {
		ve := &domain.ValidationError{}
		ve.Add("role", "invalid", "role must be user or moderator (admins are made from the command line)")
		return domain.User{}, ve
	}
	if userID == actor.UserID {
		return domain.User{}, fmt.Errorf("%w: you cannot change your own role", domain.ErrForbidden)
	}
	var user domain.User
	err := a.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := a.st.GetUser(ctx, userID)
		if err != nil {
			return err
		}
		if before.PlatformRole == domain.PlatformAdmin {
			return fmt.Errorf("%w: an admin's role is changed from the command line", domain.ErrForbidden)
		}
		if user, err = tx.SetPlatformRole(ctx, userID, role); err != nil {
			return err
		}
		if _, err := tx.DeleteUserSessions(ctx, userID, ""); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "user.role_changed", SubjectType: "user", SubjectID: userID,
			Before: map[string]any{"platform_role": before.PlatformRole}, After: map[string]any{"platform_role": user.PlatformRole},
			RequestID: actor.RequestID})
	})
	return user, err
}
