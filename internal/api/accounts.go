package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// UserBody is a user as the API shows it to themselves.
type UserBody struct {
	ID            string     `json:"id" format:"uuid"`
	Email         string     `json:"email" format:"email" example:"claire.hoffmann@example.org"`
	DisplayName   string     `json:"display_name" example:"Claire Hoffmann"`
	Language      string     `json:"language" enum:"fr,de,en,nl" example:"fr"`
	PlatformRole  string     `json:"platform_role" enum:"user,moderator,admin"`
	EmailVerified bool       `json:"email_verified"`
	VerifiedAt    *time.Time `json:"email_verified_at,omitempty"`
	// ActiveOrganisationID is only filled by GET /api/v1/me.
	ActiveOrganisationID string `json:"active_organisation_id,omitempty" format:"uuid" doc:"The organisation this request acts for (see PUT /api/v1/me/active-organisation); absent when none"`
}

func userBody(u domain.User) UserBody {
	return UserBody{ID: u.ID, Email: u.Email, DisplayName: u.DisplayName, Language: string(u.Language),
		PlatformRole: string(u.PlatformRole), EmailVerified: u.EmailVerifiedAt != nil, VerifiedAt: u.EmailVerifiedAt}
}

// UserOutput returns a user.
type UserOutput struct {
	Body UserBody
}

// SessionOutput returns a user and sets the session cookie.
type SessionOutput struct {
	SetCookie http.Cookie `header:"Set-Cookie"`
	Body      UserBody
}

// AcceptedOutput acknowledges a request whose effect arrives by email.
type AcceptedOutput struct {
	Body struct {
		Message string `json:"message"`
	}
}

func accepted(msg string) *AcceptedOutput {
	out := &AcceptedOutput{}
	out.Body.Message = msg
	return out
}

func coreSignUp(in *SignUpInput) core.SignUpInput {
	return core.SignUpInput{Email: in.Body.Email, Password: in.Body.Password, DisplayName: in.Body.DisplayName,
		Language: domain.Language(in.Body.Language)}
}

// SignUpInput creates an account.
type SignUpInput struct {
	Body struct {
		Email       string `json:"email" maxLength:"254" doc:"Sign-in email; a verification link is sent to it" example:"claire.hoffmann@example.org"`
		Password    string `json:"password" minLength:"12" maxLength:"256" doc:"At least 12 characters, not a common password" example:"Quatre-chevaux-bleus-au-marché"`
		DisplayName string `json:"display_name" minLength:"1" maxLength:"200" example:"Claire Hoffmann"`
		Language    string `json:"language,omitempty" enum:"fr,de,en,nl" doc:"Language of the product and of emails (default en)" example:"fr"`
	}
}

// EmailInput names an email address.
type EmailInput struct {
	Body struct {
		Email string `json:"email" maxLength:"254" example:"claire.hoffmann@example.org"`
	}
}

// TokenInput carries a token received by email.
type TokenInput struct {
	Body struct {
		Token string `json:"token" minLength:"1" maxLength:"100" example:"q8Wn3vXk0b7JtR2yZ5mLcA"`
	}
}

// LoginInput signs in.
type LoginInput struct {
	Body struct {
		Email    string `json:"email" maxLength:"254" example:"claire.hoffmann@example.org"`
		Password string `json:"password" maxLength:"256" example:"Quatre-chevaux-bleus-au-marché"`
	}
}

// ResetInput sets a new password with a reset token.
type ResetInput struct {
	Body struct {
		Token    string `json:"token" minLength:"1" maxLength:"100" example:"q8Wn3vXk0b7JtR2yZ5mLcA"`
		Password string `json:"password" maxLength:"256" example:"Quatre-chevaux-bleus-au-marché"`
	}
}

// ChangePasswordInput changes a known password.
type ChangePasswordInput struct {
	Body struct {
		CurrentPassword string `json:"current_password" maxLength:"256" example:"Quatre-chevaux-bleus-au-marché"`
		NewPassword     string `json:"new_password" maxLength:"256" example:"Sept-lanternes-sur-la-Moselle"`
	}
}

