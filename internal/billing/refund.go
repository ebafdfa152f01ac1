package billing

import (
	"context"
	"fmt"
	"strings"

	stripe "github.com/stripe/stripe-go/v76"
)

// Refund is a refund Stripe accepted. Status is pending, succeeded, failed,
// requires_action or canceled: card refunds usually succeed at once, others
// may settle later.
type Refund struct {
	ID, Status  string
	AmountCents int64
}

// Refund gives amountCents (positive; at most what remains unrefunded) of the
// payment paymentIntentID back. The idempotency key makes a retried call
// return the first refund instead of refunding twice: derive it from what is
// refunded (e.g. "refund-" + registration id).
func (c *Client) Refund(ctx context.Context, paymentIntentID string, amountCents int64, idempotencyKey string) (Refund, error) {
	if !c.Enabled() {
		return Refund{}, ErrDisabled
	}
	var problems []string
	if !strings.HasPrefix(paymentIntentID, "pi_") || len(paymentIntentID) > 255 {
		problems = append(problems, fmt.Sprintf("%q is not a PaymentIntent id (pi_…)", paymentIntentID))
	}
	if amountCents < 1 || amountCents > maxAmountCents {
		problems = append(problems, fmt.Sprintf("amount must be between 1 and %d", maxAmountCents))
	}
	key := strings.TrimSpace(idempotencyKey)
	if key == "" || len(key) > maxIdempotencyKey {
		problems = append(problems, fmt.Sprintf("idempotency key is required, at most %d bytes", maxIdempotencyKey))
	}
	if len(problems) > 0 {
		return Refund{}, fmt.Errorf("%w refund: %s", ErrInvalid, strings.Join(problems, "; "))
	}
	params := &stripe.RefundParams{
		PaymentIntent: stripe.String(paymentIntentID),
		Amount:        stripe.Int64(amountCents),
		Reason:        stripe.String(string(stripe.RefundReasonRequestedByCustomer)),
	}
	params.Context = ctx
	params.SetIdempotencyKey(key)
	r, err := c.api.Refunds.New(params)
	if err != nil {
		return Refund{}, c.wrapStripe("refund", err)
	}
	return Refund{ID: r.ID, Status: string(r.Status), AmountCents: r.Amount}, nil
}
