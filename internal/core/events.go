package core

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store"
)

// Events are the use cases of the business convention's events and
// registrations (issue 9): organisers (platform moderators and admins)
// create, publish and cancel events; members of an organisation register
// it, with delegates, paying through Payments when the type has a fee.
type Events struct {
	st   *store.Store
	jobs EventJobs
	pay  Payments // nil or disabled: paid types cannot be registered (503)
	now  Clock
	cfg  EventsConfig
}

// EventJobs enqueues the jobs events cause, in the transaction of the
// change: emails, and the refund of a cancelled paid registration.
type EventJobs interface {
	Mailer
	EnqueueRefund(ctx context.Context, tx *store.Tx, registrationID string) error
	// EnqueuePaymentRefund queues the refund of a payment that confirmed
	// nothing (RefundPayment).
	EnqueuePaymentRefund(ctx context.Context, tx *store.Tx, o PaymentRefundOrder) error
}

// EventsConfig configures the event use cases.
type EventsConfig struct {
	// PublicURL is the web app's address: links in emails, and Stripe
	// Checkout's return addresses.
	PublicURL string
}

// NewEvents builds the event use cases; pay may be nil (no payments).
func NewEvents(st *store.Store, jobs EventJobs, pay Payments, now Clock, cfg EventsConfig) *Events {
	if now == nil {
		now = time.Now
	}
	return &Events{st: st, jobs: jobs, pay: pay, now: now, cfg: cfg}
}

// Now is the time of the use cases' clock.
func (s *Events) Now() time.Time { return s.now() }

// EventView is an event as one caller sees it.
type EventView struct {
	Event event.Event
	// RegistrationOpen: published and before the deadline, now.
	RegistrationOpen bool
	// MyRegistration is the registration of the organisation the caller
	// acts for, if any.
	MyRegistration *RegistrationView
}

// isOrganiser reports whether p organises events: platform moderators
// and admins.
func isOrganiser(p domain.Principal) bool {
	return domain.Can(p, domain.ActModerate, domain.Resource{})
}

func organiser(p domain.Principal) error {
	return domain.Authorize(p, domain.ActModerate, domain.Resource{})
}

// eventVisible reports whether p may see e: published or cancelled
// events are public, drafts are for organisers.
func eventVisible(p domain.Principal, e event.Event) bool {
	return e.State != event.Draft || isOrganiser(p)
}

// prepareEvent checks that p organises events, then normalizes and
// validates e as a request body, and sorts its sessions by start. What
// CreateEvent and UpdateEvent do before their transaction.
func prepareEvent(p domain.Principal, e event.Event) (event.Event, error) {
	if err := organiser(p); err != nil {
		return e, err
	}
	e = normalizeEvent(e)
	if err := event.Validate(e, "body").Err(); err != nil {
		return e, err
	}
	sortSessions(e.Sessions) // after validation: its errors name the sessions as given
	return e, nil
}

// CreateEvent creates a draft event (organisers). Participation types
// left out default to event.DefaultTypes.
func (s *Events) CreateEvent(ctx context.Context, actor Actor, p domain.Principal, e event.Event) (EventView, error) {
	e, err := prepareEvent(p, e)
	if err != nil {
		return EventView{}, err
	}
	now := s.now()
	var out event.Event
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		e.ID = ""
		if out, err = tx.SaveEvent(ctx, e, true, true, actor.UserID, now); err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "event.created", "event", out.ID, "", nil, map[string]any{"name": out.Name})
	})
	if err != nil {
		return EventView{}, err
	}
	return s.view(out, nil), nil
}

// UpdateEvent replaces an event's fields, sessions and types
// (organisers). Sessions cannot change once a meeting is scheduled, nor a
// participation type a registration uses (event.ErrLocked).
func (s *Events) UpdateEvent(ctx context.Context, actor Actor, p domain.Principal, id string, e event.Event) (EventView, error) {
	e, err := prepareEvent(p, e)
	if err != nil {
		return EventView{}, err
	}
	now := s.now()
	var out event.Event
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := tx.LockEvent(ctx, id)
		if err != nil {
			return err
		}
		if before.State == event.Cancelled {
			return msgEventCancelled.Wrap(domain.ErrConflict)
		}
		replace := !sameSessions(before.Sessions, e.Sessions)
		if replace {
			scheduled, err := tx.EventHasMeetings(ctx, id)
			if err != nil {
				return err
			}
			if scheduled {
				return msgSessionsLocked.Wrap(event.ErrLocked)
			}
		} else {
			// The same times: each session keeps its id, matched by start
			// (whatever order they were given in).
			for i := range e.Sessions {
				if j := slices.IndexFunc(before.Sessions, func(b event.Session) bool { return b.Start.Equal(e.Sessions[i].Start) }); j >= 0 {
					e.Sessions[i].ID = before.Sessions[j].ID
				}
			}
		}
		if e.Tables < before.Tables {
			highest, err := tx.EventHighestMeetingTable(ctx, id)
			if err != nil {
				return err
			}
			if e.Tables < highest {
				return msgTablesInUse.Wrap(event.ErrLocked, highest)
			}
		}
		used, err := tx.UsedParticipationTypes(ctx, id)
		if err != nil {
			return err
		}
		for _, old := range before.Types {
			if !used[old.ID] {
				continue
			}
			i := slices.IndexFunc(e.Types, func(t event.ParticipationType) bool { return t.ID == old.ID })
			if i < 0 || e.Types[i].ForKind != old.ForKind || e.Types[i].FeeCents != old.FeeCents || e.Types[i].Currency != old.Currency {
				return msgTypeLocked.Wrap(event.ErrLocked, old.Name("en"))
			}
		}
		e.ID = id
		if out, err = tx.SaveEvent(ctx, e, false, replace, actor.UserID, now); err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "event.updated", "event", id, "", map[string]any{"name": before.Name}, map[string]any{"name": out.Name})
	})
	if err != nil {
		return EventView{}, err
	}
	return s.view(out, nil), nil
}

