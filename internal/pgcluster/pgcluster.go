// Package pgcluster runs a private PostgreSQL server from the local
// binaries: for `make run` (under ./var/pg) and for the test harness (under
// the temporary directory). PostgreSQL refuses to run as root, so as root
// the server runs as an unprivileged user (postgres, else nobody).
package pgcluster

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Cluster is a PostgreSQL data directory and the server that may run on it.
type Cluster struct {
	// Dir holds data/ (the cluster) and sock/ (its socket directory and log).
	Dir string
	// Port is the TCP port on 127.0.0.1, once started.
	Port int
	// Durable keeps fsync on; tests turn it off for speed.
	Durable bool

	bin  string
	cred *syscall.Credential
}

// New prepares a cluster in dir; it finds the server binaries and the user
// to run them as, but starts nothing.
func New(dir string) (*Cluster, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	cred, err := serverUser()
	if err != nil {
		return nil, err
	}
	return &Cluster{Dir: abs, bin: bin, cred: cred}, nil
}

// BinDir finds the PostgreSQL server binaries: $PASSERELLE_PG_BINDIR, then
// pg_config --bindir, then the newest /usr/lib/postgresql/*/bin, then PATH.
func BinDir() (string, error) {
	if d := os.Getenv("PASSERELLE_PG_BINDIR"); d != "" {
		return d, nil
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		d := strings.TrimSpace(string(out))
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(matches, func(i, j int) bool { return majorOf(matches[i]) > majorOf(matches[j]) })
	if len(matches) > 0 {
		return filepath.Dir(matches[0]), nil
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("PostgreSQL server binaries (initdb, pg_ctl) not found: install them (Debian: apt-get install postgresql), or set PASSERELLE_PG_BINDIR")
}

func majorOf(initdb string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(initdb))))
	return n
}

func serverUser() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
	}
	return nil, errors.New("running as root, and no unprivileged user (postgres or nobody) to run PostgreSQL as")
}

func (c *Cluster) dataDir() string { return filepath.Join(c.Dir, "data") }
func (c *Cluster) sockDir() string { return filepath.Join(c.Dir, "sock") }

// LogFile is where the server writes its log.
func (c *Cluster) LogFile() string { return filepath.Join(c.sockDir(), "postgres.log") }

func (c *Cluster) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "TZ=UTC")
	// Its own session: a Ctrl-C meant for `make run` must not reach the
	// server before the app has finished with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Credential: c.cred}
	if c.cred != nil {
		cmd.Dir = os.TempDir()
	}
	return cmd
}

// Initialized reports whether the data directory holds a cluster.
func (c *Cluster) Initialized() bool {
	_, err := os.Stat(filepath.Join(c.dataDir(), "PG_VERSION"))
	return err == nil
}

// Init creates the cluster (superuser postgres, trust on loopback only).
func (c *Cluster) Init() error {
	for _, d := range []string{c.dataDir(), c.sockDir()} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
	}
	if err := c.makeDirs(); err != nil {
		return err
	}
	args := []string{"-D", c.dataDir(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"}
	if !c.Durable {
		args = append(args, "--no-sync")
	}
	if out, err := c.command("initdb", args...).CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %v\n%s", err, out)
	}
	return nil
}

func (c *Cluster) makeDirs() error {
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return err
	}
	for _, d := range []string{c.dataDir(), c.sockDir()} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return err
		}
		if c.cred != nil {
			if err := os.Chown(d, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
				return err
			}
		}
	}
	if c.cred != nil {
		if err := c.checkReachable(); err != nil {
			return err
		}
	}
	return nil
}

// checkReachable fails clearly when the server user cannot reach the
// directory (a checkout under /root, say).
func (c *Cluster) checkReachable() error {
	for d := c.Dir; d != "/"; d = filepath.Dir(d) {
		info, err := os.Stat(d)
		if err != nil {
			return err
		}
		if d == c.Dir {
			_ = os.Chmod(d, info.Mode().Perm()|0o055)
			continue
		}
		if info.Mode().Perm()&0o001 == 0 {
			return fmt.Errorf("PostgreSQL runs as an unprivileged user, who cannot enter %s: choose a directory others can traverse, or set PASSERELLE_DATABASE_URL", d)
		}
	}
	return nil
}

