package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// SSEStatusTypeCode is an SSE status type code; its schema lists them all.
type SSEStatusTypeCode string

// Schema lists the known codes, from the domain, so it never drifts.
func (SSEStatusTypeCode) Schema(huma.Registry) *huma.Schema {
	codes := make([]any, 0, len(domain.SSEStatusTypes()))
	for _, t := range domain.SSEStatusTypes() {
		codes = append(codes, string(t))
	}
	return &huma.Schema{Type: "string", Enum: codes, Description: "SSE status type (see GET /api/v1/sse-status-types)"}
}

// LanguageHeader picks the language of labels.
type LanguageHeader struct {
	AcceptLanguage string `header:"Accept-Language" example:"fr" doc:"Language of labels: fr, de, en or nl (default en)"`
}

// SSEStatusBody is an SSE status as the API shows it. Non-members see only
// statuses that count, without evidence nor review details.
type SSEStatusBody struct {
	ID                 string     `json:"id" format:"uuid"`
	OrganisationID     string     `json:"organisation_id" format:"uuid"`
	Type               string     `json:"type" example:"fr_esat"`
	TypeLabel          string     `json:"type_label" doc:"Name of the type in the caller's language"`
	Country            string     `json:"country" doc:"Country that grants the status"`
	Category           string     `json:"category" enum:"sheltered,integration,social_economy"`
	RegistrationNumber string     `json:"registration_number" example:"FINESS 570012345"`
	ValidUntil         string     `json:"valid_until" format:"date" doc:"Last day the status counts" example:"2028-12-31"`
	DisabledShare      *float64   `json:"disabled_share,omitempty" doc:"Share of disabled or disadvantaged workers, in percent" example:"85"`
	ShareMeasuredOn    string     `json:"share_measured_on,omitempty" format:"date" example:"2026-09-30"`
	State              string     `json:"state" enum:"unverified,pending,verified,rejected"`
	Counts             bool       `json:"counts" doc:"Verified and not expired: only such statuses count for eligibility"`
	SubmittedAt        *time.Time `json:"submitted_at,omitempty" doc:"When verification was last requested"`
	ReviewedAt         *time.Time `json:"reviewed_at,omitempty"`
	RejectionReason    string     `json:"rejection_reason,omitempty"`
	EvidenceIDs        []string   `json:"evidence_document_ids,omitempty" doc:"Evidence documents (members and moderators only)"`
	UpdatedAt          time.Time  `json:"updated_at"`
}

func sseStatusBody(s domain.SSEStatus, lang string, now time.Time) SSEStatusBody {
	b := SSEStatusBody{ID: s.ID, OrganisationID: s.OrganisationID, Type: string(s.Type), TypeLabel: s.Type.Label(lang),
		Country: s.Type.Country(), Category: s.Type.Category(), RegistrationNumber: s.RegistrationNumber,
		ValidUntil: s.ValidUntil.Format(time.DateOnly), DisabledShare: s.DisabledShare, State: string(s.State),
		Counts: s.Counts(now), SubmittedAt: s.SubmittedAt, ReviewedAt: s.ReviewedAt, RejectionReason: s.RejectionReason,
		EvidenceIDs: s.EvidenceIDs, UpdatedAt: s.UpdatedAt}
	if s.ShareMeasuredOn != nil {
		b.ShareMeasuredOn = s.ShareMeasuredOn.Format(time.DateOnly)
	}
	return b
}

// SSEStatusOutput returns one status.
type SSEStatusOutput struct {
	Body SSEStatusBody
}

// SSEStatusListOutput lists an organisation's statuses (at most one per
// type, so never paginated).
type SSEStatusListOutput struct {
	Body struct {
		Items []SSEStatusBody `json:"items"`
	}
}

// SSEStatusCreateInput declares a status.
type SSEStatusCreateInput struct {
	LanguageHeader
	OrgID string `path:"orgID" format:"uuid"`
	Body  struct {
		Type               SSEStatusTypeCode `json:"type" example:"fr_esat"`
		RegistrationNumber string            `json:"registration_number" maxLength:"200" doc:"Approval or registration number" example:"FINESS 570012345"`
		ValidUntil         string            `json:"valid_until" maxLength:"10" doc:"Last day the status is valid (YYYY-MM-DD)" example:"2028-12-31"`
		DisabledShare      *float64          `json:"disabled_share,omitempty" doc:"Share of disabled or disadvantaged workers, percent, two decimals at most" example:"85"`
		ShareMeasuredOn    string            `json:"share_measured_on,omitempty" maxLength:"10" doc:"Day the share was measured (YYYY-MM-DD); required with disabled_share" example:"2026-09-30"`
	}
}

