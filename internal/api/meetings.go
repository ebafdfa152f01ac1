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

// ConventionPartyBody is one side of a meeting or a request.
type ConventionPartyBody struct {
	DelegateID       string `json:"delegate_id" format:"uuid"`
	Name             string `json:"name" example:"Claire Weber"`
	OrganisationID   string `json:"organisation_id" format:"uuid"`
	OrganisationName string `json:"organisation_name" example:"ESAT du Saulnois"`
	Country          string `json:"country" example:"FR"`
}

func requestPartyBody(p store.RequestParty) ConventionPartyBody {
	return ConventionPartyBody{DelegateID: p.DelegateID, Name: p.Name, OrganisationID: p.OrganisationID, OrganisationName: p.OrganisationName,
		Country: p.Country}
}

func meetingPartyBody(p store.MeetingParty) ConventionPartyBody {
	return ConventionPartyBody{DelegateID: p.DelegateID, Name: p.Name, OrganisationID: p.OrganisationID, OrganisationName: p.OrganisationName,
		Country: p.Country}
}

// DirectoryRequestBody is the latest request between one of the caller's
// delegates and a delegate of the directory.
type DirectoryRequestBody struct {
	ID        string `json:"id" format:"uuid"`
	State     string `json:"state" enum:"pending,accepted,declined,expired,withdrawn"`
	Direction string `json:"direction" enum:"outgoing,incoming"`
	Priority  string `json:"priority" enum:"must_meet,would_like"`
}

// DirectoryEntryBody is a delegate of the event's directory. It never
// holds an email address.
type DirectoryEntryBody struct {
	DelegateID       string   `json:"delegate_id" format:"uuid"`
	Name             string   `json:"name" example:"Claire Weber"`
	JobTitle         string   `json:"job_title" example:"Responsable commercial"`
	OrganisationID   string   `json:"organisation_id" format:"uuid"`
	OrganisationName string   `json:"organisation_name" example:"ESAT du Saulnois"`
	OrganisationKind string   `json:"organisation_kind" enum:"sse_supplier,public_buyer,private_buyer,cluster"`
	Country          string   `json:"country" example:"FR"`
	Offers           string   `json:"offers"`
	Needs            string   `json:"needs"`
	ProfileLang      string   `json:"profile_lang" enum:"fr,de,en,nl" doc:"Language of offers and needs"`
	Sectors          []string `json:"sectors"`
	SectorLabels     []string `json:"sector_labels" doc:"The sectors' names in the caller's language"`
	Mine             bool     `json:"mine" doc:"A delegate of the caller's organisation"`
	// Request is absent when no request joins the caller's delegates and this one.
	Request  *DirectoryRequestBody `json:"request,omitempty" doc:"The latest request between one of the caller's delegates and this one; absent when none"`
	Excluded *string               `json:"excluded" enum:"met_before,no_thanks,unavailable" doc:"An exclusion between the two organisations, or null: its kind when the caller's organisation created it, \"unavailable\" when only the other organisation did (its kind is never told)"`
}

