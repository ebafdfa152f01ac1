package domain

import (
	"slices"
	"time"
)

// TenderState is where a tender stands: draft → pending → published →
// closed (deadline passed) → awarded | not_awarded; a moderator may reject
// it or request changes (pending → rejected | changes_requested, then
// changes_requested → pending); the buyer may cancel it until it closes;
// a tender left in changes_requested for TenderChangesTimeout is rejected.
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

// TenderEvent is what happens to a tender.
type TenderEvent string

// The tender events.
const (
	// TenderSubmit: the buyer sends a draft, or a changed tender, to moderation.
	TenderSubmit TenderEvent = "submit"
	// TenderApprove: a moderator publishes it.
	TenderApprove TenderEvent = "approve"
	// TenderReject: a moderator refuses it, with a reason sent to the author.
	TenderReject TenderEvent = "reject"
	// TenderRequestChanges: a moderator asks for changes, saying which.
	TenderRequestChanges TenderEvent = "request_changes"
	// TenderExpireChanges: the platform rejects a tender whose changes did
	// not come within TenderChangesTimeout.
	TenderExpireChanges TenderEvent = "expire_changes"
	// TenderClose: the responses deadline has passed (the deadline job).
	TenderClose TenderEvent = "close"
	// TenderAward: the buyer records that a lot was awarded.
	TenderAward TenderEvent = "award"
	// TenderNotAward: the buyer records that nothing was awarded.
	TenderNotAward TenderEvent = "not_award"
	// TenderCancel: the buyer withdraws the tender before it closes.
	TenderCancel TenderEvent = "cancel"
)

// TenderChangesTimeout is how long a tender may wait in changes_requested
// before it is rejected (TenderExpireChanges).
const TenderChangesTimeout = 10 * 24 * time.Hour

// MinNoticeAfterSubstantialEdit is how long must remain before the
// responses deadline after a substantial edit of a published tender
// (deadline shortened, clauses, lots), so that suppliers can re-confirm.
const MinNoticeAfterSubstantialEdit = 7 * 24 * time.Hour

var tenderLifecycle = &lifecycle[TenderState, TenderEvent]{
	entity: "tender",
	states: []TenderState{TenderDraft, TenderPending, TenderPublished, TenderClosed, TenderAwarded, TenderNotAwarded,
		TenderRejected, TenderChangesRequested, TenderCancelled},
	events: []TenderEvent{TenderSubmit, TenderApprove, TenderReject, TenderRequestChanges, TenderExpireChanges,
		TenderClose, TenderAward, TenderNotAward, TenderCancel},
	edges: []edge[TenderState, TenderEvent]{
		{TenderDraft, TenderSubmit, TenderPending},
		{TenderPending, TenderApprove, TenderPublished},
		{TenderPending, TenderReject, TenderRejected},
		{TenderPending, TenderRequestChanges, TenderChangesRequested},
		{TenderPending, TenderCancel, TenderCancelled},
		{TenderChangesRequested, TenderSubmit, TenderPending},
		{TenderChangesRequested, TenderExpireChanges, TenderRejected},
		{TenderChangesRequested, TenderCancel, TenderCancelled},
		{TenderPublished, TenderClose, TenderClosed},
		{TenderPublished, TenderCancel, TenderCancelled},
		{TenderClosed, TenderAward, TenderAwarded},
		{TenderClosed, TenderNotAward, TenderNotAwarded},
	},
}

// Valid reports whether s is a known tender state.
func (s TenderState) Valid() bool { return tenderLifecycle.validState(s) }

// Can reports whether event may happen to a tender in state s.
func (s TenderState) Can(event TenderEvent) bool { _, err := s.Next(event); return err == nil }

// Next is the state after event, or a *TransitionError (ErrConflict)
// listing the events allowed from s.
func (s TenderState) Next(event TenderEvent) (TenderState, error) {
	return tenderLifecycle.next(s, event)
}

// Events are the events allowed from s.
func (s TenderState) Events() []TenderEvent { return tenderLifecycle.allowed(s) }

// Public reports whether a tender in state s is shown on the marketplace
// (published, and afterwards with its outcome).
func (s TenderState) Public() bool {
	return s == TenderPublished || s == TenderClosed || s == TenderAwarded || s == TenderNotAwarded
}

// Valid reports whether e is a known tender event.
func (e TenderEvent) Valid() bool { return tenderLifecycle.validEvent(e) }

// NeedsReason reports whether e must come with a reason for the author.
func (e TenderEvent) NeedsReason() bool { return e == TenderReject || e == TenderRequestChanges }

// TenderStates lists the tender states.
func TenderStates() []TenderState { return slices.Clone(tenderLifecycle.states) }

// TenderEvents lists the tender events.
func TenderEvents() []TenderEvent { return slices.Clone(tenderLifecycle.events) }

// TenderTransitions is the tender lifecycle's table.
func TenderTransitions() []Transition { return tenderLifecycle.transitions() }

// TenderChangesExpired reports whether a tender that entered
// changes_requested at requestedAt is due for TenderExpireChanges at now.
func TenderChangesExpired(requestedAt, now time.Time) bool {
	return !now.Before(requestedAt.Add(TenderChangesTimeout))
}

// CheckSubstantialEdit refuses (ErrConflict, localized) a substantial edit
// of a published tender at now unless its new responses deadline leaves at
// least MinNoticeAfterSubstantialEdit.
func CheckSubstantialEdit(newDeadline, now time.Time) error {
	if newDeadline.Sub(now) >= MinNoticeAfterSubstantialEdit {
		return nil
	}
	return Msg{
		EN: "a published tender's substance (deadline shortened, clauses, lots) may only change when at least 7 days remain before the responses deadline: move the deadline later",
		FR: "le contenu d'un appel d'offres publié (délai raccourci, clauses, lots) ne peut changer que s'il reste au moins 7 jours avant la date limite de réponse : reportez la date limite",
		DE: "der Inhalt einer veröffentlichten Ausschreibung (verkürzte Frist, Klauseln, Lose) darf sich nur ändern, wenn bis zur Angebotsfrist noch mindestens 7 Tage bleiben: verschieben Sie die Frist",
		NL: "de inhoud van een gepubliceerde aanbesteding (ingekorte termijn, clausules, percelen) mag alleen wijzigen als er nog minstens 7 dagen tot de antwoordtermijn blijven: stel de termijn uit",
	}.Wrap(ErrConflict)
}
