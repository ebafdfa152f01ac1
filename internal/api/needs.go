package api

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/routing"
	"passerelle/internal/store"
)

// NeedBuyerBody is the buyer of a routed need.
type NeedBuyerBody struct {
	OrganisationID string `json:"organisation_id" format:"uuid" example:"0190f7a2-8d1e-7c3b-9a51-4e2f6b8c1d10"`
	Name           string `json:"name" example:"Ville de Thionville"`
}

// NeedAnswerBody is a supplier's answer to a routed need.
type NeedAnswerBody struct {
	Answer     string    `json:"answer" enum:"interested,not_interested" example:"not_interested"`
	Reason     string    `json:"reason,omitempty" example:"no_capacity" doc:"Why not interested: a decline reason code"`
	Note       string    `json:"note,omitempty" example:"Nos équipes sont complètes jusqu'en mars." doc:"The supplier's own words, when not interested"`
	AnsweredAt time.Time `json:"answered_at"`
}

// NeedBody is a lot routed to a supplier organisation.
type NeedBody struct {
	LotID       string `json:"lot_id" format:"uuid" example:"0190f7a2-8d1e-7c3b-9a51-4e2f6b8c1d11"`
	LotTitle    string `json:"lot_title" example:"Bureaux"`
	LotPosition int    `json:"lot_position" example:"1"`
	TenderID    string `json:"tender_id" format:"uuid" example:"0190f7a2-8d1e-7c3b-9a51-4e2f6b8c1d12"`
	TenderTitle string `json:"tender_title" example:"Nettoyage de l'hôtel de ville" doc:"In the requested language when the buyer wrote it, else the original"`
	TenderState string `json:"tender_state" example:"published"`
	// Buyer is nil when the buyer keeps its name private.
	Buyer             *NeedBuyerBody   `json:"buyer,omitempty" doc:"Absent when the buyer keeps its name private"`
	ResponsesDeadline time.Time        `json:"responses_deadline"`
	RoutedAt          time.Time        `json:"routed_at"`
	Batch             int              `json:"batch" example:"1" doc:"1 for the batch at publication, then one per daily top-up"`
	Score             int              `json:"score" example:"78"`
	Reasons           []routing.Reason `json:"reasons" doc:"Why the supplier was chosen, as computed then"`
	Answer            *NeedAnswerBody  `json:"answer,omitempty" doc:"Absent until the supplier answers"`
	Open              bool             `json:"open" doc:"Whether the answer may still be given or changed (until the deadline)"`
}

// NeedListOutput is a page of a supplier's routed needs, newest first.
type NeedListOutput struct {
	Body struct {
		Items      []NeedBody `json:"items"`
		NextCursor string     `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// NeedListInput selects a page of a supplier's routed needs.
type NeedListInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid"`
	Answer string `query:"answer" enum:"unanswered,interested,not_interested" doc:"Only the needs with this answer state"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)"`
}

// NeedAnswerInput is a supplier's answer to a routed need.
type NeedAnswerInput struct {
	LanguageHeader
	OrgID string `path:"orgID" format:"uuid"`
	LotID string `path:"lotID" format:"uuid"`
	Body  struct {
		Answer string `json:"answer" enum:"interested,not_interested" example:"not_interested"`
		Reason string `json:"reason,omitempty" enum:"not_our_activity,outside_our_area,no_capacity,deadline_too_short,too_small,too_large,not_eligible,other" example:"no_capacity" doc:"Required when not interested; not allowed when interested"`
		Note   string `json:"note,omitempty" maxLength:"500" example:"Nos équipes sont complètes jusqu'en mars." doc:"Optional, when not interested"`
	}
}

// NeedAnswerOutput is the answer as recorded.
type NeedAnswerOutput struct {
	Body struct {
		LotID    string         `json:"lot_id" format:"uuid"`
		TenderID string         `json:"tender_id" format:"uuid"`
		Answer   NeedAnswerBody `json:"answer"`
	}
}

func needAnswerBody(a *domain.RouteAnswer) *NeedAnswerBody {
	if a == nil {
		return nil
	}
	return &NeedAnswerBody{Answer: string(a.Interest), Reason: string(a.Reason), Note: a.Note, AnsweredAt: a.AnsweredAt}
}

func registerNeeds(r *routes, s *core.Routing) {
	member := Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}
	handle(r, member, huma.Operation{OperationID: "list-organisation-needs", Method: http.MethodGet,
		Path: "/api/v1/organisations/{orgID}/needs", Tags: []string{"Routing"},
		Summary: "List the needs routed to a supplier",
		Description: "Members of a supplier organisation: the tender lots Passerelle brought to it, newest first, each with " +
			"its tender, buyer (unless anonymous), deadline, the score and reasons it was chosen for, and its answer; " +
			"optionally only the unanswered, interested or not interested ones."},
		func(ctx context.Context, in *NeedListInput) (*NeedListOutput, error) {
			page, next, err := s.ListNeeds(ctx, authFrom(ctx).principal, in.OrgID, store.NeedsFilter(in.Answer), in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			lang := requestLanguage(ctx, in.AcceptLanguage)
			out := &NeedListOutput{}
			out.Body.Items = make([]NeedBody, len(page))
			for i, n := range page {
				b := NeedBody{LotID: n.Route.LotID, LotTitle: n.Lot.Title, LotPosition: n.Lot.Position, TenderID: n.Tender.ID,
					TenderTitle: core.TenderTitleIn(n.Tender, lang), TenderState: string(n.Tender.State),
					ResponsesDeadline: n.Tender.ResponsesDeadline, RoutedAt: n.Route.RoutedAt, Batch: n.Route.Batch,
					Score: n.Route.Score, Reasons: []routing.Reason{}, Answer: needAnswerBody(n.Route.Answer), Open: n.Open}
				if n.Buyer != nil {
					b.Buyer = &NeedBuyerBody{OrganisationID: n.Buyer.ID, Name: core.OrganisationName(*n.Buyer)}
				}
				if err := json.Unmarshal(n.Route.Explanation, &b.Reasons); err != nil {
					return nil, toHTTP(err)
				}
				out.Body.Items[i] = b
			}
			out.Body.NextCursor = next
			return out, nil
		})
	handle(r, member, huma.Operation{OperationID: "answer-organisation-need", Method: http.MethodPut,
		Path: "/api/v1/organisations/{orgID}/needs/{lotID}/answer", Tags: []string{"Routing"},
		Summary: "Answer a need routed to a supplier",
		Description: "Members of a supplier organisation say whether it is interested in a lot brought to it; when not, " +
			"with a reason code and an optional note. The answer may change until the tender's deadline (then 409). " +
			"Declining every lot routed to it shows the supplier as not interested to the buyer and stops its reminders; " +
			"the buyer is told when the 1st, 2nd and 5th supplier is interested, then every 5th."},
		func(ctx context.Context, in *NeedAnswerInput) (*NeedAnswerOutput, error) {
			route, err := s.Answer(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.LotID, domain.RouteAnswer{
				Interest: domain.RouteInterest(in.Body.Answer), Reason: domain.DeclineReason(in.Body.Reason), Note: in.Body.Note})
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &NeedAnswerOutput{}
			out.Body.LotID, out.Body.TenderID = route.LotID, route.TenderID
			if a := needAnswerBody(route.Answer); a != nil {
				out.Body.Answer = *a
			}
			return out, nil
		})
}
