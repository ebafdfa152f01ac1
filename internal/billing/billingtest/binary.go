package billingtest

import "passerelle/internal/testshared"

// errNoBinary means stripe-mock is not installed: a reason to skip, not to fail.
var errNoBinary = testshared.ErrNoTool

// binary finds the stripe-mock executable.
func binary() (string, error) {
	return testshared.Tool("PASSERELLE_STRIPE_MOCK", "stripe-mock", "install it with `make stripe-mock` into bin/")
}
