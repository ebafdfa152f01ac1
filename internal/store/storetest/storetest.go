// Package storetest gives tests a real PostgreSQL database of their own.
//
// When PASSERELLE_TEST_DATABASE_URL is unset, the first test process of a run
// starts ONE private cluster (initdb into a temporary directory, its own
// socket directory, fsync off, as an unprivileged user when running as root)
// and every test process of the run shares it: processes register their PID
// in a file under an flock, and a detached reaper stops the cluster and
// removes its directory once no registered process has been alive for a few
// seconds. Migrations are applied once to a template database; each test
// gets a database cloned from it (CREATE DATABASE … TEMPLATE … STRATEGY
// FILE_COPY, ~15 ms), dropped when the test ends.
package storetest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"passerelle/internal/store"
	"passerelle/migrations"
)

// server is the PostgreSQL server of this test process: set by Main.
var server struct {
	sync.Mutex
	mainCalled bool
	adminURL   string
	template   string
	cluster    *sharedCluster
	err        error
	started    bool
}

// Main runs a package's tests with the shared database server; use it as
//
//	func TestMain(m *testing.M) { storetest.Main(m) }
//
// The server is started lazily, by the first test that asks for a database.
//
// after, if any, run once the tests are done (to stop other test servers).
func Main(m *testing.M, after ...func()) {
	RunReaperIfAsked()
	server.mainCalled = true
	code := m.Run()
	for _, f := range after {
		f()
	}
	if server.cluster != nil {
		releaseCluster(server.cluster)
	}
	os.Exit(code)
}

// AdminURL returns the URL of the maintenance database of the test server,
// starting the server when needed.
func AdminURL(tb testing.TB) string {
	tb.Helper()
	server.Lock()
	defer server.Unlock()
	if !server.mainCalled {
		tb.Fatal("storetest: the package needs func TestMain(m *testing.M) { storetest.Main(m) }")
	}
	if !server.started {
		server.started = true
		server.err = startServer()
	}
	if server.err != nil {
		tb.Fatal(server.err)
	}
	return server.adminURL
}

func startServer() error {
	if url := os.Getenv("PASSERELLE_TEST_DATABASE_URL"); url != "" {
		server.adminURL = url
	} else {
		c, err := acquireCluster()
		if err != nil {
			return err
		}
		server.cluster = c
		server.adminURL = c.pg.URL("postgres")
	}
	tpl, err := ensureTemplate(context.Background(), server.adminURL)
	if err != nil {
		return err
	}
	server.template = tpl
	return nil
}

// templateName is derived from the migrations, so a changed schema gets a
// fresh template and never a stale one.
func templateName() (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "river=%d\n", store.RiverSchemaVersion)
	err := fs.WalkDir(migrations.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrations.FS, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\n%s\n", path, b)
		return nil
	})
	if err != nil {
		return "", err
	}
	return "passerelle_tpl_" + hex.EncodeToString(h.Sum(nil)[:8]), nil
}

// ensureTemplate creates and migrates the template database once per server;
// an advisory lock serializes test processes that race to do it.
func ensureTemplate(ctx context.Context, adminURL string) (string, error) {
	name, err := templateName()
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", fmt.Errorf("storetest: connect to the test server: %w", err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock(74657374)"); err != nil {
		return "", err
	}
	defer conn.Exec(context.Background(), "SELECT pg_advisory_unlock(74657374)") //nolint:errcheck // released with the connection anyway

	var ready bool
	err = conn.QueryRow(ctx, "SELECT NOT datallowconn FROM pg_database WHERE datname = $1", name).Scan(&ready)
	if err == nil && ready {
		return name, nil
	}
	// Absent, or left half-made by a killed run: (re)build it.
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	if err := migrate(ctx, replaceDB(adminURL, name)); err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{name}.Sanitize()+" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false"); err != nil {
		return "", err
	}
	return name, nil
}

func migrate(ctx context.Context, url string) error {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return err
	}
	defer pool.Close()
	if err := store.New(pool).MigrateUp(ctx, io.Discard); err != nil {
		return fmt.Errorf("storetest: migrate template: %w", err)
	}
	return nil
}

// replaceDB returns url pointing at another database.
func replaceDB(url, db string) string {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return url
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s?sslmode=disable", cfg.User, cfg.Host, cfg.Port, db) + passwordParam(cfg.Password)
}

func passwordParam(pw string) string {
	if pw == "" {
		return ""
	}
	return "&password=" + pw
}

// DB is a test's own database, migrated and empty.
type DB struct {
	// Name is the database's name.
	Name string
	// URL connects to it.
	URL string
	// Pool is open on it and closed when the test ends.
	Pool *pgxpool.Pool
	// Store wraps Pool.
	Store *store.Store
}

// New gives the test a database of its own, cloned from the migrated
// template and dropped when the test ends.
func New(tb testing.TB) *DB {
	tb.Helper()
	admin := AdminURL(tb)
	ctx := context.Background()
	name := "t_" + randomHex(8)
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		tb.Fatalf("storetest: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s STRATEGY FILE_COPY",
		pgx.Identifier{name}.Sanitize(), pgx.Identifier{server.template}.Sanitize())); err != nil {
		tb.Fatalf("storetest: create database: %v", err)
	}
	url := replaceDB(admin, name)
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		tb.Fatalf("storetest: %v", err)
	}
	db := &DB{Name: name, URL: url, Pool: pool, Store: store.New(pool)}
	tb.Cleanup(func() {
		pool.Close()
		c, err := pgx.Connect(context.Background(), admin)
		if err != nil {
			tb.Logf("storetest: drop %s: %v", name, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			tb.Logf("storetest: drop %s: %v", name, err)
		}
	})
	return db
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
