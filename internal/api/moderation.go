package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// ModerationQueueInput pages through everything waiting for a moderator.
// kind is checked by the use case rather than by an enum in the schema, so
// that a wrong value gets the same localized field error as a wrong country.
type ModerationQueueInput struct {
	LanguageHeader
	Kind    string `query:"kind" maxLength:"20" doc:"Only items of this kind: offer, tender, sse_status or report (default all)" example:"tender"`
	Country string `query:"country" maxLength:"2" doc:"Only items of organisations registered in this country" example:"LU"`
	Sort    string `query:"sort" enum:"submitted" default:"submitted" doc:"Oldest submission first"`
	Cursor  string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit   int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)" example:"20"`
}

// ModerationQueueItem is one thing waiting for a moderator's decision.
type ModerationQueueItem struct {
	Kind                string            `json:"kind" enum:"offer,tender,sse_status,report" example:"tender"`
	ID                  string            `json:"id" format:"uuid" example:"01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e"`
	OrganisationID      string            `json:"organisation_id" format:"uuid" example:"01936f3e-1111-7c2d-9e10-3f5a6b7c8d9e"`
	OrganisationName    string            `json:"organisation_name" example:"Ville de Differdange"`
	OrganisationCountry string            `json:"organisation_country" example:"LU"`
	Title               string            `json:"title" doc:"In the caller's language when the author translated it, else in the original; for an SSE status, the label of its type; for a report, its reason" example:"Entretien des espaces verts communaux"`
	SubmittedAt         time.Time         `json:"submitted_at" example:"2026-11-20T09:30:00Z"`
	Flags               []ListingFlagBody `json:"flags" doc:"Duplicate and spam flags of an offer or a tender, computed at submission: they inform, they never stop a submission"`
	TargetType          string            `json:"target_type,omitempty" enum:"offer,tender,organisation" doc:"For a report: what it is about" example:"offer"`
	TargetID            string            `json:"target_id,omitempty" doc:"For a report: the id of what it is about" example:"01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e"`
	ReportReason        string            `json:"report_reason,omitempty" doc:"For a report: its reason code" example:"misleading"`
	DecisionPaths       []string          `json:"decision_paths" doc:"The routes on which to decide: one for offers and tenders, verify and reject for SSE statuses" example:"[\"/api/v1/moderation/tenders/01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e/decision\"]"`
}

// ModerationQueueOutput is a page of the queue, oldest submission first.
type ModerationQueueOutput struct {
	ContentLanguage string `header:"Content-Language"`
	Body            struct {
		Items      []ModerationQueueItem `json:"items"`
		NextCursor string                `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// decisionPaths are the routes registered by registerOffers, registerTenders
// and registerSSEStatuses on which a moderator decides on it.
func decisionPaths(it domain.QueueItem) []string {
	switch it.Kind {
	case domain.QueueOffer:
		return []string{"/api/v1/moderation/offers/" + it.ID + "/decision"}
	case domain.QueueTender:
		return []string{"/api/v1/moderation/tenders/" + it.ID + "/decision"}
	case domain.QueueSSEStatus:
		return []string{"/api/v1/moderation/sse-statuses/" + it.ID + "/verify", "/api/v1/moderation/sse-statuses/" + it.ID + "/reject"}
	case domain.QueueReport:
		return []string{"/api/v1/moderation/reports/" + it.ID + "/resolution"}
	}
	return []string{}
}

func registerModerationQueue(r *routes, q *core.ModerationQueue) {
	handle(r, Rule{Action: domain.ActModerate}, huma.Operation{OperationID: "list-moderation-queue", Method: http.MethodGet,
		Path: "/api/v1/moderation/queue", Tags: []string{"Moderation"},
		Summary: "Everything waiting for a moderator",
		Description: "Moderators. Pending offers, pending tenders, SSE statuses waiting for verification and open reports in one list, oldest " +
			"submission first, optionally of one kind and of organisations of one country, a page at a time. Items of organisations " +
			"the moderator belongs to are listed too: another moderator must decide on them (the decision routes answer 403). " +
			"The per-kind queues (/api/v1/moderation/offers, /tenders, /sse-statuses) give each item in full."},
		func(ctx context.Context, in *ModerationQueueInput) (*ModerationQueueOutput, error) {
			lang := requestLanguage(ctx, in.AcceptLanguage)
			page, next, err := q.List(ctx, authFrom(ctx).principal, core.QueueQuery{Kind: domain.QueueKind(in.Kind), Country: in.Country,
				Language: lang, Cursor: in.Cursor, Limit: in.Limit})
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &ModerationQueueOutput{ContentLanguage: string(lang)}
			out.Body.Items = make([]ModerationQueueItem, len(page))
			for i, it := range page {
				out.Body.Items[i] = ModerationQueueItem{Kind: string(it.Kind), ID: it.ID, OrganisationID: it.OrganisationID,
					OrganisationName: it.OrganisationName, OrganisationCountry: it.OrganisationCountry, Title: it.Title,
					SubmittedAt: it.SubmittedAt, DecisionPaths: decisionPaths(it), Flags: mapItems(it.Flags, listingFlagBody),
					TargetType: string(it.TargetType), TargetID: it.TargetID, ReportReason: string(it.ReportReason)}
			}
			out.Body.NextCursor = next
			return out, nil
		})
}

// ListingFlagBody is a flag on a listing submitted for moderation.
type ListingFlagBody struct {
	Kind           string `json:"kind" enum:"duplicate,links,blocked_word" example:"duplicate"`
	Detail         string `json:"detail" doc:"The similarity of the titles (duplicate), the number of links (links) or the word found (blocked_word)" example:"0.93"`
	OtherListingID string `json:"other_listing_id,omitempty" doc:"The near-identical listing of the same organisation (duplicate)" example:"01936f3e-5555-7c2d-9e10-3f5a6b7c8d9e"`
}

func listingFlagBody(f domain.ListingFlag) ListingFlagBody {
	return ListingFlagBody{Kind: string(f.Kind), Detail: f.Detail, OtherListingID: f.OtherListingID}
}
