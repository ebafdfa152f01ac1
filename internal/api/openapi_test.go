package api

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
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

// TestOpenAPIDescribesEveryOperationWithExamples: every operation has a
// summary and a description, and every field of every JSON request body
// has an example (fields of nested objects and of array items included),
// so that the documentation page and client generators show real requests.
func TestOpenAPIDescribesEveryOperationWithExamples(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(e.client().expect(http.StatusOK, "GET", "/api/openapi.json", nil).raw), &doc); err != nil {
		t.Fatal(err)
	}
	resolve := func(s map[string]any) map[string]any {
		for range 10 {
			ref, ok := s["$ref"].(string)
			if !ok {
				break
			}
			s = doc.Components.Schemas[ref[strings.LastIndex(ref, "/")+1:]]
		}
		return s
	}
	hasType := func(s map[string]any, want string) bool {
		switch ty := s["type"].(type) {
		case string:
			return ty == want
		case []any:
			for _, x := range ty {
				if x == want {
					return true
				}
			}
		}
		return false
	}
	var missing func(s map[string]any, path string) []string
	missing = func(s map[string]any, path string) []string {
		var out []string
		s = resolve(s)
		props, _ := s["properties"].(map[string]any)
		for name, raw := range props {
			if name == "$schema" {
				continue
			}
			v, _ := raw.(map[string]any)
			if _, ok := v["examples"]; ok {
				continue
			}
			rv := resolve(v)
			if _, ok := rv["examples"]; ok {
				continue
			}
			switch {
			case hasType(rv, "object") && rv["properties"] != nil:
				out = append(out, missing(rv, path+name+".")...)
			case hasType(rv, "array"):
				items, _ := rv["items"].(map[string]any)
				it := resolve(items)
				if _, ok := it["examples"]; ok {
					continue
				}
				if hasType(it, "object") && it["properties"] != nil {
					out = append(out, missing(it, path+name+"[].")...)
				} else {
					out = append(out, path+name)
				}
			default:
				out = append(out, path+name)
			}
		}
		return out
	}
	for path, ops := range doc.Paths {
		for method, raw := range ops {
			var op struct {
				Summary, Description string
				RequestBody          *struct {
					Content map[string]struct {
						Schema map[string]any `json:"schema"`
					} `json:"content"`
				} `json:"requestBody"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				continue // not an operation (parameters…)
			}
			name := strings.ToUpper(method) + " " + path
			if op.Summary == "" || op.Description == "" {
				t.Errorf("%s: summary %q, description %q", name, op.Summary, op.Description)
			}
			if op.RequestBody == nil {
				continue
			}
			if body, ok := op.RequestBody.Content["application/json"]; ok {
				if m := missing(body.Schema, ""); len(m) > 0 {
					sort.Strings(m)
					t.Errorf("%s: request fields without an example: %v", name, m)
				}
			}
		}
	}
}
