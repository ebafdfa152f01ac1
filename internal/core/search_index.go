package core

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/store"
)

// SearchJobs enqueues the index work a change causes, in the transaction
// of the change: the work exists exactly when the change is committed, so
// an engine that is down or slow delays search, never loses an update.
// The work is state-based: it re-reads the listings when it runs, so
// duplicates and reorderings are harmless.
type SearchJobs interface {
	// IndexListings re-indexes refs: each is indexed if it is public
	// when the job runs, removed from the index otherwise.
	IndexListings(ctx context.Context, tx *store.Tx, refs ...SearchRef) error
	// IndexOrganisation re-indexes everything an organisation's profile
	// or statuses show through: its supplier document and every one of
	// its offers and tenders. A zero at means now; a later one schedules
	// the work then (a status that expires).
	IndexOrganisation(ctx context.Context, tx *store.Tx, orgID string, at time.Time) error
}

// SearchRebuildJobs enqueues a full rebuild of the index.
type SearchRebuildJobs interface {
	RebuildSearch(ctx context.Context, tx *store.Tx, rebuildID string) error
}

// indexListings queues refs for the index in tx; nil jobs (commands and
// tests that run no background work) queue nothing.
func indexListings(ctx context.Context, tx *store.Tx, jobs SearchJobs, refs ...SearchRef) error {
	if jobs == nil {
		return nil
	}
	return jobs.IndexListings(ctx, tx, refs...)
}

// indexOrganisation queues an organisation's listings for the index in
// tx, at at (zero: now); nil jobs queue nothing.
func indexOrganisation(ctx context.Context, tx *store.Tx, jobs SearchJobs, orgID string, at time.Time) error {
	if jobs == nil {
		return nil
	}
	return jobs.IndexOrganisation(ctx, tx, orgID, at)
}

func offerRef(id string) SearchRef  { return SearchRef{Kind: search.KindOffer, ID: id} }
func tenderRef(id string) SearchRef { return SearchRef{Kind: search.KindTender, ID: id} }

// searchSettings are the live index's settings, declared in code.
func searchSettings() search.Settings { return search.Settings{} }

// SearchIndex keeps the engine's live index (SearchLiveIndex) in step with
// PostgreSQL, the only source of truth: the index worker applies changes,
// reconciliation repairs whatever drifted, and Rebuild builds a fresh
// index and swaps it in. A document's id is its listing's id (offer,
// tender or organisation: UUIDs never collide across kinds).
type SearchIndex struct {
	st     *store.Store
	engine search.Engine
	now    Clock
	// batch is how many documents go to the engine at once.
	batch int
}

// NewSearchIndex builds the index keeper over engine.
func NewSearchIndex(st *store.Store, engine search.Engine, now Clock) *SearchIndex {
	if now == nil {
		now = time.Now
	}
	return &SearchIndex{st: st, engine: engine, now: now, batch: 500}
}

// Engine is the engine the index lives in.
func (x *SearchIndex) Engine() search.Engine { return x.engine }

// EnsureLive creates the live index if it does not exist.
func (x *SearchIndex) EnsureLive(ctx context.Context) error {
	return x.engine.EnsureIndex(ctx, SearchLiveIndex, searchSettings())
}

// IndexChange counts what Apply or Reconcile wrote.
type IndexChange struct {
	Indexed, Removed int
	// Invalid lists the listings whose documents the engine refused (see
	// write): they are kept out of the index.
	Invalid []string
}

// write indexes docs into index. A document the engine refuses
// (search.ErrInvalidDocument: a bug in the document builder, not an
// outage) must not hold every other listing back forever, job after job:
// it is left out, its id removed so that no older version stays
// searchable, and reported in invalid. Any other error is returned.
func (x *SearchIndex) write(ctx context.Context, index string, docs []search.Document) (written int, invalid []string, err error) {
	err = x.engine.Index(ctx, index, docs)
	if err == nil || !errors.Is(err, search.ErrInvalidDocument) {
		if err != nil {
			return 0, nil, err
		}
		return len(docs), nil, nil
	}
	for _, d := range docs {
		err := x.engine.Index(ctx, index, []search.Document{d})
		switch {
		case errors.Is(err, search.ErrInvalidDocument):
			invalid = append(invalid, d.ID)
		case err != nil:
			return written, invalid, err
		default:
			written++
		}
	}
	return written, invalid, x.engine.Delete(ctx, index, invalid)
}

