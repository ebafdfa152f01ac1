package mail_test

import (
	"errors"
	"strings"
	"testing"

	"passerelle/internal/mail"
)

func TestParseURL(t *testing.T) {
	t.Parallel()
	cases := []struct {
		raw  string
		want mail.Endpoint
	}{
		{"smtp://127.0.0.1:1025", mail.Endpoint{Security: mail.SecurityNone, Host: "127.0.0.1", Port: 1025}},
		{"smtp://relay.internal", mail.Endpoint{Security: mail.SecurityNone, Host: "relay.internal", Port: 25}},
		{"SMTPS://mail.example", mail.Endpoint{Security: mail.SecurityTLS, Host: "mail.example", Port: 465}},
		{"smtp+starttls://u%40coop:p%40ss%2Fw%3Ard@mail.example/", mail.Endpoint{
			Security: mail.SecuritySTARTTLS, Host: "mail.example", Port: 587,
			Username: "u@coop", Password: "p@ss/w:rd", Auth: "PLAIN"}},
		{"smtps://apikey:k@[2001:db8::1]:2465?auth=login", mail.Endpoint{
			Security: mail.SecurityTLS, Host: "2001:db8::1", Port: 2465,
			Username: "apikey", Password: "k", Auth: "LOGIN"}},
		{"smtp://u@h?auth=scram-sha-256", mail.Endpoint{Host: "h", Port: 25, Username: "u", Auth: "SCRAM-SHA-256"}},
	}
	for _, c := range cases {
		got, err := mail.ParseURL(c.raw)
		if err != nil || got != c.want {
			t.Errorf("ParseURL(%q) = %+v, %v; want %+v", c.raw, got, err, c.want)
		}
	}
}

func TestParseURLRejectsGarbageWithoutLeakingPasswords(t *testing.T) {
	t.Parallel()
	const secret = "Sup3rS3cret"
	for _, raw := range []string{
		"",
		"garbage",
		"mail.example:25",
		"http://u:" + secret + "@mail.example",
		"smtp://u:" + secret + "@",
		"smtp://:" + secret + "@mail.example",
		"smtp://u:" + secret + "@mail.example:0",
		"smtp://u:" + secret + "@mail.example:99999",
		"smtp://u:" + secret + "@mail.example:port",
		"smtp://u:" + secret + "/x@mail.example",           // unencoded slash in the password
		"smtp://u:" + secret + "%zz@mail.example",          // bad escape
		"smtp://u:" + secret + " x@mail.example",           // space
		"smtp://u:" + secret + "@mail.example/path",        // path
		"smtp://u:" + secret + "@mail.example#frag",        // fragment
		"smtp://u:" + secret + "@mail.example?tls=1",       // unknown parameter
		"smtp://u:" + secret + "@mail.example?auth=custom", // not a mechanism
		"smtp://u:" + secret + "@mail.example?auth=nope",
		"smtp://mail.example?auth=plain", // auth without a user
		"smtp:u:" + secret + "@mail.example",
	} {
		_, err := mail.ParseURL(raw)
		if !errors.Is(err, mail.ErrInvalidURL) {
			t.Errorf("ParseURL(%q) = %v, want ErrInvalidURL", raw, err)
			continue
		}
		if strings.Contains(err.Error(), secret) || (raw != "" && strings.Contains(err.Error(), raw)) {
			t.Errorf("ParseURL(%q) error leaks the URL: %v", raw, err)
		}
		if _, err := mail.NewSender(mail.Config{URL: raw, From: testFrom}); raw != "" && (err == nil || strings.Contains(err.Error(), secret)) {
			t.Errorf("NewSender with %q: %v", raw, err)
		}
	}
}

func TestEndpointStringHidesPassword(t *testing.T) {
	t.Parallel()
	e, err := mail.ParseURL("smtps://apikey:Sup3rS3cret@mail.example?auth=login")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.String(), "smtps://apikey:xxxxx@mail.example:465?auth=login"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if got := (mail.Endpoint{}).String(); got != "" {
		t.Errorf("zero Endpoint String = %q", got)
	}
}
