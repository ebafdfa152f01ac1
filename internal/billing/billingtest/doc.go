// Package billingtest helps test code that takes payments: StartMock runs
// stripe-mock (Stripe's official mock server, stateless, answering with
// fixtures) on free loopback ports for one test, StartRecorder puts a
// recording proxy in front of it so that a test can check what was sent, and
// SignedPayload signs webhook payloads as Stripe does, built with
// CheckoutSessionEvent.
//
// stripe-mock is found in the module's bin/ (`make stripe-mock` installs the
// pinned version) or at $PASSERELLE_STRIPE_MOCK. When it is missing the test
// is skipped, or fails when PASSERELLE_TEST_REQUIRE_TOOLS=1 (as `make test`
// sets).
package billingtest
