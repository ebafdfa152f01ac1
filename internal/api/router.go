// Package api is Passerelle's HTTP layer: every route is declared in New,
// JSON operations go through huma (typed input and output, validation,
// OpenAPI 3.1 at /api/openapi.json, RFC 9457 problem+json errors), and
// handlers only decode, call core or store, and respond.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humagin"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// Deps are what the HTTP layer needs from the rest of the program.
type Deps struct {
	Log     *slog.Logger
	Version string
	// Checks are run by /readyz; each names a service the product needs.
	Checks []Check
	// Registry receives the HTTP metrics and is served at /metrics.
	Registry *prometheus.Registry
	// MaxBodyBytes bounds every request body.
	MaxBodyBytes int64
	// RequestTimeout bounds serving a request, uploads excepted (0: no
	// bound): past it the request answers 503.
	RequestTimeout time.Duration
	// Web serves the web app for every path the API does not own.
	Web http.Handler
	// Sessions reads the session cookie and signs people in and out.
	Sessions Sessions
	// Memberships lists a user's organisations, for the policy.
	Memberships func(ctx context.Context, userID string) (map[string]domain.MembershipRole, error)
	// Members runs the membership use cases: members, invitations, the
	// active organisation.
	Members *core.Memberships
	// Organisations serves organisation profiles and the NUTS regions.
	Organisations *core.Organisations
	// TrustedProxies may set X-Forwarded-For (client IPs for rate limits).
	TrustedProxies []string
	// Documents stores uploads; its MaxSize bounds the upload routes.
	Documents *core.Documents
	// SSEStatuses manages supplier SSE statuses and their verification.
	SSEStatuses *core.SSEStatuses
	// Offers manages supplier offers and their moderation.
	Offers *core.Offers
	// Taxonomy serves the CPV codes (the sector catalogue is package
	// taxonomy's data).
	Taxonomy *core.Taxonomy
	// Tenders runs the tender use cases: drafts, lots, moderation, publication.
	Tenders *core.Tenders
	// Responses runs suppliers' sealed responses to tenders.
	Responses *core.Responses
	// Favourites keeps buyers' lists of favourite suppliers.
	Favourites *core.Favourites
	// Moderation lists everything waiting for a moderator.
	Moderation *core.ModerationQueue
	// SearchRebuilds starts full rebuilds of the search index and reports
	// their progress (administrators).
	SearchRebuilds *core.SearchRebuilds
	// Search is the one search over offers, tenders and suppliers.
	Search *core.Search
	// Notifications serves the user's notifications, their preferences
	// and the one-click unsubscribe.
	Notifications *core.Notifications
	// Routing serves suppliers the needs routed to them and their answers.
	Routing *core.Routing
	// SavedSearches keeps users' saved searches (their alerts are a job).
	SavedSearches *core.SavedSearches
	// Reports are users' reports and their resolution by moderators.
	Reports *core.Reports
	// Suspensions suspend and reinstate organisations (moderators).
	Suspensions *core.Suspensions
	// BlockedWords is the admins' list of words that flag listings as spam.
	BlockedWords *core.BlockedWords
	// AuditLog is the audit log view and its CSV export.
	AuditLog *core.AuditLog
	// Events runs the business convention's events and registrations,
	// and applies Stripe's webhooks.
	Events *core.Events
	// Meetings runs the business convention's directory, meeting requests,
	// schedule, agendas and outcomes.
	Meetings *core.Meetings

	// OpenData serves the OCDS release packages and the public statistics.
	OpenData *core.OpenData
	// Impact computes the impact figures and their exports (issue 10).
	Impact *core.Impact

	// Purchases are buyers' purchase ledgers and levy offsets (issue 10).
	Purchases *core.Purchases

	// Headers configures the security headers of every response (HSTS,
	// the Content-Security-Policy's object-storage origin).
	Headers SecurityHeaders
}

// New builds the whole HTTP handler. Every route is here, with its rule.
func New(d Deps) http.Handler {
	h, _ := build(d)
	return h
}

