package mail

// Kind names a message that Passerelle sends; each has a template set per
// language under templates/<kind>/.
type Kind string

// The kinds of message, with the data each template expects.
const (
	// KindVerifyEmail asks a new user to confirm their address (VerifyEmailData).
	KindVerifyEmail Kind = "verify_email"
	// KindResetPassword carries a password reset link (ResetPasswordData).
	KindResetPassword Kind = "reset_password"
	// KindEmailChange goes to the NEW address to confirm it (EmailChangeData).
	KindEmailChange Kind = "email_change"
	// KindEmailChangedNotice goes to the OLD address once the change is done
	// (EmailChangedNoticeData).
	KindEmailChangedNotice Kind = "email_changed_notice"
	// KindInvitation invites someone into an organisation (InvitationData).
	KindInvitation Kind = "invitation"
	// KindSetPassword lets an admin created from the command line choose a
	// password (SetPasswordData).
	KindSetPassword Kind = "set_password"
	// KindAccountExists answers a sign-up with an email that already has an
	// account: its owner learns of it, the sign-up form reveals nothing
	// (AccountExistsData).
	KindAccountExists Kind = "account_exists"
	// KindListingDecision tells the owners of an organisation what a
	// moderator decided on one of its listings, and why (ListingDecisionData).
	KindListingDecision Kind = "listing_decision"
	// KindTenderDecision tells a buyer's members what a moderator decided
	// on their tender, with the reason (TenderDecisionData).
	KindTenderDecision Kind = "tender_decision"
	// KindVerificationResult tells a supplier's owners what a moderator
	// decided on one of its SSE statuses (VerificationResultData).
	KindVerificationResult Kind = "verification_result"
	// KindNotificationDigest gathers a user's notifications of the day
	// for the categories delivered as a daily digest (NotificationDigestData).
	KindNotificationDigest Kind = "notification_digest"
	// KindOrganisationStatus tells an organisation's members that a
	// moderator suspended or reinstated it, and why. It cannot be switched
	// off (OrganisationStatusData).
	KindOrganisationStatus Kind = "organisation_status"
)

// Kinds returns every kind, in a fixed order.
func Kinds() []Kind {
	return []Kind{KindVerifyEmail, KindResetPassword, KindEmailChange,
		KindEmailChangedNotice, KindInvitation, KindSetPassword, KindAccountExists, KindListingDecision,
		KindTenderDecision, KindVerificationResult, KindNotificationDigest,
		KindOrganisationStatus}
}

// DefaultLanguage is used for any language Passerelle does not speak.
const DefaultLanguage = "en"

// Languages returns the languages every kind is written in.
func Languages() []string {
	return []string{"fr", "de", "en", "nl"}
}

// VerifyEmailData is the data of KindVerifyEmail.
type VerifyEmailData struct {
	Name string
	Link string
}

// ResetPasswordData is the data of KindResetPassword.
type ResetPasswordData struct {
	Name string
	Link string
	// ValidFor is the link's lifetime in minutes; the template phrases it
	// ("une heure", "30 Minuten", …).
	ValidFor int
}

// EmailChangeData is the data of KindEmailChange.
type EmailChangeData struct {
	Name string
	Link string
}

// EmailChangedNoticeData is the data of KindEmailChangedNotice.
type EmailChangedNoticeData struct {
	Name     string
	NewEmail string
}

// InvitationData is the data of KindInvitation.
type InvitationData struct {
	InviterName      string
	OrganisationName string
	Link             string
}

// SetPasswordData is the data of KindSetPassword.
type SetPasswordData struct {
	Name string
	Link string
}

// AccountExistsData is the data of KindAccountExists: Link opens the
// sign-in page.
type AccountExistsData struct {
	Name string
	Link string
}

// VerificationResultData is the data of KindVerificationResult. Decision
// is verified or rejected; StatusName is the status type's name in the
// recipient's language; ValidUntil the last day it counts (a date already
// written for the recipient); Reason the moderator's, for a rejection.
type VerificationResultData struct {
	Name             string
	OrganisationName string
	StatusName       string
	Decision         string
	ValidUntil       string
	Reason           string
	Link             string
}

// ListingDecisionData is the data of KindListingDecision. Decision is
// approve, reject or request_changes; Reason is the moderator's, empty
// when none was given; Title is the listing's title in the recipient's
// language when its author wrote one; Link opens the listing.
type ListingDecisionData struct {
	Name             string
	OrganisationName string
	Title            string
	Decision         string
	Reason           string
	Link             string
}

// TenderDecisionData is the data of KindTenderDecision.
type TenderDecisionData struct {
	Name        string
	TenderTitle string
	// Decision is the tender's new state: published, rejected or
	// changes_requested.
	Decision string
	// Reason is the moderator's, for rejected and changes_requested.
	Reason string
	Link   string
}

// NotificationDigestData is the data of KindNotificationDigest: the
// notifications oldest first, each with its category's name, its title and
// link, all in the recipient's language; Link opens the notifications page.
type NotificationDigestData struct {
	Name  string
	Items []DigestItem
	Link  string
}

// DigestItem is one line of a digest.
type DigestItem struct {
	Category string
	Title    string
	Link     string
}

// OrganisationStatusData is the data of KindOrganisationStatus. Decision
// is suspended or reinstated; Reason is the moderator's, in the
// recipient's language for a template (may be empty for a reinstatement);
// Link opens the organisation's page.
type OrganisationStatusData struct {
	Name             string
	OrganisationName string
	Decision         string
	Reason           string
	Link             string
}
