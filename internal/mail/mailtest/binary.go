package mailtest

import "passerelle/internal/testshared"

// errNoBinary means Mailpit is not installed: a reason to skip, not to fail.
var errNoBinary = testshared.ErrNoTool

// binary finds the Mailpit executable.
func binary() (string, error) {
	return testshared.Tool("PASSERELLE_MAILPIT", "mailpit", "install it with `make mailpit` into bin/")
}
