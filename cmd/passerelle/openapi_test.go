package main

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
)

// TestOpenAPIPrintsTheDocumentWithoutConfiguration: `passerelle openapi`
// needs no environment (make generate runs it on a bare checkout) and
// prints the same OpenAPI 3.1 document the server serves.
func TestOpenAPIPrintsTheDocumentWithoutConfiguration(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"openapi"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr.String())
	}
	var doc struct {
		OpenAPI string                     `json:"openapi"`
		Paths   map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q, want 3.1.0", doc.OpenAPI)
	}
	for _, path := range []string{"/api/v1/search", "/api/v1/tenders/{tenderID}", "/api/v1/auth/login"} {
		if _, ok := doc.Paths[path]; !ok {
			t.Errorf("no %s in the document", path)
		}
	}
}
