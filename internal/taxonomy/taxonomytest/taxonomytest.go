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
// "nuts_grande_region.csv") in the shared/data folder beside the module
// root. When it is missing the test is skipped, or fails when
// PASSERELLE_TEST_REQUIRE_TOOLS is set (as `make test` does), so that a
// missing file never silently drops the tests that need it.
func DataFile(tb testing.TB, name string) string {
	tb.Helper()
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
	path := filepath.Join(filepath.Dir(dir), "shared", "data", name)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("PASSERELLE_TEST_REQUIRE_TOOLS") != "" {
			tb.Fatalf("taxonomytest: reference file %s is missing: %v", name, err)
		}
		tb.Skipf("reference file %s not found (%v)", name, err)
	}
	return path
}
