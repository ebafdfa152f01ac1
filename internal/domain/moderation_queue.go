package domain

import "time"

// QueueKind is the kind of a thing waiting in the moderators' queue.
type QueueKind string

// The kinds of the moderators' queue.
const (
	QueueOffer     QueueKind = "offer"
	QueueTender    QueueKind = "tender"
	QueueSSEStatus QueueKind = "sse_status"
	// QueueReport is an open report on an offer, a tender or an organisation.
	QueueReport QueueKind = "report"
)

// QueueKinds are every kind, in the order the API documents them.
func QueueKinds() []QueueKind {
	return []QueueKind{QueueOffer, QueueTender, QueueSSEStatus, QueueReport}
}

// Valid reports whether k is a known kind.
func (k QueueKind) Valid() bool {
	switch k {
	case QueueOffer, QueueTender, QueueSSEStatus, QueueReport:
		return true
	}
	return false
}

// QueueItem is one thing waiting for a moderator's decision: a pending
// offer, a pending tender or an SSE status waiting for verification.
type QueueItem struct {
	Kind                QueueKind
	ID                  string
	OrganisationID      string
	OrganisationName    string
	OrganisationCountry string
	// Title is in the language asked for when the author wrote that
	// translation, else in the original language; for an SSE status, the
	// label of its type.
	Title       string
	SubmittedAt time.Time
	// Flags are the duplicate and spam flags of an offer or a tender.
	Flags []ListingFlag
	// For a report: what it is about, and why.
	TargetType   ReportTarget
	TargetID     string
	ReportReason ReportReason
}
