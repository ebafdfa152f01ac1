package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// ReportInput is a signed-in user's report. Values are checked by the use
// case, so that every wrong field gets a localized message at once.
type ReportInput struct {
	LanguageHeader
	Body struct {
		TargetType string `json:"target_type" maxLength:"20" doc:"What is reported: offer, tender or organisation" example:"offer"`
		TargetID   string `json:"target_id" maxLength:"40" doc:"Its id" example:"01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e"`
		Reason     string `json:"reason" maxLength:"20" doc:"misleading, not_sse, fraud, offensive, spam, duplicate or other" example:"misleading"`
		Note       string `json:"note,omitempty" maxLength:"4000" doc:"What is wrong, at most 1,000 characters; required for the reason other" example:"Les photos ne correspondent pas à l'activité décrite."`
	}
}

// ReportBody is a report. The reporter's id is shown to moderators only.
type ReportBody struct {
	ID             string     `json:"id" format:"uuid" example:"01936f3e-2222-7c2d-9e10-3f5a6b7c8d9e"`
	TargetType     string     `json:"target_type" enum:"offer,tender,organisation" example:"offer"`
	TargetID       string     `json:"target_id" format:"uuid" example:"01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e"`
	OrganisationID string     `json:"organisation_id,omitempty" format:"uuid" doc:"Moderators only: the organisation the target belongs to (a reporter is not told: the buyer of an anonymous tender must stay unknown)" example:"01936f3e-1111-7c2d-9e10-3f5a6b7c8d9e"`
	Reason         string     `json:"reason" example:"misleading"`
	ReasonLabel    string     `json:"reason_label" doc:"The reason in the caller's language" example:"Misleading"`
	Note           string     `json:"note" example:"Les photos ne correspondent pas à l'activité décrite."`
	State          string     `json:"state" enum:"open,dismissed,action_taken" example:"open"`
	CreatedAt      time.Time  `json:"created_at" example:"2026-11-20T09:30:00Z"`
	ResolvedAt     *time.Time `json:"resolved_at,omitempty" example:"2026-11-21T10:00:00Z"`
	ReporterUserID string     `json:"reporter_user_id,omitempty" format:"uuid" doc:"Moderators only" example:"01936f3e-3333-7c2d-9e10-3f5a6b7c8d9e"`
	ResolvedBy     string     `json:"resolved_by,omitempty" format:"uuid" doc:"Moderators only" example:"01936f3e-4444-7c2d-9e10-3f5a6b7c8d9e"`
	ResolutionNote string     `json:"resolution_note,omitempty" doc:"Moderators only" example:"Annonce retirée après vérification."`
}

func reportBody(r domain.Report, lang domain.Language, forModerator bool) ReportBody {
	b := ReportBody{ID: r.ID, TargetType: string(r.TargetType), TargetID: r.TargetID, Reason: string(r.Reason),
		ReasonLabel: r.Reason.Label().With()[lang], Note: r.Note, State: string(r.State), CreatedAt: r.CreatedAt, ResolvedAt: r.ResolvedAt}
	if forModerator {
		b.OrganisationID, b.ReporterUserID, b.ResolvedBy, b.ResolutionNote = r.OrganisationID, r.ReporterUserID, r.ResolvedBy, r.ResolutionNote
	}
	return b
}

// ReportOutput is one report.
type ReportOutput struct {
	ContentLanguage string `header:"Content-Language"`
	Body            ReportBody
}

// ReportsInput pages through reports (moderators).
type ReportsInput struct {
	LanguageHeader
	State      string `query:"state" maxLength:"20" doc:"open, dismissed or action_taken (default all)" example:"open"`
	TargetType string `query:"target_type" maxLength:"20" doc:"offer, tender or organisation (default all)" example:"tender"`
	TargetID   string `query:"target_id" maxLength:"40" doc:"Only the reports on this target" example:"01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e"`
	Cursor     string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit      int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)" example:"20"`
}

