package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"passerelle/internal/domain"
)

func TestServesAppAndFallsBackToIndex(t *testing.T) {
	dist := fstest.MapFS{
		"index.html":      {Data: []byte("<html>app</html>")},
		"assets/app-1.js": {Data: []byte("console.log(1)")},
		".placeholder":    {Data: []byte("x")},
		"favicon.svg":     {Data: []byte("<svg/>")},
	}
	h := New(dist, true, Options{PublicURL: "https://passerelle.example"})
	cases := []struct {
		path, want string
		status     int
		cache      string
	}{
		{"/", "<html>app</html>", 200, "no-cache"},
		{"/offers/123", "<html>app</html>", 200, "no-cache"},
		{"/assets/app-1.js", "console.log(1)", 200, "public, max-age=31536000, immutable"},
		{"/favicon.svg", "<svg/>", 200, "public, max-age=3600"},
		{"/assets/missing.js", "", 404, ""},
		{"/.placeholder", "<html>app</html>", 200, "no-cache"},
		{"/../../etc/passwd", "<html>app</html>", 200, "no-cache"},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.path, nil))
		if rec.Code != c.status {
			t.Errorf("%s: status %d, want %d", c.path, rec.Code, c.status)
			continue
		}
		if c.want != "" && rec.Body.String() != c.want {
			t.Errorf("%s: body %q, want %q", c.path, rec.Body.String(), c.want)
		}
		if c.cache != "" && rec.Header().Get("Cache-Control") != c.cache {
			t.Errorf("%s: Cache-Control %q, want %q", c.path, rec.Header().Get("Cache-Control"), c.cache)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", rec.Code)
	}
}

func TestNotBuiltPage(t *testing.T) {
	h := New(fstest.MapFS{}, false, Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "make build") {
		t.Fatalf("got %d %q", rec.Code, rec.Body.String())
	}
}

func TestPlainText(t *testing.T) {
	cases := []struct{ md, want string }{
		{"", ""},
		{"Tonte et **taille** des haies", "Tonte et taille des haies."},
		{"Intro.\n\n- one\n- two!\n\n## Lots\n\n`code` & <b>raw</b>", "Intro. one. two! Lots. code & raw."},
		{"A [link](https://example.org) and ![an image](https://x/y.png)…", "A link and an image…"},
	}
	for _, c := range cases {
		if got := plainText(c.md); got != c.want {
			t.Errorf("plainText(%q) = %q, want %q", c.md, got, c.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	cases := []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"Entretien des espaces verts de la ville", 20, "Entretien des…"},
		{"Grünflächenpflegeundmehr", 10, "Grünfläch…"},
	}
	for _, c := range cases {
		if got := truncate(c.s, c.n); got != c.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

func TestPageWritesTheHeadBetweenTheMarkers(t *testing.T) {
	index := []byte(`<!doctype html><html lang="en" class="x"><head><!--passerelle:head--><title>Passerelle</title><!--/passerelle:head--></head><body></body></html>`)
	got := string(page(index, head{Lang: "de", Title: `A & "B" <i>`, Description: "d", JSONLD: map[string]any{"name": "</script><script>alert(1)</script>"}}))
	for _, want := range []string{`<html lang="de" class="x">`, `<title>A &amp; &#34;B&#34; &lt;i&gt;</title>`,
		`"name":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"`, `<meta property="og:locale" content="de_DE" />`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if strings.Count(got, "<title>") != 1 || strings.Contains(got, "<script>alert") {
		t.Errorf("head not replaced or not escaped:\n%s", got)
	}
}

func TestOrganisationDescriptionFallsBackToItsWorkingLanguages(t *testing.T) {
	org := domain.Organisation{Languages: []string{"fr", "de"},
		Descriptions: []domain.LocalizedText{{Lang: "de", Text: "Werkstatt"}, {Lang: "fr", Text: "Atelier"}}}
	for lang, want := range map[domain.Language]string{"de": "Werkstatt", "fr": "Atelier", "nl": "Atelier", "en": "Atelier"} {
		if got := organisationDescription(org, lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got := organisationDescription(domain.Organisation{}, "en"); got != "" {
		t.Errorf("none: %q", got)
	}
}
