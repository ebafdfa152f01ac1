package billing

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/stripe/stripe-go/v76/webhook"
)

// Event is a verified webhook event.
type Event struct {
	// ID is Stripe's event id (evt_…): store it to process each event once.
	ID string
	// Type is e.g. checkout.session.completed.
	Type string
	// Created is when Stripe created the event.
	Created time.Time
	// Livemode is false for test-mode events.
	Livemode bool
	// APIVersion is the version the event was rendered with.
	APIVersion string
	// Checkout is set for the checkout session events (CheckoutCompleted,
	// CheckoutExpired, CheckoutAsyncPaymentSucceeded,
	// CheckoutAsyncPaymentFailed) and nil for every other type.
	Checkout *CheckoutEvent
}

// CheckoutEvent is the checkout session an event is about.
type CheckoutEvent struct {
	// SessionID is the Checkout session's id (cs_…).
	SessionID string
	// Reference is CheckoutParams.Reference: our registration id.
	Reference string
	// PaymentIntentID (pi_…) is what Refund takes; empty before payment.
	PaymentIntentID string
	// PaymentStatus is paid, unpaid (e.g. a bank transfer still on its way)
	// or no_payment_required.
	PaymentStatus string
	// CustomerEmail is the address the payer gave Stripe.
	CustomerEmail string
	// Currency is the lower-case ISO code, e.g. eur.
	Currency string
	// AmountTotal is what was charged, in the currency's smallest unit.
	AmountTotal int64
}

// The checkout session event types ParseWebhook decodes.
const (
	CheckoutCompleted             = "checkout.session.completed"
	CheckoutExpired               = "checkout.session.expired"
	CheckoutAsyncPaymentSucceeded = "checkout.session.async_payment_succeeded"
	CheckoutAsyncPaymentFailed    = "checkout.session.async_payment_failed"
)

// Paid reports whether the session's payment arrived: a completed session
// with payment status paid, or an async payment that succeeded.
func (e Event) Paid() bool {
	if e.Checkout == nil {
		return false
	}
	switch e.Type {
	case CheckoutCompleted, CheckoutAsyncPaymentSucceeded:
		return e.Checkout.PaymentStatus == "paid"
	}
	return false
}

// checkoutSession is the part of a checkout.session object read here: fields
// that have kept their shape across Stripe's API versions.
type checkoutSession struct {
	ID                string            `json:"id"`
	Object            string            `json:"object"`
	ClientReferenceID string            `json:"client_reference_id"`
	Metadata          map[string]string `json:"metadata"`
	PaymentIntent     json.RawMessage   `json:"payment_intent"` // an id, or an object when expanded
	PaymentStatus     string            `json:"payment_status"`
	CustomerEmail     string            `json:"customer_email"`
	CustomerDetails   *struct {
		Email string `json:"email"`
	} `json:"customer_details"`
	Currency    string `json:"currency"`
	AmountTotal int64  `json:"amount_total"`
}

// ParseWebhook verifies a webhook request's Stripe-Signature header against
// its raw body and decodes the event. A missing, malformed, foreign, stale
// (older than 5 minutes) or mismatched signature is ErrBadSignature; a signed
// body that is not a valid event is ErrInvalid. Events of any API version are
// accepted (see the package documentation).
func (c *Client) ParseWebhook(payload []byte, signatureHeader string) (Event, error) {
	if !c.Enabled() {
		return Event{}, ErrDisabled
	}
	e, err := webhook.ConstructEventWithOptions(payload, signatureHeader, c.webhookSecret, webhook.ConstructEventOptions{
		Tolerance:                webhookTolerance,
		IgnoreAPIVersionMismatch: true,
	})
	if err != nil {
		for _, sigErr := range []error{webhook.ErrNotSigned, webhook.ErrInvalidHeader, webhook.ErrNoValidSignature, webhook.ErrTooOld} {
			if errors.Is(err, sigErr) {
				return Event{}, fmt.Errorf("%w: %v", ErrBadSignature, sigErr)
			}
		}
		return Event{}, fmt.Errorf("%w webhook: the signed body is not an event", ErrInvalid)
	}
	if e.ID == "" || e.Type == "" {
		return Event{}, fmt.Errorf("%w webhook: event without id or type", ErrInvalid)
	}
	out := Event{
		ID:         e.ID,
		Type:       string(e.Type),
		Created:    time.Unix(e.Created, 0).UTC(),
		Livemode:   e.Livemode,
		APIVersion: e.APIVersion,
	}
	switch out.Type {
	case CheckoutCompleted, CheckoutExpired, CheckoutAsyncPaymentSucceeded, CheckoutAsyncPaymentFailed:
	default:
		return out, nil
	}
	if e.Data == nil || len(e.Data.Raw) == 0 {
		return Event{}, fmt.Errorf("%w webhook: %s event %s without data", ErrInvalid, out.Type, out.ID)
	}
	var s checkoutSession
	if err := json.Unmarshal(e.Data.Raw, &s); err != nil || s.Object != "checkout.session" || s.ID == "" {
		return Event{}, fmt.Errorf("%w webhook: %s event %s does not hold a checkout session", ErrInvalid, out.Type, out.ID)
	}
	ce := &CheckoutEvent{
		SessionID:     s.ID,
		Reference:     s.ClientReferenceID,
		PaymentStatus: s.PaymentStatus,
		CustomerEmail: s.CustomerEmail,
		Currency:      s.Currency,
		AmountTotal:   s.AmountTotal,
	}
	if ce.Reference == "" {
		ce.Reference = s.Metadata["registration_id"]
	}
	if s.CustomerDetails != nil && s.CustomerDetails.Email != "" {
		ce.CustomerEmail = s.CustomerDetails.Email
	}
	ce.PaymentIntentID = idOf(s.PaymentIntent)
	out.Checkout = ce
	return out, nil
}

// idOf reads an expandable field: an id string, an object with an id, or null.
func idOf(raw json.RawMessage) string {
	var id string
	if json.Unmarshal(raw, &id) == nil {
		return id
	}
	var obj struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(raw, &obj) == nil {
		return obj.ID
	}
	return ""
}
