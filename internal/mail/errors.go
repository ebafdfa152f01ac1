package mail

import "errors"

var (
	// ErrTemporary marks failures that may succeed when retried later:
	// connection refused or reset, timeouts, cancelled contexts and SMTP 4xx
	// replies. Permanent failures (5xx, invalid messages) do not carry it.
	ErrTemporary = errors.New("temporary failure")

	// ErrDisabled is returned by Send when Config.URL is empty, so that a job
	// fails visibly instead of dropping the message.
	ErrDisabled = errors.New("mail: sending is disabled (no SMTP URL configured)")

	// ErrInvalidMessage is returned by Send for a Message that can never be
	// sent as it is (bad address, header or Message-ID, missing part).
	ErrInvalidMessage = errors.New("mail: invalid message")

	// ErrInvalidURL is returned by ParseURL. Its message never contains the
	// URL, which may hold a password.
	ErrInvalidURL = errors.New("mail: invalid SMTP URL")
)
