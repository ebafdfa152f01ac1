package mail

import (
	"context"
	"crypto/x509"
	"fmt"
	netmail "net/mail"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// Sender delivers messages to the configured SMTP server. It is safe for
// concurrent use; every Send opens its own SMTP session.
type Sender struct {
	enabled  bool
	endpoint Endpoint
	from     *netmail.Address
	// rootCAs is nil (the system roots) except in tests against a server
	// with a certificate of their own making.
	rootCAs *x509.CertPool
}

// NewSender validates cfg. With an empty URL it returns a disabled Sender:
// Send fails with ErrDisabled and Ping succeeds, since a server that was
// never configured cannot be down.
func NewSender(cfg Config) (*Sender, error) {
	if !cfg.Enabled() {
		return &Sender{}, nil
	}
	e, err := ParseURL(cfg.URL)
	if err != nil {
		return nil, err
	}
	from, err := netmail.ParseAddress(cfg.From)
	if err != nil {
		return nil, fmt.Errorf("mail: From %q is not an address like \"Passerelle <no-reply@passerelle.example>\": %w", cfg.From, err)
	}
	return &Sender{enabled: true, endpoint: e, from: from}, nil
}

// Enabled reports whether the Sender has a server to send to.
func (s *Sender) Enabled() bool {
	return s.enabled
}

// Endpoint is the parsed server URL; its String method hides the password.
func (s *Sender) Endpoint() Endpoint {
	return s.endpoint
}

// Send delivers m. Errors satisfy errors.Is(err, ErrTemporary) when a retry
// may succeed, and errors.Is(err, ErrInvalidMessage) when m itself is wrong.
func (s *Sender) Send(ctx context.Context, m Message) error {
	if !s.enabled {
		return ErrDisabled
	}
	msg, err := build(m, s.from)
	if err != nil {
		return err
	}
	return s.session(ctx, "send", func(c *gomail.Client, sc *smtp.Client) error {
		return c.SendWithSMTPClient(sc, msg)
	})
}

// Ping checks that the server accepts a session: it connects, greets it
// (EHLO, STARTTLS and AUTH as configured), sends NOOP and QUIT. It backs the
// readiness probe; a disabled Sender is always ready.
func (s *Sender) Ping(ctx context.Context) error {
	if !s.enabled {
		return nil
	}
	return s.session(ctx, "ping", func(_ *gomail.Client, sc *smtp.Client) error {
		return sc.Noop()
	})
}