// SSEStatusIDInput names a status of an organisation.
type SSEStatusIDInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	StatusID string `path:"statusID" format:"uuid"`
}

// SSEStatusPatchInput changes some fields of a status.
type SSEStatusPatchInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	StatusID string `path:"statusID" format:"uuid"`
	Body     struct {
		Type               *SSEStatusTypeCode `json:"type,omitempty" example:"fr_esat"`
		RegistrationNumber *string            `json:"registration_number,omitempty" maxLength:"200" example:"FINESS 570012345"`
		ValidUntil         *string            `json:"valid_until,omitempty" maxLength:"10" example:"2028-12-31"`
		DisabledShare      *float64           `json:"disabled_share,omitempty" example:"85"`
		ShareMeasuredOn    *string            `json:"share_measured_on,omitempty" maxLength:"10" example:"2026-09-30"`
		ClearShare         bool               `json:"clear_share,omitempty" doc:"Remove the share and its date" example:"false"`
	}
}

// EvidenceInput names an evidence document of a status.
type EvidenceInput struct {
	LanguageHeader
	OrgID      string `path:"orgID" format:"uuid"`
	StatusID   string `path:"statusID" format:"uuid"`
	DocumentID string `path:"documentID" format:"uuid"`
}

// ReviewQueueInput pages through the moderators' queue.
type ReviewQueueInput struct {
	LanguageHeader
	State  string `query:"state" enum:"pending,verified,rejected" default:"pending"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)"`
}

// ReviewItem is a status in the moderators' queue with its organisation.
type ReviewItem struct {
	SSEStatusBody
	OrganisationName    string `json:"organisation_name"`
	OrganisationCountry string `json:"organisation_country"`
}

