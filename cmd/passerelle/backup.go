package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"passerelle/internal/backup"
	"passerelle/internal/config"
)

// backupCmd runs `passerelle backup --out DIR|FILE.tar`: the database and
// every object of the bucket, with a manifest (see package backup). It may
// run beside the server: pg_dump reads one consistent snapshot, and the
// objects are only read.
func backupCmd(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "a new directory, or a file ending in .tar")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *out == "" || fs.NArg() > 0 {
		return usageError{"backup needs --out DIR or --out FILE.tar, and nothing else"}
	}
	objects, closeS3, err := openBlobStore(ctx, cfg, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer closeS3()
	opts := backup.Options{DatabaseURL: cfg.DatabaseURL, Objects: objects, AppVersion: buildVersion(), Progress: stderr}

	dir, archive := *out, ""
	if strings.HasSuffix(*out, ".tar") {
		if _, err := os.Stat(*out); err == nil {
			return fmt.Errorf("backup: %s exists: choose a new file", *out)
		}
		// Written as a directory beside the archive, then packed.
		archive = *out
		if dir, err = os.MkdirTemp(filepath.Dir(archive), ".passerelle-backup-"); err != nil {
			return err
		}
		defer func() { _ = os.RemoveAll(dir) }()
	}
	m, err := backup.Create(ctx, opts, dir)
	if err != nil {
		return err
	}
	where := dir
	if archive != "" {
		if err := backup.Pack(dir, archive); err != nil {
			return err
		}
		where = archive
	}
	fmt.Fprintf(stdout, "backup written to %s: database dump of %d bytes (schema version %d), %d objects of %d bytes\n",
		where, m.Database.Size, m.SchemaVersion, len(m.Objects), m.TotalObjectBytes())
	return nil
}

// restoreCmd runs `passerelle restore --from DIR|FILE.tar [--force]
// [--no-reindex]`, with the server stopped: it checks the backup, restores
// the database and the objects, migrates the schema up to this binary's,
// then rebuilds the search index (as `passerelle reindex`).
func restoreCmd(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "a backup directory, or a .tar file made by backup")
	force := fs.Bool("force", false, "replace a database that has tables and a bucket that has objects")
	noReindex := fs.Bool("no-reindex", false, "leave the search index alone (rebuild it later: passerelle reindex)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *from == "" || fs.NArg() > 0 {
		return usageError{"restore needs --from DIR or --from FILE.tar"}
	}
	info, err := os.Stat(*from)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	dir := *from
	if !info.IsDir() {
		if err := os.MkdirAll(filepath.Join(cfg.DataDir, "tmp"), 0o700); err != nil {
			return err
		}
		if dir, err = os.MkdirTemp(filepath.Join(cfg.DataDir, "tmp"), "restore-"); err != nil {
			return err
		}
		defer func() { _ = os.RemoveAll(dir) }()
		if err := backup.Unpack(*from, dir); err != nil {
			return fmt.Errorf("restore refused, nothing was changed: %w", err)
		}
	}
	objects, closeS3, err := openBlobStore(ctx, cfg, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer closeS3()
	res, err := backup.Restore(ctx, backup.Options{DatabaseURL: cfg.DatabaseURL, Objects: objects, Progress: stderr}, dir, backup.RestoreOptions{Force: *force})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored the backup of %s (Passerelle %s, schema version %d): %d objects put back",
		res.Manifest.CreatedAt.Format("2006-01-02 15:04:05 UTC"), res.Manifest.AppVersion, res.Manifest.SchemaVersion, len(res.Manifest.Objects))
	if res.Deleted > 0 {
		fmt.Fprintf(stdout, ", %d objects not in the backup deleted", res.Deleted)
	}
	fmt.Fprintln(stdout)
	// An older backup is brought up to this binary's schema now rather
	// than at the next start, so that the index is rebuilt from it.
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return fmt.Errorf("restore: the data is back, but migrating it up failed: %w", err)
	}
	st.Close()
	if *noReindex {
		fmt.Fprintln(stdout, "the search index was not rebuilt: run `passerelle reindex` before serving")
		return nil
	}
	if err := reindex(ctx, cfg, nil, stdout, stderr); err != nil {
		return fmt.Errorf("restore: the data is back, but the search index was not rebuilt (run `passerelle reindex` with the server stopped, or POST /api/v1/admin/search/rebuilds once it runs): %w", err)
	}
	return nil
}
