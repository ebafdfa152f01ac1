package core

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/auth"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Token lifetimes.
const (
	verifyEmailTTL = 48 * time.Hour
	resetTTL       = time.Hour
	emailChangeTTL = 24 * time.Hour
	setPasswordTTL = 24 * time.Hour
)

// AccountsConfig are the settings of Accounts.
type AccountsConfig struct {
	// PublicURL prefixes the links sent by email.
	PublicURL string
	// SessionIdle and SessionMaxAge bound a session's life.
	SessionIdle, SessionMaxAge time.Duration
	// Rate limits (see RateLimits).
	Limits RateLimits
}

// Accounts signs people up and in, and manages their credentials.
type Accounts struct {
	st     *store.Store
	mailer Mailer
	policy *auth.PasswordPolicy
	now    Clock
	cfg    AccountsConfig
}

// NewAccounts builds the account use cases.
func NewAccounts(st *store.Store, mailer Mailer, now Clock, cfg AccountsConfig) *Accounts {
	if now == nil {
		now = time.Now
	}
	return &Accounts{st: st, mailer: mailer, policy: auth.NewPasswordPolicy(), now: now, cfg: cfg}
}

// SignUpInput is what a new user gives.
type SignUpInput struct {
	Email, Password, DisplayName string
	Language                     domain.Language
}

// SignUp creates an unverified account and emails a verification link. An
// email already in use gives the same answer (no error) so that sign-up
// does not reveal who has an account; its owner is told by email instead.
func (a *Accounts) SignUp(ctx context.Context, actor Actor, in SignUpInput) error {
	email, ve := normalizeEmail("email", in.Email)
	name := strings.TrimSpace(in.DisplayName)
	if name == "" || utf8.RuneCountInString(name) > 200 {
		ve.Add("display_name", "invalid", "a name of 1 to 200 characters is required")
	}
	if !in.Language.Valid() {
		in.Language = domain.LangEN
	}
	if code := a.policy.Check(in.Password, email, name); code != "" {
		ve.AddLocalized("password", code, passwordMessage(code))
	}
	if err := ve.Err(); err != nil {
		return err
	}
	if err := a.limit(ctx, "signup_ip", actor.IP, a.cfg.Limits.SignUpPerIP, time.Hour); err != nil {
		return err
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return err
	}
	existing, _, err := a.st.GetUserForLogin(ctx, email)
	switch {
	case err == nil:
		return a.st.WithTx(ctx, func(tx *store.Tx) error {
			return a.mailer.EnqueueEmail(ctx, tx, Email{To: existing.Email, Name: existing.DisplayName, Kind: "account_exists",
				Lang: existing.Language, Data: map[string]any{"Name": existing.DisplayName, "Link": a.link("/login")}})
		})
	case !errors.Is(err, domain.ErrNotFound):
		return err
	}
	return a.st.WithTx(ctx, func(tx *store.Tx) error {
		u, err := tx.CreateUser(ctx, domain.User{Email: email, DisplayName: name, Language: in.Language}, hash)
		if errors.Is(err, domain.ErrConflict) {
			return nil // a concurrent sign-up with the same email: same answer
		}
		if err != nil {
			return err
		}
		if err := tx.Audit(ctx, domain.AuditEntry{ActorUserID: u.ID, Action: "user.signed_up", SubjectType: "user", SubjectID: u.ID,
			After: map[string]any{"email": u.Email, "language": u.Language}, RequestID: actor.RequestID}); err != nil {
			return err
		}
		return a.sendToken(ctx, tx, u, domain.TokenVerifyEmail, verifyEmailTTL, "", "verify_email", "/verify-email")
	})
}

// VerifyEmail consumes a verification token and marks the email verified.
func (a *Accounts) VerifyEmail(ctx context.Context, actor Actor, token string) (domain.User, error) {
	var user domain.User
	err := a.st.WithTx(ctx, func(tx *store.Tx) error {
		tok, err := a.consume(ctx, tx, domain.TokenVerifyEmail, token)
		if err != nil {
			return err
		}
		if user, err = tx.MarkEmailVerified(ctx, tok.UserID, a.now()); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: user.ID, Action: "user.email_verified", SubjectType: "user",
			SubjectID: user.ID, RequestID: actor.RequestID})
	})
	return user, err
}

