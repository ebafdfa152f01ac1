package billing_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"passerelle/internal/billing"
	"passerelle/internal/billing/billingtest"
)

// stripe-mock accepts only test-mode keys and answers 401 to others,
// repeating the Authorization header in its message (Stripe itself masks
// keys): the key must be redacted from the error and from the logs.
func TestRefusalIsNotRetryableAndHidesTheKey(t *testing.T) {
	t.Parallel()
	const key = "sk_live_51TopSecretValue"
	var logs bytes.Buffer
	c, err := billing.New(billing.Config{
		SecretKey: key, WebhookSecret: "whsec_TopSecretToo", APIURL: billingtest.StartMock(t),
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Refund(context.Background(), "pi_1", 100, "refund-1")
	var se *billing.StripeError
	if !errors.As(err, &se) || se.Status != http.StatusUnauthorized || se.Op != "refund" {
		t.Fatalf("refund with a live key on stripe-mock: %v, want a 401 StripeError", err)
	}
	if billing.Retryable(err) {
		t.Errorf("a 401 is a refusal, not retryable")
	}
	if !strings.Contains(se.Message, "[redacted]") {
		t.Errorf("stripe-mock's message was expected to hold the key, redacted: %q", se.Message)
	}
	if logs.Len() == 0 {
		t.Errorf("stripe-go logged nothing at debug level; the redaction of logs is untested")
	}
	for what, s := range map[string]string{"error": err.Error(), "logs": logs.String()} {
		if strings.Contains(s, "TopSecret") {
			t.Errorf("the %s show a secret: %s", what, s)
		}
	}
}

// stripe-mock never answers 409, 429 or 5xx: this one server stands in for
// Stripe's failures, each answered once (Stripe-Should-Retry: false keeps
// stripe-go from retrying on its own).
func TestRetryable(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var status int
		code := r.Header.Get("Idempotency-Key")
		_, _ = fmt.Sscanf(code, "status-%d", &status)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Stripe-Should-Retry", "false")
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"error":{"type":"api_error","message":"status %d"}}`, status)
	}))
	t.Cleanup(srv.Close)
	c, err := billing.New(billingtest.Config(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	for status, want := range map[int]bool{400: false, 402: false, 404: false, 409: true, 429: true, 500: true, 502: true, 503: true} {
		_, err := c.Refund(context.Background(), "pi_1", 100, fmt.Sprintf("status-%d", status))
		var se *billing.StripeError
		if !errors.As(err, &se) || se.Status != status {
			t.Errorf("%d: %v, want a StripeError with that status", status, err)
			continue
		}
		if billing.Retryable(err) != want {
			t.Errorf("%d: Retryable = %v, want %v", status, !want, want)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Refund(ctx, "pi_1", 100, "status-200"); err == nil || !errors.Is(err, context.Canceled) || billing.Retryable(err) {
		t.Errorf("a cancelled context: %v, want context.Canceled, not retryable", err)
	}
	if billing.Retryable(nil) || !billing.Retryable(context.DeadlineExceeded) || !billing.Retryable(errors.New("connection reset")) {
		t.Errorf("Retryable of nil, a timeout, a network error")
	}
}
