package backup_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/backup"
	"passerelle/internal/blob"
	"passerelle/internal/blob/s3server"
	"passerelle/internal/core"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// TestBackupRestoreDemoData is the whole round trip on the demonstration
// data: seed, upload, back up, restore into a new empty database and an
// empty bucket, then compare every table's row count and every object's
// bytes; a second restore over the result is refused without --force and
// replaces it with.
func TestBackupRestoreDemoData(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	db := storetest.New(t)
	objects := newBucket(t)
	seedDemo(t, ctx, db, objects)
	big := make([]byte, 9<<20) // above blob's in-memory chunk: spooled on restore
	_, _ = rand.Read(big)
	put(t, objects, "exports/big.bin", big)
	put(t, objects, "exports/empty.txt", nil)
	wantRows := rowCounts(t, db.URL)
	wantObjects := objectBytes(t, objects)
	if len(wantObjects) < 3 {
		t.Fatalf("the seed stored %d objects: the test needs its evidence documents", len(wantObjects)-2)
	}

	dir := filepath.Join(t.TempDir(), "backup")
	var progress bytes.Buffer
	m, err := backup.Create(ctx, backup.Options{DatabaseURL: db.URL, Objects: objects, AppVersion: "test", Progress: &progress}, dir)
	if err != nil {
		t.Fatalf("backup: %v\n%s", err, progress.String())
	}
	latest, _ := backup.LatestSchemaVersion()
	if m.SchemaVersion != latest || m.AppVersion != "test" || m.DumpToolMajor < 15 || len(m.Objects) != len(wantObjects) || m.Database.Size == 0 {
		t.Fatalf("manifest: schema %d (want %d), version %q, %d objects (want %d), dump %d bytes",
			m.SchemaVersion, latest, m.AppVersion, len(m.Objects), len(wantObjects), m.Database.Size)
	}

	emptyURL := emptyDatabase(t)
	emptyBucket := newBucket(t)
	res, err := backup.Restore(ctx, backup.Options{DatabaseURL: emptyURL, Objects: emptyBucket, Progress: &progress}, dir, backup.RestoreOptions{})
	if err != nil {
		t.Fatalf("restore: %v\n%s", err, progress.String())
	}
	if len(res.Manifest.Objects) != len(wantObjects) || res.Deleted != 0 {
		t.Fatalf("restored %d objects, deleted %d", len(res.Manifest.Objects), res.Deleted)
	}
	compareRows(t, wantRows, rowCounts(t, emptyURL))
	compareObjects(t, wantObjects, objectBytes(t, emptyBucket))
	// The planner's statistics are gathered: a dump holds none.
	var unanalysed int
	queryRow(t, emptyURL, `SELECT count(*) FROM pg_stat_user_tables WHERE last_analyze IS NULL AND relname IN ('organisations', 'offers', 'tenders', 'users')`, &unanalysed)
	if unanalysed != 0 {
		t.Fatalf("%d of the main tables have no statistics after the restore", unanalysed)
	}

	_, err = backup.Restore(ctx, backup.Options{DatabaseURL: emptyURL, Objects: emptyBucket}, dir, backup.RestoreOptions{})
	if err == nil || !strings.Contains(err.Error(), "is not empty") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("a restore over a database with data must be refused, naming --force: %v", err)
	}
	// With --force: an object the backup does not hold goes, a changed
	// row comes back.
	put(t, emptyBucket, "stray/after-restore.txt", []byte("stray"))
	exec(t, emptyURL, "DELETE FROM goose_db_version WHERE version_id = 0") // goose's first row
	res, err = backup.Restore(ctx, backup.Options{DatabaseURL: emptyURL, Objects: emptyBucket}, dir, backup.RestoreOptions{Force: true})
	if err != nil {
		t.Fatalf("restore --force: %v", err)
	}
	if res.Deleted != 1 {
		t.Fatalf("restore --force deleted %d objects, want the 1 stray one", res.Deleted)
	}
	compareRows(t, wantRows, rowCounts(t, emptyURL))
	compareObjects(t, wantObjects, objectBytes(t, emptyBucket))

	// The same backup as one tar file.
	archive := filepath.Join(t.TempDir(), "backup.tar")
	if err := backup.Pack(dir, archive); err != nil {
		t.Fatal(err)
	}
	unpacked := filepath.Join(t.TempDir(), "unpacked")
	if err := backup.Unpack(archive, unpacked); err != nil {
		t.Fatal(err)
	}
	if err := backup.Verify(unpacked, m); err != nil {
		t.Fatalf("the unpacked archive does not match the manifest: %v", err)
	}
}

