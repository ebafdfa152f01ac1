package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/event"
)

// EventSummaryBody is an event in a list.
type EventSummaryBody struct {
	ID                      string    `json:"id" format:"uuid"`
	State                   string    `json:"state" enum:"draft,published,cancelled"`
	Name                    string    `json:"name" example:"Rencontres d'affaires de la Grande Région"`
	Lang                    string    `json:"lang" enum:"fr,de,en,nl" doc:"Language of the name and description"`
	Venue                   string    `json:"venue" example:"Centre des congrès Robert Schuman, Metz"`
	TimeZone                string    `json:"time_zone" example:"Europe/Paris" doc:"IANA time zone the event's times are shown in (its venue's)"`
	StartsAt                time.Time `json:"starts_at" doc:"Start of the first session"`
	EndsAt                  time.Time `json:"ends_at" doc:"End of the last session"`
	RegistrationDeadline    time.Time `json:"registration_deadline"`
	RegistrationOpen        bool      `json:"registration_open" doc:"Published and before the registration deadline"`
	RegisteredOrganisations int       `json:"registered_organisations" doc:"Confirmed registrations"`
}

// EventBreakBody is a break in a session.
type EventBreakBody struct {
	StartsAt time.Time `json:"starts_at" example:"2027-01-14T15:00:00Z"`
	EndsAt   time.Time `json:"ends_at" example:"2027-01-14T15:20:00Z"`
}

// EventSlotBody is a meeting slot of a session.
type EventSlotBody struct {
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
}

// EventSessionBody is a session with its breaks and the slots they leave.
type EventSessionBody struct {
	ID             string           `json:"id" format:"uuid"`
	Name           string           `json:"name" example:"Après-midi"`
	StartsAt       time.Time        `json:"starts_at"`
	EndsAt         time.Time        `json:"ends_at"`
	MeetingMinutes int              `json:"meeting_minutes" example:"20"`
	Breaks         []EventBreakBody `json:"breaks"`
	Slots          []EventSlotBody  `json:"slots" doc:"The meeting slots: from the start, one after the other, skipping breaks"`
}

// LocalizedNamesBody is a name in the four languages.
type LocalizedNamesBody struct {
	FR string `json:"fr" maxLength:"100" example:"Entreprise conventionnelle"`
	DE string `json:"de" maxLength:"100" example:"Konventionelles Unternehmen"`
	EN string `json:"en" maxLength:"100" example:"Conventional company"`
	NL string `json:"nl" maxLength:"100" example:"Regulier bedrijf"`
}

func (n LocalizedNamesBody) toMap() map[string]string {
	return map[string]string{"fr": n.FR, "de": n.DE, "en": n.EN, "nl": n.NL}
}

func namesBody(m map[string]string) LocalizedNamesBody {
	return LocalizedNamesBody{FR: m["fr"], DE: m["de"], EN: m["en"], NL: m["nl"]}
}

// ParticipationTypeBody is what an organisation registers as, and its fee.
type ParticipationTypeBody struct {
	ID           string             `json:"id" format:"uuid"`
	Name         string             `json:"name" doc:"In the caller's language"`
	Names        LocalizedNamesBody `json:"names"`
	ForKind      string             `json:"for_kind" enum:"any,sse_supplier,buyer"`
	FeeCents     int64              `json:"fee_cents" example:"9000"`
	Currency     string             `json:"currency" example:"EUR"`
	MaxDelegates int                `json:"max_delegates" example:"3"`
}

