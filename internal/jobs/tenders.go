package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"passerelle/internal/core"
	"passerelle/internal/store"
)

// CloseTenderArgs asks for a tender to be closed at its responses deadline.
type CloseTenderArgs struct {
	TenderID string `json:"tender_id"`
}

// Kind names the job in the queue.
func (CloseTenderArgs) Kind() string { return "close_tender" }

// CloseTenderWorker closes a published tender once its deadline passed.
// A job is inserted, scheduled at the deadline, each time a tender is
// published or its deadline moves; the jobs of an earlier deadline find
// the tender not yet due and do nothing, so the worker is idempotent and
// no job has to be found and cancelled. Scheduled jobs live in
// PostgreSQL: they survive restarts, and a job whose time passed while no
// client ran is worked as soon as one starts.
type CloseTenderWorker struct {
	river.WorkerDefaults[CloseTenderArgs]
	Store *store.Store
	Log   *slog.Logger
	// Index queues the closed tender's search document for an update.
	Index core.SearchJobs
	// Notes tells the buyer of the responses received.
	Notes *core.Notifications
}

// Work closes the tender if it is due.
func (w *CloseTenderWorker) Work(ctx context.Context, job *river.Job[CloseTenderArgs]) error {
	closed, err := core.CloseTenderAtDeadline(ctx, w.Store, w.Index, w.Notes, job.Args.TenderID, time.Now())
	if err != nil {
		return err
	}
	if closed {
		w.Log.InfoContext(ctx, "tender closed at its deadline", "tender", job.Args.TenderID)
	}
	return nil
}

// ScheduleTenderClose inserts, in tx, the job that closes a tender at.
func (r *Runner) ScheduleTenderClose(ctx context.Context, tx *store.Tx, tenderID string, at time.Time) error {
	_, err := r.client.InsertTx(ctx, tx.Raw(), CloseTenderArgs{TenderID: tenderID}, &river.InsertOpts{ScheduledAt: at})
	if err != nil {
		return fmt.Errorf("jobs: schedule tender close: %w", err)
	}
	return nil
}

var _ core.TenderJobs = (*Runner)(nil)

// RejectStaleTendersArgs asks for the tenders left waiting on changes for
// 10 days to be rejected.
type RejectStaleTendersArgs struct{}

// Kind names the job in the queue.
func (RejectStaleTendersArgs) Kind() string { return "reject_stale_tenders" }

// RejectStaleTendersWorker rejects tenders waiting on changes too long,
// and emails their buyers.
type RejectStaleTendersWorker struct {
	river.WorkerDefaults[RejectStaleTendersArgs]
	Store     *store.Store
	Log       *slog.Logger
	Mailer    core.Mailer
	Notes     *core.Notifications
	Index     core.SearchJobs
	PublicURL string
}

// Work rejects every tender in changes_requested for 10 days or more.
func (w *RejectStaleTendersWorker) Work(ctx context.Context, _ *river.Job[RejectStaleTendersArgs]) error {
	n, err := core.RejectTendersWaitingOnChanges(ctx, w.Store, w.Mailer, w.Notes, w.Index, w.PublicURL, time.Now())
	if n > 0 {
		w.Log.InfoContext(ctx, "tenders waiting on changes rejected", "count", n)
	}
	return err
}