// Start starts the server on 127.0.0.1:port (0 picks a free port) and waits
// until it accepts connections.
func (c *Cluster) Start(port int) error {
	if err := c.makeDirs(); err != nil {
		return err
	}
	if port == 0 {
		p, err := FreePort()
		if err != nil {
			return err
		}
		port = p
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=300", port, c.sockDir())
	if !c.Durable {
		opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	}
	// A server left behind by a killed run may still hold the directory.
	_ = c.command("pg_ctl", "-D", c.dataDir(), "-m", "immediate", "-w", "stop").Run()
	cmd := c.command("pg_ctl", "-D", c.dataDir(), "-w", "-t", "60", "-l", c.LogFile(), "-o", opts, "start")
	if out, err := cmd.CombinedOutput(); err != nil {
		logText, _ := os.ReadFile(c.LogFile())
		return fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, tail(logText, 2000))
	}
	c.Port = port
	return nil
}

// Stop stops the server, letting sessions end cleanly ("fast" mode).
func (c *Cluster) Stop() error {
	if out, err := c.command("pg_ctl", "-D", c.dataDir(), "-m", "fast", "-w", "-t", "30", "stop").CombinedOutput(); err != nil {
		return fmt.Errorf("pg_ctl stop: %v\n%s", err, out)
	}
	return nil
}

// URL returns a connection URL for database db.
func (c *Cluster) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.Port, db)
}

// FreePort returns a TCP port free on loopback right now.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// PortOpen reports whether something accepts connections on 127.0.0.1:port.
func PortOpen(port int) bool {
	conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// EnsureDatabase creates database name unless it exists.
func (c *Cluster) EnsureDatabase(name string) error {
	cmd := exec.Command(filepath.Join(c.bin, "psql"), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
		"-h", "127.0.0.1", "-p", strconv.Itoa(c.Port), "-U", "postgres", "-d", "postgres",
		"-c", "SELECT 1 FROM pg_database WHERE datname = '"+strings.ReplaceAll(name, "'", "''")+"'")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("psql: %v\n%s", err, out)
	}
	if strings.TrimSpace(string(out)) == "1" {
		return nil
	}
	if out, err := exec.Command(filepath.Join(c.bin, "createdb"), "-h", "127.0.0.1", "-p", strconv.Itoa(c.Port), "-U", "postgres", name).CombinedOutput(); err != nil {
		return fmt.Errorf("createdb %s: %v\n%s", name, err, out)
	}
	return nil
}

// Restart restarts the server on the same port and options ("fast" mode:
// sessions are ended), waiting until it accepts connections again. Fault
// tests use it; only a cluster of one's own may be restarted.
func (c *Cluster) Restart() error {
	// -l as in Start: a server writing to pg_ctl's output would keep the
	// pipe open, and CombinedOutput waiting for ever.
	if out, err := c.command("pg_ctl", "-D", c.dataDir(), "-m", "fast", "-w", "-t", "60", "-l", c.LogFile(), "restart").CombinedOutput(); err != nil {
		logText, _ := os.ReadFile(c.LogFile())
		return fmt.Errorf("pg_ctl restart: %v\n%s\n%s", err, out, tail(logText, 2000))
	}
	return nil
}

// Pause freezes the server and every process of it (SIGSTOP to the
// postmaster and its children): the kernel still accepts connections, but
// nothing answers, as with a server stuck or a host cut off. Resume undoes
// it. Fault tests use them.
func (c *Cluster) Pause() error { return c.signalAll(syscall.SIGSTOP) }

// Resume lets a paused server run again.
func (c *Cluster) Resume() error { return c.signalAll(syscall.SIGCONT) }

// signalAll signals the postmaster, then each of its children (every
// backend leads a process group of its own: the group cannot be signalled).
func (c *Cluster) signalAll(sig syscall.Signal) error {
	b, err := os.ReadFile(filepath.Join(c.dataDir(), "postmaster.pid"))
	if err != nil {
		return err
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		return fmt.Errorf("postmaster.pid: %w", err)
	}
	if err := syscall.Kill(pid, sig); err != nil {
		return err
	}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue // ended meanwhile
		}
		// pid (comm) state ppid …: comm may hold spaces, so read after ')'.
		i := strings.LastIndexByte(string(b), ')')
		fields := strings.Fields(string(b[i+1:]))
		if len(fields) < 2 || fields[1] != strconv.Itoa(pid) {
			continue
		}
		child, _ := strconv.Atoi(filepath.Base(filepath.Dir(path)))
		_ = syscall.Kill(child, sig) // a child may end meanwhile
	}
	return nil
}
