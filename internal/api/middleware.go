package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
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

// securityHeaders sets the headers every response needs whatever its route.
func securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
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
