// Package web serves the embedded web app: hashed assets with long caching,
// index.html for every client-side route with the page's title,
// description, canonical URL, language alternates, OpenGraph tags and
// schema.org JSON-LD written into its head, /sitemap.xml and /robots.txt,
// and a clear page when the app has not been built (a fresh clone runs
// `go build` before `npm run build`).
package web

import (
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// Handler serves the web app held in dist.
type Handler struct {
	files fs.FS
	built bool
	index []byte
	pages Pages
	base  string
	log   *slog.Logger
	// perSitemap is how many URLs one sitemap file lists.
	perSitemap int64
}

// Options are what the handler needs beyond the app's files.
type Options struct {
	// Pages loads the public listings and profiles; nil serves every page
	// with the generic head (and an empty sitemap).
	Pages Pages
	// PublicURL is the site's address, the base of every absolute URL
	// (canonical, alternates, sitemap).
	PublicURL string
	Log       *slog.Logger
	// PerSitemap is how many URLs one sitemap file lists, beyond which
	// /sitemap.xml is an index of several; 0 means the protocol's maximum,
	// 50,000.
	PerSitemap int
}

// maxPerSitemap is the sitemap protocol's limit of URLs in one file.
const maxPerSitemap = 50_000

// New returns a handler for the built app; built is false when the app was
// not built before the binary.
func New(dist fs.FS, built bool, opts Options) *Handler {
	h := &Handler{files: dist, built: built, pages: opts.Pages, base: strings.TrimRight(opts.PublicURL, "/"), log: opts.Log,
		perSitemap: int64(opts.PerSitemap)}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if h.perSitemap <= 0 || h.perSitemap > maxPerSitemap {
		h.perSitemap = maxPerSitemap
	}
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
	switch r.URL.Path {
	case "/robots.txt":
		h.robots(w, r)
		return
	case "/sitemap.xml":
		h.sitemap(w, r)
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
	// A client-side route: the app decides what to show, under the head
	// the server writes for it.
	lang := requestLanguage(r)
	hd, status := h.describe(r, lang)
	body := page(h.index, hd)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	// The head depends on the listing, which may change at any time, and
	// on the language, which Accept-Language may choose.
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Vary", "Accept-Language")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Passerelle: web app not built</title></head>
<body><main>
<h1>Web app not built</h1>
<p>This binary was compiled before the web app was built: run <code>make build</code> (or <code>make run</code>), then start it again.</p>
<p>The API works meanwhile: <a href="/api/openapi.json">/api/openapi.json</a>, <a href="/readyz">/readyz</a>.</p>
</main></body></html>
`
