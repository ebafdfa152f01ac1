package faulttest

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"passerelle/internal/pgcluster"
	"passerelle/internal/testshared"
)

const (
	vgwAccessKey = "passerelle-fault"
	vgwSecretKey = "passerelle-fault-secret"
)

// versitygw is a real S3 gateway (posix backend) the test stops and starts
// again on the same port and directory.
type versitygw struct {
	t    *testing.T
	bin  string
	dir  string
	addr string
	cmd  *exec.Cmd
	out  bytes.Buffer
	done chan struct{}
}

// startVersitygw runs versitygw; without its binary the test is skipped,
// or fails when PASSERELLE_TEST_REQUIRE_TOOLS=1 (CI).
func startVersitygw(t *testing.T) *versitygw {
	t.Helper()
	bin, err := testshared.Tool("PASSERELLE_VERSITYGW", "versitygw", "make tools")
	if err != nil {
		if os.Getenv("PASSERELLE_TEST_REQUIRE_TOOLS") == "1" {
			t.Fatalf("versitygw is required (PASSERELLE_TEST_REQUIRE_TOOLS=1): %v", err)
		}
		t.Skipf("versitygw not found, skipping: %v", err)
	}
	port, err := pgcluster.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	g := &versitygw{t: t, bin: bin, dir: t.TempDir(), addr: "127.0.0.1:" + strconv.Itoa(port)}
	g.start()
	t.Cleanup(func() {
		g.stop()
		if t.Failed() {
			t.Logf("versitygw output:\n%s", g.out.String())
		}
	})
	return g
}

// endpoint is the gateway's S3 URL.
func (g *versitygw) endpoint() string { return "http://" + g.addr }

// start runs the gateway and waits until it answers (bounded).
func (g *versitygw) start() {
	g.t.Helper()
	cmd := exec.Command(g.bin, "--access", vgwAccessKey, "--secret", vgwSecretKey, "--port", g.addr, "--quiet", "posix", g.dir)
	cmd.Stdout, cmd.Stderr = &g.out, &g.out
	setParentDeathSignal(cmd)
	if err := cmd.Start(); err != nil {
		g.t.Fatal(err)
	}
	g.cmd, g.done = cmd, make(chan struct{})
	go func() { _ = cmd.Wait(); close(g.done) }()
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(20 * time.Second)
	for {
		select {
		case <-g.done:
			g.t.Fatalf("versitygw exited:\n%s", g.out.String())
		default:
		}
		// Any HTTP answer (403 without credentials) means it is serving.
		if resp, err := client.Get(g.endpoint()); err == nil {
			resp.Body.Close()
			return
		}
		if time.Now().After(deadline) {
			g.stop()
			g.t.Fatal(fmt.Errorf("versitygw did not answer on %s within 20 s\n%s", g.addr, g.out.String()))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop kills the gateway and waits for its end: its port refuses
// connections afterwards.
func (g *versitygw) stop() {
	if g.cmd == nil {
		return
	}
	_ = g.cmd.Process.Kill()
	<-g.done
	g.cmd = nil
}
