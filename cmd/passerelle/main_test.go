package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"passerelle/internal/store/storetest"
	"passerelle/migrations"
)

func TestMain(m *testing.M) { storetest.Main(m) }

func TestBadConfigurationIsOneMessageAndStatus2(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"serve"}, []string{
		"PASSERELLE_HTTP_ADDR=nonsense",
		"PASSERELLE_DATABASE_URL=postgres://user:pw@[malformed",
	}, &stdout, &stderr)
	if code != 2 {
		t.Fatalf("exit %d, want 2; stderr:\n%s", code, stderr.String())
	}
	msg := stderr.String()
	if strings.Count(msg, "passerelle:") != 1 || !strings.Contains(msg, "PASSERELLE_HTTP_ADDR:") || !strings.Contains(msg, "PASSERELLE_DATABASE_URL:") {
		t.Fatalf("want one message naming both variables, got:\n%s", msg)
	}
	if strings.Contains(msg, "pw@") {
		t.Fatalf("the password leaked:\n%s", msg)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"migrate"}, {"migrate", "sideways"}} {
		var stdout, stderr bytes.Buffer
		env := []string{"PASSERELLE_DATABASE_URL=postgres://localhost/x"}
		if code := run(context.Background(), args, env, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "Usage:") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr.String())
		}
	}
}

func TestVersion(t *testing.T) {
	var stdout bytes.Buffer
	if code := run(context.Background(), []string{"version"}, nil, &stdout, io.Discard); code != 0 || !strings.HasPrefix(stdout.String(), "passerelle ") {
		t.Fatalf("exit %d, %q", code, stdout.String())
	}
}

func TestMigrateUpStatusDown(t *testing.T) {
	db := storetest.New(t)
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL}
	runOK := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, env, &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
		}
		return stdout.String()
	}
	// The test database is a migrated clone: up is a no-op, status shows it applied.
	runOK("migrate", "up")
	if out := runOK("migrate", "status"); !strings.Contains(out, "00001_foundation.sql") || !strings.Contains(out, "applied") {
		t.Fatalf("status:\n%s", out)
	}
	// Down rolls back the latest migration only.
	files, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil || len(files) < 2 {
		t.Fatalf("migrations: %v %v", files, err)
	}
	latest := files[len(files)-1]
	if out := runOK("migrate", "down"); !strings.Contains(out, "migrated down "+latest) {
		t.Fatalf("down (want %s):\n%s", latest, out)
	}
	if out := runOK("migrate", "status"); !strings.Contains(out, "pending") {
		t.Fatalf("status after down:\n%s", out)
	}
	var orgs bool
	if err := db.Pool.QueryRow(context.Background(), "SELECT to_regclass('organisations') IS NOT NULL").Scan(&orgs); err != nil || !orgs {
		t.Fatalf("after one down the first tables must remain: %v %v", orgs, err)
	}
	if out := runOK("migrate", "up"); !strings.Contains(out, "migrated up "+latest) {
		t.Fatalf("up again:\n%s", out)
	}
}

