package web

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// sitemapChunk is how many entries are read from the database at a time
// while a sitemap is written: memory stays bounded whatever its size.
const sitemapChunk = 1000

// sitemapPaths are the page paths of the sitemap's kinds.
var sitemapPaths = map[string]string{"offer": "/offers/", "tender": "/tenders/", "organisation": "/organisations/"}

// sitemap serves /sitemap.xml: the home page and every public listing and
// supplier profile with its language alternates and last change. Beyond
// perSitemap URLs it is a sitemap index of /sitemap.xml?page=1…n, each
// page listing perSitemap of them.
func (h *Handler) sitemap(w http.ResponseWriter, r *http.Request) {
	var total int64
	if h.pages != nil {
		var err error
		if total, err = h.pages.SitemapSize(r.Context()); err != nil {
			h.log.Error("sitemap", "err", err)
			http.Error(w, "the sitemap is unavailable: try again later", http.StatusServiceUnavailable)
			return
		}
	}
	total++ // the home page
	pages := (total + h.perSitemap - 1) / h.perSitemap
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	raw := r.URL.Query().Get("page")
	if raw == "" && pages > 1 {
		if r.Method == http.MethodHead {
			return
		}
		bw := bufio.NewWriter(w)
		fmt.Fprint(bw, xml.Header+`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+"\n")
		for i := int64(1); i <= pages; i++ {
			fmt.Fprintf(bw, "<sitemap><loc>%s/sitemap.xml?page=%d</loc></sitemap>\n", xmlEscape(h.base), i)
		}
		fmt.Fprint(bw, "</sitemapindex>\n")
		_ = bw.Flush()
		return
	}
	n := int64(1)
	if raw != "" {
		var err error
		if n, err = strconv.ParseInt(raw, 10, 64); err != nil || n < 1 || n > pages {
			w.Header().Del("Content-Type")
			http.NotFound(w, r)
			return
		}
	}
	if r.Method == http.MethodHead {
		return
	}
	h.writeURLSet(w, r, n)
}

// writeURLSet streams page n (from 1) of the sitemap's URLs. The home page
// is the first URL of the first page; the rest come from the database,
// sitemapChunk at a time.
func (h *Handler) writeURLSet(w io.Writer, r *http.Request, n int64) {
	bw := bufio.NewWriter(w)
	defer func() { _ = bw.Flush() }()
	fmt.Fprint(bw, xml.Header+`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`+"\n")
	skip, left := (n-1)*h.perSitemap, h.perSitemap
	if n == 1 {
		h.writeURL(bw, h.base+"/", time.Time{})
		left--
	} else {
		skip-- // the home page took the first page's first place
	}
	for left > 0 && h.pages != nil {
		entries, err := h.pages.SitemapEntries(r.Context(), skip, min(left, sitemapChunk))
		if err != nil {
			// The status is sent: a cut document tells the crawler to come back.
			h.log.Error("sitemap", "err", err)
			return
		}
		for _, e := range entries {
			h.writeURL(bw, h.base+sitemapPaths[e.Kind]+e.ID, e.LastMod)
		}
		if int64(len(entries)) < min(left, sitemapChunk) {
			break
		}
		skip += int64(len(entries))
		left -= int64(len(entries))
	}
	fmt.Fprint(bw, "</urlset>\n")
}

// writeURL writes one <url> with its alternates in every language (the
// same URL with ?lang=) and x-default (without).
func (h *Handler) writeURL(w *bufio.Writer, loc string, lastMod time.Time) {
	loc = xmlEscape(loc)
	fmt.Fprint(w, "<url><loc>"+loc+"</loc>")
	if !lastMod.IsZero() {
		fmt.Fprint(w, "<lastmod>"+lastMod.UTC().Format(time.RFC3339)+"</lastmod>")
	}
	for _, l := range hreflangs {
		fmt.Fprint(w, `<xhtml:link rel="alternate" hreflang="`+string(l)+`" href="`+loc+"?lang="+string(l)+`"/>`)
	}
	fmt.Fprint(w, `<xhtml:link rel="alternate" hreflang="x-default" href="`+loc+`"/></url>`+"\n")
}

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// robotsAPIAllowed are the API paths the app reads to show public pages:
// a crawler that runs the app needs them. The rest of /api/ is for
// signed-in users and tools.
var robotsAPIAllowed = []string{
	"/api/v1/meta", "/api/v1/search", "/api/v1/offers", "/api/v1/tenders", "/api/v1/organisations/",
	"/api/v1/documents/", "/api/v1/sectors", "/api/v1/cpv", "/api/v1/nuts-regions", "/api/v1/sse-status-types",
}

// robots serves /robots.txt: public pages open, the API closed but for
// what public pages read, the operations endpoints closed, and the sitemap.
func (h *Handler) robots(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\nDisallow: /api/\n")
	for _, p := range robotsAPIAllowed {
		b.WriteString("Allow: " + p + "\n")
	}
	b.WriteString("Disallow: /metrics\nDisallow: /readyz\nDisallow: /healthz\nDisallow: /workspace\n")
	b.WriteString("\nSitemap: " + h.base + "/sitemap.xml\n")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	if r.Method != http.MethodHead {
		_, _ = io.WriteString(w, b.String())
	}
}
