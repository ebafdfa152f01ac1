package backup

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/pgcluster"
)

// pgTool finds the PostgreSQL client program name (pg_dump, pg_restore)
// for a server of the given major version, the way the rest of Passerelle
// finds the server binaries: $PASSERELLE_PG_BINDIR first, then
// /usr/lib/postgresql/MAJOR/bin (Debian keeps one directory per major
// version), then pgcluster.BinDir. pg_dump refuses a server newer than
// itself, and a dump read by an older pg_restore may fail: the tool must
// be of the server's major version or newer.
func pgTool(name string, serverMajor int) (string, int, error) {
	var candidates []string
	if d := os.Getenv("PASSERELLE_PG_BINDIR"); d != "" {
		candidates = append(candidates, filepath.Join(d, name))
	} else {
		candidates = append(candidates, filepath.Join("/usr/lib/postgresql", strconv.Itoa(serverMajor), "bin", name))
		if d, err := pgcluster.BinDir(); err == nil {
			candidates = append(candidates, filepath.Join(d, name))
		}
		if p, err := exec.LookPath(name); err == nil {
			candidates = append(candidates, p)
		}
	}
	var tried []string
	for _, c := range candidates {
		if _, err := os.Stat(c); err != nil {
			continue
		}
		major, err := toolMajor(c)
		if err != nil {
			tried = append(tried, fmt.Sprintf("%s (%v)", c, err))
			continue
		}
		if major >= serverMajor {
			return c, major, nil
		}
		tried = append(tried, fmt.Sprintf("%s (version %d)", c, major))
	}
	msg := fmt.Sprintf("%s of PostgreSQL %d or newer not found", name, serverMajor)
	if len(tried) > 0 {
		msg += "; found only " + strings.Join(tried, ", ")
	}
	return "", 0, errors.New(msg + ": install the client tools (Debian: apt-get install postgresql-client-" + strconv.Itoa(serverMajor) + ") or set PASSERELLE_PG_BINDIR")
}

var toolVersion = regexp.MustCompile(`\(PostgreSQL\) (\d+)`)

func toolMajor(path string) (int, error) {
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return 0, err
	}
	m := toolVersion.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("unexpected --version output %q", strings.TrimSpace(string(out)))
	}
	return strconv.Atoi(string(m[1]))
}

// libpqTarget turns the app's database URL into what the PostgreSQL tools
// take: the URL without the password and without pgx's own parameters
// (pool_max_conns and the like, which libpq rejects), and an environment
// carrying the password so that it never shows in the process list.
func libpqTarget(databaseURL string) (string, []string, error) {
	env := append(os.Environ(), "PGCONNECT_TIMEOUT=10")
	u, err := url.Parse(databaseURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		// A key=value connection string: libpq reads it as it is.
		return databaseURL, env, nil
	}
	if pw, ok := u.User.Password(); ok {
		env = append(env, "PGPASSWORD="+pw)
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "pool_") || pgxOnlyParams[k] {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String(), env, nil
}

// pgxOnlyParams are connection parameters pgx understands and libpq does not.
var pgxOnlyParams = map[string]bool{
	"default_query_exec_mode": true, "statement_cache_capacity": true, "description_cache_capacity": true,
	"min_read_buffer_size": true, "servicefile": true,
}

// runTool runs a PostgreSQL client program and turns a failure into an
// error carrying its message.
func runTool(ctx context.Context, env []string, path string, args ...string) error {
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v: %s", filepath.Base(path), err, toolMessage(string(out)))
	}
	return nil
}

// toolMessage trims what a PostgreSQL tool printed to fit in an error.
func toolMessage(out string) string {
	msg := strings.TrimSpace(out)
	if len(msg) > 4000 {
		msg = msg[:4000] + " …"
	}
	return msg
}

// serverInfo is what a backup records about the database server.
type serverInfo struct {
	version string
	major   int
}

func readServer(ctx context.Context, conn *pgx.Conn) (serverInfo, error) {
	var v string
	var num int
	if err := conn.QueryRow(ctx, "SELECT current_setting('server_version'), current_setting('server_version_num')::int").Scan(&v, &num); err != nil {
		return serverInfo{}, fmt.Errorf("read the server version: %w", err)
	}
	return serverInfo{version: v, major: num / 10000}, nil
}

// schemaVersion is the database's goose version: the last row of goose's
// table (the Provider deletes the row of a migration rolled back). A
// database without that table has version 0.
func schemaVersion(ctx context.Context, conn *pgx.Conn) (int64, error) {
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass('goose_db_version') IS NOT NULL").Scan(&exists); err != nil {
		return 0, err
	}
	if !exists {
		return 0, nil
	}
	var v int64
	err := conn.QueryRow(ctx, "SELECT version_id FROM goose_db_version ORDER BY id DESC LIMIT 1").Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// userTables counts the tables outside PostgreSQL's own schemas.
func userTables(ctx context.Context, conn *pgx.Conn) (int, error) {
	var n int
	err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_catalog.pg_tables
		WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg\_%'`).Scan(&n)
	return n, err
}