// EventBody is an event with its sessions, types, and the registration
// of the caller's organisation.
type EventBody struct {
	ID                      string                  `json:"id" format:"uuid"`
	State                   string                  `json:"state" enum:"draft,published,cancelled"`
	Name                    string                  `json:"name"`
	Lang                    string                  `json:"lang" enum:"fr,de,en,nl"`
	Venue                   string                  `json:"venue"`
	StartsAt                time.Time               `json:"starts_at"`
	EndsAt                  time.Time               `json:"ends_at"`
	RegistrationDeadline    time.Time               `json:"registration_deadline"`
	RegistrationOpen        bool                    `json:"registration_open"`
	RegisteredOrganisations int                     `json:"registered_organisations"`
	Description             string                  `json:"description"`
	Address                 string                  `json:"address"`
	TimeZone                string                  `json:"time_zone" example:"Europe/Paris"`
	Tables                  int                     `json:"tables" example:"30"`
	Languages               []string                `json:"languages" example:"[\"fr\",\"de\"]"`
	CancellationCutoff      time.Time               `json:"cancellation_cutoff" doc:"A paid registration cancelled before this instant is refunded"`
	RequestExpiryDays       int                     `json:"request_expiry_days" example:"7"`
	AgendaState             string                  `json:"agenda_state" enum:"none,preliminary,final"`
	AgendaVersion           int                     `json:"agenda_version"`
	Sessions                []EventSessionBody      `json:"sessions"`
	ParticipationTypes      []ParticipationTypeBody `json:"participation_types"`
	MyRegistration          *RegistrationBody       `json:"my_registration,omitempty" doc:"The registration of the organisation the caller acts for (absent when none): the live one, else the latest cancelled one"`
}

func eventSummaryBody(v core.EventView) EventSummaryBody {
	e := v.Event
	return EventSummaryBody{ID: e.ID, State: string(e.State), Name: e.Name, Lang: e.Lang, Venue: e.Venue, TimeZone: e.TimeZone, StartsAt: e.StartsAt(),
		EndsAt: e.EndsAt(), RegistrationDeadline: e.RegistrationDeadline, RegistrationOpen: v.RegistrationOpen,
		RegisteredOrganisations: e.RegisteredOrganisations}
}

func eventBody(v core.EventView, lang domain.Language) EventBody {
	e := v.Event
	b := EventBody{ID: e.ID, State: string(e.State), Name: e.Name, Lang: e.Lang, Venue: e.Venue, StartsAt: e.StartsAt(),
		EndsAt: e.EndsAt(), RegistrationDeadline: e.RegistrationDeadline, RegistrationOpen: v.RegistrationOpen,
		RegisteredOrganisations: e.RegisteredOrganisations, Description: e.Description, Address: e.Address, TimeZone: e.TimeZone,
		Tables: e.Tables, Languages: e.Languages, CancellationCutoff: e.CancellationCutoff, RequestExpiryDays: e.RequestExpiryDays,
		AgendaState: string(e.AgendaState), AgendaVersion: e.AgendaVersion,
		Sessions: make([]EventSessionBody, len(e.Sessions)), ParticipationTypes: make([]ParticipationTypeBody, len(e.Types))}
	for i, s := range e.Sessions {
		sb := EventSessionBody{ID: s.ID, Name: s.Name, StartsAt: s.Start, EndsAt: s.End, MeetingMinutes: s.MeetingMinutes,
			Breaks: make([]EventBreakBody, len(s.Breaks)), Slots: []EventSlotBody{}}
		for j, br := range s.Breaks {
			sb.Breaks[j] = EventBreakBody{StartsAt: br.Start, EndsAt: br.End}
		}
		for _, sl := range event.Slots([]event.Session{s}) {
			sb.Slots = append(sb.Slots, EventSlotBody{StartsAt: sl.Start, EndsAt: sl.End})
		}
		b.Sessions[i] = sb
	}
	for i, t := range e.Types {
		b.ParticipationTypes[i] = participationTypeBody(t, lang)
	}
	if v.MyRegistration != nil {
		r := registrationBody(*v.MyRegistration, lang)
		b.MyRegistration = &r
	}
	return b
}

func participationTypeBody(t event.ParticipationType, lang domain.Language) ParticipationTypeBody {
	return ParticipationTypeBody{ID: t.ID, Name: t.Name(string(lang)), Names: namesBody(t.Names), ForKind: string(t.ForKind),
		FeeCents: t.FeeCents, Currency: t.Currency, MaxDelegates: t.MaxDelegates}
}

// EventOutput returns one event.
type EventOutput struct {
	Body EventBody
}

