package api

import (
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"passerelle/frontend"
	"passerelle/internal/web"
)

// headersServer is the whole router with a small built web app and no
// database: enough for every kind of response the headers must be on.
func headersServer(t *testing.T, h SecurityHeaders, trustedProxies ...string) *httptest.Server {
	t.Helper()
	dist := fstest.MapFS{
		"index.html":         {Data: []byte(`<!doctype html><html><head><!--passerelle:head--><title>x</title><!--/passerelle:head--></head><body><div id="root"></div><script type="module" src="/assets/app-1234.js"></script></body></html>`)},
		"assets/app-1234.js": {Data: []byte(`console.log("app")`)},
		"favicon.svg":        {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
	}
	handler, _ := build(Deps{
		Log: slog.New(slog.DiscardHandler), Version: "test", Registry: prometheus.NewRegistry(), MaxBodyBytes: 1 << 10,
		Web:      web.New(dist, true, web.Options{PublicURL: "http://localhost:8080"}),
		Sessions: Sessions{MaxAge: time.Hour}, TrustedProxies: trustedProxies, Headers: h,
	})
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv
}

// securityResponses are the kinds of response a browser meets: API
// answers and problems, web pages, static assets, missing files, refusals.
var securityResponses = []struct{ name, method, path, body string }{
	{"API JSON", "GET", "/api/v1/meta", ""},
	{"OpenAPI document", "GET", "/api/openapi.json", ""},
	{"API 404 problem", "GET", "/api/v1/no-such-operation", ""},
	{"API 401 problem", "GET", "/api/v1/me", ""},
	// This server has no accounts behind it: the login panics, and the
	// recovery answers 500 problem+json.
	{"API 500 problem", "POST", "/api/v1/auth/login", `{"email":"a@x.test","password":"x"}`},
	{"health", "GET", "/healthz", ""},
	{"web page", "GET", "/search", ""},
	{"web home", "GET", "/", ""},
	{"static asset", "GET", "/assets/app-1234.js", ""},
	{"static file", "GET", "/favicon.svg", ""},
	{"missing asset", "GET", "/assets/missing-1234.js", ""},
	{"web method refused", "POST", "/search", ""},
	{"robots", "GET", "/robots.txt", ""},
}

func fetch(t *testing.T, srv *httptest.Server, method, path, body string, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp
}

// cspDirectives splits a Content-Security-Policy into its directives.
func cspDirectives(t *testing.T, policy string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) == 0 {
			continue
		}
		if _, dup := out[f[0]]; dup {
			t.Errorf("directive %s given twice (browsers ignore the second)", f[0])
		}
		out[f[0]] = f[1:]
	}
	return out
}

func TestSecurityHeadersOnEveryKindOfResponse(t *testing.T) {
	srv := headersServer(t, SecurityHeaders{StorageOrigin: "http://127.0.0.1:9000"})
	statuses := map[int]bool{}
	for _, rq := range securityResponses {
		resp := fetch(t, srv, rq.method, rq.path, rq.body)
		statuses[resp.StatusCode] = true
		h := resp.Header
		want := map[string]string{
			"X-Content-Type-Options": "nosniff",
			"X-Frame-Options":        "DENY",
			"Referrer-Policy":        "strict-origin-when-cross-origin",
		}
		for k, v := range want {
			if got := h.Get(k); got != v {
				t.Errorf("%s (%s %s, %d): %s = %q, want %q", rq.name, rq.method, rq.path, resp.StatusCode, k, got, v)
			}
		}
		if !strings.Contains(h.Get("Permissions-Policy"), "camera=()") {
			t.Errorf("%s: Permissions-Policy %q", rq.name, h.Get("Permissions-Policy"))
		}
		if h.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS sent over plain http to a site configured for http", rq.name)
		}
		csp := h.Get("Content-Security-Policy")
		if csp == "" {
			t.Errorf("%s (%s %s, %d): no Content-Security-Policy", rq.name, rq.method, rq.path, resp.StatusCode)
			continue
		}
		d := cspDirectives(t, csp)
		for name, want := range map[string]string{
			"default-src": "'self'", "script-src": "'self'", "frame-ancestors": "'none'", "base-uri": "'self'",
			"form-action": "'self'", "connect-src": "'self'",
		} {
			if strings.Join(d[name], " ") != want {
				t.Errorf("%s: %s is %q, want %q", rq.name, name, strings.Join(d[name], " "), want)
			}
		}
		for _, name := range []string{"script-src", "default-src"} {
			for _, src := range d[name] {
				if src == "'unsafe-inline'" || src == "'unsafe-eval'" || src == "*" || src == "data:" || src == "blob:" {
					t.Errorf("%s: %s allows %s", rq.name, name, src)
				}
			}
		}
		// Downloads are presigned links to object storage: the evidence
		// viewer shows their images and PDFs.
		for _, name := range []string{"img-src", "object-src"} {
			if !strings.Contains(strings.Join(d[name], " "), "http://127.0.0.1:9000") {
				t.Errorf("%s: %s %q does not allow the object storage", rq.name, name, d[name])
			}
		}
	}
	// The table really reached successes, client errors and refusals.
	for _, s := range []int{200, 401, 404, 405, 500} {
		if !statuses[s] {
			t.Errorf("no response with status %d among the kinds checked (got %v)", s, statuses)
		}
	}
}

