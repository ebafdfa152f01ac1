package domain

import "slices"

// OfferState is where an offer stands: draft → pending → published →
// archived; pending → rejected (with a reason); pending →
// changes_requested → pending.
//
// One addition to DOMAIN.md's lifecycle: editing a published offer sends
// it back to pending (published → pending). Every version the public sees
// has then been seen by a moderator; the offer leaves the public list
// until approved again. Editing is refused while pending (the moderator
// decides on what they saw) and on rejected and archived offers, which are
// final. Only a draft, which nobody but its organisation ever saw, may be
// deleted.
type OfferState string

// The offer states.
const (
	OfferDraft            OfferState = "draft"
	OfferPending          OfferState = "pending"
	OfferPublished        OfferState = "published"
	OfferArchived         OfferState = "archived"
	OfferRejected         OfferState = "rejected"
	OfferChangesRequested OfferState = "changes_requested"
)

// OfferEvent is what happens to an offer.
type OfferEvent string

// The offer events.
const (
	// OfferSubmit: the supplier sends a draft, or a changed offer, to moderation.
	OfferSubmit OfferEvent = "submit"
	// OfferApprove: a moderator publishes it.
	OfferApprove OfferEvent = "approve"
	// OfferReject: a moderator refuses it, with a reason sent to the author.
	OfferReject OfferEvent = "reject"
	// OfferRequestChanges: a moderator asks for changes, saying which.
	OfferRequestChanges OfferEvent = "request_changes"
	// OfferArchive: the supplier takes a published offer off the marketplace.
	OfferArchive OfferEvent = "archive"
	// OfferEdit: the supplier changes the content, photos or documents.
	OfferEdit OfferEvent = "edit"
	// OfferDelete: the supplier removes a draft for good.
	OfferDelete OfferEvent = "delete"
)

// offerDeleted is the target of OfferDelete: the offer no longer exists.
const offerDeleted OfferState = ""

var offerLifecycle = &lifecycle[OfferState, OfferEvent]{
	entity: "offer",
	states: []OfferState{OfferDraft, OfferPending, OfferPublished, OfferArchived, OfferRejected, OfferChangesRequested},
	events: []OfferEvent{OfferEdit, OfferSubmit, OfferApprove, OfferReject, OfferRequestChanges, OfferArchive, OfferDelete},
	edges: []edge[OfferState, OfferEvent]{
		{OfferDraft, OfferEdit, OfferDraft},
		{OfferDraft, OfferSubmit, OfferPending},
		{OfferDraft, OfferDelete, offerDeleted},
		{OfferChangesRequested, OfferEdit, OfferChangesRequested},
		{OfferPublished, OfferEdit, OfferPending},
		{OfferPending, OfferApprove, OfferPublished},
		{OfferPending, OfferReject, OfferRejected},
		{OfferPending, OfferRequestChanges, OfferChangesRequested},
		{OfferChangesRequested, OfferSubmit, OfferPending},
		{OfferPublished, OfferArchive, OfferArchived},
	},
}

// Valid reports whether s is a known offer state.
func (s OfferState) Valid() bool { return offerLifecycle.validState(s) }

// Can reports whether event may happen to an offer in state s.
func (s OfferState) Can(event OfferEvent) bool { _, err := s.Next(event); return err == nil }

// Next is the state after event, or a *TransitionError (ErrConflict)
// listing the events allowed from s.
func (s OfferState) Next(event OfferEvent) (OfferState, error) { return offerLifecycle.next(s, event) }

// Events are the events allowed from s.
func (s OfferState) Events() []OfferEvent { return offerLifecycle.allowed(s) }

// AllowedEvents is Events, never nil (the API lists them as an array).
func (s OfferState) AllowedEvents() []OfferEvent {
	if ev := s.Events(); ev != nil {
		return ev
	}
	return []OfferEvent{}
}

// Public reports whether an offer in state s is shown on the marketplace.
func (s OfferState) Public() bool { return s == OfferPublished }

// Valid reports whether e is a known offer event.
func (e OfferEvent) Valid() bool { return offerLifecycle.validEvent(e) }

// NeedsReason reports whether e must come with a reason for the author.
func (e OfferEvent) NeedsReason() bool { return e == OfferReject || e == OfferRequestChanges }

// OfferStates lists the offer states.
func OfferStates() []OfferState { return slices.Clone(offerLifecycle.states) }

// OfferEvents lists the offer events.
func OfferEvents() []OfferEvent { return slices.Clone(offerLifecycle.events) }

// OfferTransitions is the offer lifecycle's table.
func OfferTransitions() []Transition { return offerLifecycle.transitions() }
