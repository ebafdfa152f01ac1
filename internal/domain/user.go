package domain

import "time"

// User is a person who signs in.
type User struct {
	ID              string
	Email           string
	DisplayName     string
	Language        Language
	PlatformRole    PlatformRole
	EmailVerifiedAt *time.Time
}

// Session is a signed-in browser. Its token is only ever stored hashed.
type Session struct {
	ID                string
	UserID            string
	CreatedAt         time.Time
	IdleExpiresAt     time.Time
	AbsoluteExpiresAt time.Time
	// ActiveOrganisationID is the organisation the session acts for by
	// default ("" for none); see Principal.ActiveOrganisationID.
	ActiveOrganisationID string
}

// AuditEntry records who did what, when, with the state before and after.
type AuditEntry struct {
	ActorUserID    string // empty for the system
	Action         string // e.g. "organisation.created"
	SubjectType    string
	SubjectID      string
	OrganisationID string
	Before, After  any // marshalled to JSON; nil for none
	RequestID      string
}

// TokenPurpose says what an emailed single-use token is for.
type TokenPurpose string

// The token purposes.
const (
	TokenVerifyEmail   TokenPurpose = "verify_email"
	TokenResetPassword TokenPurpose = "reset_password"
	TokenEmailChange   TokenPurpose = "email_change"
	TokenSetPassword   TokenPurpose = "set_password"
)

// UserToken is a single-use token sent by email; only its hash is stored.
type UserToken struct {
	ID        string
	UserID    string
	Purpose   TokenPurpose
	NewEmail  string // for TokenEmailChange
	ExpiresAt time.Time
}
