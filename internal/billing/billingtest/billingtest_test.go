package billingtest_test

import (
	"net/http"
	"testing"
	"time"

	"passerelle/internal/billing"
	"passerelle/internal/billing/billingtest"
)

func TestStartMockAnswersThenStopsAtCleanup(t *testing.T) {
	t.Parallel()
	client := &http.Client{Timeout: 5 * time.Second}
	var url string
	t.Run("running", func(t *testing.T) {
		url = billingtest.StartMock(t)
		req, err := http.NewRequest(http.MethodGet, url+"/v1/balance", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.SetBasicAuth(billingtest.SecretKey, "")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Stripe-Mock-Version") == "" {
			t.Fatalf("GET /v1/balance: %d %v", resp.StatusCode, resp.Header)
		}
	})
	if url == "" {
		t.Skip("stripe-mock did not run")
	}
	if resp, err := client.Get(url + "/v1/balance"); err == nil {
		resp.Body.Close()
		t.Fatalf("stripe-mock still answers after its test ended")
	}
}

func TestEventsParseAsStripeSendsThem(t *testing.T) {
	t.Parallel()
	c, err := billing.New(billingtest.Config("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	first := billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: "reg-1"})
	second := billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: "reg-1"})
	var ids []string
	for _, ev := range []map[string]any{first, second} {
		payload, header := billingtest.SignedPayload(t, billingtest.WebhookSecret, ev)
		got, err := c.ParseWebhook(payload, header)
		if err != nil {
			t.Fatal(err)
		}
		if got.Checkout == nil || got.Checkout.Reference != "reg-1" || !got.Paid() || got.Checkout.AmountTotal != 15000 || got.Checkout.Currency != "eur" {
			t.Fatalf("defaults: %+v %+v", got, got.Checkout)
		}
		ids = append(ids, got.ID, got.Checkout.SessionID, got.Checkout.PaymentIntentID)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if id == "" || seen[id] {
			t.Fatalf("ids must be fresh and distinct: %v", ids)
		}
		seen[id] = true
	}
}
