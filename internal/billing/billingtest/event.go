package billingtest

import (
	"encoding/json"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76/webhook"
)

// APIVersion is the Stripe API version stripe-go v76 pins, which the events
// built here carry.
const APIVersion = "2023-10-16"

// SignedPayload encodes event as JSON and signs it with secret as Stripe does
// now; header is the Stripe-Signature value.
func SignedPayload(tb testing.TB, secret string, event map[string]any) (payload []byte, header string) {
	tb.Helper()
	return SignedPayloadAt(tb, secret, event, time.Now())
}

// SignedPayloadAt is SignedPayload with the signature's timestamp at t (to
// test stale or replayed deliveries).
func SignedPayloadAt(tb testing.TB, secret string, event map[string]any, t time.Time) (payload []byte, header string) {
	tb.Helper()
	payload, err := json.Marshal(event)
	if err != nil {
		tb.Fatalf("billingtest: encode event: %v", err)
	}
	signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: secret, Timestamp: t})
	return signed.Payload, signed.Header
}

// Session describes the checkout session of an event; empty fields get
// plausible values (a fresh session and event id, a paid 150.00 EUR payment).
type Session struct {
	// EventID is the event's id (evt_…); empty means a fresh one.
	EventID string
	// ID is the session id (cs_test_…); empty means a fresh one.
	ID string
	// Reference is the registration id (client_reference_id and metadata).
	Reference string
	// PaymentIntentID is pi_…; empty means a fresh one.
	PaymentIntentID string
	// PaymentStatus is paid (the default), unpaid or no_payment_required.
	PaymentStatus string
	// Email is the payer's address; empty means payer@example.org.
	Email string
	// Currency defaults to eur; AmountTotal to 15000.
	Currency    string
	AmountTotal int64
	// Created defaults to now.
	Created time.Time
}

var sequence atomic.Int64

func fresh(prefix string) string {
	return prefix + strconv.FormatInt(time.Now().UnixNano(), 36) + strconv.FormatInt(sequence.Add(1), 36)
}

// CheckoutSessionEvent builds a webhook event of type typ (e.g.
// billing.CheckoutCompleted) about s, shaped as Stripe sends it under API
// version 2023-10-16.
func CheckoutSessionEvent(typ string, s Session) map[string]any {
	if s.EventID == "" {
		s.EventID = fresh("evt_test_")
	}
	if s.ID == "" {
		s.ID = fresh("cs_test_")
	}
	if s.PaymentIntentID == "" {
		s.PaymentIntentID = fresh("pi_test_")
	}
	if s.PaymentStatus == "" {
		s.PaymentStatus = "paid"
	}
	if s.Email == "" {
		s.Email = "payer@example.org"
	}
	if s.Currency == "" {
		s.Currency = "eur"
	}
	if s.AmountTotal == 0 {
		s.AmountTotal = 15000
	}
	if s.Created.IsZero() {
		s.Created = time.Now()
	}
	status := "complete"
	var paymentIntent any = s.PaymentIntentID
	if typ == "checkout.session.expired" {
		status, paymentIntent = "expired", nil
	}
	var reference any
	metadata := map[string]any{}
	if s.Reference != "" {
		reference = s.Reference
		metadata["registration_id"] = s.Reference
	}
	return map[string]any{
		"id":               s.EventID,
		"object":           "event",
		"api_version":      APIVersion,
		"created":          s.Created.Unix(),
		"livemode":         false,
		"pending_webhooks": 1,
		"request":          map[string]any{"id": nil, "idempotency_key": nil},
		"type":             typ,
		"data": map[string]any{"object": map[string]any{
			"id":                  s.ID,
			"object":              "checkout.session",
			"mode":                "payment",
			"status":              status,
			"payment_status":      s.PaymentStatus,
			"client_reference_id": reference,
			"metadata":            metadata,
			"payment_intent":      paymentIntent,
			"customer_email":      nil,
			"customer_details":    map[string]any{"email": s.Email, "name": "Test Payer"},
			"currency":            s.Currency,
			"amount_subtotal":     s.AmountTotal,
			"amount_total":        s.AmountTotal,
			"livemode":            false,
			"created":             s.Created.Unix(),
			"expires_at":          s.Created.Add(24 * time.Hour).Unix(),
		}},
	}
}

// Event builds a webhook event of any other type around object (for events
// the code under test must ignore).
func Event(typ string, object map[string]any) map[string]any {
	return map[string]any{
		"id":          fresh("evt_test_"),
		"object":      "event",
		"api_version": APIVersion,
		"created":     time.Now().Unix(),
		"livemode":    false,
		"type":        typ,
		"data":        map[string]any{"object": object},
	}
}

// SignedPayloadRaw signs body as it is, now (to test bodies that are not
// valid events).
func SignedPayloadRaw(tb testing.TB, secret string, body []byte) (payload []byte, header string) {
	tb.Helper()
	signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: secret, Timestamp: time.Now()})
	return signed.Payload, signed.Header
}
