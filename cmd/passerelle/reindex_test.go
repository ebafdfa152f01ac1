package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"passerelle/internal/config"
	"passerelle/internal/core"
	"passerelle/internal/search"
	"passerelle/internal/store/storetest"
)

// TestSeedThenReindex: the seed queues a reconciliation for the server;
// `passerelle reindex` builds every public demonstration listing into a new
// index, swaps it in, and reports the count, which the live index then
// holds. While another process holds the embedded index, reindex refuses
// at once and says what to do instead.
func TestSeedThenReindex(t *testing.T) {
	db := storetest.New(t)
	dataDir := t.TempDir()
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL, "PASSERELLE_DATA_DIR=" + dataDir}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"seed"}, env, &stdout, &stderr); code != 0 {
		t.Fatalf("seed: exit %d: %s", code, stderr.String())
	}
	var queued int
	if err := db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM river_job WHERE kind = 'reconcile_search'").Scan(&queued); err != nil || queued != 1 {
		t.Fatalf("the seed queues one reconciliation: %d %v", queued, err)
	}

	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), []string{"reindex"}, env, &stdout, &stderr); code != 0 {
		t.Fatalf("reindex: exit %d: %s", code, stderr.String())
	}
	m := regexp.MustCompile(`search index rebuilt: (\d+) listings`).FindStringSubmatch(stdout.String())
	if m == nil || !strings.Contains(stderr.String(), "reindex: ") {
		t.Fatalf("reindex output:\n%s\nprogress:\n%s", stdout.String(), stderr.String())
	}
	n, _ := strconv.Atoi(m[1])
	if n < 10 {
		t.Fatalf("only %d demonstration listings indexed", n)
	}

	cfg, err := config.Load(env)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := openSearchEngine(cfg)
	if err != nil {
		t.Fatalf("the lock must be released after reindex: %v", err)
	}
	defer engine.Close()
	res, err := engine.Search(t.Context(), core.SearchLiveIndex, search.Query{Limit: 1})
	if err != nil || res.Total != n {
		t.Fatalf("the live index holds %d documents, want %d (%v)", res.Total, n, err)
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"reindex"}, env, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "open in another process") || !strings.Contains(stderr.String(), "/api/v1/admin/search/rebuilds") {
		t.Fatalf("reindex beside a holder of the index: exit %d: %s", code, stderr.String())
	}
	if code := run(context.Background(), []string{"reindex", "now"}, env, &stdout, &stderr); code != 2 {
		t.Fatalf("reindex with an argument: exit %d", code)
	}
}
