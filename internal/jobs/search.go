package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"passerelle/internal/core"
	"passerelle/internal/search"
	"passerelle/internal/store"
)

// Queues of the search work: index jobs on their own queue, so that an
// engine outage never holds up emails or tender closing, and rebuilds one
// at a time on another, so that a long rebuild never holds up index jobs.
const (
	queueSearch        = "search"
	queueSearchRebuild = "search_rebuild"
)

// IndexRef names one listing in a job's arguments.
type IndexRef struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

// IndexListingsArgs asks for listings, and every listing of organisations,
// to be re-read and indexed or removed.
type IndexListingsArgs struct {
	Refs          []IndexRef `json:"refs,omitempty"`
	Organisations []string   `json:"organisations,omitempty"`
}

// Kind names the job in the queue.
func (IndexListingsArgs) Kind() string { return "index_listings" }

// InsertOpts puts index jobs on the search queue.
func (IndexListingsArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: queueSearch} }

// errNoSearchEngine keeps index jobs queued in a process that has no
// engine (commands that only enqueue).
var errNoSearchEngine = errors.New("no search engine in this process: the job stays queued")

// IndexListingsWorker applies index jobs to the live index. It is
// state-based (core.SearchIndex.Apply reads the listings when it runs), so
// retries, duplicates and reorderings all converge on PostgreSQL's state.
// Failures are retried with River's backoff; reconciliation catches up on
// whatever outlives the retries.
type IndexListingsWorker struct {
	river.WorkerDefaults[IndexListingsArgs]
	Index *core.SearchIndex // nil: jobs stay queued
	Log   *slog.Logger
	// Lag observes, per job done, the time from the change to the index.
	Lag prometheus.Observer
}

// Work applies the job.
func (w *IndexListingsWorker) Work(ctx context.Context, job *river.Job[IndexListingsArgs]) error {
	if w.Index == nil {
		return errNoSearchEngine
	}
	refs := make([]core.SearchRef, 0, len(job.Args.Refs))
	for _, r := range job.Args.Refs {
		refs = append(refs, core.SearchRef{Kind: search.Kind(r.Kind), ID: r.ID})
	}
	n, err := w.Index.Apply(ctx, refs, job.Args.Organisations)
	if len(n.Invalid) > 0 {
		w.Log.ErrorContext(ctx, "search documents refused by the engine: left out of the index", "listings", n.Invalid)
	}
	if err != nil {
		return err
	}
	if w.Lag != nil {
		w.Lag.Observe(time.Since(due(job.JobRow)).Seconds())
	}
	return nil
}

// due is when a job's change became due for the index: its insertion, or
// its scheduled time for work planned ahead (a status that expires). A
// retried job's scheduled time is that of its next try, not of its change:
// its insertion is used then.
func due(j *rivertype.JobRow) time.Time {
	retried := j.State == rivertype.JobStateRetryable || j.Attempt > 1
	if !retried && j.ScheduledAt.After(j.CreatedAt) {
		return j.ScheduledAt
	}
	return j.CreatedAt
}

// IndexListings enqueues, in tx, the re-indexing of refs.
func (r *Runner) IndexListings(ctx context.Context, tx *store.Tx, refs ...core.SearchRef) error {
	if len(refs) == 0 {
		return nil
	}
	args := IndexListingsArgs{Refs: make([]IndexRef, len(refs))}
	for i, ref := range refs {
		args.Refs[i] = IndexRef{Kind: string(ref.Kind), ID: ref.ID}
	}
	if _, err := r.client.InsertTx(ctx, tx.Raw(), args, nil); err != nil {
		return fmt.Errorf("jobs: enqueue index: %w", err)
	}
	return nil
}

// IndexOrganisation enqueues, in tx, the re-indexing of an organisation's
// listings, now or at a later time.
func (r *Runner) IndexOrganisation(ctx context.Context, tx *store.Tx, orgID string, at time.Time) error {
	var opts *river.InsertOpts
	if !at.IsZero() {
		opts = &river.InsertOpts{Queue: queueSearch, ScheduledAt: at}
	}
	if _, err := r.client.InsertTx(ctx, tx.Raw(), IndexListingsArgs{Organisations: []string{orgID}}, opts); err != nil {
		return fmt.Errorf("jobs: enqueue organisation index: %w", err)
	}
	return nil
}

var _ core.SearchJobs = (*Runner)(nil)

// ReconcileSearchArgs asks for the whole index to be compared with
// PostgreSQL and repaired.
type ReconcileSearchArgs struct{}

// Kind names the job in the queue.
func (ReconcileSearchArgs) Kind() string { return "reconcile_search" }

// InsertOpts puts reconciliation with the rebuilds: both read every
// listing, and one at a time is plenty.
func (ReconcileSearchArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: queueSearchRebuild}
}

// ReconcileSearchWorker runs core.SearchIndex.Reconcile.
type ReconcileSearchWorker struct {
	river.WorkerDefaults[ReconcileSearchArgs]
	Index *core.SearchIndex
	Log   *slog.Logger
}

// Timeout allows reading and indexing every listing (River's default is a
// minute).
func (w *ReconcileSearchWorker) Timeout(*river.Job[ReconcileSearchArgs]) time.Duration {
	return 30 * time.Minute
}