// EventListOutput is a page of events.
type EventListOutput struct {
	Body struct {
		Items      []EventSummaryBody `json:"items"`
		NextCursor string             `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// EventSessionInput is a session as organisers give it.
type EventSessionInput struct {
	Name           string           `json:"name,omitempty" maxLength:"200" example:"Après-midi"`
	StartsAt       time.Time        `json:"starts_at" example:"2027-01-14T13:00:00Z"`
	EndsAt         time.Time        `json:"ends_at" example:"2027-01-14T16:40:00Z"`
	MeetingMinutes int              `json:"meeting_minutes,omitempty" minimum:"5" maximum:"120" default:"20" example:"20" doc:"Length of a meeting (default 20)"`
	Breaks         []EventBreakBody `json:"breaks,omitempty" maxItems:"10"`
}

// ParticipationTypeInput is a participation type as organisers give it.
type ParticipationTypeInput struct {
	ID           string             `json:"id,omitempty" maxLength:"36" example:"0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b" doc:"An existing type's id, to keep it (PUT); a type a registration uses must be kept"`
	Names        LocalizedNamesBody `json:"names"`
	ForKind      string             `json:"for_kind,omitempty" enum:"any,sse_supplier,buyer" default:"any" example:"any"`
	FeeCents     int64              `json:"fee_cents" minimum:"0" maximum:"10000000" example:"9000"`
	Currency     string             `json:"currency,omitempty" maxLength:"3" default:"EUR" example:"EUR"`
	MaxDelegates int                `json:"max_delegates,omitempty" minimum:"1" maximum:"20" default:"3" example:"2"`
}

// EventFieldsBody is an event as organisers write it.
type EventFieldsBody struct {
	Name                 string                   `json:"name" maxLength:"200" example:"Rencontres d'affaires de la Grande Région"`
	Lang                 string                   `json:"lang" enum:"fr,de,en,nl" example:"fr"`
	Description          string                   `json:"description,omitempty" maxLength:"10000" example:"Une journée de rendez-vous d'affaires de 20 minutes."`
	Venue                string                   `json:"venue" maxLength:"300" example:"Centre des congrès Robert Schuman, Metz"`
	Address              string                   `json:"address,omitempty" maxLength:"500" example:"100 rue aux Arènes, 57000 Metz"`
	TimeZone             string                   `json:"time_zone,omitempty" maxLength:"64" default:"Europe/Paris" example:"Europe/Paris"`
	Tables               int                      `json:"tables" minimum:"1" maximum:"2000" example:"30"`
	Languages            []string                 `json:"languages,omitempty" maxItems:"4" example:"[\"fr\",\"de\"]" doc:"Languages meetings can be held in (default all four)"`
	RegistrationDeadline time.Time                `json:"registration_deadline" example:"2027-01-09T11:00:00Z" doc:"No later than the first session's start"`
	CancellationCutoff   time.Time                `json:"cancellation_cutoff" example:"2027-01-04T11:00:00Z" doc:"No later than the first session's start"`
	RequestExpiryDays    int                      `json:"request_expiry_days,omitempty" minimum:"1" maximum:"60" default:"7" example:"7"`
	Sessions             []EventSessionInput      `json:"sessions" minItems:"1" maxItems:"10"`
	ParticipationTypes   []ParticipationTypeInput `json:"participation_types,omitempty" maxItems:"10" doc:"Default: SSE supplier (free) and buyer (free)"`
}

func (b EventFieldsBody) toEvent() event.Event {
	e := event.Event{Name: b.Name, Lang: b.Lang, Description: b.Description, Venue: b.Venue, Address: b.Address,
		TimeZone: b.TimeZone, Tables: b.Tables, Languages: b.Languages, RegistrationDeadline: b.RegistrationDeadline,
		CancellationCutoff: b.CancellationCutoff, RequestExpiryDays: b.RequestExpiryDays}
	for _, s := range b.Sessions {
		ss := event.Session{Name: s.Name, Start: s.StartsAt, End: s.EndsAt, MeetingMinutes: s.MeetingMinutes, Breaks: []event.Break{}}
		for _, br := range s.Breaks {
			ss.Breaks = append(ss.Breaks, event.Break{Start: br.StartsAt, End: br.EndsAt})
		}
		e.Sessions = append(e.Sessions, ss)
	}
	for _, t := range b.ParticipationTypes {
		e.Types = append(e.Types, event.ParticipationType{ID: t.ID, Names: t.Names.toMap(), ForKind: event.ForKind(t.ForKind),
			FeeCents: t.FeeCents, Currency: t.Currency, MaxDelegates: t.MaxDelegates})
	}
	return e
}

// CreateEventInput creates an event.
type CreateEventInput struct {
	LanguageHeader
	Body EventFieldsBody
}

// UpdateEventInput replaces an event.
type UpdateEventInput struct {
	LanguageHeader
	EventID string `path:"eventID" format:"uuid"`
	Body    EventFieldsBody
}

// EventInput names an event.
type EventInput struct {
	LanguageHeader
	EventID string `path:"eventID" format:"uuid"`
}

// EventsInput pages through events.
type EventsInput struct {
	State  string `query:"state" enum:"draft,published,cancelled" doc:"Organisers: the events in this state (default all); others see published events only"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)"`
}

