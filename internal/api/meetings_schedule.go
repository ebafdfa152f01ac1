package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// LeftOutBody is an accepted request the scheduler left out.
type LeftOutBody struct {
	RequestID  string `json:"request_id" format:"uuid"`
	Reason     string `json:"reason" enum:"same_organisation,no_common_slot,lock_unavailable,lock_conflict,delegate_fully_booked,no_table_left,excluded"`
	ReasonText string `json:"reason_text" doc:"The reason in the caller's language"`
}

// ScheduleRunBody is a scheduler run.
type ScheduleRunBody struct {
	ID         string        `json:"id" format:"uuid"`
	StartedAt  time.Time     `json:"started_at"`
	DurationMS int           `json:"duration_ms"`
	Requests   int           `json:"requests" doc:"Accepted requests considered"`
	Meetings   int           `json:"meetings" doc:"Meetings scheduled"`
	Weight     int           `json:"weight" doc:"Total weight of the meetings"`
	UpperBound int           `json:"upper_bound" doc:"No schedule can weigh more"`
	Kept       int           `json:"kept" doc:"Locked or confirmed meetings kept"`
	LeftOut    []LeftOutBody `json:"left_out"`
}

func scheduleRunBody(r core.ScheduleResult, lang domain.Language) ScheduleRunBody {
	b := ScheduleRunBody{ID: r.Run.ID, StartedAt: r.Run.StartedAt, DurationMS: r.Run.DurationMS, Requests: r.Run.Requests, Meetings: r.Run.Meetings,
		Weight: r.Run.Weight, UpperBound: r.Run.UpperBound, Kept: r.Run.Kept, LeftOut: make([]LeftOutBody, len(r.LeftOut))}
	for i, l := range r.LeftOut {
		b.LeftOut[i] = LeftOutBody{RequestID: l.RequestID, Reason: l.Reason, ReasonText: l.Text.With()[lang]}
	}
	return b
}

// ScheduleRunOutput returns a scheduler run.
type ScheduleRunOutput struct {
	Body ScheduleRunBody
}

// MeetingBody is a scheduled meeting (a sent the request, b received it).
type MeetingBody struct {
	ID        string              `json:"id" format:"uuid"`
	RequestID string              `json:"request_id" format:"uuid"`
	StartsAt  time.Time           `json:"starts_at"`
	EndsAt    time.Time           `json:"ends_at"`
	Table     int                 `json:"table" example:"12"`
	Locked    bool                `json:"locked"`
	Confirmed bool                `json:"confirmed" doc:"Sent in a final agenda"`
	Weight    int                 `json:"weight" minimum:"1" maximum:"3"`
	A         ConventionPartyBody `json:"a"`
	B         ConventionPartyBody `json:"b"`
}

func meetingBody(v store.MeetingView) MeetingBody {
	m := v.Meeting
	return MeetingBody{ID: m.ID, RequestID: m.RequestID, StartsAt: m.Start, EndsAt: m.End, Table: m.Table, Locked: m.Locked,
		Confirmed: m.Confirmed, Weight: v.Weight, A: meetingPartyBody(v.A), B: meetingPartyBody(v.B)}
}

// MeetingOutput returns a meeting.
type MeetingOutput struct {
	Body MeetingBody
}

// EventMeetingsInput pages through an event's meetings.
type EventMeetingsInput struct {
	EventPathInput
	StartsAt   time.Time `query:"starts_at" doc:"The meetings of the slot starting then"`
	DelegateID string    `query:"delegate_id" maxLength:"36"`
	Cursor     string    `query:"cursor" maxLength:"200"`
	Limit      int       `query:"limit" minimum:"0" maximum:"200"`
}

// EventMeetingsOutput is a page of meetings by start then table.
type EventMeetingsOutput struct {
	Body struct {
		Items      []MeetingBody `json:"items"`
		NextCursor string        `json:"next_cursor"`
	}
}

// PatchMeetingInput locks, unlocks or moves a meeting.
type PatchMeetingInput struct {
	EventPathInput
	MeetingID string `path:"meetingID" format:"uuid"`
	Body      struct {
		Locked   *bool      `json:"locked,omitempty" example:"true"`
		StartsAt *time.Time `json:"starts_at,omitempty" example:"2027-03-12T08:20:00Z" doc:"The start of the slot to move to"`
		Table    *int       `json:"table,omitempty" minimum:"1" maximum:"2000" example:"12"`
	}
}

// TablePlanRowBody is a table of a slot and who meets there.
type TablePlanRowBody struct {
	Table int                 `json:"table"`
	A     ConventionPartyBody `json:"a"`
	B     ConventionPartyBody `json:"b"`
}

