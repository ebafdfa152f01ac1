package mail_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/internal/mail"
	"passerelle/internal/mail/mailtest"
)

func TestSendTextAndHTML(t *testing.T) {
	t.Parallel()
	srv := mailtest.Start(t)
	to := mailtest.UniqueAddress(t)
	m := mail.Message{
		To:        to,
		ToName:    "Zoé Müller-Dubois",
		Subject:   "Vérifiez votre adresse — Passerelle",
		Text:      "Bonjour Zoé,\n\nOuvrez ce lien : https://passerelle.example/v/1?a=1&b=2\n",
		HTML:      `<p>Bonjour Zoé,</p><p><a href="https://passerelle.example/v/1?a=1&amp;b=2">Vérifier</a></p>`,
		Headers:   map[string]string{"List-Unsubscribe": "<https://passerelle.example/unsubscribe/abc>"},
		MessageID: "verify-42@passerelle.example",
	}
	if err := newSender(t, srv.SMTPURL).Send(t.Context(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := srv.WaitFor(t, to, 1, 10*time.Second)[0]

	if got.Subject != m.Subject {
		t.Errorf("Subject = %q, want %q", got.Subject, m.Subject)
	}
	if got.From.Address != "no-reply@passerelle.example" || got.From.Name != "Passerelle" {
		t.Errorf("From = %+v", got.From)
	}
	if len(got.To) != 1 || got.To[0].Address != to || got.To[0].Name != m.ToName {
		t.Errorf("To = %+v, want %s <%s>", got.To, m.ToName, to)
	}
	if normalize(got.Text) != normalize(m.Text) {
		t.Errorf("Text = %q, want %q", got.Text, m.Text)
	}
	if normalize(got.HTML) != normalize(m.HTML) {
		t.Errorf("HTML = %q, want %q", got.HTML, m.HTML)
	}
	if v := got.Header("List-Unsubscribe"); v != m.Headers["List-Unsubscribe"] {
		t.Errorf("List-Unsubscribe = %q", v)
	}
	if got.MessageID != m.MessageID || got.Header("Message-ID") != "<"+m.MessageID+">" {
		t.Errorf("Message-ID = %q (header %q), want %q", got.MessageID, got.Header("Message-ID"), m.MessageID)
	}
	if ct := got.Header("Content-Type"); !strings.HasPrefix(ct, "multipart/alternative") {
		t.Errorf("Content-Type = %q, want multipart/alternative", ct)
	}
	if ua := got.Header("User-Agent") + got.Header("X-Mailer"); ua != "" {
		t.Errorf("library advertised in User-Agent/X-Mailer: %q", ua)
	}
	if got.Header("Date") == "" {
		t.Error("no Date header")
	}
}

func TestSendTextOnly(t *testing.T) {
	t.Parallel()
	srv := mailtest.Start(t)
	to := mailtest.UniqueAddress(t)
	m := mail.Message{To: to, Subject: "Grüße aus Luxemburg", Text: "Schöne Grüße – ½ € für alle.\n"}
	if err := newSender(t, srv.SMTPURL).Send(t.Context(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := srv.WaitFor(t, to, 1, 10*time.Second)[0]
	if got.HTML != "" || normalize(got.Text) != normalize(m.Text) || got.Subject != m.Subject {
		t.Errorf("got subject %q text %q html %q", got.Subject, got.Text, got.HTML)
	}
	if ct := got.Header("Content-Type"); !strings.HasPrefix(ct, "text/plain") || !strings.Contains(strings.ToLower(ct), "utf-8") {
		t.Errorf("Content-Type = %q, want text/plain in UTF-8", ct)
	}
	// Without a MessageID, one is made in the sender's domain.
	if !strings.HasSuffix(got.MessageID, "@passerelle.example") {
		t.Errorf("generated Message-ID = %q", got.MessageID)
	}
}

func TestSendMessageIDWithBrackets(t *testing.T) {
	t.Parallel()
	srv := mailtest.Start(t)
	to := mailtest.UniqueAddress(t)
	m := mail.Message{To: to, Subject: "s", Text: "t", MessageID: "<job-7@passerelle.example>"}
	if err := newSender(t, srv.SMTPURL).Send(t.Context(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if got := srv.WaitFor(t, to, 1, 10*time.Second)[0].MessageID; got != "job-7@passerelle.example" {
		t.Errorf("Message-ID = %q", got)
	}
}

func TestSendWithAuth(t *testing.T) {
	t.Parallel()
	srv := mailtest.Start(t)
	to := mailtest.UniqueAddress(t)
	url := strings.Replace(srv.SMTPURL, "smtp://", "smtp://alice%40coop:p%C3%A4ss%2Fw0rd@", 1)
	if err := newSender(t, url).Send(t.Context(), mail.Message{To: to, Subject: "s", Text: "t"}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if got := srv.WaitFor(t, to, 1, 10*time.Second)[0].Username; got != "alice@coop" {
		t.Errorf("authenticated as %q, want alice@coop", got)
	}
}

// Each Send has its own session, so concurrent sends do not wait on each
// other or mix their messages.
func TestSendConcurrently(t *testing.T) {
	t.Parallel()
	srv := mailtest.Start(t)
	to := mailtest.UniqueAddress(t)
	s := newSender(t, srv.SMTPURL)
	const n = 12
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			errs <- s.Send(t.Context(), mail.Message{To: to, Subject: fmt.Sprintf("message %d", i), Text: "t"})
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("Send: %v", err)
		}
	}
	seen := map[string]bool{}
	for _, m := range srv.WaitFor(t, to, n, 10*time.Second) {
		seen[m.Subject] = true
	}
	if len(seen) != n {
		t.Errorf("%d distinct subjects, want %d", len(seen), n)
	}
}

func TestSendRejectsInvalidMessages(t *testing.T) {
	t.Parallel()
	// No server is needed: an invalid message never reaches the network.
	s := newSender(t, closedURL(t))
	ok := mail.Message{To: "anna@example.org", Subject: "s", Text: "t"}
	cases := map[string]func(*mail.Message){
		"no recipient":          func(m *mail.Message) { m.To = "" },
		"recipient with name":   func(m *mail.Message) { m.To = "Anna <anna@example.org>" },
		"two recipients":        func(m *mail.Message) { m.To = "anna@example.org, bob@example.org" },
		"name with newline":     func(m *mail.Message) { m.ToName = "Anna\r\nBcc: eve@example.org" },
		"no subject":            func(m *mail.Message) { m.Subject = " " },
		"subject with newline":  func(m *mail.Message) { m.Subject = "a\r\nBcc: eve@example.org" },
		"no text":               func(m *mail.Message) { m.Text = ""; m.HTML = "<p>hi</p>" },
		"header injection":      func(m *mail.Message) { m.Headers = map[string]string{"X-A": "1\r\nBcc: eve@example.org"} },
		"bad header name":       func(m *mail.Message) { m.Headers = map[string]string{"X A": "1"} },
		"reserved header":       func(m *mail.Message) { m.Headers = map[string]string{"bcc": "eve@example.org"} },
		"reserved content type": func(m *mail.Message) { m.Headers = map[string]string{"Content-Type": "text/html"} },
		"bad message id":        func(m *mail.Message) { m.MessageID = "no-at-sign" },
		"message id with space": func(m *mail.Message) { m.MessageID = "a b@c" },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			m := ok
			mutate(&m)
			err := s.Send(context.Background(), m)
			if !errors.Is(err, mail.ErrInvalidMessage) {
				t.Fatalf("Send = %v, want ErrInvalidMessage", err)
			}
			if errors.Is(err, mail.ErrTemporary) {
				t.Errorf("invalid message reported as temporary: %v", err)
			}
		})
	}
}

func TestDisabledSender(t *testing.T) {
	t.Parallel()
	s, err := mail.NewSender(mail.Config{From: testFrom})
	if err != nil {
		t.Fatalf("NewSender: %v", err)
	}
	if s.Enabled() {
		t.Error("Enabled with an empty URL")
	}
	if err := s.Send(t.Context(), mail.Message{To: "anna@example.org", Subject: "s", Text: "t"}); !errors.Is(err, mail.ErrDisabled) {
		t.Errorf("Send = %v, want ErrDisabled", err)
	}
	if err := s.Ping(t.Context()); err != nil {
		t.Errorf("Ping = %v, want nil for a disabled sender", err)
	}
}

func TestNewSenderRejectsBadConfig(t *testing.T) {
	t.Parallel()
	for _, cfg := range []mail.Config{
		{URL: "http://mail.example", From: testFrom},
		{URL: "smtp://mail.example", From: "not an address"},
		{URL: "smtp://mail.example", From: ""},
	} {
		if _, err := mail.NewSender(cfg); err == nil {
			t.Errorf("NewSender(%+v) succeeded", cfg)
		}
	}
}