func directoryEntryBody(e core.DirectoryEntry, lang domain.Language) DirectoryEntryBody {
	d := e.Delegate
	b := DirectoryEntryBody{DelegateID: d.ID, Name: d.Name, JobTitle: d.JobTitle, OrganisationID: d.OrganisationID,
		OrganisationName: d.OrganisationName, OrganisationKind: string(d.OrganisationKind), Country: d.Country, Offers: d.Offers,
		Needs: d.Needs, ProfileLang: string(d.ProfileLang), Sectors: nonNil(d.Sectors), SectorLabels: core.SectorLabels(d.Sectors, lang),
		Mine: e.Mine}
	if e.Request != nil {
		b.Request = &DirectoryRequestBody{ID: e.Request.ID, State: string(e.Request.State), Direction: e.Request.Direction,
			Priority: string(e.Request.Priority)}
	}
	if e.Excluded != "" {
		x := string(e.Excluded)
		b.Excluded = &x
	}
	return b
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// SuggestionBody is a delegate worth meeting, with why.
type SuggestionBody struct {
	Delegate DirectoryEntryBody `json:"delegate"`
	Score    float64            `json:"score" example:"9"`
	Reasons  []string           `json:"reasons" example:"[\"Shared sector: Cleaning\"]" doc:"In the caller's language"`
}

// MeetingSlotBody is where and when a request was scheduled.
type MeetingSlotBody struct {
	ID       string    `json:"id" format:"uuid"`
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
	Table    int       `json:"table" example:"12"`
}

// MeetingRequestBody is a meeting request with both parties.
type MeetingRequestBody struct {
	ID             string              `json:"id" format:"uuid"`
	State          string              `json:"state" enum:"pending,accepted,declined,expired,withdrawn"`
	Priority       string              `json:"priority" enum:"must_meet,would_like"`
	Message        string              `json:"message"`
	From           ConventionPartyBody `json:"from"`
	To             ConventionPartyBody `json:"to"`
	AnswerPriority *string             `json:"answer_priority" enum:"must_meet,would_like,ok" doc:"The recipient's answer, null until accepted"`
	DeclineReason  *string             `json:"decline_reason"`
	CreatedAt      time.Time           `json:"created_at"`
	ExpiresAt      time.Time           `json:"expires_at"`
	AnsweredAt     *time.Time          `json:"answered_at"`
	Weight         *int                `json:"weight" minimum:"1" maximum:"3" doc:"When accepted: 3 when either side must meet, 2 when both would like to, else 1"`
	// Meeting is absent until the request is scheduled.
	Meeting           *MeetingSlotBody `json:"meeting,omitempty" doc:"Absent until scheduled"`
	UnscheduledReason *string          `json:"unscheduled_reason" doc:"Why the last scheduler run left this accepted request out, in the caller's language; null otherwise"`
}

func meetingRequestBody(v store.RequestView, lang domain.Language) MeetingRequestBody {
	r := v.Request
	b := MeetingRequestBody{ID: r.ID, State: string(r.State), Priority: string(r.Priority), Message: r.Message,
		From: requestPartyBody(v.From), To: requestPartyBody(v.To), CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt, AnsweredAt: r.AnsweredAt}
	if r.AnswerPriority != "" {
		a := string(r.AnswerPriority)
		b.AnswerPriority = &a
	}
	if r.DeclineReason != "" {
		b.DeclineReason = &r.DeclineReason
	}
	if w := r.Weight(); w > 0 {
		b.Weight = &w
	}
	if v.Meeting != nil {
		b.Meeting = &MeetingSlotBody{ID: v.Meeting.ID, StartsAt: v.Meeting.Start, EndsAt: v.Meeting.End, Table: v.Meeting.Table}
	}
	if r.UnscheduledReason != "" && r.State == domain.RequestAccepted && v.Meeting == nil {
		t := core.UnscheduledReasonText(r.UnscheduledReason).With()[lang]
		b.UnscheduledReason = &t
	}
	return b
}

// MeetingRequestOutput returns one request.
type MeetingRequestOutput struct {
	Body MeetingRequestBody
}

// ExclusionBody is an organisation the caller's will not be scheduled with.
type ExclusionBody struct {
	OrganisationID   string    `json:"organisation_id" format:"uuid"`
	OrganisationName string    `json:"organisation_name"`
	Kind             string    `json:"kind" enum:"met_before,no_thanks"`
	CreatedAt        time.Time `json:"created_at"`
}

func exclusionBody(x store.Exclusion) ExclusionBody {
	return ExclusionBody{OrganisationID: x.OrganisationID, OrganisationName: x.OrganisationName, Kind: string(x.Kind), CreatedAt: x.CreatedAt}
}

// ExclusionsOutput lists the caller's exclusions.
type ExclusionsOutput struct {
	Body struct {
		Items []ExclusionBody `json:"items"`
	}
}

func exclusionsOutput(xs []store.Exclusion) *ExclusionsOutput {
	out := &ExclusionsOutput{}
	out.Body.Items = mapItems(xs, exclusionBody)
	return out
}

// EventPathInput names an event.
type EventPathInput struct {
	LanguageHeader
	EventID string `path:"eventID" format:"uuid"`
}

// DirectoryInput pages through an event's directory.
type DirectoryInput struct {
	EventPathInput
	Q       string `query:"q" maxLength:"200" doc:"Text in the name, organisation, job title, offers or needs"`
	Country string `query:"country" maxLength:"2" example:"DE"`
	Kind    string `query:"kind" enum:"sse_supplier,public_buyer,private_buyer,buyer,cluster,"`
	Cursor  string `query:"cursor" maxLength:"600"`
	Limit   int    `query:"limit" minimum:"0" maximum:"200"`
}

// DirectoryOutput is a page of the directory.
type DirectoryOutput struct {
	Body struct {
		Items      []DirectoryEntryBody `json:"items"`
		NextCursor string               `json:"next_cursor"`
	}
}

// SuggestionsInput asks for suggestions for one of the caller's delegates.
type SuggestionsInput struct {
	EventPathInput
	DelegateID string `query:"delegate_id" maxLength:"36" doc:"One of the caller's delegates (default: the first)"`
}

// SuggestionsOutput lists suggestions, best first.
type SuggestionsOutput struct {
	Body struct {
		Items []SuggestionBody `json:"items"`
	}
}

// CreateMeetingRequestInput asks for a meeting.
type CreateMeetingRequestInput struct {
	EventPathInput
	Body struct {
		FromDelegateID string `json:"from_delegate_id" maxLength:"36" example:"01936f1e-6a3c-7d2b-9a51-3b0f5c2e8d41" doc:"One of the caller's delegates"`
		ToDelegateID   string `json:"to_delegate_id" maxLength:"36" example:"01936f1e-6a3c-7d2b-9a51-3b0f5c2e8d42"`
		Priority       string `json:"priority" enum:"must_meet,would_like" example:"would_like"`
		Message        string `json:"message,omitempty" maxLength:"2000" example:"Nous cherchons un prestataire de nettoyage pour nos écoles." doc:"At most 1000 characters"`
	}
}

// MeetingRequestsInput pages through the caller's requests.
type MeetingRequestsInput struct {
	EventPathInput
	Box    string `query:"box" enum:"incoming,outgoing," doc:"incoming (to the caller's delegates), outgoing, or both when empty"`
	State  string `query:"state" enum:"pending,accepted,declined,expired,withdrawn,"`
	Cursor string `query:"cursor" maxLength:"200"`
	Limit  int    `query:"limit" minimum:"0" maximum:"200"`
}

// MeetingRequestsOutput is a page of requests, newest first.
type MeetingRequestsOutput struct {
	Body struct {
		Items      []MeetingRequestBody `json:"items"`
		NextCursor string               `json:"next_cursor"`
	}
}

// RequestPathInput names a request of an event.
type RequestPathInput struct {
	EventPathInput
	RequestID string `path:"requestID" format:"uuid"`
}

// AcceptMeetingRequestInput accepts a request.
type AcceptMeetingRequestInput struct {
	RequestPathInput
	Body struct {
		Priority string `json:"priority" enum:"must_meet,would_like,ok" example:"must_meet"`
	}
}

// DeclineMeetingRequestInput declines a request.
type DeclineMeetingRequestInput struct {
	RequestPathInput
	Body struct {
		Reason string `json:"reason,omitempty" maxLength:"1000" example:"Nous avons déjà un prestataire." doc:"At most 500 characters"`
	}
}

// ExcludeInput excludes an organisation.
type ExcludeInput struct {
	EventPathInput
	Body struct {
		OrganisationID string `json:"organisation_id" maxLength:"36" example:"01936f1e-6a3c-7d2b-9a51-3b0f5c2e8d43"`
		Kind           string `json:"kind" enum:"met_before,no_thanks" example:"met_before"`
	}
}

// UnexcludeInput removes an exclusion.
type UnexcludeInput struct {
	EventPathInput
	OrganisationID string `path:"organisationID" format:"uuid"`
}

func registerMeetings(r *routes, s *core.Meetings) {
	tag := []string{"Convention meetings"}
	member := "Members of an organisation with a confirmed registration at the event, acting for their active organisation"

	handle(r, SignedIn, huma.Operation{OperationID: "list-event-delegates", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/delegates",
		Tags: tag, Summary: "The participants' directory",
		Description: member + "; organisers read it too. The delegates of confirmed registrations, by name, filtered; never an email " +
			"address. Each entry says whether it is the caller's, the latest request between the caller's delegates and it, and any exclusion."},
		func(ctx context.Context, in *DirectoryInput) (*DirectoryOutput, error) {
			page, next, err := s.Directory(ctx, authFrom(ctx).principal, in.EventID, store.DelegateFilter{Q: in.Q, Country: in.Country, Kind: in.Kind},
				in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			lang := requestLanguage(ctx, in.AcceptLanguage)
			out := &DirectoryOutput{}
			out.Body.Items = mapItems(page, func(e core.DirectoryEntry) DirectoryEntryBody { return directoryEntryBody(e, lang) })
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "list-meeting-suggestions", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/suggestions",
		Tags: tag, Summary: "Who to meet",
		Description: member + ". Up to 20 delegates of other organisations for one of the caller's delegates to meet, best first, each with " +
			"its score and reasons (shared sectors; open tenders of one side that the other's offers cover; a buyer meeting an SSE supplier). " +
			"Delegates already requested (pending or accepted) and excluded organisations are left out."},
		func(ctx context.Context, in *SuggestionsInput) (*SuggestionsOutput, error) {
			list, err := s.Suggestions(ctx, authFrom(ctx).principal, in.EventID, in.DelegateID)
			if err != nil {
				return nil, toHTTP(err)
			}
			lang := requestLanguage(ctx, in.AcceptLanguage)
			out := &SuggestionsOutput{}
			out.Body.Items = mapItems(list, func(sg core.Suggestion) SuggestionBody {
				reasons := make([]string, len(sg.Reasons))
				for i, m := range sg.Reasons {
					reasons[i] = m.With()[lang]
				}
				return SuggestionBody{Delegate: directoryEntryBody(sg.Entry, lang), Score: sg.Score, Reasons: reasons}
			})
			return out, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "create-meeting-request", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/meeting-requests",
		Tags: tag, Summary: "Ask for a meeting", DefaultStatus: http.StatusCreated,
		Description: member + ", from one of their delegates. 409 when a pending or accepted request already joins the two delegates " +
			"(either way), when either organisation excluded the other, for two delegates of one organisation, or once the event has started. " +
			"The recipient's organisation is notified; the request expires unanswered after the event's request_expiry_days."},
		func(ctx context.Context, in *CreateMeetingRequestInput) (*MeetingRequestOutput, error) {
			b := in.Body
			v, err := s.RequestMeeting(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, core.MeetingRequestInput{
				FromDelegateID: b.FromDelegateID, ToDelegateID: b.ToDelegateID, Priority: domain.MeetingPriority(b.Priority), Message: b.Message})
			if err != nil {
				return nil, toHTTP(err)
			}
			return &MeetingRequestOutput{Body: meetingRequestBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "list-meeting-requests", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/meeting-requests",
		Tags: tag, Summary: "Meeting requests",
		Description: member + ": the requests to (incoming) or from (outgoing) their delegates, newest first; organisers who take no part " +
			"see every request of the event."},
		func(ctx context.Context, in *MeetingRequestsInput) (*MeetingRequestsOutput, error) {
			page, next, err := s.MeetingRequests(ctx, authFrom(ctx).principal, in.EventID, in.Box, domain.MeetingRequestState(in.State), in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			lang := requestLanguage(ctx, in.AcceptLanguage)
			out := &MeetingRequestsOutput{}
			out.Body.Items = mapItems(page, func(v store.RequestView) MeetingRequestBody { return meetingRequestBody(v, lang) })
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "accept-meeting-request", Method: http.MethodPost,
		Path: "/api/v1/events/{eventID}/meeting-requests/{requestID}/accept", Tags: tag, Summary: "Accept a meeting request",
		Description: "Members of the recipient's organisation, with how much they want the meeting: the weight is 3 when either side must " +
			"meet, 2 when both would like to, else 1. 409 when the request is no longer pending (expired included). The sender is notified."},
		func(ctx context.Context, in *AcceptMeetingRequestInput) (*MeetingRequestOutput, error) {
			v, err := s.AcceptMeetingRequest(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.RequestID, domain.MeetingPriority(in.Body.Priority))
			if err != nil {
				return nil, toHTTP(err)
			}
			return &MeetingRequestOutput{Body: meetingRequestBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "decline-meeting-request", Method: http.MethodPost,
		Path: "/api/v1/events/{eventID}/meeting-requests/{requestID}/decline", Tags: tag, Summary: "Decline a meeting request",
		Description: "Members of the recipient's organisation, with an optional reason the sender reads. 409 when no longer pending."},
		func(ctx context.Context, in *DeclineMeetingRequestInput) (*MeetingRequestOutput, error) {
			v, err := s.DeclineMeetingRequest(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.RequestID, in.Body.Reason)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &MeetingRequestOutput{Body: meetingRequestBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "withdraw-meeting-request", Method: http.MethodPost,
		Path: "/api/v1/events/{eventID}/meeting-requests/{requestID}/withdraw", Tags: tag, Summary: "Withdraw a meeting request",
		Description: "Members of the sender's organisation, while the request is pending (409 after)."},
		func(ctx context.Context, in *RequestPathInput) (*MeetingRequestOutput, error) {
			v, err := s.WithdrawMeetingRequest(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.RequestID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &MeetingRequestOutput{Body: meetingRequestBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "list-event-exclusions", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/exclusions",
		Tags: tag, Summary: "Organisations not to be scheduled with",
		Description: member + ": the organisations theirs excluded at this event, oldest first."},
		func(ctx context.Context, in *EventPathInput) (*ExclusionsOutput, error) {
			xs, err := s.Exclusions(ctx, authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return exclusionsOutput(xs), nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "create-event-exclusion", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/exclusions",
		Tags: tag, Summary: "Exclude an organisation",
		Description: member + ": their organisation will not be scheduled with another registered one (met before, or no thanks). " +
			"Pending requests between the two are declined, either way. Excluding again changes the kind. Returns the exclusions."},
		func(ctx context.Context, in *ExcludeInput) (*ExclusionsOutput, error) {
			xs, err := s.Exclude(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.Body.OrganisationID, domain.ExclusionKind(in.Body.Kind))
			if err != nil {
				return nil, toHTTP(err)
			}
			return exclusionsOutput(xs), nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "delete-event-exclusion", Method: http.MethodDelete,
		Path: "/api/v1/events/{eventID}/exclusions/{organisationID}", Tags: tag, Summary: "Remove an exclusion",
		Description: member + ". Declined requests stay declined.", DefaultStatus: http.StatusNoContent},
		func(ctx context.Context, in *UnexcludeInput) (*struct{}, error) {
			if err := s.Unexclude(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.OrganisationID); err != nil {
				return nil, toHTTP(err)
			}
			return nil, nil
		})

	registerConventionSchedule(r, s)
	registerAgendas(r, s)
}
