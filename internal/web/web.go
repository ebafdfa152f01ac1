// Package web serves the embedded web app: hashed assets with long caching,
// index.html for every client-side route, and a clear page when the app has
// not been built (a fresh clone runs `go build` before `npm run build`).
package web

import (
	"bytes"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// Handler serves the web app held in dist.
type Handler struct {
	files fs.FS
	built bool
	index []byte
}

// New returns a handler for the built app; built is false when the app was
// not built before the binary.
func New(dist fs.FS, built bool) *Handler {
	h := &Handler{files: dist, built: built}
	if built {
		h.index, _ = fs.ReadFile(dist, "index.html")
	}
	return h
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !h.built {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(notBuiltPage))
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name != "" && !strings.HasPrefix(path.Base(name), ".") {
		if f, err := fs.Stat(h.files, name); err == nil && !f.IsDir() {
			if strings.HasPrefix(name, "assets/") {
				// Vite puts a content hash in every asset name.
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			} else {
				w.Header().Set("Cache-Control", "public, max-age=3600")
			}
			http.ServeFileFS(w, r, h.files, name)
			return
		}
		if path.Ext(name) != "" {
			http.NotFound(w, r) // a missing file, not a page
			return
		}
	}
	// A client-side route: the app decides what to show.
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(h.index))
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Passerelle: web app not built</title></head>
<body><main>
<h1>Web app not built</h1>
<p>This binary was compiled before the web app was built: run <code>make build</code> (or <code>make run</code>), then start it again.</p>
<p>The API works meanwhile: <a href="/api/openapi.json">/api/openapi.json</a>, <a href="/readyz">/readyz</a>.</p>
</main></body></html>
`
