package testshared_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"passerelle/internal/testshared"
)

func TestProcessLogQuotesTheEndOfWhatTheToolWrote(t *testing.T) {
	log, err := testshared.NewProcessLog("testshared-log-")
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	if _, err := os.Stat(log.File().Name()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the log is still on disk as %s (%v)", log.File().Name(), err)
	}
	if got := log.String(); got != "(no output)" {
		t.Errorf("empty log = %q", got)
	}
	if _, err := log.File().WriteString("listening on 127.0.0.1:1025\n"); err != nil {
		t.Fatal(err)
	}
	if got := log.String(); got != "listening on 127.0.0.1:1025\n" {
		t.Errorf("log = %q", got)
	}
	// Reading does not move where the tool writes: the next line follows.
	if _, err := log.File().WriteString("ready\n"); err != nil {
		t.Fatal(err)
	}
	if got := log.String(); got != "listening on 127.0.0.1:1025\nready\n" {
		t.Errorf("log after a read and a write = %q", got)
	}
	// A long log: only its end, the last line whole.
	line := strings.Repeat("x", 99) + "\n"
	for range 200 {
		if _, err := log.File().WriteString(line); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := log.File().WriteString("fatal: port in use\n"); err != nil {
		t.Fatal(err)
	}
	got := log.String()
	if len(got) != 8<<10 || !strings.HasSuffix(got, "fatal: port in use\n") || strings.Contains(got, "listening") {
		t.Errorf("long log: %d bytes, ends %q", len(got), got[max(len(got)-40, 0):])
	}
}
