package backup

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Pack writes the backup directory dir into one tar file at path (created;
// an existing file is refused).
func Pack(dir, path string) (err error) {
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(path)
		}
	}()
	tw := tar.NewWriter(out)
	if err := tw.AddFS(os.DirFS(dir)); err != nil {
		return fmt.Errorf("pack %s: %w", path, err)
	}
	return tw.Close()
}

// Unpack extracts the tar file at path into dir (which should be new and
// empty). Only directories and regular files with local names are
// accepted: a crafted archive cannot write elsewhere.
func Unpack(path, dir string) error {
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	tr := tar.NewReader(in)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %s is not a readable tar file: %v", ErrDamaged, path, err)
		}
		if !filepath.IsLocal(h.Name) {
			return fmt.Errorf("%w: %s holds the path %q, outside the backup", ErrDamaged, path, h.Name)
		}
		target := filepath.Join(dir, h.Name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o700); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
				return err
			}
			if err := extractFile(tr, target); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%w: %s holds %q, neither a file nor a directory", ErrDamaged, path, h.Name)
		}
	}
}

func extractFile(r io.Reader, target string) error {
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
