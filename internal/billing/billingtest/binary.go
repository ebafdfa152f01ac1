package billingtest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// errNoBinary means stripe-mock is not installed: a reason to skip, not to fail.
var errNoBinary = errors.New("stripe-mock not installed")

// binary finds the stripe-mock executable.
func binary() (string, error) {
	path := os.Getenv("PASSERELLE_STRIPE_MOCK")
	if path == "" {
		root, err := moduleRoot()
		if err != nil {
			return "", err
		}
		path = filepath.Join(root, "bin", "stripe-mock")
	}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%w: no %s (install it with `make stripe-mock`, or set PASSERELLE_STRIPE_MOCK)", errNoBinary, path)
	}
	if err != nil {
		return "", err
	}
	if info.IsDir() || info.Mode()&0o111 == 0 {
		return "", fmt.Errorf("billingtest: %s is not an executable file", path)
	}
	return path, nil
}

// moduleRoot walks up from the working directory, which go test sets to the
// package under test, to the directory holding go.mod.
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
			return "", fmt.Errorf("%w: no go.mod above %s (set PASSERELLE_STRIPE_MOCK)", errNoBinary, dir)
		}
	}
}
