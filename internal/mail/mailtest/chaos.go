package mailtest

import (
	"net/http"
	"testing"
)

// Chaos makes Mailpit's SMTP side fail on purpose. A zero trigger is off.
type Chaos struct {
	Sender         ChaosTrigger `json:",omitzero"` // MAIL FROM
	Recipient      ChaosTrigger `json:",omitzero"` // RCPT TO
	Authentication ChaosTrigger `json:",omitzero"` // AUTH
}

// ChaosTrigger answers ErrorCode (400–599) with Probability percent.
type ChaosTrigger struct {
	ErrorCode   int
	Probability int
}

// SetChaos turns on c for the whole server until the test ends. Every test
// of the process sees it: never call it from a parallel test, and keep
// tests that need a working server out of the window (a test that does not
// call t.Parallel runs alone).
func (s *Server) SetChaos(tb testing.TB, c Chaos) {
	tb.Helper()
	s.call(tb, http.MethodPut, "/api/v1/chaos", c, nil)
	tb.Cleanup(func() { s.call(tb, http.MethodPut, "/api/v1/chaos", Chaos{}, nil) })
}
