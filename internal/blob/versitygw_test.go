package blob_test

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"passerelle/internal/blob"
	"passerelle/internal/blob/blobtest"
)

const (
	vgwAccessKey = "passerelle-test"
	vgwSecretKey = "passerelle-test-secret"
)

func TestVersitygwConformance(t *testing.T) {
	blobtest.Run(t, storeFactory(startVersitygw(t), vgwAccessKey, vgwSecretKey))
}

// TestVersitygwLongestKey checks a 1024-byte key (made of segments a file
// system accepts), beyond what the embedded server stores.
func TestVersitygwLongestKey(t *testing.T) {
	s := newStore(t, startVersitygw(t), vgwAccessKey, vgwSecretKey)
	key := strings.Repeat(strings.Repeat("k", 254)+"/", 4) + "last"
	if len(key) != blob.MaxKeyLength {
		t.Fatalf("test key has %d bytes, want %d", len(key), blob.MaxKeyLength)
	}
	if _, err := s.Put(t.Context(), key, strings.NewReader("deep"), blob.PutOptions{Size: 4}); err != nil {
		t.Fatalf("Put: %v", err)
	}
	objs, err := s.List(t.Context(), key[:300])
	if err != nil || len(objs) != 1 || objs[0].Key != key || objs[0].Size != 4 {
		t.Errorf("List = %+v, %v; want the one object", objs, err)
	}
}

// TestVersitygwWrongCredentials checks that a real S3 server refuses a bad
// secret, so the suite's passing does not rest on an open server.
func TestVersitygwWrongCredentials(t *testing.T) {
	endpoint := startVersitygw(t)
	s, err := blob.New(t.Context(), blob.Config{
		Endpoint: endpoint, Bucket: "no-entry", AccessKey: vgwAccessKey, SecretKey: "wrong",
		UsePathStyle: true,
	})
	if err != nil {
		t.Fatalf("blob.New: %v", err)
	}
	if err := s.Ping(t.Context()); err == nil {
		t.Error("Ping with a wrong secret succeeded")
	}
}

// startVersitygw runs versitygw with its posix backend on a temporary
// directory and returns its endpoint; it is killed when the test ends.
// Without the binary the test is skipped, or fails when
// PASSERELLE_TEST_REQUIRE_TOOLS=1 (CI, where a skip would hide a gap).
func startVersitygw(t *testing.T) string {
	t.Helper()
	bin, err := findVersitygw()
	if err != nil {
		if os.Getenv("PASSERELLE_TEST_REQUIRE_TOOLS") == "1" {
			t.Fatalf("versitygw is required (PASSERELLE_TEST_REQUIRE_TOOLS=1): %v", err)
		}
		t.Skipf("versitygw not found, skipping (set PASSERELLE_VERSITYGW or install it in bin/): %v", err)
	}
	// The port is free when checked; another process could take it before
	// versitygw binds, hence a few attempts.
	var lastErr error
	for range 3 {
		endpoint, err := runVersitygw(t, bin)
		if err == nil {
			return endpoint
		}
		lastErr = err
	}
	t.Fatalf("start versitygw: %v", lastErr)
	return ""
}

// runVersitygw starts one versitygw process and waits until it answers.
func runVersitygw(t *testing.T, bin string) (string, error) {
	port, err := freePort()
	if err != nil {
		return "", err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	var out bytes.Buffer
	cmd := exec.Command(bin, "--access", vgwAccessKey, "--secret", vgwSecretKey,
		"--port", addr, "--quiet", "posix", t.TempDir())
	cmd.Stdout, cmd.Stderr = &out, &out
	setParentDeathSignal(cmd)
	if err := cmd.Start(); err != nil {
		return "", err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		_ = cmd.Process.Kill()
		<-exited
	}

	endpoint := "http://" + addr
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(20 * time.Second)
	for {
		select {
		case err := <-exited:
			return "", fmt.Errorf("versitygw exited: %v\n%s", err, out.String())
		default:
		}
		// Any HTTP answer (403 without credentials) means it is serving.
		if resp, err := client.Get(endpoint); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			stop()
			return "", fmt.Errorf("versitygw did not answer on %s within 20 s\n%s", addr, out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Cleanup(func() {
		stop()
		if t.Failed() {
			t.Logf("versitygw output:\n%s", out.String())
		}
	})
	return endpoint, nil
}

// findVersitygw looks in $PASSERELLE_VERSITYGW, then <module root>/bin,
// then PATH.
func findVersitygw() (string, error) {
	if p := os.Getenv("PASSERELLE_VERSITYGW"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("PASSERELLE_VERSITYGW: %w", err)
		}
		return p, nil
	}
	if root, err := moduleRoot(); err == nil {
		p := filepath.Join(root, "bin", "versitygw")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return exec.LookPath("versitygw")
}

// moduleRoot walks up from the working directory to the one with go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
