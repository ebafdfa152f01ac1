package store

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

func savedSearchFromRow(r sqlc.SavedSearch) domain.SavedSearch {
	s := domain.SavedSearch{ID: r.ID.String(), UserID: r.UserID.String(), Name: r.Name, Query: r.Query,
		Lang: domain.Language(r.Lang), Alerts: r.Alerts, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, LastAlertAt: r.LastAlertAt}
	if r.OrganisationID != nil {
		s.OrganisationID = r.OrganisationID.String()
	}
	return s
}

// CountSavedSearchesLocked counts userID's saved searches and locks the
// user's row until tx ends, so that two saves at once cannot both pass
// the limit.
func (t *Tx) CountSavedSearchesLocked(ctx context.Context, userID string) (int, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return 0, err
	}
	n, err := t.q.LockUserSavedSearches(ctx, uid)
	return int(n), mapError(err)
}

// InsertSavedSearch writes s (its ID is made here) as of now, which also
// starts its alert window; a name the user already gave another saved
// search is a domain.ErrConflict.
func (t *Tx) InsertSavedSearch(ctx context.Context, s domain.SavedSearch, now time.Time) (domain.SavedSearch, error) {
	uid, err := parseID("user_id", s.UserID)
	if err != nil {
		return domain.SavedSearch{}, err
	}
	org, err := optionalID("organisation_id", s.OrganisationID)
	if err != nil {
		return domain.SavedSearch{}, err
	}
	row, err := t.q.InsertSavedSearch(ctx, sqlc.InsertSavedSearchParams{ID: uuid.MustParse(NewID()), UserID: uid, OrganisationID: org,
		Name: s.Name, Query: s.Query, Lang: string(s.Lang), Alerts: s.Alerts, Now: now})
	if err != nil {
		return domain.SavedSearch{}, mapError(err)
	}
	return savedSearchFromRow(row), nil
}

// GetSavedSearch returns userID's saved search id; another user's, or
// none, is domain.ErrNotFound.
func (s *Store) GetSavedSearch(ctx context.Context, userID, id string) (domain.SavedSearch, error) {
	return getSavedSearch(ctx, s.q, userID, id)
}

// GetSavedSearch is Store.GetSavedSearch within the transaction.
func (t *Tx) GetSavedSearch(ctx context.Context, userID, id string) (domain.SavedSearch, error) {
	return getSavedSearch(ctx, t.q, userID, id)
}

func getSavedSearch(ctx context.Context, q *sqlc.Queries, userID, id string) (domain.SavedSearch, error) {
	sid, uid, ok := savedSearchIDs(userID, id)
	if !ok {
		return domain.SavedSearch{}, domain.ErrNotFound
	}
	row, err := q.GetSavedSearch(ctx, sqlc.GetSavedSearchParams{ID: sid, UserID: uid})
	if err != nil {
		return domain.SavedSearch{}, mapError(err)
	}
	return savedSearchFromRow(row), nil
}

// savedSearchIDs parses the ids; a malformed one names no saved search.
func savedSearchIDs(userID, id string) (sid, uid uuid.UUID, ok bool) {
	sid, err1 := uuid.Parse(id)
	uid, err2 := uuid.Parse(userID)
	return sid, uid, err1 == nil && err2 == nil
}

// UpdateSavedSearch writes every editable field of s (of s.UserID). A
// changed query, or alerts switched back on, restarts the alert window at
// now: what was published before is not news to the user.
func (t *Tx) UpdateSavedSearch(ctx context.Context, s domain.SavedSearch, now time.Time) (domain.SavedSearch, error) {
	sid, uid, ok := savedSearchIDs(s.UserID, s.ID)
	if !ok {
		return domain.SavedSearch{}, domain.ErrNotFound
	}
	org, err := optionalID("organisation_id", s.OrganisationID)
	if err != nil {
		return domain.SavedSearch{}, err
	}
	row, err := t.q.UpdateSavedSearch(ctx, sqlc.UpdateSavedSearchParams{ID: sid, UserID: uid, OrganisationID: org, Name: s.Name,
		Query: s.Query, Lang: string(s.Lang), Alerts: s.Alerts, Now: now})
	if err != nil {
		return domain.SavedSearch{}, mapError(err)
	}
	return savedSearchFromRow(row), nil
}

