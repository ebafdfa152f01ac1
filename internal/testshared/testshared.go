// Package testshared finds, for tests, the read-only inputs that sit in the
// shared folder beside the repository (../shared/data, ../shared/bench):
// the project never commits them.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns $envVar/rel when that variable is set and the path exists,
// else the first shared/sub/rel found beside the module root or beside one
// of its ancestors (a checkout may sit deeper than the shared folder).
//
// When it is nowhere, the test is skipped with the places tried, or fails
// when PASSERELLE_TEST_REQUIRE_DATA=1: a clone without the shared folder
// still runs every other test.
func Path(tb testing.TB, envVar, sub, rel string) string {
	tb.Helper()
	var tried []string
	exists := func(p string) bool {
		tried = append(tried, p)
		_, err := os.Stat(p)
		return err == nil
	}
	if dir := os.Getenv(envVar); dir != "" {
		if p := filepath.Join(dir, rel); exists(p) {
			return p
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
			tb.Fatal("testshared: no go.mod above the test's directory")
		}
		dir = parent
	}
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if p := filepath.Join(d, "shared", sub, rel); exists(p) {
			return p
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if os.Getenv("PASSERELLE_TEST_REQUIRE_DATA") == "1" {
		tb.Fatalf("shared input %s/%s not found (tried %v)", sub, rel, tried)
	}
	tb.Skipf("shared input %s/%s not found (tried %v): set %s to run this test", sub, rel, tried, envVar)
	return ""
}
