// Package api is Passerelle's HTTP layer: every route is declared in New,
// JSON operations go through huma (typed input and output, validation,
// OpenAPI 3.1 at /api/openapi.json, RFC 9457 problem+json errors), and
// handlers only decode, call core or store, and respond.
package api

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humagin"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
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
	// Web serves the web app for every path the API does not own.
	Web http.Handler
}

// New builds the whole HTTP handler. Every route is here.
func New(d Deps) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = false
	r.ContextWithFallback = true

	m := newHTTPMetrics(d.Registry)
	r.Use(
		requestID(),
		accessLog(d.Log),
		m.middleware(),
		recoverProblem(d.Log),
		securityHeaders(),
		limitBody(d.MaxBodyBytes),
	)

	r.GET("/healthz", healthz)
	r.GET("/readyz", readyz(d.Checks))
	r.GET("/metrics", gin.WrapH(promhttp.HandlerFor(d.Registry, promhttp.HandlerOpts{Registry: d.Registry})))

	api := humagin.New(r, apiConfig(d.Version))
	registerMeta(api, d.Version)

	r.NoRoute(func(c *gin.Context) {
		if strings.HasPrefix(c.Request.URL.Path, "/api/") {
			writeProblem(c, http.StatusNotFound, "No API operation at "+c.Request.Method+" "+c.Request.URL.Path+": see /api/openapi.json.")
			return
		}
		c.Status(http.StatusOK) // gin presets 404 for NoRoute; the web app decides
		d.Web.ServeHTTP(c.Writer, c.Request)
	})
	return r
}

func apiConfig(version string) huma.Config {
	cfg := huma.DefaultConfig("Passerelle API", version)
	cfg.Info.Description = "The API of Passerelle, the responsible-purchasing marketplace of the Grande Région: " +
		"SSE suppliers, public and private buyers, tenders with social clauses. Errors are RFC 9457 problem+json; " +
		"labels are localized by Accept-Language (fr, de, en, nl)."
	cfg.OpenAPIPath = "/api/openapi"
	cfg.SchemasPath = "/api/schemas"
	cfg.DocsPath = "" // the API documentation page is part of the web app
	return cfg
}
