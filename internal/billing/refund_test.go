package billing_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"passerelle/internal/billing"
	"passerelle/internal/billing/billingtest"
)

func TestRefund(t *testing.T) {
	t.Parallel()
	rec := billingtest.StartRecorder(t)
	c, err := billing.New(billingtest.Config(rec.URL))
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Refund(context.Background(), "pi_3PgafyB7WZ01zgkW0rXx", 4500, "refund-reg-42")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r.ID, "re_") || r.Status == "" || r.AmountCents != 4500 {
		t.Fatalf("refund = %+v, want a re_ id, a status and 4500", r)
	}
	sent := rec.Find(http.MethodPost, "/v1/refunds")
	if len(sent) != 1 {
		t.Fatalf("%d refunds sent, want 1", len(sent))
	}
	f := sent[0].Form
	if f.Get("payment_intent") != "pi_3PgafyB7WZ01zgkW0rXx" || f.Get("amount") != "4500" || f.Get("reason") != "requested_by_customer" || sent[0].IdempotencyKey != "refund-reg-42" {
		t.Fatalf("refund sent as %v with key %q", f, sent[0].IdempotencyKey)
	}
}

func TestRefundValidation(t *testing.T) {
	t.Parallel()
	c := unreachable(t)
	for _, tc := range []struct {
		name, pi, key string
		amount        int64
		want          string
	}{
		{"charge id", "ch_1", "k", 100, "PaymentIntent id"},
		{"empty id", "", "k", 100, "PaymentIntent id"},
		{"zero", "pi_1", "k", 0, "amount"},
		{"negative", "pi_1", "k", -100, "amount"},
		{"no key", "pi_1", " ", 100, "idempotency key"},
	} {
		_, err := c.Refund(context.Background(), tc.pi, tc.amount, tc.key)
		if !errors.Is(err, billing.ErrInvalid) || !strings.Contains(err.Error(), tc.want) || billing.Retryable(err) {
			t.Errorf("%s: %v, want a non-retryable ErrInvalid mentioning %q", tc.name, err, tc.want)
		}
	}
}
