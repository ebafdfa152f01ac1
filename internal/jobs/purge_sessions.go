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

// PurgeSessionsWorker deletes sessions past their idle or absolute expiry.
type PurgeSessionsWorker struct {
	river.WorkerDefaults[PurgeSessionsArgs]
	Store *store.Store
	Log   *slog.Logger
}

// Work deletes the expired sessions.
func (w *PurgeSessionsWorker) Work(ctx context.Context, _ *river.Job[PurgeSessionsArgs]) error {
	n, err := w.Store.DeleteExpiredSessions(ctx, time.Now())
	if err != nil {
		return err
	}
	if n > 0 {
		w.Log.InfoContext(ctx, "expired sessions purged", "count", n)
	}
	return nil
}
