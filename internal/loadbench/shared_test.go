package loadbench_test

import (
	"path/filepath"
	"testing"

	"passerelle/internal/testshared"
)

func sharedData(t *testing.T, name string) string {
	return testshared.Path(t, "PASSERELLE_SHARED_DATA", "data", name)
}

func testsharedBench(t *testing.T) string {
	return testshared.Path(t, "PASSERELLE_SHARED_BENCH", "bench", filepath.Join("search", "corpus.jsonl"))
}
