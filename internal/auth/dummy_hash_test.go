package auth

import (
	"errors"
	"strings"
	"testing"
)

// A login for an unknown email checks the password against dummyHash
// (BurnTime), so that it costs what a wrong password costs. That holds
// only if dummyHash is a well-formed hash with the parameters real hashes
// get: a malformed one would fail before any argon2 work, and cheaper
// parameters would answer faster. Checked by what the code does, not by
// timing.
func TestDummyHashCostsWhatARealHashCosts(t *testing.T) {
	if err := CheckPassword(dummyHash, "any password"); !errors.Is(err, ErrMismatch) {
		t.Fatalf("checking against the dummy hash stops before the argon2 work: %v", err)
	}
	real, err := HashPassword("Tulipes-Ardoise-Moselle-42")
	if err != nil {
		t.Fatal(err)
	}
	params := func(h string) string {
		parts := strings.Split(h, "$")
		if len(parts) != 6 {
			t.Fatalf("malformed hash %q", h)
		}
		return strings.Join(parts[1:4], "$") // algorithm, version, m/t/p
	}
	if params(dummyHash) != params(real) {
		t.Fatalf("dummy hash parameters %s differ from real ones %s", params(dummyHash), params(real))
	}
	dummyKey := strings.Split(dummyHash, "$")[5]
	realKey := strings.Split(real, "$")[5]
	if len(dummyKey) != len(realKey) {
		t.Fatalf("dummy key length %d, real %d", len(dummyKey), len(realKey))
	}
}
