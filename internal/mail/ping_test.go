package mail_test

import (
	"errors"
	"testing"

	"passerelle/internal/mail"
	"passerelle/internal/mail/mailtest"
)

func TestPing(t *testing.T) {
	t.Parallel()
	srv := mailtest.Start(t)
	if err := newSender(t, srv.SMTPURL).Ping(t.Context()); err != nil {
		t.Errorf("Ping = %v", err)
	}
}

func TestPingStoppedServer(t *testing.T) {
	t.Parallel()
	err := newSender(t, closedURL(t)).Ping(t.Context())
	if !errors.Is(err, mail.ErrTemporary) {
		t.Errorf("Ping = %v, want ErrTemporary", err)
	}
}
