package domain

import (
	"slices"
	"time"
)

// ResponseState is where a supplier's response to a tender lot stands:
// draft → submitted → withdrawn (before the deadline; the core checks the
// time), and a withdrawn response may be submitted again while the
// deadline has not passed (the supplier corrects it: the buyer never saw
// it, sealed); a substantial edit of the tender moves a submitted response to
// reconfirmation_required until its author re-confirms (→ submitted) or
// withdraws it; after the deadline the buyer shortlists, accepts or
// declines (with a reason) submitted responses.
type ResponseState string

// The response states.
const (
	ResponseDraft                  ResponseState = "draft"
	ResponseSubmitted              ResponseState = "submitted"
	ResponseWithdrawn              ResponseState = "withdrawn"
	ResponseReconfirmationRequired ResponseState = "reconfirmation_required"
	ResponseShortlisted            ResponseState = "shortlisted"
	ResponseAccepted               ResponseState = "accepted"
	ResponseDeclined               ResponseState = "declined"
)

// ResponseEvent is what happens to a response.
type ResponseEvent string

// The response events.
const (
	// ResponseSubmit: the supplier sends its draft (sealed until the deadline).
	ResponseSubmit ResponseEvent = "submit"
	// ResponseWithdraw: the supplier takes it back, before the deadline.
	ResponseWithdraw ResponseEvent = "withdraw"
	// ResponseInvalidate: the tender's substance changed; the author must re-confirm.
	ResponseInvalidate ResponseEvent = "invalidate"
	// ResponseReconfirm: the author confirms the response still stands.
	ResponseReconfirm ResponseEvent = "reconfirm"
	// ResponseShortlist: the buyer keeps it for the final choice.
	ResponseShortlist ResponseEvent = "shortlist"
	// ResponseAccept: the buyer chooses it.
	ResponseAccept ResponseEvent = "accept"
	// ResponseDecline: the buyer sets it aside, with a reason.
	ResponseDecline ResponseEvent = "decline"
)

var responseLifecycle = &lifecycle[ResponseState, ResponseEvent]{
	entity: "response",
	states: []ResponseState{ResponseDraft, ResponseSubmitted, ResponseWithdrawn, ResponseReconfirmationRequired,
		ResponseShortlisted, ResponseAccepted, ResponseDeclined},
	events: []ResponseEvent{ResponseSubmit, ResponseWithdraw, ResponseInvalidate, ResponseReconfirm,
		ResponseShortlist, ResponseAccept, ResponseDecline},
	edges: []edge[ResponseState, ResponseEvent]{
		{ResponseDraft, ResponseSubmit, ResponseSubmitted},
		{ResponseSubmitted, ResponseWithdraw, ResponseWithdrawn},
		{ResponseWithdrawn, ResponseSubmit, ResponseSubmitted},
		{ResponseSubmitted, ResponseInvalidate, ResponseReconfirmationRequired},
		{ResponseSubmitted, ResponseShortlist, ResponseShortlisted},
		{ResponseSubmitted, ResponseAccept, ResponseAccepted},
		{ResponseSubmitted, ResponseDecline, ResponseDeclined},
		{ResponseReconfirmationRequired, ResponseReconfirm, ResponseSubmitted},
		{ResponseReconfirmationRequired, ResponseWithdraw, ResponseWithdrawn},
		{ResponseShortlisted, ResponseAccept, ResponseAccepted},
		{ResponseShortlisted, ResponseDecline, ResponseDeclined},
	},
}

// Valid reports whether s is a known response state.
func (s ResponseState) Valid() bool { return responseLifecycle.validState(s) }

// Can reports whether event may happen to a response in state s.
func (s ResponseState) Can(event ResponseEvent) bool { _, err := s.Next(event); return err == nil }

// Next is the state after event, or a *TransitionError (ErrConflict)
// listing the events allowed from s.
func (s ResponseState) Next(event ResponseEvent) (ResponseState, error) {
	return responseLifecycle.next(s, event)
}

// Events are the events allowed from s.
func (s ResponseState) Events() []ResponseEvent { return responseLifecycle.allowed(s) }

// Sent reports whether a response in state s counts as sent to the buyer
// (what the buyer sees after the deadline, and what a substantial edit
// invalidates): drafts and withdrawn responses are not.
func (s ResponseState) Sent() bool {
	switch s {
	case ResponseSubmitted, ResponseReconfirmationRequired, ResponseShortlisted, ResponseAccepted, ResponseDeclined:
		return true
	}
	return false
}

// Valid reports whether e is a known response event.
func (e ResponseEvent) Valid() bool { return responseLifecycle.validEvent(e) }

// NeedsReason reports whether e must come with a reason for the author.
func (e ResponseEvent) NeedsReason() bool { return e == ResponseDecline }

// BuyerDecision reports whether e is the buyer's (shortlist, accept,
// decline) rather than the supplier's or the platform's.
func (e ResponseEvent) BuyerDecision() bool {
	return e == ResponseShortlist || e == ResponseAccept || e == ResponseDecline
}

// ResponseStates lists the response states.
func ResponseStates() []ResponseState { return slices.Clone(responseLifecycle.states) }

// ResponseEvents lists the response events.
func ResponseEvents() []ResponseEvent { return slices.Clone(responseLifecycle.events) }

// ResponseTransitions is the response lifecycle's table.
func ResponseTransitions() []Transition { return responseLifecycle.transitions() }

// CheckResponseTiming refuses (ErrConflict, localized) a response event at
// now for a tender whose responses deadline is deadline: the supplier's
// events (submit, withdraw, reconfirm) and the platform's invalidation
// only before the deadline; the buyer's decisions only from the deadline
// on, since responses are sealed until then.
func CheckResponseTiming(e ResponseEvent, deadline, now time.Time) error {
	before := now.Before(deadline)
	switch {
	case e.BuyerDecision() && before:
		return Msg{
			EN: "responses stay sealed until the responses deadline (%[1]s UTC): decide on them after it",
			FR: "les réponses restent scellées jusqu'à la date limite de réponse (%[1]s UTC) : décidez après",
			DE: "die Antworten bleiben bis zur Angebotsfrist (%[1]s UTC) versiegelt: entscheiden Sie danach",
			NL: "de antwoorden blijven verzegeld tot de antwoordtermijn (%[1]s UTC): beslis daarna",
		}.Wrap(ErrConflict, deadline.UTC().Format("2006-01-02 15:04"))
	case !e.BuyerDecision() && !before:
		return Msg{
			EN: "the responses deadline (%[1]s UTC) has passed: the response can no longer change",
			FR: "la date limite de réponse (%[1]s UTC) est passée : la réponse ne peut plus changer",
			DE: "die Angebotsfrist (%[1]s UTC) ist abgelaufen: die Antwort kann sich nicht mehr ändern",
			NL: "de antwoordtermijn (%[1]s UTC) is verstreken: het antwoord kan niet meer veranderen",
		}.Wrap(ErrConflict, deadline.UTC().Format("2006-01-02 15:04"))
	}
	return nil
}
