package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// SavedSearchBody is a saved search as its owner sees it.
type SavedSearchBody struct {
	ID    string `json:"id" format:"uuid" example:"0193b0f4-7c1e-7d3a-9f5e-2b8c4d6e8f20"`
	Name  string `json:"name" example:"Reinigung in Lothringen"`
	Query string `json:"query" doc:"The query string of GET /api/v1/search, as saved" example:"q=Reinigung&lang=de&kind=offer&country=FR"`
	// SearchURL runs the query (relative to the API's origin).
	SearchURL string `json:"search_url" doc:"Runs the search: GET it" example:"/api/v1/search?q=Reinigung&lang=de&kind=offer&country=FR"`
	Lang      string `json:"lang" enum:"fr,de,en,nl" doc:"Language hits are shown in when a listing has several" example:"de"`
	Alerts    bool   `json:"alerts" doc:"A daily alert of the listings published since the last one" example:"true"`
	// OrganisationID is set when the query has eligible=true.
	OrganisationID string    `json:"organisation_id,omitempty" format:"uuid" doc:"The organisation eligible=true acts for: the one you acted for when saving" example:"0193b0f4-7c1e-7d3a-9f5e-2b8c4d6e8f30"`
	CreatedAt      time.Time `json:"created_at" example:"2026-11-26T08:00:00Z"`
	UpdatedAt      time.Time `json:"updated_at" example:"2026-11-26T08:00:00Z"`
	LastAlertAt    time.Time `json:"last_alert_at" doc:"Listings published before this were covered by an alert (or by the search being saved or changed)" example:"2026-11-26T05:25:00Z"`
}

func savedSearchBody(s domain.SavedSearch) SavedSearchBody {
	return SavedSearchBody{ID: s.ID, Name: s.Name, Query: s.Query, SearchURL: core.SearchURL(s), Lang: string(s.Lang), Alerts: s.Alerts,
		OrganisationID: s.OrganisationID, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt, LastAlertAt: s.LastAlertAt}
}

// SavedSearchOutput is one saved search.
type SavedSearchOutput struct {
	Body SavedSearchBody
}

