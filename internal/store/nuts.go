package store

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// NUTSImport counts what an import of NUTS regions changed.
type NUTSImport struct {
	Inserted, Updated, Unchanged int
}

// UpsertNUTSRegions inserts or updates regions by code, in the
// transaction; rows identical to what is stored are left alone. Parents may
// come after their children: the foreign key is checked at commit.
func (t *Tx) UpsertNUTSRegions(ctx context.Context, regions []domain.NUTSRegion) (NUTSImport, error) {
	var n NUTSImport
	for _, r := range regions {
		inserted, err := t.q.UpsertNUTSRegion(ctx, sqlc.UpsertNUTSRegionParams{
			Code: r.Code, Level: int16(r.Level), Name: r.Name, Country: r.Country, Parent: optionalString(r.Parent), Retired: r.Retired,
		})
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			n.Unchanged++
		case err != nil:
			return NUTSImport{}, mapError(err)
		case inserted:
			n.Inserted++
		default:
			n.Updated++
		}
	}
	return n, nil
}

// GetNUTSRegion returns one region by code, or domain.ErrNotFound.
func (s *Store) GetNUTSRegion(ctx context.Context, code string) (domain.NUTSRegion, error) {
	row, err := s.q.GetNUTSRegion(ctx, code)
	if err != nil {
		return domain.NUTSRegion{}, mapError(err)
	}
	return nutsFromRow(row), nil
}

// ListNUTSRegions returns the regions of country ("" for all) at level (a
// negative level for all), by code; retired ones only when asked.
func (s *Store) ListNUTSRegions(ctx context.Context, country string, level int, includeRetired bool) ([]domain.NUTSRegion, error) {
	rows, err := s.q.ListNUTSRegions(ctx, sqlc.ListNUTSRegionsParams{Country: country, Level: int32(level), IncludeRetired: includeRetired})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.NUTSRegion, len(rows))
	for i, r := range rows {
		out[i] = nutsFromRow(r)
	}
	return out, nil
}

// CountNUTSRegions returns how many current regions of level country has
// ("" for every country).
func (s *Store) CountNUTSRegions(ctx context.Context, country string, level int) (int64, error) {
	n, err := s.q.CountNUTSRegions(ctx, sqlc.CountNUTSRegionsParams{Country: country, Level: int16(level)})
	return n, mapError(err)
}

func nutsFromRow(r sqlc.NutsRegion) domain.NUTSRegion {
	return domain.NUTSRegion{Code: r.Code, Level: int(r.Level), Name: r.Name, Country: r.Country, Parent: deref(r.Parent), Retired: r.Retired}
}
