package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// SuspensionInput is a moderator's suspension or reinstatement of an
// organisation, with its reason: a template, a free text, or both.
type SuspensionInput struct {
	LanguageHeader
	OrgID string `path:"orgID" format:"uuid"`
	Body  struct {
		ReasonTemplate string `json:"reason_template,omitempty" maxLength:"64" doc:"A template of /api/v1/moderation/reason-templates: each member reads it in their language" example:"fraud"`
		Reason         string `json:"reason,omitempty" maxLength:"4000" doc:"Free text (at most 2,000 characters), after the template when both are given; a template or a text is required to suspend" example:"Numéro SIRET inexistant."`
	}
}

// OrganisationStatusOutput is an organisation's status after the change.
type OrganisationStatusOutput struct {
	Body struct {
		ID     string `json:"id" format:"uuid" example:"01936f3e-1111-7c2d-9e10-3f5a6b7c8d9e"`
		Status string `json:"status" enum:"active,suspended" example:"suspended"`
	}
}

// ReasonTemplateBody is a reason template in the caller's language and
// in all four.
type ReasonTemplateBody struct {
	Code  string            `json:"code" example:"incomplete_description"`
	Title string            `json:"title" doc:"The template's name in the caller's language" example:"Incomplete description"`
	Text  string            `json:"text" doc:"What the author reads, in the caller's language" example:"The description does not say clearly enough what is offered or needed, where and on what terms. Please complete it."`
	Texts map[string]string `json:"texts" doc:"The text in fr, de, en and nl: each author reads it in their own" example:"{\"fr\":\"La description…\",\"en\":\"The description…\"}"`
}

// ReasonTemplatesOutput is the catalogue of reason templates.
type ReasonTemplatesOutput struct {
	ContentLanguage string `header:"Content-Language"`
	Body            struct {
		Items []ReasonTemplateBody `json:"items"`
	}
}

// ReasonTemplatesInput asks for the catalogue.
type ReasonTemplatesInput struct {
	LanguageHeader
}

func registerSuspensions(r *routes, s *core.Suspensions) {
	tag := []string{"Moderation"}
	mod := Rule{Action: domain.ActModerate}
	do := func(suspend bool) func(context.Context, *SuspensionInput) (*OrganisationStatusOutput, error) {
		return func(ctx context.Context, in *SuspensionInput) (*OrganisationStatusOutput, error) {
			why := domain.DecisionReason{Template: in.Body.ReasonTemplate, Note: in.Body.Reason}
			change := s.Reinstate
			if suspend {
				change = s.Suspend
			}
			org, err := change(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, why)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &OrganisationStatusOutput{}
			out.Body.ID, out.Body.Status = org.ID, org.Status
			return out, nil
		}
	}
	handle(r, mod, huma.Operation{OperationID: "suspend-organisation", Method: http.MethodPost,
		Path: "/api/v1/moderation/organisations/{orgID}/suspension", Tags: tag, Summary: "Suspend an organisation",
		Description: "Moderators, except its members (403). A reason is required: a template, a text or both (422). The organisation's offers, " +
			"tenders and supplier profile leave search (index jobs queued with the change) and routing; it can no longer submit listings, " +
			"respond to tenders or have listings approved; its members still sign in and see their data. Each member is told why in the app " +
			"and by email, in their language, whatever their notification settings. 409 when suspended already."},
		do(true))
	handle(r, mod, huma.Operation{OperationID: "reinstate-organisation", Method: http.MethodPost,
		Path: "/api/v1/moderation/organisations/{orgID}/reinstatement", Tags: tag, Summary: "Reinstate a suspended organisation",
		Description: "Moderators, except its members (403). The reason is optional. Its published listings come back to search; its members are " +
			"told in the app and by email. 409 when not suspended."},
		do(false))
}

func registerReasonTemplates(r *routes) {
	handle(r, Rule{Action: domain.ActModerate}, huma.Operation{OperationID: "list-reason-templates", Method: http.MethodGet,
		Path: "/api/v1/moderation/reason-templates", Tags: []string{"Moderation"}, Summary: "The moderators' reason templates",
		Description: "Moderators. Ready-made reasons in fr, de, en and nl for rejecting or requesting changes on offers and tenders and for " +
			"suspending organisations: pass the code as reason_template, with an optional reason text. The author reads the template in " +
			"their own language. The catalogue is part of the product's texts (reviewed and tested in four languages), not editable data."},
		func(ctx context.Context, in *ReasonTemplatesInput) (*ReasonTemplatesOutput, error) {
			lang := requestLanguage(ctx, in.AcceptLanguage)
			out := &ReasonTemplatesOutput{ContentLanguage: string(lang)}
			for _, t := range domain.ReasonTemplates() {
				texts := map[string]string{}
				for l, s := range t.Text.With() {
					texts[string(l)] = s
				}
				out.Body.Items = append(out.Body.Items, ReasonTemplateBody{Code: t.Code, Title: t.Title.With()[lang], Text: texts[string(lang)], Texts: texts})
			}
			return out, nil
		})
}
