package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/backup"
	"passerelle/internal/loadbench"
	"passerelle/internal/pgcluster"
)

// product is Passerelle started for the benchmark: its cluster, data
// folder, Mailpit (when bin/mailpit exists) and server.
type product struct {
	cluster *pgcluster.Cluster
	dbURL   string
	dataDir string
	base    string
	env     []string
	// cache is the folder of the cached dump, objects and index.
	cache    string
	children []*exec.Cmd
	server   *exec.Cmd
	// exited is closed when the server has ended, with waitErr.
	exited  chan struct{}
	waitErr error
}

// cacheKey names the cached dump: a dump of another generator or schema
// version is not reused.
func cacheKey() (string, error) {
	schema, err := backup.LatestSchemaVersion()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("gen%d-schema%d", loadbench.GeneratorVersion, schema), nil
}

// startDatabase makes a new cluster under dir/run, then fills it: from the
// cached dump when there is one, else with the reference data, the demo
// data and the generated volume (then dumped into the cache).
func startDatabase(ctx context.Context, o options, stdout, stderr io.Writer) (*product, error) {
	runDir := filepath.Join(o.dir, "run")
	if err := os.RemoveAll(runDir); err != nil {
		return nil, err
	}
	p := &product{dataDir: filepath.Join(runDir, "data")}
	if err := os.MkdirAll(p.dataDir, 0o755); err != nil {
		return nil, err
	}
	pg, err := pgcluster.New(filepath.Join(runDir, "pg"))
	if err != nil {
		return nil, err
	}
	pg.Durable = true // as `make run` and production: commits are fsynced
	if err := pg.Init(); err != nil {
		return nil, err
	}
	if err := pg.Start(0); err != nil {
		return nil, err
	}
	p.cluster = pg
	if err := pg.EnsureDatabase("passerelle"); err != nil {
		p.stop(stderr)
		return nil, err
	}
	p.dbURL = pg.URL("passerelle")
	p.env = benchEnv(p.dbURL, p.dataDir)

	key, err := cacheKey()
	if err != nil {
		p.stop(stderr)
		return nil, err
	}
	cache := filepath.Join(o.dir, "cache", key)
	p.cache = cache
	bin, _ := pgcluster.BinDir()
	start := time.Now()
	if _, err := os.Stat(filepath.Join(cache, "database.dump")); err == nil {
		fmt.Fprintf(stdout, "database: restoring the cached %s …\n", cache)
		if err := runQuiet(ctx, nil, filepath.Join(bin, "pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--jobs=2",
			"--dbname="+p.dbURL, filepath.Join(cache, "database.dump")); err != nil {
			p.stop(stderr)
			return nil, err
		}
		if err := os.CopyFS(filepath.Join(p.dataDir, "s3"), os.DirFS(filepath.Join(cache, "s3"))); err != nil {
			p.stop(stderr)
			return nil, err
		}
		fmt.Fprintf(stdout, "database: restored in %s (remove %s to generate it again)\n", time.Since(start).Round(100*time.Millisecond), cache)
		if err := analyze(ctx, p.dbURL, stdout); err != nil {
			p.stop(stderr)
			return nil, err
		}
		return p, nil
	}
	if err := p.generate(ctx, o, stdout, stderr); err != nil {
		p.stop(stderr)
		return nil, err
	}
	fmt.Fprintf(stdout, "database: demo data and volume ready in %s; caching it in %s\n", time.Since(start).Round(100*time.Millisecond), cache)
	tmp := cache + ".tmp"
	_ = os.RemoveAll(tmp)
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		p.stop(stderr)
		return nil, err
	}
	if err := runQuiet(ctx, nil, filepath.Join(bin, "pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
		"--file="+filepath.Join(tmp, "database.dump"), p.dbURL); err != nil {
		p.stop(stderr)
		return nil, err
	}
	if err := os.CopyFS(filepath.Join(tmp, "s3"), os.DirFS(filepath.Join(p.dataDir, "s3"))); err != nil {
		p.stop(stderr)
		return nil, err
	}
	if err := os.Rename(tmp, cache); err != nil {
		p.stop(stderr)
		return nil, err
	}
	if err := analyze(ctx, p.dbURL, stdout); err != nil {
		p.stop(stderr)
		return nil, err
	}
	return p, nil
}

// analyze gathers the planner's statistics of the restored or generated
// data, as autovacuum does on a server that has run a while: without them
// the planner takes the tables for nearly empty (a list of offers by
// country took 12 s instead of 3 ms in the first minute of a run).
func analyze(ctx context.Context, dbURL string, stdout io.Writer) error {
	start := time.Now()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close(context.Background()) }()
	if _, err := conn.Exec(ctx, "ANALYZE"); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	fmt.Fprintf(stdout, "database: planner statistics gathered (ANALYZE) in %s\n", time.Since(start).Round(100*time.Millisecond))
	return nil
}

