package api

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humagin"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// AuditFilterInput are the filters of the audit log view and its export.
type AuditFilterInput struct {
	Actor        string    `query:"actor" maxLength:"40" doc:"Only entries of this user (id)" example:"01936f3e-3333-7c2d-9e10-3f5a6b7c8d9e"`
	Action       string    `query:"action" maxLength:"100" doc:"Only actions starting with this prefix" example:"organisation."`
	SubjectType  string    `query:"subject_type" maxLength:"64" doc:"Only entries about subjects of this type" example:"offer"`
	SubjectID    string    `query:"subject_id" maxLength:"128" doc:"Only entries about this subject" example:"01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e"`
	Organisation string    `query:"organisation" maxLength:"40" doc:"Only entries about this organisation or its listings (id)" example:"01936f3e-1111-7c2d-9e10-3f5a6b7c8d9e"`
	From         time.Time `query:"from" doc:"Only entries at or after this time" example:"2026-11-01T00:00:00Z"`
	To           time.Time `query:"to" doc:"Only entries before this time" example:"2026-12-01T00:00:00Z"`
}

func (f AuditFilterInput) query() core.AuditQuery {
	return core.AuditQuery{ActorUserID: f.Actor, ActionPrefix: f.Action, SubjectType: f.SubjectType, SubjectID: f.SubjectID,
		OrganisationID: f.Organisation, From: f.From, To: f.To}
}

// AuditListInput pages through the audit log.
type AuditListInput struct {
	AuditFilterInput
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"200" doc:"Page size (default 50, at most 200)" example:"50"`
}

// AuditEntryBody is one entry of the audit log.
type AuditEntryBody struct {
	ID             int64          `json:"id" example:"4812"`
	OccurredAt     time.Time      `json:"occurred_at" example:"2026-11-20T09:30:00Z"`
	ActorUserID    string         `json:"actor_user_id,omitempty" doc:"Empty for the system" example:"01936f3e-3333-7c2d-9e10-3f5a6b7c8d9e"`
	ActorKind      string         `json:"actor_kind" enum:"user,system" example:"user"`
	Action         string         `json:"action" example:"organisation.suspended"`
	SubjectType    string         `json:"subject_type" example:"organisation"`
	SubjectID      string         `json:"subject_id" example:"01936f3e-1111-7c2d-9e10-3f5a6b7c8d9e"`
	OrganisationID string         `json:"organisation_id,omitempty" example:"01936f3e-1111-7c2d-9e10-3f5a6b7c8d9e"`
	Before         map[string]any `json:"before,omitempty" doc:"The state before the change, when recorded"`
	After          map[string]any `json:"after,omitempty" doc:"The state after the change, when recorded"`
	RequestID      string         `json:"request_id,omitempty" example:"01936f3e-9999-7c2d-9e10-3f5a6b7c8d9e"`
}

func auditEntryBody(r store.AuditRecord) AuditEntryBody {
	b := AuditEntryBody{ID: r.ID, OccurredAt: r.OccurredAt, ActorUserID: r.ActorUserID, ActorKind: r.ActorKind, Action: r.Action,
		SubjectType: r.SubjectType, SubjectID: r.SubjectID, OrganisationID: r.OrganisationID, RequestID: r.RequestID}
	// A state that is not an object (never written so) is left out.
	_ = json.Unmarshal(r.Before, &b.Before)
	_ = json.Unmarshal(r.After, &b.After)
	return b
}

// AuditListOutput is a page of the audit log, newest first.
type AuditListOutput struct {
	Body struct {
		Items      []AuditEntryBody `json:"items"`
		NextCursor string           `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// auditCSVHeader is the header row of the export.
var auditCSVHeader = []string{"id", "occurred_at", "actor_user_id", "actor_kind", "action", "subject_type", "subject_id",
	"organisation_id", "request_id", "before", "after"}

// csvCell guards a cell against formula injection: a spreadsheet runs a
// cell that starts with = + - @ (or a tab or carriage return, which some
// strip first) as a formula, so such a cell gets a leading quote. The
// audit log holds text users wrote (reasons, names), hence the guard.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func auditCSVRow(r store.AuditRecord) []string {
	row := []string{strconv.FormatInt(r.ID, 10), r.OccurredAt.UTC().Format(time.RFC3339Nano), r.ActorUserID, r.ActorKind, r.Action,
		r.SubjectType, r.SubjectID, r.OrganisationID, r.RequestID, string(r.Before), string(r.After)}
	for i := range row {
		row[i] = csvCell(row[i])
	}
	return row
}

