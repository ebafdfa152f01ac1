package core

import (
	"context"
	"errors"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store"
)

// Payments is the payment provider (Stripe Checkout through
// internal/billing; see StripePayments). No card data reaches Passerelle:
// payers pay on the provider's page, and a signed webhook says so.
type Payments interface {
	// Enabled reports whether payments are configured.
	Enabled() bool
	CreateCheckout(ctx context.Context, r CheckoutRequest) (CheckoutSession, error)
	// Refund refunds amountCents of a payment; the same idempotencyKey
	// never refunds twice. A retryable failure wraps domain.ErrUnavailable.
	Refund(ctx context.Context, paymentIntentID string, amountCents int64, idempotencyKey string) (PaymentRefund, error)
	// ParseWebhook verifies a webhook's signature (ErrBadSignature) and
	// reads its event.
	ParseWebhook(payload []byte, signature string) (PaymentEvent, error)
}

// CheckoutRequest asks for a hosted payment page.
type CheckoutRequest struct {
	// Reference is our registration id, given back by the webhook.
	Reference      string
	IdempotencyKey string
	CustomerEmail  string
	Locale         string
	Currency       string
	Items          []CheckoutItem
	SuccessURL     string
	CancelURL      string
}

// CheckoutItem is one line of a checkout.
type CheckoutItem struct {
	Name        string
	AmountCents int64
	Quantity    int64
}

// CheckoutSession is a hosted payment page.
type CheckoutSession struct {
	ID, URL   string
	ExpiresAt time.Time
}

// PaymentRefund is a refund the provider accepted.
type PaymentRefund struct {
	ID, Status  string
	AmountCents int64
}

// PaymentEvent is a verified webhook event; Checkout is set for checkout
// sessions' events only.
type PaymentEvent struct {
	ID, Type string
	Checkout *CheckoutEvent
}

// CheckoutEvent is what a checkout session's event says.
type CheckoutEvent struct {
	SessionID, Reference, PaymentIntentID, PaymentStatus, Currency string
	AmountTotal                                                    int64
}

// ErrBadSignature means a webhook's signature does not verify: nothing is
// applied (the API answers 400).
var ErrBadSignature = errors.New("payment webhook: bad signature")

// ApplyPaymentWebhook verifies a payment webhook and applies it once: its
// event id is recorded in the transaction of its effect, so a replay (or a
// second event about an already confirmed registration) changes nothing.
// checkout.session.completed with payment_status paid confirms the
// pending registration named by its reference and queues the receipt; a
// payment for a registration cancelled meanwhile is refunded. Other
// events are recorded and ignored.
func (s *Events) ApplyPaymentWebhook(ctx context.Context, payload []byte, signature string) error {
	if s.pay == nil || !s.pay.Enabled() {
		return msgPaymentsOff.Wrap(domain.ErrUnavailable)
	}
	ev, err := s.pay.ParseWebhook(payload, signature)
	if err != nil {
		return err
	}
	now := s.now()
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		fresh, err := tx.RecordBillingEvent(ctx, ev.ID, ev.Type, now)
		if err != nil || !fresh {
			return err
		}
		c := ev.Checkout
		paid := c != nil && c.PaymentStatus == "paid" &&
			(ev.Type == "checkout.session.completed" || ev.Type == "checkout.session.async_payment_succeeded")
		if !paid || c.Reference == "" {
			return nil
		}
		r, err := tx.GetRegistration(ctx, c.Reference)
		if errors.Is(err, domain.ErrNotFound) {
			return nil // not ours (another integration on the same account)
		}
		if err != nil {
			return err
		}
		e, err := tx.LockEvent(ctx, r.EventID)
		if err != nil {
			return err
		}
		if r, err = tx.LockRegistration(ctx, r.ID); err != nil {
			return err
		}
		mismatch := c.AmountTotal != r.FeeCents || !strings.EqualFold(c.Currency, r.Currency)
		switch {
		case r.State == event.Confirmed || (r.State == event.RegCancelled && r.PaidAt != nil):
			if c.PaymentIntentID == "" || c.PaymentIntentID == r.PaymentIntentID {
				return nil // another event for the payment already applied
			}
			// A second payment (another checkout tab, or paid again after
			// a cancellation): it is given back in full.
			return s.refundStrayPayment(ctx, tx, r, ev.ID, c, "event.payment_duplicate")
		case r.State == event.RegCancelled:
			if c.PaymentIntentID == "" {
				return nil
			}
			if mismatch {
				return s.refundStrayPayment(ctx, tx, r, ev.ID, c, "event.payment_mismatch")
			}
			// Paid after being cancelled: give the money back.
			if err := tx.MarkRegistrationPaid(ctx, r.ID, now, c.PaymentIntentID); err != nil {
				return err
			}
			if err := tx.SetRegistrationRefund(ctx, r.ID, event.RefundPending, "", now); err != nil {
				return err
			}
			return s.jobs.EnqueueRefund(ctx, tx, r.ID)
		}
		if mismatch {
			// Not what this registration costs: never confirm on it, give
			// the money back; the audit log keeps it for the organisers.
			return s.refundStrayPayment(ctx, tx, r, ev.ID, c, "event.payment_mismatch")
		}
		if err := tx.ConfirmRegistration(ctx, r.ID, &now, c.PaymentIntentID, now); err != nil {
			return err
		}
		if r, err = tx.GetRegistration(ctx, r.ID); err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, Actor{}, "event.registration_paid", "event_registration", r.ID, r.OrganisationID, nil,
			map[string]any{"billing_event": ev.ID, "fee_cents": r.FeeCents, "currency": r.Currency}); err != nil {
			return err
		}
		return s.emailRegistrant(ctx, tx, e, r, "registration_receipt")
	})
}

