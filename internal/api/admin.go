package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/domain"
)

// RoleInput sets a user's platform role.
type RoleInput struct {
	UserID string `path:"userID" format:"uuid"`
	Body   struct {
		Role string `json:"role" enum:"user,moderator" doc:"Admins are made from the command line (passerelle admin create)" example:"moderator"`
	}
}

func registerAdmin(r *routes, s Sessions) {
	handle(r, Rule{Action: domain.ActAdminister}, huma.Operation{OperationID: "set-platform-role", Method: http.MethodPut,
		Path: "/api/v1/admin/users/{userID}/role", Tags: []string{"Administration"},
		Summary:     "Make a user a moderator, or a plain user again",
		Description: "Admins only. The user's sessions end, so the new role applies from their next sign-in."},
		func(ctx context.Context, in *RoleInput) (*UserOutput, error) {
			u, err := s.Accounts.SetPlatformRole(ctx, actorFrom(ctx), in.UserID, domain.PlatformRole(in.Body.Role))
			if err != nil {
				return nil, toHTTP(err)
			}
			return &UserOutput{Body: userBody(u)}, nil
		})
}
