package backup

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/blob"
)

// Options say what to back up or restore.
type Options struct {
	// DatabaseURL is the app's database (PASSERELLE_DATABASE_URL).
	DatabaseURL string
	// Objects is the app's bucket.
	Objects *blob.Store
	// AppVersion is recorded in the manifest.
	AppVersion string
	// Progress receives one line per step; nil for none.
	Progress io.Writer
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

func (o Options) say(format string, args ...any) {
	if o.Progress != nil {
		fmt.Fprintf(o.Progress, format+"\n", args...)
	}
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

// Create writes a backup into dir, which must not exist or be empty. The
// database is dumped first (one consistent snapshot), then the objects are
// copied: an object uploaded meanwhile is copied without a row pointing to
// it, which is harmless; the manifest is written last. On error the
// unfinished directory is left without a manifest, which Restore refuses.
func Create(ctx context.Context, opts Options, dir string) (Manifest, error) {
	if opts.Objects == nil {
		return Manifest{}, errors.New("backup: no object store")
	}
	if err := prepareDir(dir); err != nil {
		return Manifest{}, err
	}
	m := Manifest{Format: Format, CreatedAt: opts.now(), AppVersion: opts.AppVersion, Bucket: opts.Objects.Bucket(), Objects: []Object{}}

	conn, err := pgx.Connect(ctx, opts.DatabaseURL)
	if err != nil {
		return Manifest{}, fmt.Errorf("backup: connect to the database: %w", err)
	}
	server, err := readServer(ctx, conn)
	if err == nil {
		m.SchemaVersion, err = schemaVersion(ctx, conn)
	}
	_ = conn.Close(ctx)
	if err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	m.PostgresVersion = server.version

	pgDump, dumpMajor, err := pgTool("pg_dump", server.major)
	if err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	m.DumpToolMajor = dumpMajor
	target, env, err := libpqTarget(opts.DatabaseURL)
	if err != nil {
		return Manifest{}, err
	}
	opts.say("dumping the database (schema version %d, PostgreSQL %s) with %s", m.SchemaVersion, server.version, pgDump)
	if err := runTool(ctx, env, pgDump, "--format=custom", "--no-owner", "--no-privileges",
		"--file="+filepath.Join(dir, DumpFile), "--dbname="+target); err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	if m.Database, err = hashFile(dir, DumpFile); err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}

	objs, err := opts.Objects.List(ctx, "")
	if err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	opts.say("copying %d objects of bucket %q", len(objs), m.Bucket)
	if err := os.Mkdir(filepath.Join(dir, ObjectsDir), 0o700); err != nil {
		return Manifest{}, err
	}
	for i, o := range objs {
		rel := filepath.Join(ObjectsDir, fmt.Sprintf("%06d", i+1))
		obj, err := copyObject(ctx, opts.Objects, o.Key, filepath.Join(dir, rel))
		if errors.Is(err, blob.ErrNotFound) {
			// Deleted since the listing: the dump, taken before, may
			// still name it, as it would have a moment later anyway.
			opts.say("object %q was deleted during the backup: left out", o.Key)
			continue
		}
		if err != nil {
			return Manifest{}, fmt.Errorf("backup: %w", err)
		}
		obj.Path = rel
		m.Objects = append(m.Objects, obj)
	}
	if err := writeManifest(dir, m); err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	return m, nil
}

// prepareDir creates dir, or accepts it when it is empty.
func prepareDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o700)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("backup: %s is not empty: choose a new directory", dir)
	}
	return nil
}

// copyObject writes the object under key to path and describes it.
func copyObject(ctx context.Context, objects *blob.Store, key, path string) (Object, error) {
	body, info, err := objects.Get(ctx, key)
	if err != nil {
		return Object{}, err
	}
	defer body.Close()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return Object{}, err
	}
	size, sum, err := hashReader(io.TeeReader(body, f))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Object{}, fmt.Errorf("copy object %q: %w", key, err)
	}
	if info.Size >= 0 && size != info.Size {
		return Object{}, fmt.Errorf("copy object %q: read %d bytes of %d", key, size, info.Size)
	}
	return Object{Key: key, ContentType: info.ContentType, File: File{Size: size, SHA256: sum}}, nil
}
