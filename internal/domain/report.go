package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// ReportTarget is what a report is about.
type ReportTarget string

// The targets of reports.
const (
	ReportOffer        ReportTarget = "offer"
	ReportTender       ReportTarget = "tender"
	ReportOrganisation ReportTarget = "organisation"
)

// Valid reports whether t is a target of reports.
func (t ReportTarget) Valid() bool {
	return t == ReportOffer || t == ReportTender || t == ReportOrganisation
}

// ReportReason is the reporter's reason, from a fixed list.
type ReportReason string

// The reasons of a report.
const (
	ReasonMisleading ReportReason = "misleading"
	ReasonNotSSE     ReportReason = "not_sse"
	ReasonFraud      ReportReason = "fraud"
	ReasonOffensive  ReportReason = "offensive"
	ReasonSpam       ReportReason = "spam"
	ReasonDuplicate  ReportReason = "duplicate"
	ReasonOther      ReportReason = "other"
)

// ReportReasons are every reason, in the order forms list them.
func ReportReasons() []ReportReason {
	return []ReportReason{ReasonMisleading, ReasonNotSSE, ReasonFraud, ReasonOffensive, ReasonSpam, ReasonDuplicate, ReasonOther}
}

// Label is the reason's name in every language.
func (r ReportReason) Label() Msg { return reportReasonLabels[r] }

// Valid reports whether r is one of the reasons.
func (r ReportReason) Valid() bool {
	_, ok := reportReasonLabels[r]
	return ok
}

var reportReasonLabels = map[ReportReason]Msg{
	ReasonMisleading: {EN: "Misleading", FR: "Trompeur", DE: "Irreführend", NL: "Misleidend"},
	ReasonNotSSE: {EN: "Not a social and solidarity economy activity", FR: "Pas une activité de l’économie sociale et solidaire",
		DE: "Keine Tätigkeit der Sozial- und Solidarwirtschaft", NL: "Geen activiteit van de sociale en solidaire economie"},
	ReasonFraud:     {EN: "Fraud", FR: "Fraude", DE: "Betrug", NL: "Fraude"},
	ReasonOffensive: {EN: "Offensive", FR: "Choquant", DE: "Anstößig", NL: "Aanstootgevend"},
	ReasonSpam:      {EN: "Spam", FR: "Spam", DE: "Spam", NL: "Spam"},
	ReasonDuplicate: {EN: "Duplicate", FR: "Doublon", DE: "Duplikat", NL: "Duplicaat"},
	ReasonOther:     {EN: "Other", FR: "Autre", DE: "Sonstiges", NL: "Overig"},
}

// ReportState is where a report stands.
type ReportState string

// The report states: open until a moderator resolves it.
const (
	ReportOpen        ReportState = "open"
	ReportDismissed   ReportState = "dismissed"
	ReportActionTaken ReportState = "action_taken"
)

// Limits of a report's texts.
const (
	MaxReportNote     = 1000
	MaxResolutionNote = 2000
)

// Report is a signed-in user's flag on an offer, a tender or an
// organisation. OrganisationID is the organisation the target belongs to.
type Report struct {
	ID             string
	ReporterUserID string
	TargetType     ReportTarget
	TargetID       string
	OrganisationID string
	Reason         ReportReason
	Note           string
	State          ReportState
	CreatedAt      time.Time
	ResolvedAt     *time.Time
	ResolvedBy     string
	ResolutionNote string
}

// ValidateReport checks a new report's fields, every wrong one at once
// (fields body.target_type, body.target_id, body.reason, body.note).
func ValidateReport(target ReportTarget, targetID string, reason ReportReason, note string) *ValidationError {
	ve := &ValidationError{}
	if !target.Valid() {
		ve.AddLocalized("body.target_type", "invalid", msgReportTarget.With(string(target)))
	}
	if !IsUUID(targetID) {
		ve.AddLocalized("body.target_id", "invalid", msgReportTargetID.With())
	}
	if !reason.Valid() {
		ve.AddLocalized("body.reason", "invalid", msgReportReason.With(string(reason)))
	}
	if utf8.RuneCountInString(note) > MaxReportNote {
		ve.AddLocalized("body.note", "too_long", msgReportTooLong.With(MaxReportNote))
	}
	if reason == ReasonOther && strings.TrimSpace(note) == "" {
		ve.AddLocalized("body.note", "required", msgReportOtherNote.With())
	}
	return ve
}

// ValidateResolution checks a moderator's resolution of a report.
func ValidateResolution(outcome ReportState, note string) *ValidationError {
	ve := &ValidationError{}
	if outcome != ReportDismissed && outcome != ReportActionTaken {
		ve.AddLocalized("body.outcome", "invalid", msgReportOutcome.With(string(outcome)))
	}
	if utf8.RuneCountInString(note) > MaxResolutionNote {
		ve.AddLocalized("body.note", "too_long", msgReportTooLong.With(MaxResolutionNote))
	}
	return ve
}

// IsUUID reports whether s is a UUID in its canonical text form.
func IsUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return false
			}
		}
	}
	return true
}

var (
	msgReportTarget = Msg{EN: "%q cannot be reported: report an offer, a tender or an organisation",
		FR: "%q ne peut pas être signalé : signalez une offre, un appel d’offres ou une organisation",
		DE: "%q kann nicht gemeldet werden: melden Sie ein Angebot, eine Ausschreibung oder eine Organisation",
		NL: "%q kan niet worden gemeld: meld een aanbod, een aanbesteding of een organisatie"}
	msgReportTargetID = Msg{EN: "must be the id of what you report", FR: "doit être l’identifiant de ce que vous signalez",
		DE: "muss die Kennung dessen sein, was Sie melden", NL: "moet de id zijn van wat u meldt"}
	msgReportReason = Msg{EN: "%q is not a reason: misleading, not_sse, fraud, offensive, spam, duplicate or other",
		FR: "%q n’est pas un motif : misleading, not_sse, fraud, offensive, spam, duplicate ou other",
		DE: "%q ist kein Grund: misleading, not_sse, fraud, offensive, spam, duplicate oder other",
		NL: "%q is geen reden: misleading, not_sse, fraud, offensive, spam, duplicate of other"}
	msgReportTooLong = Msg{EN: "must be at most %d characters", FR: "doit faire au plus %d caractères",
		DE: "darf höchstens %d Zeichen lang sein", NL: "mag hoogstens %d tekens lang zijn"}
	msgReportOtherNote = Msg{EN: "say what is wrong when the reason is “other”", FR: "dites ce qui ne va pas lorsque le motif est « autre »",
		DE: "sagen Sie, was nicht stimmt, wenn der Grund „Sonstiges“ ist", NL: "zeg wat er mis is wanneer de reden ‘overig’ is"}
	msgReportOutcome = Msg{EN: "%q is not an outcome: dismissed or action_taken", FR: "%q n’est pas une issue : dismissed ou action_taken",
		DE: "%q ist kein Ergebnis: dismissed oder action_taken", NL: "%q is geen uitkomst: dismissed of action_taken"}
)
