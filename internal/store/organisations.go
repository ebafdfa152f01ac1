package store

import (
	"context"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateOrganisation inserts o (its ID is set when empty) and returns it as stored.
func (t *Tx) CreateOrganisation(ctx context.Context, o domain.Organisation) (domain.Organisation, error) {
	if o.ID == "" {
		o.ID = NewID()
	}
	id, err := parseID("id", o.ID)
	if err != nil {
		return domain.Organisation{}, err
	}
	row, err := t.q.CreateOrganisation(ctx, sqlc.CreateOrganisationParams{
		ID: id, Kind: string(o.Kind), Country: o.Country, LegalName: o.LegalName, TradeName: optionalString(o.TradeName),
	})
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	return organisationFromRow(row), nil
}

// GetOrganisation returns one organisation or domain.ErrNotFound.
func (s *Store) GetOrganisation(ctx context.Context, id string) (domain.Organisation, error) {
	uid, err := parseID("id", id)
	if err != nil {
		return domain.Organisation{}, domain.ErrNotFound
	}
	row, err := s.q.GetOrganisation(ctx, uid)
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	return organisationFromRow(row), nil
}

func organisationFromRow(r sqlc.Organisation) domain.Organisation {
	o := domain.Organisation{
		ID: r.ID.String(), Kind: domain.OrganisationKind(r.Kind), Country: r.Country, LegalName: r.LegalName, Status: r.Status,
	}
	if r.TradeName != nil {
		o.TradeName = *r.TradeName
	}
	return o
}