func registerAuditLog(r *routes, a *core.AuditLog, log *slog.Logger) {
	tag := []string{"Moderation"}
	rule := Rule{Action: domain.ActModerate}
	handle(r, rule, huma.Operation{OperationID: "list-audit-log", Method: http.MethodGet, Path: "/api/v1/admin/audit", Tags: tag,
		Summary: "The audit log",
		Description: "Moderators and admins (members never): who did what and when, with the state before and after, newest first, " +
			"filtered by actor, action prefix, subject, organisation and time (from inclusive, to exclusive). Bad filters are a 422 naming each."},
		func(ctx context.Context, in *AuditListInput) (*AuditListOutput, error) {
			q := in.query()
			q.Cursor, q.Limit = in.Cursor, in.Limit
			page, next, err := a.List(ctx, authFrom(ctx).principal, q)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &AuditListOutput{}
			out.Body.Items = mapItems(page, auditEntryBody)
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, rule, huma.Operation{OperationID: "export-audit-log", Method: http.MethodGet, Path: "/api/v1/admin/audit/export", Tags: tag,
		Summary: "The audit log as CSV",
		Description: "Moderators and admins. The entries matching the filters of GET /api/v1/admin/audit, newest first, as text/csv (RFC 4180, " +
			"UTF-8, a header row), streamed. At most " + strconv.Itoa(core.MaxAuditExport) + " rows (header X-Export-Row-Limit); the trailer " +
			"X-Export-Truncated says true when more matched (narrow the filters) or when the export was cut short by an error. Cells starting with = + - @ are prefixed with a quote so " +
			"that spreadsheets do not run them as formulas.",
		Responses: map[string]*huma.Response{"200": {Description: "The CSV file", Content: map[string]*huma.MediaType{"text/csv": {}}}}},
		func(ctx context.Context, in *AuditFilterInput) (*huma.StreamResponse, error) {
			p := authFrom(ctx).principal
			if err := a.Check(p, in.query()); err != nil {
				return nil, toHTTP(err)
			}
			return &huma.StreamResponse{Body: func(hc huma.Context) {
				gc := humagin.Unwrap(hc)
				h := gc.Writer.Header()
				h.Set("Content-Type", "text/csv; charset=utf-8")
				h.Set("Content-Disposition", `attachment; filename="audit.csv"`)
				h.Set("Cache-Control", "no-store")
				h.Set("X-Export-Row-Limit", strconv.Itoa(core.MaxAuditExport))
				h.Set("Trailer", "X-Export-Truncated")
				gc.Status(http.StatusOK)
				w := csv.NewWriter(gc.Writer)
				_ = w.Write(auditCSVHeader)
				_, truncated, err := a.Export(ctx, p, in.query(), func(rec store.AuditRecord) error { return w.Write(auditCSVRow(rec)) })
				w.Flush()
				if err != nil {
					// The status is sent: all that is left is to cut the
					// file short, say so in the trailer (the request's
					// deadline or a lost database ends here too) and in
					// the log.
					log.ErrorContext(ctx, "audit export cut short", "err", err)
				}
				h.Set("X-Export-Truncated", strconv.FormatBool(truncated || err != nil))
			}}, nil
		})
}
