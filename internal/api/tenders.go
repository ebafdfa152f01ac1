package api

import (
	"context"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// TenderOutput returns one tender.
type TenderOutput struct {
	Body TenderBody
}

// TenderListOutput is a page of tenders.
type TenderListOutput struct {
	Body struct {
		Items      []TenderBody `json:"items"`
		NextCursor string       `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// TenderCreateInput creates a draft tender.
type TenderCreateInput struct {
	LanguageHeader
	OrgID string `path:"orgID" format:"uuid"`
	Body  struct {
		Kind              string           `json:"kind" enum:"formal_tender,quote_request,sourcing" example:"formal_tender"`
		Language          string           `json:"language" enum:"fr,de,en,nl" example:"fr" doc:"Original language of title and description"`
		Title             string           `json:"title" maxLength:"400" example:"Nettoyage de l'hôtel de ville" doc:"At most 200 characters"`
		Description       string           `json:"description,omitempty" maxLength:"40000" example:"Entretien quotidien des bureaux." doc:"Markdown, at most 20,000 characters"`
		Translations      []TenderTextBody `json:"translations,omitempty" maxItems:"3" doc:"The title and description in other languages"`
		PlaceNUTS         string           `json:"place_nuts" maxLength:"10" example:"FRF33" doc:"NUTS code of the place of performance"`
		PlaceTown         string           `json:"place_town" maxLength:"400" example:"Thionville"`
		QuestionsDeadline time.Time        `json:"questions_deadline" example:"2030-03-01T12:00:00Z"`
		ResponsesDeadline time.Time        `json:"responses_deadline" example:"2030-03-15T12:00:00Z"`
		ResponseLanguages []string         `json:"response_languages" maxItems:"4" example:"[\"fr\",\"de\"]"`
		BuyerAnonymous    bool             `json:"buyer_anonymous,omitempty" doc:"Hide the buyer from suppliers and the public" example:"false"`
	}
}

// TenderIDInput names a tender of an organisation.
type TenderIDInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	TenderID string `path:"tenderID" format:"uuid"`
}

// TenderPatchInput changes some fields of a tender.
type TenderPatchInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	TenderID string `path:"tenderID" format:"uuid"`
	Body     struct {
		Kind              *string          `json:"kind,omitempty" enum:"formal_tender,quote_request,sourcing" example:"quote_request"`
		Language          *string          `json:"language,omitempty" enum:"fr,de,en,nl" example:"fr"`
		PlaceNUTS         *string          `json:"place_nuts,omitempty" maxLength:"10" example:"FRF33"`
		PlaceTown         *string          `json:"place_town,omitempty" maxLength:"400" example:"Thionville"`
		QuestionsDeadline *time.Time       `json:"questions_deadline,omitempty" example:"2027-03-01T12:00:00Z"`
		ResponsesDeadline *time.Time       `json:"responses_deadline,omitempty" example:"2030-04-01T12:00:00Z"`
		ResponseLanguages []string         `json:"response_languages,omitempty" maxItems:"4" example:"fr"`
		BuyerAnonymous    *bool            `json:"buyer_anonymous,omitempty" example:"false"`
		Texts             []TenderTextBody `json:"texts,omitempty" maxItems:"4" doc:"Replace every text; the one in the original language is the original"`
	}
}

// CancelInput cancels a tender.
type CancelInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	TenderID string `path:"tenderID" format:"uuid"`
	// Body is optional: a cancellation may go without a reason.
	Body *struct {
		Reason string `json:"reason,omitempty" maxLength:"4000" example:"The budget was not voted." doc:"At most 2000 characters"`
	}
}

// LotCreateInput adds a lot.
type LotCreateInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	TenderID string `path:"tenderID" format:"uuid"`
	Body     LotFields
}

// LotUpdateInput replaces a lot's fields.
type LotUpdateInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	TenderID string `path:"tenderID" format:"uuid"`
	LotID    string `path:"lotID" format:"uuid"`
	Body     LotFields
}

// LotIDInput names a lot.
type LotIDInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	TenderID string `path:"tenderID" format:"uuid"`
	LotID    string `path:"lotID" format:"uuid"`
}

// LotOutput returns one lot.
type LotOutput struct {
	Body LotBody
}

// TenderDocumentInput names a document of a tender.
type TenderDocumentInput struct {
	LanguageHeader
	OrgID      string `path:"orgID" format:"uuid"`
	TenderID   string `path:"tenderID" format:"uuid"`
	DocumentID string `path:"documentID" format:"uuid"`
}

// TenderListInput pages through the published tenders.
type TenderListInput struct {
	LanguageHeader
	Kind   string `query:"kind" enum:"formal_tender,quote_request,sourcing" doc:"Only tenders of this kind"`
	Sort   string `query:"sort" enum:"deadline" default:"deadline" doc:"Nearest responses deadline first"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)"`
}

// OwnTenderListInput pages through a buyer's tenders.
type OwnTenderListInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid"`
	Sort   string `query:"sort" enum:"created" default:"created" doc:"Oldest first"`
	Cursor string `query:"cursor" maxLength:"200"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100"`
}

