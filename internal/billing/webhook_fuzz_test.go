package billing_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/billing"
	"passerelle/internal/billing/billingtest"
)

// fuzzClient is an enabled client (webhooks need no network), made once:
// the fuzz functions run many times per test.
func fuzzClient(f *testing.F) *billing.Client {
	c, err := billing.New(billingtest.Config("http://127.0.0.1:1"))
	if err != nil {
		f.Fatal(err)
	}
	return c
}

// FuzzParseWebhookUnsigned sends arbitrary bodies and Stripe-Signature
// headers, as anyone on the Internet can: never a panic, never an event,
// only ErrBadSignature (or ErrInvalid for a body no secret signed).
func FuzzParseWebhookUnsigned(f *testing.F) {
	payload, header := billingtest.SignedPayload(f, billingtest.WebhookSecret,
		billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: "r"}))
	wrong, _ := billingtest.SignedPayload(f, "whsec_not_ours", billingtest.Event("invoice.paid", map[string]any{"id": "in_1"}))
	f.Add(payload, header)
	f.Add(payload, "")
	f.Add(wrong, header)
	f.Add(payload, "t=1,v1=00")
	f.Add([]byte("{}"), "t=9999999999,v1=")
	f.Add([]byte("not json"), "v1=abc,t=x,v0=deadbeef")
	f.Add([]byte(nil), ",,,=,t=,v1")
	c := fuzzClient(f)
	f.Fuzz(func(t *testing.T, body []byte, header string) {
		ev, err := c.ParseWebhook(body, header)
		if err == nil {
			// Only a body the secret signed may pass: the fuzzer cannot forge
			// HMAC-SHA256, so the header must carry the body's signature.
			if !signedBy(body, header, billingtest.WebhookSecret) {
				t.Fatalf("forged webhook accepted: %+v", ev)
			}
			return
		}
		if !errors.Is(err, billing.ErrBadSignature) && !errors.Is(err, billing.ErrInvalid) {
			t.Fatalf("error %v is neither a bad signature nor an invalid event", err)
		}
	})
}

// FuzzParseWebhookSigned signs arbitrary bodies with the right secret
// (as billingtest.SignedPayload does): the signature always verifies, so
// the body is either an event or ErrInvalid, never ErrBadSignature, never
// a panic; a checkout session event carries its session; and changing
// any single byte of the body makes the signature fail.
func FuzzParseWebhookSigned(f *testing.F) {
	for _, typ := range []string{billing.CheckoutCompleted, billing.CheckoutExpired, billing.CheckoutAsyncPaymentSucceeded, billing.CheckoutAsyncPaymentFailed} {
		payload, _ := billingtest.SignedPayload(f, billingtest.WebhookSecret, billingtest.CheckoutSessionEvent(typ, billingtest.Session{Reference: "reg-1"}))
		f.Add(payload, uint16(17), byte(1))
	}
	ignored, _ := billingtest.SignedPayload(f, billingtest.WebhookSecret, billingtest.Event("invoice.paid", map[string]any{"id": "in_1"}))
	f.Add(ignored, uint16(0), byte(0x20))
	f.Add([]byte(`{"id":"evt_1","type":"checkout.session.completed","data":{"object":{"object":"checkout.session","id":"cs_1","payment_intent":{"id":"pi_1"}}}}`), uint16(3), byte(0xff))
	f.Add([]byte(`{"id":"evt_1","type":"checkout.session.completed","data":{"object":[1,2]}}`), uint16(0), byte(1))
	f.Add([]byte(`{"id":"","type":""}`), uint16(0), byte(1))
	f.Add([]byte(`null`), uint16(0), byte(1))
	c := fuzzClient(f)
	f.Fuzz(func(t *testing.T, body []byte, at uint16, flip byte) {
		payload, header := billingtest.SignedPayloadRaw(t, billingtest.WebhookSecret, body)
		ev, err := c.ParseWebhook(payload, header)
		switch {
		case errors.Is(err, billing.ErrBadSignature):
			t.Fatalf("a body signed with the right secret is refused: %v", err)
		case err != nil && !errors.Is(err, billing.ErrInvalid):
			t.Fatalf("error %v is not ErrInvalid", err)
		case err == nil:
			if ev.ID == "" || ev.Type == "" || ev.Created.Location() != time.UTC {
				t.Fatalf("event %+v", ev)
			}
			isCheckout := ev.Type == billing.CheckoutCompleted || ev.Type == billing.CheckoutExpired ||
				ev.Type == billing.CheckoutAsyncPaymentSucceeded || ev.Type == billing.CheckoutAsyncPaymentFailed
			if isCheckout != (ev.Checkout != nil) || ev.Checkout != nil && ev.Checkout.SessionID == "" {
				t.Fatalf("%s event, checkout %+v", ev.Type, ev.Checkout)
			}
			if ev.Paid() && (ev.Checkout.PaymentStatus != "paid" || ev.Type == billing.CheckoutExpired || ev.Type == billing.CheckoutAsyncPaymentFailed) {
				t.Fatalf("%s with status %q counted as paid", ev.Type, ev.Checkout.PaymentStatus)
			}
		}
		if len(payload) == 0 || flip == 0 {
			return
		}
		changed := append([]byte(nil), payload...)
		changed[int(at)%len(changed)] ^= flip
		if _, err := c.ParseWebhook(changed, header); !errors.Is(err, billing.ErrBadSignature) {
			t.Fatalf("body changed at %d, signature still accepted (%v)", int(at)%len(changed), err)
		}
	})
}

// signedBy checks, as Stripe documents it and independently of stripe-go,
// that header ("t=…,v1=…") holds HMAC-SHA256(secret, t + "." + body).
func signedBy(body []byte, header, secret string) bool {
	var ts string
	var sigs []string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, strings.ToLower(v))
		}
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts + "."))
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	return slices.Contains(sigs, want)
}
