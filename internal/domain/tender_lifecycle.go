package domain

import (
	"slices"
	"strings"
)

// TenderState is where a tender stands in its lifecycle (DOMAIN.md,
// "Lifecycles").
type TenderState string

// The tender states.
const (
	TenderDraft            TenderState = "draft"
	TenderPending          TenderState = "pending"
	TenderPublished        TenderState = "published"
	TenderClosed           TenderState = "closed"
	TenderAwarded          TenderState = "awarded"
	TenderNotAwarded       TenderState = "not_awarded"
	TenderRejected         TenderState = "rejected"
	TenderChangesRequested TenderState = "changes_requested"
	TenderCancelled        TenderState = "cancelled"
)

// tenderTransitions is the tender state machine: draft → pending (the
// buyer submits) → published (a moderator approves) → closed (the
// responses deadline passes) → awarded | not_awarded (the buyer records
// the outcome). A moderator may also reject a pending tender or request
// changes; changes_requested goes back to pending when the buyer
// resubmits, or to rejected after 10 days. The buyer may cancel a tender
// until it closes.
var tenderTransitions = map[TenderState][]TenderState{
	TenderDraft:            {TenderPending, TenderCancelled},
	TenderPending:          {TenderPublished, TenderRejected, TenderChangesRequested, TenderCancelled},
	TenderChangesRequested: {TenderPending, TenderRejected, TenderCancelled},
	TenderPublished:        {TenderClosed, TenderCancelled},
	TenderClosed:           {TenderAwarded, TenderNotAwarded},
}

// TenderStates lists every tender state.
func TenderStates() []TenderState {
	return []TenderState{TenderDraft, TenderPending, TenderPublished, TenderClosed, TenderAwarded, TenderNotAwarded,
		TenderRejected, TenderChangesRequested, TenderCancelled}
}

// Valid reports whether s is a known state.
func (s TenderState) Valid() bool { return slices.Contains(TenderStates(), s) }

// Next lists the states s may become.
func (s TenderState) Next() []TenderState { return slices.Clone(tenderTransitions[s]) }

// CanBecome reports whether s → to is a transition of the lifecycle.
func (s TenderState) CanBecome(to TenderState) bool { return slices.Contains(tenderTransitions[s], to) }

// Public reports whether a tender in state s is visible to everyone.
func (s TenderState) Public() bool {
	return s == TenderPublished || s == TenderClosed || s == TenderAwarded || s == TenderNotAwarded
}

// Transition returns nil when s may become to, else a conflict naming the
// transitions that are allowed from s.
func (s TenderState) Transition(to TenderState) error {
	if s.CanBecome(to) {
		return nil
	}
	return transitionError(msgTenderTransition, string(s), string(to), statesList(s.Next()))
}

// ResponseState is where a supplier's response to a lot stands.
type ResponseState string

// The response states.
const (
	ResponseDraft       ResponseState = "draft"
	ResponseSubmitted   ResponseState = "submitted"
	ResponseWithdrawn   ResponseState = "withdrawn"
	ResponseShortlisted ResponseState = "shortlisted"
	ResponseAccepted    ResponseState = "accepted"
	ResponseDeclined    ResponseState = "declined"
)

// responseTransitions is the response state machine: the supplier submits
// a draft and may withdraw it before the deadline (a withdrawn response
// may be submitted again while the deadline has not passed); after the
// deadline, the buyer shortlists, accepts or declines submitted responses.
// The deadline conditions are checked by the use cases: the machine only
// says which moves exist.
var responseTransitions = map[ResponseState][]ResponseState{
	ResponseDraft:       {ResponseSubmitted},
	ResponseSubmitted:   {ResponseWithdrawn, ResponseShortlisted, ResponseAccepted, ResponseDeclined},
	ResponseWithdrawn:   {ResponseSubmitted},
	ResponseShortlisted: {ResponseAccepted, ResponseDeclined},
}

// ResponseStates lists every response state.
func ResponseStates() []ResponseState {
	return []ResponseState{ResponseDraft, ResponseSubmitted, ResponseWithdrawn, ResponseShortlisted, ResponseAccepted, ResponseDeclined}
}

// Valid reports whether s is a known state.
func (s ResponseState) Valid() bool { return slices.Contains(ResponseStates(), s) }

// Next lists the states s may become.
func (s ResponseState) Next() []ResponseState { return slices.Clone(responseTransitions[s]) }

// CanBecome reports whether s → to is a transition of the lifecycle.
func (s ResponseState) CanBecome(to ResponseState) bool {
	return slices.Contains(responseTransitions[s], to)
}

// Sent reports whether a response in state s was sent to the buyer (and
// not withdrawn): the ones the buyer sees after the deadline.
func (s ResponseState) Sent() bool {
	return s == ResponseSubmitted || s == ResponseShortlisted || s == ResponseAccepted || s == ResponseDeclined
}

// Transition returns nil when s may become to, else a conflict naming the
// transitions that are allowed from s.
func (s ResponseState) Transition(to ResponseState) error {
	if s.CanBecome(to) {
		return nil
	}
	return transitionError(msgResponseTransition, string(s), string(to), statesList(s.Next()))
}

// TransitionError is an illegal lifecycle transition: the API answers 409
// with the allowed transitions listed.
type TransitionError struct {
	*LocalizedError
	From, To string
	Allowed  []string
}

func transitionError(m Msg, from, to string, allowed []string) error {
	shown := strings.Join(allowed, ", ")
	if shown == "" {
		shown = "—"
	}
	le := m.Wrap(ErrConflict, from, to, shown).(*LocalizedError)
	return &TransitionError{LocalizedError: le, From: from, To: to, Allowed: allowed}
}

func statesList[S ~string](states []S) []string {
	out := make([]string, len(states))
	for i, s := range states {
		out[i] = string(s)
	}
	return out
}

var (
	msgTenderTransition = Msg{
		EN: "a tender in state %s cannot become %s; allowed from here: %s",
		FR: "un appel d'offres à l'état %s ne peut pas passer à %s ; possibles depuis cet état : %s",
		DE: "eine Ausschreibung im Zustand %s kann nicht %s werden; von hier aus möglich: %s",
		NL: "een aanbesteding in status %s kan niet %s worden; vanaf hier mogelijk: %s",
	}
	msgResponseTransition = Msg{
		EN: "a response in state %s cannot become %s; allowed from here: %s",
		FR: "une réponse à l'état %s ne peut pas passer à %s ; possibles depuis cet état : %s",
		DE: "ein Angebot im Zustand %s kann nicht %s werden; von hier aus möglich: %s",
		NL: "een antwoord in status %s kan niet %s worden; vanaf hier mogelijk: %s",
	}
)
