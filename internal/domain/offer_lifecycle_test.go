package domain

import (
	"errors"
	"strings"
	"testing"
)

// Every state × event pair: the transitions DOMAIN.md names (plus editing
// a published offer, which sends it back to pending) and nothing else.
func TestOfferTransitions(t *testing.T) {
	allowed := map[OfferState]map[OfferEvent]OfferState{
		OfferDraft:            {OfferEdit: OfferDraft, OfferSubmit: OfferPending, OfferDelete: offerDeleted},
		OfferPending:          {OfferApprove: OfferPublished, OfferReject: OfferRejected, OfferRequestChanges: OfferChangesRequested},
		OfferChangesRequested: {OfferEdit: OfferChangesRequested, OfferSubmit: OfferPending},
		OfferPublished:        {OfferEdit: OfferPending, OfferArchive: OfferArchived},
		OfferRejected:         {},
		OfferArchived:         {},
	}
	events := []OfferEvent{OfferEdit, OfferSubmit, OfferApprove, OfferReject, OfferRequestChanges, OfferArchive, OfferDelete}
	for _, from := range OfferStates() {
		for _, ev := range events {
			next, err := from.Next(ev)
			want, ok := allowed[from][ev]
			switch {
			case ok && (err != nil || next != want):
				t.Errorf("%s --%s--> %q, %v; want %q", from, ev, next, err, want)
			case !ok && (err == nil || !errors.Is(err, ErrConflict) || next != from):
				t.Errorf("%s --%s--> %q, %v; want a conflict", from, ev, next, err)
			case !ok:
				var le *LocalizedError
				if !errors.As(err, &le) {
					t.Fatalf("%s --%s--> %T, want a localized error", from, ev, err)
				}
				for _, l := range Languages {
					msg := le.Messages[l]
					if !strings.Contains(msg, string(from)) || !strings.Contains(msg, string(ev)) {
						t.Errorf("%s --%s-->, %s: %q names neither the state nor the event", from, ev, l, msg)
					}
					for _, a := range from.AllowedEvents() {
						if !strings.Contains(msg, string(a)) {
							t.Errorf("%s --%s-->, %s: %q does not list %s", from, ev, l, msg, a)
						}
					}
				}
			}
		}
		if len(from.AllowedEvents()) != len(allowed[from]) {
			t.Errorf("%s allows %v", from, from.AllowedEvents())
		}
	}
	if len(OfferStates()) != len(allowed) {
		t.Errorf("states %v, table %d", OfferStates(), len(allowed))
	}
	if !OfferPublished.Public() || OfferPending.Public() || OfferArchived.Public() || OfferState("sold").Valid() {
		t.Error("Public or Valid")
	}
}
