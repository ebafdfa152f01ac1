package core

import (
	"context"
	"errors"
	"fmt"

	"passerelle/internal/billing"
	"passerelle/internal/domain"
)

// StripePayments makes a billing client the event use cases' Payments;
// a nil client, or one without a secret key, takes no payment.
func StripePayments(c *billing.Client) Payments { return stripePayments{c: c} }

type stripePayments struct{ c *billing.Client }

func (p stripePayments) Enabled() bool { return p.c.Enabled() }

func (p stripePayments) CreateCheckout(ctx context.Context, r CheckoutRequest) (CheckoutSession, error) {
	items := make([]billing.Item, len(r.Items))
	for i, it := range r.Items {
		items[i] = billing.Item{Name: it.Name, AmountCents: it.AmountCents, Quantity: it.Quantity}
	}
	co, err := p.c.CreateCheckout(ctx, billing.CheckoutParams{Reference: r.Reference, IdempotencyKey: r.IdempotencyKey,
		CustomerEmail: r.CustomerEmail, Locale: r.Locale, Currency: r.Currency, Items: items, SuccessURL: r.SuccessURL,
		CancelURL: r.CancelURL})
	if err != nil {
		return CheckoutSession{}, paymentError(err)
	}
	return CheckoutSession{ID: co.ID, URL: co.URL, ExpiresAt: co.ExpiresAt}, nil
}

func (p stripePayments) Refund(ctx context.Context, paymentIntentID string, amountCents int64, key string) (PaymentRefund, error) {
	r, err := p.c.Refund(ctx, paymentIntentID, amountCents, key)
	if err != nil {
		return PaymentRefund{}, paymentError(err)
	}
	return PaymentRefund{ID: r.ID, Status: r.Status, AmountCents: r.AmountCents}, nil
}

func (p stripePayments) ParseWebhook(payload []byte, signature string) (PaymentEvent, error) {
	ev, err := p.c.ParseWebhook(payload, signature)
	if err != nil {
		if errors.Is(err, billing.ErrBadSignature) {
			return PaymentEvent{}, fmt.Errorf("%w: %w", ErrBadSignature, err)
		}
		return PaymentEvent{}, paymentError(err)
	}
	out := PaymentEvent{ID: ev.ID, Type: ev.Type}
	if c := ev.Checkout; c != nil {
		out.Checkout = &CheckoutEvent{SessionID: c.SessionID, Reference: c.Reference, PaymentIntentID: c.PaymentIntentID,
			PaymentStatus: c.PaymentStatus, Currency: c.Currency, AmountTotal: c.AmountTotal}
	}
	return out, nil
}

// paymentError marks what may work later (Stripe unreachable, rate
// limits, payments not configured) as domain.ErrUnavailable: a 503 for
// the API, a retry for jobs. Refusals are returned as they are.
func paymentError(err error) error {
	if billing.Retryable(err) || errors.Is(err, billing.ErrDisabled) {
		return fmt.Errorf("%w: payments: %w", domain.ErrUnavailable, err)
	}
	return err
}
