package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// FavouriteListBody is a buyer's list of favourite suppliers.
type FavouriteListBody struct {
	ID          string    `json:"id" format:"uuid"`
	Name        string    `json:"name" example:"Nettoyage Moselle"`
	MemberCount int       `json:"member_count" example:"4"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

func favouriteListBody(l domain.FavouriteList) FavouriteListBody {
	return FavouriteListBody{ID: l.ID, Name: l.Name, MemberCount: l.MemberCount, CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt}
}

// FavouriteListOutput returns one list.
type FavouriteListOutput struct {
	Body FavouriteListBody
}

// FavouriteListsOutput is a page of lists.
type FavouriteListsOutput struct {
	Body struct {
		Items      []FavouriteListBody `json:"items"`
		NextCursor string              `json:"next_cursor"`
	}
}

// FavouriteBody is a supplier on a list.
type FavouriteBody struct {
	SupplierID string    `json:"supplier_id" format:"uuid"`
	Name       string    `json:"name" example:"ESAT du Val"`
	Country    string    `json:"country" example:"FR"`
	AddedAt    time.Time `json:"added_at"`
}

// FavouritesOutput is a page of a list's suppliers.
type FavouritesOutput struct {
	Body struct {
		Items      []FavouriteBody `json:"items"`
		NextCursor string          `json:"next_cursor"`
	}
}

// FavouriteListsInput pages through an organisation's lists.
type FavouriteListsInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid"`
	Sort   string `query:"sort" enum:"created" default:"created" doc:"Oldest first"`
	Cursor string `query:"cursor" maxLength:"200"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100"`
}

// FavouriteListNameInput creates a list.
type FavouriteListNameInput struct {
	LanguageHeader
	OrgID string `path:"orgID" format:"uuid"`
	Body  struct {
		Name string `json:"name" maxLength:"200" example:"Nettoyage Moselle" doc:"At most 100 characters, unique in the organisation"`
	}
}

// FavouriteListRenameInput renames a list.
type FavouriteListRenameInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid"`
	ListID string `path:"listID" format:"uuid"`
	Body   struct {
		Name string `json:"name" maxLength:"200" example:"Espaces verts Sarre"`
	}
}

// FavouriteListIDInput names a list; its query pages through its suppliers.
type FavouriteListIDInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid"`
	ListID string `path:"listID" format:"uuid"`
	Sort   string `query:"sort" enum:"added" default:"added" doc:"In the order they were added"`
	Cursor string `query:"cursor" maxLength:"200"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100"`
}

// FavouriteListRef names a list.
type FavouriteListRef struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid"`
	ListID string `path:"listID" format:"uuid"`
}

// FavouriteInput names a supplier on a list.
type FavouriteInput struct {
	LanguageHeader
	OrgID      string `path:"orgID" format:"uuid"`
	ListID     string `path:"listID" format:"uuid"`
	SupplierID string `path:"supplierID" format:"uuid"`
}

func registerFavourites(r *routes, s *core.Favourites) {
	tag := []string{"Favourites"}
	member := Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}
	base := "/api/v1/organisations/{orgID}/favourite-lists"

	handle(r, member, huma.Operation{OperationID: "list-favourite-lists", Method: http.MethodGet, Path: base, Tags: tag,
		Summary: "A buyer's favourite lists", Description: "Members of the organisation only: the lists are its private business. Oldest first."},
		func(ctx context.Context, in *FavouriteListsInput) (*FavouriteListsOutput, error) {
			page, next, err := s.Lists(ctx, authFrom(ctx).principal, in.OrgID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &FavouriteListsOutput{}
			out.Body.Items = mapItems(page, favouriteListBody)
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, member, huma.Operation{OperationID: "create-favourite-list", Method: http.MethodPost, Path: base, Tags: tag,
		Summary: "Create a favourite list", DefaultStatus: http.StatusCreated,
		Description: "Members of a buyer organisation (others: 403). Names are unique in the organisation (409)."},
		func(ctx context.Context, in *FavouriteListNameInput) (*FavouriteListOutput, error) {
			l, err := s.CreateList(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.Body.Name)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &FavouriteListOutput{Body: favouriteListBody(l)}, nil
		})

	handle(r, member, huma.Operation{OperationID: "rename-favourite-list", Method: http.MethodPatch, Path: base + "/{listID}", Tags: tag,
		Summary: "Rename a favourite list", Description: "Members of the organisation."},
		func(ctx context.Context, in *FavouriteListRenameInput) (*FavouriteListOutput, error) {
			l, err := s.RenameList(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.ListID, in.Body.Name)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &FavouriteListOutput{Body: favouriteListBody(l)}, nil
		})

	handle(r, member, huma.Operation{OperationID: "delete-favourite-list", Method: http.MethodDelete, Path: base + "/{listID}", Tags: tag,
		Summary: "Delete a favourite list", DefaultStatus: http.StatusNoContent, Description: "Members of the organisation."},
		func(ctx context.Context, in *FavouriteListRef) (*NoContentOutput, error) {
			if err := s.DeleteList(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.ListID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})

	handle(r, member, huma.Operation{OperationID: "list-favourites", Method: http.MethodGet, Path: base + "/{listID}/suppliers", Tags: tag,
		Summary: "The suppliers on a favourite list", Description: "Members of the organisation, in the order they were added."},
		func(ctx context.Context, in *FavouriteListIDInput) (*FavouritesOutput, error) {
			page, next, err := s.Members(ctx, authFrom(ctx).principal, in.OrgID, in.ListID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &FavouritesOutput{}
			out.Body.Items = make([]FavouriteBody, len(page))
			for i, f := range page {
				out.Body.Items[i] = FavouriteBody{SupplierID: f.SupplierID, Name: f.Name, Country: f.Country, AddedAt: f.AddedAt}
			}
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, member, huma.Operation{OperationID: "add-favourite", Method: http.MethodPut, Path: base + "/{listID}/suppliers/{supplierID}", Tags: tag,
		Summary: "Put a supplier on a favourite list", DefaultStatus: http.StatusNoContent,
		Description: "Members of the organisation; the supplier is an SSE supplier organisation (422 otherwise). Idempotent."},
		func(ctx context.Context, in *FavouriteInput) (*NoContentOutput, error) {
			if err := s.Add(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.ListID, in.SupplierID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})

	handle(r, member, huma.Operation{OperationID: "remove-favourite", Method: http.MethodDelete, Path: base + "/{listID}/suppliers/{supplierID}", Tags: tag,
		Summary: "Take a supplier off a favourite list", DefaultStatus: http.StatusNoContent, Description: "Members of the organisation."},
		func(ctx context.Context, in *FavouriteInput) (*NoContentOutput, error) {
			if err := s.Remove(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.ListID, in.SupplierID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})
}
