package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// ResponseBody is a response as the API shows it, to its organisation and,
// after the deadline, to the tender's buyer.
type ResponseBody struct {
	ID                string     `json:"id" format:"uuid"`
	TenderID          string     `json:"tender_id" format:"uuid"`
	LotID             string     `json:"lot_id" format:"uuid"`
	OrganisationID    string     `json:"organisation_id" format:"uuid" doc:"The responding supplier"`
	State             string     `json:"state" enum:"draft,submitted,withdrawn,reconfirmation_required,shortlisted,accepted,declined" doc:"The state in the response lifecycle: reconfirmation_required after a substantial edit of the tender, until re-confirmed"`
	Message           string     `json:"message"`
	PriceCents        *int64     `json:"price_cents,omitempty"`
	Currency          string     `json:"currency"`
	PriceText         string     `json:"price_text,omitempty"`
	DocumentIDs       []string   `json:"document_ids"`
	SubmittedAt       *time.Time `json:"submitted_at,omitempty"`
	WithdrawnAt       *time.Time `json:"withdrawn_at,omitempty"`
	ConfirmedVersion  int        `json:"confirmed_version" doc:"The tender's substance version last confirmed"`
	NeedsConfirmation bool       `json:"needs_confirmation" doc:"The tender changed substantially since: re-confirm before the deadline or the response does not count"`
	Counts            bool       `json:"counts" doc:"Sent and confirmed for the tender's current version"`
	DecisionReason    string     `json:"decision_reason,omitempty"`
	DecidedAt         *time.Time `json:"decided_at,omitempty"`
	UpdatedAt         time.Time  `json:"updated_at"`
}

func responseBody(r domain.Response, t domain.Tender) ResponseBody {
	return ResponseBody{ID: r.ID, TenderID: r.TenderID, LotID: r.LotID, OrganisationID: r.OrganisationID, State: string(r.Lifecycle(t)),
		Message: r.Message, PriceCents: r.PriceCents, Currency: r.Currency, PriceText: r.PriceText, DocumentIDs: r.DocumentIDs,
		SubmittedAt: r.SubmittedAt, WithdrawnAt: r.WithdrawnAt, ConfirmedVersion: r.ConfirmedVersion,
		NeedsConfirmation: r.NeedsConfirmation(t), Counts: r.Counts(t), DecisionReason: r.DecisionReason, DecidedAt: r.DecidedAt,
		UpdatedAt: r.UpdatedAt}
}

// ResponseFieldsBody is what a supplier writes in a response.
type ResponseFieldsBody struct {
	Message    string `json:"message" maxLength:"40000" example:"Notre ESAT assure ce type de prestation depuis 2012." doc:"At most 20,000 characters"`
	PriceCents *int64 `json:"price_cents,omitempty" example:"4850000" doc:"Price in cents"`
	Currency   string `json:"currency,omitempty" maxLength:"3" example:"EUR" doc:"ISO 4217; default EUR"`
	PriceText  string `json:"price_text,omitempty" maxLength:"1000" example:"Forfait annuel, fournitures comprises" doc:"At most 500 characters"`
}

func (b ResponseFieldsBody) fields() domain.ResponseFields {
	return domain.ResponseFields{Message: b.Message, PriceCents: b.PriceCents, Currency: b.Currency, PriceText: b.PriceText}
}

// ResponseCreateInput drafts a response to a lot.
type ResponseCreateInput struct {
	LanguageHeader
	TenderID string `path:"tenderID" format:"uuid"`
	LotID    string `path:"lotID" format:"uuid"`
	Body     ResponseFieldsBody
}

// ResponseIDInput names a response.
type ResponseIDInput struct {
	LanguageHeader
	ResponseID string `path:"responseID" format:"uuid"`
}

// ResponseUpdateInput replaces a response's fields.
type ResponseUpdateInput struct {
	LanguageHeader
	ResponseID string `path:"responseID" format:"uuid"`
	Body       ResponseFieldsBody
}

// ResponseDocumentInput names a document of a response.
type ResponseDocumentInput struct {
	LanguageHeader
	ResponseID string `path:"responseID" format:"uuid"`
	DocumentID string `path:"documentID" format:"uuid"`
}

// ResponseOutput returns one response.
type ResponseOutput struct {
	Body ResponseBody
}

