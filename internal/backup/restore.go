package backup

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/blob"
	"passerelle/migrations"
)

// RestoreOptions change how Restore treats what is already there.
type RestoreOptions struct {
	// Force replaces a database that has tables (every non-system schema
	// is dropped, in the same transaction as the restore) and a bucket that has objects (those the backup
	// does not hold are deleted). Without it Restore refuses both.
	Force bool
}

// Restored tells what Restore put back.
type Restored struct {
	Manifest Manifest
	// Deleted counts the objects removed from the bucket (Force only).
	Deleted int
}

// LatestSchemaVersion is the newest migration this binary embeds.
func LatestSchemaVersion() (int64, error) {
	entries, err := fs.ReadDir(migrations.FS, ".")
	if err != nil {
		return 0, err
	}
	var latest int64
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		if !ok || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		if v, err := strconv.ParseInt(num, 10, 64); err == nil && v > latest {
			latest = v
		}
	}
	return latest, nil
}

// Restore puts the backup in dir back: it checks the whole backup, then
// the target (empty, or Force), then restores the dump in one transaction
// and puts every object back. It does not migrate the database up nor
// rebuild the search index: the caller does both (see cmd/passerelle).
func Restore(ctx context.Context, opts Options, dir string, ro RestoreOptions) (Restored, error) {
	if opts.Objects == nil {
		return Restored{}, errors.New("restore: no object store")
	}
	m, err := ReadManifest(dir)
	if err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	latest, err := LatestSchemaVersion()
	if err != nil {
		return Restored{}, err
	}
	if m.SchemaVersion > latest {
		return Restored{}, fmt.Errorf("restore: the backup has schema version %d, newer than this binary's %d (it was made by Passerelle %s): restore it with that version or a newer one",
			m.SchemaVersion, latest, m.AppVersion)
	}
	opts.say("checking the backup of %s (%d objects, %d bytes)", m.CreatedAt.Format("2006-01-02 15:04:05 UTC"), len(m.Objects), m.TotalObjectBytes()+m.Database.Size)
	if err := Verify(dir, m); err != nil {
		return Restored{}, fmt.Errorf("restore refused, nothing was changed: %w", err)
	}

	conn, err := pgx.Connect(ctx, opts.DatabaseURL)
	if err != nil {
		return Restored{}, fmt.Errorf("restore: connect to the database: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	server, err := readServer(ctx, conn)
	if err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	// pg_restore must read the dump's format (as new as the pg_dump that
	// wrote it) and talk to this server.
	pgRestore, _, err := pgTool("pg_restore", max(server.major, m.DumpToolMajor))
	if err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	tables, err := userTables(ctx, conn)
	if err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	if tables > 0 && !ro.Force {
		return Restored{}, fmt.Errorf("restore refused: the database %q is not empty (%d tables): restore into a new empty database, or pass --force to replace its contents",
			conn.Config().Database, tables)
	}
	existing, err := opts.Objects.List(ctx, "")
	if err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	if len(existing) > 0 && !ro.Force {
		return Restored{}, fmt.Errorf("restore refused: the bucket %q is not empty (%d objects): restore into an empty bucket, or pass --force to replace its contents",
			opts.Objects.Bucket(), len(existing))
	}

	psql, _, err := pgTool("psql", server.major)
	if err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	var drop []string
	if tables > 0 {
		if drop, err = userSchemas(ctx, conn); err != nil {
			return Restored{}, fmt.Errorf("restore: %w", err)
		}
		opts.say("replacing the %d tables of database %q (--force): dropped in the restore's transaction", tables, conn.Config().Database)
	}
	target, env, err := libpqTarget(opts.DatabaseURL)
	if err != nil {
		return Restored{}, err
	}
	opts.say("restoring the database (schema version %d) with %s into %s, in one transaction", m.SchemaVersion, pgRestore, psql)
	if err := restoreDump(ctx, env, pgRestore, psql, target, filepath.Join(dir, m.Database.Path), drop); err != nil {
		return Restored{}, fmt.Errorf("restore: the database was left as it was before: %w", err)
	}
	// A dump holds no planner statistics: until autovacuum gathers them
	// (a minute or more later) the planner takes every table for nearly
	// empty, and a list filtered by country took 12 s instead of 3 ms on
	// the load benchmark's volume. Gathering them is seconds.
	opts.say("gathering the planner's statistics (ANALYZE)")
	if _, err := conn.Exec(ctx, "ANALYZE"); err != nil {
		return Restored{}, fmt.Errorf("restore: the database is restored, but ANALYZE failed (autovacuum will gather the statistics later): %w", err)
	}

	opts.say("putting back %d objects into bucket %q", len(m.Objects), opts.Objects.Bucket())
	for _, o := range m.Objects {
		if err := putObject(ctx, opts.Objects, dir, o); err != nil {
			return Restored{}, fmt.Errorf("restore: the database is restored but not every object: run the restore again with --force: %w", err)
		}
	}
	res := Restored{Manifest: m}
	keep := make(map[string]bool, len(m.Objects))
	for _, o := range m.Objects {
		keep[o.Key] = true
	}
	for _, o := range existing {
		if keep[o.Key] {
			continue
		}
		if err := opts.Objects.Delete(ctx, o.Key); err != nil {
			return res, fmt.Errorf("restore: delete object %q not in the backup: %w", o.Key, err)
		}
		res.Deleted++
	}
	return res, nil
}

// userSchemas lists every schema but PostgreSQL's own: what a forced
// restore drops.
func userSchemas(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	rows, err := conn.Query(ctx, `SELECT nspname FROM pg_catalog.pg_namespace
		WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\_%'`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// restoreDump replaces the database's contents in ONE transaction: the
// schemas in drop are dropped (and public made again, as a new database
// has it), then the dump is replayed. pg_restore turns the dump into a
// SQL script (-f -) that is piped into psql inside BEGIN … COMMIT, and
// COMMIT is sent only once pg_restore has finished without error: a dump
// that fails half-way (or a statement that fails, ON_ERROR_STOP) ends
// psql's session without COMMIT, and PostgreSQL rolls everything back,
// the drops included. pg_restore --single-transaction alone could not
// cover the drops, which then ran before it in a transaction of their own
// and left an empty database when the restore failed.
func restoreDump(ctx context.Context, env []string, pgRestore, psql, target, dumpPath string, drop []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	restore := exec.CommandContext(ctx, pgRestore, "--no-owner", "--no-privileges", "--exit-on-error", "--file=-", dumpPath)
	restore.Env = env
	script, err := restore.StdoutPipe()
	if err != nil {
		return err
	}
	var restoreErr bytes.Buffer
	restore.Stderr = &restoreErr

	apply := exec.CommandContext(ctx, psql, "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--output=/dev/null", "--dbname="+target)
	apply.Env = env
	in, err := apply.StdinPipe()
	if err != nil {
		return err
	}
	var applyErr bytes.Buffer
	apply.Stderr = &applyErr
	if err := apply.Start(); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(psql), err)
	}
	if err := restore.Start(); err != nil {
		_ = in.Close()
		_ = apply.Wait()
		return fmt.Errorf("%s: %w", filepath.Base(pgRestore), err)
	}

	var head strings.Builder
	head.WriteString("BEGIN;\n")
	for _, s := range drop {
		head.WriteString("DROP SCHEMA " + pgx.Identifier{s}.Sanitize() + " CASCADE;\n")
	}
	if len(drop) > 0 {
		head.WriteString("CREATE SCHEMA public;\n")
	}
	// A write fails only when psql has stopped: its error says why.
	_, copyErr := io.Copy(in, io.MultiReader(strings.NewReader(head.String()), script))
	if copyErr != nil {
		cancel() // pg_restore would block on a pipe nobody reads
	}
	restoreWaitErr := restore.Wait()
	if copyErr == nil && restoreWaitErr == nil {
		// The script ends outside any \restrict section: COMMIT is plain SQL.
		_, copyErr = io.WriteString(in, "\nCOMMIT;\n")
	}
	_ = in.Close()
	applyWaitErr := apply.Wait()
	switch {
	case applyWaitErr != nil:
		return fmt.Errorf("%s: %v: %s", filepath.Base(psql), applyWaitErr, toolMessage(applyErr.String()))
	case restoreWaitErr != nil:
		return fmt.Errorf("%s: %v: %s", filepath.Base(pgRestore), restoreWaitErr, toolMessage(restoreErr.String()))
	case copyErr != nil:
		return fmt.Errorf("send the dump to %s: %w", filepath.Base(psql), copyErr)
	}
	return nil
}

// putObject uploads one object file, checked again as it is sent.
func putObject(ctx context.Context, objects *blob.Store, dir string, o Object) error {
	f, err := os.Open(filepath.Join(dir, o.Path))
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := objects.Put(ctx, o.Key, f, blob.PutOptions{ContentType: o.ContentType, Size: o.Size}); err != nil {
		return err
	}
	return nil
}
