// Package requestid carries the id of the HTTP request being served in a
// context, and from there into the logs: through the background jobs the
// request queued (package jobs keeps it in each job's metadata) and the
// jobs those queue in turn.
package requestid

import (
	"context"
	"log/slog"
)

// LogKey is the attribute that carries the id in every log line.
const LogKey = "request_id"

type key struct{}

// With returns ctx carrying the request id; an empty id leaves ctx as it is.
func With(ctx context.Context, id string) context.Context {
	if id == "" {
		return ctx
	}
	return context.WithValue(ctx, key{}, id)
}

// From returns the request id ctx carries, or "".
func From(ctx context.Context) string {
	id, _ := ctx.Value(key{}).(string)
	return id
}

// NewHandler wraps h so that every record logged with a context carrying a
// request id has a request_id attribute (unless it has one already).
func NewHandler(h slog.Handler) slog.Handler {
	if _, ok := h.(handler); ok {
		return h
	}
	return handler{h}
}

type handler struct{ slog.Handler }

func (h handler) Handle(ctx context.Context, r slog.Record) error {
	if id := From(ctx); id != "" && !hasAttr(r, LogKey) {
		r = r.Clone()
		r.AddAttrs(slog.String(LogKey, id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return handler{h.Handler.WithAttrs(attrs)}
}

func (h handler) WithGroup(name string) slog.Handler {
	return handler{h.Handler.WithGroup(name)}
}

func hasAttr(r slog.Record, name string) bool {
	found := false
	r.Attrs(func(a slog.Attr) bool {
		found = a.Key == name
		return !found
	})
	return found
}
