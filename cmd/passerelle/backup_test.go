package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/store/storetest"
)

// TestBackupThenRestoreIntoANewInstallation drives the commands as an
// operator would: seed, `backup --out FILE.tar`, then `restore --from` it
// into a new empty database and a new data directory (so an empty embedded
// bucket and no search index), which rebuilds the index; a second restore
// is refused without --force and accepted with it.
func TestBackupThenRestoreIntoANewInstallation(t *testing.T) {
	db := storetest.New(t)
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL, "PASSERELLE_DATA_DIR=" + t.TempDir(), "PASSERELLE_LOG_LEVEL=warn"}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"seed"}, env, &stdout, &stderr); code != 0 {
		t.Fatalf("seed: exit %d: %s", code, stderr.String())
	}
	archive := filepath.Join(t.TempDir(), "passerelle.tar")
	stdout.Reset()
	if code := run(context.Background(), []string{"backup", "--out", archive}, env, &stdout, &stderr); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr.String())
	}
	objects := regexp.MustCompile(`, (\d+) objects of`).FindStringSubmatch(stdout.String())
	if objects == nil || objects[1] == "0" {
		t.Fatalf("backup said %q: want the seed's evidence documents", stdout.String())
	}

	fresh := []string{"PASSERELLE_DATABASE_URL=" + newEmptyDatabase(t), "PASSERELLE_DATA_DIR=" + t.TempDir(), "PASSERELLE_LOG_LEVEL=warn"}
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), []string{"restore", "--from", archive}, fresh, &stdout, &stderr); code != 0 {
		t.Fatalf("restore: exit %d: %s\n%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), objects[1]+" objects put back") {
		t.Errorf("restore said %q: want %s objects put back", stdout.String(), objects[1])
	}
	indexed := regexp.MustCompile(`search index rebuilt: (\d+) listings`).FindStringSubmatch(stdout.String())
	if indexed == nil {
		t.Fatalf("restore did not rebuild the search index: %s", stdout.String())
	}
	if n, _ := strconv.Atoi(indexed[1]); n == 0 {
		t.Errorf("the rebuilt index holds no listing: %s", stdout.String())
	}

	stderr.Reset()
	if code := run(context.Background(), []string{"restore", "--from", archive}, fresh, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "is not empty") {
		t.Fatalf("a second restore without --force: exit %d: %s", code, stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"restore", "--from", archive, "--force", "--no-reindex"}, fresh, &stdout, &stderr); code != 0 {
		t.Fatalf("restore --force: exit %d: %s", code, stderr.String())
	}
	for _, args := range [][]string{{"backup"}, {"restore"}, {"backup", "--out", "x", "y"}} {
		if code := run(context.Background(), args, fresh, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)", args, code)
		}
	}
}

// newEmptyDatabase creates a database as `createdb` would.
func newEmptyDatabase(t *testing.T) string {
	t.Helper()
	admin := storetest.AdminURL(t)
	ctx := context.Background()
	name := fmt.Sprintf("restore_%d", time.Now().UnixNano())
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(context.Background(), admin); err == nil {
			_, _ = c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			_ = c.Close(context.Background())
		}
	})
	cfg, err := pgx.ParseConfig(admin)
	if err != nil {
		t.Fatal(err)
	}
	u := &url.URL{Scheme: "postgres", User: url.User(cfg.User), Host: fmt.Sprintf("%s:%d", cfg.Host, cfg.Port), Path: "/" + name, RawQuery: "sslmode=disable"}
	if cfg.Password != "" {
		u.User = url.UserPassword(cfg.User, cfg.Password)
	}
	return u.String()
}
