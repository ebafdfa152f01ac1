package core

import (
	"context"
	"errors"
	"fmt"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store"
)

// DemoEventName is the name of the demonstration convention event.
const DemoEventName = "Rencontres d'affaires de la Grande Région"

// demoConvention is the seeded convention event and its registrations by
// the registered organisation's demo user, for the steps that follow
// (meeting requests, meetings).
type demoConvention struct {
	event         event.Event
	registrations map[string]event.Registration
}

// demoRegistrants are the organisations registered at the demonstration
// event (by their owner's demo user), with the afternoon-only flag of
// their first delegate. The headline demo logins (esat.saulnois,
// ea.lorraine, wfbm.saar, achats.valdemoselle, vergabe.saarhausen,
// achats.plateau) are left unregistered: the end-to-end tests and a
// visitor register them themselves.
var demoRegistrants = []struct {
	user          string
	afternoonOnly bool
}{
	{"aci.moselle", false}, {"inklusion.pfalz", true}, {"eta.ardennes", false}, {"maatwerk.brug", false},
	{"atelier.suremoselle", false}, {"esat.previert", true}, {"wfbm.trier", false},
	{"achats.bettsud", false}, {"rse.logiwal", true}, {"achats.valdorne", false}, {"einkauf.moselwerk", false},
}

// seedConvention creates and publishes the demonstration event, a month
// after the seed, in Metz: a morning and an afternoon of 20-minute
// meetings at 30 tables, each with a coffee break; SSE suppliers and
// buyers register free, conventional companies pay 90 EUR. Eleven
// organisations are registered (free types, confirmed) with one or two
// delegates each, their event profile prefilled from their offers and
// tenders, as the registration page proposes.
func seedConvention(ctx context.Context, w *demoWorld) error {
	events := NewEvents(w.st, demoEventJobs{}, nil, time.Now, EventsConfig{})
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return err
	}
	d := time.Now().In(paris).AddDate(0, 1, 0)
	at := func(h, m int) time.Time { return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, paris).UTC() }
	in := event.Event{Name: DemoEventName, Lang: "fr", Venue: "Centre de congrès Robert Schuman, Metz",
		Address: "100 rue aux Arènes, 57000 Metz, France", TimeZone: "Europe/Paris", Tables: 30,
		Languages: []string{"fr", "de", "en", "nl"},
		Description: "Une journée de rendez-vous d'affaires de 20 minutes entre structures de l'économie sociale et solidaire " +
			"et acheteurs publics et privés de la Grande Région (Lorraine, Sarre, Rhénanie-Palatinat, Luxembourg, Wallonie). " +
			"Demandez vos rendez-vous à l'avance : l'agenda de chaque délégué est construit automatiquement.",
		RegistrationDeadline: at(12, 0).AddDate(0, 0, -5), CancellationCutoff: at(12, 0).AddDate(0, 0, -10), RequestExpiryDays: 7,
		Sessions: []event.Session{
			{Name: "Matin", Start: at(9, 0), End: at(12, 30), MeetingMinutes: 20, Breaks: []event.Break{{Start: at(10, 40), End: at(11, 0)}}},
			{Name: "Après-midi", Start: at(14, 0), End: at(17, 40), MeetingMinutes: 20, Breaks: []event.Break{{Start: at(15, 40), End: at(16, 0)}}},
		},
		Types: append(event.DefaultTypes(), event.ParticipationType{
			Names: map[string]string{"fr": "Entreprise conventionnelle", "de": "Konventionelles Unternehmen", "en": "Conventional company",
				"nl": "Regulier bedrijf"}, ForKind: event.ForAny, FeeCents: 9000, Currency: "EUR", MaxDelegates: 2}),
	}
	v, err := events.CreateEvent(ctx, w.modActor, w.moderator, in)
	if err != nil {
		return fmt.Errorf("demo event: %w", err)
	}
	if v, err = events.PublishEvent(ctx, w.modActor, w.moderator, v.Event.ID); err != nil {
		return fmt.Errorf("demo event: %w", err)
	}
	e := v.Event
	w.convention = &demoConvention{event: e, registrations: map[string]event.Registration{}}
	afternoon := e.Sessions[1]
	for _, r := range demoRegistrants {
		o, ok := w.orgs[r.user]
		if !ok {
			return fmt.Errorf("demo registration: no organisation %s", r.user)
		}
		actor, p := o.owner()
		proposed, err := events.Prefill(ctx, p, e.ID)
		if err != nil {
			return fmt.Errorf("demo registration of %s: %w", r.user, err)
		}
		first := proposed[0]
		first.JobTitle = demoJobTitle(o.demo.kind, o.demo.lang)
		if r.afternoonOnly {
			first.Availability = []event.Window{{Start: afternoon.Start, End: afternoon.End}}
		}
		delegates := []event.Delegate{first}
		if o.memberID != "" {
			if u, err := w.st.GetUser(ctx, o.memberID); err == nil {
				second := first
				second.Name, second.Email, second.UserID, second.Lang = u.DisplayName, u.Email, u.ID, string(u.Language)
				second.Availability = []event.Window{}
				delegates = append(delegates, second)
			}
		}
		forKind := event.ForSSESupplier
		if o.org.Kind != domain.OrgSSESupplier {
			forKind = event.ForBuyer
		}
		typeID := ""
		for _, t := range e.Types {
			if t.ForKind == forKind {
				typeID = t.ID
			}
		}
		reg, _, err := events.Register(ctx, actor, p, e.ID, typeID, delegates)
		if err != nil {
			return fmt.Errorf("demo registration of %s: %w", r.user, err)
		}
		w.convention.registrations[r.user] = reg.Registration
	}
	w.count("convention events", 1)
	w.count("convention registrations", len(demoRegistrants))
	return nil
}

