package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
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
