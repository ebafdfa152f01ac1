// Package taxonomytest finds the reference data files the tests read: the
// project never commits them (see the shared data README); they sit in
// ../shared/data next to the repository.
package taxonomytest

import (
	"os"
	"path/filepath"
	"testing"
)

// DataFile returns the path of the reference file name (e.g.
// "nuts_grande_region.csv"): in $PASSERELLE_SHARED_DATA when set, else in
// the first shared/data folder found beside the module root or beside one
// of its ancestors (a checkout may sit deeper than its reference data).
//
// When the file is nowhere, the test is skipped with a message saying so,
// or fails when PASSERELLE_TEST_REQUIRE_DATA=1: a clone without the shared
// folder still runs every other test.
func DataFile(tb testing.TB, name string) string {
	tb.Helper()
	var tried []string
	if dir := os.Getenv("PASSERELLE_SHARED_DATA"); dir != "" {
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err == nil {
			return path
		}
		tried = append(tried, path)
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
			tb.Fatal("taxonomytest: no go.mod above the test's directory")
		}
		dir = parent
	}
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		path := filepath.Join(d, "shared", "data", name)
		if _, err := os.Stat(path); err == nil {
			return path
		}
		tried = append(tried, path)
		if filepath.Dir(d) == d {
			break
		}
	}
	if os.Getenv("PASSERELLE_TEST_REQUIRE_DATA") == "1" {
		tb.Fatalf("taxonomytest: reference file %s not found (tried %v)", name, tried)
	}
	tb.Skipf("reference file %s not found (tried %v): set PASSERELLE_SHARED_DATA to run this test", name, tried)
	return ""
}
