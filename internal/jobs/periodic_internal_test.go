package jobs

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestRunAndLogCountLogsOnlyWhatWasDoneAndReturnsTheError(t *testing.T) {
	failed := errors.New("database gone")
	cases := []struct {
		name    string
		n       int
		err     error
		wantLog string
	}{
		{"nothing to do", 0, nil, ""},
		{"nothing done, failed", 0, failed, ""},
		{"some done", 3, nil, `level=INFO msg="meeting requests expired" count=3`},
		{"some done, then failed", 2, failed, `level=INFO msg="meeting requests expired" count=2`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			log := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{
				ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
					if a.Key == slog.TimeKey {
						return slog.Attr{}
					}
					return a
				},
			}))
			calls := 0
			err := runAndLogCount(context.Background(), log, "meeting requests expired", "count", func(context.Context) (int, error) {
				calls++
				return c.n, c.err
			})
			if calls != 1 {
				t.Fatalf("the use case ran %d times, want once", calls)
			}
			if !errors.Is(err, c.err) || (c.err == nil && err != nil) {
				t.Fatalf("error = %v, want %v", err, c.err)
			}
			if got := strings.TrimSpace(out.String()); got != c.wantLog {
				t.Fatalf("log = %q, want %q", got, c.wantLog)
			}
		})
	}
}
