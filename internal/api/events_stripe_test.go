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
	"passerelle/internal/mail/mailtest"
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

// TestStripeWebhookIsTheOnlyRouteExemptFromCSRF: a cross-site POST to the
// webhook reaches it (and is refused for its signature only), while the
// same to another route is refused by the cross-origin protection.
func TestStripeWebhookIsTheOnlyRouteExemptFromCSRF(t *testing.T) {
	e := newStripeEnv(t)
	post := func(path string) response {
		req, err := http.NewRequest(http.MethodPost, e.srv.URL+path, strings.NewReader(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		req.Header.Set("Origin", "https://evil.example")
		req.Header.Set("Stripe-Signature", "t=1,v1=00")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return response{status: resp.StatusCode, raw: string(raw)}
	}
	if r := post(StripeWebhookPath); r.status != http.StatusBadRequest || !strings.Contains(r.raw, "signature") {
		t.Errorf("cross-site webhook: %d %s, want 400 for the signature", r.status, r.raw)
	}
	if r := post("/api/v1/events"); r.status != http.StatusForbidden {
		t.Errorf("cross-site POST /api/v1/events: %d, want 403", r.status)
	}
}

func TestStripeWebhookBodyIsBounded(t *testing.T) {
	e := newStripeEnv(t)
	body := []byte(`{"id":"evt_big","padding":"` + strings.Repeat("x", 70<<10) + `"}`)
	payload, sig := billingtest.SignedPayloadRaw(t, billingtest.WebhookSecret, body)
	if r := e.webhook(payload, sig); r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("a 70 KB webhook: %d %s, want 413", r.status, r.raw)
	}
	if n := e.count(`SELECT count(*) FROM billing_events`); n != 0 {
		t.Errorf("%d billing events", n)
	}
}

// waitAudit waits for an audit entry of action about subject whose after
// has the field key = value (the refund jobs write them).
func (e *env) waitAudit(action, subject, key, value string) {
	e.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for e.count(`SELECT count(*) FROM audit_log WHERE action = $1 AND subject_id = $2 AND after->>$3 = $4`, action, subject, key, value) == 0 {
		if time.Now().After(deadline) {
			e.t.Fatalf("no %s audit entry for %s with %s = %s", action, subject, key, value)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (e *env) paymentRefundJobs(pi string) int {
	return e.count(`SELECT count(*) FROM river_job WHERE kind = 'refund_payment' AND args->'order'->>'payment_intent_id' = $1`, pi)
}

func TestStripeSecondPaymentIsRefundedInFull(t *testing.T) {
	e := newStripeEnv(t)
	ev, _ := e.publishedEvent(eventInput(paidType(9000)))
	m, reg := e.paidRegistration(ev)
	regPath := "/api/v1/events/" + ev["id"].(string) + "/registration"
	first := e.completedCheckout(reg, "")
	payload, sig := billingtest.SignedPayload(t, billingtest.WebhookSecret, first)
	if r := e.webhook(payload, sig); r.status != http.StatusOK {
		t.Fatalf("first payment: %d %s", r.status, r.raw)
	}
	// The same registration paid on a second session (another tab).
	second := billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: reg["id"].(string),
		PaymentIntentID: "pi_test_second", AmountTotal: 9000})
	for range 3 { // replays refund once
		payload, sig = billingtest.SignedPayload(t, billingtest.WebhookSecret, second)
		if r := e.webhook(payload, sig); r.status != http.StatusOK {
			t.Fatalf("second payment: %d %s", r.status, r.raw)
		}
	}
	if n := e.paymentRefundJobs("pi_test_second"); n != 1 {
		t.Fatalf("%d refund jobs for the second payment, want 1", n)
	}
	if n := e.count(`SELECT count(*) FROM audit_log WHERE action = 'event.payment_duplicate' AND subject_id = $1`, reg["id"]); n != 1 {
		t.Errorf("%d duplicate payment audit entries, want 1", n)
	}
	e.waitAudit("event.payment_refund", reg["id"].(string), "refund_state", "succeeded")
	e.waitSubject(m.user.Email, "Remboursement effectué")
	got := m.client.expect(http.StatusOK, "GET", regPath, nil).body
	if got["state"] != "confirmed" || got["refund_state"] != nil {
		t.Errorf("registration after the second payment's refund: %v", got)
	}
	if n := e.paymentRefundJobs("pi_test_" + strings.ReplaceAll(reg["id"].(string), "-", "")); n != 0 {
		t.Errorf("the first payment was queued for a refund")
	}
}

func TestStripeWrongAmountIsRefundedAsPaid(t *testing.T) {
	e := newStripeEnv(t)
	ev, _ := e.publishedEvent(eventInput(paidType(9000)))
	eventPath := "/api/v1/events/" + ev["id"].(string)
	m, reg := e.paidRegistration(ev)
	short := billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: reg["id"].(string),
		PaymentIntentID: "pi_test_short", AmountTotal: 5000})
	payload, sig := billingtest.SignedPayload(t, billingtest.WebhookSecret, short)
	if r := e.webhook(payload, sig); r.status != http.StatusOK {
		t.Fatalf("short payment: %d %s", r.status, r.raw)
	}
	if got := m.client.expect(http.StatusOK, "GET", eventPath+"/registration", nil).body; got["state"] != "pending_payment" {
		t.Fatalf("confirmed on a wrong amount: %v", got)
	}
	if n := e.count(`SELECT count(*) FROM river_job WHERE kind = 'refund_payment' AND args->'order'->>'payment_intent_id' = 'pi_test_short'
		AND (args->'order'->>'amount_cents')::bigint = 5000`); n != 1 {
		t.Fatalf("%d refunds of the 50 EUR paid, want 1", n)
	}
	e.waitAudit("event.payment_refund", reg["id"].(string), "amount_cents", "5000")
	deadline := time.Now().Add(20 * time.Second)
	for !slicesContainsText(e.mail.Messages(t, m.user.Email), "50,00 EUR") {
		if time.Now().After(deadline) {
			t.Fatalf("no refund email naming the 50,00 EUR paid")
		}
		time.Sleep(50 * time.Millisecond)
	}

	// Paid with another amount after being cancelled: what was paid is
	// refunded, not the fee.
	m.client.expect(http.StatusOK, "POST", eventPath+"/registration/cancel", nil)
	over := billingtest.CheckoutSessionEvent(billing.CheckoutCompleted, billingtest.Session{Reference: reg["id"].(string),
		PaymentIntentID: "pi_test_over", AmountTotal: 12000})
	payload, sig = billingtest.SignedPayload(t, billingtest.WebhookSecret, over)
	if r := e.webhook(payload, sig); r.status != http.StatusOK {
		t.Fatalf("payment after cancel: %d %s", r.status, r.raw)
	}
	if n := e.count(`SELECT count(*) FROM river_job WHERE kind = 'refund_payment' AND args->'order'->>'payment_intent_id' = 'pi_test_over'
		AND (args->'order'->>'amount_cents')::bigint = 12000`); n != 1 {
		t.Errorf("%d refunds of the 120 EUR paid after cancelling, want 1", n)
	}
	if n := e.count(`SELECT count(*) FROM river_job WHERE kind = 'refund_registration' AND args->>'registration_id' = $1`, reg["id"]); n != 0 {
		t.Errorf("%d refunds of the fee instead of what was paid", n)
	}
}

