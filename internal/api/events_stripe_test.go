package api

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/billing"
	"passerelle/internal/billing/billingtest"
	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// newStripeEnv is the API with payments through stripe-mock.
func newStripeEnv(t *testing.T) *env {
	t.Helper()
	c, err := billing.New(billingtest.Config(billingtest.StartMock(t)))
	if err != nil {
		t.Fatal(err)
	}
	return newEnvWith(t, core.RateLimits{}, envOptions{payments: core.StripePayments(c)})
}

// webhook posts a Stripe delivery as Stripe does: no session, no browser
// headers, the raw signed body.
func (e *env) webhook(payload []byte, signature string) response {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+StripeWebhookPath, bytes.NewReader(payload))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Stripe-Signature", signature)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, raw: string(raw)}
}

// count runs a count query on the test database.
func (e *env) count(query string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.db.Store.Pool().QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// paidRegistration registers a new supplier as the event's paid type and
// returns the member and the registration.
func (e *env) paidRegistration(ev map[string]any) (eventMember, map[string]any) {
	e.t.Helper()
	m := e.newEventMember(domain.OrgSSESupplier)
	r := m.client.expect(http.StatusCreated, "POST", "/api/v1/events/"+ev["id"].(string)+"/registrations",
		map[string]any{"participation_type_id": typeID(e.t, ev, "any"), "delegates": []any{delegateInput("Claire Martin")}}).body
	reg := r["registration"].(map[string]any)
	if reg["state"] != "pending_payment" || r["checkout_url"] == nil || !strings.HasPrefix(r["checkout_url"].(string), "http") {
		e.t.Fatalf("paid registration: %v", r)
	}
	return m, reg
}

func (e *env) completedCheckout(reg map[string]any, eventID string) map[string]any {
	return billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{EventID: eventID, Reference: reg["id"].(string),
		PaymentIntentID: "pi_test_" + strings.ReplaceAll(reg["id"].(string), "-", ""), AmountTotal: 9000})
}

func (e *env) receiptJobs(to string) int {
	return e.count(`SELECT count(*) FROM river_job WHERE kind = 'send_email' AND args->>'template' = 'registration_receipt' AND args->>'to' = $1`, to)
}

func TestStripePaidRegistrationConfirmedOnceUnderReplays(t *testing.T) {
	e := newStripeEnv(t)
	ev, _ := e.publishedEvent(eventInput(paidType(9000)))
	m, reg := e.paidRegistration(ev)
	regPath := "/api/v1/events/" + ev["id"].(string) + "/registration"

	// A bad signature: 400, and nothing changes.
	completed := e.completedCheckout(reg, "evt_test_replayed")
	forged, forgedSig := billingtest.SignedPayload(t, "whsec_not_the_secret", completed)
	if r := e.webhook(forged, forgedSig); r.status != http.StatusBadRequest {
		t.Fatalf("bad signature: %d %s", r.status, r.raw)
	}
	if r := e.webhook(forged, ""); r.status != http.StatusBadRequest {
		t.Fatalf("no signature: %d %s", r.status, r.raw)
	}
	if got := m.client.expect(http.StatusOK, "GET", regPath, nil).body; got["state"] != "pending_payment" || got["paid_at"] != nil {
		t.Fatalf("after a bad signature: %v", got)
	}
	if n := e.count(`SELECT count(*) FROM billing_events`); n != 0 {
		t.Fatalf("%d billing events after a bad signature", n)
	}

	// The same event delivered 10 times confirms once.
	var paidAt any
	for i := range 10 {
		payload, sig := billingtest.SignedPayload(t, billingtest.WebhookSecret, completed)
		if r := e.webhook(payload, sig); r.status != http.StatusOK {
			t.Fatalf("delivery %d: %d %s", i+1, r.status, r.raw)
		}
		got := m.client.expect(http.StatusOK, "GET", regPath, nil).body
		if got["state"] != "confirmed" || got["paid_at"] == nil {
			t.Fatalf("delivery %d: %v", i+1, got)
		}
		if i == 0 {
			paidAt = got["paid_at"]
		} else if got["paid_at"] != paidAt {
			t.Fatalf("delivery %d moved paid_at from %v to %v", i+1, paidAt, got["paid_at"])
		}
	}
	// Another event about the same, already confirmed, session: nothing.
	other := e.completedCheckout(reg, "evt_test_other")
	payload, sig := billingtest.SignedPayload(t, billingtest.WebhookSecret, other)
	if r := e.webhook(payload, sig); r.status != http.StatusOK {
		t.Fatalf("other event: %d %s", r.status, r.raw)
	}
	got := m.client.expect(http.StatusOK, "GET", regPath, nil).body
	if got["paid_at"] != paidAt || got["state"] != "confirmed" {
		t.Fatalf("after another event: %v", got)
	}
	if n := e.count(`SELECT count(*) FROM billing_events`); n != 2 {
		t.Errorf("%d billing events, want 2 (one per event id)", n)
	}
	if n := e.receiptJobs(m.user.Email); n != 1 {
		t.Errorf("%d receipts queued, want 1", n)
	}
	msgs := e.mail.WaitFor(t, m.user.Email, 1, 20*time.Second)
	if !strings.Contains(msgs[0].Subject, "Reçu") || !strings.Contains(msgs[0].Text, "90,00 EUR") {
		t.Errorf("receipt: %q\n%s", msgs[0].Subject, msgs[0].Text)
	}
	// An event Passerelle does not handle is acknowledged and ignored.
	ignored, isig := billingtest.SignedPayload(t, billingtest.WebhookSecret, billingtest.Event("customer.created", map[string]any{"id": "cus_1", "object": "customer"}))
	if r := e.webhook(ignored, isig); r.status != http.StatusOK {
		t.Errorf("ignored event: %d %s", r.status, r.raw)
	}
}

