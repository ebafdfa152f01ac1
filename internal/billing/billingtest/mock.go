package billingtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"passerelle/internal/billing"
	"passerelle/internal/testshared"
)

// Test credentials: stripe-mock accepts any key that looks like a test-mode
// secret key; the webhook secret is ours, for SignedPayload.
const (
	SecretKey     = "sk_test_passerelle"
	WebhookSecret = "whsec_passerelle_test"
)

// StartMock starts stripe-mock for this test on free loopback ports, waits
// until it answers, stops it at cleanup and returns its HTTP base URL (for
// billing.Config.APIURL). It skips the test when stripe-mock is not installed
// (fails instead when PASSERELLE_TEST_REQUIRE_TOOLS=1).
func StartMock(tb testing.TB) string {
	tb.Helper()
	bin, err := binary()
	switch {
	case errors.Is(err, errNoBinary) && os.Getenv("PASSERELLE_TEST_REQUIRE_TOOLS") != "1":
		tb.Skipf("billingtest: %v", err)
	case err != nil:
		tb.Fatalf("billingtest: %v", err)
	}
	var lastErr error
	// A port picked as free may be taken before stripe-mock binds it: retry.
	for range 3 {
		p, err := startMock(bin, 15*time.Second)
		if err == nil {
			tb.Cleanup(p.stop)
			return p.url
		}
		lastErr = err
	}
	tb.Fatalf("billingtest: stripe-mock did not start: %v", lastErr)
	return ""
}

// Config returns a billing configuration that talks to the stripe-mock at
// apiURL with the test credentials.
func Config(apiURL string) billing.Config {
	return billing.Config{SecretKey: SecretKey, WebhookSecret: WebhookSecret, APIURL: apiURL}
}

// NewClient starts stripe-mock for this test and returns a client of it.
func NewClient(tb testing.TB) *billing.Client {
	tb.Helper()
	c, err := billing.New(Config(StartMock(tb)))
	if err != nil {
		tb.Fatalf("billingtest: %v", err)
	}
	return c
}

// mockProcess is a running stripe-mock.
type mockProcess struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed when cmd.Wait returns
	log    *testshared.ProcessLog
	url    string
}

func startMock(bin string, timeout time.Duration) (*mockProcess, error) {
	httpAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	// stripe-mock always serves HTTPS too: give it a port of its own, on
	// loopback, rather than its fixed default.
	httpsAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	// Its log's end explains a failed start.
	log, err := testshared.NewProcessLog("stripe-mock-log-")
	if err != nil {
		return nil, err
	}
	// Never -strict-version-check: stripe-mock's spec is newer than the API
	// version stripe-go v76 pins, and every call would fail.
	cmd := exec.Command(bin, "-http-addr", httpAddr, "-https-addr", httpsAddr)
	cmd.Stdout, cmd.Stderr = log.File(), log.File()
	setParentDeathSignal(cmd)
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	p := &mockProcess{cmd: cmd, exited: make(chan struct{}), log: log, url: "http://" + httpAddr}
	go func() {
		_ = cmd.Wait()
		close(p.exited)
	}()
	if err := p.waitReady(timeout); err != nil {
		p.stop()
		return nil, err
	}
	return p, nil
}

// waitReady polls until stripe-mock answers HTTP (any status: without a key
// it answers 401), naming itself: another server on a port taken meanwhile
// does not count.
func (p *mockProcess) waitReady(timeout time.Duration) error {
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(timeout)
	for {
		select {
		case <-p.exited:
			return fmt.Errorf("stripe-mock exited: %s", p.log)
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url+"/v1/balance", nil)
		if err != nil {
			cancel()
			return err
		}
		resp, err := client.Do(req)
		cancel()
		if err == nil {
			resp.Body.Close()
			if resp.Header.Get("Stripe-Mock-Version") != "" {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("stripe-mock not ready after %s: %s", timeout, p.log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop ends stripe-mock (SIGTERM, then SIGKILL after five seconds).
func (p *mockProcess) stop() {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
	p.log.Close()
}

// freeAddr asks the kernel for a free loopback port.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(l.Addr().(*net.TCPAddr).Port)), nil
}