// Work reconciles the index.
func (w *ReconcileSearchWorker) Work(ctx context.Context, _ *river.Job[ReconcileSearchArgs]) error {
	if w.Index == nil {
		return nil // nothing to reconcile in a process without an engine
	}
	start := time.Now()
	n, err := w.Index.Reconcile(ctx)
	if len(n.Invalid) > 0 {
		w.Log.ErrorContext(ctx, "search documents refused by the engine: left out of the index", "listings", n.Invalid)
	}
	if err != nil {
		return err
	}
	w.Log.InfoContext(ctx, "search index reconciled", "indexed", n.Indexed, "removed", n.Removed,
		"took", time.Since(start).Round(time.Millisecond))
	return nil
}

// ReconcileSearch queues a reconciliation now, for writes made without
// index jobs (the demonstration data): the next process with an engine
// works it.
func (r *Runner) ReconcileSearch(ctx context.Context) error {
	if _, err := r.client.Insert(ctx, ReconcileSearchArgs{}, nil); err != nil {
		return fmt.Errorf("jobs: enqueue reconciliation: %w", err)
	}
	return nil
}

// RebuildSearchArgs asks for a recorded rebuild to run.
type RebuildSearchArgs struct {
	RebuildID string `json:"rebuild_id"`
}

// Kind names the job in the queue.
func (RebuildSearchArgs) Kind() string { return "rebuild_search" }

// InsertOpts runs rebuilds one at a time, and tries a failed one only
// twice more: each try rereads everything.
func (RebuildSearchArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: queueSearchRebuild, MaxAttempts: 3}
}

// RebuildSearchWorker runs core.SearchIndex.Rebuild.
type RebuildSearchWorker struct {
	river.WorkerDefaults[RebuildSearchArgs]
	Index  *core.SearchIndex
	Runner *Runner
	Log    *slog.Logger
}

// Timeout allows a rebuild of every listing.
func (w *RebuildSearchWorker) Timeout(*river.Job[RebuildSearchArgs]) time.Duration { return time.Hour }

// Work runs the rebuild.
func (w *RebuildSearchWorker) Work(ctx context.Context, job *river.Job[RebuildSearchArgs]) error {
	if w.Index == nil {
		return errNoSearchEngine
	}
	start := time.Now()
	if err := w.Index.Rebuild(ctx, job.Args.RebuildID, w.Runner.SearchChanges, nil); err != nil {
		return err
	}
	w.Log.InfoContext(ctx, "search index rebuilt", "rebuild", job.Args.RebuildID, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// RebuildSearch enqueues, in tx, the job that runs a recorded rebuild.
func (r *Runner) RebuildSearch(ctx context.Context, tx *store.Tx, rebuildID string) error {
	if _, err := r.client.InsertTx(ctx, tx.Raw(), RebuildSearchArgs{RebuildID: rebuildID}, nil); err != nil {
		return fmt.Errorf("jobs: enqueue rebuild: %w", err)
	}
	return nil
}

var _ core.SearchRebuildJobs = (*Runner)(nil)

// SearchChanges lists the listings and organisations of every index job
// inserted since a time, whatever its state: the changes a rebuild must
// re-apply after its swap (core.SearchChanges). River keeps finished jobs
// for a day, far longer than a rebuild takes.
func (r *Runner) SearchChanges(ctx context.Context, since time.Time) ([]core.SearchRef, []string, error) {
	params := river.NewJobListParams().Kinds(IndexListingsArgs{}.Kind()).
		Where("created_at >= @since", river.NamedArgs{"since": since}).First(1000)
	seen := map[core.SearchRef]bool{}
	orgs := map[string]bool{}
	var refs []core.SearchRef
	var orgIDs []string
	for {
		res, err := r.client.JobList(ctx, params)
		if err != nil {
			return nil, nil, fmt.Errorf("jobs: list index jobs: %w", err)
		}
		for _, j := range res.Jobs {
			var a IndexListingsArgs
			if err := json.Unmarshal(j.EncodedArgs, &a); err != nil {
				return nil, nil, fmt.Errorf("jobs: index job %d: %w", j.ID, err)
			}
			for _, ref := range a.Refs {
				sr := core.SearchRef{Kind: search.Kind(ref.Kind), ID: ref.ID}
				if !seen[sr] {
					seen[sr] = true
					refs = append(refs, sr)
				}
			}
			for _, o := range a.Organisations {
				if !orgs[o] {
					orgs[o] = true
					orgIDs = append(orgIDs, o)
				}
			}
		}
		if len(res.Jobs) == 0 || res.LastCursor == nil {
			return refs, orgIDs, nil
		}
		params = params.After(res.LastCursor)
	}
}

// OldestPendingIndexJob returns the age of the oldest index job waiting
// to be worked (0 when none): how far behind PostgreSQL the index is.
func (r *Runner) OldestPendingIndexJob(ctx context.Context) (time.Duration, error) {
	res, err := r.client.JobList(ctx, river.NewJobListParams().Kinds(IndexListingsArgs{}.Kind()).
		States(rivertype.JobStateAvailable, rivertype.JobStateRetryable, rivertype.JobStateRunning).
		Where("(scheduled_at <= now() OR attempt > 0)").
		OrderBy(river.JobListOrderByID, river.SortOrderAsc).First(1))
	if err != nil {
		return 0, fmt.Errorf("jobs: oldest index job: %w", err)
	}
	if len(res.Jobs) == 0 {
		return 0, nil
	}
	return max(time.Since(due(res.Jobs[0])), 0), nil
}
