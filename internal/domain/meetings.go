package domain

import "time"

// MeetingPriority is how much the sender of a meeting request wants it.
type MeetingPriority string

// The priorities of a request.
const (
	PriorityMustMeet  MeetingPriority = "must_meet"
	PriorityWouldLike MeetingPriority = "would_like"
	// PriorityOK is an answer only: the recipient accepts without wishing.
	PriorityOK MeetingPriority = "ok"
)

// ValidRequestPriority reports whether p may be asked for.
func ValidRequestPriority(p MeetingPriority) bool {
	return p == PriorityMustMeet || p == PriorityWouldLike
}

// ValidAnswerPriority reports whether p may answer a request.
func ValidAnswerPriority(p MeetingPriority) bool { return ValidRequestPriority(p) || p == PriorityOK }

// MeetingWeight is what scheduling an accepted request is worth (the
// schema's rule): 3 when either side says must_meet, 2 when both would
// like it, 1 otherwise.
func MeetingWeight(asked, answered MeetingPriority) int {
	switch {
	case asked == PriorityMustMeet || answered == PriorityMustMeet:
		return 3
	case asked == PriorityWouldLike && answered == PriorityWouldLike:
		return 2
	}
	return 1
}

// MeetingRequestState is where a meeting request stands.
type MeetingRequestState string

// The states of a request: only a pending one may be answered or withdrawn.
const (
	RequestPending   MeetingRequestState = "pending"
	RequestAccepted  MeetingRequestState = "accepted"
	RequestDeclined  MeetingRequestState = "declined"
	RequestExpired   MeetingRequestState = "expired"
	RequestWithdrawn MeetingRequestState = "withdrawn"
)

// ValidMeetingRequestState reports whether s is a state.
func ValidMeetingRequestState(s MeetingRequestState) bool {
	switch s {
	case RequestPending, RequestAccepted, RequestDeclined, RequestExpired, RequestWithdrawn:
		return true
	}
	return false
}

// MeetingRequest is a delegate's request to meet another at an event.
type MeetingRequest struct {
	ID, EventID                  string
	FromDelegateID, ToDelegateID string
	Priority                     MeetingPriority
	Message                      string
	State                        MeetingRequestState
	AnswerPriority               MeetingPriority // "" until accepted
	DeclineReason                string
	// UnscheduledReason is the code of why the last scheduler run left
	// this accepted request out ("" when scheduled or never run).
	UnscheduledReason string
	CreatedAt         time.Time
	ExpiresAt         time.Time
	AnsweredAt        *time.Time
}

// Weight is the request's weight once accepted (0 before).
func (r MeetingRequest) Weight() int {
	if r.State != RequestAccepted {
		return 0
	}
	return MeetingWeight(r.Priority, r.AnswerPriority)
}

// ExclusionKind says why two organisations are not to be scheduled together.
type ExclusionKind string

// The kinds of exclusion.
const (
	ExclusionMetBefore ExclusionKind = "met_before"
	ExclusionNoThanks  ExclusionKind = "no_thanks"
)

// Meeting is one scheduled request: a slot (its start and end) at a table.
type Meeting struct {
	ID, EventID, RequestID, SessionID string
	Start, End                        time.Time
	Table                             int
	Locked, Confirmed                 bool
}

// MeetingOutcomeKind is what one side says happened at a meeting.
type MeetingOutcomeKind string

// The outcomes.
const (
	OutcomeHeld     MeetingOutcomeKind = "held"
	OutcomeNoShow   MeetingOutcomeKind = "no_show"
	OutcomeFollowUp MeetingOutcomeKind = "follow_up"
	OutcomeDeal     MeetingOutcomeKind = "deal"
)

// MeetingOutcome is one organisation's account of a meeting.
type MeetingOutcome struct {
	MeetingID, OrganisationID string
	Outcome                   MeetingOutcomeKind
	AmountCents               *int64
	Currency                  string
	Note                      string
	RecordedAt                time.Time
}

// ScheduleRun is one run of the scheduler over an event.
type ScheduleRun struct {
	ID, EventID string
	StartedAt   time.Time
	DurationMS  int
	Requests    int
	Meetings    int
	Weight      int
	UpperBound  int
	Kept        int
}
