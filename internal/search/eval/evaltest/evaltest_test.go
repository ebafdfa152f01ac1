package evaltest_test

import (
	"os"
	"path/filepath"
	"testing"

	"passerelle/internal/search/eval/evaltest"
)

func TestSetDirFromTheEnvironment(t *testing.T) {
	bench := t.TempDir()
	set := filepath.Join(bench, "search")
	if err := os.Mkdir(set, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(set, "qrels.tsv"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PASSERELLE_SHARED_BENCH", bench)
	if got := evaltest.SetDir(t, "search"); got != set {
		t.Errorf("SetDir = %s, want %s", got, set)
	}
}

func TestSetDirSkipsWhenAbsent(t *testing.T) {
	t.Setenv("PASSERELLE_SHARED_BENCH", t.TempDir())
	t.Setenv("PASSERELLE_TEST_REQUIRE_DATA", "")
	skipped := true
	t.Run("absent", func(t *testing.T) {
		evaltest.SetDir(t, "no-such-set")
		skipped = false
	})
	if !skipped {
		t.Error("SetDir returned for a set that is nowhere")
	}
}
