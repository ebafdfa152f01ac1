package faulttest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"passerelle/internal/api"
	"passerelle/internal/blob"
	"passerelle/internal/core"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/pgcluster"
	"passerelle/internal/search"
	"passerelle/internal/search/crosslang"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

const publicURL = "http://localhost:8080"

// requestBound is how long any request may take, outage or not: a request
// still running after it is a hang.
const requestBound = 15 * time.Second

// app is the product on servers one test owns.
type app struct {
	t       *testing.T
	pg      *pgcluster.Cluster
	db      *storetest.DB // factories over the app's own store
	objects *blob.Store
	// blobTemp is where uploads are spooled: it must be empty between uploads.
	blobTemp string
	srv      *httptest.Server
	// bound is how long a client waits for an answer.
	bound time.Duration
}

// appOptions choose the services of an app.
type appOptions struct {
	// s3Endpoint is the S3 server (versitygw) holding the bucket.
	s3Endpoint string
	// engine is the search engine; nil means an on-disk Bleve index.
	engine search.Engine
	// log receives the app's logs (discarded when nil).
	log *slog.Logger
	// requestTimeout is the server's deadline for a request (0: as serve
	// sets it).
	requestTimeout time.Duration
	// clientBound is how long clients wait for an answer (0: requestBound).
	clientBound time.Duration
}

// startPostgres runs a PostgreSQL cluster of the test's own (the shared
// test cluster must never be restarted) with the schema migrated.
func startPostgres(t *testing.T) (*pgcluster.Cluster, string) {
	t.Helper()
	// The server runs as an unprivileged user, who must reach the directory:
	// t.TempDir's parents are private.
	dir, err := os.MkdirTemp("", "passerelle-fault-pg-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pg, err := pgcluster.New(filepath.Join(dir, "pg"))
	if err != nil {
		t.Fatal(err)
	}
	if err := pg.Init(); err != nil {
		t.Fatal(err)
	}
	if err := pg.Start(0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := pg.Stop(); err != nil {
			t.Logf("stop PostgreSQL: %v", err)
		}
		_ = os.RemoveAll(dir)
	})
	if err := pg.EnsureDatabase("passerelle"); err != nil {
		t.Fatal(err)
	}
	return pg, pg.URL("passerelle")
}

// newApp starts PostgreSQL and builds the product on it, wired as serve
// wires it (store.Open's pool settings included).
func newApp(t *testing.T, opts appOptions) *app {
	t.Helper()
	ctx := context.Background()
	pg, dbURL := startPostgres(t)
	st, err := store.Open(ctx, dbURL, store.Options{MaxConns: 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	if err := st.MigrateUp(ctx, io.Discard); err != nil {
		t.Fatal(err)
	}
	log := opts.log
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	a := &app{t: t, pg: pg, db: &storetest.DB{Name: "passerelle", URL: dbURL, Pool: st.Pool(), Store: st}, blobTemp: t.TempDir(), bound: requestBound}
	if opts.clientBound > 0 {
		a.bound = opts.clientBound
	}

	if opts.s3Endpoint != "" {
		a.objects, err = blob.New(ctx, blob.Config{Endpoint: opts.s3Endpoint, Bucket: "passerelle-fault",
			AccessKey: vgwAccessKey, SecretKey: vgwSecretKey, UsePathStyle: true, CreateBucket: true, TempDir: a.blobTemp})
		if err != nil {
			t.Fatal(err)
		}
	}

	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	expander, err := crosslang.Load(crosslang.Sources{})
	if err != nil {
		t.Fatal(err)
	}
	engine := opts.engine
	if engine == nil {
		engine = newBleve(t)
	}
	searchIndex := core.NewSearchIndex(st, engine, time.Now)
	if err := searchIndex.EnsureLive(ctx); err != nil {
		t.Logf("the search engine does not answer at start: %v", err)
	}
	searcher := &search.Multilingual{Engine: engine, Index: core.SearchLiveIndex, Expander: expander}
	// No SMTP server: emails stay queued (the SMTP outage has its own test,
	// internal/jobs/email_outage_test.go).
	runner, err := jobs.New(st, log, jobs.Options{Renderer: renderer, PublicURL: publicURL, Search: searchIndex,
		Notifications: core.NotificationsConfig{PublicURL: publicURL, SecretKey: []byte("fault-test-secret-key-0123456789abcdef")},
		Routing:       core.RoutingConfig{PublicURL: publicURL},
		Searcher:      core.NewSearch(st, searcher, time.Now)})
	if err != nil {
		t.Fatal(err)
	}
	if err := runner.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = runner.Stop(stopCtx)
	})
	accounts := core.NewAccounts(st, runner, time.Now, core.AccountsConfig{PublicURL: publicURL,
		SessionIdle: 2 * time.Hour, SessionMaxAge: 24 * time.Hour,
		Limits: core.RateLimits{LoginPerAccount: 5, LoginPerIP: 1000, SignUpPerIP: 1000, ResetPerIP: 1000}})
	events := core.NewEvents(st, runner, nil, time.Now, core.EventsConfig{PublicURL: publicURL})
	runner.SetEvents(events)
	organisations := core.NewOrganisations(st, a.objects).WithSearch(runner)
	offers := core.NewOffers(st, runner, time.Now, core.OffersConfig{PublicURL: publicURL}).WithSearch(runner).WithNotifications(runner.Notifications())
	tenders := core.NewTenders(st, runner, time.Now, core.TendersConfig{PublicURL: publicURL}).WithSearch(runner).
		WithNotifications(runner.Notifications()).WithRouting(runner)
	requestTimeout := opts.requestTimeout
	if requestTimeout == 0 {
		requestTimeout = 45 * time.Second // serve's: 3/4 of the default write timeout
	}
	handler := api.New(api.Deps{
		Log: log, Version: "fault-test", Registry: prometheus.NewRegistry(), MaxBodyBytes: 1 << 20, RequestTimeout: requestTimeout,
		Web:            http.NotFoundHandler(),
		Checks:         []api.Check{{Name: "database", Check: st.Ping}},
		Sessions:       api.Sessions{Accounts: accounts, MaxAge: 24 * time.Hour},
		Memberships:    st.Memberships,
		Members:        core.NewMemberships(st, runner, time.Now, core.MembershipsConfig{PublicURL: publicURL}),
		Organisations:  organisations,
		Documents:      core.NewDocuments(st, a.objects, core.DefaultMaxDocumentSize, time.Now),
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
		Reports:        core.NewReports(st, runner.Notifications(), time.Now, publicURL),
		Suspensions:    core.NewSuspensions(st, runner, runner.Notifications(), time.Now, publicURL),
		BlockedWords:   core.NewBlockedWords(st, time.Now),
		AuditLog:       core.NewAuditLog(st),
		Events:         events,
		Meetings:       core.NewMeetings(st, runner, runner.Notifications(), time.Now, core.MeetingsConfig{PublicURL: publicURL}),
		OpenData:       core.NewOpenData(st, time.Now, core.OpenDataConfig{PublicURL: publicURL}),
		Impact:         core.NewImpact(st, time.Now),
		Purchases:      core.NewPurchases(st, runner, time.Now),
	})
	a.srv = httptest.NewServer(handler)
	t.Cleanup(a.srv.Close)
	return a
}

