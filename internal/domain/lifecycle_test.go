package domain

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// The lifecycles as DOMAIN.md states them, written out again here so that
// a change to a table must be made twice: from → event → to.
var (
	wantOffer = map[string]map[string]string{
		"draft":             {"edit": "draft", "delete": "", "submit": "pending"},
		"pending":           {"approve": "published", "reject": "rejected", "request_changes": "changes_requested"},
		"changes_requested": {"edit": "changes_requested", "submit": "pending"},
		"published":         {"edit": "pending", "archive": "archived"},
		"archived":          {},
		"rejected":          {},
	}
	wantTender = map[string]map[string]string{
		"draft":             {"submit": "pending"},
		"pending":           {"approve": "published", "reject": "rejected", "request_changes": "changes_requested", "cancel": "cancelled"},
		"changes_requested": {"submit": "pending", "expire_changes": "rejected", "cancel": "cancelled"},
		"published":         {"close": "closed", "cancel": "cancelled"},
		"closed":            {"award": "awarded", "not_award": "not_awarded"},
		"awarded":           {},
		"not_awarded":       {},
		"rejected":          {},
		"cancelled":         {},
	}
	wantResponse = map[string]map[string]string{
		"draft":                   {"submit": "submitted"},
		"submitted":               {"withdraw": "withdrawn", "invalidate": "reconfirmation_required", "shortlist": "shortlisted", "accept": "accepted", "decline": "declined"},
		"reconfirmation_required": {"reconfirm": "submitted", "withdraw": "withdrawn"},
		"shortlisted":             {"accept": "accepted", "decline": "declined"},
		"withdrawn":               {"submit": "submitted"},
		"accepted":                {},
		"declined":                {},
	}
)

// checkMachine tries every event in every state (and an unknown state and
// event): allowed ones must land where want says, the others must fail
// with a TransitionError listing exactly the allowed events.
func checkMachine[S ~string, E ~string](t *testing.T, entity string, want map[string]map[string]string, states []S, events []E,
	next func(S, E) (S, error), can func(S, E) bool, allowed func(S) []E) {
	t.Helper()
	if len(states) != len(want) {
		t.Fatalf("%s: %d states, want %d", entity, len(states), len(want))
	}
	for _, s := range append(slices.Clone(states), S("unknown")) {
		for _, e := range append(slices.Clone(events), E("unknown")) {
			name := entity + "/" + string(s) + "/" + string(e)
			t.Run(name, func(t *testing.T) {
				to, ok := want[string(s)][string(e)]
				got, err := next(s, e)
				if can(s, e) != ok {
					t.Errorf("Can = %v, want %v", !ok, ok)
				}
				if ok {
					if err != nil || string(got) != to {
						t.Fatalf("got %s, %v; want %s", got, err, to)
					}
					return
				}
				var te *TransitionError
				if !errors.As(err, &te) || !errors.Is(err, ErrConflict) {
					t.Fatalf("got %s, %v; want a TransitionError", got, err)
				}
				if got != s {
					t.Errorf("a refused event moved to %s", got)
				}
				var wantAllowed []string
				for ev := range want[string(s)] {
					wantAllowed = append(wantAllowed, ev)
				}
				slices.Sort(wantAllowed)
				gotAllowed := slices.Sorted(slices.Values(te.Allowed))
				if te.Entity != entity || te.From != string(s) || te.Event != string(e) || !slices.Equal(gotAllowed, wantAllowed) {
					t.Errorf("error %+v, want allowed %v", te, wantAllowed)
				}
				var fromAllowed []string
				for _, a := range allowed(s) {
					fromAllowed = append(fromAllowed, string(a))
				}
				if !slices.Equal(fromAllowed, te.Allowed) {
					t.Errorf("Events() = %v, error lists %v", fromAllowed, te.Allowed)
				}
			})
		}
	}
}

func TestOfferLifecycle(t *testing.T) {
	checkMachine(t, "offer", wantOffer, OfferStates(), OfferEvents(),
		OfferState.Next, OfferState.Can, OfferState.Events)
	if len(OfferTransitions()) != 10 {
		t.Errorf("offer table has %d transitions", len(OfferTransitions()))
	}
}

func TestTenderLifecycle(t *testing.T) {
	checkMachine(t, "tender", wantTender, TenderStates(), TenderEvents(),
		TenderState.Next, TenderState.Can, TenderState.Events)
	if len(TenderTransitions()) != 12 {
		t.Errorf("tender table has %d transitions", len(TenderTransitions()))
	}
}

func TestResponseLifecycle(t *testing.T) {
	checkMachine(t, "response", wantResponse, ResponseStates(), ResponseEvents(),
		ResponseState.Next, ResponseState.Can, ResponseState.Events)
	if len(ResponseTransitions()) != 11 {
		t.Errorf("response table has %d transitions", len(ResponseTransitions()))
	}
}

