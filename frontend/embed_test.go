package frontend

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// TestDist passes before and after `npm run build`: what Dist reports must
// match whether dist/index.html exists on disk (embedding happens at compile
// time, and `go test` compiles the package from the files as they are now).
func TestDist(t *testing.T) {
	fsys, built := Dist()
	if fsys == nil {
		t.Fatal("Dist returned a nil fs.FS")
	}

	_, err := os.Stat("dist/index.html")
	onDisk := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("stat dist/index.html: %v", err)
	}
	if built != onDisk {
		t.Fatalf("Dist() built = %v, but dist/index.html on disk: %v", built, onDisk)
	}

	// The tracked placeholder is always embedded (it is what makes the
	// package compile on a fresh clone).
	if _, err := fs.Stat(fsys, ".placeholder"); err != nil {
		t.Errorf(".placeholder not embedded: %v", err)
	}

	if !built {
		t.Log("web app not built (run `npm ci && npm run build` in frontend/); checked the unbuilt case only")
		return
	}

	index, err := fs.ReadFile(fsys, "index.html")
	if err != nil {
		t.Fatalf("read embedded index.html: %v", err)
	}
	for _, want := range []string{`<div id="root">`, `<script type="module"`, "/assets/"} {
		if !strings.Contains(string(index), want) {
			t.Errorf("embedded index.html lacks %q", want)
		}
	}
	assets, err := fs.ReadDir(fsys, "assets")
	if err != nil {
		t.Fatalf("read embedded assets/: %v", err)
	}
	var js bool
	for _, a := range assets {
		js = js || strings.HasSuffix(a.Name(), ".js")
	}
	if !js {
		t.Error("no JavaScript bundle in embedded assets/")
	}
}