// TestRestoreRefusesADamagedBackup: a changed object, a changed dump, a
// missing file, a newer schema and an unfinished backup are each refused
// before the database or the bucket is touched.
func TestRestoreRefusesADamagedBackup(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	db := storetest.New(t)
	objects := newBucket(t)
	put(t, objects, "documents/a.pdf", []byte("%PDF-1.7 first"))
	put(t, objects, "documents/b.pdf", []byte("%PDF-1.7 second"))
	dir := filepath.Join(t.TempDir(), "backup")
	m, err := backup.Create(ctx, backup.Options{DatabaseURL: db.URL, Objects: objects, AppVersion: "test"}, dir)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		damage func(t *testing.T, dir string)
		want   []string
	}{
		{"object changed", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, m.Objects[1].Path), []byte("%PDF-1.7 secont"))
		}, []string{"damaged", `"documents/b.pdf"`, "SHA-256", "nothing was changed"}},
		{"object truncated", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, m.Objects[0].Path), []byte("%PDF"))
		}, []string{"damaged", `"documents/a.pdf"`, "has 4 bytes, the manifest says 14"}},
		{"dump changed", func(t *testing.T, dir string) { flipByte(t, filepath.Join(dir, backup.DumpFile)) },
			[]string{"damaged", "database dump", "SHA-256"}},
		{"object missing", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, m.Objects[0].Path)); err != nil {
				t.Fatal(err)
			}
		}, []string{"damaged", `"documents/a.pdf"`, "no such file"}},
		{"schema newer than the binary", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *backup.Manifest) { m.SchemaVersion = 1 << 40; m.AppVersion = "9.9.9" })
		}, []string{"schema version 1099511627776", "newer than this binary", "9.9.9"}},
		{"dump newer than every pg_restore", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *backup.Manifest) { m.DumpToolMajor = 99 })
		}, []string{"pg_restore of PostgreSQL 99 or newer not found"}},
		{"path outside the backup", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *backup.Manifest) { m.Objects[0].Path = "../../etc/passwd" })
		}, []string{"damaged", "leaves the backup directory"}},
		{"unfinished", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, backup.ManifestFile)); err != nil {
				t.Fatal(err)
			}
		}, []string{"no manifest.json", "did not finish"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			damaged := copyDir(t, dir)
			c.damage(t, damaged)
			target := emptyDatabase(t)
			bucket := newBucket(t)
			_, err := backup.Restore(ctx, backup.Options{DatabaseURL: target, Objects: bucket}, damaged, backup.RestoreOptions{Force: true})
			if err == nil {
				t.Fatal("a damaged backup was restored")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the error %q does not say %q", err, w)
				}
			}
			if n := len(rowCounts(t, target)); n != 0 {
				t.Errorf("the refused restore created %d tables", n)
			}
			if objs, _ := bucket.List(ctx, ""); len(objs) != 0 {
				t.Errorf("the refused restore stored %d objects", len(objs))
			}
		})
	}
	if _, err := backup.Create(ctx, backup.Options{DatabaseURL: db.URL, Objects: objects}, dir); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("a backup into a used directory must be refused: %v", err)
	}
}

