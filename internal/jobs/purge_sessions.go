package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"passerelle/internal/store"
)

// PurgeSessionsArgs asks for expired sessions to be deleted.
type PurgeSessionsArgs struct{}

// Kind names the job in the queue.
func (PurgeSessionsArgs) Kind() string { return "purge_sessions" }

// PurgeSessionsWorker deletes sessions past their idle or absolute expiry,
// and the other short-lived security data.
type PurgeSessionsWorker struct {
	river.WorkerDefaults[PurgeSessionsArgs]
	Store *store.Store
	Log   *slog.Logger
}

// Work deletes the expired sessions, the emailed tokens expired for a week
// (kept that long so that a late click still says "expired", not
// "unknown"), rate-limit windows older than a day and the records of
// emails sent more than a week ago.
func (w *PurgeSessionsWorker) Work(ctx context.Context, _ *river.Job[PurgeSessionsArgs]) error {
	now := time.Now()
	sessions, err := w.Store.DeleteExpiredSessions(ctx, now)
	if err != nil {
		return err
	}
	tokens, err := w.Store.DeleteStaleUserTokens(ctx, now.Add(-7*24*time.Hour))
	if err != nil {
		return err
	}
	windows, err := w.Store.DeleteOldRateLimits(ctx, now.Add(-24*time.Hour))
	if err != nil {
		return err
	}
	// A job whose email went out completes at its next attempt at the
	// latest (an hour or so); River then deletes it within a day. A week
	// later no run of it can ask for its delivery row again.
	deliveries, err := w.Store.DeleteEmailDeliveriesBefore(ctx, now.Add(-7*24*time.Hour))
	if err != nil {
		return err
	}
	if sessions+tokens+windows+deliveries > 0 {
		w.Log.InfoContext(ctx, "expired data purged", "sessions", sessions, "tokens", tokens, "rate_limit_windows", windows,
			"email_deliveries", deliveries)
	}
	return nil
}
