package mail_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"passerelle/internal/mail"
	"passerelle/internal/mail/mailtest"
)

func TestSendToStoppedServerIsTemporary(t *testing.T) {
	t.Parallel()
	err := newSender(t, closedURL(t)).Send(t.Context(), mail.Message{To: "anna@example.org", Subject: "s", Text: "t"})
	if !errors.Is(err, mail.ErrTemporary) {
		t.Fatalf("Send = %v, want ErrTemporary", err)
	}
}

// The chaos tests below change the shared Mailpit for everyone, so they do
// not call t.Parallel: Go runs them alone, before the parallel tests resume.

func TestSendRefusedWith4xxIsTemporary(t *testing.T) {
	srv := mailtest.Start(t)
	srv.SetChaos(t, mailtest.Chaos{Recipient: mailtest.ChaosTrigger{ErrorCode: 451, Probability: 100}})
	err := newSender(t, srv.SMTPURL).Send(t.Context(), mail.Message{To: mailtest.UniqueAddress(t), Subject: "s", Text: "t"})
	if !errors.Is(err, mail.ErrTemporary) || !strings.Contains(err.Error(), "451") {
		t.Fatalf("Send = %v, want ErrTemporary with the 451 reply", err)
	}
}

func TestSendRefusedWith5xxIsPermanent(t *testing.T) {
	srv := mailtest.Start(t)
	srv.SetChaos(t, mailtest.Chaos{Sender: mailtest.ChaosTrigger{ErrorCode: 550, Probability: 100}})
	err := newSender(t, srv.SMTPURL).Send(t.Context(), mail.Message{To: mailtest.UniqueAddress(t), Subject: "s", Text: "t"})
	if err == nil || errors.Is(err, mail.ErrTemporary) || !strings.Contains(err.Error(), "550") {
		t.Fatalf("Send = %v, want a permanent error with the 550 reply", err)
	}
}

func TestAuthFailure(t *testing.T) {
	srv := mailtest.Start(t)
	url := strings.Replace(srv.SMTPURL, "smtp://", "smtp://alice:wrong@", 1)
	for code, temporary := range map[int]bool{535: false, 454: true} {
		srv.SetChaos(t, mailtest.Chaos{Authentication: mailtest.ChaosTrigger{ErrorCode: code, Probability: 100}})
		err := newSender(t, url).Ping(t.Context())
		if err == nil || errors.Is(err, mail.ErrTemporary) != temporary {
			t.Errorf("Ping with AUTH answered %d = %v, want temporary=%v", code, err, temporary)
		}
		if strings.Contains(err.Error(), "wrong") {
			t.Errorf("error leaks the password: %v", err)
		}
	}
}

func TestSendStopsWhenContextEnds(t *testing.T) {
	t.Parallel()
	// A server that accepts connections and never greets: Mailpit cannot be
	// made to hang, so this one test uses a bare listener.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	s := newSender(t, "smtp://"+l.Addr().String())

	// Cancelled without a deadline: only closing the connection stops go-mail.
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	err = s.Send(ctx, mail.Message{To: "anna@example.org", Subject: "s", Text: "t"})
	if !errors.Is(err, context.Canceled) || !errors.Is(err, mail.ErrTemporary) {
		t.Errorf("Send = %v, want context.Canceled and ErrTemporary", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Send returned after %s, want soon after the cancel", d)
	}

	ctx, cancel = context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	err = s.Ping(ctx)
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, mail.ErrTemporary) {
		t.Errorf("Ping = %v, want context.DeadlineExceeded and ErrTemporary", err)
	}
}
