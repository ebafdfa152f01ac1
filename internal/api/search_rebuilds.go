package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// SearchRebuildBody is one full rebuild of the search index and how far it
// got.
type SearchRebuildBody struct {
	ID         string     `json:"id" format:"uuid" example:"01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e"`
	Index      string     `json:"index" doc:"The versioned index being built; swapped with the live index at the end" example:"listings_v20261126t035500123"`
	State      string     `json:"state" enum:"queued,running,succeeded,failed" example:"running"`
	Done       int        `json:"done" doc:"Listings written to the new index so far" example:"1200"`
	Total      int        `json:"total" doc:"Estimated number of listings (the live index's size when the rebuild started; 0 when unknown)" example:"5000"`
	Error      string     `json:"error,omitempty" doc:"Why a failed rebuild failed; the live index was left as it was" example:""`
	CreatedAt  time.Time  `json:"created_at" example:"2026-11-26T03:55:00Z"`
	StartedAt  *time.Time `json:"started_at,omitempty" example:"2026-11-26T03:55:01Z"`
	FinishedAt *time.Time `json:"finished_at,omitempty" example:"2026-11-26T03:55:09Z"`
}

func searchRebuildBody(r domain.SearchRebuild) SearchRebuildBody {
	return SearchRebuildBody{ID: r.ID, Index: r.IndexName, State: string(r.State), Done: r.Done, Total: r.Total, Error: r.Error,
		CreatedAt: r.CreatedAt, StartedAt: r.StartedAt, FinishedAt: r.FinishedAt}
}

// SearchRebuildOutput is one rebuild.
type SearchRebuildOutput struct {
	Body SearchRebuildBody
}

// SearchRebuildInput names one rebuild.
type SearchRebuildInput struct {
	RebuildID string `path:"rebuildID" maxLength:"36" doc:"The rebuild's id" example:"01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e"`
}

// SearchRebuildsInput pages through the rebuilds.
type SearchRebuildsInput struct {
	Sort   string `query:"sort" enum:"created" default:"created" doc:"Newest first"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)" example:"20"`
}

// SearchRebuildsOutput is a page of rebuilds, newest first.
type SearchRebuildsOutput struct {
	Body struct {
		Items      []SearchRebuildBody `json:"items"`
		NextCursor string              `json:"next_cursor" doc:"Empty after the last page"`
	}
}

func registerSearchRebuilds(r *routes, s *core.SearchRebuilds) {
	admin := Rule{Action: domain.ActAdminister}
	handle(r, admin, huma.Operation{OperationID: "start-search-rebuild", Method: http.MethodPost,
		Path: "/api/v1/admin/search/rebuilds", Tags: []string{"Administration"}, DefaultStatus: http.StatusAccepted,
		Summary: "Rebuild the search index",
		Description: "Admins only. Queues a full rebuild: every public listing is written to a new versioned index, which then " +
			"replaces the live one at once; searches keep answering from the old index meanwhile, and changes made during the " +
			"rebuild are applied again after the swap. The server that holds the engine runs it (the embedded engine belongs to " +
			"one process: use this rather than `passerelle reindex` while the server runs). 409 while another rebuild is queued " +
			"or running. Follow it with GET /api/v1/admin/search/rebuilds/{rebuildID}."},
		func(ctx context.Context, _ *struct{}) (*SearchRebuildOutput, error) {
			rb, err := s.Request(ctx, actorFrom(ctx), authFrom(ctx).principal)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &SearchRebuildOutput{Body: searchRebuildBody(rb)}, nil
		})
	handle(r, admin, huma.Operation{OperationID: "get-search-rebuild", Method: http.MethodGet,
		Path: "/api/v1/admin/search/rebuilds/{rebuildID}", Tags: []string{"Administration"},
		Summary:     "Follow a rebuild of the search index",
		Description: "Admins only. The rebuild's state and progress (listings written out of the estimated total)."},
		func(ctx context.Context, in *SearchRebuildInput) (*SearchRebuildOutput, error) {
			rb, err := s.Get(ctx, authFrom(ctx).principal, in.RebuildID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &SearchRebuildOutput{Body: searchRebuildBody(rb)}, nil
		})
	handle(r, admin, huma.Operation{OperationID: "list-search-rebuilds", Method: http.MethodGet,
		Path: "/api/v1/admin/search/rebuilds", Tags: []string{"Administration"},
		Summary:     "Rebuilds of the search index",
		Description: "Admins only. Every rebuild, newest first, a page at a time, with how each one ended."},
		func(ctx context.Context, in *SearchRebuildsInput) (*SearchRebuildsOutput, error) {
			page, next, err := s.List(ctx, authFrom(ctx).principal, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &SearchRebuildsOutput{}
			out.Body.Items = mapItems(page, searchRebuildBody)
			out.Body.NextCursor = next
			return out, nil
		})
}
