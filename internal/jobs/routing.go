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

// RouteTenderArgs asks for a published tender's lots to be routed to
// their first batch of suppliers.
type RouteTenderArgs struct {
	TenderID string `json:"tender_id"`
}

// Kind names the job in the queue.
func (RouteTenderArgs) Kind() string { return "route_tender" }

// RouteTenderWorker routes a tender (core.Routing.RouteTender). It is
// idempotent: only lots never routed are routed, in one transaction with
// their notifications, so a retry neither routes nor notifies twice.
type RouteTenderWorker struct {
	river.WorkerDefaults[RouteTenderArgs]
	Routing *core.Routing
	Log     *slog.Logger
}

// Work routes the tender.
func (w *RouteTenderWorker) Work(ctx context.Context, job *river.Job[RouteTenderArgs]) error {
	n, err := w.Routing.RouteTender(ctx, job.Args.TenderID)
	if n > 0 {
		w.Log.InfoContext(ctx, "tender routed", "tender", job.Args.TenderID, "suppliers", n)
	}
	return err
}

// ScheduleRouting inserts, in tx, the job that routes a tender.
func (r *Runner) ScheduleRouting(ctx context.Context, tx *store.Tx, tenderID string) error {
	if _, err := r.client.InsertTx(ctx, tx.Raw(), RouteTenderArgs{TenderID: tenderID}, nil); err != nil {
		return fmt.Errorf("jobs: schedule routing: %w", err)
	}
	return nil
}

var _ core.RoutingJobs = (*Runner)(nil)

// RoutingTopUpArgs asks for the daily routing top-ups.
type RoutingTopUpArgs struct{}

// Kind names the job in the queue.
func (RoutingTopUpArgs) Kind() string { return "routing_top_up" }

// RoutingTopUpWorker routes the next batch of the lots that still need
// interested suppliers (core.Routing.TopUp). Running it twice a day is
// harmless: a lot gets at most one batch per day.
type RoutingTopUpWorker struct {
	river.WorkerDefaults[RoutingTopUpArgs]
	Routing *core.Routing
	Log     *slog.Logger
}

// Timeout lifts River's one-minute default: routing a tender takes a
// quarter of a second (make bench-routing), so a day with a few hundred
// tenders due would time out and start over forever. A run cut short
// anyway loses nothing and redoes nothing: each tender's batch commits
// with its notifications, and the retry's query leaves out the lots
// routed today (core.Routing.TopUp).
func (w *RoutingTopUpWorker) Timeout(*river.Job[RoutingTopUpArgs]) time.Duration {
	return 15 * time.Minute
}

// Work tops the lots up.
func (w *RoutingTopUpWorker) Work(ctx context.Context, _ *river.Job[RoutingTopUpArgs]) error {
	n, err := w.Routing.TopUp(ctx)
	if n > 0 {
		w.Log.InfoContext(ctx, "routing topped up", "suppliers", n)
	}
	return err
}

// TopUpHourUTC is when the daily top-ups run: 07:00 UTC, after the
// digest (06:00), so that a top-up's needs wait for the next day's digest
// rather than arriving minutes after this one.
const TopUpHourUTC = 7

// Routing returns the routing use cases whose jobs this runner works; the
// HTTP layer serves suppliers' answers through it.
func (r *Runner) Routing() *core.Routing { return r.routing }
