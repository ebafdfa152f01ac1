package core

import (
	"context"
	"fmt"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// SearchRebuilds are the administrators' use cases of full index rebuilds:
// request one (run by a job in the process that holds the engine, which
// the embedded engine requires) and follow its progress.
type SearchRebuilds struct {
	st   *store.Store
	jobs SearchRebuildJobs
	now  Clock
}

// NewSearchRebuilds builds the rebuild use cases.
func NewSearchRebuilds(st *store.Store, jobs SearchRebuildJobs, now Clock) *SearchRebuilds {
	if now == nil {
		now = time.Now
	}
	return &SearchRebuilds{st: st, jobs: jobs, now: now}
}

// staleRebuildAfter is how long a rebuild may go without progress before
// the next request gives it up: a batch takes seconds, so minutes of
// silence mean its process died.
const staleRebuildAfter = 10 * time.Minute

// SearchRebuildIndexName is the versioned index a rebuild started at
// builds, e.g. listings_v20261126t035500123.
func SearchRebuildIndexName(at time.Time) string {
	at = at.UTC()
	return fmt.Sprintf("%s_v%s%03d", SearchLiveIndex, at.Format("20060102t150405"), at.Nanosecond()/int(time.Millisecond))
}

// CreateSearchRebuild records a new rebuild (domain.ErrConflict while
// another one is queued or running) and, when jobs is not nil, enqueues
// the job that runs it in the same transaction. `passerelle reindex` runs
// it itself and passes nil.
func CreateSearchRebuild(ctx context.Context, st *store.Store, jobs SearchRebuildJobs, actor Actor, at time.Time) (domain.SearchRebuild, error) {
	var out domain.SearchRebuild
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		r, err := tx.CreateSearchRebuild(ctx, SearchRebuildIndexName(at), actor.UserID, at.Add(-staleRebuildAfter))
		if err != nil {
			return err
		}
		if jobs != nil {
			if err := jobs.RebuildSearch(ctx, tx, r.ID); err != nil {
				return err
			}
		}
		out = r
		return writeAudit(ctx, tx, actor, "search.rebuild_requested", "search_rebuild", r.ID, "", nil,
			map[string]any{"index": r.IndexName})
	})
	return out, err
}

// Request starts a rebuild; administrators only.
func (s *SearchRebuilds) Request(ctx context.Context, actor Actor, p domain.Principal) (domain.SearchRebuild, error) {
	if err := domain.Authorize(p, domain.ActAdminister, domain.Resource{}); err != nil {
		return domain.SearchRebuild{}, err
	}
	return CreateSearchRebuild(ctx, s.st, s.jobs, actor, s.now())
}

// Get returns one rebuild with its progress; administrators only.
func (s *SearchRebuilds) Get(ctx context.Context, p domain.Principal, id string) (domain.SearchRebuild, error) {
	if err := domain.Authorize(p, domain.ActAdminister, domain.Resource{}); err != nil {
		return domain.SearchRebuild{}, err
	}
	return s.st.GetSearchRebuild(ctx, id)
}

// DefaultSearchRebuildPageSize and MaxSearchRebuildPageSize bound a page
// of rebuilds.
const (
	DefaultSearchRebuildPageSize = 20
	MaxSearchRebuildPageSize     = 100
)

// List returns rebuilds, newest first; administrators only.
func (s *SearchRebuilds) List(ctx context.Context, p domain.Principal, cursor string, limit int) ([]domain.SearchRebuild, string, error) {
	if err := domain.Authorize(p, domain.ActAdminister, domain.Resource{}); err != nil {
		return nil, "", err
	}
	if limit <= 0 {
		limit = DefaultSearchRebuildPageSize
	}
	return s.st.ListSearchRebuilds(ctx, cursor, int32(min(limit, MaxSearchRebuildPageSize)))
}
