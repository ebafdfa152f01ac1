package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"passerelle/frontend"
	"passerelle/internal/api"
	"passerelle/internal/billing"
	"passerelle/internal/blob"
	"passerelle/internal/blob/s3server"
	"passerelle/internal/config"
	"passerelle/internal/core"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/search"
	"passerelle/internal/store"
	"passerelle/internal/web"
)

// serve wires every part of the product and runs until ctx ends, then shuts
// down in order: stop accepting, let in-flight requests finish (bounded by
// PASSERELLE_SHUTDOWN_TIMEOUT), stop the job runner, close the services.
// serverGCPercent is the server's GOGC unless the environment sets one.
const serverGCPercent = 200

func serve(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	// Most of the server's heap is the short-lived garbage of searches;
	// collecting at three times the live heap instead of twice halves the
	// collector's share of the CPU under load (a tenth of it at 100 req/s
	// of searches) for a larger heap. GOGC in the environment overrides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{MaxConns: cfg.DatabaseMaxConns})
	if err != nil {
		return err
	}
	defer st.Close()
	if cfg.MigrateOnStart {
		if err := st.MigrateUp(ctx, logWriter{log}); err != nil {
			return err
		}
	}

	objects, closeS3, err := openBlobStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeS3()

	renderer, err := mail.NewRenderer()
	if err != nil {
		return err
	}
	sender, err := mail.NewSender(mail.Config{URL: cfg.SMTPURL, From: cfg.MailFrom})
	if err != nil {
		return err
	}
	if !sender.Enabled() {
		log.Warn("no SMTP server configured (PASSERELLE_SMTP_URL): emails stay queued until one is")
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	api.RegisterPoolMetrics(reg, st.Stats)

	// The search engine: every call through it is measured. The live index
	// is created when missing; the reconciliation job, run at start, fills
	// it from PostgreSQL (after `seed`, or on a new or wiped index).
	rawEngine, err := openSearchEngine(cfg)
	if err != nil {
		return err
	}
	defer closeSearch(rawEngine, log)
	engine := search.Instrumented(rawEngine, reg)
	searchIndex := core.NewSearchIndex(st, engine, time.Now)
	if err := searchIndex.EnsureLive(ctx); err != nil {
		// An engine that is down must not keep the product from serving:
		// listings are queued for it, /readyz reports it, and the
		// reconciliation creates the index once it answers.
		log.Warn("the search engine does not answer: search is unavailable until it does", "engine", cfg.SearchEngine, "err", err)
	}
	expander, err := loadExpander(ctx, cfg, st, log)
	if err != nil {
		return err
	}
	searcher := &search.Multilingual{Engine: engine, Index: core.SearchLiveIndex, Expander: expander}

	secretKey := []byte(cfg.SecretKey)
	if len(secretKey) == 0 { // development only: config refuses an empty key in production
		secretKey = []byte(rand.Text() + rand.Text())
		log.Warn("PASSERELLE_SECRET_KEY is not set: a random key signs unsubscribe links, which stop working at the next restart")
	}
	runner, err := jobs.New(st, log, jobs.Options{SessionPurgeInterval: cfg.SessionPurgeInterval, Sender: sender, Renderer: renderer,
		PublicURL: cfg.PublicURL, Search: searchIndex, SearchReconcileInterval: cfg.SearchReconcileInterval, Registry: reg,
		Notifications: core.NotificationsConfig{PublicURL: cfg.PublicURL, SecretKey: secretKey},
		Routing: core.RoutingConfig{BatchSize: cfg.RoutingBatchSize, TargetInterested: cfg.RoutingTargetInterested,
			PublicURL: cfg.PublicURL},
		Searcher: core.NewSearch(st, searcher, time.Now)})
	if err != nil {
		return err
	}
	accounts := core.NewAccounts(st, runner, time.Now, core.AccountsConfig{
		PublicURL: cfg.PublicURL, SessionIdle: cfg.SessionIdleTimeout, SessionMaxAge: cfg.SessionMaxAge,
		Limits: core.RateLimits{LoginPerAccount: cfg.RateLoginPerAccount, LoginPerIP: cfg.RateLoginPerIP,
			SignUpPerIP: cfg.RateSignupPerIP, ResetPerIP: cfg.RateResetPerIP},
	})
	// The business convention's events; paid registrations go through
	// Stripe when it is configured.
	payments, err := billing.New(billing.Config{SecretKey: cfg.StripeSecretKey, WebhookSecret: cfg.StripeWebhookSecret,
		APIURL: cfg.StripeAPIURL, Logger: log})
	if err != nil {
		return err
	}
	if !payments.Enabled() {
		log.Warn("no Stripe key configured (PASSERELLE_STRIPE_SECRET_KEY): paid convention registrations are refused")
	}
	events := core.NewEvents(st, runner, core.StripePayments(payments), time.Now, core.EventsConfig{PublicURL: cfg.PublicURL})
	runner.SetEvents(events)
	if err := runner.Start(ctx); err != nil {
		return err
	}

	dist, built := frontend.Dist()
	if !built {
		log.Warn("the web app is not built into this binary: run `make build`; the API works meanwhile")
	}
	organisations := core.NewOrganisations(st, objects).WithSearch(runner)
	offers := core.NewOffers(st, runner, time.Now, core.OffersConfig{PublicURL: cfg.PublicURL}).WithSearch(runner).WithNotifications(runner.Notifications())
	tenders := core.NewTenders(st, runner, time.Now, core.TendersConfig{PublicURL: cfg.PublicURL}).WithSearch(runner).
		WithNotifications(runner.Notifications()).WithRouting(runner)
	// The web app's public pages are described to search engines as an
	// anonymous visitor sees them, through the same use cases as the API.
	webApp := web.New(dist, built, web.Options{Pages: core.NewPublicPages(st, offers, tenders, organisations),
		PublicURL: cfg.PublicURL, Log: log})
	// Browsers load the presigned download links straight from object
	// storage: the Content-Security-Policy names its origin.
	storageOrigin, err := objects.DownloadOrigin(ctx)
	if err != nil {
		return err
	}
	handler := api.New(api.Deps{
		Headers:        api.SecurityHeaders{HTTPS: strings.HasPrefix(cfg.PublicURL, "https://"), StorageOrigin: storageOrigin},
		Log:            log,
		Version:        buildVersion(),
		Checks:         append(checks(st, objects, sender), api.Check{Name: "search", Check: searchCheck(engine)}),
		Sessions:       api.Sessions{Accounts: accounts, Secure: cfg.CookieSecure, MaxAge: cfg.SessionMaxAge},
		Memberships:    st.Memberships,
		Members:        core.NewMemberships(st, runner, time.Now, core.MembershipsConfig{PublicURL: cfg.PublicURL}),
		Organisations:  organisations,
		TrustedProxies: cfg.TrustedProxies,
		Registry:       reg,
		MaxBodyBytes:   cfg.HTTPMaxBodyBytes,
		// Three quarters of the write timeout: a request past it answers
		// 503 while its connection can still carry the answer.
		RequestTimeout: cfg.HTTPWriteTimeout * 3 / 4,
		Web:            webApp,
		Documents:      core.NewDocuments(st, objects, cfg.MaxUploadBytes, time.Now),
		SSEStatuses:    core.NewSSEStatuses(st, time.Now).WithSearch(runner).WithNotifications(runner.Notifications()),
		Offers:         offers,
		Notifications:  runner.Notifications(),
		Taxonomy:       core.NewTaxonomy(st),
		Tenders:        tenders,
		Responses:      core.NewResponses(st, time.Now),
		Favourites:     core.NewFavourites(st, time.Now),
		Moderation:     core.NewModerationQueue(st),
		SearchRebuilds: core.NewSearchRebuilds(st, runner, time.Now),
		Search:         core.NewSearch(st, searcher, time.Now),
		Routing:        runner.Routing(),
		SavedSearches:  runner.SavedSearches(),
		Reports:        core.NewReports(st, runner.Notifications(), time.Now, cfg.PublicURL),
		Suspensions:    core.NewSuspensions(st, runner, runner.Notifications(), time.Now, cfg.PublicURL),
		BlockedWords:   core.NewBlockedWords(st, time.Now),
		AuditLog:       core.NewAuditLog(st),
		Events:         events,
		Meetings:       core.NewMeetings(st, runner, runner.Notifications(), time.Now, core.MeetingsConfig{PublicURL: cfg.PublicURL}),

		OpenData: core.NewOpenData(st, time.Now, core.OpenDataConfig{PublicURL: cfg.PublicURL, OCIDPrefix: cfg.OCDSPrefix}),
		Impact:   core.NewImpact(st, time.Now),

		Purchases: core.NewPurchases(st, runner, time.Now),
	})

	srv := &http.Server{
		Addr:              cfg.HTTPAddr,
		Handler:           handler,
		ReadHeaderTimeout: cfg.HTTPReadHeaderTimeout,
		ReadTimeout:       cfg.HTTPReadTimeout,
		WriteTimeout:      cfg.HTTPWriteTimeout,
		IdleTimeout:       cfg.HTTPIdleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		stopRunner(runner, log, cfg.ShutdownTimeout)
		return fmt.Errorf("listen on %s: %w", cfg.HTTPAddr, err)
	}
	log.Info("Passerelle is serving", "url", cfg.PublicURL, "addr", ln.Addr().String(), "version", buildVersion())

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err = <-served:
		stopRunner(runner, log, cfg.ShutdownTimeout)
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight", "timeout", cfg.ShutdownTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Warn("requests still running at the shutdown deadline were cut", "err", err)
		_ = srv.Close()
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("http server", "err", err)
	}
	stopRunner(runner, log, cfg.ShutdownTimeout)
	log.Info("stopped")
	return nil
}