// ResendVerification sends a new verification link to an unverified
// account; it answers the same whatever the email.
func (a *Accounts) ResendVerification(ctx context.Context, actor Actor, email string) error {
	email, ve := normalizeEmail("email", email)
	if err := ve.Err(); err != nil {
		return err
	}
	if err := a.limit(ctx, "reset_ip", actor.IP, a.cfg.Limits.ResetPerIP, time.Hour); err != nil {
		return err
	}
	u, _, err := a.st.GetUserForLogin(ctx, email)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && u.EmailVerifiedAt != nil) {
		return nil
	}
	if err != nil {
		return err
	}
	return a.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.InvalidateUserTokens(ctx, u.ID, domain.TokenVerifyEmail, a.now()); err != nil {
			return err
		}
		return a.sendToken(ctx, tx, u, domain.TokenVerifyEmail, verifyEmailTTL, "", "verify_email", "/verify-email")
	})
}

// Login checks credentials and opens a new session; previous is the
// session token the browser presented, if any: it is ended, so a login
// always rotates the session.
func (a *Accounts) Login(ctx context.Context, actor Actor, email, password, previous string) (domain.User, string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" || password == "" {
		ve := &domain.ValidationError{}
		ve.Add("email", "required", "email and password are required")
		return domain.User{}, "", ve
	}
	if err := a.check(ctx, "login_ip", actor.IP, a.cfg.Limits.LoginPerIP, 15*time.Minute); err != nil {
		return domain.User{}, "", err
	}
	if err := a.check(ctx, "login_account", email, a.cfg.Limits.LoginPerAccount, 15*time.Minute); err != nil {
		return domain.User{}, "", err
	}
	u, hash, err := a.st.GetUserForLogin(ctx, email)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return domain.User{}, "", err
	}
	if err != nil || hash == "" {
		auth.BurnTime(password) // unknown accounts answer as slowly as wrong passwords
		return domain.User{}, "", a.loginFailed(ctx, actor, email, "")
	}
	if err := auth.CheckPassword(hash, password); err != nil {
		return domain.User{}, "", a.loginFailed(ctx, actor, email, u.ID)
	}
	if u.EmailVerifiedAt == nil {
		return domain.User{}, "", ErrEmailNotVerified
	}
	_ = a.st.ResetRateLimit(ctx, "login_account", email)
	var token string
	err = a.st.WithTx(ctx, func(tx *store.Tx) error {
		if previous != "" {
			if old, err := a.st.GetSessionByToken(ctx, previous, a.now()); err == nil {
				if err := tx.DeleteSession(ctx, old.ID); err != nil {
					return err
				}
			}
		}
		var err error
		if token, err = a.openSession(ctx, tx, u.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: u.ID, Action: "user.logged_in", SubjectType: "user", SubjectID: u.ID,
			After: map[string]any{"ip": actor.IP}, RequestID: actor.RequestID})
	})
	return u, token, err
}

// ErrEmailNotVerified refuses a login before the email is verified.
var ErrEmailNotVerified = fmt.Errorf("%w: verify your email address first (see the link we sent you)", domain.ErrForbidden)

func (a *Accounts) loginFailed(ctx context.Context, actor Actor, email, userID string) error {
	if _, _, err := a.st.HitRateLimit(ctx, "login_account", email, 15*time.Minute, a.now()); err != nil {
		return err
	}
	if _, _, err := a.st.HitRateLimit(ctx, "login_ip", actor.IP, 15*time.Minute, a.now()); err != nil {
		return err
	}
	subject, subjectType := userID, "user"
	if userID == "" {
		subject, subjectType = emailFingerprint(email), "unknown_email"
	}
	err := a.st.WithTx(ctx, func(tx *store.Tx) error {
		return tx.Audit(ctx, domain.AuditEntry{Action: "user.login_failed", SubjectType: subjectType, SubjectID: subject,
			After: map[string]any{"ip": actor.IP}, RequestID: actor.RequestID})
	})
	if err != nil {
		return err
	}
	return ErrBadCredentials
}

// ErrBadCredentials is the one answer to a wrong email or password.
var ErrBadCredentials = fmt.Errorf("%w: wrong email or password", domain.ErrUnauthenticated)

// Logout ends the session of token.
func (a *Accounts) Logout(ctx context.Context, actor Actor, token string) error {
	s, err := a.st.GetSessionByToken(ctx, token, a.now())
	if errors.Is(err, domain.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return a.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteSession(ctx, s.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: s.UserID, Action: "user.logged_out", SubjectType: "user",
			SubjectID: s.UserID, RequestID: actor.RequestID})
	})
}