var tokenSeq atomic.Int64

// as returns a client signed in as userID (a session made in the database).
func (a *app) as(userID string) *client {
	a.t.Helper()
	token := "fault-session-" + strconv.FormatInt(time.Now().UnixNano(), 10) + "-" + strconv.FormatInt(tokenSeq.Add(1), 10)
	a.db.Session(a.t, storetest.SessionOptions{UserID: userID, Token: token})
	c := a.anonymous()
	u, _ := url.Parse(a.srv.URL)
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: "passerelle_session", Value: token}})
	return c
}

// anonymous returns a client without a session.
func (a *app) anonymous() *client {
	jar, _ := cookiejar.New(nil)
	return &client{base: a.srv.URL, http: &http.Client{Jar: jar, Timeout: a.bound}}
}

// client is a browser: it keeps cookies, and gives up after requestBound.
type client struct {
	base string
	http *http.Client
}

// response is what a request got; err is set when none came (a hang ends
// in the client's timeout).
type response struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
	err    error
}

// do sends a JSON request in lang (empty: English).
func (c *client) do(method, path string, body any, lang string) response {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		return response{err: err}
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if lang == "" {
		lang = "en"
	}
	req.Header.Set("Accept-Language", lang)
	return c.send(req)
}

func (c *client) send(req *http.Request) response {
	resp, err := c.http.Do(req)
	if err != nil {
		return response{err: err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	out := response{status: resp.StatusCode, header: resp.Header, raw: string(raw), err: err}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

// expect sends a request and fails the test unless it answers status.
func (c *client) expect(t *testing.T, status int, method, path string, body any) response {
	t.Helper()
	r := c.do(method, path, body, "")
	if r.err != nil || r.status != status {
		t.Fatalf("%s %s: status %d (%v), want %d: %s", method, path, r.status, r.err, status, r.raw)
	}
	return r
}

// unavailableProblem checks that r is the 503 problem+json a user sees
// while a service is down, in lang (whose detail is not the English one).
func unavailableProblem(t *testing.T, what string, r response, lang, wantDetail string) {
	t.Helper()
	if r.err != nil || r.status != http.StatusServiceUnavailable {
		t.Errorf("%s: status %d (%v), want 503: %s", what, r.status, r.err, r.raw)
		return
	}
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("%s: Content-Type %q, want application/problem+json", what, ct)
	}
	if d, _ := r.body["detail"].(string); d != wantDetail {
		t.Errorf("%s: detail %q in %s, want %q", what, d, lang, wantDetail)
	}
}

// testLog keeps the app's errors and shows them when the test fails.
func testLog(t *testing.T) *slog.Logger {
	var mu sync.Mutex
	var buf bytes.Buffer
	t.Cleanup(func() {
		if t.Failed() {
			mu.Lock()
			defer mu.Unlock()
			t.Logf("the app's errors:\n%s", buf.String())
		}
	})
	return slog.New(slog.NewTextHandler(&lockedWriter{mu: &mu, w: &buf}, &slog.HandlerOptions{Level: slog.LevelError}))
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