// generate loads the reference data and the demo data with the product's
// own commands, then adds the generated volume.
func (p *product) generate(ctx context.Context, o options, stdout, stderr io.Writer) error {
	steps := [][]string{
		{"import-nuts", "--if-empty", o.sources().NUTS},
		{"import-cpv", "--if-empty", o.sources().CPV},
		{"seed", "--if-empty"},
	}
	for _, s := range steps {
		start := time.Now()
		if err := runQuiet(ctx, p.env, o.bin, s...); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "database: %s in %s\n", s[0], time.Since(start).Round(100*time.Millisecond))
	}
	voc, err := loadbench.ReadVocabulary(o.sources())
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, p.dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	start := time.Now()
	v := loadbench.DefaultVolume
	if err := loadbench.Generate(ctx, conn, voc, v, o.seed, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "database: generated %d organisations, %d offers, %d tenders in %s (COPY)\n",
		v.Organisations, v.Offers, v.Tenders, time.Since(start).Round(100*time.Millisecond))
	return nil
}

// benchEnv is the server's environment: the inherited one without any
// PASSERELLE_ variable (a developer's settings would change what is
// measured), plus the benchmark's.
func benchEnv(dbURL, dataDir string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PASSERELLE_") {
			env = append(env, kv)
		}
	}
	return append(env, "PASSERELLE_DATABASE_URL="+dbURL, "PASSERELLE_DATA_DIR="+dataDir, "PASSERELLE_LOG_LEVEL=warn")
}

// index builds the search index with `passerelle reindex` (the bulk
// path) and caches it beside the dump; a later run over the same dump
// copies it back instead.
func (p *product) index(ctx context.Context, o options, stdout io.Writer) error {
	cached := filepath.Join(p.cache, "index")
	built := filepath.Join(p.cache, "index.txt")
	if line, err := os.ReadFile(built); err == nil && fileExists(cached) {
		start := time.Now()
		if err := os.CopyFS(filepath.Join(p.dataDir, "index"), os.DirFS(cached)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "search index (Bleve): copied from the cache in %s; when it was built: %s\n",
			time.Since(start).Round(100*time.Millisecond), strings.TrimSpace(string(line)))
		return nil
	}
	start := time.Now()
	cmd := exec.CommandContext(ctx, o.bin, "reindex")
	cmd.Env = p.env
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return fmt.Errorf("reindex: %v: %s", err, tailOf(ee.Stderr))
		}
		return fmt.Errorf("reindex: %w", err)
	}
	line := fmt.Sprintf("%s [%s wall, load average %s]", strings.TrimSpace(string(out)), time.Since(start).Round(100*time.Millisecond), loadAverage())
	fmt.Fprintf(stdout, "search index (Bleve, `passerelle reindex`): %s\n", line)
	tmp := cached + ".tmp"
	_ = os.RemoveAll(tmp)
	if err := os.CopyFS(tmp, os.DirFS(filepath.Join(p.dataDir, "index"))); err != nil {
		return err
	}
	if err := os.Rename(tmp, cached); err != nil {
		return err
	}
	return os.WriteFile(built, []byte(line+"\n"), 0o644)
}

