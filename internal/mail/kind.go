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
	// KindNewMatchingNeed tells a supplier's members that a published
	// need matches their offers, which lots and why (NewMatchingNeedData).
	KindNewMatchingNeed Kind = "new_matching_need"
	// KindTenderInterest tells a buyer's members how many suppliers are
	// now interested in their tender (TenderInterestData).
	KindTenderInterest Kind = "tender_interest"
	// KindQuestionAsked tells a buyer's members of a new question on their
	// tender (QuestionAskedData).
	KindQuestionAsked Kind = "question_asked"
	// KindQuestionAnswered tells a supplier that the buyer answered its
	// question, or one on a tender it follows (QuestionAnsweredData).
	KindQuestionAnswered Kind = "question_answered"
	// KindResponsesReceived tells a buyer's members, once the deadline has
	// passed, how many responses each lot received (ResponsesReceivedData).
	KindResponsesReceived Kind = "responses_received"
	// KindStatusExpiring warns a supplier's members that a verified status
	// stops counting soon (StatusExpiringData).
	KindStatusExpiring Kind = "status_expiring"
	// KindDeadlineReminder reminds a supplier of a tender's deadline
	// (DeadlineReminderData).
	KindDeadlineReminder Kind = "deadline_reminder"
	// KindOutcomeQuestion asks a buyer how a closed tender ended
	// (OutcomeQuestionData).
	KindOutcomeQuestion Kind = "outcome_question"
	// KindSavedSearchAlert tells a user of the listings new since the
	// last alert that match a saved search, or that its alerts stopped
	// (SavedSearchAlertData).
	KindSavedSearchAlert Kind = "saved_search_alert"
	// KindOrganisationStatus tells an organisation's members that a
	// moderator suspended or reinstated it, and why. It cannot be switched
	// off (OrganisationStatusData).
	KindOrganisationStatus Kind = "organisation_status"
	// KindReportOutcome tells a user who reported a listing or an
	// organisation how moderators resolved the report (ReportOutcomeData).
	KindReportOutcome Kind = "report_outcome"

	// The business convention's registrations (EventEmailData each).

	// KindRegistrationConfirmed confirms a free registration at an event.
	KindRegistrationConfirmed Kind = "registration_confirmed"
	// KindRegistrationReceipt confirms a paid registration, with the fee
	// paid: the receipt.
	KindRegistrationReceipt Kind = "registration_receipt"
	// KindRegistrationCancelled confirms a cancellation, saying whether
	// the fee will be refunded.
	KindRegistrationCancelled Kind = "registration_cancelled"
	// KindRefundSucceeded says a cancelled registration's fee was refunded.
	KindRefundSucceeded Kind = "refund_succeeded"
	// KindRefundFailed says a refund failed and the organisers will
	// settle it.
	KindRefundFailed Kind = "refund_failed"
	// KindEventCancelled tells registrants that the organisers cancelled
	// the event (and refund what was paid).
	KindEventCancelled Kind = "event_cancelled"
	// KindMeetingRequestReceived tells an organisation's members that one
	// of their delegates was asked for a meeting at a business convention
	// (MeetingRequestData).
	KindMeetingRequestReceived Kind = "meeting_request_received"
	// KindMeetingRequestAccepted tells the sender's organisation that its
	// request was accepted (MeetingRequestData).
	KindMeetingRequestAccepted Kind = "meeting_request_accepted"
	// KindMeetingRequestDeclined tells the sender's organisation that its
	// request was declined, with the reason (MeetingRequestData).
	KindMeetingRequestDeclined Kind = "meeting_request_declined"
	// KindMeetingRequestExpired tells the sender's organisation that its
	// request expired unanswered (MeetingRequestData).
	KindMeetingRequestExpired Kind = "meeting_request_expired"
	// KindAgendaSent sends a delegate their agenda, preliminary or final
	// (AgendaSentData).
	KindAgendaSent Kind = "agenda_sent"
	// KindOutcomeRequest asks a delegate, after the event, what came of
	// their meetings (OutcomeRequestData).
	KindOutcomeRequest Kind = "outcome_request"
)

