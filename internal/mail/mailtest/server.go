package mailtest

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"
)

// Server is a running Mailpit.
type Server struct {
	// SMTPURL is the SMTP endpoint as a mail.Config URL: smtp://127.0.0.1:port.
	// Any user name and password are accepted, and none is required.
	SMTPURL string
	// APIURL is the base of the HTTP API and web UI: http://127.0.0.1:port.
	APIURL string
	// STARTTLSURL (smtp+starttls://127.0.0.1:port) and SMTPSURL
	// (smtps://127.0.0.1:port) reach the same Mailpit through an in-process
	// TLS relay; SMTPURL itself never offers STARTTLS, so that clients that
	// upgrade whenever they can keep working without the test certificate.
	STARTTLSURL string
	SMTPSURL    string
	// RootCAs trusts the relay's certificate, made for 127.0.0.1 at start.
	RootCAs *x509.CertPool

	http *http.Client
}

// shared is the process's one Mailpit. Package state is the point here, the
// one exception to "no globals": every test in the binary must find the
// same server, and Stop must find it at exit.
var shared struct {
	once sync.Once
	mu   sync.Mutex
	srv  *Server
	proc *process
	err  error
}

// Start returns the process's Mailpit, starting it on first use. It skips
// the test when Mailpit is not installed (fails instead when
// PASSERELLE_TEST_REQUIRE_TOOLS=1) and fails it when Mailpit cannot start.
func Start(tb testing.TB) *Server {
	tb.Helper()
	shared.once.Do(func() {
		proc, srv, err := launch()
		shared.mu.Lock()
		shared.proc, shared.srv, shared.err = proc, srv, err
		shared.mu.Unlock()
	})
	shared.mu.Lock()
	srv, err := shared.srv, shared.err
	shared.mu.Unlock()
	switch {
	case errors.Is(err, errNoBinary) && os.Getenv("PASSERELLE_TEST_REQUIRE_TOOLS") != "1":
		tb.Skipf("mailtest: %v", err)
	case err != nil:
		tb.Fatalf("mailtest: %v", err)
	}
	return srv
}

// Stop ends the process's Mailpit if it runs; later calls to Start fail.
// Call it from TestMain after m.Run.
func Stop() {
	shared.once.Do(func() {}) // a Start after Stop must not launch a new server
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.proc != nil {
		shared.proc.stop()
		shared.proc = nil
	}
	shared.srv = nil
	shared.err = errors.New("mailtest: Stop was called; the server is gone")
}

// Main runs the tests, stops Mailpit and exits: TestMain can be just
// mailtest.Main(m).
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// launch starts Mailpit, retrying when a port picked as free was taken
// before Mailpit could bind it.
func launch() (*process, *Server, error) {
	bin, err := binary()
	if err != nil {
		return nil, nil, err
	}
	var lastErr error
	for range 3 {
		proc, srv, err := startProcess(bin, 15*time.Second)
		if err == nil {
			return proc, srv, nil
		}
		lastErr = err
	}
	return nil, nil, fmt.Errorf("mailpit did not start: %w", lastErr)
}