// serve starts Mailpit (beside the binary) and `passerelle serve` on
// free ports, and waits until /readyz answers.
func (p *product) serve(ctx context.Context, o options, log io.Writer) error {
	port, err := pgcluster.FreePort()
	if err != nil {
		return err
	}
	p.base = "http://127.0.0.1:" + strconv.Itoa(port)
	env := append(p.env, "PASSERELLE_HTTP_ADDR=127.0.0.1:"+strconv.Itoa(port), "PASSERELLE_PUBLIC_URL="+p.base,
		"PASSERELLE_COOKIE_SECURE=false", "PASSERELLE_MIGRATE_ON_START=false")
	env = append(env, o.serverEnv...)
	// /readyz needs the SMTP server: Mailpit swallows the emails the
	// writes cause (notifications of questions and responses).
	mailpit := filepath.Join(filepath.Dir(o.bin), "mailpit")
	if !fileExists(mailpit) {
		return fmt.Errorf("%s is missing: `make mailpit` installs it beside the binary", mailpit)
	}
	smtp, _ := pgcluster.FreePort()
	{
		ui, _ := pgcluster.FreePort()
		m := exec.Command(mailpit, "--smtp", "127.0.0.1:"+strconv.Itoa(smtp), "--listen", "127.0.0.1:"+strconv.Itoa(ui),
			"--quiet", "--disable-version-check", "--max", "5000")
		m.Stdout, m.Stderr = log, log
		m.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := m.Start(); err != nil {
			return err
		}
		p.children = append(p.children, m)
	}
	env = append(env, "PASSERELLE_SMTP_URL=smtp://127.0.0.1:"+strconv.Itoa(smtp))
	srv := exec.Command(o.bin, "serve")
	srv.Env, srv.Stdout, srv.Stderr = env, log, log
	srv.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := srv.Start(); err != nil {
		return err
	}
	p.server = srv
	p.exited = make(chan struct{})
	go func() {
		p.waitErr = srv.Wait()
		close(p.exited)
	}()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		select {
		case <-p.exited:
			p.server = nil
			return fmt.Errorf("passerelle serve exited before it was ready: %v", p.waitErr)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
		resp, err := http.Get(p.base + "/readyz")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("passerelle serve was not ready at %s/readyz within 3 minutes", p.base)
		}
	}
}

// waitReconciled waits until the search reconciliation the server runs at
// start has finished: it walks the whole index and would weigh on the
// first seconds of the measure.
func (p *product) waitReconciled(ctx context.Context, since time.Time) (time.Duration, error) {
	conn, err := pgx.Connect(ctx, p.dbURL)
	if err != nil {
		return 0, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	start := time.Now()
	for {
		var done bool
		err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM river_job WHERE kind = 'reconcile_search'
			AND state = 'completed' AND finalized_at >= $1)`, since).Scan(&done)
		if err != nil {
			return 0, err
		}
		if done {
			return time.Since(start), nil
		}
		if time.Since(start) > 10*time.Minute {
			return 0, errors.New("the start's search reconciliation did not finish within 10 minutes")
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// stop stops the server (SIGTERM: its graceful shutdown), Mailpit, then
// the cluster.
func (p *product) stop(stderr io.Writer) {
	if p.server != nil {
		_ = p.server.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.exited:
		case <-time.After(30 * time.Second):
			_ = p.server.Process.Kill()
			<-p.exited
		}
		p.server = nil
	}
	for _, c := range p.children {
		_ = c.Process.Signal(syscall.SIGTERM)
		_ = c.Wait()
	}
	if p.cluster != nil {
		if err := p.cluster.Stop(); err != nil {
			fmt.Fprintln(stderr, "passerelle-load:", err)
		}
	}
}

// runQuiet runs a command and returns its output as the error when it fails.
func runQuiet(ctx context.Context, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	if env != nil {
		cmd.Env = env
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v: %s", filepath.Base(name), strings.Join(args, " "), err, tailOf(out))
	}
	return nil
}

func tailOf(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 3000 {
		s = "…" + s[len(s)-3000:]
	}
	return s
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