func registerEvents(r *routes, s *core.Events) {
	tag := []string{"Events"}
	organiserRule := Rule{Action: domain.ActModerate}

	handle(r, Public, huma.Operation{OperationID: "list-events", Method: http.MethodGet, Path: "/api/v1/events", Tags: tag,
		Summary: "List the business convention's events",
		Description: "Published events, those not yet over first (soonest first), then past ones (latest first). Organisers " +
			"(platform moderators and admins) also see drafts and cancelled events, and may filter by state."},
		func(ctx context.Context, in *EventsInput) (*EventListOutput, error) {
			page, next, err := s.Events(ctx, authFrom(ctx).principal, event.State(in.State), in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &EventListOutput{}
			out.Body.Items = mapItems(page, eventSummaryBody)
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, Public, huma.Operation{OperationID: "get-event", Method: http.MethodGet, Path: "/api/v1/events/{eventID}", Tags: tag,
		Summary: "Read an event",
		Description: "Public once published (a draft is 404 except to organisers), with its sessions, their meeting slots and its " +
			"participation types; a signed-in member also gets their active organisation's registration."},
		func(ctx context.Context, in *EventInput) (*EventOutput, error) {
			v, err := s.Event(ctx, authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &EventOutput{Body: eventBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, organiserRule, huma.Operation{OperationID: "create-event", Method: http.MethodPost, Path: "/api/v1/events", Tags: tag,
		Summary: "Create an event", DefaultStatus: http.StatusCreated,
		Description: "Organisers: a draft event. Sessions must not overlap, each with at least one meeting slot and its breaks inside " +
			"it; the registration deadline and cancellation cut-off are no later than the first session's start. Without " +
			"participation types, SSE suppliers and buyers register free."},
		func(ctx context.Context, in *CreateEventInput) (*EventOutput, error) {
			v, err := s.CreateEvent(ctx, actorFrom(ctx), authFrom(ctx).principal, in.Body.toEvent())
			if err != nil {
				return nil, toHTTP(err)
			}
			return &EventOutput{Body: eventBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, organiserRule, huma.Operation{OperationID: "update-event", Method: http.MethodPut, Path: "/api/v1/events/{eventID}", Tags: tag,
		Summary: "Replace an event",
		Description: "Organisers: the same body as creation replaces the event. Refused (409, problem type /problems/event-locked) " +
			"for sessions once a meeting is scheduled, and for a participation type a registration uses (send it back with its id, " +
			"fee and audience unchanged)."},
		func(ctx context.Context, in *UpdateEventInput) (*EventOutput, error) {
			v, err := s.UpdateEvent(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.Body.toEvent())
			if err != nil {
				return nil, toHTTP(err)
			}
			return &EventOutput{Body: eventBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, organiserRule, huma.Operation{OperationID: "publish-event", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/publish", Tags: tag,
		Summary:     "Publish an event",
		Description: "Organisers: the event becomes public and open to registration until its deadline."},
		func(ctx context.Context, in *EventInput) (*EventOutput, error) {
			v, err := s.PublishEvent(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &EventOutput{Body: eventBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, organiserRule, huma.Operation{OperationID: "cancel-event", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/cancel", Tags: tag,
		Summary: "Cancel an event",
		Description: "Organisers: every registration is cancelled and its registrant emailed; paid ones are refunded in full " +
			"(a background job each)."},
		func(ctx context.Context, in *EventInput) (*EventOutput, error) {
			v, err := s.CancelEvent(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &EventOutput{Body: eventBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})
}