// Apply brings the live index in line with PostgreSQL for refs and for
// every listing of organisations (see SearchJobs.IndexOrganisation):
// public ones are (re-)indexed, the others removed.
func (x *SearchIndex) Apply(ctx context.Context, refs []SearchRef, organisations []string) (IndexChange, error) {
	seen := map[SearchRef]bool{}
	for _, r := range refs {
		seen[r] = true
	}
	for _, org := range organisations {
		seen[SearchRef{Kind: search.KindSupplier, ID: org}] = true
		offers, tenders, err := x.st.OrganisationListings(ctx, org)
		if err != nil {
			return IndexChange{}, err
		}
		for _, id := range offers {
			seen[offerRef(id)] = true
		}
		for _, id := range tenders {
			seen[tenderRef(id)] = true
		}
	}
	all := slices.SortedFunc(maps.Keys(seen), func(a, b SearchRef) int {
		if a.Kind != b.Kind {
			return cmp.Compare(a.Kind, b.Kind)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var n IndexChange
	for chunk := range slices.Chunk(all, x.batch) {
		docs, gone, err := SearchDocuments(ctx, x.st, chunk, x.now())
		if err != nil {
			return n, err
		}
		if len(docs) > 0 {
			written, invalid, err := x.write(ctx, SearchLiveIndex, docs)
			n.Indexed += written
			n.Invalid = append(n.Invalid, invalid...)
			if err != nil {
				return n, err
			}
		}
		if len(gone) > 0 {
			ids := make([]string, len(gone))
			for i, g := range gone {
				ids[i] = g.ID
			}
			if err := x.engine.Delete(ctx, SearchLiveIndex, ids); err != nil {
				return n, err
			}
			n.Removed += len(gone)
		}
	}
	return n, nil
}

// Reconcile repairs the live index's set of documents in both directions:
// every public listing missing from the index is indexed, and every indexed
// document that is not public any more is removed. It is what makes the
// index converge after a long engine outage, once the retries of the index
// jobs have grown sparse or given up, and it makes rows written without
// jobs (the demonstration data) searchable.
//
// Listings already indexed are not written again: the index jobs keep
// their contents current (each one is retried for weeks), and time alone
// changes nothing that a scheduled job does not cover (a tender's deadline
// closes it through its job; a status's expiry has its own index job).
// Rewriting every document each time would cost a full reindex every
// interval at 100,000 listings; `passerelle reindex` (or the admin rebuild)
// is the full refresh.
//
// The indexed ids come from Engine.ListIDs (paging through a query would
// stop at Meilisearch's maxTotalHits). They are listed before the public
// listings are read, and the stale ones are checked again (Apply) rather
// than deleted blindly, so that a listing published while reconciliation
// runs is never removed.
func (x *SearchIndex) Reconcile(ctx context.Context) (IndexChange, error) {
	if err := x.EnsureLive(ctx); err != nil {
		return IndexChange{}, err
	}
	indexed, err := x.indexedRefs(ctx, SearchLiveIndex)
	if err != nil {
		return IndexChange{}, err
	}
	inIndex := make(map[string]bool, len(indexed))
	for _, r := range indexed {
		inIndex[r.ID] = true
	}
	public := map[string]bool{}
	var n IndexChange
	at := x.now()
	// Only the ids are read for the listings already indexed; documents are
	// built for the missing ones alone.
	err = EachPublicRef(ctx, x.st, at, x.batch, func(refs []SearchRef) error {
		var missing []SearchRef
		for _, r := range refs {
			public[r.ID] = true
			if !inIndex[r.ID] {
				missing = append(missing, r)
			}
		}
		if len(missing) == 0 {
			return nil
		}
		docs, _, err := SearchDocuments(ctx, x.st, missing, at)
		if err != nil || len(docs) == 0 {
			return err
		}
		written, invalid, err := x.write(ctx, SearchLiveIndex, docs)
		n.Indexed += written
		n.Invalid = append(n.Invalid, invalid...)
		return err
	})
	if err != nil {
		return n, err
	}
	var stale []SearchRef
	for _, r := range indexed {
		if !public[r.ID] {
			stale = append(stale, r)
		}
	}
	fixed, err := x.Apply(ctx, stale, nil)
	n.Indexed += fixed.Indexed
	n.Removed += fixed.Removed
	n.Invalid = append(n.Invalid, fixed.Invalid...)
	return n, err
}

// indexedRefs lists every document of index.
func (x *SearchIndex) indexedRefs(ctx context.Context, index string) ([]SearchRef, error) {
	var out []SearchRef
	err := x.engine.ListIDs(ctx, index, func(hits []search.Hit) error {
		for _, h := range hits {
			out = append(out, SearchRef{Kind: h.Kind, ID: h.ID})
		}
		return nil
	})
	return out, err
}

// SearchChanges lists what was queued for indexing since a time: the
// listings and organisations of every index job inserted since then.
type SearchChanges func(ctx context.Context, since time.Time) (refs []SearchRef, organisations []string, err error)

// RebuildProgress is told, after each batch, how many listings a rebuild
// wrote out of an estimated total (0 when unknown).
type RebuildProgress func(done, total int)

// rebuildClockSkew widens the catch-up window of a rebuild, so that no job
// is missed for its timestamp: jobs are stamped with the start of their
// transaction (PostgreSQL's now()), which may precede the rebuild's start
// while committing after it, and by another machine's clock.
const rebuildClockSkew = time.Minute

// Rebuild runs the recorded rebuild id: it writes every public listing
// into the rebuild's new versioned index, swaps it with the live index
// (searches keep answering from the old contents until then, and never
// see a half-built index), drops the old contents, and finally re-applies
// every listing queued for indexing since the rebuild started (changes):
// the worker kept writing to the live index meanwhile, so those writes
// would otherwise be lost with the old contents. A rebuild that already
// finished is not run again (a retried job).
func (x *SearchIndex) Rebuild(ctx context.Context, id string, changes SearchChanges, progress RebuildProgress) (err error) {
	r, err := x.st.GetSearchRebuild(ctx, id)
	if err != nil {
		return err
	}
	if r.State == domain.SearchRebuildSucceeded || r.State == domain.SearchRebuildFailed {
		return nil
	}
	if err := x.EnsureLive(ctx); err != nil {
		return err
	}
	// The live index's size estimates the total: counting the public
	// listings would cost as much as building them.
	estimate, err := x.engine.Search(ctx, SearchLiveIndex, search.Query{Limit: 1})
	if err != nil {
		return err
	}
	start := x.now()
	if _, err := x.st.StartSearchRebuild(ctx, id, estimate.Total, start); err != nil {
		return err
	}
	defer func() {
		failure := ""
		if err != nil {
			failure = err.Error()
		}
		// The outcome is recorded even when ctx ended (shutdown).
		if _, ferr := x.st.FinishSearchRebuild(context.WithoutCancel(ctx), id, failure, x.now()); ferr != nil && err == nil {
			err = ferr
		}
	}()
	if err := x.engine.DropIndex(ctx, r.IndexName); err != nil {
		return err
	}
	if err := x.engine.EnsureIndex(ctx, r.IndexName, searchSettings()); err != nil {
		return err
	}
	done := 0
	err = EachSearchDocument(ctx, x.st, start, x.batch, func(docs []search.Document) error {
		// Refused documents are left out (see write); reconciliation and
		// the index jobs report them.
		if _, _, err := x.write(ctx, r.IndexName, docs); err != nil {
			return err
		}
		done += len(docs)
		if progress != nil {
			progress(done, estimate.Total)
		}
		return x.st.SearchRebuildProgress(ctx, id, done)
	})
	if err != nil {
		// The live index is untouched; the half-built one is dropped.
		return errors.Join(err, x.engine.DropIndex(context.WithoutCancel(ctx), r.IndexName))
	}
	if c, ok := x.engine.(search.Compacter); ok {
		if err := c.Compact(ctx, r.IndexName); err != nil {
			return errors.Join(err, x.engine.DropIndex(context.WithoutCancel(ctx), r.IndexName))
		}
	}
	if err := x.engine.Swap(ctx, SearchLiveIndex, r.IndexName); err != nil {
		return errors.Join(err, x.engine.DropIndex(context.WithoutCancel(ctx), r.IndexName))
	}
	if err := x.engine.DropIndex(ctx, r.IndexName); err != nil {
		return fmt.Errorf("drop the old contents (now %s): %w", r.IndexName, err)
	}
	refs, orgs, err := changes(ctx, start.Add(-rebuildClockSkew))
	if err != nil {
		return fmt.Errorf("list the changes made during the rebuild: %w", err)
	}
	if _, err := x.Apply(ctx, refs, orgs); err != nil {
		return fmt.Errorf("re-apply the changes made during the rebuild: %w", err)
	}
	return nil
}
