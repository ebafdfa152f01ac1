package api

import (
	"context"
	"mime"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// AgendasSentBody is the event's agenda state after sending agendas.
type AgendasSentBody struct {
	ID            string `json:"id" format:"uuid" doc:"The event"`
	AgendaState   string `json:"agenda_state" enum:"none,preliminary,final"`
	AgendaVersion int    `json:"agenda_version"`
	Emails        int    `json:"emails" doc:"Agenda emails queued, one per delegate"`
}

// SendAgendasInput sends the agendas.
type SendAgendasInput struct {
	EventPathInput
	Body struct {
		Kind string `json:"kind" enum:"preliminary,final" example:"final"`
	}
}

// SendAgendasOutput says what was sent.
type SendAgendasOutput struct {
	Body AgendasSentBody
}

// AgendaPartyBody is the other side of a meeting in an agenda.
type AgendaPartyBody struct {
	ConventionPartyBody
	JobTitle string `json:"job_title"`
}

// MeetingOutcomeBody is what one side says happened at a meeting.
type MeetingOutcomeBody struct {
	Outcome     string    `json:"outcome" enum:"held,no_show,follow_up,deal"`
	AmountCents *int64    `json:"amount_cents" doc:"The deal's amount; null for other outcomes"`
	Currency    string    `json:"currency" example:"EUR"`
	Note        string    `json:"note"`
	RecordedAt  time.Time `json:"recorded_at"`
}

func meetingOutcomeBody(o domain.MeetingOutcome) MeetingOutcomeBody {
	return MeetingOutcomeBody{Outcome: string(o.Outcome), AmountCents: o.AmountCents, Currency: o.Currency, Note: o.Note, RecordedAt: o.RecordedAt}
}

// AgendaMeetingBody is one meeting of an agenda.
type AgendaMeetingBody struct {
	ID        string          `json:"id" format:"uuid"`
	StartsAt  time.Time       `json:"starts_at"`
	EndsAt    time.Time       `json:"ends_at"`
	Table     int             `json:"table"`
	Other     AgendaPartyBody `json:"other"`
	Locked    bool            `json:"locked"`
	Confirmed bool            `json:"confirmed"`
	// Outcome is absent until the delegate's organisation records one.
	Outcome              *MeetingOutcomeBody `json:"outcome,omitempty" doc:"The outcome the delegate's organisation recorded; absent until then"`
	OtherOutcomeRecorded bool                `json:"other_outcome_recorded"`
}

// AgendaDelegateBody is the agenda's owner.
type AgendaDelegateBody struct {
	ID               string `json:"id" format:"uuid"`
	Name             string `json:"name"`
	OrganisationName string `json:"organisation_name"`
}

// AgendaBody is a delegate's agenda.
type AgendaBody struct {
	Delegate      AgendaDelegateBody  `json:"delegate"`
	AgendaState   string              `json:"agenda_state" enum:"none,preliminary,final"`
	AgendaVersion int                 `json:"agenda_version"`
	TimeZone      string              `json:"time_zone" example:"Europe/Paris"`
	Meetings      []AgendaMeetingBody `json:"meetings"`
}

// AgendaOutput returns an agenda.
type AgendaOutput struct {
	Body AgendaBody
}

// AgendaInput names a delegate's agenda.
type AgendaInput struct {
	EventPathInput
	DelegateID string `query:"delegate_id" maxLength:"36" doc:"A delegate of the caller's organisation (default: the first); organisers name any"`
}

// FileOutput is a downloaded file.
type FileOutput struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	CacheControl       string `header:"Cache-Control"`
	Body               []byte
}

func fileOutput(f core.AgendaFile, contentType string) *FileOutput {
	return &FileOutput{ContentType: contentType, CacheControl: "private, no-store",
		ContentDisposition: mime.FormatMediaType("attachment", map[string]string{"filename": f.Name})}
}

// PutOutcomeInput records a meeting's outcome.
type PutOutcomeInput struct {
	EventPathInput
	MeetingID string `path:"meetingID" format:"uuid"`
	Body      struct {
		Outcome     string `json:"outcome" enum:"held,no_show,follow_up,deal" example:"deal"`
		AmountCents *int64 `json:"amount_cents,omitempty" example:"1250000" doc:"Required for a deal, and only for one"`
		Currency    string `json:"currency,omitempty" maxLength:"3" example:"EUR" doc:"Default EUR"`
		Note        string `json:"note,omitempty" maxLength:"4000" example:"Devis envoyé le 12 mars" doc:"At most 2000 characters"`
	}
}

// MeetingOutcomeOutput returns an outcome.
type MeetingOutcomeOutput struct {
	Body MeetingOutcomeBody
}