// ReviewQueueOutput is a page of the queue, oldest submission first.
type ReviewQueueOutput struct {
	Body struct {
		Items      []ReviewItem `json:"items"`
		NextCursor string       `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// ReviewInput names a status to decide on.
type ReviewInput struct {
	LanguageHeader
	StatusID string `path:"statusID" format:"uuid"`
}

// RejectInput refuses a status with a reason.
type RejectInput struct {
	LanguageHeader
	StatusID string `path:"statusID" format:"uuid"`
	Body     struct {
		Reason string `json:"reason,omitempty" maxLength:"4000" doc:"What is wrong, for the supplier to fix (at most 2000 characters); required unless reason_template is given, then it follows the template" example:"The approval attached expired in 2024: please upload the current one."`
		// ReasonTemplate came with issue 6; clients that send only reason keep working.
		ReasonTemplate string `json:"reason_template,omitempty" maxLength:"64" doc:"A template of /api/v1/moderation/reason-templates: each owner reads it in their language" example:"misleading_information"`
	}
}

// SSEStatusTypesInput filters the type list.
type SSEStatusTypesInput struct {
	LanguageHeader
	Country string `query:"country" enum:"FR,DE,BE,LU" doc:"Only the types of this country"`
}

// SSEStatusTypeBody describes one status type.
type SSEStatusTypeBody struct {
	Code     string `json:"code"`
	Country  string `json:"country"`
	Category string `json:"category" enum:"sheltered,integration,social_economy"`
	Label    string `json:"label" doc:"Name in the caller's language"`
}

// SSEStatusTypesOutput lists status types, grouped by country.
type SSEStatusTypesOutput struct {
	ContentLanguage string `header:"Content-Language"`
	Body            struct {
		Items []SSEStatusTypeBody `json:"items"`
	}
}

func registerSSEStatuses(r *routes, s *core.SSEStatuses) {
	tag := []string{"SSE statuses"}
	member := Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}
	moderator := Rule{Action: domain.ActModerate}
	base := "/api/v1/organisations/{orgID}/sse-statuses"
	now := s.Now

	handle(r, Public, huma.Operation{OperationID: "list-sse-status-types", Method: http.MethodGet, Path: "/api/v1/sse-status-types", Tags: tag,
		Summary: "The SSE status types, by country", Description: "Labels in the language of Accept-Language (fr, de, en, nl; default en)."},
		func(ctx context.Context, in *SSEStatusTypesInput) (*SSEStatusTypesOutput, error) {
			lang := requestLanguage(ctx, in.AcceptLanguage)
			out := &SSEStatusTypesOutput{ContentLanguage: string(lang)}
			types := domain.SSEStatusTypes()
			if in.Country != "" {
				types = domain.SSEStatusTypesFor(in.Country)
			}
			out.Body.Items = make([]SSEStatusTypeBody, len(types))
			for i, t := range types {
				out.Body.Items[i] = SSEStatusTypeBody{Code: string(t), Country: t.Country(), Category: t.Category(), Label: t.Label(string(lang))}
			}
			return out, nil
		})

	handle(r, Public, huma.Operation{OperationID: "list-sse-statuses", Method: http.MethodGet, Path: base, Tags: tag,
		Summary: "An organisation's SSE statuses",
		Description: "Members of the organisation and moderators see every status, with its evidence and review; anyone else " +
			"(the public profile) sees only the statuses that count: verified and not expired; for them a suspended organisation " +
			"does not exist (404)."},
		func(ctx context.Context, in *OrgInput) (*SSEStatusListOutput, error) {
			list, err := s.List(ctx, authFrom(ctx).principal, in.OrgID)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &SSEStatusListOutput{}
			out.Body.Items = make([]SSEStatusBody, len(list))
			for i, st := range list {
				out.Body.Items[i] = sseStatusBody(st, string(requestLanguage(ctx, in.AcceptLanguage)), now())
			}
			return out, nil
		})

	handle(r, member, huma.Operation{OperationID: "create-sse-status", Method: http.MethodPost, Path: base, Tags: tag,
		Summary: "Declare an SSE status", DefaultStatus: http.StatusCreated,
		Description: "Members of a supplier organisation (kind sse_supplier). The type must be one of the organisation's country. " +
			"The status starts unverified: attach evidence, then request verification."},
		func(ctx context.Context, in *SSEStatusCreateInput) (*SSEStatusOutput, error) {
			f, err := createFields(in)
			if err != nil {
				return nil, toHTTP(err)
			}
			st, err := s.Create(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, f)
			return statusOutput(ctx, st, err, in.AcceptLanguage, now())
		})

	handle(r, member, huma.Operation{OperationID: "update-sse-status", Method: http.MethodPatch, Path: base + "/{statusID}", Tags: tag,
		Summary: "Change an SSE status",
		Description: "Members of the organisation. Not while pending (409). Changing a verified status sends it back to " +
			"pending: it stops counting until a moderator verifies it again. A rejected status keeps its reason until resubmitted."},
		func(ctx context.Context, in *SSEStatusPatchInput) (*SSEStatusOutput, error) {
			patch, err := patchFields(in)
			if err != nil {
				return nil, toHTTP(err)
			}
			st, err := s.Update(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.StatusID, patch)
			return statusOutput(ctx, st, err, in.AcceptLanguage, now())
		})

	handle(r, member, huma.Operation{OperationID: "delete-sse-status", Method: http.MethodDelete, Path: base + "/{statusID}", Tags: tag,
		Summary: "Delete an SSE status", DefaultStatus: http.StatusNoContent,
		Description: "Members of the organisation, in any state. Evidence documents stay (delete them separately)."},
		func(ctx context.Context, in *SSEStatusIDInput) (*NoContentOutput, error) {
			if err := s.Delete(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.StatusID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})

	handle(r, member, huma.Operation{OperationID: "attach-sse-evidence", Method: http.MethodPut, Path: base + "/{statusID}/evidence/{documentID}", Tags: tag,
		Summary: "Attach an evidence document",
		Description: "The document must belong to the organisation and have been uploaded with purpose sse_evidence. " +
			"Idempotent. Not while pending; a verified status goes back to pending."},
		func(ctx context.Context, in *EvidenceInput) (*SSEStatusOutput, error) {
			st, err := s.AttachEvidence(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.StatusID, in.DocumentID)
			return statusOutput(ctx, st, err, in.AcceptLanguage, now())
		})

	handle(r, member, huma.Operation{OperationID: "detach-sse-evidence", Method: http.MethodDelete, Path: base + "/{statusID}/evidence/{documentID}", Tags: tag,
		Summary:     "Detach an evidence document",
		Description: "The document itself stays. Not while pending; a verified status goes back to pending, and keeps at least one document."},
		func(ctx context.Context, in *EvidenceInput) (*SSEStatusOutput, error) {
			st, err := s.DetachEvidence(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.StatusID, in.DocumentID)
			return statusOutput(ctx, st, err, in.AcceptLanguage, now())
		})

	handle(r, member, huma.Operation{OperationID: "request-sse-verification", Method: http.MethodPost, Path: base + "/{statusID}/verification-request", Tags: tag,
		Summary: "Ask a moderator to verify an SSE status",
		Description: "An unverified or rejected status with at least one evidence document and a valid-until date not passed " +
			"becomes pending and joins the moderators' queue."},
		func(ctx context.Context, in *SSEStatusIDInput) (*SSEStatusOutput, error) {
			st, err := s.RequestVerification(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.StatusID)
			return statusOutput(ctx, st, err, in.AcceptLanguage, now())
		})

	handle(r, moderator, huma.Operation{OperationID: "list-sse-reviews", Method: http.MethodGet, Path: "/api/v1/moderation/sse-statuses", Tags: tag,
		Summary: "The moderators' queue of SSE statuses",
		Description: "Moderators. Statuses in one state (default pending), oldest submission first, a page at a time. " +
			"Download evidence through GET /api/v1/documents/{docID}/download."},
		func(ctx context.Context, in *ReviewQueueInput) (*ReviewQueueOutput, error) {
			page, next, err := s.Queue(ctx, authFrom(ctx).principal, domain.VerificationState(in.State), in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			lang, at := string(requestLanguage(ctx, in.AcceptLanguage)), now()
			out := &ReviewQueueOutput{}
			out.Body.Items = make([]ReviewItem, len(page))
			for i, it := range page {
				out.Body.Items[i] = ReviewItem{SSEStatusBody: sseStatusBody(it.Status, lang, at),
					OrganisationName: it.OrganisationName, OrganisationCountry: it.OrganisationCountry}
			}
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, moderator, huma.Operation{OperationID: "verify-sse-status", Method: http.MethodPost, Path: "/api/v1/moderation/sse-statuses/{statusID}/verify", Tags: tag,
		Summary: "Verify a pending SSE status",
		Description: "Moderators, except members of the status's organisation (403: another moderator decides). From then on the " +
			"status counts until its valid-until date."},
		func(ctx context.Context, in *ReviewInput) (*SSEStatusOutput, error) {
			st, err := s.Verify(ctx, actorFrom(ctx), authFrom(ctx).principal, in.StatusID)
			return statusOutput(ctx, st, err, in.AcceptLanguage, now())
		})

	handle(r, moderator, huma.Operation{OperationID: "reject-sse-status", Method: http.MethodPost, Path: "/api/v1/moderation/sse-statuses/{statusID}/reject", Tags: tag,
		Summary: "Reject a pending SSE status, with a reason",
		Description: "Moderators, except members of the status's organisation. The supplier sees the reason (a reason_template, a reason " +
			"text, or both), may edit the status and resubmit it."},
		func(ctx context.Context, in *RejectInput) (*SSEStatusOutput, error) {
			st, err := s.RejectWith(ctx, actorFrom(ctx), authFrom(ctx).principal, in.StatusID,
				domain.DecisionReason{Template: in.Body.ReasonTemplate, Note: in.Body.Reason})
			return statusOutput(ctx, st, err, in.AcceptLanguage, now())
		})
}

func statusOutput(ctx context.Context, st domain.SSEStatus, err error, acceptLanguage string, now time.Time) (*SSEStatusOutput, error) {
	if err != nil {
		return nil, toHTTP(err)
	}
	return &SSEStatusOutput{Body: sseStatusBody(st, string(requestLanguage(ctx, acceptLanguage)), now)}, nil
}

func createFields(in *SSEStatusCreateInput) (domain.SSEStatusFields, error) {
	ve := &domain.ValidationError{}
	f := domain.SSEStatusFields{Type: domain.SSEStatusType(in.Body.Type), RegistrationNumber: in.Body.RegistrationNumber,
		DisabledShare: in.Body.DisabledShare}
	f.ValidUntil = parseDay(ve, "body.valid_until", in.Body.ValidUntil)
	if in.Body.ShareMeasuredOn != "" {
		d := parseDay(ve, "body.share_measured_on", in.Body.ShareMeasuredOn)
		f.ShareMeasuredOn = &d
	}
	return f, ve.Err()
}

func patchFields(in *SSEStatusPatchInput) (core.SSEStatusPatch, error) {
	ve := &domain.ValidationError{}
	b := in.Body
	p := core.SSEStatusPatch{RegistrationNumber: b.RegistrationNumber, DisabledShare: b.DisabledShare, ClearShare: b.ClearShare}
	if b.Type != nil {
		t := domain.SSEStatusType(*b.Type)
		p.Type = &t
	}
	if b.ValidUntil != nil {
		d := parseDay(ve, "body.valid_until", *b.ValidUntil)
		p.ValidUntil = &d
	}
	if b.ShareMeasuredOn != nil {
		d := parseDay(ve, "body.share_measured_on", *b.ShareMeasuredOn)
		p.ShareMeasuredOn = &d
	}
	return p, ve.Err()
}

// parseDay reads a YYYY-MM-DD day; an empty one stays zero (the domain
// says whether it is required).
func parseDay(ve *domain.ValidationError, field, s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		ve.AddLocalized(field, "invalid_date", map[domain.Language]string{
			domain.LangEN: "a date as YYYY-MM-DD", domain.LangFR: "une date au format AAAA-MM-JJ",
			domain.LangDE: "ein Datum im Format JJJJ-MM-TT", domain.LangNL: "een datum als JJJJ-MM-DD",
		})
	}
	return d
}
