// Package evaltest finds the search benchmark sets the tests read: like the
// reference data (see taxonomytest), the project never commits them; they
// sit in ../shared/bench next to the repository.
package evaltest

import (
	"path/filepath"
	"testing"

	"passerelle/internal/testshared"
)

// SetDir returns the folder of the benchmark set name (e.g. "search", the
// dev set with corpus.jsonl, queries.jsonl and qrels.tsv): in
// $PASSERELLE_SHARED_BENCH/name when that variable is set, else
// shared/bench/name beside the checkout or one of its ancestors; the test
// skips when it is nowhere (see testshared.Path).
func SetDir(tb testing.TB, name string) string {
	tb.Helper()
	return filepath.Dir(testshared.Path(tb, "PASSERELLE_SHARED_BENCH", "bench", filepath.Join(name, "qrels.tsv")))
}