// ChangeEmailInput asks for an email change.
type ChangeEmailInput struct {
	Body struct {
		CurrentPassword string `json:"current_password" maxLength:"256" example:"Quatre-chevaux-bleus-au-marché"`
		NewEmail        string `json:"new_email" maxLength:"254" example:"claire.hoffmann@esat-saulnois.example"`
	}
}

// ProfileInput updates the signed-in user's profile.
type ProfileInput struct {
	Body struct {
		DisplayName *string `json:"display_name,omitempty" minLength:"1" maxLength:"200" example:"Claire Hoffmann"`
		Language    *string `json:"language,omitempty" enum:"fr,de,en,nl" example:"de"`
	}
}

// NoContentOutput is an empty success.
type NoContentOutput struct{}

// LogoutOutput clears the session cookie.
type LogoutOutput struct {
	SetCookie http.Cookie `header:"Set-Cookie"`
}

func registerAccounts(r *routes, s Sessions) {
	acc := s.Accounts
	tag := []string{"Accounts"}
	handle(r, Public, huma.Operation{OperationID: "sign-up", Method: http.MethodPost, Path: "/api/v1/auth/signup", Tags: tag,
		Summary: "Create an account", DefaultStatus: http.StatusAccepted,
		Description: "Creates an unverified account and emails a verification link. The answer is the same whether or not the email already has an account."},
		func(ctx context.Context, in *SignUpInput) (*AcceptedOutput, error) {
			err := acc.SignUp(ctx, actorFrom(ctx), coreSignUp(in))
			if err != nil {
				return nil, toHTTP(err)
			}
			return accepted("Check your inbox: we sent a link to confirm your email address."), nil
		})
	handle(r, Public, huma.Operation{OperationID: "verify-email", Method: http.MethodPost, Path: "/api/v1/auth/verify-email", Tags: tag,
		Summary:     "Confirm an email address with the emailed token",
		Description: "The token comes from the link sent at sign-up; it works once, for 48 hours. An expired or used link answers 410."},
		func(ctx context.Context, in *TokenInput) (*UserOutput, error) {
			u, err := acc.VerifyEmail(ctx, actorFrom(ctx), in.Body.Token)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &UserOutput{Body: userBody(u)}, nil
		})
	handle(r, Public, huma.Operation{OperationID: "resend-verification", Method: http.MethodPost, Path: "/api/v1/auth/resend-verification", Tags: tag,
		Summary: "Send the verification link again", DefaultStatus: http.StatusAccepted,
		Description: "Always 202, whether or not the address has an unverified account, so that nobody learns which addresses are registered; limited per IP."},
		func(ctx context.Context, in *EmailInput) (*AcceptedOutput, error) {
			if err := acc.ResendVerification(ctx, actorFrom(ctx), in.Body.Email); err != nil {
				return nil, toHTTP(err)
			}
			return accepted("If this address has an unverified account, a new link is on its way."), nil
		})
	handle(r, Public, huma.Operation{OperationID: "login", Method: http.MethodPost, Path: "/api/v1/auth/login", Tags: tag,
		Summary: "Sign in", Description: "Opens a new session (the previous one, if any, ends) and sets the session cookie. Repeated failures are rate limited (429 with Retry-After)."},
		func(ctx context.Context, in *LoginInput) (*SessionOutput, error) {
			u, token, err := acc.Login(ctx, actorFrom(ctx), in.Body.Email, in.Body.Password, authFrom(ctx).token)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &SessionOutput{SetCookie: s.cookie(token), Body: userBody(u)}, nil
		})
	handle(r, Public, huma.Operation{OperationID: "logout", Method: http.MethodPost, Path: "/api/v1/auth/logout", Tags: tag,
		Summary: "Sign out", DefaultStatus: http.StatusNoContent,
		Description: "Ends the session server-side and clears its cookie; without a session it does nothing."},
		func(ctx context.Context, _ *struct{}) (*LogoutOutput, error) {
			if err := acc.Logout(ctx, actorFrom(ctx), authFrom(ctx).token); err != nil {
				return nil, toHTTP(err)
			}
			return &LogoutOutput{SetCookie: s.cookie("")}, nil
		})
	handle(r, Public, huma.Operation{OperationID: "request-password-reset", Method: http.MethodPost, Path: "/api/v1/auth/password-reset", Tags: tag,
		Summary: "Email a password reset link (valid one hour)", DefaultStatus: http.StatusAccepted,
		Description: "Always 202, whether or not the address has an account; the link is single-use and limited per IP."},
		func(ctx context.Context, in *EmailInput) (*AcceptedOutput, error) {
			if err := acc.RequestPasswordReset(ctx, actorFrom(ctx), in.Body.Email); err != nil {
				return nil, toHTTP(err)
			}
			return accepted("If this address has an account, a reset link is on its way."), nil
		})
	handle(r, Public, huma.Operation{OperationID: "reset-password", Method: http.MethodPost, Path: "/api/v1/auth/password-reset/confirm", Tags: tag,
		Summary: "Set a new password with the emailed token", Description: "Every session of the account ends.", DefaultStatus: http.StatusNoContent},
		func(ctx context.Context, in *ResetInput) (*NoContentOutput, error) {
			if err := acc.ResetPassword(ctx, actorFrom(ctx), in.Body.Token, in.Body.Password); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})
	handle(r, Public, huma.Operation{OperationID: "confirm-email-change", Method: http.MethodPost, Path: "/api/v1/auth/confirm-email-change", Tags: tag,
		Summary:     "Confirm a new email address with the token sent to it",
		Description: "The change requested with POST /api/v1/me/email takes effect; the old address is told."},
		func(ctx context.Context, in *TokenInput) (*UserOutput, error) {
			u, err := acc.ConfirmEmailChange(ctx, actorFrom(ctx), in.Body.Token)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &UserOutput{Body: userBody(u)}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "get-me", Method: http.MethodGet, Path: "/api/v1/me", Tags: tag,
		Summary:     "The signed-in user",
		Description: "Profile, language, platform role and the organisation the session acts for."},
		func(ctx context.Context, _ *struct{}) (*UserOutput, error) {
			ra := authFrom(ctx)
			body := userBody(ra.user)
			body.ActiveOrganisationID = ra.principal.ActiveOrganisationID
			return &UserOutput{Body: body}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "update-me", Method: http.MethodPatch, Path: "/api/v1/me", Tags: tag,
		Summary:     "Change your name or language",
		Description: "Fields left out stay as they are; the language is the one of the product and of emails."},
		func(ctx context.Context, in *ProfileInput) (*UserOutput, error) {
			var lang *domain.Language
			if in.Body.Language != nil {
				l := domain.Language(*in.Body.Language)
				lang = &l
			}
			u, err := acc.UpdateProfile(ctx, actorFrom(ctx), in.Body.DisplayName, lang)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &UserOutput{Body: userBody(u)}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "change-password", Method: http.MethodPost, Path: "/api/v1/me/password", Tags: tag,
		Summary: "Change your password", Description: "The session rotates (a new cookie is set) and every other session ends."},
		func(ctx context.Context, in *ChangePasswordInput) (*SessionOutput, error) {
			ra := authFrom(ctx)
			token, err := acc.ChangePassword(ctx, actorFrom(ctx), ra.session.ID, in.Body.CurrentPassword, in.Body.NewPassword)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &SessionOutput{SetCookie: s.cookie(token), Body: userBody(ra.user)}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "change-email", Method: http.MethodPost, Path: "/api/v1/me/email", Tags: tag,
		Summary: "Change your email", Description: "Sends a confirmation link to the new address; the change applies once it is followed.",
		DefaultStatus: http.StatusAccepted},
		func(ctx context.Context, in *ChangeEmailInput) (*AcceptedOutput, error) {
			if err := acc.RequestEmailChange(ctx, actorFrom(ctx), in.Body.CurrentPassword, in.Body.NewEmail); err != nil {
				return nil, toHTTP(err)
			}
			return accepted("Check the inbox of your new address to confirm it."), nil
		})
}
