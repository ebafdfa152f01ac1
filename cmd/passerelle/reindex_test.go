package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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

// TestServeMakesTheDemoDataSearchable is `make run` in short: after the
// seed, serve's reconciliation indexes the demonstration listings, which
// the search route then finds; /readyz checks the engine and /metrics
// shows the search metrics.
func TestServeMakesTheDemoDataSearchable(t *testing.T) {
	db := storetest.New(t)
	addr := freeAddr(t)
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL, "PASSERELLE_DATA_DIR=" + t.TempDir(), "PASSERELLE_HTTP_ADDR=" + addr,
		"PASSERELLE_LOG_LEVEL=warn"}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"seed"}, env, &stdout, &stderr); code != 0 {
		t.Fatalf("seed: exit %d: %s", code, stderr.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan int, 1)
	var serveErr syncBuffer
	go func() { exited <- run(ctx, []string{"serve"}, env, io.Discard, &serveErr) }()
	defer func() {
		cancel()
		select {
		case code := <-exited:
			if code != 0 {
				t.Errorf("serve exited %d: %s", code, serveErr.String())
			}
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	base := "http://" + addr
	waitHealthy(t, base+"/healthz")
	var total float64
	deadline := time.Now().Add(60 * time.Second)
	for total == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the demonstration data never became searchable; serve said:\n%s", serveErr.String())
		}
		time.Sleep(200 * time.Millisecond)
		var page map[string]any
		if status := getJSON(t, base+"/api/v1/search", &page); status == http.StatusOK {
			total, _ = page["total"].(float64)
		}
	}
	var ready map[string]any
	if status := getJSON(t, base+"/readyz", &ready); status != http.StatusOK || !strings.Contains(fmt.Sprint(ready), "search") {
		t.Fatalf("readyz %d: %v", status, ready)
	}
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, m := range []string{`passerelle_search_duration_seconds_count{operation="search"}`, "passerelle_search_index_oldest_pending_seconds",
		"passerelle_search_engine_errors_total"} {
		if !strings.Contains(string(body), m) {
			t.Errorf("/metrics lacks %s", m)
		}
	}
}

func getJSON(t *testing.T, url string, out any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return resp.StatusCode
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader in two
// goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
