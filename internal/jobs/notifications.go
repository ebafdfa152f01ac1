package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"passerelle/internal/core"
)

// NotificationDigestArgs asks for the daily digests to be queued.
type NotificationDigestArgs struct{}

// Kind names the job in the queue.
func (NotificationDigestArgs) Kind() string { return "notification_digest" }

// NotificationDigestWorker queues each user's daily digest email
// (core.Notifications.SendDigests). Running it twice a day is harmless:
// a user's digest goes out at most once per day.
type NotificationDigestWorker struct {
	river.WorkerDefaults[NotificationDigestArgs]
	Notes *core.Notifications
	Log   *slog.Logger
}

// Work queues the digests.
func (w *NotificationDigestWorker) Work(ctx context.Context, _ *river.Job[NotificationDigestArgs]) error {
	return runAndLogCount(ctx, w.Log, "notification digests queued", "digests", w.Notes.SendDigests)
}

// DigestHourUTC is when the daily digests go out: 06:00 UTC is 07:00 or
// 08:00 in the Grande Région, before the working day.
const DigestHourUTC = 6

// dailyAt is a River schedule that fires once a day at hour:minute UTC.
type dailyAt struct{ hour, minute int }

// Next returns the first hour:minute UTC strictly after t.
func (d dailyAt) Next(t time.Time) time.Time {
	t = t.UTC()
	next := time.Date(t.Year(), t.Month(), t.Day(), d.hour, d.minute, 0, 0, time.UTC)
	if !next.After(t) {
		next = next.AddDate(0, 0, 1)
	}
	return next
}

// Notifications returns the notification use cases, whose emails this
// runner queues; the HTTP layer and the other use cases share it.
func (r *Runner) Notifications() *core.Notifications { return r.notes }
