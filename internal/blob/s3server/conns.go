package s3server

import (
	"net"
	"net/http"
	"sync"
)

// freshConns tracks connections that have not started a request yet.
//
// http.Server.Shutdown waits 5 s before it treats such a connection as
// idle, and HTTP clients routinely leave one behind (Go's transport dials
// a spare connection when a request is served by another that freed up).
// Closing them at once keeps Close from stalling for nothing.
type freshConns struct {
	mu    sync.Mutex
	conns map[net.Conn]struct{}
}

// track is the http.Server.ConnState hook.
func (f *freshConns) track(c net.Conn, state http.ConnState) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if state == http.StateNew {
		if f.conns == nil {
			f.conns = map[net.Conn]struct{}{}
		}
		f.conns[c] = struct{}{}
		return
	}
	delete(f.conns, c)
}

// closeAll closes every connection that has not started a request.
func (f *freshConns) closeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for c := range f.conns {
		_ = c.Close()
		delete(f.conns, c)
	}
}