// TestForcedRestoreOfABrokenDumpKeepsTheData: a dump that passes the
// manifest's checks (its size and SHA-256 written again) but breaks
// half-way through pg_restore must leave a database replaced with --force
// exactly as it was: the drop and the restore are one transaction.
func TestForcedRestoreOfABrokenDumpKeepsTheData(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	db := storetest.New(t)
	objects := newBucket(t)
	seedDemo(t, ctx, db, objects)
	dir := filepath.Join(t.TempDir(), "backup")
	if _, err := backup.Create(ctx, backup.Options{DatabaseURL: db.URL, Objects: objects, AppVersion: "test"}, dir); err != nil {
		t.Fatal(err)
	}
	target := emptyDatabase(t)
	bucket := newBucket(t)
	if _, err := backup.Restore(ctx, backup.Options{DatabaseURL: target, Objects: bucket}, dir, backup.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	exec(t, target, "CREATE SCHEMA kept; CREATE TABLE kept.marker (note text); INSERT INTO kept.marker VALUES ('made after the backup')")
	want := rowCounts(t, target)

	// Cut the dump at nine tenths: its table of contents is whole, so
	// pg_restore starts replaying and fails in the table data.
	dump := filepath.Join(dir, backup.DumpFile)
	b, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	b = b[:len(b)*9/10]
	writeFile(t, dump, b)
	sum := sha256.Sum256(b)
	editManifest(t, dir, func(m *backup.Manifest) {
		m.Database.Size = int64(len(b))
		m.Database.SHA256 = hex.EncodeToString(sum[:])
	})

	var progress bytes.Buffer
	_, err = backup.Restore(ctx, backup.Options{DatabaseURL: target, Objects: bucket, Progress: &progress}, dir, backup.RestoreOptions{Force: true})
	if err == nil {
		t.Fatal("a truncated dump was restored")
	}
	if !strings.Contains(err.Error(), "pg_restore") || !strings.Contains(err.Error(), "left as it was") {
		t.Errorf("the error %q does not say that pg_restore failed and the database is unchanged", err)
	}
	compareRows(t, want, rowCounts(t, target))
	if got := rowCounts(t, target)["kept.marker"]; got != 1 {
		t.Errorf("the row written after the backup: %d rows, want 1", got)
	}
}

// seedDemo runs core's seeder, with its evidence documents in objects.
func seedDemo(t *testing.T, ctx context.Context, db *storetest.DB, objects *blob.Store) {
	t.Helper()
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	runner, err := jobs.New(db.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.Options{Renderer: renderer, PublicURL: "http://localhost"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := core.Seed(ctx, db.Store, objects, runner, false); err != nil {
		t.Fatalf("seed: %v", err)
	}
}

// newBucket starts an embedded S3 server of its own, with an empty bucket.
func newBucket(t *testing.T) *blob.Store {
	t.Helper()
	srv, err := s3server.Start(context.Background(), s3server.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close(context.Background()) })
	s, err := blob.New(context.Background(), blob.Config{Endpoint: srv.Endpoint(), Bucket: "passerelle", AccessKey: "k", SecretKey: "s",
		UsePathStyle: true, CreateBucket: true, TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func put(t *testing.T, s *blob.Store, key string, b []byte) {
	t.Helper()
	if _, err := s.Put(context.Background(), key, bytes.NewReader(b), blob.PutOptions{Size: int64(len(b)), ContentType: "application/pdf"}); err != nil {
		t.Fatal(err)
	}
}

// emptyDatabase creates a database as `createdb` would, dropped at the end.
func emptyDatabase(t *testing.T) string {
	t.Helper()
	admin := storetest.AdminURL(t)
	name := fmt.Sprintf("restore_%d", time.Now().UnixNano())
	exec(t, admin, "CREATE DATABASE "+name+" TEMPLATE template0")
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), admin)
		if err == nil {
			_, _ = conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			_ = conn.Close(context.Background())
		}
	})
	cfg, err := pgx.ParseConfig(admin)
	if err != nil {
		t.Fatal(err)
	}
	u := &url.URL{Scheme: "postgres", User: url.UserPassword(cfg.User, cfg.Password), Host: fmt.Sprintf("%s:%d", cfg.Host, cfg.Port),
		Path: "/" + name, RawQuery: "sslmode=disable"}
	if cfg.Password == "" {
		u.User = url.User(cfg.User)
	}
	return u.String()
}

func exec(t *testing.T, dbURL, sql string) {
	t.Helper()
	if _, err := connect(t, dbURL).Exec(context.Background(), sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// connect opens a connection closed at the end of the test.
func connect(t *testing.T, dbURL string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close(context.Background()) })
	return conn
}

// queryRow scans the one row sql returns into dest.
func queryRow(t *testing.T, dbURL, sql string, dest ...any) {
	t.Helper()
	if err := connect(t, dbURL).QueryRow(context.Background(), sql).Scan(dest...); err != nil {
		t.Fatal(err)
	}
}

// rowCounts counts the rows of every table outside PostgreSQL's schemas.
func rowCounts(t *testing.T, dbURL string) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	conn := connect(t, dbURL)
	rows, err := conn.Query(ctx, `SELECT schemaname, tablename FROM pg_catalog.pg_tables
		WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pgx.Identifier, error) {
		var s, n string
		err := r.Scan(&s, &n)
		return pgx.Identifier{s, n}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int64{}
	for _, id := range tables {
		var n int64
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+id.Sanitize()).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[strings.Join(id, ".")] = n
	}
	return counts
}

func compareRows(t *testing.T, want, got map[string]int64) {
	t.Helper()
	var nonEmpty int
	for table, n := range want {
		if n > 0 {
			nonEmpty++
		}
		if got[table] != n {
			t.Errorf("table %s: %d rows after the restore, %d before", table, got[table], n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d tables after the restore, %d before", len(got), len(want))
	}
	if nonEmpty < 10 {
		t.Errorf("only %d tables had rows: the seed did not run?", nonEmpty)
	}
}

func objectBytes(t *testing.T, s *blob.Store) map[string][]byte {
	t.Helper()
	objs, err := s.List(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, o := range objs {
		r, _, err := s.Get(context.Background(), o.Key)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		_ = r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[o.Key] = b
	}
	return out
}

func compareObjects(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	for k, b := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("object %q is missing after the restore", k)
			continue
		}
		if !bytes.Equal(g, b) {
			t.Errorf("object %q: %d bytes after the restore differ from the %d before", k, len(g), len(b))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d objects after the restore, %d before", len(got), len(want))
	}
}

func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "copy")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func flipByte(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0xff
	writeFile(t, path, b)
}

func editManifest(t *testing.T, dir string, edit func(*backup.Manifest)) {
	t.Helper()
	m, err := backup.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	edit(&m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, backup.ManifestFile), b)
}
