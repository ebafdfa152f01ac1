package billing_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"passerelle/internal/billing"
	"passerelle/internal/billing/billingtest"
)

func TestCheckoutValidation(t *testing.T) {
	t.Parallel()
	c := unreachable(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	long := func(n int) string { return strings.Repeat("x", n) }
	for _, tc := range []struct {
		name   string
		change func(*billing.CheckoutParams)
		want   string
	}{
		{"no reference", func(p *billing.CheckoutParams) { p.Reference = " " }, "reference is required"},
		{"long reference", func(p *billing.CheckoutParams) { p.Reference = long(201) }, "reference is longer"},
		{"no idempotency key", func(p *billing.CheckoutParams) { p.IdempotencyKey = "" }, "idempotency key is required"},
		{"long idempotency key", func(p *billing.CheckoutParams) { p.IdempotencyKey = long(256) }, "idempotency key is longer"},
		{"email with a name", func(p *billing.CheckoutParams) { p.CustomerEmail = "Achats <a@b.example>" }, "customer email"},
		{"not an email", func(p *billing.CheckoutParams) { p.CustomerEmail = "achats" }, "customer email"},
		{"locale", func(p *billing.CheckoutParams) { p.Locale = "lb" }, `locale "lb"`},
		{"currency", func(p *billing.CheckoutParams) { p.Currency = "€" }, "currency"},
		{"no currency", func(p *billing.CheckoutParams) { p.Currency = "" }, "currency"},
		{"no items", func(p *billing.CheckoutParams) { p.Items = nil }, "at least one item"},
		{"too many items", func(p *billing.CheckoutParams) {
			p.Items = make([]billing.Item, 101)
			for i := range p.Items {
				p.Items[i] = billing.Item{Name: "n", AmountCents: 100, Quantity: 1}
			}
		}, "at most 100 items"},
		{"item without name", func(p *billing.CheckoutParams) { p.Items[1].Name = "" }, "item 1: name is required"},
		{"long item name", func(p *billing.CheckoutParams) { p.Items[0].Name = strings.Repeat("é", 251) }, "item 0: name is longer"},
		{"negative amount", func(p *billing.CheckoutParams) { p.Items[0].AmountCents = -1 }, "item 0: amount"},
		{"zero quantity", func(p *billing.CheckoutParams) { p.Items[1].Quantity = 0 }, "item 1: quantity"},
		{"huge quantity", func(p *billing.CheckoutParams) { p.Items[1].Quantity = 1 << 62 }, "item 1: quantity"},
		{"total too large", func(p *billing.CheckoutParams) { p.Items[0].AmountCents, p.Items[0].Quantity = 99_999_999, 2 }, "total is above"},
		{"total below the euro minimum", func(p *billing.CheckoutParams) { p.Items = []billing.Item{{Name: "n", AmountCents: 49, Quantity: 1}} }, "minimum of 50"},
		{"free", func(p *billing.CheckoutParams) {
			p.Currency, p.Items = "usd", []billing.Item{{Name: "n", AmountCents: 0, Quantity: 1}}
		}, "free registrations"},
		{"no success URL", func(p *billing.CheckoutParams) { p.SuccessURL = "" }, "success URL: required"},
		{"relative cancel URL", func(p *billing.CheckoutParams) { p.CancelURL = "/events/1" }, "cancel URL"},
		{"other scheme", func(p *billing.CheckoutParams) { p.SuccessURL = "javascript:alert(1)" }, "success URL"},
		{"expires too soon", func(p *billing.CheckoutParams) { p.ExpiresAt = time.Now().Add(29 * time.Minute) }, "expiry"},
		{"expires too late", func(p *billing.CheckoutParams) { p.ExpiresAt = time.Now().Add(25 * time.Hour) }, "expiry"},
	} {
		p := validCheckout()
		tc.change(&p)
		_, err := c.CreateCheckout(ctx, p)
		if !errors.Is(err, billing.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want ErrInvalid mentioning %q", tc.name, err, tc.want)
		}
		if billing.Retryable(err) {
			t.Errorf("%s: an invalid checkout must not be retryable", tc.name)
		}
	}
	// Every problem at once, in one error.
	_, err := c.CreateCheckout(ctx, billing.CheckoutParams{})
	for _, want := range []string{"reference", "idempotency key", "currency", "item", "success URL", "cancel URL"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("an empty checkout's error does not mention %q: %v", want, err)
		}
	}
}

