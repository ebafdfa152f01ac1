// Package billing takes payments through Stripe Checkout (stripe-go v76,
// pinned to Stripe's API version 2023-10-16); it is the only package that
// imports stripe-go.
//
// The flow of a paid registration:
//
//  1. The caller stores the registration as pending, then calls
//     CreateCheckout with the registration's id as Reference and an
//     IdempotencyKey derived from it, and sends the user to the returned URL.
//     Card data is typed into Stripe's page only: none reaches Passerelle.
//  2. Stripe calls the webhook endpoint. The handler passes the raw body and
//     the Stripe-Signature header to ParseWebhook, which checks the signature
//     (HMAC with the webhook secret, timestamps older than 5 minutes refused)
//     before anything is decoded. A bad or missing signature is
//     ErrBadSignature: answer 400 and change nothing.
//  3. checkout.session.completed (or .async_payment_succeeded, for payment
//     methods that settle later) with PaymentStatus "paid" confirms the
//     registration; .expired and .async_payment_failed release it. Stripe
//     delivers at least once, in any order: the caller records Event.ID in
//     its own table in the transaction that changes the registration, so the
//     same event delivered ten times confirms once. Any other event type
//     parses with Checkout nil: answer 200 and ignore it.
//  4. A cancellation before the cut-off calls Refund with the PaymentIntent
//     id the webhook gave and an idempotency key derived from the
//     registration, so a retried cancellation never refunds twice.
//
// Errors: ErrDisabled when no secret key is configured, ErrInvalid for
// parameters refused before any request, and *StripeError when Stripe
// answered with an error. Retryable tells a failure worth retrying later
// (network, timeout, 409, 429, 5xx) from a refusal that will not change.
// Stripe stores the answer to an idempotency key for 24 hours, a 5xx
// included: after a retryable 5xx, retry with a new key (for a refund, only
// once the PaymentIntent's refunds show the first attempt did not happen).
//
// Secrets never appear in errors or logs: messages from Stripe are redacted
// of anything that looks like a key.
//
// Webhook events are decoded into this package's own small types, not
// stripe-go's, and events of another API version are accepted deliberately:
// the few checkout session fields read here are stable across versions, so an
// endpoint created with another version still works.
//
// Tests run against stripe-mock (package billingtest starts it) and sign
// their webhook payloads locally.
package billing