// demoJobTitle is a plausible job title for a delegate of an organisation
// of kind, in lang.
func demoJobTitle(kind domain.OrganisationKind, lang domain.Language) string {
	titles := map[bool]domain.Msg{
		true: {EN: "Sales manager", FR: "Responsable commerciale", DE: "Vertriebsleitung", NL: "Commercieel verantwoordelijke"},
		false: {EN: "Purchasing manager", FR: "Responsable des achats", DE: "Leitung Einkauf",
			NL: "Verantwoordelijke inkoop"},
	}
	return titles[kind == domain.OrgSSESupplier].With()[lang]
}

// DemoEvent returns the demonstration convention event (for tools and
// tests that build on the seed), or domain.ErrNotFound.
func DemoEvent(ctx context.Context, st *store.Store) (event.Event, error) {
	cursor := ""
	for {
		page, next, err := st.ListEvents(ctx, []event.State{event.Published}, time.Now(), cursor, 100)
		if err != nil {
			return event.Event{}, err
		}
		for _, e := range page {
			if e.Name == DemoEventName {
				return e, nil
			}
		}
		if next == "" {
			return event.Event{}, domain.ErrNotFound
		}
		cursor = next
	}
}

// demoEventJobs sends nothing: nobody reads the demonstration inboxes, and
// demonstration registrations are free (no refund to queue).
type demoEventJobs struct{}

// EnqueueEmail does nothing.
func (demoEventJobs) EnqueueEmail(context.Context, *store.Tx, Email) error { return nil }

// EnqueueRefund refuses: the demonstration has no payments.
func (demoEventJobs) EnqueueRefund(context.Context, *store.Tx, string) error {
	return errors.New("seed: no refunds in the demonstration")
}

// EnqueuePaymentRefund refuses: the demonstration has no payments.
func (demoEventJobs) EnqueuePaymentRefund(context.Context, *store.Tx, PaymentRefundOrder) error {
	return errors.New("seed: no refunds in the demonstration")
}
