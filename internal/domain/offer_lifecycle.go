package domain

import (
	"slices"
	"strings"
)

// OfferState is where an offer stands in its lifecycle (DOMAIN.md,
// "Lifecycles"): draft → pending → published → archived; pending → rejected
// (with a reason) or changes_requested (with a reason) → pending.
//
// This file is the offer's whole state machine, kept apart so that it can
// be replaced by the shared lifecycle package when the branches merge.
type OfferState string

// The offer states.
const (
	OfferDraft            OfferState = "draft"
	OfferPending          OfferState = "pending"
	OfferPublished        OfferState = "published"
	OfferRejected         OfferState = "rejected"
	OfferChangesRequested OfferState = "changes_requested"
	OfferArchived         OfferState = "archived"
)

// OfferStates lists every state, in lifecycle order.
func OfferStates() []OfferState {
	return []OfferState{OfferDraft, OfferPending, OfferPublished, OfferRejected, OfferChangesRequested, OfferArchived}
}

// Valid reports whether s is a known state.
func (s OfferState) Valid() bool { return slices.Contains(OfferStates(), s) }

// Public reports whether anyone may see an offer in state s.
func (s OfferState) Public() bool { return s == OfferPublished }

// OfferEvent is something that happens to an offer: the supplier's and the
// moderators' actions.
type OfferEvent string

// The offer events.
const (
	// OfferEdit changes the offer's content or its photos and documents.
	OfferEdit OfferEvent = "edit"
	// OfferSubmit asks a moderator to publish it.
	OfferSubmit         OfferEvent = "submit"
	OfferApprove        OfferEvent = "approve"
	OfferReject         OfferEvent = "reject"
	OfferRequestChanges OfferEvent = "request_changes"
	OfferArchive        OfferEvent = "archive"
	// OfferDelete removes the offer for good: only a draft, which nobody
	// but its organisation ever saw.
	OfferDelete OfferEvent = "delete"
)

// offerDeleted is the target of OfferDelete: the offer no longer exists.
const offerDeleted OfferState = ""

// offerTransitions is the state machine: from a state, each allowed event
// and the state it leads to.
//
// One addition to DOMAIN.md's lifecycle: editing a published offer sends
// it back to pending (published → pending). Every version the public sees
// has then been seen by a moderator, as DOMAIN.md requires of every
// listing; the offer leaves the public list until approved again. Editing
// is refused while pending (the moderator decides on what they saw) and on
// rejected and archived offers, which are final.
var offerTransitions = map[OfferState][]struct {
	event OfferEvent
	to    OfferState
}{
	OfferDraft:            {{OfferEdit, OfferDraft}, {OfferSubmit, OfferPending}, {OfferDelete, offerDeleted}},
	OfferPending:          {{OfferApprove, OfferPublished}, {OfferReject, OfferRejected}, {OfferRequestChanges, OfferChangesRequested}},
	OfferChangesRequested: {{OfferEdit, OfferChangesRequested}, {OfferSubmit, OfferPending}},
	OfferPublished:        {{OfferEdit, OfferPending}, {OfferArchive, OfferArchived}},
	OfferRejected:         nil,
	OfferArchived:         nil,
}

// AllowedEvents lists the events an offer in state s accepts, in a fixed order.
func (s OfferState) AllowedEvents() []OfferEvent {
	out := []OfferEvent{}
	for _, t := range offerTransitions[s] {
		out = append(out, t.event)
	}
	return out
}

// Next returns the state an offer in state s moves to on ev. An event the
// state does not accept is a domain.ErrConflict (409) whose message, in
// every language, lists the events that are allowed.
func (s OfferState) Next(ev OfferEvent) (OfferState, error) {
	for _, t := range offerTransitions[s] {
		if t.event == ev {
			return t.to, nil
		}
	}
	allowed := s.AllowedEvents()
	if len(allowed) == 0 {
		return s, msgOfferFinal.Wrap(ErrConflict, string(ev), string(s))
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return s, msgOfferIllegal.Wrap(ErrConflict, string(ev), string(s), strings.Join(names, ", "))
}

var (
	msgOfferIllegal = Msg{
		EN: "an offer that is %[2]s cannot %[1]s; allowed: %[3]s",
		FR: "une offre à l'état %[2]s ne permet pas l'action %[1]s ; actions possibles : %[3]s",
		DE: "ein Angebot im Zustand %[2]s erlaubt die Aktion %[1]s nicht; möglich: %[3]s",
		NL: "een aanbod in de toestand %[2]s staat de actie %[1]s niet toe; toegestaan: %[3]s",
	}
	msgOfferFinal = Msg{
		EN: "an offer that is %[2]s cannot %[1]s; nothing more can happen to it",
		FR: "une offre à l'état %[2]s ne permet pas l'action %[1]s ; elle ne peut plus changer",
		DE: "ein Angebot im Zustand %[2]s erlaubt die Aktion %[1]s nicht; es kann sich nicht mehr ändern",
		NL: "een aanbod in de toestand %[2]s staat de actie %[1]s niet toe; er kan niets meer mee gebeuren",
	}
)