// PublicTenderInput names a tender.
type PublicTenderInput struct {
	LanguageHeader
	TenderID string `path:"tenderID" format:"uuid"`
}

// PublicTenderDocumentInput names a document of a tender.
type PublicTenderDocumentInput struct {
	LanguageHeader
	TenderID   string `path:"tenderID" format:"uuid"`
	DocumentID string `path:"documentID" format:"uuid"`
}

// TenderQueueInput pages through the moderators' queue of tenders.
type TenderQueueInput struct {
	LanguageHeader
	Kind    string `query:"kind" enum:"formal_tender,quote_request,sourcing"`
	Country string `query:"country" maxLength:"2" example:"LU" doc:"Only tenders of buyers registered in this country"`
	Sort    string `query:"sort" enum:"submitted" default:"submitted" doc:"Oldest submission first"`
	Cursor  string `query:"cursor" maxLength:"200"`
	Limit   int    `query:"limit" minimum:"0" maximum:"100"`
}

// TenderReviewItem is a tender in the moderators' queue.
type TenderReviewItem struct {
	TenderBody
	OrganisationName    string `json:"organisation_name"`
	OrganisationCountry string `json:"organisation_country"`
}

// TenderQueueOutput is a page of the moderators' queue.
type TenderQueueOutput struct {
	Body struct {
		Items      []TenderReviewItem `json:"items"`
		NextCursor string             `json:"next_cursor"`
	}
}

// TenderDecisionInput is a moderator's decision on a tender.
type TenderDecisionInput struct {
	LanguageHeader
	TenderID string `path:"tenderID" format:"uuid"`
	Body     struct {
		Decision string `json:"decision" enum:"approve,reject,request_changes" example:"request_changes"`
		Reason   string `json:"reason,omitempty" maxLength:"4000" example:"Please state the legal basis of lot 2." doc:"Required to reject or request changes, unless reason_template is given; then it follows the template"`
		// ReasonTemplate came with issue 6; clients that send only reason keep working.
		ReasonTemplate string `json:"reason_template,omitempty" maxLength:"64" doc:"A template of /api/v1/moderation/reason-templates: each member of the buyer reads it in their language" example:"incomplete_description"`
	}
}

