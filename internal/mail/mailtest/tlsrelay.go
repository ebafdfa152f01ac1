package mailtest

import (
	"bufio"
	"crypto/tls"
	"io"
	"net"
	"strings"
	"sync"
)

// tlsRelay gives Mailpit the TLS endpoints it cannot offer on a shared
// server: advertising STARTTLS on Mailpit's own port would make clients
// that upgrade whenever they can (net/smtp, go-mail's default policy) fail
// on the test certificate. The relay ends TLS and forwards the session in
// clear to Mailpit, as stunnel or a load balancer would in production.
//
// In implicit mode TLS starts at once. In STARTTLS mode the relay itself
// answers the few commands allowed before STARTTLS (a stand-in only for
// that greeting), then hands the encrypted session to Mailpit, which then
// answers everything from the client's second EHLO on.
type tlsRelay struct {
	listener net.Listener
	backend  string
	config   *tls.Config
	starttls bool

	wg    sync.WaitGroup
	mu    sync.Mutex
	conns map[net.Conn]struct{} // nil once closed
}

func startTLSRelay(cert tls.Certificate, backend string, starttls bool) (*tlsRelay, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &tlsRelay{
		listener: l,
		backend:  backend,
		config:   &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		starttls: starttls,
		conns:    map[net.Conn]struct{}{},
	}
	r.wg.Go(r.serve)
	return r, nil
}

func (r *tlsRelay) addr() string {
	return r.listener.Addr().String()
}

func (r *tlsRelay) serve() {
	for {
		conn, err := r.listener.Accept()
		if err != nil {
			return // closed by close
		}
		r.wg.Go(func() { r.handle(conn) })
	}
}

func (r *tlsRelay) handle(raw net.Conn) {
	if !r.track(raw) {
		raw.Close()
		return
	}
	defer r.untrack(raw)
	defer raw.Close()
	if r.starttls && !greetUntilSTARTTLS(raw) {
		return
	}
	client := tls.Server(raw, r.config)
	if err := client.Handshake(); err != nil {
		return
	}
	server, err := net.Dial("tcp", r.backend)
	if err != nil {
		return
	}
	if !r.track(server) {
		server.Close()
		return
	}
	defer r.untrack(server)
	defer server.Close()
	if r.starttls {
		// The client was greeted already; Mailpit's greeting must not reach it.
		if !skipGreeting(server) {
			return
		}
	}
	done := make(chan struct{}, 2)
	go func() { _, _ = io.Copy(server, client); done <- struct{}{} }()
	go func() { _, _ = io.Copy(client, server); done <- struct{}{} }()
	<-done // one side hung up: closing both ends the other copy
	_ = client.Close()
	server.Close()
	<-done
}

// greetUntilSTARTTLS plays the server up to a successful STARTTLS and
// reports whether the client asked for it. Clients may not pipeline past
// STARTTLS (RFC 3207), so nothing is left in the reader's buffer.
func greetUntilSTARTTLS(conn net.Conn) bool {
	reply := func(s string) bool {
		_, err := io.WriteString(conn, s)
		return err == nil
	}
	if !reply("220 mailtest ESMTP STARTTLS relay\r\n") {
		return false
	}
	lines := bufio.NewReader(conn)
	for {
		line, err := lines.ReadString('\n')
		if err != nil {
			return false
		}
		verb, _, _ := strings.Cut(strings.ToUpper(strings.TrimSpace(line)), " ")
		var ok bool
		switch verb {
		case "EHLO":
			ok = reply("250-mailtest\r\n250-8BITMIME\r\n250 STARTTLS\r\n")
		case "HELO", "NOOP", "RSET":
			ok = reply("250 OK\r\n")
		case "QUIT":
			reply("221 Bye\r\n")
			return false
		case "STARTTLS":
			return reply("220 Ready to start TLS\r\n")
		default:
			ok = reply("530 5.7.0 Must issue a STARTTLS command first\r\n")
		}
		if !ok {
			return false
		}
	}
}

// skipGreeting reads Mailpit's 220 greeting, which may span several lines.
func skipGreeting(server net.Conn) bool {
	lines := bufio.NewReader(server)
	for {
		line, err := lines.ReadString('\n')
		if err != nil || !strings.HasPrefix(line, "220") {
			return false
		}
		if len(line) < 4 || line[3] != '-' {
			// The reader may only hold the greeting: the server says nothing more
			// until the client speaks.
			return lines.Buffered() == 0
		}
	}
}

// track registers a live connection so that close can end it; it refuses
// once close has begun.
func (r *tlsRelay) track(c net.Conn) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.conns == nil {
		return false
	}
	r.conns[c] = struct{}{}
	return true
}

func (r *tlsRelay) untrack(c net.Conn) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.conns, c)
}

func (r *tlsRelay) close() {
	r.listener.Close()
	r.mu.Lock()
	for c := range r.conns {
		c.Close()
	}
	r.conns = nil
	r.mu.Unlock()
	r.wg.Wait()
}
