package billing_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"passerelle/internal/billing"
	"passerelle/internal/billing/billingtest"
)

func TestDisabled(t *testing.T) {
	t.Parallel()
	empty, err := billing.New(billing.Config{WebhookSecret: "whsec_x", APIURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*billing.Client{"nil": nil, "no secret key": empty} {
		if c.Enabled() {
			t.Errorf("%s: Enabled() = true", name)
		}
		if _, err := c.CreateCheckout(context.Background(), validCheckout()); !errors.Is(err, billing.ErrDisabled) {
			t.Errorf("%s: CreateCheckout: %v, want ErrDisabled", name, err)
		}
		if _, err := c.Refund(context.Background(), "pi_1", 100, "k"); !errors.Is(err, billing.ErrDisabled) {
			t.Errorf("%s: Refund: %v, want ErrDisabled", name, err)
		}
		payload, header := billingtest.SignedPayload(t, billingtest.WebhookSecret, billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{}))
		if _, err := c.ParseWebhook(payload, header); !errors.Is(err, billing.ErrDisabled) {
			t.Errorf("%s: ParseWebhook: %v, want ErrDisabled", name, err)
		}
		if billing.Retryable(billing.ErrDisabled) {
			t.Errorf("ErrDisabled must not be retryable")
		}
	}
}

func TestNewRefusesBadConfig(t *testing.T) {
	t.Parallel()
	const key = "sk_test_topsecret1"
	for _, tc := range []struct {
		name string
		cfg  billing.Config
		want string
	}{
		{"no webhook secret", billing.Config{SecretKey: key}, "webhook secret is required"},
		{"publishable key", billing.Config{SecretKey: "pk_test_topsecret1", WebhookSecret: "whsec_a"}, "sk_ or rk_"},
		{"webhook secret shape", billing.Config{SecretKey: key, WebhookSecret: "topsecret2"}, "whsec_"},
		{"API URL", billing.Config{SecretKey: key, WebhookSecret: "whsec_a", APIURL: "localhost:12111"}, "http(s) URL"},
	} {
		c, err := billing.New(tc.cfg)
		if !errors.Is(err, billing.ErrInvalid) || !strings.Contains(err.Error(), tc.want) || c != nil {
			t.Errorf("%s: %v, want ErrInvalid mentioning %q", tc.name, err, tc.want)
			continue
		}
		if strings.Contains(err.Error(), "topsecret") {
			t.Errorf("%s: the error shows a secret: %v", tc.name, err)
		}
	}
	for _, key := range []string{"sk_live_abc", "rk_test_abc"} {
		if c, err := billing.New(billing.Config{SecretKey: key, WebhookSecret: "whsec_a"}); err != nil || !c.Enabled() {
			t.Errorf("%s: %v", key, err)
		}
	}
}

// validCheckout is a checkout that passes validation; tests change one field.
func validCheckout() billing.CheckoutParams {
	return billing.CheckoutParams{
		Reference:      "0193a5b2-7c1e-7d7a-9f00-3b1c2d4e5f60",
		IdempotencyKey: "checkout-0193a5b2-7c1e-7d7a-9f00-3b1c2d4e5f60-1",
		CustomerEmail:  "achats@valdemoselle.example",
		Locale:         "fr",
		Currency:       "EUR",
		Items: []billing.Item{
			{Name: "Convention d'affaires 2027 — acheteur", AmountCents: 12000, Quantity: 1},
			{Name: "Délégué supplémentaire", AmountCents: 4500, Quantity: 2},
		},
		SuccessURL: "https://passerelle.example/events/1/registration?paid={CHECKOUT_SESSION_ID}",
		CancelURL:  "https://passerelle.example/events/1/registration",
		ExpiresAt:  time.Now().Add(2 * time.Hour),
	}
}

// unreachable is a client whose Stripe refuses connections: validation
// failures must come back without trying it.
func unreachable(t *testing.T) *billing.Client {
	t.Helper()
	c, err := billing.New(billing.Config{SecretKey: "sk_test_x", WebhookSecret: "whsec_x", APIURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