// sameSessions reports whether two lists of sessions cut the same time
// (names aside): same starts, ends, meeting lengths and breaks, in order.
func sameSessions(a, b []event.Session) bool {
	if len(a) != len(b) {
		return false
	}
	sorted := func(ss []event.Session) []event.Session {
		out := slices.Clone(ss)
		slices.SortStableFunc(out, func(x, y event.Session) int { return x.Start.Compare(y.Start) })
		return out
	}
	a, b = sorted(a), sorted(b)
	for i := range a {
		x, y := a[i], b[i]
		if !x.Start.Equal(y.Start) || !x.End.Equal(y.End) || x.MeetingMinutes != y.MeetingMinutes || len(x.Breaks) != len(y.Breaks) {
			return false
		}
		for j := range x.Breaks {
			if !x.Breaks[j].Start.Equal(y.Breaks[j].Start) || !x.Breaks[j].End.Equal(y.Breaks[j].End) {
				return false
			}
		}
	}
	return true
}

// normalizeEvent trims texts and fills defaults (languages, time zone,
// request expiry, participation types); sortSessions puts the sessions in
// time order once validated.
func normalizeEvent(e event.Event) event.Event {
	e.Name, e.Venue = strings.TrimSpace(e.Name), strings.TrimSpace(e.Venue)
	e.Description, e.Address = strings.TrimSpace(e.Description), strings.TrimSpace(e.Address)
	if e.TimeZone == "" {
		e.TimeZone = "Europe/Paris"
	}
	if len(e.Languages) == 0 {
		e.Languages = []string{"fr", "de", "en", "nl"}
	}
	if e.RequestExpiryDays == 0 {
		e.RequestExpiryDays = 7
	}
	if len(e.Types) == 0 {
		e.Types = event.DefaultTypes()
	}
	for i := range e.Types {
		if e.Types[i].Currency == "" {
			e.Types[i].Currency = "EUR"
		}
		if e.Types[i].ForKind == "" {
			e.Types[i].ForKind = event.ForAny
		}
		if e.Types[i].MaxDelegates == 0 {
			e.Types[i].MaxDelegates = 3
		}
	}
	for i := range e.Sessions {
		e.Sessions[i].Name = strings.TrimSpace(e.Sessions[i].Name)
		if e.Sessions[i].MeetingMinutes == 0 {
			e.Sessions[i].MeetingMinutes = 20
		}
	}
	return e
}

// sortSessions puts sessions in time order.
func sortSessions(ss []event.Session) {
	slices.SortStableFunc(ss, func(x, y event.Session) int { return x.Start.Compare(y.Start) })
}

// PublishEvent opens a draft event to registration (organisers).
func (s *Events) PublishEvent(ctx context.Context, actor Actor, p domain.Principal, id string) (EventView, error) {
	if err := organiser(p); err != nil {
		return EventView{}, err
	}
	now := s.now()
	var out event.Event
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		e, err := tx.LockEvent(ctx, id)
		if err != nil {
			return err
		}
		switch e.State {
		case event.Published:
			out = e
			return nil
		case event.Cancelled:
			return msgEventCancelled.Wrap(domain.ErrConflict)
		}
		if !e.EndsAt().After(now) {
			return msgEventOver.Wrap(domain.ErrConflict)
		}
		if err := tx.SetEventState(ctx, id, event.Published, now); err != nil {
			return err
		}
		if out, err = tx.GetEvent(ctx, id); err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "event.published", "event", id, "", nil, nil)
	})
	if err != nil {
		return EventView{}, err
	}
	return s.view(out, nil), nil
}

