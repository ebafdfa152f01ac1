package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/internal/search/eval/evaltest"
	"passerelle/internal/taxonomy/taxonomytest"
)

// TestBenchSearchSmall runs bench-search end to end on a small index
// (without the dictionaries, which only change the expansion) and checks
// what it prints: the index, both expansions, both client counts, bounds.
func TestBenchSearchSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index")
	}
	args := []string{"bench-search", "--dir", filepath.Join(t.TempDir(), "bench"), "--docs", "1500", "--searches", "60", "--clients", "4",
		"--dict", "", "--corpus", filepath.Join(evaltest.SetDir(t, "search"), "corpus.jsonl"),
		"--cpv", taxonomytest.DataFile(t, "cpv_2008_multilingual.csv"), "--nace", taxonomytest.DataFile(t, "nace_rev2_1_multilingual.csv"),
		"--nuts", taxonomytest.DataFile(t, "nuts_grande_region.csv")}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), args, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"index: 1500 listings, 1 segment(s), built in", "crosslang on , 1 client", "crosslang on , 4 clients",
		"crosslang off, 1 client", "crosslang off, 4 clients", "bounds (crosslang on): p95"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The second run finds the index built.
	stdout.Reset()
	if code := run(context.Background(), args, nil, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "cached in") {
		t.Fatalf("second run: exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
}

func TestBenchSearchRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"bench-search"},
		{"bench-search", "--corpus", "c", "--cpv", "p", "--nace", "n"},
		{"bench-search", "--corpus", "c", "--cpv", "p", "--nace", "n", "--nuts", "u", "--docs", "0"},
		{"bench-search", "--corpus", "c", "--cpv", "p", "--nace", "n", "--nuts", "u", "extra"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, nil, &stdout, &stderr); code != exitConfig {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitConfig, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"bench-search", "--corpus", "/nonexistent/c", "--cpv", "/nonexistent/p", "--nace", "", "--nuts", "u", "--dict", ""}, nil, &stdout, &stderr)
	if code != exitConfig {
		t.Errorf("empty --nace: exit %d", code)
	}
	stderr.Reset()
	code = run(context.Background(), []string{"bench-search", "--corpus", "/nonexistent/c", "--cpv", "/nonexistent/p", "--nace", "/nonexistent/n", "--nuts", "u", "--dict", ""}, nil, &stdout, &stderr)
	if code != exitFail || !strings.Contains(stderr.String(), "/nonexistent/") {
		t.Errorf("missing inputs: exit %d, stderr %s", code, stderr.String())
	}
}
