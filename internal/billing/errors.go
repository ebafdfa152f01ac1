package billing

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	stripe "github.com/stripe/stripe-go/v76"
)

// StripeError is Stripe's answer to a refused or failed request, with its
// message redacted of anything that looks like a key.
type StripeError struct {
	// Op is what was asked: "create checkout", "refund".
	Op string
	// Status is the HTTP status (400, 402, 404, 409, 429, 500…).
	Status int
	// Type is Stripe's error type (invalid_request_error, card_error,
	// idempotency_error, api_error).
	Type string
	// Code and DeclineCode are Stripe's machine-readable reasons, if any
	// (e.g. charge_already_refunded, amount_too_small).
	Code, DeclineCode string
	// Param names the parameter at fault, if any.
	Param string
	// Message is Stripe's explanation, in English, redacted.
	Message string
	// RequestID identifies the request in Stripe's dashboard.
	RequestID string
}

func (e *StripeError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "billing: %s: stripe answered %d", e.Op, e.Status)
	for _, s := range []string{e.Type, e.Code, e.DeclineCode} {
		if s != "" {
			b.WriteString(" " + s)
		}
	}
	if e.Param != "" {
		b.WriteString(" (param " + e.Param + ")")
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" [" + e.RequestID + "]")
	}
	return b.String()
}

// Retryable reports whether a failed request may succeed later unchanged:
// Stripe could not be reached or timed out, or answered 409 (a concurrent
// request with the same idempotency key, a lock), 429 (rate limit) or 5xx.
// Refusals (other 4xx: bad parameters, a declined card, a charge already
// refunded), ErrInvalid, ErrDisabled and ErrBadSignature are not.
func Retryable(err error) bool {
	if err == nil || errors.Is(err, ErrInvalid) || errors.Is(err, ErrDisabled) || errors.Is(err, ErrBadSignature) {
		return false
	}
	if errors.Is(err, context.Canceled) {
		return false // the caller gave up; retrying is its decision
	}
	var se *StripeError
	if errors.As(err, &se) {
		return se.Status == http.StatusConflict || se.Status == http.StatusTooManyRequests || se.Status >= 500 || se.Status == 0
	}
	return true // network errors, timeouts
}

// wrapStripe turns what stripe-go returned into a *StripeError, or a redacted
// error for failures without an answer (network, timeout).
func (c *Client) wrapStripe(op string, err error) error {
	var se *stripe.Error
	if errors.As(err, &se) {
		return &StripeError{
			Op:          op,
			Status:      se.HTTPStatusCode,
			Type:        string(se.Type),
			Code:        string(se.Code),
			DeclineCode: string(se.DeclineCode),
			Param:       se.Param,
			Message:     redact(se.Msg, c.secretKey, c.webhookSecret),
			RequestID:   se.RequestID,
		}
	}
	for _, ctxErr := range []error{context.DeadlineExceeded, context.Canceled} {
		if errors.Is(err, ctxErr) {
			return fmt.Errorf("billing: %s: %w", op, ctxErr)
		}
	}
	return &unreachableError{op: op, msg: redact(err.Error(), c.secretKey, c.webhookSecret)}
}

// unreachableError is a request that got no answer from Stripe. It keeps the
// message only (redacted), not the wrapped error, which could carry a key.
type unreachableError struct{ op, msg string }

func (e *unreachableError) Error() string {
	return "billing: " + e.op + ": stripe unreachable: " + e.msg
}

// keyPattern matches Stripe secrets: secret, restricted and webhook keys, in
// test or live mode. Publishable keys (pk_) are public.
var keyPattern = regexp.MustCompile(`\b(?:sk|rk)_(?:test|live)_[0-9A-Za-z*]+|\bwhsec_[0-9A-Za-z*]+`)

// redact removes the given secrets and anything shaped like a Stripe secret.
func redact(s string, secrets ...string) string {
	for _, secret := range secrets {
		if secret != "" {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	return keyPattern.ReplaceAllString(s, "[redacted]")
}
