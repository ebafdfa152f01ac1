package billing_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"passerelle/internal/billing"
	"passerelle/internal/billing/billingtest"
)

// offline is an enabled client: webhooks need no network.
func offline(t *testing.T) *billing.Client {
	t.Helper()
	c, err := billing.New(billingtest.Config("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseWebhookCheckoutCompleted(t *testing.T) {
	t.Parallel()
	created := time.Date(2027, 3, 4, 10, 0, 0, 0, time.UTC)
	ev := billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{
		EventID: "evt_1", ID: "cs_test_1", Reference: "reg-42", PaymentIntentID: "pi_42",
		Email: "achats@plateau.example", AmountTotal: 21000, Created: created,
	})
	payload, header := billingtest.SignedPayload(t, billingtest.WebhookSecret, ev)
	got, err := offline(t).ParseWebhook(payload, header)
	if err != nil {
		t.Fatal(err)
	}
	want := billing.CheckoutEvent{SessionID: "cs_test_1", Reference: "reg-42", PaymentIntentID: "pi_42", PaymentStatus: "paid", CustomerEmail: "achats@plateau.example", Currency: "eur", AmountTotal: 21000}
	if got.ID != "evt_1" || got.Type != billing.CheckoutCompleted || !got.Created.Equal(created) || got.APIVersion != billingtest.APIVersion || got.Livemode {
		t.Errorf("event = %+v", got)
	}
	if got.Checkout == nil || *got.Checkout != want {
		t.Fatalf("checkout = %+v, want %+v", got.Checkout, want)
	}
	if !got.Paid() {
		t.Errorf("a completed, paid session must be Paid")
	}
}

func TestParseWebhookCheckoutVariants(t *testing.T) {
	t.Parallel()
	c := offline(t)
	parse := func(ev map[string]any) billing.Event {
		t.Helper()
		payload, header := billingtest.SignedPayload(t, billingtest.WebhookSecret, ev)
		got, err := c.ParseWebhook(payload, header)
		if err != nil {
			t.Fatal(err)
		}
		if got.Checkout == nil {
			t.Fatalf("%s: no checkout", got.Type)
		}
		return got
	}

	unpaid := parse(billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: "r", PaymentStatus: "unpaid"}))
	if unpaid.Paid() {
		t.Errorf("a completed session awaiting a bank transfer is not paid yet")
	}
	later := parse(billingtest.CheckoutSessionEvent(billing.CheckoutAsyncPaymentSucceeded, billingtest.Session{Reference: "r"}))
	if !later.Paid() {
		t.Errorf("an async payment that succeeded is paid")
	}
	failed := parse(billingtest.CheckoutSessionEvent(billing.CheckoutAsyncPaymentFailed, billingtest.Session{Reference: "r", PaymentStatus: "unpaid"}))
	if failed.Paid() {
		t.Errorf("a failed async payment is not paid")
	}
	expired := parse(billingtest.CheckoutSessionEvent(billing.CheckoutExpired, billingtest.Session{Reference: "r", PaymentStatus: "unpaid"}))
	if expired.Paid() || expired.Checkout.PaymentIntentID != "" || expired.Checkout.Reference != "r" {
		t.Errorf("expired = %+v", expired.Checkout)
	}

	// The reference survives in the metadata alone; an expanded
	// payment_intent and customer_email without customer_details are read.
	ev := billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: "reg-7"})
	obj := ev["data"].(map[string]any)["object"].(map[string]any)
	obj["client_reference_id"] = nil
	obj["payment_intent"] = map[string]any{"id": "pi_expanded", "object": "payment_intent"}
	obj["customer_details"] = nil
	obj["customer_email"] = "direct@example.org"
	got := parse(ev)
	if got.Checkout.Reference != "reg-7" || got.Checkout.PaymentIntentID != "pi_expanded" || got.Checkout.CustomerEmail != "direct@example.org" {
		t.Errorf("fallbacks: %+v", got.Checkout)
	}

	// Events rendered with another API version are accepted deliberately.
	ev = billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: "reg-8"})
	ev["api_version"] = "2025-03-31.basil"
	if got := parse(ev); got.APIVersion != "2025-03-31.basil" || got.Checkout.Reference != "reg-8" {
		t.Errorf("other API version: %+v", got)
	}
}

