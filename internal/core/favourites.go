package core

import (
	"context"
	"errors"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Favourites are buyers' named lists of supplier organisations. They are
// the buyer's private business: only its members see them.
type Favourites struct {
	st  *store.Store
	now Clock
}

// NewFavourites builds the favourite list use cases.
func NewFavourites(st *store.Store, now Clock) *Favourites {
	if now == nil {
		now = time.Now
	}
	return &Favourites{st: st, now: now}
}

// Lists returns a page of orgID's lists, oldest first.
func (s *Favourites) Lists(ctx context.Context, p domain.Principal, orgID, cursor string, limit int) ([]domain.FavouriteList, string, error) {
	if err := manageTenders(p, orgID); err != nil {
		return nil, "", err
	}
	return s.st.ListFavouriteLists(ctx, orgID, cursor, tenderPageSize(limit))
}

// CreateList creates a named list for a buyer organisation.
func (s *Favourites) CreateList(ctx context.Context, actor Actor, p domain.Principal, orgID, name string) (domain.FavouriteList, error) {
	if err := manageTenders(p, orgID); err != nil {
		return domain.FavouriteList{}, err
	}
	name = domain.NormalizeListName(name)
	if err := domain.ValidateListName(name).Err(); err != nil {
		return domain.FavouriteList{}, err
	}
	org, err := s.st.GetOrganisation(ctx, orgID)
	if err != nil {
		return domain.FavouriteList{}, err
	}
	if org.Kind != domain.OrgPublicBuyer && org.Kind != domain.OrgPrivateBuyer {
		return domain.FavouriteList{}, msgFavouritesBuyersOnly.Wrap(domain.ErrForbidden)
	}
	var out domain.FavouriteList
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.CreateFavouriteList(ctx, domain.FavouriteList{OrganisationID: orgID, Name: name}, s.now())
		if errors.Is(err, domain.ErrConflict) {
			return msgFavouriteListExists.Wrap(domain.ErrConflict, name)
		}
		if err != nil {
			return err
		}
		return favouriteAudit(ctx, tx, actor, "favourite_list.created", out, nil, map[string]any{"name": name})
	})
	return out, err
}

// RenameList renames a list of orgID.
func (s *Favourites) RenameList(ctx context.Context, actor Actor, p domain.Principal, orgID, listID, name string) (domain.FavouriteList, error) {
	if err := manageTenders(p, orgID); err != nil {
		return domain.FavouriteList{}, err
	}
	name = domain.NormalizeListName(name)
	if err := domain.ValidateListName(name).Err(); err != nil {
		return domain.FavouriteList{}, err
	}
	var out domain.FavouriteList
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.RenameFavouriteList(ctx, orgID, listID, name, s.now())
		if errors.Is(err, domain.ErrConflict) {
			return msgFavouriteListExists.Wrap(domain.ErrConflict, name)
		}
		if err != nil {
			return err
		}
		return favouriteAudit(ctx, tx, actor, "favourite_list.renamed", out, nil, map[string]any{"name": name})
	})
	return out, err
}

// DeleteList deletes a list of orgID (the suppliers stay, of course).
func (s *Favourites) DeleteList(ctx context.Context, actor Actor, p domain.Principal, orgID, listID string) error {
	if err := manageTenders(p, orgID); err != nil {
		return err
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		l, err := tx.DeleteFavouriteList(ctx, orgID, listID)
		if err != nil {
			return err
		}
		return favouriteAudit(ctx, tx, actor, "favourite_list.deleted", l, map[string]any{"name": l.Name}, nil)
	})
}

// Members returns a page of a list's suppliers, in the order they were added.
func (s *Favourites) Members(ctx context.Context, p domain.Principal, orgID, listID, cursor string, limit int) ([]domain.Favourite, string, error) {
	if err := manageTenders(p, orgID); err != nil {
		return nil, "", err
	}
	return s.st.ListFavourites(ctx, orgID, listID, cursor, tenderPageSize(limit))
}

// Add puts an SSE supplier on a list of orgID; adding it twice is harmless.
func (s *Favourites) Add(ctx context.Context, actor Actor, p domain.Principal, orgID, listID, supplierID string) error {
	if err := manageTenders(p, orgID); err != nil {
		return err
	}
	supplier, err := s.st.GetOrganisation(ctx, supplierID)
	if err != nil {
		return err
	}
	if supplier.Kind != domain.OrgSSESupplier {
		ve := &domain.ValidationError{}
		ve.AddLocalized("path.supplierID", "not_a_supplier", msgOutcomeUnknownSupplier.With(supplierID))
		return ve
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		added, err := tx.AddFavourite(ctx, orgID, listID, supplierID, s.now())
		if err != nil || !added {
			return err
		}
		return favouriteAudit(ctx, tx, actor, "favourite_list.supplier_added", domain.FavouriteList{ID: listID, OrganisationID: orgID},
			nil, map[string]any{"supplier_id": supplierID})
	})
}

// Remove takes a supplier off a list of orgID.
func (s *Favourites) Remove(ctx context.Context, actor Actor, p domain.Principal, orgID, listID, supplierID string) error {
	if err := manageTenders(p, orgID); err != nil {
		return err
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		removed, err := tx.RemoveFavourite(ctx, orgID, listID, supplierID)
		if err != nil {
			return err
		}
		if !removed {
			return domain.ErrNotFound
		}
		return favouriteAudit(ctx, tx, actor, "favourite_list.supplier_removed", domain.FavouriteList{ID: listID, OrganisationID: orgID},
			map[string]any{"supplier_id": supplierID}, nil)
	})
}

func favouriteAudit(ctx context.Context, tx *store.Tx, actor Actor, action string, l domain.FavouriteList, before, after map[string]any) error {
	return writeAudit(ctx, tx, actor, action, "favourite_list", l.ID, l.OrganisationID, before, after)
}

var (
	msgFavouritesBuyersOnly = domain.Msg{
		EN: "only buyer organisations keep lists of favourite suppliers",
		FR: "seules les organisations acheteuses tiennent des listes de fournisseurs favoris",
		DE: "nur einkaufende Organisationen führen Listen bevorzugter Anbieter",
		NL: "alleen inkopende organisaties houden lijsten van favoriete leveranciers bij",
	}
	msgFavouriteListExists = domain.Msg{
		EN: "a list named %q already exists", FR: "une liste nommée %q existe déjà",
		DE: "eine Liste namens %q gibt es bereits", NL: "een lijst met de naam %q bestaat al",
	}
)
