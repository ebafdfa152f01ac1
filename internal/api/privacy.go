package api

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// DataExportOutput is a user's data, served as a JSON download.
type DataExportOutput struct {
	ContentDisposition string `header:"Content-Disposition"`
	CacheControl       string `header:"Cache-Control"`
	Body               DataExportBody
}

// DataExportBody is everything Passerelle stores about the caller.
type DataExportBody struct {
	GeneratedAt time.Time `json:"generated_at"`
	UserID      string    `json:"user_id" format:"uuid"`
	// Data holds one entry per kind of record (profile, memberships,
	// invitations, sessions, emailed_links, documents_uploaded, audit_log, …), each as
	// stored.
	Data map[string]json.RawMessage `json:"data" doc:"One entry per kind of record: profile, memberships, invitations, sessions, emailed_links, documents_uploaded, audit_log…"`
}

// DeleteAccountInput confirms an account deletion.
type DeleteAccountInput struct {
	Body struct {
		Password string `json:"password" minLength:"1" maxLength:"256" doc:"The current password, to confirm" example:"Quatre-chevaux-bleus-au-marché"`
	}
}

func registerPrivacy(r *routes, s Sessions) {
	tag := []string{"Account"}
	acc := s.Accounts
	handle(r, SignedIn, huma.Operation{OperationID: "export-my-data", Method: http.MethodGet, Path: "/api/v1/me/export", Tags: tag,
		Summary:     "Download all my data (JSON)",
		Description: "Everything Passerelle stores about the signed-in user, as a JSON file: profile, memberships, invitations sent and received, sessions, emailed links, uploaded documents' records and the audit entries by or about them."},
		func(ctx context.Context, _ *struct{}) (*DataExportOutput, error) {
			ex, err := acc.ExportData(ctx, actorFrom(ctx))
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &DataExportOutput{
				ContentDisposition: `attachment; filename="passerelle-data-` + ex.GeneratedAt.UTC().Format("2006-01-02") + `.json"`,
				CacheControl:       "no-store",
				Body:               DataExportBody{GeneratedAt: ex.GeneratedAt.UTC(), UserID: ex.UserID, Data: map[string]json.RawMessage{}},
			}
			for _, sec := range ex.Sections {
				out.Body.Data[sec.Name] = sec.Data
			}
			return out, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "delete-my-account", Method: http.MethodDelete, Path: "/api/v1/me", Tags: tag,
		Summary: "Delete my account",
		Description: "Erases the signed-in user's personal data (profile, sessions, memberships, emailed links) after the password is confirmed; " +
			"their organisations' content stays and audit entries are kept without personal data. " +
			"The last owner of an organisation with other members gets 409 until they make another member owner.",
		DefaultStatus: http.StatusNoContent},
		func(ctx context.Context, in *DeleteAccountInput) (*LogoutOutput, error) {
			if err := acc.DeleteAccount(ctx, actorFrom(ctx), in.Body.Password); err != nil {
				return nil, toHTTP(err)
			}
			return &LogoutOutput{SetCookie: s.cookie("")}, nil
		})
}