func registerTenders(r *routes, s *core.Tenders, docs *core.Documents) {
	tag := []string{"Tenders"}
	member := Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}
	reader := Rule{Action: domain.ActReadOrganisation, OrgParam: "orgID"}
	moderator := Rule{Action: domain.ActModerate}
	base := "/api/v1/organisations/{orgID}/tenders"
	one := func(ctx context.Context, acceptLanguage string, t domain.Tender, err error) (*TenderOutput, error) {
		if err != nil {
			return nil, toHTTP(err)
		}
		p := authFrom(ctx).principal
		v, err := s.Get(ctx, p, t.ID)
		if err != nil {
			return nil, toHTTP(err)
		}
		return &TenderOutput{Body: tenderBody(v, s.Now(), p, string(requestLanguage(ctx, acceptLanguage)))}, nil
	}
	list := func(ctx context.Context, acceptLanguage string, views []core.TenderView, next string, err error) (*TenderListOutput, error) {
		if err != nil {
			return nil, toHTTP(err)
		}
		out := &TenderListOutput{}
		out.Body.Items = make([]TenderBody, len(views))
		for i, v := range views {
			out.Body.Items[i] = tenderBody(v, s.Now(), authFrom(ctx).principal, string(requestLanguage(ctx, acceptLanguage)))
		}
		out.Body.NextCursor = next
		return out, nil
	}

	handle(r, member, huma.Operation{OperationID: "create-tender", Method: http.MethodPost, Path: base, Tags: tag,
		Summary: "Create a draft tender", DefaultStatus: http.StatusCreated,
		Description: "Members of a buyer organisation (public_buyer or private_buyer; others get 403). The tender starts as a " +
			"draft: add lots, attach documents, then submit it to the moderators. Deadlines must be in the future, the " +
			"questions deadline no later than the responses deadline."},
		func(ctx context.Context, in *TenderCreateInput) (*TenderOutput, error) {
			b := in.Body
			t := domain.Tender{Kind: domain.TenderKind(b.Kind), OriginalLanguage: domain.Language(b.Language), PlaceNUTS: b.PlaceNUTS,
				PlaceTown: b.PlaceTown, QuestionsDeadline: b.QuestionsDeadline, ResponsesDeadline: b.ResponsesDeadline,
				BuyerAnonymous: b.BuyerAnonymous, ResponseLanguages: languages(b.ResponseLanguages)}
			t.Texts = append([]domain.TenderText{{Language: t.OriginalLanguage, Title: b.Title, Description: b.Description}}, texts(b.Translations)...)
			out, err := s.Create(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, t)
			return one(ctx, in.AcceptLanguage, out, err)
		})

	handle(r, reader, huma.Operation{OperationID: "list-own-tenders", Method: http.MethodGet, Path: base, Tags: tag,
		Summary: "A buyer's tenders", Description: "Members of the organisation and moderators: every tender in every state, oldest first, a page at a time."},
		func(ctx context.Context, in *OwnTenderListInput) (*TenderListOutput, error) {
			views, next, err := s.ListOwn(ctx, authFrom(ctx).principal, in.OrgID, in.Cursor, in.Limit)
			return list(ctx, in.AcceptLanguage, views, next, err)
		})

	handle(r, member, huma.Operation{OperationID: "update-tender", Method: http.MethodPatch, Path: base + "/{tenderID}", Tags: tag,
		Summary: "Change a tender",
		Description: "Members of the buyer. Drafts and tenders waiting on changes change freely; a published tender may change its " +
			"deadlines, place, texts and response languages (not its kind, language or anonymity). Shortening a deadline of a " +
			"published tender is a substantial change: it needs 7 days before the responses deadline and makes sent responses " +
			"count only once their authors re-confirm them."},
		func(ctx context.Context, in *TenderPatchInput) (*TenderOutput, error) {
			b := in.Body
			p := core.TenderPatch{PlaceNUTS: b.PlaceNUTS, PlaceTown: b.PlaceTown, QuestionsDeadline: b.QuestionsDeadline,
				ResponsesDeadline: b.ResponsesDeadline, BuyerAnonymous: b.BuyerAnonymous}
			if b.Kind != nil {
				k := domain.TenderKind(*b.Kind)
				p.Kind = &k
			}
			if b.Language != nil {
				l := domain.Language(*b.Language)
				p.OriginalLanguage = &l
			}
			if b.ResponseLanguages != nil {
				p.ResponseLanguages = languages(b.ResponseLanguages)
			}
			if b.Texts != nil {
				p.Texts = texts(b.Texts)
			}
			out, err := s.Update(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, p)
			return one(ctx, in.AcceptLanguage, out, err)
		})

	handle(r, member, huma.Operation{OperationID: "submit-tender", Method: http.MethodPost, Path: base + "/{tenderID}/submit", Tags: tag,
		Summary: "Submit a tender to the moderators",
		Description: "A draft, or a tender waiting on changes, with at least one lot and deadlines not passed, becomes pending. " +
			"Other states: 409 listing the allowed transitions."},
		func(ctx context.Context, in *TenderIDInput) (*TenderOutput, error) {
			out, err := s.Submit(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID)
			return one(ctx, in.AcceptLanguage, out, err)
		})

	handle(r, member, huma.Operation{OperationID: "cancel-tender", Method: http.MethodPost, Path: base + "/{tenderID}/cancel", Tags: tag,
		Summary: "Cancel a tender", Description: "Members of the buyer, until the responses deadline; the reason is optional."},
		func(ctx context.Context, in *CancelInput) (*TenderOutput, error) {
			reason := ""
			if in.Body != nil {
				reason = in.Body.Reason
			}
			out, err := s.Cancel(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, reason)
			return one(ctx, in.AcceptLanguage, out, err)
		})

	handle(r, member, huma.Operation{OperationID: "add-tender-lot", Method: http.MethodPost, Path: base + "/{tenderID}/lots", Tags: tag,
		Summary: "Add a lot", DefaultStatus: http.StatusCreated,
		Description: "Members of the buyer, in a draft or a tender waiting on changes; in a published tender it is a substantial " +
			"change (7 days before the deadline at least; sent responses must be re-confirmed)."},
		func(ctx context.Context, in *LotCreateInput) (*LotOutput, error) {
			l, err := s.AddLot(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, lotFrom(in.Body))
			if err != nil {
				return nil, toHTTP(err)
			}
			return &LotOutput{Body: lotBody(l, string(requestLanguage(ctx, in.AcceptLanguage)))}, nil
		})

	handle(r, member, huma.Operation{OperationID: "update-tender-lot", Method: http.MethodPut, Path: base + "/{tenderID}/lots/{lotID}", Tags: tag,
		Summary: "Replace a lot", Description: "Every field of the lot; its position stays. Same conditions as adding a lot."},
		func(ctx context.Context, in *LotUpdateInput) (*LotOutput, error) {
			l, err := s.UpdateLot(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, in.LotID, lotFrom(in.Body))
			if err != nil {
				return nil, toHTTP(err)
			}
			return &LotOutput{Body: lotBody(l, string(requestLanguage(ctx, in.AcceptLanguage)))}, nil
		})

	handle(r, member, huma.Operation{OperationID: "delete-tender-lot", Method: http.MethodDelete, Path: base + "/{tenderID}/lots/{lotID}", Tags: tag,
		Summary: "Delete a lot", DefaultStatus: http.StatusNoContent,
		Description: "The other lots are renumbered. Same conditions as adding a lot."},
		func(ctx context.Context, in *LotIDInput) (*NoContentOutput, error) {
			if err := s.DeleteLot(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, in.LotID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})

	handle(r, member, huma.Operation{OperationID: "attach-tender-document", Method: http.MethodPut, Path: base + "/{tenderID}/documents/{documentID}", Tags: tag,
		Summary: "Attach a document to a tender",
		Description: "The document must belong to the buyer and have been uploaded (POST /api/v1/organisations/{orgID}/documents) " +
			"with purpose tender_document. Idempotent. Until the responses deadline."},
		func(ctx context.Context, in *TenderDocumentInput) (*TenderOutput, error) {
			out, err := s.AttachDocument(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, in.DocumentID)
			return one(ctx, in.AcceptLanguage, out, err)
		})

	handle(r, member, huma.Operation{OperationID: "detach-tender-document", Method: http.MethodDelete, Path: base + "/{tenderID}/documents/{documentID}", Tags: tag,
		Summary: "Detach a document from a tender", Description: "The document itself stays. Until the responses deadline."},
		func(ctx context.Context, in *TenderDocumentInput) (*TenderOutput, error) {
			out, err := s.DetachDocument(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, in.DocumentID)
			return one(ctx, in.AcceptLanguage, out, err)
		})

	handle(r, Public, huma.Operation{OperationID: "list-tenders", Method: http.MethodGet, Path: "/api/v1/tenders", Tags: tag,
		Summary: "Published tenders",
		Description: "Everyone. Published tenders of active (not suspended) buyers, nearest responses deadline first, a page at a time; " +
			"an anonymous buyer is not named."},
		func(ctx context.Context, in *TenderListInput) (*TenderListOutput, error) {
			views, next, err := s.ListPublished(ctx, authFrom(ctx).principal, domain.TenderKind(in.Kind), in.Cursor, in.Limit)
			return list(ctx, in.AcceptLanguage, views, next, err)
		})

	handle(r, Public, huma.Operation{OperationID: "get-tender", Method: http.MethodGet, Path: "/api/v1/tenders/{tenderID}", Tags: tag,
		Summary: "A tender",
		Description: "Everyone once published (also closed, awarded, not awarded); before that, cancelled or rejected, or while the " +
			"buyer is suspended, only members of the buyer and moderators (404 for others). An anonymous buyer is named to its members and moderators only."},
		func(ctx context.Context, in *PublicTenderInput) (*TenderOutput, error) {
			p := authFrom(ctx).principal
			v, err := s.Get(ctx, p, in.TenderID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &TenderOutput{Body: tenderBody(v, s.Now(), p, string(requestLanguage(ctx, in.AcceptLanguage)))}, nil
		})

	handle(r, Public, huma.Operation{OperationID: "download-tender-document", Method: http.MethodGet,
		Path: "/api/v1/tenders/{tenderID}/documents/{documentID}/download", Tags: tag, DefaultStatus: http.StatusSeeOther,
		Summary: "Download a tender document",
		Description: "Whoever may see the tender (everyone once published, unless its buyer is suspended) is redirected to a short-lived download link; " +
			"for an anonymous buyer, suppliers and the public get the content itself (200), since the link would name the buyer."},
		func(ctx context.Context, in *PublicTenderDocumentInput) (*huma.StreamResponse, error) {
			dl, err := docs.TenderDocument(ctx, authFrom(ctx).principal, in.TenderID, in.DocumentID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &huma.StreamResponse{Body: func(hc huma.Context) {
				hc.SetHeader("Cache-Control", "no-store")
				if dl.Body == nil {
					hc.SetHeader("Location", dl.URL)
					hc.SetStatus(http.StatusSeeOther)
					return
				}
				defer dl.Body.Close()
				hc.SetHeader("Content-Type", dl.Document.ContentType)
				hc.SetHeader("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": dl.Document.Filename}))
				hc.SetHeader("X-Content-Type-Options", "nosniff")
				hc.SetStatus(http.StatusOK)
				_, _ = io.Copy(hc.BodyWriter(), dl.Body) // a client gone away is no error of ours
			}}, nil
		})

	handle(r, moderator, huma.Operation{OperationID: "list-tender-reviews", Method: http.MethodGet, Path: "/api/v1/moderation/tenders", Tags: tag,
		Summary:     "The moderators' queue of tenders",
		Description: "Moderators. Pending tenders, oldest submission first, optionally of one kind or from buyers of one country."},
		func(ctx context.Context, in *TenderQueueInput) (*TenderQueueOutput, error) {
			p := authFrom(ctx).principal
			page, next, err := s.Queue(ctx, p, domain.TenderKind(in.Kind), in.Country, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &TenderQueueOutput{}
			out.Body.Items = make([]TenderReviewItem, len(page))
			for i, it := range page {
				v := core.TenderView{Tender: it.Tender, Buyer: &domain.Organisation{ID: it.Tender.OrganisationID,
					LegalName: it.OrganisationName, Country: it.OrganisationCountry}}
				out.Body.Items[i] = TenderReviewItem{TenderBody: tenderBody(v, s.Now(), p, string(requestLanguage(ctx, in.AcceptLanguage))), OrganisationName: it.OrganisationName,
					OrganisationCountry: it.OrganisationCountry}
			}
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, moderator, huma.Operation{OperationID: "decide-tender", Method: http.MethodPost, Path: "/api/v1/moderation/tenders/{tenderID}/decision", Tags: tag,
		Summary: "Approve, reject or request changes to a pending tender",
		Description: "Moderators, except members of the buyer (403). approve publishes the tender and schedules its closing at the " +
			"responses deadline; reject and request_changes need a reason the buyer sees (a reason_template, a reason text, or both). " +
			"Approving a tender of a suspended buyer is a 409. A tender left waiting on changes for " +
			"10 days is rejected automatically."},
		func(ctx context.Context, in *TenderDecisionInput) (*TenderOutput, error) {
			out, err := s.DecideWith(ctx, actorFrom(ctx), authFrom(ctx).principal, in.TenderID, core.Decision(in.Body.Decision),
				domain.DecisionReason{Template: in.Body.ReasonTemplate, Note: in.Body.Reason})
			return one(ctx, in.AcceptLanguage, out, err)
		})
}
