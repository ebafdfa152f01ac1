package crosslang

import (
	"os"
	"sync"
	"testing"

	"passerelle/internal/taxonomy/taxonomytest"
)

// loaded is the expander built from the reference data and the installed
// dictionaries, once for the package's tests (it takes about a second).
var (
	loadOnce sync.Once
	loaded   *Expander
	loadErr  error
)

// requireDictionaries skips (or fails, with PASSERELLE_TEST_REQUIRE_TOOLS=1)
// when the FreeDict packages are not installed.
func requireDictionaries(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(DefaultDictDir + "/freedict-deu-fra.index"); err != nil {
		if os.Getenv("PASSERELLE_TEST_REQUIRE_TOOLS") == "1" {
			tb.Fatalf("FreeDict dictionaries missing in %s: run make deps-dict", DefaultDictDir)
		}
		tb.Skipf("FreeDict dictionaries missing in %s (make deps-dict installs them)", DefaultDictDir)
	}
}

func expander(tb testing.TB) *Expander {
	tb.Helper()
	requireDictionaries(tb)
	cpv := taxonomytest.DataFile(tb, "cpv_2008_multilingual.csv")
	nace := taxonomytest.DataFile(tb, "nace_rev2_1_multilingual.csv")
	loadOnce.Do(func() {
		loaded, loadErr = Load(Sources{CPVPath: cpv, NACEPath: nace, DictDir: DefaultDictDir})
	})
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return loaded
}