// RefundRegistration asks the provider to refund a cancelled
// registration whose refund is pending (the refund job's work), with the
// registration id as idempotency key: a retry never refunds twice. A
// retryable failure is returned (the job retries); a refusal marks the
// refund failed. The registrant is emailed the outcome. finalAttempt
// marks a retryable failure failed too.
func (s *Events) RefundRegistration(ctx context.Context, registrationID string, finalAttempt bool) error {
	r, err := s.st.GetRegistration(ctx, registrationID)
	if err != nil {
		return err
	}
	if r.RefundState != event.RefundPending || r.RefundID != "" {
		return nil // done by an earlier run (or accepted, settling at the provider)
	}
	var refund PaymentRefund
	rerr := msgPaymentsOff.Wrap(domain.ErrUnavailable)
	if s.pay != nil && s.pay.Enabled() {
		refund, rerr = s.pay.Refund(ctx, r.PaymentIntentID, r.FeeCents, r.ID)
	}
	if rerr != nil && errors.Is(rerr, domain.ErrUnavailable) && !finalAttempt {
		return rerr
	}
	state, kind := refundOutcome(refund, rerr)
	now := s.now()
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		cur, err := tx.LockRegistration(ctx, registrationID)
		if err != nil {
			return err
		}
		if cur.RefundState != event.RefundPending || cur.RefundID != "" {
			return nil
		}
		if err := tx.SetRegistrationRefund(ctx, cur.ID, state, refund.ID, now); err != nil {
			return err
		}
		cur.RefundState = state
		e, err := tx.GetEvent(ctx, cur.EventID)
		if err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, Actor{}, "event.registration_refund", "event_registration", cur.ID, cur.OrganisationID, nil,
			map[string]any{"refund_state": string(state), "refund_id": refund.ID, "refund_status": refund.Status}); err != nil {
			return err
		}
		if kind == "" {
			return nil // still pending at the provider: nothing to tell yet
		}
		return s.emailRegistrant(ctx, tx, e, cur, kind)
	})
	// A refusal is final: recorded as failed, nothing to retry.
	return err
}

// refundOutcome is what a refund answer means: succeeded, failed (an
// error, failed or canceled) or still pending at the provider (pending,
// requires_action: no email kind, nothing claimed yet).
func refundOutcome(refund PaymentRefund, err error) (event.RefundState, string) {
	switch {
	case err != nil || refund.Status == "failed" || refund.Status == "canceled":
		return event.RefundFailed, "refund_failed"
	case refund.Status == "succeeded":
		return event.RefundSucceeded, "refund_succeeded"
	default:
		return event.RefundPending, ""
	}
}

// PaymentRefundOrder is a payment that confirms nothing (a second payment,
// a wrong amount or currency) and is given back in full: AmountCents in
// Currency of PaymentIntentID, for the registration RegistrationID.
type PaymentRefundOrder struct {
	RegistrationID  string `json:"registration_id"`
	PaymentIntentID string `json:"payment_intent_id"`
	AmountCents     int64  `json:"amount_cents"`
	Currency        string `json:"currency"`
}

// refundStrayPayment records, in tx, a payment that confirms nothing
// (audit action) and queues its refund in full.
func (s *Events) refundStrayPayment(ctx context.Context, tx *store.Tx, r event.Registration, billingEvent string, c *CheckoutEvent, action string) error {
	if err := writeAudit(ctx, tx, Actor{}, action, "event_registration", r.ID, r.OrganisationID, nil,
		map[string]any{"billing_event": billingEvent, "amount_total": c.AmountTotal, "currency": c.Currency,
			"payment_intent": c.PaymentIntentID, "refund": c.PaymentIntentID != "" && c.AmountTotal > 0}); err != nil {
		return err
	}
	if c.PaymentIntentID == "" || c.AmountTotal <= 0 {
		return nil
	}
	return s.jobs.EnqueuePaymentRefund(ctx, tx, PaymentRefundOrder{RegistrationID: r.ID, PaymentIntentID: c.PaymentIntentID,
		AmountCents: c.AmountTotal, Currency: strings.ToUpper(c.Currency)})
}

// RefundPayment gives back a payment that confirmed nothing (the payment
// refund job's work), with the payment intent id as idempotency key: a
// retry never refunds twice. A retryable failure is returned (the job
// retries) unless finalAttempt. The outcome is audited, and the registrant
// is emailed a settled one with the amount actually paid.
func (s *Events) RefundPayment(ctx context.Context, o PaymentRefundOrder, finalAttempt bool) error {
	var refund PaymentRefund
	rerr := msgPaymentsOff.Wrap(domain.ErrUnavailable)
	if s.pay != nil && s.pay.Enabled() {
		refund, rerr = s.pay.Refund(ctx, o.PaymentIntentID, o.AmountCents, "payment-"+o.PaymentIntentID)
	}
	if rerr != nil && errors.Is(rerr, domain.ErrUnavailable) && !finalAttempt {
		return rerr
	}
	state, kind := refundOutcome(refund, rerr)
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		r, err := tx.GetRegistration(ctx, o.RegistrationID)
		if err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, Actor{}, "event.payment_refund", "event_registration", r.ID, r.OrganisationID, nil,
			map[string]any{"payment_intent": o.PaymentIntentID, "amount_cents": o.AmountCents, "currency": o.Currency,
				"refund_state": string(state), "refund_id": refund.ID, "refund_status": refund.Status}); err != nil {
			return err
		}
		if kind == "" {
			return nil
		}
		e, err := tx.GetEvent(ctx, r.EventID)
		if err != nil {
			return err
		}
		// The email names what was paid, not the registration's fee.
		r.FeeCents, r.Currency = o.AmountCents, o.Currency
		return s.emailRegistrant(ctx, tx, e, r, kind)
	})
}