func TestCheckoutUnreachableIsRetryable(t *testing.T) {
	t.Parallel()
	_, err := unreachable(t).CreateCheckout(context.Background(), validCheckout())
	if err == nil || errors.Is(err, billing.ErrInvalid) || !billing.Retryable(err) {
		t.Fatalf("a valid checkout to an unreachable Stripe: %v, want a retryable error", err)
	}
	if strings.Contains(err.Error(), "sk_test_x") {
		t.Fatalf("the error shows the key: %v", err)
	}
}

func TestCreateCheckoutSendsWhatWasAsked(t *testing.T) {
	t.Parallel()
	rec := billingtest.StartRecorder(t)
	c, err := billing.New(billingtest.Config(rec.URL))
	if err != nil {
		t.Fatal(err)
	}
	p := validCheckout()
	out, err := c.CreateCheckout(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.ID, "cs_") || !strings.HasPrefix(out.URL, "https://") || out.ExpiresAt.IsZero() {
		t.Fatalf("checkout = %+v, want a cs_ id, an https URL and an expiry", out)
	}
	sent := rec.Find(http.MethodPost, "/v1/checkout/sessions")
	if len(sent) != 1 {
		t.Fatalf("%d session creations sent, want 1: %+v", len(sent), rec.Requests())
	}
	got := sent[0]
	want := map[string]string{
		"mode":                      "payment",
		"client_reference_id":       p.Reference,
		"metadata[registration_id]": p.Reference,
		"payment_intent_data[metadata][registration_id]": p.Reference,
		"customer_email":                         p.CustomerEmail,
		"locale":                                 "fr",
		"success_url":                            p.SuccessURL,
		"cancel_url":                             p.CancelURL,
		"expires_at":                             strconv.FormatInt(p.ExpiresAt.Unix(), 10),
		"line_items[0][price_data][currency]":    "eur",
		"line_items[0][price_data][unit_amount]": "12000",
		"line_items[0][price_data][product_data][name]": p.Items[0].Name,
		"line_items[0][quantity]":                       "1",
		"line_items[1][price_data][currency]":           "eur",
		"line_items[1][price_data][unit_amount]":        "4500",
		"line_items[1][price_data][product_data][name]": p.Items[1].Name,
		"line_items[1][quantity]":                       "2",
	}
	for k, v := range want {
		if got.Form.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, got.Form.Get(k), v)
		}
	}
	if got.IdempotencyKey != p.IdempotencyKey {
		t.Errorf("Idempotency-Key = %q, want %q", got.IdempotencyKey, p.IdempotencyKey)
	}
	if got.StripeVersion != billingtest.APIVersion {
		t.Errorf("Stripe-Version = %q, want %q", got.StripeVersion, billingtest.APIVersion)
	}
}

func TestCheckoutLocales(t *testing.T) {
	t.Parallel()
	rec := billingtest.StartRecorder(t)
	c, err := billing.New(billingtest.Config(rec.URL))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{"": "auto", "de": "de", "de-DE": "de", "EN": "en", "nl_BE": "nl", "fr-LU": "fr"}
	for in, want := range cases {
		p := validCheckout()
		p.Locale, p.ExpiresAt, p.CustomerEmail = in, time.Time{}, ""
		p.IdempotencyKey = "locale-" + in
		if _, err := c.CreateCheckout(context.Background(), p); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		sent := rec.Find(http.MethodPost, "/v1/checkout/sessions")
		last := sent[len(sent)-1]
		if last.Form.Get("locale") != want || last.IdempotencyKey != p.IdempotencyKey {
			t.Errorf("locale %q sent as %q, want %q", in, last.Form.Get("locale"), want)
		}
		if last.Form.Has("expires_at") || last.Form.Has("customer_email") {
			t.Errorf("optional fields sent though empty: %v", last.Form)
		}
	}
}