// ResponseListOutput is a page of responses.
type ResponseListOutput struct {
	Body struct {
		Items      []ResponseBody `json:"items"`
		NextCursor string         `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// TenderResponsesInput pages through a tender's responses.
type TenderResponsesInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	TenderID string `path:"tenderID" format:"uuid"`
	Sort     string `query:"sort" enum:"created" default:"created" doc:"Oldest first"`
	Cursor   string `query:"cursor" maxLength:"200"`
	Limit    int    `query:"limit" minimum:"0" maximum:"100"`
}

// OwnResponsesInput pages through a supplier's responses.
type OwnResponsesInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid"`
	Sort   string `query:"sort" enum:"created" default:"created" doc:"Oldest first"`
	Cursor string `query:"cursor" maxLength:"200"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100"`
}

// ResponseDecisionInput is the buyer's decision on a response.
type ResponseDecisionInput struct {
	LanguageHeader
	OrgID      string `path:"orgID" format:"uuid"`
	TenderID   string `path:"tenderID" format:"uuid"`
	ResponseID string `path:"responseID" format:"uuid"`
	Body       struct {
		Decision string `json:"decision" enum:"shortlist,accept,decline" example:"decline"`
		Reason   string `json:"reason,omitempty" maxLength:"4000" example:"Le prix dépasse le budget." doc:"Required to decline"`
	}
}

// NotInterestedInput says a supplier is not interested in a tender.
type NotInterestedInput struct {
	LanguageHeader
	TenderID string `path:"tenderID" format:"uuid"`
	Body     struct {
		Reason string `json:"reason" maxLength:"4000" example:"Hors de notre zone d'intervention." doc:"At most 2000 characters"`
	}
}

// NotInterestedBody is a supplier's "not interested" answer.
type NotInterestedBody struct {
	OrganisationID string `json:"organisation_id" format:"uuid"`
	Reason         string `json:"reason"`
	// DeclineReason is set when the supplier declined every lot routed to
	// it with a reason code rather than the whole tender in words.
	DeclineReason string    `json:"decline_reason,omitempty" doc:"The reason code (not_our_activity, outside_our_area, no_capacity, deadline_too_short, too_small, too_large, not_eligible, other) when the supplier declined every lot routed to it"`
	CreatedAt     time.Time `json:"created_at"`
}

// NotInterestedListOutput is a page of "not interested" answers.
type NotInterestedListOutput struct {
	Body struct {
		Items      []NotInterestedBody `json:"items"`
		NextCursor string              `json:"next_cursor"`
	}
}

func registerResponses(r *routes, s *core.Responses, tenders *core.Tenders, docs *core.Documents) {
	tag := []string{"Responses"}
	member := Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}
	sealed := " Responses are sealed: until the responses deadline only the responding organisation sees its response; after it " +
		"the tender's buyer sees those that count; nobody else ever does, moderators and admins included (404)."
	one := func(ctx context.Context, resp domain.Response, err error) (*ResponseOutput, error) {
		if err != nil {
			return nil, toHTTP(err)
		}
		got, t, err := s.Get(ctx, actorFrom(ctx), authFrom(ctx).principal, resp.ID)
		if err != nil {
			return nil, toHTTP(err)
		}
		return &ResponseOutput{Body: responseBody(got, t)}, nil
	}
	list := func(ctx context.Context, page []domain.Response, next string, err error) (*ResponseListOutput, error) {
		if err != nil {
			return nil, toHTTP(err)
		}
		out := &ResponseListOutput{}
		out.Body.Items = make([]ResponseBody, len(page))
		tenderOf := map[string]domain.Tender{}
		for i, resp := range page {
			t, ok := tenderOf[resp.TenderID]
			if !ok {
				v, err := tenders.Get(ctx, authFrom(ctx).principal, resp.TenderID)
				if err != nil {
					// A tender hidden again (cancelled) is still the context of the response.
					v.Tender.ID, v.Tender.SubstanceVersion = resp.TenderID, resp.ConfirmedVersion
				}
				t, tenderOf[resp.TenderID] = v.Tender, v.Tender
			}
			out.Body.Items[i] = responseBody(resp, t)
		}
		out.Body.NextCursor = next
		return out, nil
	}

	handle(r, SignedIn, huma.Operation{OperationID: "create-response", Method: http.MethodPost, Path: "/api/v1/tenders/{tenderID}/lots/{lotID}/responses",
		Tags: tag, Summary: "Draft a response to a lot", DefaultStatus: http.StatusCreated,
		Description: "For the SSE supplier the caller acts for (X-Passerelle-Organisation), to a published tender before its " +
			"responses deadline; one response per organisation and lot. Submit it to send it." + sealed},
		func(ctx context.Context, in *ResponseCreateInput) (*ResponseOutput, error) {
			resp, err := s.Create(ctx, actorFrom(ctx), authFrom(ctx).principal, in.TenderID, in.LotID, in.Body.fields())
			return one(ctx, resp, err)
		})

	handle(r, SignedIn, huma.Operation{OperationID: "get-response", Method: http.MethodGet, Path: "/api/v1/responses/{responseID}", Tags: tag,
		Summary: "A response", Description: "Members of the responding organisation; after the deadline, members of the buyer." + sealed},
		func(ctx context.Context, in *ResponseIDInput) (*ResponseOutput, error) {
			resp, t, err := s.Get(ctx, actorFrom(ctx), authFrom(ctx).principal, in.ResponseID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &ResponseOutput{Body: responseBody(resp, t)}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "update-response", Method: http.MethodPut, Path: "/api/v1/responses/{responseID}", Tags: tag,
		Summary: "Replace a response's message and price",
		Description: "Members of the responding organisation, while the response is a draft or withdrawn and before the deadline " +
			"(withdraw a submitted response to change it)." + sealed},
		func(ctx context.Context, in *ResponseUpdateInput) (*ResponseOutput, error) {
			resp, err := s.Update(ctx, actorFrom(ctx), authFrom(ctx).principal, in.ResponseID, in.Body.fields())
			return one(ctx, resp, err)
		})

	for _, step := range []struct {
		id, path, summary, description string
		run                            func(context.Context, core.Actor, domain.Principal, string) (domain.Response, error)
	}{
		{"submit-response", "submit", "Submit a response", "A draft or withdrawn response is sent, confirmed for the tender's current version. Before the deadline.", s.Submit},
		{"withdraw-response", "withdraw", "Withdraw a response", "A submitted response is taken back, before the deadline; it may be submitted again.", s.Withdraw},
		{"confirm-response", "confirm", "Re-confirm a response",
			"After a substantial edit of the tender (shortened deadline, lots, clauses), a submitted response counts only once re-confirmed, before the deadline. Confirming a current response changes nothing.", s.Confirm},
	} {
		handle(r, SignedIn, huma.Operation{OperationID: step.id, Method: http.MethodPost, Path: "/api/v1/responses/{responseID}/" + step.path, Tags: tag,
			Summary: step.summary, Description: "Members of the responding organisation. " + step.description + " Other states: 409 listing the allowed transitions."},
			func(ctx context.Context, in *ResponseIDInput) (*ResponseOutput, error) {
				resp, err := step.run(ctx, actorFrom(ctx), authFrom(ctx).principal, in.ResponseID)
				return one(ctx, resp, err)
			})
	}

	handle(r, SignedIn, huma.Operation{OperationID: "attach-response-document", Method: http.MethodPut, Path: "/api/v1/responses/{responseID}/documents/{documentID}", Tags: tag,
		Summary:     "Attach a document to a response",
		Description: "Members of the responding organisation; the document is theirs, uploaded with purpose response_document. Draft or withdrawn responses, before the deadline. Idempotent."},
		func(ctx context.Context, in *ResponseDocumentInput) (*ResponseOutput, error) {
			resp, err := s.AttachDocument(ctx, actorFrom(ctx), authFrom(ctx).principal, in.ResponseID, in.DocumentID)
			return one(ctx, resp, err)
		})

	handle(r, SignedIn, huma.Operation{OperationID: "detach-response-document", Method: http.MethodDelete, Path: "/api/v1/responses/{responseID}/documents/{documentID}", Tags: tag,
		Summary: "Detach a document from a response", Description: "Same conditions as attaching; the document itself stays."},
		func(ctx context.Context, in *ResponseDocumentInput) (*ResponseOutput, error) {
			resp, err := s.DetachDocument(ctx, actorFrom(ctx), authFrom(ctx).principal, in.ResponseID, in.DocumentID)
			return one(ctx, resp, err)
		})

	handle(r, SignedIn, huma.Operation{OperationID: "download-response-document", Method: http.MethodGet,
		Path: "/api/v1/responses/{responseID}/documents/{documentID}/download", Tags: tag, DefaultStatus: http.StatusSeeOther,
		Summary:     "Download a response document",
		Description: "Whoever may see the response is redirected to a short-lived download link." + sealed},
		func(ctx context.Context, in *ResponseDocumentInput) (*DownloadOutput, error) {
			url, _, err := docs.ResponseDocumentURL(ctx, authFrom(ctx).principal, in.ResponseID, in.DocumentID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &DownloadOutput{Location: url, CacheControl: "no-store"}, nil
		})

	handle(r, member, huma.Operation{OperationID: "list-own-responses", Method: http.MethodGet, Path: "/api/v1/organisations/{orgID}/responses", Tags: tag,
		Summary: "A supplier's responses", Description: "Members of the supplier only, every state, oldest first." + sealed},
		func(ctx context.Context, in *OwnResponsesInput) (*ResponseListOutput, error) {
			page, next, err := s.ListOwn(ctx, authFrom(ctx).principal, in.OrgID, in.Cursor, in.Limit)
			return list(ctx, page, next, err)
		})

	handle(r, member, huma.Operation{OperationID: "list-tender-responses", Method: http.MethodGet, Path: "/api/v1/organisations/{orgID}/tenders/{tenderID}/responses", Tags: tag,
		Summary: "The responses to a tender",
		Description: "Members of the buyer, once the responses deadline passed (409 before: sealed). Only responses that count: " +
			"submitted and confirmed for the tender's current version. Oldest first." + sealed},
		func(ctx context.Context, in *TenderResponsesInput) (*ResponseListOutput, error) {
			page, next, err := s.ListForTender(ctx, authFrom(ctx).principal, in.OrgID, in.TenderID, in.Cursor, in.Limit)
			return list(ctx, page, next, err)
		})

	handle(r, member, huma.Operation{OperationID: "decide-response", Method: http.MethodPost, Path: "/api/v1/organisations/{orgID}/tenders/{tenderID}/responses/{responseID}/decision", Tags: tag,
		Summary:     "Shortlist, accept or decline a response",
		Description: "Members of the buyer, after the deadline, on a response that counts. decline needs a reason. Illegal transitions: 409 listing the allowed ones."},
		func(ctx context.Context, in *ResponseDecisionInput) (*ResponseOutput, error) {
			resp, err := s.Decide(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, in.ResponseID,
				core.ResponseDecision(in.Body.Decision), in.Body.Reason)
			return one(ctx, resp, err)
		})

	handle(r, SignedIn, huma.Operation{OperationID: "mark-tender-not-interested", Method: http.MethodPut, Path: "/api/v1/tenders/{tenderID}/not-interested", Tags: tag,
		Summary: "Say the supplier is not interested", DefaultStatus: http.StatusNoContent,
		Description: "For the SSE supplier the caller acts for, on a published tender before its deadline, with a reason the buyer reads. Saying it again replaces the reason."},
		func(ctx context.Context, in *NotInterestedInput) (*NoContentOutput, error) {
			if err := s.NotInterested(ctx, actorFrom(ctx), authFrom(ctx).principal, in.TenderID, in.Body.Reason); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})

	handle(r, member, huma.Operation{OperationID: "list-tender-not-interested", Method: http.MethodGet, Path: "/api/v1/organisations/{orgID}/tenders/{tenderID}/not-interested", Tags: tag,
		Summary: "Suppliers not interested in a tender", Description: "Members of the buyer: the suppliers' reasons, oldest first."},
		func(ctx context.Context, in *TenderResponsesInput) (*NotInterestedListOutput, error) {
			page, next, err := s.ListNotInterested(ctx, authFrom(ctx).principal, in.OrgID, in.TenderID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &NotInterestedListOutput{}
			out.Body.Items = make([]NotInterestedBody, len(page))
			for i, n := range page {
				out.Body.Items[i] = NotInterestedBody{OrganisationID: n.OrganisationID, Reason: n.Reason,
					DeclineReason: string(n.DeclineReason), CreatedAt: n.CreatedAt}
			}
			out.Body.NextCursor = next
			return out, nil
		})
}