// TablePlanSlotBody is a slot of the table plan.
type TablePlanSlotBody struct {
	StartsAt time.Time          `json:"starts_at"`
	EndsAt   time.Time          `json:"ends_at"`
	Rows     []TablePlanRowBody `json:"rows"`
}

// TablePlanInput asks for the table plan.
type TablePlanInput struct {
	EventPathInput
	StartsAt time.Time `query:"starts_at" doc:"One slot only (its start); every slot when absent"`
}

// TablePlanOutput is the table plan.
type TablePlanOutput struct {
	Body struct {
		Slots []TablePlanSlotBody `json:"slots"`
	}
}

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func registerConventionSchedule(r *routes, s *core.Meetings) {
	tag := []string{"Convention meetings"}
	organiser := Rule{Action: domain.ActModerate}

	handle(r, organiser, huma.Operation{OperationID: "run-event-schedule", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/schedule",
		Tags: tag, Summary: "Schedule the meetings",
		Description: "Organisers. Schedules the accepted requests between delegates of confirmed registrations into the event's slots and " +
			"tables, within each delegate's availability; excluded pairs are never scheduled. Locked meetings keep their slot and table, " +
			"confirmed ones are kept; the others are replaced in one transaction. The answer is validated before anything is stored. " +
			"Every accepted request left out gets a reason."},
		func(ctx context.Context, in *EventPathInput) (*ScheduleRunOutput, error) {
			res, err := s.RunSchedule(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &ScheduleRunOutput{Body: scheduleRunBody(res, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, organiser, huma.Operation{OperationID: "get-event-schedule", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/schedule",
		Tags: tag, Summary: "The last scheduler run",
		Description: "Organisers. 404 before the first run. left_out lists the accepted requests the run left out, as they stand."},
		func(ctx context.Context, in *EventPathInput) (*ScheduleRunOutput, error) {
			res, err := s.LastSchedule(ctx, authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &ScheduleRunOutput{Body: scheduleRunBody(res, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, organiser, huma.Operation{OperationID: "list-event-meetings", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/meetings",
		Tags: tag, Summary: "The scheduled meetings",
		Description: "Organisers. By start then table; of one slot (starts_at) or one delegate when given."},
		func(ctx context.Context, in *EventMeetingsInput) (*EventMeetingsOutput, error) {
			page, next, err := s.EventMeetings(ctx, authFrom(ctx).principal, in.EventID, optionalTime(in.StartsAt), in.DelegateID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &EventMeetingsOutput{}
			out.Body.Items = mapItems(page, meetingBody)
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, organiser, huma.Operation{OperationID: "update-event-meeting", Method: http.MethodPatch,
		Path: "/api/v1/events/{eventID}/meetings/{meetingID}", Tags: tag, Summary: "Lock, unlock or move a meeting",
		Description: "Organisers. A move names the start of a slot of the event and optionally a table; it is refused (409, with the reason) " +
			"unless both delegates are available then and have no other meeting, and the table is free. Without a table, the meeting keeps " +
			"its own if free, else takes the first free one."},
		func(ctx context.Context, in *PatchMeetingInput) (*MeetingOutput, error) {
			v, err := s.PatchMeeting(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.MeetingID,
				core.MeetingPatch{Locked: in.Body.Locked, Start: in.Body.StartsAt, Table: in.Body.Table})
			if err != nil {
				return nil, toHTTP(err)
			}
			return &MeetingOutput{Body: meetingBody(v)}, nil
		})

	handle(r, organiser, huma.Operation{OperationID: "get-event-table-plan", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/table-plan",
		Tags: tag, Summary: "The table plan",
		Description: "Organisers. Every slot (or the one starting at starts_at) with its meetings by table."},
		func(ctx context.Context, in *TablePlanInput) (*TablePlanOutput, error) {
			plan, err := s.TablePlan(ctx, authFrom(ctx).principal, in.EventID, optionalTime(in.StartsAt))
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &TablePlanOutput{}
			out.Body.Slots = mapItems(plan, func(ps core.PlanSlot) TablePlanSlotBody {
				return TablePlanSlotBody{StartsAt: ps.Start, EndsAt: ps.End, Rows: mapItems(ps.Rows, func(v store.MeetingView) TablePlanRowBody {
					return TablePlanRowBody{Table: v.Meeting.Table, A: meetingPartyBody(v.A), B: meetingPartyBody(v.B)}
				})}
			})
			return out, nil
		})
}