// Authenticate returns the user and session of a session token, sliding
// the idle expiry; domain.ErrUnauthenticated when there is none.
func (a *Accounts) Authenticate(ctx context.Context, token string) (domain.User, domain.Session, error) {
	if token == "" {
		return domain.User{}, domain.Session{}, domain.ErrUnauthenticated
	}
	now := a.now()
	s, err := a.st.GetSessionByToken(ctx, token, now)
	if errors.Is(err, domain.ErrNotFound) {
		return domain.User{}, domain.Session{}, domain.ErrUnauthenticated
	}
	if err != nil {
		return domain.User{}, domain.Session{}, err
	}
	u, err := a.st.GetUser(ctx, s.UserID)
	if err != nil {
		return domain.User{}, domain.Session{}, err
	}
	// Writing on every request would be wasteful: slide once a minute at most.
	if s.IdleExpiresAt.Sub(now) < a.cfg.SessionIdle-time.Minute {
		if err := a.st.TouchSession(ctx, s.ID, now, now.Add(a.cfg.SessionIdle)); err != nil {
			return domain.User{}, domain.Session{}, err
		}
	}
	return u, s, nil
}

// RequestPasswordReset emails a reset link valid for one hour. It answers
// the same whether or not the email has an account.
func (a *Accounts) RequestPasswordReset(ctx context.Context, actor Actor, email string) error {
	email, ve := normalizeEmail("email", email)
	if err := ve.Err(); err != nil {
		return err
	}
	if err := a.limit(ctx, "reset_ip", actor.IP, a.cfg.Limits.ResetPerIP, time.Hour); err != nil {
		return err
	}
	u, _, err := a.st.GetUserForLogin(ctx, email)
	if errors.Is(err, domain.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return a.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.InvalidateUserTokens(ctx, u.ID, domain.TokenResetPassword, a.now()); err != nil {
			return err
		}
		if err := tx.Audit(ctx, domain.AuditEntry{Action: "user.password_reset_requested", SubjectType: "user", SubjectID: u.ID,
			After: map[string]any{"ip": actor.IP}, RequestID: actor.RequestID}); err != nil {
			return err
		}
		return a.sendToken(ctx, tx, u, domain.TokenResetPassword, resetTTL, "", "reset_password", "/reset-password")
	})
}

// ResetPassword sets a new password with a reset (or set-password) token.
// Every session of the user ends; the email counts as verified, since the
// link reached it.
func (a *Accounts) ResetPassword(ctx context.Context, actor Actor, token, password string) error {
	return a.st.WithTx(ctx, func(tx *store.Tx) error {
		tok, err := a.consume(ctx, tx, domain.TokenResetPassword, token)
		if errors.Is(err, errTokenUnknown) {
			tok, err = a.consume(ctx, tx, domain.TokenSetPassword, token)
		}
		if err != nil {
			return err
		}
		u, err := a.st.GetUser(ctx, tok.UserID)
		if err != nil {
			return err
		}
		if code := a.policy.Check(password, u.Email, u.DisplayName); code != "" {
			ve := &domain.ValidationError{}
			ve.AddLocalized("password", code, passwordMessage(code))
			return ve
		}
		hash, err := auth.HashPassword(password)
		if err != nil {
			return err
		}
		now := a.now()
		if err := tx.SetPasswordHash(ctx, u.ID, hash, now); err != nil {
			return err
		}
		if _, err := tx.MarkEmailVerified(ctx, u.ID, now); err != nil {
			return err
		}
		if _, err := tx.DeleteUserSessions(ctx, u.ID, ""); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: u.ID, Action: "user.password_reset", SubjectType: "user",
			SubjectID: u.ID, After: map[string]any{"ip": actor.IP}, RequestID: actor.RequestID})
	})
}

// ChangePassword replaces the password of a signed-in user who knows the
// current one. The session rotates and every other session ends.
func (a *Accounts) ChangePassword(ctx context.Context, actor Actor, sessionID, current, next string) (string, error) {
	u, hash, err := a.userWithHash(ctx, actor.UserID)
	if err != nil {
		return "", err
	}
	if auth.CheckPassword(hash, current) != nil {
		ve := &domain.ValidationError{}
		ve.Add("current_password", "wrong_password", "the current password is wrong")
		return "", ve
	}
	if code := a.policy.Check(next, u.Email, u.DisplayName); code != "" {
		ve := &domain.ValidationError{}
		ve.AddLocalized("new_password", code, passwordMessage(code))
		return "", ve
	}
	newHash, err := auth.HashPassword(next)
	if err != nil {
		return "", err
	}
	var token string
	err = a.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetPasswordHash(ctx, u.ID, newHash, a.now()); err != nil {
			return err
		}
		if _, err := tx.DeleteUserSessions(ctx, u.ID, ""); err != nil {
			return err
		}
		if token, err = a.openSession(ctx, tx, u.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: u.ID, Action: "user.password_changed", SubjectType: "user",
			SubjectID: u.ID, RequestID: actor.RequestID})
	})
	return token, err
}