// DeleteSavedSearch deletes userID's saved search id and returns it.
func (t *Tx) DeleteSavedSearch(ctx context.Context, userID, id string) (domain.SavedSearch, error) {
	sid, uid, ok := savedSearchIDs(userID, id)
	if !ok {
		return domain.SavedSearch{}, domain.ErrNotFound
	}
	row, err := t.q.DeleteSavedSearch(ctx, sqlc.DeleteSavedSearchParams{ID: sid, UserID: uid})
	if err != nil {
		return domain.SavedSearch{}, mapError(err)
	}
	return savedSearchFromRow(row), nil
}

// ListSavedSearchesPage returns a page of userID's saved searches, oldest
// first, and the cursor of the next page ("" at the end).
func (s *Store) ListSavedSearchesPage(ctx context.Context, userID, cursor string, limit int32) ([]domain.SavedSearch, string, error) {
	uid, err := uuid.Parse(userID)
	if err != nil {
		return []domain.SavedSearch{}, "", nil
	}
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListSavedSearchesPage(ctx, sqlc.ListSavedSearchesPageParams{UserID: uid, AfterCreatedAt: after.at,
		AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next := pageAfter(rows, limit, func(r sqlc.SavedSearch) string { return encodeCursor(r.CreatedAt, r.ID) })
	page := make([]domain.SavedSearch, len(rows))
	for i, r := range rows {
		page[i] = savedSearchFromRow(r)
	}
	return page, next, nil
}

// SavedSearchesDue returns up to limit ids of saved searches with alerts
// on whose last alert ended before windowEnd, after afterID ("" for the
// first batch), in id order.
func (s *Store) SavedSearchesDue(ctx context.Context, windowEnd time.Time, afterID string, limit int32) ([]string, error) {
	after, err := pageID(afterID)
	if err != nil {
		return nil, err
	}
	ids, err := s.q.ListSavedSearchesDue(ctx, sqlc.ListSavedSearchesDueParams{WindowEnd: windowEnd, AfterID: after, RowLimit: limit})
	if err != nil {
		return nil, mapError(err)
	}
	return uuidStrings(ids), nil
}

// SavedSearchDue returns saved search id if its alerts are on and its
// last alert ended before windowEnd; ok is false otherwise. It takes no
// lock: the alert runs its search first, then locks the row with
// LockSavedSearchUnchanged.
func (s *Store) SavedSearchDue(ctx context.Context, id string, windowEnd time.Time) (ss domain.SavedSearch, ok bool, err error) {
	sid, err := parseID("id", id)
	if err != nil {
		return domain.SavedSearch{}, false, err
	}
	row, err := s.q.GetSavedSearchDue(ctx, sqlc.GetSavedSearchDueParams{ID: sid, WindowEnd: windowEnd})
	if err = mapError(err); errors.Is(err, domain.ErrNotFound) {
		return domain.SavedSearch{}, false, nil
	} else if err != nil {
		return domain.SavedSearch{}, false, err
	}
	return savedSearchFromRow(row), true, nil
}

// LockSavedSearchUnchanged locks saved search seen until tx ends if it is
// still as seen was read (alerts on, same last alert, same last edit);
// ok is false otherwise: another run alerted it meanwhile, or its owner
// changed it, and what was searched for it no longer holds.
func (t *Tx) LockSavedSearchUnchanged(ctx context.Context, seen domain.SavedSearch) (ok bool, err error) {
	sid, err := parseID("id", seen.ID)
	if err != nil {
		return false, err
	}
	_, err = t.q.LockSavedSearchUnchanged(ctx, sqlc.LockSavedSearchUnchangedParams{ID: sid, LastAlertAt: seen.LastAlertAt,
		UpdatedAt: seen.UpdatedAt})
	if err = mapError(err); errors.Is(err, domain.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// SetSavedSearchAlerted records that the alerts of saved search id cover
// every listing published before at.
func (t *Tx) SetSavedSearchAlerted(ctx context.Context, id string, at time.Time) error {
	sid, err := parseID("id", id)
	if err != nil {
		return err
	}
	return mapError(t.q.SetSavedSearchAlerted(ctx, sqlc.SetSavedSearchAlertedParams{ID: sid, LastAlertAt: at}))
}

// DisableSavedSearchAlerts switches the alerts of saved search id off.
func (t *Tx) DisableSavedSearchAlerts(ctx context.Context, id string, now time.Time) error {
	sid, err := parseID("id", id)
	if err != nil {
		return err
	}
	return mapError(t.q.DisableSavedSearchAlerts(ctx, sqlc.DisableSavedSearchAlertsParams{ID: sid, Now: now}))
}
