package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateFavouriteList records a list (its ID is set when empty); a second
// list of the same name in the organisation is a domain.ErrConflict.
func (t *Tx) CreateFavouriteList(ctx context.Context, l domain.FavouriteList, now time.Time) (domain.FavouriteList, error) {
	if l.ID == "" {
		l.ID = NewID()
	}
	id, err := parseID("id", l.ID)
	if err != nil {
		return domain.FavouriteList{}, err
	}
	org, err := parseID("organisation_id", l.OrganisationID)
	if err != nil {
		return domain.FavouriteList{}, err
	}
	row, err := t.q.CreateFavouriteList(ctx, sqlc.CreateFavouriteListParams{ID: id, OrganisationID: org, Name: l.Name, Now: now})
	if err != nil {
		return domain.FavouriteList{}, mapError(err)
	}
	return favouriteListFromRow(row, 0), nil
}

// RenameFavouriteList renames a list of orgID, or returns domain.ErrNotFound.
func (t *Tx) RenameFavouriteList(ctx context.Context, orgID, listID, name string, now time.Time) (domain.FavouriteList, error) {
	id, org, err := listIDs(orgID, listID)
	if err != nil {
		return domain.FavouriteList{}, err
	}
	row, err := t.q.RenameFavouriteList(ctx, sqlc.RenameFavouriteListParams{ID: id, OrganisationID: org, Name: name, Now: now})
	if err != nil {
		return domain.FavouriteList{}, mapError(err)
	}
	return favouriteListFromRow(row, 0), nil
}

// DeleteFavouriteList deletes a list of orgID with its members.
func (t *Tx) DeleteFavouriteList(ctx context.Context, orgID, listID string) (domain.FavouriteList, error) {
	id, org, err := listIDs(orgID, listID)
	if err != nil {
		return domain.FavouriteList{}, err
	}
	row, err := t.q.DeleteFavouriteList(ctx, sqlc.DeleteFavouriteListParams{ID: id, OrganisationID: org})
	if err != nil {
		return domain.FavouriteList{}, mapError(err)
	}
	return favouriteListFromRow(row, 0), nil
}

// AddFavourite puts a supplier on a list of orgID; added reports whether
// it was not there yet.
func (t *Tx) AddFavourite(ctx context.Context, orgID, listID, supplierID string, now time.Time) (added bool, err error) {
	id, org, err := listIDs(orgID, listID)
	if err != nil {
		return false, err
	}
	if _, err := t.q.GetFavouriteList(ctx, sqlc.GetFavouriteListParams{ID: id, OrganisationID: org}); err != nil {
		return false, mapError(err)
	}
	sid, err := parseID("supplier_id", supplierID)
	if err != nil {
		return false, err
	}
	n, err := t.q.AddFavourite(ctx, sqlc.AddFavouriteParams{ListID: id, SupplierID: sid, Now: now})
	return n > 0, mapError(err)
}

// RemoveFavourite takes a supplier off a list of orgID; removed reports
// whether it was there.
func (t *Tx) RemoveFavourite(ctx context.Context, orgID, listID, supplierID string) (removed bool, err error) {
	id, org, err := listIDs(orgID, listID)
	if err != nil {
		return false, err
	}
	if _, err := t.q.GetFavouriteList(ctx, sqlc.GetFavouriteListParams{ID: id, OrganisationID: org}); err != nil {
		return false, mapError(err)
	}
	sid, err := uuid.Parse(supplierID)
	if err != nil {
		return false, nil
	}
	n, err := t.q.RemoveFavourite(ctx, sqlc.RemoveFavouriteParams{ListID: id, SupplierID: sid})
	return n > 0, mapError(err)
}

// ListFavouriteLists returns up to limit lists of orgID, oldest first.
func (s *Store) ListFavouriteLists(ctx context.Context, orgID, cursor string, limit int32) (page []domain.FavouriteList, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	org, err := uuid.Parse(orgID)
	if err != nil {
		return []domain.FavouriteList{}, "", nil
	}
	rows, err := s.q.ListFavouriteLists(ctx, sqlc.ListFavouriteListsParams{OrganisationID: org, AfterCreatedAt: after.at,
		AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.ListFavouriteListsRow) string { return encodeCursor(r.CreatedAt, r.ID) })
	page = make([]domain.FavouriteList, len(rows))
	for i, r := range rows {
		page[i] = favouriteListFromRow(sqlc.FavouriteList{ID: r.ID, OrganisationID: r.OrganisationID, Name: r.Name,
			CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}, int(r.MemberCount))
	}
	return page, next, nil
}

// ListFavourites returns up to limit suppliers of a list of orgID, in the
// order they were added, or domain.ErrNotFound for another's list.
func (s *Store) ListFavourites(ctx context.Context, orgID, listID, cursor string, limit int32) (page []domain.Favourite, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	id, org, err := listIDs(orgID, listID)
	if err != nil {
		return nil, "", err
	}
	if _, err := s.q.GetFavouriteList(ctx, sqlc.GetFavouriteListParams{ID: id, OrganisationID: org}); err != nil {
		return nil, "", mapError(err)
	}
	rows, err := s.q.ListFavourites(ctx, sqlc.ListFavouritesParams{ListID: id, AfterAddedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.ListFavouritesRow) string { return encodeCursor(r.AddedAt, r.SupplierID) })
	page = make([]domain.Favourite, len(rows))
	for i, r := range rows {
		name := r.LegalName
		if r.TradeName != nil && *r.TradeName != "" {
			name = *r.TradeName
		}
		page[i] = domain.Favourite{SupplierID: r.SupplierID.String(), Name: name, Country: r.Country, AddedAt: r.AddedAt}
	}
	return page, next, nil
}

func listIDs(orgID, listID string) (id, org uuid.UUID, err error) {
	id, err1 := uuid.Parse(listID)
	org, err2 := uuid.Parse(orgID)
	if err1 != nil || err2 != nil {
		return uuid.Nil, uuid.Nil, domain.ErrNotFound
	}
	return id, org, nil
}

func favouriteListFromRow(r sqlc.FavouriteList, members int) domain.FavouriteList {
	return domain.FavouriteList{ID: r.ID.String(), OrganisationID: r.OrganisationID.String(), Name: r.Name, MemberCount: members,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}
