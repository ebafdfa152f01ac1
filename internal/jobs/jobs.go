// Package jobs runs Passerelle's background work on River, a job queue kept
// in PostgreSQL: jobs are inserted in the same transaction as the change
// that causes them, retried with backoff, and shared by every app instance.
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"

	"passerelle/internal/core"
	"passerelle/internal/mail"
	"passerelle/internal/requestid"
	"passerelle/internal/store"
)

// Options configure the job runner.
type Options struct {
	// SessionPurgeInterval is how often expired sessions are deleted.
	SessionPurgeInterval time.Duration
	// StaleTenderInterval is how often tenders left waiting on changes
	// for 10 days are rejected (default hourly).
	StaleTenderInterval time.Duration
	// PublicURL is the web app's address, for links in emails that jobs
	// write themselves.
	PublicURL string
	// Workers is the number of jobs run at once (default 10).
	Workers int
	// Sender sends email; nil keeps emails queued.
	Sender *mail.Sender
	// Renderer renders emails.
	Renderer *mail.Renderer
	// Search keeps the search index; nil in a process without an engine
	// (index jobs then wait for a process that has one).
	Search *core.SearchIndex
	// SearchReconcileInterval is how often the index's set of documents
	// is compared with the public listings and repaired (default 10
	// minutes).
	SearchReconcileInterval time.Duration
	// Registry receives the index metrics; nil for none.
	Registry prometheus.Registerer
	// FetchPollInterval bounds how long a job may wait when the
	// notification of its insertion is missed (default 250ms).
	FetchPollInterval time.Duration
	// Notifications configures the notifications (unsubscribe links, digest
	// links); see Runner.Notifications.
	Notifications core.NotificationsConfig
	// Routing configures routing (batch size, target of interested
	// suppliers, links); see Runner.Routing.
	Routing core.RoutingConfig
	// RoutingTopUpInterval, when set, runs the routing top-ups at this
	// interval (tests) instead of daily at TopUpHourUTC.
	RoutingTopUpInterval time.Duration
	// EmailRetryCap bounds the wait between two attempts of an email
	// (default EmailRetryCap); tests of an SMTP outage shorten it.
	EmailRetryCap time.Duration
	// NotificationEventsInterval is how often the events that only time
	// causes (statuses expiring, deadline reminders, outcome questions)
	// are looked for (default hourly).
	NotificationEventsInterval time.Duration
	// Searcher runs the saved searches for their daily alerts; nil in a
	// process without a search engine (no alerts are scheduled there).
	Searcher *core.Search
	// SavedSearchAlertInterval, when set, runs the alerts at this interval
	// instead of daily at 05:30 UTC (tests).
	SavedSearchAlertInterval time.Duration
	// MeetingsInterval is how often expired meeting requests and the
	// outcome questions of finished conventions are looked for (default
	// hourly).
	MeetingsInterval time.Duration
}

// Fetch timing. River wakes on a notification sent with each insert, but
// sends at most one per queue per FetchCooldown (100ms by default) and
// otherwise polls every second: publications a few tenths of a second
// apart then waited up to a second for the index (p95 ≈ 975ms over 200).
// A shorter cooldown drops fewer notifications (still about one in ten
// here: p95 ≈ 500ms with a 500ms poll) and a shorter poll bounds the rest:
// p95 ≈ 0.25s (BenchmarkPublishToSearchable), for about twenty more light
// queries per second (four queues polled four times a second).
const (
	defaultFetchCooldown     = 20 * time.Millisecond
	defaultFetchPollInterval = 250 * time.Millisecond
)

// Runner owns the River client.
type Runner struct {
	client  *river.Client[pgx.Tx]
	refunds *RefundRegistrationWorker
	notes   *core.Notifications
	routing *core.Routing
	saved   *core.SavedSearches
	// meetings runs the convention's meeting jobs (meetings.go).
	meetings *core.Meetings
}

