package backup

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	// is dropped first) and a bucket that has objects (those the backup
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

	if tables > 0 {
		opts.say("dropping the %d tables of database %q (--force)", tables, conn.Config().Database)
		if err := dropUserSchemas(ctx, conn); err != nil {
			return Restored{}, fmt.Errorf("restore: %w", err)
		}
	}
	target, env, err := libpqTarget(opts.DatabaseURL)
	if err != nil {
		return Restored{}, err
	}
	opts.say("restoring the database (schema version %d) with %s", m.SchemaVersion, pgRestore)
	if err := runTool(ctx, env, pgRestore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
		"--dbname="+target, filepath.Join(dir, m.Database.Path)); err != nil {
		return Restored{}, fmt.Errorf("restore: the database was left as it was before pg_restore: %w", err)
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

// dropUserSchemas empties the database: every schema but PostgreSQL's own
// is dropped, and public is made again, as a new database has it.
func dropUserSchemas(ctx context.Context, conn *pgx.Conn) error {
	rows, err := conn.Query(ctx, `SELECT nspname FROM pg_catalog.pg_namespace
		WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\_%'`)
	if err != nil {
		return err
	}
	schemas, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	for _, s := range schemas {
		if _, err := tx.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{s}.Sanitize()+" CASCADE"); err != nil {
			return fmt.Errorf("drop schema %s: %w", s, err)
		}
	}
	if _, err := tx.Exec(ctx, "CREATE SCHEMA public"); err != nil {
		return err
	}
	return tx.Commit(ctx)
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
