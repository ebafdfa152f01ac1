package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"passerelle/internal/domain"
)

func newTestHandler(checks ...Check) http.Handler {
	return New(Deps{
		Log:          slog.New(slog.NewTextHandler(io.Discard, nil)),
		Version:      "test",
		Checks:       checks,
		Registry:     prometheus.NewRegistry(),
		MaxBodyBytes: 2048,
		Web:          http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "web app") }),
	})
}

func do(h http.Handler, method, path string, body io.Reader, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestRequestID(t *testing.T) {
	h := newTestHandler()
	rec := do(h, "GET", "/healthz", nil, RequestIDHeader, "lb-1234.abc")
	if got := rec.Header().Get(RequestIDHeader); got != "lb-1234.abc" {
		t.Fatalf("incoming id not kept: %q", got)
	}
	rec = do(h, "GET", "/healthz", nil, RequestIDHeader, "bad id\nwith newline")
	if got := rec.Header().Get(RequestIDHeader); len(got) != 24 || strings.Contains(got, " ") {
		t.Fatalf("malformed incoming id must be replaced, got %q", got)
	}
}

func TestReadyz(t *testing.T) {
	ok := Check{Name: "database", Check: func(context.Context) error { return nil }}
	rec := do(newTestHandler(ok), "GET", "/readyz", nil)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"database":"ok"`) {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
	down := Check{Name: "object_storage", Check: func(context.Context) error { return errors.New("connection refused") }}
	rec = do(newTestHandler(ok, down), "GET", "/readyz", nil)
	if rec.Code != 503 || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("got %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	var p struct {
		Status int
		Detail string
		Checks map[string]string
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.Status != 503 || !strings.Contains(p.Detail, "object_storage") || p.Checks["database"] != "ok" ||
		!strings.Contains(p.Checks["object_storage"], "connection refused") {
		t.Fatalf("unexpected body %+v", p)
	}
}

func TestOpenAPIAndProblems(t *testing.T) {
	h := newTestHandler()
	rec := do(h, "GET", "/api/openapi.json", nil)
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi: %v %q", err, doc.OpenAPI)
	}
	if _, ok := doc.Paths["/api/v1/meta"]["get"]; !ok {
		t.Fatalf("meta operation missing from %v", doc.Paths)
	}
	rec = do(h, "GET", "/api/v1/meta", nil)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"languages":["en","fr","de","nl"]`) {
		t.Fatalf("meta: %d %s", rec.Code, rec.Body)
	}
	rec = do(h, "GET", "/api/v1/does-not-exist", nil)
	if rec.Code != 404 || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("unknown API path: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	rec = do(h, "GET", "/some/page", nil)
	if rec.Code != 200 || rec.Body.String() != "web app" {
		t.Fatalf("web fallback: %d %s", rec.Code, rec.Body)
	}
}

func TestMetricsByRoute(t *testing.T) {
	h := newTestHandler()
	do(h, "GET", "/healthz", nil)
	do(h, "GET", "/api/v1/unknown-1", nil)
	do(h, "GET", "/api/v1/unknown-2", nil)
	body := do(h, "GET", "/metrics", nil).Body.String()
	for _, want := range []string{
		`passerelle_http_requests_total{method="GET",route="/healthz",status="200"} 1`,
		`passerelle_http_requests_total{method="GET",route="unmatched",status="404"} 2`,
		`passerelle_http_request_duration_seconds_bucket{method="GET",route="/healthz",status="200",le="0.001"}`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestPanicBecomesProblem(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(requestID(), recoverProblem(slog.New(slog.NewTextHandler(io.Discard, nil))))
	r.GET("/boom", func(*gin.Context) { panic("boom") })
	rec := do(r, "GET", "/boom", nil)
	if rec.Code != 500 || rec.Header().Get("Content-Type") != "application/problem+json" ||
		!strings.Contains(rec.Body.String(), rec.Header().Get(RequestIDHeader)) {
		t.Fatalf("got %d %q %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
}

func TestBodyLimit(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(limitBody(10, map[string]int64{"POST /upload": 20}))
	echo := func(c *gin.Context) {
		if _, err := io.ReadAll(c.Request.Body); err != nil {
			c.Status(http.StatusRequestEntityTooLarge)
			return
		}
		c.Status(http.StatusNoContent)
	}
	r.POST("/echo", echo)
	r.POST("/upload", echo)
	if rec := do(r, "POST", "/upload", strings.NewReader(strings.Repeat("x", 20))); rec.Code != 204 {
		t.Fatalf("a route with its own limit: %d", rec.Code)
	}
	if rec := do(r, "POST", "/upload", strings.NewReader(strings.Repeat("x", 21))); rec.Code != 413 {
		t.Fatalf("beyond a route's own limit: %d", rec.Code)
	}
	if rec := do(r, "POST", "/echo", strings.NewReader("short")); rec.Code != 204 {
		t.Fatalf("small body: %d", rec.Code)
	}
	if rec := do(r, "POST", "/echo", strings.NewReader(strings.Repeat("x", 11))); rec.Code != 413 {
		t.Fatalf("large body: %d", rec.Code)
	}
}

func TestToHTTP(t *testing.T) {
	ve := &domain.ValidationError{}
	ve.Add("body.email", "required", "email is required")
	cases := []struct {
		err    error
		status int
	}{
		{ve, 422},
		{fmt.Errorf("wrapped: %w", domain.ErrNotFound), 404},
		{domain.ErrConflict, 409},
		{domain.ErrUnauthenticated, 401},
		{domain.ErrForbidden, 403},
		{domain.ErrUnavailable, 503},
		{context.DeadlineExceeded, 503},
		{fmt.Errorf("list the queue: %w", context.Canceled), 499},
		{errors.New("boom"), 500},
	}
	for _, c := range cases {
		var se huma.StatusError
		if !errors.As(toHTTP(c.err), &se) || se.GetStatus() != c.status {
			t.Errorf("%v: got %v, want %d", c.err, toHTTP(c.err), c.status)
		}
	}
	if toHTTP(nil) != nil {
		t.Error("nil must stay nil")
	}
	var model *huma.ErrorModel
	if !errors.As(toHTTP(ve), &model) || len(model.Errors) != 1 || model.Errors[0].Location != "body.email" {
		t.Errorf("field errors lost: %+v", model)
	}
}
