// Package evaltest finds the search benchmark sets the tests read: like the
// reference data (see taxonomytest), the project never commits them; they
// sit in ../shared/bench next to the repository.
package evaltest

import (
	"os"
	"path/filepath"
	"testing"
)

// SetDir returns the folder of the benchmark set name (e.g. "search", the
// dev set with corpus.jsonl, queries.jsonl and qrels.tsv): in
// $PASSERELLE_SHARED_BENCH/name when that variable is set, else in the
// first shared/bench/name folder found beside the module root or beside one
// of its ancestors.
//
// When the set is nowhere, the test is skipped with a message saying so, or
// fails when PASSERELLE_TEST_REQUIRE_DATA=1.
func SetDir(tb testing.TB, name string) string {
	tb.Helper()
	var tried []string
	found := func(dir string) bool {
		_, err := os.Stat(filepath.Join(dir, "qrels.tsv"))
		tried = append(tried, dir)
		return err == nil
	}
	if env := os.Getenv("PASSERELLE_SHARED_BENCH"); env != "" {
		if dir := filepath.Join(env, name); found(dir) {
			return dir
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("evaltest: no go.mod above the test's directory")
		}
		dir = parent
	}
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if set := filepath.Join(d, "shared", "bench", name); found(set) {
			return set
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if os.Getenv("PASSERELLE_TEST_REQUIRE_DATA") == "1" {
		tb.Fatalf("evaltest: benchmark set %s not found (tried %v)", name, tried)
	}
	tb.Skipf("benchmark set %s not found (tried %v): set PASSERELLE_SHARED_BENCH to run this test", name, tried)
	return ""
}