func TestLifecycleLabels(t *testing.T) {
	for _, tr := range slices.Concat(OfferTransitions(), TenderTransitions(), ResponseTransitions()) {
		for _, name := range []string{tr.From, tr.To} {
			if name == "" {
				continue // deleted: no state left to name
			}
			if _, ok := stateLabels[name]; !ok {
				t.Errorf("state %s has no label", name)
			}
		}
		if _, ok := eventLabels[tr.Event]; !ok {
			t.Errorf("event %s has no label", tr.Event)
		}
	}
	for name, m := range stateLabels {
		if m.EN == "" || m.FR == "" || m.DE == "" || m.NL == "" {
			t.Errorf("state %s lacks a language", name)
		}
	}
	for name, m := range eventLabels {
		if m.EN == "" || m.FR == "" || m.DE == "" || m.NL == "" {
			t.Errorf("event %s lacks a language", name)
		}
	}
	if StateLabel("changes_requested", "fr-BE") != "modifications demandées" || EventLabel("bogus", "de") != "bogus" {
		t.Error("labels by tag")
	}
}

func TestTransitionErrorMessages(t *testing.T) {
	_, err := TenderPublished.Next(TenderApprove)
	var te *TransitionError
	if !errors.As(err, &te) {
		t.Fatal(err)
	}
	want := map[Language]string{
		LangEN: "this tender is in state “published”: “approve” is not possible (possible now: “close”, “cancel”)",
		LangFR: "cet appel d'offres est à l'état « publié » : « approuver » n'est pas possible (possible maintenant : « clore », « annuler »)",
		LangDE: "diese Ausschreibung hat den Status „veröffentlicht“: „freigeben“ ist nicht möglich (jetzt möglich: „schließen“, „aufheben“)",
		LangNL: "deze aanbesteding heeft de status „gepubliceerd”: „goedkeuren” is niet mogelijk (nu mogelijk: „sluiten”, „annuleren”)",
	}
	got := te.Messages()
	for l, w := range want {
		if got[l] != w {
			t.Errorf("%s:\n got %q\nwant %q", l, got[l], w)
		}
	}
	if err.Error() != "conflict: "+want[LangEN] {
		t.Errorf("Error() = %q", err.Error())
	}
	_, err = OfferArchived.Next(OfferSubmit)
	if msg := err.(*TransitionError).Messages()[LangDE]; !strings.HasSuffix(msg, "(jetzt möglich: nichts)") {
		t.Errorf("final state: %q", msg)
	}
}

func TestLifecycleHelpers(t *testing.T) {
	if !OfferReject.NeedsReason() || !OfferRequestChanges.NeedsReason() || OfferApprove.NeedsReason() {
		t.Error("offer reasons")
	}
	if !TenderReject.NeedsReason() || TenderCancel.NeedsReason() || !ResponseDecline.NeedsReason() || ResponseAccept.NeedsReason() {
		t.Error("tender/response reasons")
	}
	if !ResponseShortlist.BuyerDecision() || ResponseWithdraw.BuyerDecision() {
		t.Error("buyer decisions")
	}
	if OfferPending.Public() || !OfferPublished.Public() || !TenderAwarded.Public() || TenderCancelled.Public() || TenderDraft.Public() {
		t.Error("public states")
	}
	if ResponseDraft.Sent() || ResponseWithdrawn.Sent() || !ResponseSubmitted.Sent() || !ResponseReconfirmationRequired.Sent() {
		t.Error("sent states")
	}
	if !OfferDraft.Valid() || OfferState("closed").Valid() || !TenderClosed.Valid() || !ResponseDeclined.Valid() ||
		!OfferArchive.Valid() || OfferEvent("close").Valid() || !TenderExpireChanges.Valid() || !ResponseReconfirm.Valid() {
		t.Error("valid states and events")
	}

	requested := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	if TenderChangesExpired(requested, requested.Add(10*24*time.Hour-time.Second)) {
		t.Error("expired a second early")
	}
	if !TenderChangesExpired(requested, requested.Add(10*24*time.Hour)) {
		t.Error("not expired after 10 days")
	}

	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	if err := CheckSubstantialEdit(now.Add(7*24*time.Hour), now); err != nil {
		t.Errorf("7 days left: %v", err)
	}
	err := CheckSubstantialEdit(now.Add(7*24*time.Hour-time.Minute), now)
	var le *LocalizedError
	if !errors.Is(err, ErrConflict) || !errors.As(err, &le) || le.Messages[LangFR] == "" {
		t.Errorf("under 7 days: %v", err)
	}
}

func TestCheckResponseTiming(t *testing.T) {
	deadline := time.Date(2026, 12, 15, 12, 0, 0, 0, time.UTC)
	before, after := deadline.Add(-time.Minute), deadline
	for _, e := range ResponseEvents() {
		supplierSide := !e.BuyerDecision()
		errBefore, errAfter := CheckResponseTiming(e, deadline, before), CheckResponseTiming(e, deadline, after)
		if supplierSide && (errBefore != nil || !errors.Is(errAfter, ErrConflict)) {
			t.Errorf("%s: before %v, after %v", e, errBefore, errAfter)
		}
		if !supplierSide && (errAfter != nil || !errors.Is(errBefore, ErrConflict)) {
			t.Errorf("%s: before %v, after %v", e, errBefore, errAfter)
		}
	}
	var le *LocalizedError
	if err := CheckResponseTiming(ResponseWithdraw, deadline, after); !errors.As(err, &le) ||
		le.Messages[LangDE] != "die Angebotsfrist (2026-12-15 12:00 UTC) ist abgelaufen: die Antwort kann sich nicht mehr ändern" {
		t.Errorf("message: %v", err)
	}
}