// checks lists what /readyz verifies: every service the product uses.
func checks(st *store.Store, objects *blob.Store, sender *mail.Sender) []api.Check {
	c := []api.Check{
		{Name: "database", Check: st.Ping},
		{Name: "object_storage", Check: objects.Ping},
	}
	if sender.Enabled() {
		c = append(c, api.Check{Name: "smtp", Check: sender.Ping})
	}
	return c
}

func stopRunner(r *jobs.Runner, log *slog.Logger, timeout time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := r.Stop(ctx); err != nil {
		log.Warn("job runner stop", "err", err)
	}
}

// openBlobStore connects to the configured S3 service, or starts the
// embedded one (files under DATA_DIR/s3, loopback only) when none is set.
func openBlobStore(ctx context.Context, cfg config.Config, log *slog.Logger) (*blob.Store, func(), error) {
	bc := blob.Config{
		Endpoint: cfg.S3Endpoint, Region: cfg.S3Region, Bucket: cfg.S3Bucket,
		AccessKey: cfg.S3AccessKey, SecretKey: cfg.S3SecretKey, UsePathStyle: cfg.S3PathStyle,
		CreateBucket: true, TempDir: filepath.Join(cfg.DataDir, "tmp"),
	}
	if err := os.MkdirAll(bc.TempDir, 0o700); err != nil {
		return nil, nil, err
	}
	closeFn := func() {}
	if cfg.EmbeddedS3() {
		srv, err := s3server.Start(ctx, s3server.Options{Dir: filepath.Join(cfg.DataDir, "s3"), Logger: log})
		if err != nil {
			return nil, nil, err
		}
		closeFn = func() {
			closeCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Close(closeCtx)
		}
		// The embedded server accepts any credentials and only listens on loopback.
		bc.Endpoint, bc.AccessKey, bc.SecretKey, bc.UsePathStyle = srv.Endpoint(), "passerelle", "passerelle", true
	}
	objects, err := blob.New(ctx, bc)
	if err != nil {
		closeFn()
		return nil, nil, err
	}
	return objects, closeFn, nil
}

// logWriter sends migration progress lines to the log.
type logWriter struct{ log *slog.Logger }

func (w logWriter) Write(p []byte) (int, error) {
	w.log.Info(string(trimNewline(p)))
	return len(p), nil
}

func trimNewline(p []byte) []byte {
	for len(p) > 0 && (p[len(p)-1] == '\n' || p[len(p)-1] == '\r') {
		p = p[:len(p)-1]
	}
	return p
}

var _ io.Writer = logWriter{}
