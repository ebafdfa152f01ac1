package mailtest

import (
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Own is a Mailpit of one test's own, which the test may stop and restart
// to play an SMTP outage without disturbing the tests that share the
// process's server. It keeps its messages in a database of its own, so a
// restart loses none, and comes back on the same ports: clients configured
// with its SMTPURL reach it again without any change.
type Own struct {
	*Server
	bin                string
	smtpAddr, httpAddr string
	database           string

	mu   sync.Mutex
	proc *process // nil while stopped
}

// StartOwn starts a Mailpit for tb alone, stopped when tb ends. Like Start,
// it skips tb when Mailpit is not installed (unless
// PASSERELLE_TEST_REQUIRE_TOOLS=1). It offers plain SMTP only.
func StartOwn(tb testing.TB) *Own {
	tb.Helper()
	bin, err := binary()
	switch {
	case errors.Is(err, errNoBinary) && os.Getenv("PASSERELLE_TEST_REQUIRE_TOOLS") != "1":
		tb.Skipf("mailtest: %v", err)
	case err != nil:
		tb.Fatalf("mailtest: %v", err)
	}
	dir := tb.TempDir()
	var lastErr error
	for range 3 { // a port picked as free may be taken before Mailpit binds it
		smtpPort, err1 := freePort()
		httpPort, err2 := freePort()
		if err1 != nil || err2 != nil {
			tb.Fatalf("mailtest: no free port: %v %v", err1, err2)
		}
		o := &Own{bin: bin, database: filepath.Join(dir, "mailpit.db"),
			smtpAddr: net.JoinHostPort("127.0.0.1", itoa(smtpPort)), httpAddr: net.JoinHostPort("127.0.0.1", itoa(httpPort))}
		o.Server = &Server{SMTPURL: "smtp://" + o.smtpAddr, APIURL: "http://" + o.httpAddr, http: &http.Client{Timeout: 10 * time.Second}}
		o.proc, lastErr = runMailpit(bin, o.Server, o.smtpAddr, o.httpAddr, o.database, 15*time.Second)
		if lastErr == nil {
			tb.Cleanup(o.stop)
			return o
		}
	}
	tb.Fatalf("mailtest: own mailpit did not start: %v", lastErr)
	return nil
}

// Stop ends the server: from now on its SMTP port refuses connections, as
// a mail server that is down does.
func (o *Own) Stop(tb testing.TB) {
	tb.Helper()
	o.stop()
}

func (o *Own) stop() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.proc != nil {
		o.proc.stop()
		o.proc = nil
	}
}

// Restart starts the server again on the same ports and database, and
// returns once it answers.
func (o *Own) Restart(tb testing.TB) {
	tb.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.proc != nil {
		tb.Fatalf("mailtest: Restart of a server that runs")
	}
	// The ports were ours a moment ago; another process could take one
	// meanwhile, which would fail here, loudly, rather than mislead.
	proc, err := runMailpit(o.bin, o.Server, o.smtpAddr, o.httpAddr, o.database, 15*time.Second)
	if err != nil {
		tb.Fatalf("mailtest: restart: %v", err)
	}
	o.proc = proc
}

// All returns every message the server holds, newest first.
func (o *Own) All(tb testing.TB) []Message {
	tb.Helper()
	const page = 250
	var found []summary
	for start := 0; ; start += page {
		var res struct{ Messages []summary }
		o.call(tb, http.MethodGet, "/api/v1/messages?start="+itoa(start)+"&limit="+itoa(page), nil, &res)
		found = append(found, res.Messages...)
		if len(res.Messages) < page {
			break
		}
	}
	return o.details(tb, found)
}

// Count returns how many messages the server holds.
func (o *Own) Count(tb testing.TB) int {
	tb.Helper()
	var res struct{ Total int }
	o.call(tb, http.MethodGet, "/api/v1/messages?limit=1", nil, &res)
	return res.Total
}

func itoa(n int) string { return strconv.Itoa(n) }
