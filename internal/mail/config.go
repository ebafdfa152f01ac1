package mail

// Config says where and as whom Passerelle sends email.
type Config struct {
	// URL is the SMTP server: smtp://user:pass@host:port (no TLS),
	// smtp+starttls://… (STARTTLS required) or smtps://… (implicit TLS).
	// Empty disables sending. See ParseURL.
	URL string
	// From is the sender of every message, for example
	// "Passerelle <no-reply@passerelle.example>".
	From string
}

// Enabled reports whether a server is configured; an empty URL turns email off.
func (c Config) Enabled() bool {
	return c.URL != ""
}