func TestParseWebhookOtherTypesAreIgnorable(t *testing.T) {
	t.Parallel()
	for _, typ := range []string{"payment_intent.succeeded", "charge.refunded", "customer.created"} {
		payload, header := billingtest.SignedPayload(t, billingtest.WebhookSecret, billingtest.Event(typ, map[string]any{"id": "x_1", "object": "unknown"}))
		got, err := offline(t).ParseWebhook(payload, header)
		if err != nil || got.Type != typ || got.ID == "" || got.Checkout != nil || got.Paid() {
			t.Errorf("%s: %+v, %v; want the event with Checkout nil", typ, got, err)
		}
	}
}

func TestParseWebhookRefusesBadSignatures(t *testing.T) {
	t.Parallel()
	c := offline(t)
	ev := billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: "reg-1"})
	payload, header := billingtest.SignedPayload(t, billingtest.WebhookSecret, ev)
	_, foreign := billingtest.SignedPayload(t, "whsec_someone_else", ev)
	stalePayload, stale := billingtest.SignedPayloadAt(t, billingtest.WebhookSecret, ev, time.Now().Add(-6*time.Minute))
	tampered := bytes.Replace(payload, []byte(`"reg-1"`), []byte(`"reg-2"`), 1)
	if bytes.Equal(tampered, payload) {
		t.Fatal("the tampering changed nothing")
	}
	for _, tc := range []struct {
		name, header string
		payload      []byte
	}{
		{"missing header", "", payload},
		{"garbage header", "garbage", payload},
		{"no v1 signature", strings.Split(header, ",")[0], payload},
		{"wrong secret", foreign, payload},
		{"tampered body", header, tampered},
		{"stale timestamp", stale, stalePayload},
		{"signature of another body", header, []byte(`{"id":"evt_x","type":"checkout.session.completed"}`)},
	} {
		got, err := c.ParseWebhook(tc.payload, tc.header)
		if !errors.Is(err, billing.ErrBadSignature) || got.ID != "" || got.Checkout != nil {
			t.Errorf("%s: %+v, %v; want ErrBadSignature and no event", tc.name, got, err)
		}
		if billing.Retryable(err) {
			t.Errorf("%s: a bad signature is not retryable", tc.name)
		}
	}
	// Within the tolerance, an older delivery is still accepted.
	recentPayload, recent := billingtest.SignedPayloadAt(t, billingtest.WebhookSecret, ev, time.Now().Add(-4*time.Minute))
	if _, err := c.ParseWebhook(recentPayload, recent); err != nil {
		t.Errorf("a four-minute-old signature: %v", err)
	}
}

func TestParseWebhookRefusesSignedNonsense(t *testing.T) {
	t.Parallel()
	c := offline(t)
	for name, body := range map[string]string{
		"not JSON":              `{"id":`,
		"no id":                 `{"type":"checkout.session.completed","data":{"object":{"id":"cs_1","object":"checkout.session"}}}`,
		"checkout without data": `{"id":"evt_1","type":"checkout.session.completed"}`,
		"not a session":         `{"id":"evt_1","type":"checkout.session.completed","data":{"object":{"id":"pi_1","object":"payment_intent"}}}`,
		"session without id":    `{"id":"evt_1","type":"checkout.session.completed","data":{"object":{"object":"checkout.session"}}}`,
	} {
		payload, header := billingtest.SignedPayloadRaw(t, billingtest.WebhookSecret, []byte(body))
		if _, err := c.ParseWebhook(payload, header); !errors.Is(err, billing.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
}
