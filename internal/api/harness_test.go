package api

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
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"passerelle/internal/blob"
	"passerelle/internal/core"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/search/bleve"
	"passerelle/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m, mailtest.Stop) }

// testClock is a clock tests move forward.
type testClock struct {
	mu     sync.Mutex
	offset time.Duration
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// env is the whole API on a real database, a real job runner and a real
// Mailpit.
type env struct {
	t      *testing.T
	db     *storetest.DB
	mail   *mailtest.Server
	clock  *testClock
	srv    *httptest.Server
	routes []RouteInfo
	// objects is the S3 store behind documents and logos.
	objects *blob.Store
	// search is the on-disk engine behind /api/v1/search (see search_test.go).
	search *bleve.Engine
	// notes are the notifications (digests are sent by calling them).
	notes *core.Notifications
	// routing is the API's routing on the test clock (top-ups are run by
	// calling it).
	routing *core.Routing
	// saved are the saved searches (alerts are sent by calling them, on
	// the test clock).
	saved *core.SavedSearches
	// meetings are the convention's meetings on the test clock (expiry
	// and outcome questions are run by calling them).
	meetings *core.Meetings
}

// testSecretKey signs the unsubscribe links in tests.
const testSecretKey = "test-secret-key-0123456789abcdef-0123"

func newEnv(t *testing.T, limits core.RateLimits) *env {
	t.Helper()
	return newEnvWith(t, limits, envOptions{})
}

// envOptions change the environment of one test.
type envOptions struct {
	// indexJobs makes the job runner keep the search index, as serve's
	// does; otherwise tests fill the index themselves (searchWorld).
	indexJobs bool
	// payments, when set, takes paid registrations (see events_test.go).
	payments core.Payments
	// log receives the job runner's and the API's logs (discarded when nil).
	log *slog.Logger
}

func newEnvWith(t *testing.T, limits core.RateLimits, opts envOptions) *env {
	t.Helper()
	db := storetest.New(t)
	mp := mailtest.Start(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if opts.log != nil {
		log = opts.log
	}
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	sender, err := mail.NewSender(mail.Config{URL: mp.SMTPURL, From: "Passerelle <no-reply@passerelle.test>"})
	if err != nil {
		t.Fatal(err)
	}
	engine, searcher := newSearchEngine(t)
	jobOpts := jobs.Options{Sender: sender, Renderer: renderer,
		Notifications: core.NotificationsConfig{PublicURL: "http://localhost:8080", SecretKey: []byte(testSecretKey)},
		Routing:       testRoutingConfig()}
	if opts.indexJobs {
		jobOpts.Search = core.NewSearchIndex(db.Store, engine, time.Now)
	}
	runner, err := jobs.New(db.Store, log, jobOpts)
	if err != nil {
		t.Fatal(err)
	}
	if err := runner.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = runner.Stop(ctx)
	})
	if limits == (core.RateLimits{}) {
		limits = core.RateLimits{LoginPerAccount: 5, LoginPerIP: 1000, SignUpPerIP: 1000, ResetPerIP: 1000}
	}
	clock := &testClock{}
	objects := newObjects(t)
	// The API's routing reads the test clock (answers after the deadline,
	// top-ups on later days); the runner's routes at publication.
	routing := core.NewRouting(db.Store, runner.Notifications(), clock.now, testRoutingConfig())
	saved := core.NewSavedSearches(db.Store, core.NewSearch(db.Store, searcher, clock.now), clock.now).WithAlerts(runner.Notifications(), runner)
	accounts := core.NewAccounts(db.Store, runner, clock.now, core.AccountsConfig{
		PublicURL: "http://localhost:8080", SessionIdle: 2 * time.Hour, SessionMaxAge: 7 * 24 * time.Hour, Limits: limits,
	})
	events := core.NewEvents(db.Store, runner, opts.payments, clock.now, core.EventsConfig{PublicURL: "http://localhost:8080"})
	runner.SetEvents(events)
	meetings := core.NewMeetings(db.Store, runner, runner.Notifications(), clock.now, core.MeetingsConfig{PublicURL: "http://localhost:8080"})
	h, table := build(Deps{
		Log: log, Version: "test", Registry: prometheus.NewRegistry(), MaxBodyBytes: 1 << 20,
		Web:           http.NotFoundHandler(),
		Sessions:      Sessions{Accounts: accounts, Secure: false, MaxAge: 7 * 24 * time.Hour},
		Memberships:   db.Store.Memberships,
		Members:       core.NewMemberships(db.Store, runner, clock.now, core.MembershipsConfig{PublicURL: "http://localhost:8080"}),
		Organisations: core.NewOrganisations(db.Store, objects).WithSearch(runner),
		Documents:     core.NewDocuments(db.Store, objects, testMaxUpload, clock.now),
		SSEStatuses:   core.NewSSEStatuses(db.Store, clock.now).WithSearch(runner).WithNotifications(runner.Notifications()),
		Offers: core.NewOffers(db.Store, runner, clock.now, core.OffersConfig{PublicURL: "http://localhost:8080"}).WithSearch(runner).
			WithNotifications(runner.Notifications()),
		Taxonomy: core.NewTaxonomy(db.Store),
		Tenders: core.NewTenders(db.Store, runner, clock.now, core.TendersConfig{PublicURL: "http://localhost:8080"}).WithSearch(runner).
			WithNotifications(runner.Notifications()).WithRouting(runner),
		Responses:      core.NewResponses(db.Store, clock.now),
		Favourites:     core.NewFavourites(db.Store, clock.now),
		Moderation:     core.NewModerationQueue(db.Store),
		SearchRebuilds: core.NewSearchRebuilds(db.Store, runner, clock.now),
		Search:         core.NewSearch(db.Store, searcher, clock.now),
		Notifications:  runner.Notifications(),
		Routing:        routing,
		SavedSearches:  saved,
		Reports:        core.NewReports(db.Store, runner.Notifications(), clock.now, "http://localhost:8080"),
		Suspensions:    core.NewSuspensions(db.Store, runner, runner.Notifications(), clock.now, "http://localhost:8080"),
		BlockedWords:   core.NewBlockedWords(db.Store, clock.now),
		AuditLog:       core.NewAuditLog(db.Store),
		Events:         events,
		Meetings:       meetings,

		OpenData: core.NewOpenData(db.Store, clock.now, core.OpenDataConfig{PublicURL: "http://localhost:8080"}),
		Impact:   core.NewImpact(db.Store, clock.now),

		Purchases: core.NewPurchases(db.Store, runner, clock.now),
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &env{t: t, db: db, mail: mp, clock: clock, srv: srv, routes: table, objects: objects, search: engine, notes: runner.Notifications(),
		routing: routing, saved: saved, meetings: meetings}
}

// client is a browser: it keeps cookies.
type client struct {
	e    *env
	http *http.Client
}

func (e *env) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

type response struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

func (c *client) do(method, path string, body any, headers ...string) response {
	c.e.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.e.srv.URL+path, rd)
	if err != nil {
		c.e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	// Tests read English messages unless they ask for another language
	// (an empty Accept-Language sends none: the user's language applies).
	req.Header.Set("Accept-Language", "en")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	if req.Header.Get("Accept-Language") == "" {
		req.Header.Del("Accept-Language")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := response{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

func (c *client) expect(status int, method, path string, body any, headers ...string) response {
	c.e.t.Helper()
	r := c.do(method, path, body, headers...)
	if r.status != status {
		c.e.t.Fatalf("%s %s: status %d, want %d: %s", method, path, r.status, status, r.raw)
	}
	return r
}

var tokenInLink = regexp.MustCompile(`#token=([A-Za-z0-9_-]+)`)

// tokenFrom waits for the n-th email to addr and returns the token in its link.
func (e *env) tokenFrom(addr string, n int, subjectHas string) (string, mailtest.Message) {
	e.t.Helper()
	msgs := e.mail.WaitFor(e.t, addr, n, 20*time.Second)
	for _, m := range msgs {
		if subjectHas != "" && !bytes.Contains([]byte(m.Subject), []byte(subjectHas)) {
			continue
		}
		if mt := tokenInLink.FindStringSubmatch(m.Text); mt != nil {
			return mt[1], m
		}
	}
	e.t.Fatalf("no email with a token and subject containing %q among %d to %s", subjectHas, len(msgs), addr)
	return "", mailtest.Message{}
}

const goodPassword = "Tulipes-Ardoise-Moselle-42"

// signedUpUser signs a user up, verifies the email and returns a client
// signed in as them.
func (e *env) signedUpUser(addr string) *client {
	e.t.Helper()
	c := e.client()
	c.expect(http.StatusAccepted, "POST", "/api/v1/auth/signup", map[string]any{"email": addr, "password": goodPassword, "display_name": "Anne Muller", "language": "fr"})
	token, _ := e.tokenFrom(addr, 1, "")
	c.expect(http.StatusOK, "POST", "/api/v1/auth/verify-email", map[string]any{"token": token})
	c.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": goodPassword})
	return c
}

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// testMaxUpload is the upload limit of the test server: the default.
const testMaxUpload = 25 << 20