// build returns the handler and the route table (for the matrix test).
func build(d Deps) (http.Handler, []RouteInfo) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = false
	r.ContextWithFallback = true
	// gin trusts every proxy by default: only the configured ones may say
	// who the client is, or rate limits per IP would be trivial to dodge.
	if err := r.SetTrustedProxies(d.TrustedProxies); err != nil {
		d.Log.Warn("ignoring PASSERELLE_TRUSTED_PROXIES", "err", err)
		_ = r.SetTrustedProxies(nil)
	}

	bodyLimits := map[string]int64{} // filled by rt.stream, read by limitBody
	m := newHTTPMetrics(d.Registry)
	r.Use(
		requestID(),
		accessLog(d.Log),
		m.middleware(),
		recoverProblem(d.Log),
		securityHeaders(d.Headers, d.TrustedProxies),
		limitBody(d.MaxBodyBytes, bodyLimits),
		requestDeadline(d.RequestTimeout, bodyLimits),
		crossOriginProtection([]string{"POST " + StripeWebhookPath}),
		d.Sessions.authenticate(d.Memberships),
	)

	api := humagin.New(r, apiConfig(d.Version))
	rt := &routes{api: api, gin: r, bodyLimits: bodyLimits}

	r.GET("/healthz", healthz)
	rt.plain(http.MethodGet, "/healthz", Public)
	r.GET("/readyz", readyz(d.Checks))
	rt.plain(http.MethodGet, "/readyz", Public)
	r.GET("/metrics", gin.WrapH(promhttp.HandlerFor(d.Registry, promhttp.HandlerOpts{Registry: d.Registry})))
	rt.plain(http.MethodGet, "/metrics", Public)
	rt.plain(http.MethodGet, "/api/openapi.json", Public)
	rt.plain(http.MethodGet, "/api/openapi.yaml", Public)
	rt.plain(http.MethodGet, "/api/openapi-3.0.json", Public)
	rt.plain(http.MethodGet, "/api/openapi-3.0.yaml", Public)
	rt.plain(http.MethodGet, "/api/schemas/{schema}", Public)

	registerMeta(rt, d.Version)
	registerAccounts(rt, d.Sessions)
	registerAdmin(rt, d.Sessions)
	registerPrivacy(rt, d.Sessions)
	registerMemberships(rt, d.Members)
	registerOrganisations(rt, d.Organisations)
	registerDocuments(rt, d.Documents, d.Log)
	registerSSEStatuses(rt, d.SSEStatuses)
	registerOffers(rt, d.Offers)
	registerTaxonomy(rt, d.Taxonomy)
	registerTenders(rt, d.Tenders, d.Documents)
	registerResponses(rt, d.Responses, d.Tenders, d.Documents)
	registerTenderQuestions(rt, d.Tenders)
	registerRouting(rt, d.Tenders)
	registerFavourites(rt, d.Favourites)
	registerModerationQueue(rt, d.Moderation)
	registerSearchRebuilds(rt, d.SearchRebuilds)
	registerSearch(rt, d.Search)
	registerNotifications(rt, d.Notifications)
	registerNeeds(rt, d.Routing)
	registerSavedSearches(rt, d.SavedSearches)
	registerReports(rt, d.Reports)
	registerSuspensions(rt, d.Suspensions)
	registerReasonTemplates(rt)
	registerAuditLog(rt, d.AuditLog, d.Log)
	registerModerationMetrics(rt, d.Moderation)
	registerBlockedWords(rt, d.BlockedWords)
	registerEvents(rt, d.Events)
	registerRegistrations(rt, d.Events)
	registerBillingWebhook(rt, d.Events, d.Log)
	registerMeetings(rt, d.Meetings)

	registerOCDS(rt, d.OpenData)
	registerStatistics(rt, d.OpenData)
	registerImpact(rt, d.Impact)

	// Purchase ledgers and levy offsets (issue 10).
	registerPurchases(rt, d.Purchases)
	if d.Moderation != nil {
		registerModerationGauges(d.Registry, d.Moderation)
	}

	r.NoRoute(func(c *gin.Context) {
		if strings.HasPrefix(c.Request.URL.Path, "/api/") {
			writeProblem(c, http.StatusNotFound, "No API operation at "+c.Request.Method+" "+c.Request.URL.Path+": see /api/openapi.json.")
			return
		}
		c.Status(http.StatusOK) // gin presets 404 for NoRoute; the web app decides
		d.Web.ServeHTTP(c.Writer, c.Request)
	})
	return r, rt.table
}

func apiConfig(version string) huma.Config {
	cfg := huma.DefaultConfig("Passerelle API", version)
	cfg.Info.Description = "The API of Passerelle, the responsible-purchasing marketplace of the Grande Région: " +
		"SSE suppliers, public and private buyers, tenders with social clauses. Errors are RFC 9457 problem+json; " +
		"labels are localized by Accept-Language (fr, de, en, nl). A signed-in request acts for the organisation named by its " +
		OrganisationHeader + " header (403 when the user is not a member), else for the one chosen with PUT /api/v1/me/active-organisation, " +
		"else for the user's only organisation."
	cfg.OpenAPIPath = "/api/openapi"
	cfg.SchemasPath = "/api/schemas"
	cfg.DocsPath = "" // the API documentation page is part of the web app
	// First, so that later transformers see the localized problem.
	cfg.Transformers = append([]huma.Transformer{localizeErrors}, cfg.Transformers...)
	cfg.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"session": {Type: "apiKey", In: "cookie", Name: secureCookieName,
			Description: "The session cookie set by POST /api/v1/auth/login (named passerelle_session when cookies are not Secure, on http://localhost)."},
	}
	return cfg
}
