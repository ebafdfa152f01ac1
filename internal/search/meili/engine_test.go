package meili_test

import (
	"os"
	"testing"

	"passerelle/internal/search"
	"passerelle/internal/search/meili"
	"passerelle/internal/search/searchtest"
)

// TestConformance runs the shared suite against the Meilisearch server at
// PASSERELLE_TEST_MEILI_URL (with PASSERELLE_TEST_MEILI_KEY if it has a
// master key); no server can be installed on the CI machines, so it skips
// without one.
func TestConformance(t *testing.T) {
	url := os.Getenv("PASSERELLE_TEST_MEILI_URL")
	if url == "" {
		t.Skip("PASSERELLE_TEST_MEILI_URL is not set")
	}
	searchtest.Run(t, func(t *testing.T) search.Engine {
		e := meili.New(url, os.Getenv("PASSERELLE_TEST_MEILI_KEY"))
		t.Cleanup(func() { _ = e.Close() })
		return e
	})
}
