package mail

import (
	"context"
	"crypto/tls"
	"net"
	"sync"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// sessionTimeout bounds a session whatever the context: go-mail sets it as
// the connection deadline after dialing and again before each message, so a
// server that stops answering cannot hold a job forever. The context's own
// end is enforced separately, by closing the connection (see conn).
const sessionTimeout = 30 * time.Second

// conn dials for go-mail and closes the raw connection when the context
// ends: that is the only way to interrupt a session, since go-mail's
// smtp.Client holds a mutex while it waits for a reply (its own Close would
// block until the command times out) and only the dial sees the context.
type conn struct {
	ctx context.Context
	tls *tls.Config // non-nil for implicit TLS

	mu   sync.Mutex
	raw  net.Conn
	stop func() bool
}

func (c *conn) dial(dialCtx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	raw, err := d.DialContext(dialCtx, network, addr)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.raw = raw
	c.stop = context.AfterFunc(c.ctx, func() { raw.Close() })
	c.mu.Unlock()
	if c.tls == nil {
		return raw, nil
	}
	// Handing go-mail a *tls.Conn makes its smtp.Client see the session as
	// encrypted, which PLAIN and LOGIN require before sending a password.
	tc := tls.Client(raw, c.tls)
	if err := tc.HandshakeContext(dialCtx); err != nil {
		return nil, err
	}
	return tc, nil
}

// close releases the connection whatever state it is in: go-mail leaves it
// open when EHLO, STARTTLS or AUTH fail.
func (c *conn) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.raw != nil {
		c.stop()
		c.raw.Close()
	}
}

// session dials the server, runs fn on the open SMTP session and says QUIT.
// A failed QUIT after fn succeeded is ignored: the server has already
// accepted the message, and reporting an error would make a job send it twice.
func (s *Sender) session(ctx context.Context, step string, fn func(*gomail.Client, *smtp.Client) error) error {
	if err := ctx.Err(); err != nil {
		return wrap(ctx, step, err)
	}
	c := &conn{ctx: ctx}
	client, err := s.client(c)
	if err != nil {
		return wrap(ctx, step, err)
	}
	defer c.close()
	sc, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return wrap(ctx, "connect", err)
	}
	if err := fn(client, sc); err != nil {
		return wrap(ctx, step, err)
	}
	_ = client.CloseWithSMTPClient(sc)
	return nil
}

// client makes a go-mail client for one session. A client per session keeps
// concurrent sends independent: a shared go-mail Client serializes them.
func (s *Sender) client(c *conn) (*gomail.Client, error) {
	e := s.endpoint
	// go-mail's own default is STARTTLS when offered; here the URL decides.
	policy := gomail.NoTLS
	switch e.Security {
	case SecuritySTARTTLS:
		policy = gomail.TLSMandatory
	case SecurityTLS:
		// conn.dial does the TLS: go-mail only wraps connections it dials itself.
		c.tls = s.tlsConfig()
	}
	opts := []gomail.Option{
		gomail.WithPort(e.Port),
		gomail.WithTimeout(sessionTimeout),
		gomail.WithDialContextFunc(c.dial),
		gomail.WithTLSPolicy(policy),
		gomail.WithTLSConfig(s.tlsConfig()),
		// A fresh connection needs no NOOP probe, and RSET after DATA is
		// pointless before QUIT; its failure would also be reported as a
		// send error for a message that was delivered.
		gomail.WithoutNoop(),
		gomail.WithoutRset(),
	}
	if e.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthType(e.Auth)),
			gomail.WithUsername(e.Username), gomail.WithPassword(e.Password))
	}
	return gomail.NewClient(e.Host, opts...)
}

func (s *Sender) tlsConfig() *tls.Config {
	return &tls.Config{ServerName: s.endpoint.Host, MinVersion: tls.VersionTLS12, RootCAs: s.rootCAs}
}