func TestStripeRefundOnCancellationBeforeTheCutoffOnly(t *testing.T) {
	e := newStripeEnv(t)
	ev, _ := e.publishedEvent(eventInput(paidType(9000)))
	eventPath := "/api/v1/events/" + ev["id"].(string)
	pay := func(reg map[string]any) {
		t.Helper()
		payload, sig := billingtest.SignedPayload(t, billingtest.WebhookSecret, e.completedCheckout(reg, ""))
		if r := e.webhook(payload, sig); r.status != http.StatusOK {
			t.Fatalf("webhook: %d %s", r.status, r.raw)
		}
	}

	early, reg := e.paidRegistration(ev)
	pay(reg)
	if got := early.client.expect(http.StatusOK, "GET", eventPath+"/registration", nil).body; got["refundable"] != true {
		t.Fatalf("before the cut-off: %v", got)
	}
	c := early.client.expect(http.StatusOK, "POST", eventPath+"/registration/cancel", nil).body
	if c["state"] != "cancelled" || c["refund_state"] != "pending" {
		t.Fatalf("cancelled: %v", c)
	}
	// The refund job runs against stripe-mock.
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := early.client.expect(http.StatusOK, "GET", eventPath+"/registration", nil).body
		if got["refund_state"] == "succeeded" {
			break
		}
		if got["refund_state"] != "pending" || time.Now().After(deadline) {
			t.Fatalf("refund: %v", got)
		}
		time.Sleep(50 * time.Millisecond)
	}
	e.waitSubject(early.user.Email, "Remboursement effectué")

	// After the cut-off (a week before the event): cancelled, not refunded.
	late, reg2 := e.paidRegistration(ev)
	pay(reg2)
	e.clock.advance(24 * 24 * time.Hour)
	c = late.client.expect(http.StatusOK, "POST", eventPath+"/registration/cancel", nil).body
	if c["state"] != "cancelled" || c["refund_state"] != nil || c["refundable"] != false {
		t.Fatalf("cancelled after the cut-off: %v", c)
	}
	if n := e.count(`SELECT count(*) FROM river_job WHERE kind = 'refund_registration' AND args->>'registration_id' = $1`, reg2["id"]); n != 0 {
		t.Errorf("%d refund jobs after the cut-off, want 0", n)
	}
	if n := e.count(`SELECT count(*) FROM river_job WHERE kind = 'refund_registration' AND args->>'registration_id' = $1`, reg["id"]); n != 1 {
		t.Errorf("%d refund jobs before the cut-off, want 1", n)
	}
}

func TestStripeEventCancellationRefundsEveryPaidRegistration(t *testing.T) {
	e := newStripeEnv(t)
	freeType := map[string]any{"for_kind": "sse_supplier", "fee_cents": 0,
		"names": map[string]string{"fr": "ESS", "de": "Sozialwirtschaft", "en": "SSE", "nl": "Sociale economie"}}
	ev, mod := e.publishedEvent(eventInput(paidType(9000), freeType))
	paid, reg := e.paidRegistration(ev)
	payload, sig := billingtest.SignedPayload(t, billingtest.WebhookSecret, e.completedCheckout(reg, ""))
	if r := e.webhook(payload, sig); r.status != http.StatusOK {
		t.Fatalf("webhook: %d %s", r.status, r.raw)
	}
	free := e.newEventMember(domain.OrgSSESupplier)
	free.client.expect(http.StatusCreated, "POST", "/api/v1/events/"+ev["id"].(string)+"/registrations",
		map[string]any{"participation_type_id": typeID(t, ev, "sse_supplier"), "delegates": []any{delegateInput("Paul Martin")}})

	e.clock.advance(28 * 24 * time.Hour) // past the cut-off: the organisers' cancellation refunds anyway
	got := mod.expect(http.StatusOK, "POST", "/api/v1/events/"+ev["id"].(string)+"/cancel", nil).body
	if got["state"] != "cancelled" || got["registration_open"] != false {
		t.Fatalf("cancelled event: %v", got)
	}
	for _, m := range []eventMember{paid, free} {
		e.waitSubject(m.user.Email, "Événement annulé")
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		r := paid.client.expect(http.StatusOK, "GET", "/api/v1/events/"+ev["id"].(string)+"/registration", nil).body
		if r["state"] == "cancelled" && r["refund_state"] == "succeeded" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("paid registration after the event's cancellation: %v", r)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r := free.client.expect(http.StatusOK, "GET", "/api/v1/events/"+ev["id"].(string)+"/registration", nil).body; r["state"] != "cancelled" || r["refund_state"] != nil {
		t.Errorf("free registration: %v", r)
	}
}

func TestPaidRegistrationWithoutPaymentsIs503(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	ev, _ := e.publishedEvent(eventInput(paidType(9000)))
	m := e.newEventMember(domain.OrgSSESupplier)
	m.client.expect(http.StatusServiceUnavailable, "POST", "/api/v1/events/"+ev["id"].(string)+"/registrations",
		map[string]any{"participation_type_id": typeID(t, ev, "any"), "delegates": []any{delegateInput("Claire Martin")}})
	m.client.expect(http.StatusNotFound, "GET", "/api/v1/events/"+ev["id"].(string)+"/registration", nil)
}

// waitSubject waits until an email to addr has a subject containing
// subject; it fails the test after 20 seconds.
func (e *env) waitSubject(addr, subject string) {
	e.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		for _, m := range e.mail.Messages(e.t, addr) {
			if strings.Contains(m.Subject, subject) {
				return
			}
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("no email to %s about %q", addr, subject)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
