package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"passerelle/internal/requestid"
)

// RequestIDHeader carries the request id in and out.
const RequestIDHeader = "X-Request-Id"

// RequestIDFrom returns the id of the request being served, or "".
func RequestIDFrom(ctx context.Context) string { return requestid.From(ctx) }

// requestID keeps a well-formed incoming X-Request-Id (so a proxy's id
// follows the request through our logs) or makes one, and echoes it.
func requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(RequestIDHeader)
		if !validRequestID(id) {
			b := make([]byte, 12)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		// Kept in the context (package requestid), it goes on into the
		// jobs the request queues, and into their logs.
		c.Request = c.Request.WithContext(requestid.With(c.Request.Context(), id))
		c.Header(RequestIDHeader, id)
		c.Next()
	}
}

func validRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
		if !ok {
			return false
		}
	}
	return true
}

// accessLog writes one line per request. The query string is left out: it
// may carry tokens (password reset, unsubscribe links).
func accessLog(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		level := slog.LevelInfo
		switch {
		case c.Writer.Status() >= 500:
			level = slog.LevelError
		case c.Request.URL.Path == "/healthz" || c.Request.URL.Path == "/readyz" || c.Request.URL.Path == "/metrics":
			level = slog.LevelDebug
		}
		log.LogAttrs(c.Request.Context(), level, "request",
			slog.String("method", c.Request.Method),
			slog.String("path", c.Request.URL.Path),
			slog.String("route", routeLabel(c)),
			slog.Int("status", c.Writer.Status()),
			slog.Int("bytes", c.Writer.Size()),
			slog.Duration("duration", time.Since(start)),
			slog.String("request_id", RequestIDFrom(c.Request.Context())),
			slog.String("remote", c.ClientIP()),
		)
	}
}

// recoverProblem turns a panic into a 500 problem+json and logs the stack.
func recoverProblem(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(v) // the client went away: let net/http drop the connection
			}
			log.ErrorContext(c.Request.Context(), "panic serving request",
				"panic", fmt.Sprint(v), "request_id", RequestIDFrom(c.Request.Context()), "stack", string(debug.Stack()))
			if !c.Writer.Written() {
				writeProblem(c, http.StatusInternalServerError, "An unexpected error occurred. Quote request id "+RequestIDFrom(c.Request.Context())+" when reporting it.")
			}
			c.Abort()
		}()
		c.Next()
	}
}

// limitBody bounds every request body; huma then answers 413 problem+json.
// Routes listed in own (by "METHOD /gin/path") get their own bound
// instead: uploads are larger than any JSON body.
func limitBody(max int64, own map[string]int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		limit := max
		if l, ok := own[c.Request.Method+" "+c.FullPath()]; ok {
			limit = l
		}
		if c.Request.Body != nil && limit > 0 {
			c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		}
		c.Next()
	}
}

// SecurityHeaders configures the headers every response carries (see
// securityHeaders and the README's Security section).
type SecurityHeaders struct {
	// HTTPS says the site is reached over TLS (PASSERELLE_PUBLIC_URL is
	// https): every response then carries Strict-Transport-Security.
	HTTPS bool
	// StorageOrigin is the origin ("https://s3.example.org") of the
	// presigned download links: the evidence viewer shows their images and
	// PDFs, so img-src and object-src name it. Empty: same origin only.
	StorageOrigin string
}

// mapTilesOrigin serves the maps' tiles (frontend/src/components/map).
const mapTilesOrigin = "https://tile.openstreetmap.org"

// hstsMaxAge is two years, what the HSTS preload list asks for.
const hstsMaxAge = "max-age=63072000; includeSubDomains"

// contentSecurityPolicy is the policy of every response. Scripts come only
// from the app's own files (Vite's build has no inline script; the JSON-LD
// blocks the server writes are data, not scripts). Styles allow
// 'unsafe-inline': Mantine and Leaflet set style attributes and inject
// <style> at run time. Images may be data: and blob: URLs (bundled icons,
// previews of a file being uploaded), map tiles, and downloads from object
// storage, where PDFs too are shown in an <object>.
func (h SecurityHeaders) contentSecurityPolicy() string {
	storage := ""
	if h.StorageOrigin != "" {
		storage = " " + h.StorageOrigin
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob: " + mapTilesOrigin + storage,
		"font-src 'self' data:",
		"connect-src 'self'",
		"media-src 'self'" + storage,
		"object-src 'self'" + storage,
		"frame-src 'self'" + storage,
		"worker-src 'self'",
		"manifest-src 'self'",
		"frame-ancestors 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	}, "; ")
}

// permissionsPolicy turns off the powerful features the app never uses.
const permissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()"

// securityHeaders sets the headers every response needs whatever its route:
// API answers, web pages, static assets, errors and redirects. HSTS is sent
// only over TLS: when the public URL is https, when the connection itself
// is TLS, or when a trusted proxy (gin's, from PASSERELLE_TRUSTED_PROXIES)
// says the client used https; a browser told so over plain http would
// refuse the site for two years once it moved.
func securityHeaders(cfg SecurityHeaders, trustedProxies []string) gin.HandlerFunc {
	csp := cfg.contentSecurityPolicy()
	trusted := trustedNets(trustedProxies)
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", permissionsPolicy)
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if cfg.HTTPS || c.Request.TLS != nil || forwardedHTTPS(c, trusted) {
			h.Set("Strict-Transport-Security", hstsMaxAge)
		}
		c.Next()
	}
}

// requestDeadline gives every request but the streamed ones (uploads,
// which set their own deadlines) d to be served: past it, the database
// and other services see a cancelled context and the request answers 503
// problem+json, instead of waiting on a server that does not answer for
// as long as it does not (TestPostgresFrozenUnderTraffic). d <= 0 sets none.
func requestDeadline(d time.Duration, streams map[string]int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, stream := streams[c.Request.Method+" "+c.FullPath()]; d <= 0 || stream {
			c.Next()
			return
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), d)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// trustedNets parses PASSERELLE_TRUSTED_PROXIES (IPs or CIDRs, as gin
// takes them); entries that are neither are left out (gin warns of them).
func trustedNets(proxies []string) []*net.IPNet {
	var nets []*net.IPNet
	for _, p := range proxies {
		p = strings.TrimSpace(p)
		if !strings.Contains(p, "/") {
			if ip := net.ParseIP(p); ip != nil {
				bits := 8 * len(ip.To16())
				if ip.To4() != nil {
					ip, bits = ip.To4(), 32
				}
				nets = append(nets, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			}
			continue
		}
		if _, n, err := net.ParseCIDR(p); err == nil {
			nets = append(nets, n)
		}
	}
	return nets
}

// forwardedHTTPS reports a X-Forwarded-Proto: https set by a trusted
// proxy; from anyone else the header is ignored.
func forwardedHTTPS(c *gin.Context, trusted []*net.IPNet) bool {
	if len(trusted) == 0 || !strings.EqualFold(c.GetHeader("X-Forwarded-Proto"), "https") {
		return false
	}
	peer := net.ParseIP(c.RemoteIP())
	for _, n := range trusted {
		if peer != nil && n.Contains(peer) {
			return true
		}
	}
	return false
}