// Kinds returns every kind, in a fixed order.
func Kinds() []Kind {
	return []Kind{KindVerifyEmail, KindResetPassword, KindEmailChange,
		KindEmailChangedNotice, KindInvitation, KindSetPassword, KindAccountExists, KindListingDecision,
		KindTenderDecision, KindVerificationResult, KindNotificationDigest,
		KindNewMatchingNeed, KindTenderInterest,
		KindQuestionAsked, KindQuestionAnswered, KindResponsesReceived, KindStatusExpiring, KindDeadlineReminder, KindOutcomeQuestion,
		KindSavedSearchAlert, KindOrganisationStatus, KindReportOutcome,
		KindRegistrationConfirmed, KindRegistrationReceipt, KindRegistrationCancelled, KindRefundSucceeded, KindRefundFailed,
		KindEventCancelled,
		KindMeetingRequestReceived, KindMeetingRequestAccepted, KindMeetingRequestDeclined, KindMeetingRequestExpired,
		KindAgendaSent, KindOutcomeRequest}
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

// NewMatchingNeedData is the data of KindNewMatchingNeed: BuyerName is
// the buyer's name or, for an anonymous buyer, words saying so; Deadline
// is written for the recipient; Lots are the lots routed to the supplier
// now; Link opens the tender, AnswerLink the supplier's needs.
type NewMatchingNeedData struct {
	Name             string
	OrganisationName string
	TenderTitle      string
	BuyerName        string
	Deadline         string
	Lots             []NeedLot
	// MoreLots counts the lots routed too but not listed (the email lists
	// at most ten).
	MoreLots   int
	Link       string
	AnswerLink string
}

// NeedLot is a lot of a new-need email with why it matches, in the
// recipient's words.
type NeedLot struct {
	Title   string
	Reasons []string
}

// TenderInterestData is the data of KindTenderInterest: Count suppliers
// are now interested in the tender (1, 2, 5, then every 5th).
type TenderInterestData struct {
	Name        string
	TenderTitle string
	Count       int
	Link        string
}

// QuestionAskedData is the data of KindQuestionAsked. The asking
// organisation is not named: the buyer sees it in the app.
type QuestionAskedData struct {
	Name        string
	TenderTitle string
	Question    string
	Link        string
}

// QuestionAnsweredData is the data of KindQuestionAnswered. Yours tells
// the asking organisation's members from the other followers of the
// tender, who never learn who asked; Updated tells a replaced answer.
type QuestionAnsweredData struct {
	Name        string
	TenderTitle string
	Question    string
	Answer      string
	Yours       bool
	Updated     bool
	Link        string
}

// ResponsesReceivedData is the data of KindResponsesReceived: Total
// responses over the Lots, in order.
type ResponsesReceivedData struct {
	Name        string
	TenderTitle string
	Total       int
	Lots        []LotResponses
	Link        string
}

// LotResponses is one lot's line of a ResponsesReceivedData.
type LotResponses struct {
	Position  int
	Title     string
	Responses int
}

// StatusExpiringData is the data of KindStatusExpiring; ValidUntil is the
// last day the status counts, written for the recipient.
type StatusExpiringData struct {
	Name             string
	OrganisationName string
	StatusName       string
	ValidUntil       string
	Link             string
}

// DeadlineReminderData is the data of KindDeadlineReminder. Deadline is
// written for the recipient; DaysLeft counts whole days left (0: less
// than a day); Draft tells that the organisation has a response not yet sent.
type DeadlineReminderData struct {
	Name        string
	TenderTitle string
	Deadline    string
	DaysLeft    int
	Draft       bool
	Link        string
}

// OutcomeQuestionData is the data of KindOutcomeQuestion: Pending lots of
// the tender have no outcome yet; Link opens the page that records them.
type OutcomeQuestionData struct {
	Name        string
	TenderTitle string
	Deadline    string
	Pending     int
	Link        string
}

// SavedSearchAlertData is the data of KindSavedSearchAlert: Count
// listings published since the last alert match the saved search
// SearchName, the first ones in Items and More others; Link opens the
// search. When Stopped is set (why, in the recipient's language), the
// message says instead that the search's alerts were switched off, and
// Link opens the saved search.
type SavedSearchAlertData struct {
	Name       string
	SearchName string
	Count      int
	Items      []SavedSearchAlertItem
	More       int
	Link       string
	Stopped    string
}

// SavedSearchAlertItem is one listing of an alert: its title in the
// recipient's language when it has one, its kind (offer, tender or
// supplier), its organisation's name (empty for an anonymous buyer).
type SavedSearchAlertItem struct {
	Title        string
	Kind         string
	Organisation string
	Link         string
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

// ReportOutcomeData is the data of KindReportOutcome: TargetName names
// what was reported; Outcome is dismissed or action_taken (the action is
// not detailed to the reporter); Link opens the reported page.
type ReportOutcomeData struct {
	Name       string
	TargetName string
	Outcome    string
	Link       string
}

// EventEmailData is the data of the convention's registration emails:
// EventDate is the event's day (and first start time) as the recipient's
// language writes it; TypeName the participation type in that language;
// Fee the amount paid ("" when free); Refund is pending, succeeded, failed
// or "" (no refund); Organisation the registered organisation; Link opens
// the registration in the workspace.
type EventEmailData struct {
	Name         string
	EventName    string
	EventDate    string
	Venue        string
	TypeName     string
	Fee          string
	Refund       string
	Organisation string
	Link         string
}

// MeetingRequestData is the data of the meeting_request_* kinds: the
// request's event, its sender (From) and recipient (To), the message and
// priority (received), the reason (declined), and the link to the requests.
type MeetingRequestData struct {
	Name, EventName                 string
	FromName, FromOrganisation      string
	ToName, ToOrganisation          string
	Message, Priority, Reason, Link string
}

// AgendaSentData is the data of KindAgendaSent.
type AgendaSentData struct {
	Name, EventName, Venue, TimeZone string
	Final                            bool
	Version                          int
	// Meetings have Time (in the event's time zone), Table, Organisation,
	// Delegate and Country.
	Meetings      []map[string]any
	Link, ICSLink string
}

// OutcomeRequestData is the data of KindOutcomeRequest.
type OutcomeRequestData struct {
	Name, EventName string
	Meetings        int
	Link            string
}
