package mail

import (
	"crypto/rand"
	"fmt"
	netmail "net/mail"
	"net/textproto"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// Message is one email to one recipient.
type Message struct {
	// To is the bare recipient address, for example "anna@example.org".
	To string
	// ToName is the recipient's display name; optional.
	ToName string
	// Subject may contain any Unicode text; it is encoded as RFC 2047 words.
	Subject string
	// Text is the plain-text body; required, since some readers show nothing else.
	Text string
	// HTML is the HTML body; when set the message is multipart/alternative.
	HTML string
	// Headers are extra header fields, for example List-Unsubscribe. Fields
	// that the Sender sets itself (addresses, Subject, Date, Message-ID,
	// MIME and Content-* fields) are refused.
	Headers map[string]string
	// MessageID, with or without angle brackets, becomes the Message-ID so
	// that a retried job sends the same message; generated when empty.
	MessageID string
}

// reservedHeader reports fields that the Sender or go-mail set: letting a
// caller set them too would produce duplicate or contradictory fields.
func reservedHeader(canonical string) bool {
	if gomail.IsAddrHeader(canonical) || strings.HasPrefix(canonical, "Content-") {
		return true
	}
	switch canonical {
	case "Subject", "Date", "Message-Id", "Mime-Version", "Return-Path", "Received":
		return true
	}
	return false
}

// build turns m into a go-mail message from the given sender.
func build(m Message, from *netmail.Address) (*gomail.Msg, error) {
	to, err := recipient(m.To, m.ToName)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(m.Subject) == "" || strings.ContainsAny(m.Subject, "\r\n") {
		return nil, fmt.Errorf("%w: subject is empty or spans several lines", ErrInvalidMessage)
	}
	if strings.TrimSpace(m.Text) == "" {
		return nil, fmt.Errorf("%w: text body is empty", ErrInvalidMessage)
	}
	id, err := messageID(m.MessageID, from.Address)
	if err != nil {
		return nil, err
	}
	// The default User-Agent advertises the library and its version: no use
	// to recipients, and a hint to anyone probing for known bugs.
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	sender := *from // go-mail keeps the pointer; the Sender's copy stays untouched
	msg.FromMailAddress(&sender)
	msg.AddToMailAddress(to)
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageIDWithValue(id)
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	for name, value := range m.Headers {
		canonical, err := extraHeader(name, value)
		if err != nil {
			return nil, err
		}
		msg.SetGenHeader(gomail.Header(canonical), value)
	}
	return msg, nil
}

func recipient(addr, name string) (*netmail.Address, error) {
	parsed, err := netmail.ParseAddress(addr)
	if err != nil || parsed.Name != "" || parsed.Address != strings.TrimSpace(addr) {
		return nil, fmt.Errorf("%w: recipient must be a bare address like anna@example.org", ErrInvalidMessage)
	}
	if strings.ContainsAny(name, "\r\n") {
		return nil, fmt.Errorf("%w: recipient name spans several lines", ErrInvalidMessage)
	}
	return &netmail.Address{Name: name, Address: parsed.Address}, nil
}

// extraHeader validates one caller-supplied field: a printable name without
// a colon (RFC 5322 section 2.2) and a single-line value, so that data can
// never inject header lines.
func extraHeader(name, value string) (string, error) {
	if name == "" || strings.IndexFunc(name, func(r rune) bool { return r <= ' ' || r > '~' || r == ':' }) >= 0 {
		return "", fmt.Errorf("%w: header name %q is not a valid field name", ErrInvalidMessage, name)
	}
	canonical := textproto.CanonicalMIMEHeaderKey(name)
	if reservedHeader(canonical) {
		return "", fmt.Errorf("%w: header %s is set by the sender and cannot be overridden", ErrInvalidMessage, canonical)
	}
	if strings.ContainsAny(value, "\r\n") {
		return "", fmt.Errorf("%w: header %s value spans several lines", ErrInvalidMessage, canonical)
	}
	return canonical, nil
}

// messageID returns the id without angle brackets: the caller's, validated,
// or a random one in the sender's domain (go-mail would use the host name,
// which in a container is meaningless and may leak infrastructure names).
func messageID(id, fromAddr string) (string, error) {
	if id == "" {
		return rand.Text() + "@" + fromAddr[strings.LastIndexByte(fromAddr, '@')+1:], nil
	}
	id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	left, right, ok := strings.Cut(id, "@")
	valid := ok && left != "" && right != "" && len(id) <= 250 &&
		strings.IndexFunc(id, func(r rune) bool { return r <= ' ' || r > '~' || strings.ContainsRune(`<>()[]\",;:`, r) }) < 0 &&
		!strings.Contains(right, "@")
	if !valid {
		return "", fmt.Errorf("%w: Message-ID %q is not of the form local@domain", ErrInvalidMessage, id)
	}
	return id, nil
}
