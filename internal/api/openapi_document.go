package api

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"

	"github.com/prometheus/client_golang/prometheus"
)

// OpenAPIDocument returns the API description served at /api/openapi.json,
// built from the route table alone: no database or other service is
// needed, so `passerelle openapi` can feed client generators offline.
func OpenAPIDocument(version string) ([]byte, error) {
	h, _ := build(Deps{
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
		Version:  version,
		Registry: prometheus.NewRegistry(),
		Web:      http.NotFoundHandler(),
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/openapi.json", nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("GET /api/openapi.json answered %d", rec.Code)
	}
	return rec.Body.Bytes(), nil
}
