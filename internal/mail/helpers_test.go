package mail_test

import (
	"net"
	"strings"
	"testing"

	"passerelle/internal/mail"
)

const testFrom = "Passerelle <no-reply@passerelle.example>"

func newSender(t *testing.T, url string) *mail.Sender {
	t.Helper()
	s, err := mail.NewSender(mail.Config{URL: url, From: testFrom})
	if err != nil {
		t.Fatalf("NewSender: %v", err)
	}
	return s
}

// closedURL is an SMTP URL on a loopback port that nothing listens on:
// a server that is down.
func closedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "smtp://" + addr
}

// normalize makes bodies comparable: Mailpit returns CRLF line ends.
func normalize(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}
