package mail

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"syscall"

	gomail "github.com/wneessen/go-mail"
)

// wrap prefixes err with the step that failed and marks it with
// ErrTemporary when retrying could help. ctx is the caller's context: when
// it ended, that is the real cause, whatever the connection reported.
func wrap(ctx context.Context, step string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		if errors.Is(err, ctxErr) {
			return fmt.Errorf("mail: %s: %w: %w", step, ErrTemporary, err)
		}
		return fmt.Errorf("mail: %s: %w: %w (%v)", step, ErrTemporary, ctxErr, err)
	}
	if temporary(err) {
		return fmt.Errorf("mail: %s: %w: %w", step, ErrTemporary, err)
	}
	return fmt.Errorf("mail: %s: %w", step, err)
}

// temporary reports whether err is worth retrying later.
func temporary(err error) bool {
	// go-mail's SendError does not unwrap to the SMTP reply or network error
	// it records, so it is judged on what it exposes.
	var sendErr *gomail.SendError
	if errors.As(err, &sendErr) {
		return sendErr.IsTemp() || (sendErr.ErrorCode() == 0 && networkStep(sendErr.Reason))
	}
	var reply *textproto.Error
	if errors.As(err, &reply) {
		return reply.Code >= 400 && reply.Code < 500
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsTemporary || dnsErr.IsTimeout
	}
	for _, target := range []error{
		syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.ECONNABORTED, syscall.EPIPE,
		syscall.EHOSTUNREACH, syscall.ENETUNREACH, syscall.ETIMEDOUT,
		io.EOF, io.ErrUnexpectedEOF, net.ErrClosed,
		context.DeadlineExceeded, context.Canceled,
	} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

// networkStep reports whether a SendError reason is a step on the wire, where
// an error without an SMTP reply code means the connection broke.
func networkStep(r gomail.SendErrReason) bool {
	switch r {
	case gomail.ErrConnCheck, gomail.ErrSMTPMailFrom, gomail.ErrSMTPRcptTo,
		gomail.ErrSMTPData, gomail.ErrSMTPDataClose, gomail.ErrWriteContent, gomail.ErrSMTPReset:
		return true
	}
	return false
}
