package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"passerelle/internal/core"
)

// NotificationEventsArgs asks for the events that only time causes to be
// told: statuses expiring, deadline reminders, outcome questions.
type NotificationEventsArgs struct{}

// Kind names the job in the queue.
func (NotificationEventsArgs) Kind() string { return "notification_events" }

// NotificationEventsWorker runs core.NotificationEvents. Running it twice,
// or retrying it halfway, tells nothing twice: each event's marker is
// written with its notifications.
type NotificationEventsWorker struct {
	river.WorkerDefaults[NotificationEventsArgs]
	Events *core.NotificationEvents
	Log    *slog.Logger
}

// Timeout lifts River's one-minute default: a run after a long stop may
// have many events to tell. A run cut short anyway loses nothing: what it
// told is marked, and the retry tells the rest.
func (w *NotificationEventsWorker) Timeout(*river.Job[NotificationEventsArgs]) time.Duration {
	return 15 * time.Minute
}

// Work tells what is due now.
func (w *NotificationEventsWorker) Work(ctx context.Context, _ *river.Job[NotificationEventsArgs]) error {
	c, err := w.Events.Run(ctx, time.Now())
	if c != (core.NotificationEventCounts{}) {
		w.Log.InfoContext(ctx, "notification events told", "statuses_expiring", c.StatusesExpiring,
			"deadline_reminders", c.DeadlineReminders, "outcome_questions", c.OutcomeQuestions)
	}
	return err
}