func slicesContainsText(msgs []mailtest.Message, s string) bool {
	for _, m := range msgs {
		if strings.Contains(m.Text, s) {
			return true
		}
	}
	return false
}

func TestStripeNewCheckoutGivesTheOpenSessionAgain(t *testing.T) {
	e := newStripeEnv(t)
	ev, _ := e.publishedEvent(eventInput(paidType(9000)))
	m, reg := e.paidRegistration(ev)
	path := "/api/v1/events/" + ev["id"].(string) + "/registration/checkout"
	// The open session (stripe-mock gives every session the same page:
	// the stored one is marked to tell them apart), payable for a day.
	url := "https://checkout.invalid/open"
	if _, err := e.db.Store.Pool().Exec(context.Background(),
		`UPDATE event_registrations SET checkout_url = $2, checkout_expires_at = now() + interval '1 day' WHERE id = $1`, reg["id"], url); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if got := m.client.expect(http.StatusOK, "POST", path, nil).body; got["checkout_url"] != url {
			t.Fatalf("a new session while %s is open: %v", url, got)
		}
	}
	// Expired: a new session.
	if _, err := e.db.Store.Pool().Exec(context.Background(),
		`UPDATE event_registrations SET checkout_url = 'https://checkout.invalid/expired', checkout_expires_at = now() - interval '1 minute' WHERE id = $1`, reg["id"]); err != nil {
		t.Fatal(err)
	}
	if got := m.client.expect(http.StatusOK, "POST", path, nil).body; got["checkout_url"] == "https://checkout.invalid/expired" ||
		!strings.HasPrefix(got["checkout_url"].(string), "http") {
		t.Fatalf("the expired session given again: %v", got)
	}
}
