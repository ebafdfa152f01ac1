package requestid_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"passerelle/internal/requestid"
)

func TestHandlerAddsTheRequestIDOnce(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(requestid.NewHandler(requestid.NewHandler(slog.NewTextHandler(&buf, nil)))).With("component", "test")
	ctx := requestid.With(context.Background(), "abc-123")
	log.InfoContext(ctx, "with")
	log.InfoContext(ctx, "explicit", requestid.LogKey, "abc-123")
	log.InfoContext(context.Background(), "without")
	log.Info("no context")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines: %q", len(lines), buf.String())
	}
	for i, want := range []int{1, 1, 0, 0} {
		if got := strings.Count(lines[i], "request_id=abc-123"); got != want {
			t.Errorf("line %q has the id %d times, want %d", lines[i], got, want)
		}
	}
	if requestid.From(requestid.With(context.Background(), "")) != "" {
		t.Error("an empty id must not be carried")
	}
}