// New builds the River client with every worker and periodic job registered.
func New(st *store.Store, log *slog.Logger, opts Options) (*Runner, error) {
	// A job queued by a request logs that request's id (requestIDMiddleware).
	log = slog.New(requestid.NewHandler(log.Handler()))
	if opts.SessionPurgeInterval <= 0 {
		opts.SessionPurgeInterval = time.Hour
	}
	if opts.StaleTenderInterval <= 0 {
		opts.StaleTenderInterval = time.Hour
	}
	if opts.Workers <= 0 {
		opts.Workers = 10
	}
	if opts.FetchPollInterval <= 0 {
		opts.FetchPollInterval = defaultFetchPollInterval
	}
	if opts.SearchReconcileInterval <= 0 {
		opts.SearchReconcileInterval = 10 * time.Minute
	}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &PurgeSessionsWorker{Store: st, Log: log}); err != nil {
		return nil, err
	}
	closeTender := &CloseTenderWorker{Store: st, Log: log}
	if err := river.AddWorkerSafely(workers, closeTender); err != nil {
		return nil, err
	}
	// The rejection job emails through the runner, which exists only once
	// the client is built: it is set below.
	rejectStale := &RejectStaleTendersWorker{Store: st, Log: log, PublicURL: opts.PublicURL}
	if err := river.AddWorkerSafely(workers, rejectStale); err != nil {
		return nil, err
	}
	if opts.Renderer == nil {
		return nil, errors.New("jobs: an email renderer is required")
	}
	if err := river.AddWorkerSafely(workers, &SendEmailWorker{Sender: opts.Sender, Renderer: opts.Renderer, Store: st, RetryCap: opts.EmailRetryCap}); err != nil {
		return nil, err
	}
	lag := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "passerelle_search_index_lag_seconds",
		Help:    "Time from a change to a listing being committed to the search index showing it.",
		Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600},
	})
	if err := river.AddWorkerSafely(workers, &IndexListingsWorker{Index: opts.Search, Log: log, Lag: lag}); err != nil {
		return nil, err
	}
	if err := river.AddWorkerSafely(workers, &ReconcileSearchWorker{Index: opts.Search, Log: log}); err != nil {
		return nil, err
	}
	digest := &NotificationDigestWorker{Log: log}
	if err := river.AddWorkerSafely(workers, digest); err != nil {
		return nil, err
	}
	rebuild := &RebuildSearchWorker{Index: opts.Search, Log: log}
	if err := river.AddWorkerSafely(workers, rebuild); err != nil {
		return nil, err
	}
	routeTender := &RouteTenderWorker{Log: log}
	if err := river.AddWorkerSafely(workers, routeTender); err != nil {
		return nil, err
	}
	topUp := &RoutingTopUpWorker{Log: log}
	if err := river.AddWorkerSafely(workers, topUp); err != nil {
		return nil, err
	}
	var topUpSchedule river.PeriodicSchedule = dailyAt{hour: TopUpHourUTC}
	if opts.RoutingTopUpInterval > 0 {
		topUpSchedule = river.PeriodicInterval(opts.RoutingTopUpInterval)
	}
	if opts.NotificationEventsInterval <= 0 {
		opts.NotificationEventsInterval = time.Hour
	}
	events := &NotificationEventsWorker{Log: log}
	if err := river.AddWorkerSafely(workers, events); err != nil {
		return nil, err
	}
	refunds := &RefundRegistrationWorker{}
	if err := river.AddWorkerSafely(workers, refunds); err != nil {
		return nil, err
	}
	if err := river.AddWorkerSafely(workers, &RefundPaymentWorker{refunds: refunds}); err != nil {
		return nil, err
	}
	alerts := &SavedSearchAlertsWorker{Log: log}
	if err := river.AddWorkerSafely(workers, alerts); err != nil {
		return nil, err
	}
	var alertSchedule river.PeriodicSchedule = dailyAt{hour: SavedSearchAlertHourUTC, minute: SavedSearchAlertMinuteUTC}
	if opts.SavedSearchAlertInterval > 0 {
		alertSchedule = river.PeriodicInterval(opts.SavedSearchAlertInterval)
	}
	// Purchase ledgers (issue 10).
	if err := addPurchaseWorkers(workers, st, log); err != nil {
		return nil, err
	}
	periodic := []*river.PeriodicJob{}
	meetingWorkers, meetingPeriodic, err := addMeetingJobs(workers, log, opts.MeetingsInterval)
	if err != nil {
		return nil, err
	}
	periodic = append(periodic, meetingPeriodic...)
	if opts.Searcher != nil {
		// Not on start, like the digest: a restart must not send alerts
		// at another hour than the one users know.
		periodic = append(periodic, river.NewPeriodicJob(alertSchedule,
			func() (river.JobArgs, *river.InsertOpts) { return SavedSearchAlertsArgs{}, nil },
			&river.PeriodicJobOpts{ID: "saved_search_alerts"}))
	}
	client, err := river.NewClient(riverpgxv5.New(st.Pool()), &river.Config{
		// River reports routine progress at info level every few seconds.
		Logger: slog.New(minLevel{log.With("component", "river").Handler(), slog.LevelWarn}),
		Queues: map[string]river.QueueConfig{
			river.QueueDefault: {MaxWorkers: opts.Workers},
			queueEmail:         {MaxWorkers: 4},
			queueSearch:        {MaxWorkers: 4},
			queueSearchRebuild: {MaxWorkers: 1},
		},
		FetchPollInterval: opts.FetchPollInterval,
		FetchCooldown:     defaultFetchCooldown,
		Middleware:        []rivertype.Middleware{&requestIDMiddleware{}},
		Workers:           workers,
		PeriodicJobs: append([]*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(opts.SessionPurgeInterval),
				func() (river.JobArgs, *river.InsertOpts) { return PurgeSessionsArgs{}, nil },
				&river.PeriodicJobOpts{RunOnStart: true, ID: "purge_sessions"}),
			river.NewPeriodicJob(river.PeriodicInterval(opts.StaleTenderInterval),
				func() (river.JobArgs, *river.InsertOpts) { return RejectStaleTendersArgs{}, nil },
				&river.PeriodicJobOpts{RunOnStart: true, ID: "reject_stale_tenders"}),
			// On start too: a fresh or restored index is filled at once
			// (after `seed`, for instance).
			river.NewPeriodicJob(river.PeriodicInterval(opts.SearchReconcileInterval),
				func() (river.JobArgs, *river.InsertOpts) { return ReconcileSearchArgs{}, nil },
				&river.PeriodicJobOpts{RunOnStart: true, ID: "reconcile_search"}),
			// Not on start: a restart must not send the digest early; a
			// missed run is caught up by the next day's, which gathers
			// everything still pending.
			river.NewPeriodicJob(dailyAt{hour: DigestHourUTC},
				func() (river.JobArgs, *river.InsertOpts) { return NotificationDigestArgs{}, nil },
				&river.PeriodicJobOpts{ID: "notification_digest"}),
			// Not on start either: each start would otherwise route a
			// batch early; a lot gets at most one batch a day anyway.
			river.NewPeriodicJob(topUpSchedule,
				func() (river.JobArgs, *river.InsertOpts) { return RoutingTopUpArgs{}, nil },
				&river.PeriodicJobOpts{ID: "routing_top_up"}),
			// On start too: every event is told once whenever it runs.
			river.NewPeriodicJob(river.PeriodicInterval(opts.NotificationEventsInterval),
				func() (river.JobArgs, *river.InsertOpts) { return NotificationEventsArgs{}, nil },
				&river.PeriodicJobOpts{RunOnStart: true, ID: "notification_events"}),
		}, periodic...),
	})
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	r := &Runner{client: client, refunds: refunds}
	rejectStale.Mailer, rejectStale.Index = r, r
	rebuild.Runner = r
	r.notes = core.NewNotifications(st, r, time.Now, opts.Notifications)
	digest.Notes, rejectStale.Notes = r.notes, r.notes
	r.routing = core.NewRouting(st, r.notes, time.Now, opts.Routing)
	routeTender.Routing, topUp.Routing = r.routing, r.routing
	if opts.Searcher != nil {
		r.saved = core.NewSavedSearches(st, opts.Searcher, time.Now).WithAlerts(r.notes, r)
		alerts.Alerts = r.saved
	}
	closeTender.Index = r
	closeTender.Notes = r.notes
	events.Events = core.NewNotificationEvents(st, r.notes)
	publicURL := opts.Notifications.PublicURL
	if publicURL == "" {
		publicURL = opts.PublicURL
	}
	r.meetings = core.NewMeetings(st, r, r.notes, time.Now, core.MeetingsConfig{PublicURL: publicURL})
	meetingWorkers.wire(r.meetings)
	if opts.Registry != nil {
		opts.Registry.MustRegister(lag, prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "passerelle_search_index_oldest_pending_seconds",
			Help: "Age of the oldest index job waiting to be worked (0 when none): how far the search index is behind.",
		}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			age, err := r.OldestPendingIndexJob(ctx)
			if err != nil {
				return -1 // unknown: the database did not answer
			}
			return age.Seconds()
		}))
	}
	return r, nil
}

// Start begins working jobs; it returns once the client runs.
func (r *Runner) Start(ctx context.Context) error {
	if err := r.client.Start(ctx); err != nil {
		return fmt.Errorf("jobs: start: %w", err)
	}
	return nil
}

// Stop lets running jobs finish until ctx ends, then cancels them.
func (r *Runner) Stop(ctx context.Context) error {
	err := r.client.Stop(ctx)
	if err != nil && ctx.Err() != nil {
		// Out of patience: cancel what still runs; River retries it later.
		cancelCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return r.client.StopAndCancel(cancelCtx)
	}
	return err
}

// minLevel drops records below a level.
type minLevel struct {
	slog.Handler
	min slog.Level
}

func (h minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

func (h minLevel) WithAttrs(attrs []slog.Attr) slog.Handler {
	return minLevel{h.Handler.WithAttrs(attrs), h.min}
}

func (h minLevel) WithGroup(name string) slog.Handler {
	return minLevel{h.Handler.WithGroup(name), h.min}
}
