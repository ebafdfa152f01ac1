package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// AllCPVLabels returns every imported CPV code's eight digits and labels
// (no other field), by code: the search's cross-language lexicon aligns
// them. Empty until `passerelle import-cpv` ran.
func (s *Store) AllCPVLabels(ctx context.Context) ([]domain.CPVCode, error) {
	rows, err := s.q.ListAllCPVLabels(ctx)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.CPVCode, len(rows))
	for i, r := range rows {
		out[i] = domain.CPVCode{Code8: r.Code8, Labels: domain.Labels{FR: r.LabelFr, DE: r.LabelDe, EN: r.LabelEn, NL: r.LabelNl}}
	}
	return out, nil
}

// OrganisationListings returns the ids of an organisation's offers and of
// its tenders, whatever their state.
func (s *Store) OrganisationListings(ctx context.Context, organisationID string) (offers, tenders []string, err error) {
	org, err := uuid.Parse(organisationID)
	if err != nil {
		return nil, nil, nil
	}
	rows, err := s.q.ListOrganisationListingIDs(ctx, org)
	if err != nil {
		return nil, nil, mapError(err)
	}
	for _, r := range rows {
		if r.Kind == "offer" {
			offers = append(offers, r.ID.String())
		} else {
			tenders = append(tenders, r.ID.String())
		}
	}
	return offers, tenders, nil
}

// CreateSearchRebuild records a queued rebuild into index; only one may
// be queued or running at a time (domain.ErrConflict otherwise). A
// rebuild with no heartbeat since staleBefore is first given up as failed:
// its process died.
func (t *Tx) CreateSearchRebuild(ctx context.Context, index, requestedBy string, staleBefore time.Time) (domain.SearchRebuild, error) {
	by, err := optionalID("requested_by", requestedBy)
	if err != nil {
		return domain.SearchRebuild{}, err
	}
	if err := t.q.AbandonStaleSearchRebuilds(ctx, staleBefore); err != nil {
		return domain.SearchRebuild{}, mapError(err)
	}
	row, err := t.q.InsertSearchRebuild(ctx, sqlc.InsertSearchRebuildParams{
		ID: uuid.Must(uuid.NewV7()), IndexName: index, State: string(domain.SearchRebuildQueued), RequestedBy: by,
	})
	if err != nil {
		return domain.SearchRebuild{}, mapError(err)
	}
	return searchRebuildFromRow(row), nil
}

// StartSearchRebuild marks a rebuild running with its total, or returns
// domain.ErrNotFound when it is unknown or already finished.
func (s *Store) StartSearchRebuild(ctx context.Context, id string, total int, at time.Time) (domain.SearchRebuild, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.SearchRebuild{}, domain.ErrNotFound
	}
	row, err := s.q.StartSearchRebuild(ctx, sqlc.StartSearchRebuildParams{ID: uid, Total: int32(total), At: &at})
	if err != nil {
		return domain.SearchRebuild{}, mapError(err)
	}
	return searchRebuildFromRow(row), nil
}

// SearchRebuildProgress records how many listings a rebuild wrote.
func (s *Store) SearchRebuildProgress(ctx context.Context, id string, done int) error {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	return mapError(s.q.SearchRebuildProgress(ctx, sqlc.SearchRebuildProgressParams{ID: uid, Done: int32(done)}))
}

// FinishSearchRebuild records how a rebuild ended; failure is "" when it
// succeeded.
func (s *Store) FinishSearchRebuild(ctx context.Context, id string, failure string, at time.Time) (domain.SearchRebuild, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.SearchRebuild{}, domain.ErrNotFound
	}
	state := domain.SearchRebuildSucceeded
	if failure != "" {
		state = domain.SearchRebuildFailed
		if len(failure) > 2000 {
			failure = failure[:2000]
		}
	}
	row, err := s.q.FinishSearchRebuild(ctx, sqlc.FinishSearchRebuildParams{ID: uid, State: string(state), Error: optionalString(failure), At: &at})
	if err != nil {
		return domain.SearchRebuild{}, mapError(err)
	}
	return searchRebuildFromRow(row), nil
}

// GetSearchRebuild returns one rebuild or domain.ErrNotFound.
func (s *Store) GetSearchRebuild(ctx context.Context, id string) (domain.SearchRebuild, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.SearchRebuild{}, domain.ErrNotFound
	}
	row, err := s.q.GetSearchRebuild(ctx, uid)
	if err != nil {
		return domain.SearchRebuild{}, mapError(err)
	}
	return searchRebuildFromRow(row), nil
}

// ListSearchRebuilds returns up to limit rebuilds, newest first, after
// cursor (from a previous page; "" for the first); next is the cursor of
// the following page, "" after the last one.
func (s *Store) ListSearchRebuilds(ctx context.Context, cursor string, limit int32) (page []domain.SearchRebuild, next string, err error) {
	before, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	at, id := descendingFrom(before)
	rows, err := s.q.ListSearchRebuilds(ctx, sqlc.ListSearchRebuildsParams{BeforeCreatedAt: at, BeforeID: id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.SearchRebuild) string { return encodeCursor(r.CreatedAt, r.ID) })
	page = make([]domain.SearchRebuild, len(rows))
	for i, r := range rows {
		page[i] = searchRebuildFromRow(r)
	}
	return page, next, nil
}

func searchRebuildFromRow(r sqlc.SearchRebuild) domain.SearchRebuild {
	out := domain.SearchRebuild{ID: r.ID.String(), IndexName: r.IndexName, State: domain.SearchRebuildState(r.State),
		Done: int(r.Done), Total: int(r.Total), Error: deref(r.Error), CreatedAt: r.CreatedAt, StartedAt: r.StartedAt, FinishedAt: r.FinishedAt}
	if r.RequestedBy != nil {
		out.RequestedBy = r.RequestedBy.String()
	}
	return out
}
