package mail

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// Security is how the connection to the SMTP server is protected.
type Security int

const (
	// SecurityNone is plain SMTP (scheme smtp): for a relay on loopback or a
	// trusted network, and for Mailpit.
	SecurityNone Security = iota
	// SecuritySTARTTLS upgrades the connection with STARTTLS and fails when
	// the server does not offer it (scheme smtp+starttls).
	SecuritySTARTTLS
	// SecurityTLS speaks TLS from the first byte (scheme smtps, RFC 8314).
	SecurityTLS
)

// Endpoint is a parsed, validated SMTP URL.
type Endpoint struct {
	Security Security
	Host     string
	Port     int
	Username string
	Password string
	// Auth is the SMTP AUTH mechanism ("PLAIN" unless ?auth= says otherwise);
	// empty when there is no user name.
	Auth string
}

// defaultPort is the IANA port of each scheme: 25 for relay, 465 for
// submissions (implicit TLS), 587 for submission (STARTTLS).
func defaultPort(scheme string) (int, bool) {
	switch scheme {
	case "smtp":
		return 25, true
	case "smtps":
		return 465, true
	case "smtp+starttls":
		return 587, true
	}
	return 0, false
}

// ParseURL validates an SMTP URL such as smtp+starttls://user:pass@host:587.
// Special characters in the user name and password must be percent-encoded.
// The optional query parameter auth selects the AUTH mechanism (plain, login,
// cram-md5, scram-sha-256, xoauth2, …). PLAIN and LOGIN send the password
// only over TLS or to a loopback host; plain-noenc and login-noenc lift that
// guard for a trusted network. Errors wrap ErrInvalidURL and never quote the
// URL or any part of it but the scheme, so they are safe to log.
func ParseURL(raw string) (Endpoint, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		// url.Error quotes the input, password included: say what is expected instead.
		return Endpoint{}, fmt.Errorf("%w: cannot be parsed; expected smtp://user:pass@host:port with special characters in the user name and password percent-encoded", ErrInvalidURL)
	}
	scheme := strings.ToLower(u.Scheme)
	port, known := defaultPort(scheme)
	if !known {
		return Endpoint{}, fmt.Errorf("%w: scheme must be smtp, smtps or smtp+starttls", ErrInvalidURL)
	}
	if u.Opaque != "" || u.Hostname() == "" {
		return Endpoint{}, fmt.Errorf("%w: %s URL has no host", ErrInvalidURL, scheme)
	}
	if (u.Path != "" && u.Path != "/") || u.Fragment != "" {
		return Endpoint{}, fmt.Errorf("%w: %s URL must not have a path or fragment (is a / in the password percent-encoded as %%2F?)", ErrInvalidURL, scheme)
	}
	if p := u.Port(); p != "" {
		port, err = strconv.Atoi(p)
		if err != nil || port < 1 || port > 65535 {
			return Endpoint{}, fmt.Errorf("%w: %s URL has an invalid port", ErrInvalidURL, scheme)
		}
	}
	e := Endpoint{Security: securityOf(scheme), Host: u.Hostname(), Port: port}
	if u.User != nil {
		e.Username = u.User.Username()
		e.Password, _ = u.User.Password()
		if e.Username == "" {
			return Endpoint{}, fmt.Errorf("%w: %s URL has a password but no user name", ErrInvalidURL, scheme)
		}
	}
	if err := e.parseQuery(u.Query(), scheme); err != nil {
		return Endpoint{}, err
	}
	return e, nil
}

func securityOf(scheme string) Security {
	switch scheme {
	case "smtps":
		return SecurityTLS
	case "smtp+starttls":
		return SecuritySTARTTLS
	default:
		return SecurityNone
	}
}

// parseQuery reads ?auth=; other parameters are refused so that a typo does
// not silently fall back to a default.
func (e *Endpoint) parseQuery(q url.Values, scheme string) error {
	for key := range q {
		if key != "auth" {
			return fmt.Errorf("%w: %s URL has an unknown query parameter (only auth is accepted)", ErrInvalidURL, scheme)
		}
	}
	mech := q.Get("auth")
	if e.Username == "" {
		if mech != "" {
			return fmt.Errorf("%w: %s URL sets auth but has no user name", ErrInvalidURL, scheme)
		}
		return nil
	}
	if mech == "" {
		e.Auth = string(gomail.SMTPAuthPlain)
		return nil
	}
	var t gomail.SMTPAuthType
	if err := t.UnmarshalString(mech); err != nil || !selectableAuth(t) {
		return fmt.Errorf("%w: %s URL has an unsupported auth mechanism (use plain, login, cram-md5, scram-sha-1, scram-sha-256, xoauth2 or ntlm)", ErrInvalidURL, scheme)
	}
	e.Auth = string(t)
	return nil
}

// selectableAuth excludes the go-mail modes that are not mechanisms: custom
// needs code, none contradicts a user name, and auto-discovery misjudges
// implicit TLS through a custom dialer and would then refuse PLAIN.
func selectableAuth(t gomail.SMTPAuthType) bool {
	switch t {
	case gomail.SMTPAuthCustom, gomail.SMTPAuthNoAuth, gomail.SMTPAuthAutoDiscover, gomail.SMTPAuthOpportunistic:
		return false
	}
	return true
}

// Address is the host:port to dial.
func (e Endpoint) Address() string {
	return net.JoinHostPort(e.Host, strconv.Itoa(e.Port))
}

// String is the URL with the password replaced by "xxxxx", safe to log;
// empty for the zero Endpoint (a disabled Sender's).
func (e Endpoint) String() string {
	if e.Host == "" {
		return ""
	}
	u := url.URL{Scheme: e.scheme(), Host: e.Address()}
	if e.Username != "" {
		u.User = url.UserPassword(e.Username, e.Password)
		if e.Auth != string(gomail.SMTPAuthPlain) {
			u.RawQuery = url.Values{"auth": {strings.ToLower(e.Auth)}}.Encode()
		}
	}
	return u.Redacted()
}

func (e Endpoint) scheme() string {
	switch e.Security {
	case SecurityTLS:
		return "smtps"
	case SecuritySTARTTLS:
		return "smtp+starttls"
	default:
		return "smtp"
	}
}