// RequestEmailChange sends a confirmation link to the new address; the
// email changes only when it is followed.
func (a *Accounts) RequestEmailChange(ctx context.Context, actor Actor, password, newEmail string) error {
	newEmail, ve := normalizeEmail("new_email", newEmail)
	if err := ve.Err(); err != nil {
		return err
	}
	u, hash, err := a.userWithHash(ctx, actor.UserID)
	if err != nil {
		return err
	}
	if auth.CheckPassword(hash, password) != nil {
		ve := &domain.ValidationError{}
		ve.Add("current_password", "wrong_password", "the current password is wrong")
		return ve
	}
	if strings.EqualFold(newEmail, u.Email) {
		ve := &domain.ValidationError{}
		ve.Add("new_email", "unchanged", "this is already your email address")
		return ve
	}
	return a.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.InvalidateUserTokens(ctx, u.ID, domain.TokenEmailChange, a.now()); err != nil {
			return err
		}
		target := u
		target.Email = newEmail
		return a.sendToken(ctx, tx, target, domain.TokenEmailChange, emailChangeTTL, newEmail, "email_change", "/confirm-email")
	})
}

// ConfirmEmailChange applies an email change and tells the old address.
func (a *Accounts) ConfirmEmailChange(ctx context.Context, actor Actor, token string) (domain.User, error) {
	var user domain.User
	err := a.st.WithTx(ctx, func(tx *store.Tx) error {
		tok, err := a.consume(ctx, tx, domain.TokenEmailChange, token)
		if err != nil {
			return err
		}
		old, err := a.st.GetUser(ctx, tok.UserID)
		if err != nil {
			return err
		}
		if user, err = tx.SetEmail(ctx, tok.UserID, tok.NewEmail, a.now()); err != nil {
			return err
		}
		if err := tx.Audit(ctx, domain.AuditEntry{ActorUserID: user.ID, Action: "user.email_changed", SubjectType: "user",
			SubjectID: user.ID, Before: map[string]any{"email": old.Email}, After: map[string]any{"email": user.Email},
			RequestID: actor.RequestID}); err != nil {
			return err
		}
		return a.mailer.EnqueueEmail(ctx, tx, Email{To: old.Email, Name: old.DisplayName, Kind: "email_changed_notice", Lang: old.Language,
			Data: map[string]any{"Name": old.DisplayName, "NewEmail": user.Email}})
	})
	return user, err
}

// UpdateProfile changes the display name and language of the signed-in user.
func (a *Accounts) UpdateProfile(ctx context.Context, actor Actor, name *string, lang *domain.Language) (domain.User, error) {
	ve := &domain.ValidationError{}
	if name != nil {
		trimmed := strings.TrimSpace(*name)
		if trimmed == "" || utf8.RuneCountInString(trimmed) > 200 {
			ve.Add("display_name", "invalid", "a name of 1 to 200 characters is required")
		}
		name = &trimmed
	}
	if lang != nil && !lang.Valid() {
		ve.Add("language", "invalid", "language must be one of fr, de, en, nl")
	}
	if err := ve.Err(); err != nil {
		return domain.User{}, err
	}
	var user domain.User
	err := a.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if user, err = a.st.GetUser(ctx, actor.UserID); err != nil {
			return err
		}
		before := user
		if lang != nil {
			if user, err = tx.SetUserLanguage(ctx, actor.UserID, *lang); err != nil {
				return err
			}
		}
		if name != nil {
			if user, err = tx.SetDisplayName(ctx, actor.UserID, *name); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: user.ID, Action: "user.profile_updated", SubjectType: "user", SubjectID: user.ID,
			Before: map[string]any{"display_name": before.DisplayName, "language": before.Language},
			After:  map[string]any{"display_name": user.DisplayName, "language": user.Language}, RequestID: actor.RequestID})
	})
	return user, err
}

func (a *Accounts) userWithHash(ctx context.Context, userID string) (domain.User, string, error) {
	u, err := a.st.GetUser(ctx, userID)
	if err != nil {
		return domain.User{}, "", err
	}
	u2, hash, err := a.st.GetUserForLogin(ctx, u.Email)
	if err != nil {
		return domain.User{}, "", err
	}
	return u2, hash, nil
}

