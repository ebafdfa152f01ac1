package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"passerelle/internal/core"
)

// SavedSearchAlertsArgs asks for the saved searches' alerts to be sent.
type SavedSearchAlertsArgs struct{}

// Kind names the job in the queue.
func (SavedSearchAlertsArgs) Kind() string { return "saved_search_alerts" }

// When the daily alerts run: 05:30 UTC, half an hour before the digest
// (DigestHourUTC), so that alerts delivered as a digest (the category's
// default) go out the same morning, in the same email as the rest.
const (
	SavedSearchAlertHourUTC   = 5
	SavedSearchAlertMinuteUTC = 30
)

// SavedSearchAlertsWorker sends the alerts (core.SavedSearches.SendAlerts).
// A failed run (the search engine down) is retried by River; each saved
// search done before the failure keeps its new window, the others their
// old one, so that nothing is lost or told twice.
type SavedSearchAlertsWorker struct {
	river.WorkerDefaults[SavedSearchAlertsArgs]
	// Alerts is nil in a process without a search engine: the job then
	// waits for a process that has one.
	Alerts *core.SavedSearches
	Log    *slog.Logger
}

var errNoSavedSearches = errors.New("jobs: saved-search alerts need a search engine in this process")

// Timeout lets a run over many saved searches take its time: each search
// commits on its own, so a run cut short loses nothing either.
func (w *SavedSearchAlertsWorker) Timeout(*river.Job[SavedSearchAlertsArgs]) time.Duration {
	return 30 * time.Minute
}

// Work sends the alerts.
func (w *SavedSearchAlertsWorker) Work(ctx context.Context, _ *river.Job[SavedSearchAlertsArgs]) error {
	if w.Alerts == nil {
		return errNoSavedSearches
	}
	n, err := w.Alerts.SendAlerts(ctx)
	if n > 0 {
		w.Log.InfoContext(ctx, "saved-search alerts written", "notifications", n)
	}
	return err
}

// SendSavedSearchAlerts queues a run of the alerts now (besides the daily
// one): a saved search already alerted up to now has nothing new to tell.
func (r *Runner) SendSavedSearchAlerts(ctx context.Context) error {
	if _, err := r.client.Insert(ctx, SavedSearchAlertsArgs{}, nil); err != nil {
		return fmt.Errorf("jobs: enqueue saved-search alerts: %w", err)
	}
	return nil
}

// SavedSearches returns the saved-search use cases whose alerts this
// runner sends (nil without Options.Searcher): the HTTP layer shares it.
func (r *Runner) SavedSearches() *core.SavedSearches { return r.saved }
