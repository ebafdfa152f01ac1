package main

import (
	"bufio"
	"context"
	"io"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/store/storetest"
)

// TestEveryMetricIsDocumented scrapes the /metrics of a running server,
// after the requests that make every labelled series appear, and fails
// when a metric has no HELP text or no row in the README's metrics table
// (section "Metrics" of the runbook), or when a row names a metric the
// server does not expose (a stale row). Rows ending in * cover a prefix:
// the Go runtime's and the process's standard collectors.
func TestEveryMetricIsDocumented(t *testing.T) {
	db := storetest.New(t)
	addr := freeAddr(t)
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL, "PASSERELLE_DATA_DIR=" + t.TempDir(), "PASSERELLE_HTTP_ADDR=" + addr,
		"PASSERELLE_LOG_LEVEL=warn"}
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan int, 1)
	var serveErr syncBuffer
	go func() { exited <- run(ctx, []string{"serve"}, env, io.Discard, &serveErr) }()
	defer func() {
		cancel()
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	base := "http://" + addr
	waitHealthy(t, base+"/healthz")
	for _, path := range []string{"/readyz", "/api/v1/search?q=atelier", "/api/v1/nowhere"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	exposed := parseExposition(t, resp.Body)

	rows := readmeMetrics(t)
	documented := func(name string) bool {
		for row := range rows {
			if row == name || strings.HasSuffix(row, "*") && strings.HasPrefix(name, strings.TrimSuffix(row, "*")) {
				return true
			}
		}
		return false
	}
	for _, name := range slices.Sorted(maps.Keys(exposed)) {
		if exposed[name].help == "" {
			t.Errorf("metric %s has no HELP text", name)
		}
		if !documented(name) {
			t.Errorf("metric %s (%s) is not in README.md's metrics table: add a row (name, type, labels, meaning)", name, exposed[name].kind)
		}
	}
	for row, kind := range rows {
		if strings.HasSuffix(row, "*") {
			continue
		}
		m, ok := exposed[row]
		if !ok {
			t.Errorf("README.md's metrics table lists %s, which /metrics does not expose", row)
			continue
		}
		if m.kind != kind {
			t.Errorf("README.md says %s is a %s; /metrics says %s", row, kind, m.kind)
		}
	}
}

type exposedMetric struct{ help, kind string }

// parseExposition reads the HELP and TYPE lines of Prometheus's text format.
func parseExposition(t *testing.T, r io.Reader) map[string]exposedMetric {
	t.Helper()
	out := map[string]exposedMetric{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fields := strings.SplitN(sc.Text(), " ", 4)
		if len(fields) < 3 || fields[0] != "#" {
			continue
		}
		m := out[fields[2]]
		text := ""
		if len(fields) == 4 {
			text = strings.TrimSpace(fields[3])
		}
		switch fields[1] {
		case "HELP":
			m.help = text
		case "TYPE":
			m.kind = text
		}
		out[fields[2]] = m
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 20 {
		t.Fatalf("/metrics exposed only %d metrics", len(out))
	}
	return out
}

var metricRow = regexp.MustCompile("^\\| `([a-z_:*]+)` \\| (counter|gauge|histogram|summary|untyped|various) \\|")

// readmeMetrics reads the metrics table of README.md: metric name → type.
func readmeMetrics(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n### Metrics\n")
	if !ok {
		t.Fatal(`README.md has no "### Metrics" section`)
	}
	if end := strings.Index(section, "\n#"); end >= 0 {
		section = section[:end]
	}
	rows := map[string]string{}
	for _, line := range strings.Split(section, "\n") {
		if m := metricRow.FindStringSubmatch(line); m != nil {
			rows[m[1]] = m[2]
		}
	}
	if len(rows) < 10 {
		t.Fatalf("README.md's metrics table has %d rows", len(rows))
	}
	return rows
}