func (a *Accounts) openSession(ctx context.Context, tx *store.Tx, userID string) (string, error) {
	now := a.now()
	token := auth.NewToken()
	_, err := tx.CreateSession(ctx, domain.Session{UserID: userID, IdleExpiresAt: now.Add(a.cfg.SessionIdle),
		AbsoluteExpiresAt: now.Add(a.cfg.SessionMaxAge)}, token)
	return token, err
}

// sendToken stores a new token and emails its link (the token travels in
// the URL fragment, which browsers never send to servers or in Referer).
func (a *Accounts) sendToken(ctx context.Context, tx *store.Tx, u domain.User, purpose domain.TokenPurpose, ttl time.Duration,
	newEmail, kind, path string) error {
	token := auth.NewToken()
	if err := tx.CreateUserToken(ctx, domain.UserToken{UserID: u.ID, Purpose: purpose, NewEmail: newEmail, ExpiresAt: a.now().Add(ttl)},
		auth.HashToken(token)); err != nil {
		return err
	}
	return a.mailer.EnqueueEmail(ctx, tx, Email{To: u.Email, Name: u.DisplayName, Kind: kind, Lang: u.Language,
		Data: map[string]any{"Name": u.DisplayName, "Link": a.link(path + "#token=" + token), "ValidFor": int(ttl.Minutes())}})
}

var errTokenUnknown = fmt.Errorf("%w: this link is not valid", domain.ErrNotFound)

// ErrTokenUsed and ErrTokenExpired say why a link no longer works.
var (
	ErrTokenUsed    = fmt.Errorf("%w: this link has already been used", domain.ErrGone)
	ErrTokenExpired = fmt.Errorf("%w: this link has expired; ask for a new one", domain.ErrGone)
)

func (a *Accounts) consume(ctx context.Context, tx *store.Tx, purpose domain.TokenPurpose, token string) (domain.UserToken, error) {
	if token == "" {
		return domain.UserToken{}, errTokenUnknown
	}
	hash := auth.HashToken(token)
	tok, err := tx.ConsumeUserToken(ctx, purpose, hash, a.now())
	if err == nil {
		return tok, nil
	}
	if !errors.Is(err, domain.ErrNotFound) {
		return domain.UserToken{}, err
	}
	state, err := a.st.UserTokenState(ctx, purpose, hash, a.now())
	if err != nil {
		return domain.UserToken{}, err
	}
	switch state {
	case store.TokenUsed:
		return domain.UserToken{}, ErrTokenUsed
	case store.TokenExpired:
		return domain.UserToken{}, ErrTokenExpired
	}
	return domain.UserToken{}, errTokenUnknown
}

func (a *Accounts) link(path string) string {
	return strings.TrimRight(a.cfg.PublicURL, "/") + path
}

func normalizeEmail(field, raw string) (string, *domain.ValidationError) {
	ve := &domain.ValidationError{}
	email := strings.TrimSpace(raw)
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || len(email) > 254 || !strings.Contains(email[strings.LastIndex(email, "@"):], ".") {
		ve.Add(field, "invalid_email", "a valid email address is required")
		return email, ve
	}
	return email, ve
}

// passwordMessage explains in every language why the password policy
// refused a password (an auth.Password* code); the minimum length is
// auth.MinPasswordLength, whatever it becomes.
func passwordMessage(code string) map[domain.Language]string {
	switch code {
	case auth.PasswordTooShort:
		return domain.Msg{
			EN: "the password must have at least %d characters", FR: "le mot de passe doit comporter au moins %d caractères",
			DE: "das Passwort muss mindestens %d Zeichen haben", NL: "het wachtwoord moet minstens %d tekens hebben",
		}.With(auth.MinPasswordLength)
	case auth.PasswordTooLong:
		return domain.Msg{
			EN: "the password is too long", FR: "le mot de passe est trop long",
			DE: "das Passwort ist zu lang", NL: "het wachtwoord is te lang",
		}.With()
	case auth.PasswordCommon:
		return domain.Msg{
			EN: "this password is among the most common ones: choose another",
			FR: "ce mot de passe fait partie des plus courants : choisissez-en un autre",
			DE: "dieses Passwort gehört zu den häufigsten: wählen Sie ein anderes",
			NL: "dit wachtwoord is een van de meest gebruikte: kies een ander",
		}.With()
	}
	return domain.Msg{
		EN: "this password is too easy to guess: use a longer phrase of unrelated words",
		FR: "ce mot de passe est trop facile à deviner : utilisez une phrase plus longue de mots sans rapport",
		DE: "dieses Passwort ist zu leicht zu erraten: verwenden Sie eine längere Folge unzusammenhängender Wörter",
		NL: "dit wachtwoord is te makkelijk te raden: gebruik een langere zin van losse woorden",
	}.With()
}
