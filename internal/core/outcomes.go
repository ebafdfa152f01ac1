package core

import (
	"context"
	"regexp"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store"
)

// MeetingOutcomeInput is what one side says happened at a meeting.
type MeetingOutcomeInput struct {
	Outcome     domain.MeetingOutcomeKind
	AmountCents *int64
	Currency    string
	Note        string
}

// Limits of an outcome.
const (
	MaxOutcomeNote   = 2000
	MaxOutcomeAmount = 100_000_000_000
)

var (
	msgBadOutcome = domain.Msg{
		EN: "must be one of: held, no_show, follow_up, deal", FR: "doit être l'une de ces valeurs : held, no_show, follow_up, deal",
		DE: "muss einer dieser Werte sein: held, no_show, follow_up, deal", NL: "moet een van deze waarden zijn: held, no_show, follow_up, deal",
	}
	msgAmountForDeal = domain.Msg{
		EN: "is required for a deal, and only for one", FR: "est obligatoire pour un contrat conclu, et seulement dans ce cas",
		DE: "ist für einen Abschluss erforderlich, und nur dafür", NL: "is verplicht bij een deal, en alleen dan",
	}
	msgAmountRange = domain.Msg{
		EN: "must be between 0 and %d", FR: "doit être compris entre 0 et %d", DE: "muss zwischen 0 und %d liegen", NL: "moet tussen 0 en %d liggen",
	}
	msgBadCurrency = domain.Msg{
		EN: "must be an ISO 4217 code such as EUR", FR: "doit être un code ISO 4217 comme EUR",
		DE: "muss ein ISO-4217-Code wie EUR sein", NL: "moet een ISO 4217-code zijn, zoals EUR",
	}
	msgMeetingNotInAgenda = domain.Msg{
		EN: "this meeting was not announced in an agenda: there is no outcome to record",
		FR: "ce rendez-vous n'a été annoncé dans aucun programme : il n'y a pas de suite à indiquer",
		DE: "dieser Termin wurde in keinem Terminplan angekündigt: es gibt kein Ergebnis zu erfassen",
		NL: "deze afspraak is in geen enkele agenda aangekondigd: er is geen resultaat te registreren",
	}
	msgMeetingNotStarted = domain.Msg{
		EN: "this meeting has not started yet: record its outcome afterwards",
		FR: "ce rendez-vous n'a pas encore commencé : indiquez-en la suite après",
		DE: "dieser Termin hat noch nicht begonnen: erfassen Sie das Ergebnis danach",
		NL: "deze afspraak is nog niet begonnen: registreer het resultaat achteraf",
	}
)

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// sentInAgenda reports whether a meeting was announced in the agendas
// sent: none before any agenda; once the agenda is final, only the
// confirmed meetings (those the final agenda listed).
func sentInAgenda(ev store.ConventionEvent, m domain.Meeting) bool {
	switch event.AgendaState(ev.AgendaState) {
	case event.AgendaNone:
		return false
	case event.AgendaFinal:
		return m.Confirmed
	}
	return true
}