// TestShutdownLetsInFlightRequestFinish runs the real binary, holds a
// /readyz request in flight (its object-storage check waits on a slow S3
// endpoint), sends SIGTERM, and expects the request to complete and the
// process to exit 0.
func TestShutdownLetsInFlightRequestFinish(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	db := storetest.New(t)
	exe := filepath.Join(t.TempDir(), "passerelle")
	if out, err := exec.Command("go", "build", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}

	var slow atomic.Bool
	entered := make(chan struct{}, 1)
	s3 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if slow.Load() && r.Method == http.MethodHead {
			entered <- struct{}{}
			time.Sleep(1500 * time.Millisecond)
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer s3.Close()

	addr := freeAddr(t)
	cmd := exec.Command(exe, "serve")
	cmd.Env = append(os.Environ(),
		"PASSERELLE_DATABASE_URL="+db.URL,
		"PASSERELLE_HTTP_ADDR="+addr,
		"PASSERELLE_DATA_DIR="+t.TempDir(),
		"PASSERELLE_S3_ENDPOINT="+s3.URL,
		"PASSERELLE_S3_ACCESS_KEY=k",
		"PASSERELLE_S3_SECRET_KEY=s",
		"PASSERELLE_SHUTDOWN_TIMEOUT=10s",
		"PASSERELLE_LOG_FORMAT=json",
	)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	logs := make(chan string, 1)
	go func() {
		var b strings.Builder
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			b.WriteString(sc.Text() + "\n")
		}
		logs <- b.String()
	}()
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	waitHealthy(t, "http://"+addr+"/healthz")
	if code := healthcheck(context.Background(), []string{"PASSERELLE_HTTP_ADDR=" + addr}, io.Discard); code != 0 {
		t.Fatalf("healthcheck of a running server: exit %d", code)
	}
	slow.Store(true)
	type result struct {
		status int
		err    error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			done <- result{err: err}
			return
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		done <- result{status: resp.StatusCode}
	}()
	select {
	case <-entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the readiness request never reached the S3 check")
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	res := <-done
	if res.err != nil || res.status != http.StatusOK {
		t.Fatalf("in-flight request: status %d, err %v", res.status, res.err)
	}
	// The log reader sees EOF when the process exits; only then may Wait
	// run, since Wait closes the pipe and could cut the last lines.
	select {
	case out := <-logs:
		if err := cmd.Wait(); err != nil {
			t.Fatalf("exit: %v\n%s", err, out)
		}
		if !strings.Contains(out, "shutting down") || !strings.Contains(out, `"msg":"stopped"`) {
			t.Fatalf("shutdown not logged:\n%s", out)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the process did not exit after SIGTERM")
	}
	if code := healthcheck(context.Background(), []string{"PASSERELLE_HTTP_ADDR=" + addr}, io.Discard); code == 0 {
		t.Fatal("healthcheck must fail once the server is gone")
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitHealthy(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s never answered", url)
}

func TestAdminCreatePrintsSetPasswordLink(t *testing.T) {
	db := storetest.New(t)
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL, "PASSERELLE_PUBLIC_URL=https://passerelle.example"}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"admin", "create", "--email", "chef@cluster.example", "--language", "fr"}, env, &stdout, &stderr)
	if code != 0 || !strings.Contains(stdout.String(), "https://passerelle.example/reset-password#token=") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
	}
	var role string
	if err := db.Pool.QueryRow(context.Background(), "SELECT platform_role FROM users WHERE email = 'chef@cluster.example'").Scan(&role); err != nil || role != "admin" {
		t.Fatalf("role %q, %v", role, err)
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"admin", "create"}, env, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "--email") {
		t.Fatalf("missing email: exit %d %s", code, stderr.String())
	}
}

func TestSeedOnceAndLogInAsDemoUser(t *testing.T) {
	db := storetest.New(t)
	// The evidence documents go to the embedded object storage under the
	// data directory.
	dataDir := t.TempDir()
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL, "PASSERELLE_DATA_DIR=" + dataDir}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"seed", "--if-empty"}, env, &stdout, &stderr); code != 0 {
		t.Fatalf("seed: exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"moderation@demo.passerelle.example", "admin@demo.passerelle.example", "wfbm.saar@demo.passerelle.example", "Passerelle-Demo-2026",
		"tenders published", "reserved lots"} {
		if !strings.Contains(out, want) {
			t.Errorf("seed output lacks %s:\n%s", want, out)
		}
	}
	var orgs, countries, moderators int
	if err := db.Pool.QueryRow(context.Background(), `SELECT count(*), count(DISTINCT country),
		(SELECT count(*) FROM users WHERE platform_role = 'moderator') FROM organisations`).Scan(&orgs, &countries, &moderators); err != nil {
		t.Fatal(err)
	}
	if orgs < 10 || countries != 4 || moderators != 1 {
		t.Fatalf("seeded %d organisations in %d countries with %d moderators", orgs, countries, moderators)
	}
	var evidence int
	if err := db.Pool.QueryRow(context.Background(), "SELECT count(*) FROM sse_status_evidence").Scan(&evidence); err != nil || evidence < 8 {
		t.Fatalf("evidence documents: %d %v", evidence, err)
	}
	objects, _ := filepath.Glob(filepath.Join(dataDir, "s3", "*", "*", "orgs", "*", "documents", "*"))
	if len(objects) < evidence {
		t.Errorf("%d evidence objects stored under the data directory, want %d", len(objects), evidence)
	}
	stdout.Reset()
	if code := run(context.Background(), []string{"seed", "--if-empty"}, env, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "already has accounts") {
		t.Fatalf("second seed: exit %d %s", code, stdout.String())
	}
}
