package mailtest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// errNoBinary means Mailpit is not installed: a reason to skip, not to fail.
var errNoBinary = errors.New("mailpit not installed")

// binary finds the Mailpit executable.
func binary() (string, error) {
	path := os.Getenv("PASSERELLE_MAILPIT")
	if path == "" {
		root, err := moduleRoot()
		if err != nil {
			return "", err
		}
		path = filepath.Join(root, "bin", "mailpit")
	}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%w: no %s (install it with `go install github.com/axllent/mailpit@latest` into bin/, or set PASSERELLE_MAILPIT)", errNoBinary, path)
	}
	if err != nil {
		return "", err
	}
	if info.IsDir() || info.Mode()&0o111 == 0 {
		return "", fmt.Errorf("mailtest: %s is not an executable file", path)
	}
	return path, nil
}

// moduleRoot walks up from the working directory, which go test sets to
// the package under test, to the directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%w: no go.mod above %s (set PASSERELLE_MAILPIT)", errNoBinary, dir)
		}
	}
}