func registerAgendas(r *routes, s *core.Meetings) {
	tag := []string{"Convention meetings"}
	organiser := Rule{Action: domain.ActModerate}

	handle(r, organiser, huma.Operation{OperationID: "send-event-agendas", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/agendas/send",
		Tags: tag, Summary: "Send the agendas",
		Description: "Organisers. Emails every delegate their agenda, in their language, with links to it and to its .ics file. A final " +
			"agenda confirms every meeting (later runs keep them); a preliminary one after a final one is refused (409). Each sending " +
			"increases the event's agenda_version."},
		func(ctx context.Context, in *SendAgendasInput) (*SendAgendasOutput, error) {
			res, err := s.SendAgendas(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.Body.Kind)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &SendAgendasOutput{Body: AgendasSentBody{ID: res.EventID, AgendaState: res.AgendaState, AgendaVersion: res.AgendaVersion,
				Emails: res.Emails}}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "get-event-agenda", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/agenda",
		Tags: tag, Summary: "A delegate's agenda",
		Description: "Members, for a delegate of their organisation: the meetings once agendas were sent (empty before), each with the " +
			"outcome their organisation recorded and whether the other side recorded one. Organisers see any delegate's at any time."},
		func(ctx context.Context, in *AgendaInput) (*AgendaOutput, error) {
			v, err := s.Agenda(ctx, authFrom(ctx).principal, in.EventID, in.DelegateID)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &AgendaOutput{Body: AgendaBody{Delegate: AgendaDelegateBody{ID: v.Delegate.ID, Name: v.Delegate.Name,
				OrganisationName: v.Delegate.OrganisationName}, AgendaState: v.Event.AgendaState, AgendaVersion: v.Event.AgendaVersion,
				TimeZone: v.Event.TimeZone}}
			out.Body.Meetings = mapItems(v.Meetings, func(m core.AgendaMeeting) AgendaMeetingBody {
				b := AgendaMeetingBody{ID: m.Meeting.ID, StartsAt: m.Meeting.Start, EndsAt: m.Meeting.End, Table: m.Meeting.Table,
					Other: AgendaPartyBody{ConventionPartyBody: meetingPartyBody(m.Other), JobTitle: m.Other.JobTitle}, Locked: m.Meeting.Locked,
					Confirmed: m.Meeting.Confirmed, OtherOutcomeRecorded: m.OtherOutcomeRecorded}
				if m.Outcome != nil {
					o := meetingOutcomeBody(*m.Outcome)
					b.Outcome = &o
				}
				return b
			})
			return out, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "get-event-agenda-ics", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/agenda.ics",
		Tags: tag, Summary: "A delegate's agenda as iCalendar",
		Description: "Who may read the agenda (GET …/agenda). RFC 5545, one event per meeting (UID stable across versions, SEQUENCE the " +
			"agenda version, STATUS tentative until the final agenda). 409 while the agenda has no meetings.",
		Responses: map[string]*huma.Response{"200": {Description: "The calendar", Content: map[string]*huma.MediaType{"text/calendar": {}}}}},
		func(ctx context.Context, in *AgendaInput) (*FileOutput, error) {
			f, err := s.AgendaICS(ctx, authFrom(ctx).principal, in.EventID, in.DelegateID, requestLanguage(ctx, in.AcceptLanguage))
			if err != nil {
				return nil, toHTTP(err)
			}
			out := fileOutput(f, "text/calendar; charset=utf-8")
			out.Body = f.Body
			return out, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "get-event-agenda-pdf", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/agenda.pdf",
		Tags: tag, Summary: "A delegate's agenda as PDF",
		Description: "Who may read the agenda (GET …/agenda). A4, printable, in the caller's language, times in the event's time zone.",
		Responses:   map[string]*huma.Response{"200": {Description: "The PDF", Content: map[string]*huma.MediaType{"application/pdf": {}}}}},
		func(ctx context.Context, in *AgendaInput) (*FileOutput, error) {
			f, err := s.AgendaPDF(ctx, authFrom(ctx).principal, in.EventID, in.DelegateID, requestLanguage(ctx, in.AcceptLanguage))
			if err != nil {
				return nil, toHTTP(err)
			}
			out := fileOutput(f, "application/pdf")
			out.Body = f.Body
			return out, nil
		})

	handle(r, organiser, huma.Operation{OperationID: "get-event-table-plan-pdf", Method: http.MethodGet,
		Path: "/api/v1/events/{eventID}/table-plan.pdf", Tags: tag, Summary: "The table plan as PDF",
		Description: "Organisers. One section per slot with its occupied tables, to print.",
		Responses:   map[string]*huma.Response{"200": {Description: "The PDF", Content: map[string]*huma.MediaType{"application/pdf": {}}}}},
		func(ctx context.Context, in *EventPathInput) (*FileOutput, error) {
			f, err := s.TablePlanPDF(ctx, authFrom(ctx).principal, in.EventID, requestLanguage(ctx, in.AcceptLanguage))
			if err != nil {
				return nil, toHTTP(err)
			}
			out := fileOutput(f, "application/pdf")
			out.Body = f.Body
			return out, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "put-meeting-outcome", Method: http.MethodPut,
		Path: "/api/v1/events/{eventID}/meetings/{meetingID}/outcome", Tags: tag, Summary: "Record a meeting's outcome",
		Description: "Members of either side's organisation, once the meeting has started (409 before): held, no show, follow-up, or a " +
			"deal with its amount. Each side records its own; recording again replaces it."},
		func(ctx context.Context, in *PutOutcomeInput) (*MeetingOutcomeOutput, error) {
			b := in.Body
			o, err := s.RecordMeetingOutcome(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.MeetingID, core.MeetingOutcomeInput{
				Outcome: domain.MeetingOutcomeKind(b.Outcome), AmountCents: b.AmountCents, Currency: b.Currency, Note: b.Note})
			if err != nil {
				return nil, toHTTP(err)
			}
			return &MeetingOutcomeOutput{Body: meetingOutcomeBody(o)}, nil
		})
}
