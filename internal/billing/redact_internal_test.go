package billing

import "testing"

func TestRedact(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Invalid API Key provided: sk_live_****abcd":       "Invalid API Key provided: [redacted]",
		"Authorization was 'Bearer rk_test_51Hx9Q'":        "Authorization was 'Bearer [redacted]'",
		"secret whsec_abc123 leaked":                       "secret [redacted] leaked",
		"configured: my-own-secret":                        "configured: [redacted]",
		"No such payment_intent: 'pi_123'; pk_test_public": "No such payment_intent: 'pi_123'; pk_test_public",
	} {
		if got := redact(in, "my-own-secret"); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}
