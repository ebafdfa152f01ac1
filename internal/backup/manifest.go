package backup

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Format is the version of the backup layout this package writes and reads.
const Format = 1

// File names inside a backup directory.
const (
	ManifestFile = "manifest.json"
	DumpFile     = "database.dump"
	ObjectsDir   = "objects"
)

// Manifest describes a backup: what it holds and how to check it.
type Manifest struct {
	// Format is the layout version (Format).
	Format int `json:"format"`
	// CreatedAt is when the backup started (UTC).
	CreatedAt time.Time `json:"created_at"`
	// AppVersion is the version of the binary that made the backup.
	AppVersion string `json:"app_version"`
	// SchemaVersion is the database's goose version when it was dumped.
	SchemaVersion int64 `json:"schema_version"`
	// PostgresVersion is the server's version (server_version).
	PostgresVersion string `json:"postgres_version"`
	// DumpToolMajor is the major version of the pg_dump that wrote the
	// dump: pg_restore must be as new.
	DumpToolMajor int `json:"pg_dump_major"`
	// Database is the pg_dump file.
	Database File `json:"database"`
	// Bucket is the name of the bucket the objects came from.
	Bucket string `json:"bucket"`
	// Objects are the bucket's objects, sorted by key.
	Objects []Object `json:"objects"`
}

// File is one file of the backup, relative to its directory.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Object is one S3 object and the file holding its bytes.
type Object struct {
	Key         string `json:"key"`
	ContentType string `json:"content_type,omitempty"`
	File
}

// TotalObjectBytes is the sum of the objects' sizes.
func (m Manifest) TotalObjectBytes() int64 {
	var n int64
	for _, o := range m.Objects {
		n += o.Size
	}
	return n
}

// ErrDamaged marks a backup whose files do not match its manifest.
var ErrDamaged = errors.New("the backup is damaged")

func writeManifest(dir string, m Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	// Written under another name and renamed: a manifest is whole or absent.
	tmp := filepath.Join(dir, ManifestFile+".tmp")
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, ManifestFile))
}

// ReadManifest reads the manifest of the backup in dir, without checking
// the files (see Verify).
func ReadManifest(dir string) (Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return Manifest{}, fmt.Errorf("%s has no %s: it is not a backup, or one that did not finish", dir, ManifestFile)
	}
	if err != nil {
		return Manifest{}, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return Manifest{}, fmt.Errorf("%w: %s is not valid JSON: %v", ErrDamaged, ManifestFile, err)
	}
	if m.Format != Format {
		return Manifest{}, fmt.Errorf("the backup has format %d; this binary reads format %d", m.Format, Format)
	}
	return m, nil
}

// Verify checks every file the manifest lists: present, inside dir, of the
// listed size and SHA-256. The first mismatch is returned as ErrDamaged.
func Verify(dir string, m Manifest) error {
	if err := verifyFile(dir, m.Database); err != nil {
		return fmt.Errorf("%w: the database dump: %v", ErrDamaged, err)
	}
	seen := make(map[string]bool, len(m.Objects))
	for _, o := range m.Objects {
		if seen[o.Key] {
			return fmt.Errorf("%w: object %q is listed twice", ErrDamaged, o.Key)
		}
		seen[o.Key] = true
		if err := verifyFile(dir, o.File); err != nil {
			return fmt.Errorf("%w: object %q: %v", ErrDamaged, o.Key, err)
		}
	}
	return nil
}

func verifyFile(dir string, f File) error {
	if !filepath.IsLocal(f.Path) {
		return fmt.Errorf("path %q leaves the backup directory", f.Path)
	}
	fh, err := os.Open(filepath.Join(dir, f.Path))
	if err != nil {
		return err
	}
	defer fh.Close()
	size, sum, err := hashReader(fh)
	if err != nil {
		return fmt.Errorf("read %s: %v", f.Path, err)
	}
	if size != f.Size {
		return fmt.Errorf("%s has %d bytes, the manifest says %d", f.Path, size, f.Size)
	}
	if sum != f.SHA256 {
		return fmt.Errorf("%s has SHA-256 %s, the manifest says %s", f.Path, sum, f.SHA256)
	}
	return nil
}

func hashReader(r io.Reader) (int64, string, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	return n, hex.EncodeToString(h.Sum(nil)), err
}

// hashFile describes the file at dir/rel.
func hashFile(dir, rel string) (File, error) {
	fh, err := os.Open(filepath.Join(dir, rel))
	if err != nil {
		return File{}, err
	}
	defer fh.Close()
	size, sum, err := hashReader(fh)
	if err != nil {
		return File{}, err
	}
	return File{Path: rel, Size: size, SHA256: sum}, nil
}
