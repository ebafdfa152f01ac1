package mailtest

import (
	"net/textproto"
	"time"
)

// Message is a message as Mailpit received it.
type Message struct {
	// ID is Mailpit's id of the message.
	ID string
	// MessageID is the Message-ID header without its angle brackets.
	MessageID string
	From      Address
	To        []Address
	Subject   string
	Text      string
	HTML      string
	// Headers holds every header field, by canonical name (textproto
	// spelling: "Message-Id", "List-Unsubscribe").
	Headers map[string][]string
	// Username is the SMTP AUTH user the message was sent with, if any.
	Username string
	Created  time.Time
}

// Address is a name and an email address.
type Address struct {
	Name    string
	Address string
}

// Header returns the first value of the named header field, or "".
func (m Message) Header(name string) string {
	if v := m.Headers[textproto.CanonicalMIMEHeaderKey(name)]; len(v) > 0 {
		return v[0]
	}
	return ""
}