// ReportsOutput is a page of reports, oldest first.
type ReportsOutput struct {
	ContentLanguage string `header:"Content-Language"`
	Body            struct {
		Items      []ReportBody `json:"items"`
		NextCursor string       `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// ResolutionInput is a moderator's resolution of a report.
type ResolutionInput struct {
	LanguageHeader
	ReportID string `path:"reportID" format:"uuid"`
	Body     struct {
		Outcome string `json:"outcome" maxLength:"20" doc:"dismissed or action_taken" example:"action_taken"`
		Note    string `json:"note,omitempty" maxLength:"8000" doc:"For the moderators (at most 2,000 characters); the reporter is told the outcome only" example:"Annonce retirée, organisation avertie."`
	}
}

func registerReports(r *routes, s *core.Reports) {
	tag := []string{"Moderation"}
	handle(r, Rule{Action: domain.ActReport}, huma.Operation{OperationID: "create-report", Method: http.MethodPost, Path: "/api/v1/reports",
		Tags: tag, Summary: "Report an offer, a tender or an organisation", DefaultStatus: http.StatusCreated,
		Description: "Anyone signed in, on what they can see (404 otherwise). The report goes to the moderators' queue; its author is told " +
			"the outcome in the app. One open report per author and target (409); at most " + strconv.Itoa(core.ReportsPerHour) + " reports an hour (429). " +
			"Bad fields are a 422 naming each, and nothing is written."},
		func(ctx context.Context, in *ReportInput) (*ReportOutput, error) {
			rep, err := s.Create(ctx, actorFrom(ctx), authFrom(ctx).principal, core.NewReport{TargetType: domain.ReportTarget(in.Body.TargetType),
				TargetID: in.Body.TargetID, Reason: domain.ReportReason(in.Body.Reason), Note: in.Body.Note})
			if err != nil {
				return nil, toHTTP(err)
			}
			lang := requestLanguage(ctx, in.AcceptLanguage)
			return &ReportOutput{ContentLanguage: string(lang), Body: reportBody(rep, lang, false)}, nil
		})

	handle(r, Rule{Action: domain.ActModerate}, huma.Operation{OperationID: "list-reports", Method: http.MethodGet, Path: "/api/v1/moderation/reports",
		Tags: tag, Summary: "Reports, for moderators",
		Description: "Moderators. Every report with its author and resolution, oldest first, optionally of one state or target. Open reports are in the queue too."},
		func(ctx context.Context, in *ReportsInput) (*ReportsOutput, error) {
			lang := requestLanguage(ctx, in.AcceptLanguage)
			page, next, err := s.List(ctx, authFrom(ctx).principal, core.ReportQuery{State: in.State, TargetType: in.TargetType, TargetID: in.TargetID,
				Cursor: in.Cursor, Limit: in.Limit})
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &ReportsOutput{ContentLanguage: string(lang)}
			out.Body.Items = make([]ReportBody, len(page))
			for i, rep := range page {
				out.Body.Items[i] = reportBody(rep, lang, true)
			}
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, Rule{Action: domain.ActModerate}, huma.Operation{OperationID: "resolve-report", Method: http.MethodPost,
		Path: "/api/v1/moderation/reports/{reportID}/resolution", Tags: tag, Summary: "Resolve a report",
		Description: "Moderators, except members of the reported organisation (403). dismissed or action_taken (take the action itself with the " +
			"decision or suspension routes). The author is told the outcome in the app; the note stays between moderators. 409 once resolved."},
		func(ctx context.Context, in *ResolutionInput) (*ReportOutput, error) {
			rep, err := s.Resolve(ctx, actorFrom(ctx), authFrom(ctx).principal, in.ReportID, domain.ReportState(in.Body.Outcome), in.Body.Note)
			if err != nil {
				return nil, toHTTP(err)
			}
			lang := requestLanguage(ctx, in.AcceptLanguage)
			return &ReportOutput{ContentLanguage: string(lang), Body: reportBody(rep, lang, true)}, nil
		})
}
