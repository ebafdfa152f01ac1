package domain

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestTenderTransitions checks every pair of states against DOMAIN.md's
// lifecycle: exactly the listed transitions are allowed.
func TestTenderTransitions(t *testing.T) {
	allowed := map[[2]TenderState]bool{
		{TenderDraft, TenderPending}: true, {TenderDraft, TenderCancelled}: true,
		{TenderPending, TenderPublished}: true, {TenderPending, TenderRejected}: true,
		{TenderPending, TenderChangesRequested}: true, {TenderPending, TenderCancelled}: true,
		{TenderChangesRequested, TenderPending}: true, {TenderChangesRequested, TenderRejected}: true,
		{TenderChangesRequested, TenderCancelled}: true,
		{TenderPublished, TenderClosed}:           true, {TenderPublished, TenderCancelled}: true,
		{TenderClosed, TenderAwarded}: true, {TenderClosed, TenderNotAwarded}: true,
	}
	for _, from := range TenderStates() {
		for _, to := range TenderStates() {
			want := allowed[[2]TenderState{from, to}]
			if got := from.CanBecome(to); got != want {
				t.Errorf("%s → %s: %v, want %v", from, to, got, want)
			}
			err := from.Transition(to)
			if want != (err == nil) {
				t.Errorf("%s → %s: Transition = %v", from, to, err)
			}
			var te *TransitionError
			if err != nil && (!errors.Is(err, ErrConflict) || !errors.As(err, &te) || !slices.Equal(te.Allowed, statesList(from.Next()))) {
				t.Errorf("%s → %s: want a conflict listing %v, got %#v", from, to, from.Next(), err)
			}
		}
	}
	err := TenderPending.Transition(TenderAwarded)
	if !strings.Contains(err.Error(), "allowed from here: published, rejected, changes_requested, cancelled") {
		t.Errorf("message: %v", err)
	}
	le := err.(*TransitionError).LocalizedError
	if !strings.Contains(le.Messages[LangDE], "von hier aus möglich: published") {
		t.Errorf("German: %q", le.Messages[LangDE])
	}
	if !strings.Contains(TenderAwarded.Transition(TenderClosed).Error(), "allowed from here: —") {
		t.Errorf("a final state lists no transition")
	}
	for _, s := range TenderStates() {
		if want := s == TenderPublished || s == TenderClosed || s == TenderAwarded || s == TenderNotAwarded; s.Public() != want {
			t.Errorf("%s public: %v", s, s.Public())
		}
	}
}

func TestResponseTransitions(t *testing.T) {
	allowed := map[[2]ResponseState]bool{
		{ResponseDraft, ResponseSubmitted}:     true,
		{ResponseSubmitted, ResponseWithdrawn}: true, {ResponseSubmitted, ResponseShortlisted}: true,
		{ResponseSubmitted, ResponseAccepted}: true, {ResponseSubmitted, ResponseDeclined}: true,
		{ResponseWithdrawn, ResponseSubmitted}:  true,
		{ResponseShortlisted, ResponseAccepted}: true, {ResponseShortlisted, ResponseDeclined}: true,
	}
	for _, from := range ResponseStates() {
		for _, to := range ResponseStates() {
			want := allowed[[2]ResponseState{from, to}]
			if got := from.CanBecome(to); got != want {
				t.Errorf("%s → %s: %v, want %v", from, to, got, want)
			}
			if err := from.Transition(to); want != (err == nil) || err != nil && !errors.Is(err, ErrConflict) {
				t.Errorf("%s → %s: Transition = %v", from, to, err)
			}
		}
	}
	if !strings.Contains(ResponseDraft.Transition(ResponseAccepted).Error(), "allowed from here: submitted") {
		t.Errorf("message: %v", ResponseDraft.Transition(ResponseAccepted))
	}
	for _, s := range ResponseStates() {
		if want := s != ResponseDraft && s != ResponseWithdrawn; s.Sent() != want {
			t.Errorf("%s sent: %v", s, s.Sent())
		}
	}
}
