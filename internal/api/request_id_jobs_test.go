package api

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// TestJobQueuedByARequestLogsItsRequestID: an admin's request queues a
// search rebuild; the job keeps the request's X-Request-Id in its metadata,
// and the line the job logs when it has run carries the same request_id,
// as the request's own access-log line does.
func TestJobQueuedByARequestLogsItsRequestID(t *testing.T) {
	logs := &lockedBuffer{}
	e := newEnvWith(t, core.RateLimits{}, envOptions{indexJobs: true,
		log: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))})
	admin := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformAdmin}).ID)

	const id = "ops-request-7f3a"
	r := admin.expect(http.StatusAccepted, "POST", "/api/v1/admin/search/rebuilds", nil, RequestIDHeader, id)
	rebuild, _ := r.body["id"].(string)
	var stored string
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT metadata->>'request_id' FROM river_job WHERE kind = 'rebuild_search' AND args->>'rebuild_id' = $1",
		rebuild).Scan(&stored); err != nil || stored != id {
		t.Fatalf("the job's metadata holds request id %q (%v), want %q", stored, err, id)
	}

	deadline := time.Now().Add(30 * time.Second)
	for {
		var jobLine, accessLine map[string]any
		for _, l := range logs.lines(t) {
			switch {
			case l["msg"] == "search index rebuilt" && l["rebuild"] == rebuild:
				jobLine = l
			case l["msg"] == "request" && l["path"] == "/api/v1/admin/search/rebuilds":
				accessLine = l
			}
		}
		if jobLine != nil {
			if jobLine["request_id"] != id {
				t.Fatalf("the job logged %v, want request_id %q", jobLine, id)
			}
			if accessLine == nil || accessLine["request_id"] != id {
				t.Fatalf("the access log line %v lacks request_id %q", accessLine, id)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the rebuild job never logged that it ran; logs:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// lockedBuffer is a log destination shared by goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// lines decodes the JSON log lines written so far.
func (b *lockedBuffer) lines(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line %q: %v", l, err)
		}
		out = append(out, m)
	}
	return out
}