// CancelEvent cancels an event (organisers): every live registration is
// cancelled and its registrant emailed; paid ones are refunded (a job
// each), whatever the cut-off.
func (s *Events) CancelEvent(ctx context.Context, actor Actor, p domain.Principal, id string) (EventView, error) {
	if err := organiser(p); err != nil {
		return EventView{}, err
	}
	now := s.now()
	var out event.Event
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		e, err := tx.LockEvent(ctx, id)
		if err != nil {
			return err
		}
		if e.State == event.Cancelled {
			out = e
			return nil
		}
		if err := tx.SetEventState(ctx, id, event.Cancelled, now); err != nil {
			return err
		}
		live, err := tx.LiveRegistrationIDs(ctx, id)
		if err != nil {
			return err
		}
		for _, rid := range live {
			r, err := tx.LockRegistration(ctx, rid)
			if err != nil {
				return err
			}
			refund := event.RefundState("")
			if r.State == event.Confirmed && r.PaidAt != nil && r.FeeCents > 0 {
				refund = event.RefundPending
			}
			if err := tx.CancelRegistration(ctx, rid, refund, now); err != nil {
				return err
			}
			if refund == event.RefundPending {
				if err := s.jobs.EnqueueRefund(ctx, tx, rid); err != nil {
					return err
				}
			}
			r.State, r.RefundState = event.RegCancelled, refund
			if err := s.emailRegistrant(ctx, tx, e, r, "event_cancelled"); err != nil {
				return err
			}
		}
		if out, err = tx.GetEvent(ctx, id); err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "event.cancelled", "event", id, "", nil, map[string]any{"registrations": len(live)})
	})
	if err != nil {
		return EventView{}, err
	}
	return s.view(out, nil), nil
}

// Event returns an event as p sees it, with the registration of the
// organisation p acts for: drafts are 404 except to organisers.
func (s *Events) Event(ctx context.Context, p domain.Principal, id string) (EventView, error) {
	e, err := s.st.GetEvent(ctx, id)
	if err != nil {
		return EventView{}, err
	}
	if !eventVisible(p, e) {
		return EventView{}, domain.ErrNotFound
	}
	var mine *RegistrationView
	if p.ActiveOrganisationID != "" && domain.Can(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: p.ActiveOrganisationID}) {
		r, err := s.st.CurrentRegistration(ctx, e.ID, p.ActiveOrganisationID)
		switch {
		case err == nil:
			v := s.registrationView(e, r)
			mine = &v
		case !errors.Is(err, domain.ErrNotFound):
			return EventView{}, err
		}
	}
	return s.view(e, mine), nil
}

// Events returns a page of events: upcoming first. The public sees
// published (and cancelled) events; organisers every state, or the one
// asked.
func (s *Events) Events(ctx context.Context, p domain.Principal, state event.State, cursor string, limit int) ([]EventView, string, error) {
	states := []event.State{event.Published}
	if isOrganiser(p) {
		states = []event.State{event.Draft, event.Published, event.Cancelled}
	}
	if state != "" {
		if !slices.Contains(states, state) {
			return []EventView{}, "", nil
		}
		states = []event.State{state}
	}
	page, next, err := s.st.ListEvents(ctx, states, s.now(), cursor, eventPageSize(limit))
	if err != nil {
		return nil, "", err
	}
	out := make([]EventView, len(page))
	for i, e := range page {
		out[i] = s.view(e, nil)
	}
	return out, next, nil
}

func eventPageSize(limit int) int32 {
	if limit <= 0 || limit > 100 {
		return 20
	}
	return int32(limit)
}

func (s *Events) view(e event.Event, mine *RegistrationView) EventView {
	return EventView{Event: e, RegistrationOpen: e.RegistrationOpen(s.now()), MyRegistration: mine}
}

var (
	msgEventCancelled = domain.Msg{
		EN: "this event is cancelled", FR: "cet événement est annulé",
		DE: "diese Veranstaltung ist abgesagt", NL: "dit evenement is geannuleerd",
	}
	msgEventOver = domain.Msg{
		EN: "this event is over: it can no longer be published", FR: "cet événement est passé : il ne peut plus être publié",
		DE: "diese Veranstaltung ist vorbei: sie kann nicht mehr veröffentlicht werden", NL: "dit evenement is voorbij: het kan niet meer worden gepubliceerd",
	}
	msgSessionsLocked = domain.Msg{
		EN: "meetings are already scheduled in these sessions: their times can no longer change",
		FR: "des rendez-vous sont déjà planifiés dans ces sessions : leurs horaires ne peuvent plus changer",
		DE: "in diesen Sitzungen sind bereits Treffen geplant: ihre Zeiten können sich nicht mehr ändern",
		NL: "in deze sessies zijn al afspraken gepland: hun tijden kunnen niet meer veranderen",
	}
	msgTablesInUse = domain.Msg{
		EN: "meetings are scheduled up to table %d: the event needs at least that many tables",
		FR: "des rendez-vous sont planifiés jusqu'à la table %d : l'événement doit garder au moins autant de tables",
		DE: "Treffen sind bis Tisch %d geplant: die Veranstaltung braucht mindestens so viele Tische",
		NL: "er zijn afspraken gepland tot tafel %d: het evenement heeft minstens zoveel tafels nodig",
	}
	msgTypeLocked = domain.Msg{
		EN: "the participation type “%s” is used by a registration: it must stay, with its fee and audience",
		FR: "le type de participation « %s » est utilisé par une inscription : il doit rester, avec son tarif et son public",
		DE: "die Teilnahmeart „%s“ wird von einer Anmeldung verwendet: sie muss mit ihrer Gebühr und Zielgruppe bleiben",
		NL: "het deelnametype ‘%s’ wordt door een inschrijving gebruikt: het moet blijven, met zijn tarief en doelgroep",
	}
)
