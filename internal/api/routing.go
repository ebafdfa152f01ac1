package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/routing"
)

// MatchBody is a supplier organisation a lot may be routed to, with its
// score and the reasons for it (routing.Reason codes, stable for clients
// to localize).
type MatchBody struct {
	OrganisationID string `json:"organisation_id" format:"uuid" example:"0190f7a2-8d1e-7c3b-9a51-4e2f6b8c1d00"`
	OfferID        string `json:"offer_id" format:"uuid" example:"0190f7a2-8d1e-7c3b-9a51-4e2f6b8c1d01" doc:"The published offer that matched best"`
	Score          int    `json:"score" example:"78" doc:"Sum of the reasons' points"`
	// DistanceKM is nil when either position is unknown.
	DistanceKM *float64         `json:"distance_km,omitempty" example:"12.4" doc:"From the supplier to the place of performance, when both positions are known"`
	Reasons    []routing.Reason `json:"reasons"`
}

// MatchListOutput is a page of a lot's matches, best first.
type MatchListOutput struct {
	Body struct {
		Items      []MatchBody `json:"items"`
		NextCursor string      `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// LotMatchesInput names a lot of a buyer's tender.
type LotMatchesInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	TenderID string `path:"tenderID" format:"uuid"`
	LotID    string `path:"lotID" format:"uuid"`
	Sort     string `query:"sort" enum:"score" default:"score" doc:"Best score first, then closest, then organisation id"`
	Cursor   string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit    int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)"`
}

func registerRouting(r *routes, s *core.Tenders) {
	reader := Rule{Action: domain.ActReadOrganisation, OrgParam: "orgID"}
	handle(r, reader, huma.Operation{OperationID: "list-lot-matches", Method: http.MethodGet,
		Path: "/api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}/matches", Tags: []string{"Tenders"},
		Summary: "Rank the suppliers matching a lot",
		Description: "Members of the buyer and moderators: the verified social-economy suppliers a lot would be routed to now, " +
			"best first, each with its score and the reasons for it (CPV or sector relevance, intervention area, " +
			"reserved-contract eligibility, languages, profile completeness). Suppliers not eligible for a reserved lot, " +
			"or whose offers are not relevant or do not cover the place of performance, are left out. Works before " +
			"publication too, as a preview."},
		func(ctx context.Context, in *LotMatchesInput) (*MatchListOutput, error) {
			page, next, err := s.LotMatches(ctx, authFrom(ctx).principal, in.OrgID, in.TenderID, in.LotID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &MatchListOutput{}
			out.Body.Items = make([]MatchBody, len(page))
			for i, m := range page {
				b := MatchBody{OrganisationID: m.OrganisationID, OfferID: m.OfferID, Score: m.Score, Reasons: m.Reasons}
				if m.DistanceKM >= 0 {
					d := m.DistanceKM
					b.DistanceKM = &d
				}
				out.Body.Items[i] = b
			}
			out.Body.NextCursor = next
			return out, nil
		})
}