// SavedSearchListInput selects a page of the user's saved searches.
type SavedSearchListInput struct {
	LanguageHeader
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page" example:"MjAyNi0xMS0yNlQwODowMDowMFp8MDE5M2IwZjQtN2MxZS03ZDNhLTlmNWUtMmI4YzRkNmU4ZjIw"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)" example:"20"`
}

// SavedSearchListOutput is a page of saved searches, oldest first.
type SavedSearchListOutput struct {
	Body struct {
		Items      []SavedSearchBody `json:"items"`
		NextCursor string            `json:"next_cursor" doc:"Empty after the last page" example:""`
	}
}

// SavedSearchCreateInput saves a search.
type SavedSearchCreateInput struct {
	LanguageHeader
	Body struct {
		// The hard bounds below only stop abuse; the use case checks the
		// real limits and names them in the caller's language.
		Name   string  `json:"name" maxLength:"480" doc:"At most 120 characters, each name once per user" example:"Reinigung in Lothringen"`
		Query  string  `json:"query" maxLength:"8000" doc:"The query string of GET /api/v1/search (at most 2000 bytes, without cursor), checked as the search checks it" example:"q=Reinigung&lang=de&kind=offer&country=FR"`
		Lang   *string `json:"lang,omitempty" maxLength:"10" doc:"fr, de, en or nl: the language hits are shown in when a listing has several (default: the request's language)" example:"de"`
		Alerts *bool   `json:"alerts,omitempty" doc:"A daily alert of new listings (default true)" example:"true"`
	}
}

// SavedSearchIDInput names one of the user's saved searches.
type SavedSearchIDInput struct {
	LanguageHeader
	ID string `path:"id" maxLength:"36" doc:"The saved search's id" example:"0193b0f4-7c1e-7d3a-9f5e-2b8c4d6e8f20"`
}

// SavedSearchPatchInput changes some fields of a saved search.
type SavedSearchPatchInput struct {
	LanguageHeader
	ID   string `path:"id" maxLength:"36" doc:"The saved search's id" example:"0193b0f4-7c1e-7d3a-9f5e-2b8c4d6e8f20"`
	Body struct {
		Name   *string `json:"name,omitempty" maxLength:"480" doc:"At most 120 characters" example:"Reinigung Moselle"`
		Query  *string `json:"query,omitempty" maxLength:"8000" doc:"A new query string; its alerts then start afresh from now" example:"q=Reinigung&lang=de&kind=offer,tender&nuts=FRF3"`
		Lang   *string `json:"lang,omitempty" maxLength:"10" doc:"fr, de, en or nl" example:"fr"`
		Alerts *bool   `json:"alerts,omitempty" doc:"Switched back on, alerts start afresh from now" example:"false"`
	}
}

func registerSavedSearches(r *routes, s *core.SavedSearches) {
	tag := []string{"Saved searches"}
	base := "/api/v1/me/saved-searches"
	handle(r, SignedIn, huma.Operation{OperationID: "list-saved-searches", Method: http.MethodGet, Path: base, Tags: tag,
		Summary:     "Your saved searches",
		Description: "Oldest first, paginated with next_cursor. Each carries search_url, which runs it."},
		func(ctx context.Context, in *SavedSearchListInput) (*SavedSearchListOutput, error) {
			page, next, err := s.List(ctx, authFrom(ctx).principal, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &SavedSearchListOutput{}
			out.Body.Items = mapItems(page, savedSearchBody)
			out.Body.NextCursor = next
			return out, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "create-saved-search", Method: http.MethodPost, Path: base, Tags: tag,
		Summary: "Save a search", DefaultStatus: http.StatusCreated,
		Description: "Any query of GET /api/v1/search, checked exactly as the search checks it: every wrong parameter is named " +
			"under body.query.<parameter> in one 422 answer, and nothing is saved. With eligible=true the search acts, in its " +
			"alerts too, for the organisation you act for now. With alerts on (the default), a daily job at 05:30 UTC tells you " +
			"of the listings published since the last alert (notification category saved_search_alerts, by default in the 06:00 " +
			"daily summary). At most 50 saved searches per user, each name once (409 beyond)."},
		func(ctx context.Context, in *SavedSearchCreateInput) (*SavedSearchOutput, error) {
			saved, err := s.Create(ctx, actorFrom(ctx), authFrom(ctx).principal, core.SavedSearchInput{Name: &in.Body.Name,
				Query: &in.Body.Query, Lang: in.Body.Lang, Alerts: in.Body.Alerts}, requestLanguage(ctx, in.AcceptLanguage))
			if err != nil {
				return nil, toHTTP(err)
			}
			return &SavedSearchOutput{Body: savedSearchBody(saved)}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "get-saved-search", Method: http.MethodGet, Path: base + "/{id}", Tags: tag,
		Summary: "One of your saved searches", Description: "Another user's saved search is 404."},
		func(ctx context.Context, in *SavedSearchIDInput) (*SavedSearchOutput, error) {
			saved, err := s.Get(ctx, authFrom(ctx).principal, in.ID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &SavedSearchOutput{Body: savedSearchBody(saved)}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "update-saved-search", Method: http.MethodPatch, Path: base + "/{id}", Tags: tag,
		Summary: "Change a saved search",
		Description: "The fields given change, checked as on creation (422 naming every wrong one, nothing changed). A new query, " +
			"or alerts switched back on, start the alerts afresh from now. Another user's saved search is 404."},
		func(ctx context.Context, in *SavedSearchPatchInput) (*SavedSearchOutput, error) {
			saved, err := s.Update(ctx, actorFrom(ctx), authFrom(ctx).principal, in.ID, core.SavedSearchInput{Name: in.Body.Name,
				Query: in.Body.Query, Lang: in.Body.Lang, Alerts: in.Body.Alerts})
			if err != nil {
				return nil, toHTTP(err)
			}
			return &SavedSearchOutput{Body: savedSearchBody(saved)}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "delete-saved-search", Method: http.MethodDelete, Path: base + "/{id}", Tags: tag,
		Summary: "Delete a saved search", DefaultStatus: http.StatusNoContent, Description: "Another user's saved search is 404."},
		func(ctx context.Context, in *SavedSearchIDInput) (*NoContentOutput, error) {
			if err := s.Delete(ctx, actorFrom(ctx), authFrom(ctx).principal, in.ID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})
}
