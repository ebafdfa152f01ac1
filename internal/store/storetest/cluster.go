package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"passerelle/internal/pgcluster"
)

// reaperEnv, when set in a test binary's environment, turns the process into
// the reaper of the cluster directory it names (see RunReaperIfAsked).
const reaperEnv = "PASSERELLE_STORETEST_REAPER"

// reapIdleAfter is how long the cluster may stay without a live user before
// the reaper stops it: long enough for `go test` to start the next package.
const reapIdleAfter = 5 * time.Second

// sharedCluster is the private server shared by the test processes of a run.
type sharedCluster struct {
	dir string // state directory: lock, users, port, reaper, and the cluster
	pg  *pgcluster.Cluster
}

// clusterDir is per checkout, so two checkouts on one machine never share.
func clusterDir() string {
	wd, _ := os.Getwd()
	sum := sha256.Sum256([]byte(moduleRoot(wd)))
	return filepath.Join(os.TempDir(), "passerelle-pgtest-"+hex.EncodeToString(sum[:6]))
}

func moduleRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// acquireCluster registers this process as a user of the shared cluster,
// starting it when nobody runs it.
func acquireCluster() (*sharedCluster, error) {
	dir := clusterDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	defer unlock()

	pg, err := pgcluster.New(filepath.Join(dir, "pg"))
	if err != nil {
		return nil, fmt.Errorf("storetest: %w (or set PASSERELLE_TEST_DATABASE_URL to a server you own)", err)
	}
	c := &sharedCluster{dir: dir, pg: pg}
	if port, err := readPort(dir); err == nil && pgcluster.PortOpen(port) {
		pg.Port = port // already running for this run: share it
	} else {
		if err := pg.Init(); err != nil {
			return nil, fmt.Errorf("storetest: %w", err)
		}
		if err := pg.Start(0); err != nil {
			return nil, fmt.Errorf("storetest: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "port"), []byte(strconv.Itoa(pg.Port)), 0o644); err != nil {
			return nil, err
		}
	}
	if !reaperAlive(dir) {
		if err := spawnReaper(dir); err != nil {
			return nil, err
		}
	}
	return c, writeUsers(dir, append(liveUsers(dir), os.Getpid()))
}

// releaseCluster unregisters this process; the reaper stops the cluster later.
func releaseCluster(c *sharedCluster) {
	unlock, err := lockDir(c.dir)
	if err != nil {
		return
	}
	defer unlock()
	var keep []int
	for _, pid := range liveUsers(c.dir) {
		if pid != os.Getpid() {
			keep = append(keep, pid)
		}
	}
	_ = writeUsers(c.dir, keep)
}

func lockDir(dir string) (func(), error) {
	f, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

func liveUsers(dir string) []int {
	b, _ := os.ReadFile(filepath.Join(dir, "users"))
	var pids []int
	for _, f := range strings.Fields(string(b)) {
		pid, err := strconv.Atoi(f)
		if err == nil && processAlive(pid) {
			pids = append(pids, pid)
		}
	}
	return pids
}

func writeUsers(dir string, pids []int) error {
	parts := make([]string, len(pids))
	for i, p := range pids {
		parts[i] = strconv.Itoa(p)
	}
	return os.WriteFile(filepath.Join(dir, "users"), []byte(strings.Join(parts, "\n")), 0o644)
}

func processAlive(pid int) bool {
	return pid > 0 && syscall.Kill(pid, 0) == nil
}

func readPort(dir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dir, "port"))
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSpace(string(b)))
}

func reaperAlive(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "reaper"))
	if err != nil {
		return false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	return err == nil && processAlive(pid)
}

// spawnReaper starts this test binary again, detached, as the cluster's
// reaper. Its output goes nowhere: `go test` waits for every holder of the
// test's stdout before it returns.
func spawnReaper(dir string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), reaperEnv+"="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("storetest: start reaper: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "reaper"), []byte(strconv.Itoa(cmd.Process.Pid)), 0o644); err != nil {
		return err
	}
	return cmd.Process.Release()
}

// RunReaperIfAsked must be called first in TestMain (storetest.Main does):
// in a process started as the reaper it never returns.
func RunReaperIfAsked() {
	dir := os.Getenv(reaperEnv)
	if dir == "" {
		return
	}
	var idleSince time.Time
	for {
		time.Sleep(500 * time.Millisecond)
		unlock, err := lockDir(dir)
		if err != nil {
			os.Exit(1)
		}
		port, perr := readPort(dir)
		if perr != nil || !pgcluster.PortOpen(port) {
			unlock()
			os.Exit(0) // nothing left to reap
		}
		switch {
		case len(liveUsers(dir)) > 0:
			idleSince = time.Time{}
		case idleSince.IsZero():
			idleSince = time.Now()
		case time.Since(idleSince) > reapIdleAfter:
			if pg, err := pgcluster.New(filepath.Join(dir, "pg")); err == nil {
				_ = pg.Stop()
			}
			_ = os.Remove(filepath.Join(dir, "port"))
			_ = os.RemoveAll(filepath.Join(dir, "pg"))
			_ = os.Remove(filepath.Join(dir, "reaper"))
			unlock()
			os.Exit(0)
		}
		unlock()
	}
}
