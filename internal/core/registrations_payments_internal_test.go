package core

import (
	"errors"
	"testing"

	"passerelle/internal/event"
)

// A refund is claimed succeeded only when the provider says so; pending or
// requires_action leave it pending with nothing emailed.
func TestRefundOutcome(t *testing.T) {
	for _, c := range []struct {
		status string
		err    error
		state  event.RefundState
		kind   string
	}{
		{"succeeded", nil, event.RefundSucceeded, "refund_succeeded"},
		{"pending", nil, event.RefundPending, ""},
		{"requires_action", nil, event.RefundPending, ""},
		{"failed", nil, event.RefundFailed, "refund_failed"},
		{"canceled", nil, event.RefundFailed, "refund_failed"},
		{"", errors.New("refused"), event.RefundFailed, "refund_failed"},
	} {
		state, kind := refundOutcome(PaymentRefund{Status: c.status}, c.err)
		if state != c.state || kind != c.kind {
			t.Errorf("%q, %v: %s %q, want %s %q", c.status, c.err, state, kind, c.state, c.kind)
		}
	}
}
