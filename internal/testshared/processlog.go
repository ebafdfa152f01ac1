package testshared

import (
	"os"
)

// processLogTail is how much of a tool's log an error message quotes.
const processLogTail = 8 << 10

// ProcessLog is where a tool the tests run (Mailpit, stripe-mock) writes
// its output: an unlinked temporary file, not a pipe. A pipe with no
// reader left (the test binary died) would kill the tool with SIGPIPE
// before it cleans up after itself; an unlinked file leaves nothing on
// disk, whatever happens.
type ProcessLog struct {
	file *os.File
}

// NewProcessLog creates the log, its temporary name starting with prefix.
func NewProcessLog(prefix string) (*ProcessLog, error) {
	f, err := os.CreateTemp("", prefix)
	if err != nil {
		return nil, err
	}
	_ = os.Remove(f.Name())
	return &ProcessLog{file: f}, nil
}

// File is what the tool writes to: its command's Stdout and Stderr.
func (l *ProcessLog) File() *os.File { return l.file }

// Close closes the log (once the tool has exited). The file is unlinked:
// a failed close loses nothing a test needs.
func (l *ProcessLog) Close() { _ = l.file.Close() }

// String returns the end of the log (its last 8 KiB), for error messages
// that say why a tool did not start.
func (l *ProcessLog) String() string {
	info, err := l.file.Stat()
	if err != nil {
		return err.Error()
	}
	start := max(info.Size()-processLogTail, 0)
	buf := make([]byte, info.Size()-start)
	n, _ := l.file.ReadAt(buf, start) // ReadAt leaves the offset the tool writes at alone
	if n == 0 {
		return "(no output)"
	}
	return string(buf[:n])
}