// RecordMeetingOutcome records (or replaces) what the caller's
// organisation, a side of the meeting, says happened there: once the
// meeting has started (409 before).
func (s *Meetings) RecordMeetingOutcome(ctx context.Context, actor Actor, p domain.Principal, eventID, meetingID string,
	in MeetingOutcomeInput) (domain.MeetingOutcome, error) {
	a, err := s.participant(ctx, p, eventID)
	if err != nil {
		return domain.MeetingOutcome{}, err
	}
	in.Note = strings.TrimSpace(in.Note)
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	if in.Currency == "" {
		in.Currency = "EUR"
	}
	ve := &domain.ValidationError{}
	switch in.Outcome {
	case domain.OutcomeHeld, domain.OutcomeNoShow, domain.OutcomeFollowUp, domain.OutcomeDeal:
	default:
		ve.AddLocalized("body.outcome", "invalid", msgBadOutcome.With())
	}
	if (in.Outcome == domain.OutcomeDeal) != (in.AmountCents != nil) {
		ve.AddLocalized("body.amount_cents", "deal_amount", msgAmountForDeal.With())
	} else if in.AmountCents != nil && (*in.AmountCents < 0 || *in.AmountCents > MaxOutcomeAmount) {
		ve.AddLocalized("body.amount_cents", "out_of_range", msgAmountRange.With(int64(MaxOutcomeAmount)))
	}
	if !currencyCode.MatchString(in.Currency) {
		ve.AddLocalized("body.currency", "invalid", msgBadCurrency.With())
	}
	fieldTooLong(ve, "body.note", in.Note, MaxOutcomeNote)
	if err := ve.Err(); err != nil {
		return domain.MeetingOutcome{}, err
	}
	views, _, err := s.st.MeetingViews(ctx, store.MeetingQuery{EventID: a.event.ID, MeetingID: meetingID}, "", 0)
	if err != nil {
		return domain.MeetingOutcome{}, err
	}
	if len(views) != 1 || views[0].A.OrganisationID != a.orgID && views[0].B.OrganisationID != a.orgID {
		return domain.MeetingOutcome{}, domain.ErrNotFound
	}
	if !sentInAgenda(a.event, views[0].Meeting) {
		return domain.MeetingOutcome{}, msgMeetingNotInAgenda.Wrap(domain.ErrConflict)
	}
	now := s.now()
	if now.Before(views[0].Meeting.Start) {
		return domain.MeetingOutcome{}, msgMeetingNotStarted.Wrap(domain.ErrConflict)
	}
	var out domain.MeetingOutcome
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.PutMeetingOutcome(ctx, domain.MeetingOutcome{MeetingID: views[0].Meeting.ID, OrganisationID: a.orgID, Outcome: in.Outcome,
			AmountCents: in.AmountCents, Currency: in.Currency, Note: in.Note, RecordedAt: now}, actor.UserID)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "event_meeting.outcome_recorded", "event_meeting", out.MeetingID, a.orgID, nil,
			map[string]any{"outcome": string(out.Outcome), "amount_cents": out.AmountCents})
	})
	return out, err
}

// AskOutcomes emails, once per event whose last session has ended, every
// delegate with meetings there asking what came of them (in their
// language, linking to their agenda), and returns how many emails were
// queued. The marker is written with the emails: a repeated run sends
// nothing twice.
func (s *Meetings) AskOutcomes(ctx context.Context) (int, error) {
	var ids []string
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		ids, err = tx.EventsToAskOutcomes(ctx, s.now())
		return err
	})
	if err != nil {
		return 0, err
	}
	total := 0
	for _, id := range ids {
		err := s.st.WithTx(ctx, func(tx *store.Tx) error {
			ev, err := tx.LockConventionEvent(ctx, id)
			if err != nil {
				return err
			}
			first, err := tx.MarkOutcomesAsked(ctx, ev.ID, s.now())
			if err != nil || !first {
				return err
			}
			delegates, _, err := tx.ConventionDelegates(ctx, ev.ID, store.DelegateFilter{}, "", 0)
			if err != nil {
				return err
			}
			views, _, err := tx.MeetingViews(ctx, store.MeetingQuery{EventID: ev.ID}, "", 0)
			if err != nil {
				return err
			}
			count := map[string]int{}
			for _, v := range views {
				if !sentInAgenda(ev, v.Meeting) {
					continue
				}
				count[v.A.DelegateID]++
				count[v.B.DelegateID]++
			}
			for _, d := range delegates {
				if count[d.ID] == 0 {
					continue
				}
				if err := s.mailer.EnqueueEmail(ctx, tx, Email{To: d.Email, Name: d.Name, Kind: "outcome_request", Lang: d.Lang,
					Data: map[string]any{"Name": d.Name, "EventName": ev.Name, "Meetings": count[d.ID],
						"Link": s.link("/workspace/convention/" + ev.ID + "/agenda")}}); err != nil {
					return err
				}
				total++
			}
			return nil
		})
		if err != nil {
			return total, err
		}
	}
	return total, nil
}