func TestHSTSOnlyOverTLS(t *testing.T) {
	// Configured https (a TLS-terminating proxy in front): always.
	https := headersServer(t, SecurityHeaders{HTTPS: true})
	for _, rq := range securityResponses {
		resp := fetch(t, https, rq.method, rq.path, rq.body)
		if got := resp.Header.Get("Strict-Transport-Security"); !strings.HasPrefix(got, "max-age=63072000") {
			t.Errorf("%s over a site configured for https: HSTS %q", rq.name, got)
		}
	}
	// A direct TLS connection.
	tlsSrv := httptest.NewTLSServer(headersServer(t, SecurityHeaders{}).Config.Handler)
	t.Cleanup(tlsSrv.Close)
	resp, err := tlsSrv.Client().Get(tlsSrv.URL + "/api/v1/meta")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS over a TLS connection")
	}
	// X-Forwarded-Proto counts only from a trusted proxy.
	untrusted := headersServer(t, SecurityHeaders{})
	if h := fetch(t, untrusted, "GET", "/", "", "X-Forwarded-Proto", "https").Header.Get("Strict-Transport-Security"); h != "" {
		t.Errorf("HSTS on the word of an untrusted client: %q", h)
	}
	trusted := headersServer(t, SecurityHeaders{}, "127.0.0.1")
	if h := fetch(t, trusted, "GET", "/", "", "X-Forwarded-Proto", "https").Header.Get("Strict-Transport-Security"); h == "" {
		t.Error("no HSTS when the trusted proxy says the client used https")
	}
	if h := fetch(t, trusted, "GET", "/", "").Header.Get("Strict-Transport-Security"); h != "" {
		t.Errorf("HSTS over plain http through the trusted proxy: %q", h)
	}
}

// inlineScript matches a <script> element without src whose type makes
// browsers run it (JSON-LD and other data blocks are not scripts).
var (
	scriptTag  = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	srcAttr    = regexp.MustCompile(`(?i)\bsrc\s*=`)
	typeAttr   = regexp.MustCompile(`(?i)\btype\s*=\s*["']?([^"'\s>]+)`)
	inlineAttr = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
)

// TestBuiltAppNeedsNoInlineScript reads the web app as built into the
// binary: script-src 'self' would block an inline script or event handler.
func TestBuiltAppNeedsNoInlineScript(t *testing.T) {
	dist, built := frontend.Dist()
	if !built {
		if os.Getenv("PASSERELLE_TEST_REQUIRE_TOOLS") == "1" {
			t.Fatal("the web app is not built (make build)")
		}
		t.Skip("the web app is not built (make build)")
	}
	var pages []string
	_ = fs.WalkDir(dist, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	if len(pages) == 0 {
		t.Fatal("no HTML page in the build")
	}
	for _, p := range pages {
		b, err := fs.ReadFile(dist, p)
		if err != nil {
			t.Fatal(err)
		}
		checkNoInlineScript(t, p, string(b))
	}
	// And the pages as served, with the head the server writes (JSON-LD).
	srv := httptest.NewServer(web.New(dist, true, web.Options{PublicURL: "http://localhost:8080"}))
	t.Cleanup(srv.Close)
	resp, err := http.Get(srv.URL + "/search")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	checkNoInlineScript(t, "/search as served", string(body))
}

func checkNoInlineScript(t *testing.T, where, html string) {
	t.Helper()
	for _, f := range inlineScripts(html) {
		t.Errorf("%s: %s (blocked by script-src 'self')", where, f)
	}
}

// inlineScripts lists the inline scripts and event handler attributes of html.
func inlineScripts(html string) []string {
	var found []string
	for _, m := range scriptTag.FindAllStringSubmatch(html, -1) {
		attrs, body := m[1], strings.TrimSpace(m[2])
		if srcAttr.MatchString(attrs) {
			continue
		}
		typ := "text/javascript"
		if tm := typeAttr.FindStringSubmatch(attrs); tm != nil {
			typ = strings.ToLower(tm[1])
		}
		if (typ == "module" || strings.Contains(typ, "javascript")) && body != "" {
			found = append(found, fmt.Sprintf("inline script %.120q", body))
		}
	}
	for _, m := range inlineAttr.FindAllString(html, -1) {
		found = append(found, "event handler attribute "+strings.TrimSpace(m))
	}
	return found
}

func TestInlineScriptsFinds(t *testing.T) {
	for _, bad := range []string{
		`<script>alert(1)</script>`,
		`<script type="module">import "x"</script>`,
		`<img src=x onerror="alert(1)">`,
	} {
		if len(inlineScripts(bad)) == 0 {
			t.Errorf("not found: %s", bad)
		}
	}
	for _, good := range []string{
		`<script type="module" crossorigin src="/assets/a.js"></script>`,
		`<script type="application/ld+json">{"@type":"Offer"}</script>`,
	} {
		if f := inlineScripts(good); len(f) > 0 {
			t.Errorf("false alarm on %s: %v", good, f)
		}
	}
}
