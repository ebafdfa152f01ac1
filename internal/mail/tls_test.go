package mail_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"passerelle/internal/mail"
	"passerelle/internal/mail/mailtest"
)

// withUser puts credentials into an SMTP URL of the test server.
func withUser(url, userinfo string) string {
	scheme, rest, _ := strings.Cut(url, "://")
	return scheme + "://" + userinfo + "@" + rest
}

func TestSendOverTLS(t *testing.T) {
	t.Parallel()
	srv := mailtest.Start(t)
	for name, url := range map[string]string{"starttls": srv.STARTTLSURL, "smtps": srv.SMTPSURL} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newSender(t, withUser(url, "bob:s3cret"))
			mail.SetRootCAs(s, srv.RootCAs)
			if err := s.Ping(t.Context()); err != nil {
				t.Fatalf("Ping: %v", err)
			}
			to := mailtest.UniqueAddress(t)
			if err := s.Send(t.Context(), mail.Message{To: to, Subject: "Über TLS", Text: "chiffré"}); err != nil {
				t.Fatalf("Send: %v", err)
			}
			got := srv.WaitFor(t, to, 1, 10*time.Second)[0]
			if got.Username != "bob" || got.Subject != "Über TLS" {
				t.Errorf("got user %q subject %q", got.Username, got.Subject)
			}
		})
	}
}

func TestTLSWithUntrustedCertificateIsPermanent(t *testing.T) {
	t.Parallel()
	srv := mailtest.Start(t)
	for _, url := range []string{srv.STARTTLSURL, srv.SMTPSURL} {
		// No SetRootCAs: the system roots do not know mailtest's certificate.
		err := newSender(t, url).Ping(t.Context())
		if err == nil || errors.Is(err, mail.ErrTemporary) || !strings.Contains(err.Error(), "certificate") {
			t.Errorf("Ping %s = %v, want a permanent certificate error", url, err)
		}
	}
}
