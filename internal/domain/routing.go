package domain

import (
	"slices"
	"strings"
	"time"
)

// LotRoute records that a tender lot was brought to a supplier
// organisation (DOMAIN.md "Routing requests to suppliers"): in which batch,
// with which score and explanation, and what the supplier answered. A lot
// is routed at most once to an organisation.
type LotRoute struct {
	LotID          string
	TenderID       string
	OrganisationID string
	// OfferID is the published offer that matched best; empty once that
	// offer is deleted.
	OfferID string
	// Batch counts from 1 per lot: the first batch, then each top-up.
	Batch    int
	RoutedAt time.Time
	Score    int
	// Explanation is the JSON array of the score's reasons
	// (routing.Reason), as computed when the supplier was chosen.
	Explanation []byte
	Answer      *RouteAnswer
}

// RouteAnswer is a supplier's answer to a routed lot.
type RouteAnswer struct {
	Interest RouteInterest
	// Reason and Note say why a supplier is not interested (Reason
	// required then, Note optional); both empty when interested.
	Reason     DeclineReason
	Note       string
	AnsweredAt time.Time
}

// RouteInterest is whether a supplier wants to answer a routed lot.
type RouteInterest string

// The answers to a routed lot.
const (
	Interested    RouteInterest = "interested"
	NotInterested RouteInterest = "not_interested"
)

// Valid reports whether i is a known answer.
func (i RouteInterest) Valid() bool { return i == Interested || i == NotInterested }

// DeclineReason is why a supplier is not interested in a routed lot:
// codes, so that buyers and the cluster can count them.
type DeclineReason string

// The decline reasons; migrations/00011_routing.sql lists the same codes.
const (
	DeclineNotOurActivity   DeclineReason = "not_our_activity"
	DeclineOutsideOurArea   DeclineReason = "outside_our_area"
	DeclineNoCapacity       DeclineReason = "no_capacity"
	DeclineDeadlineTooShort DeclineReason = "deadline_too_short"
	DeclineTooSmall         DeclineReason = "too_small"
	DeclineTooLarge         DeclineReason = "too_large"
	DeclineNotEligible      DeclineReason = "not_eligible"
	DeclineOther            DeclineReason = "other"
	MaxDeclineNoteRunes                   = 500
)

// DeclineReasons returns every decline reason, in display order.
func DeclineReasons() []DeclineReason {
	return []DeclineReason{DeclineNotOurActivity, DeclineOutsideOurArea, DeclineNoCapacity, DeclineDeadlineTooShort,
		DeclineTooSmall, DeclineTooLarge, DeclineNotEligible, DeclineOther}
}

// Valid reports whether r is a known reason.
func (r DeclineReason) Valid() bool { return slices.Contains(DeclineReasons(), r) }

var (
	msgRouteInterest = Msg{
		EN: "the answer must be interested or not_interested",
		FR: "la réponse doit être interested ou not_interested",
		DE: "die Antwort muss interested oder not_interested sein",
		NL: "het antwoord moet interested of not_interested zijn",
	}
	msgDeclineReason = Msg{
		EN: "the reason must be one of %s",
		FR: "le motif doit être l'un de %s",
		DE: "der Grund muss einer von %s sein",
		NL: "de reden moet een van %s zijn",
	}
	msgDeclineOnlyWhenNot = Msg{
		EN: "a reason or note is only given when not interested",
		FR: "un motif ou une note ne se donne qu'en cas de refus",
		DE: "ein Grund oder eine Notiz wird nur bei Desinteresse angegeben",
		NL: "een reden of opmerking wordt alleen gegeven bij geen interesse",
	}
	nounDeclineReason = Msg{EN: "the reason", FR: "le motif", DE: "der Grund", NL: "de reden"}
	nounDeclineNote   = Msg{EN: "the note", FR: "la note", DE: "die Notiz", NL: "de opmerking"}
)

// NormalizeRouteAnswer trims the note and checks an answer: a known
// interest; when not interested, a known reason and a note of at most
// MaxDeclineNoteRunes characters; when interested, neither. Field names
// are those of an HTTP body ("body.reason").
func NormalizeRouteAnswer(a RouteAnswer) (RouteAnswer, *ValidationError) {
	ve := &ValidationError{}
	a.Note = strings.TrimSpace(a.Note)
	switch a.Interest {
	case NotInterested:
		switch {
		case a.Reason == "":
			ve.AddLocalized("body.reason", "required", msgRequired.With(nounDeclineReason))
		case !a.Reason.Valid():
			codes := make([]string, 0, len(DeclineReasons()))
			for _, r := range DeclineReasons() {
				codes = append(codes, string(r))
			}
			ve.AddLocalized("body.reason", "invalid", msgDeclineReason.With(strings.Join(codes, ", ")))
		}
		checkRunes(ve, "body.note", a.Note, 0, MaxDeclineNoteRunes, nounDeclineNote)
	case Interested:
		if a.Reason != "" || a.Note != "" {
			ve.AddLocalized("body.reason", "not_allowed", msgDeclineOnlyWhenNot.With())
		}
	default:
		ve.AddLocalized("body.answer", "invalid", msgRouteInterest.With())
	}
	if len(ve.Fields) > 0 {
		return a, ve
	}
	return a, nil
}

// IsInterestMilestone reports whether a tender's buyer is told when n
// supplier organisations have shown interest in it: the 1st, 2nd and 5th,
// then every 5th (DOMAIN.md "Routing requests to suppliers").
func IsInterestMilestone(n int) bool {
	return n == 1 || n == 2 || n >= 5 && n%5 == 0
}
