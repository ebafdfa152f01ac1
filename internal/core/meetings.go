package core

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store"
)

// Meetings runs the business convention's meetings (issue 9): the
// participants' directory and suggestions, meeting requests and their
// answers, exclusions, the organisers' schedule, agendas and outcomes.
//
// Participants are the members of an organisation with a confirmed
// registration at the event, acting for their active organisation;
// organisers are platform moderators and admins.
type Meetings struct {
	st     *store.Store
	mailer Mailer
	notes  *Notifications
	now    Clock
	cfg    MeetingsConfig
}

// MeetingsConfig holds the settings of the meetings.
type MeetingsConfig struct {
	// PublicURL prefixes the links of emails.
	PublicURL string
}

// NewMeetings builds the meetings' use cases; notes may be nil (no
// notifications).
func NewMeetings(st *store.Store, mailer Mailer, notes *Notifications, now Clock, cfg MeetingsConfig) *Meetings {
	if now == nil {
		now = time.Now
	}
	return &Meetings{st: st, mailer: mailer, notes: notes, now: now, cfg: cfg}
}

// conventionAccess is who calls, at which event: an organiser, or a
// member acting for orgID (registered and confirmed). An organiser who is
// also a registered member acts for orgID too.
type conventionAccess struct {
	event     store.ConventionEvent
	sessions  []store.ConventionSession
	orgID     string
	organiser bool
}

var (
	msgNotRegistered = domain.Msg{
		EN: "your organisation has no confirmed registration at this event",
		FR: "votre organisation n'a pas d'inscription confirmée à cet événement",
		DE: "Ihre Organisation hat keine bestätigte Anmeldung zu dieser Veranstaltung",
		NL: "uw organisatie heeft geen bevestigde inschrijving voor dit evenement",
	}
	msgOrganisersOnly = domain.Msg{
		EN: "only the event's organisers may do this", FR: "seuls les organisateurs de l'événement peuvent faire cela",
		DE: "nur die Veranstalter können dies tun", NL: "alleen de organisatoren van het evenement kunnen dit doen",
	}
)

// access checks that p may take part in (or organise) eventID. A draft
// or unknown event is domain.ErrNotFound to all but organisers; a member
// of an organisation without a confirmed registration is refused.
func (s *Meetings) access(ctx context.Context, p domain.Principal, eventID string) (conventionAccess, error) {
	if p.Anonymous() {
		return conventionAccess{}, domain.ErrUnauthenticated
	}
	ev, err := s.st.ConventionEvent(ctx, eventID)
	if err != nil {
		return conventionAccess{}, err
	}
	a := conventionAccess{event: ev, organiser: domain.Can(p, domain.ActModerate, domain.Resource{})}
	if ev.State == "draft" && !a.organiser {
		return conventionAccess{}, domain.ErrNotFound
	}
	if org := p.ActiveOrganisationID; org != "" && domain.Can(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: org}) {
		ok, err := s.st.HasConfirmedRegistration(ctx, ev.ID, org)
		if err != nil {
			return conventionAccess{}, err
		}
		if ok {
			a.orgID = org
		}
	}
	if a.orgID == "" && !a.organiser {
		return conventionAccess{}, msgNotRegistered.Wrap(domain.ErrForbidden)
	}
	if a.sessions, err = s.st.ConventionSessions(ctx, ev.ID); err != nil {
		return conventionAccess{}, err
	}
	return a, nil
}

// organiserAccess is access for organisers only.
func (s *Meetings) organiserAccess(ctx context.Context, p domain.Principal, eventID string) (conventionAccess, error) {
	if err := domain.Authorize(p, domain.ActModerate, domain.Resource{}); err != nil {
		return conventionAccess{}, msgOrganisersOnly.Wrap(err)
	}
	return s.access(ctx, p, eventID)
}

// participant is access for members of a registered organisation (an
// organiser who is not one is refused: they do not act for anybody).
func (s *Meetings) participant(ctx context.Context, p domain.Principal, eventID string) (conventionAccess, error) {
	a, err := s.access(ctx, p, eventID)
	if err != nil {
		return a, err
	}
	if a.orgID == "" {
		return conventionAccess{}, msgNotRegistered.Wrap(domain.ErrForbidden)
	}
	return a, nil
}

// start is when the event's first session starts (zero without sessions).
func (a conventionAccess) start() time.Time {
	if len(a.sessions) == 0 {
		return time.Time{}
	}
	first := a.sessions[0].Start
	for _, s := range a.sessions {
		if s.Start.Before(first) {
			first = s.Start
		}
	}
	return first
}

// slots are the event's meeting slots, in time order.
func (a conventionAccess) slots() []event.Slot {
	return eventSlots(a.sessions)
}

func eventSlots(sessions []store.ConventionSession) []event.Slot {
	in := make([]event.Session, len(sessions))
	for i, s := range sessions {
		in[i] = event.Session{ID: s.ID, Start: s.Start, End: s.End, MeetingMinutes: s.MeetingMinutes}
		for _, b := range s.Breaks {
			in[i].Breaks = append(in[i].Breaks, event.Break{Start: b.Start, End: b.End})
		}
	}
	return event.Slots(in)
}

// link is the absolute URL of a path of the web app.
func (s *Meetings) link(path string) string {
	return strings.TrimRight(s.cfg.PublicURL, "/") + path
}

// fieldTooLong adds to ve that field is longer than max characters.
func fieldTooLong(ve *domain.ValidationError, field, value string, max int) {
	if utf8.RuneCountInString(value) > max {
		ve.AddLocalized(field, "too_long", msgMeetingTooLong.With(max))
	}
}

var msgMeetingTooLong = domain.Msg{
	EN: "must be at most %d characters", FR: "doit compter au plus %d caractères",
	DE: "darf höchstens %d Zeichen lang sein", NL: "mag maximaal %d tekens lang zijn",
}

// meetingsPageSize bounds a page of the convention's lists.
func meetingsPageSize(limit int) int32 {
	switch {
	case limit <= 0:
		return 50
	case limit > 200:
		return 200
	}
	return int32(limit)
}
