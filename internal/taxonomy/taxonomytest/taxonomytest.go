// Package taxonomytest finds the reference data files the tests read: the
// project never commits them (see the shared data README); they sit in
// ../shared/data next to the repository.
package taxonomytest

import (
	"testing"

	"passerelle/internal/testshared"
)

// DataFile returns the path of the reference file name (e.g.
// "nuts_grande_region.csv"): in $PASSERELLE_SHARED_DATA when set, else in
// shared/data beside the checkout or one of its ancestors; the test skips
// when it is nowhere (see testshared.Path).
func DataFile(tb testing.TB, name string) string {
	tb.Helper()
	return testshared.Path(tb, "PASSERELLE_SHARED_DATA", "data", name)
}
