package testshared

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNoTool means a pinned tool the tests drive (Mailpit, stripe-mock) is
// not installed: a reason to skip, unless PASSERELLE_TEST_REQUIRE_TOOLS=1.
var ErrNoTool = errors.New("tool not installed")

// Tool finds the executable of a pinned tool: the path in envVar when set,
// else bin/<name> at the module root (where `make tools` installs it).
// install says how to get it, for the error that wraps ErrNoTool.
func Tool(envVar, name, install string) (string, error) {
	path := os.Getenv(envVar)
	if path == "" {
		root, err := moduleRoot()
		if err != nil {
			return "", fmt.Errorf("%w: %w (set %s)", ErrNoTool, err, envVar)
		}
		path = filepath.Join(root, "bin", name)
	}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%w: no %s (%s, or set %s)", ErrNoTool, path, install, envVar)
	}
	if err != nil {
		return "", err
	}
	if info.IsDir() || info.Mode()&0o111 == 0 {
		return "", fmt.Errorf("%s is not an executable file", path)
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
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
	}
}
