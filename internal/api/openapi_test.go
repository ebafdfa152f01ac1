package api

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"passerelle/internal/core"
)

// TestOpenAPIDocumentValidates loads the API description as a client
// generator would and validates it: /api/openapi.json (OpenAPI 3.1), then
// its 3.0 form with every example checked against its schema (the
// validator checks examples in 3.0 documents).
func TestOpenAPIDocumentValidates(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	for _, path := range []string{"/api/openapi.json", "/api/openapi-3.0.json"} {
		raw := e.client().expect(http.StatusOK, "GET", path, nil).raw
		if path == "/api/openapi-3.0.json" {
			raw = withoutContentMediaType(t, raw)
		}
		doc, err := openapi3.NewLoader().LoadFromData([]byte(raw))
		if err != nil {
			t.Fatalf("%s: load: %v", path, err)
		}
		if err := doc.Validate(t.Context(), openapi3.EnableExamplesValidation()); err != nil {
			t.Fatalf("%s does not validate: %v", path, err)
		}
		for p, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				if op.Summary == "" || op.OperationID == "" {
					t.Errorf("%s: %s %s has no summary or operation id", path, method, p)
				}
			}
		}
	}
}

// withoutContentMediaType removes the contentMediaType keywords huma
// writes beside format: binary and leaves in its 3.0 downgrade (they are
// 3.1 only; format: binary says the same in 3.0).
func withoutContentMediaType(t *testing.T, raw string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatal(err)
	}
	var strip func(any)
	strip = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			if x["format"] == "binary" {
				delete(x, "contentMediaType")
			}
			for _, c := range x {
				strip(c)
			}
		case []any:
			for _, c := range x {
				strip(c)
			}
		}
	}
	strip(v)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
