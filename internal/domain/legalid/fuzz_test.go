package legalid

import (
	"errors"
	"testing"
)

// FuzzValidate checks that no input makes Validate panic or return an
// unknown code, and that Normalize is idempotent and consistent with Validate.
func FuzzValidate(f *testing.F) {
	kinds := Kinds()
	for _, c := range allCases() {
		for i, k := range kinds {
			if k == c.kind {
				f.Add(uint8(i), c.in)
			}
		}
	}
	f.Add(uint8(len(kinds)), "unknown kind")
	known := map[string]bool{
		CodeEmpty: true, CodeFormat: true, CodeLength: true, CodeChecksum: true,
		CodeUnknownKind: true, CodeCourt: true, CodeUnsupportedKey: true,
	}
	f.Fuzz(func(t *testing.T, i uint8, s string) {
		k := Kind("unknown")
		if int(i)%(len(kinds)+1) < len(kinds) {
			k = kinds[int(i)%(len(kinds)+1)]
		}
		n := Normalize(k, s)
		if again := Normalize(k, n); again != n {
			t.Fatalf("%s: Normalize not idempotent: %q -> %q -> %q", k, s, n, again)
		}
		err, errN := Validate(k, s), Validate(k, n)
		if err == nil {
			if errN != nil {
				t.Fatalf("%s: %q valid but its normal form %q is not: %v", k, s, n, errN)
			}
			return
		}
		var e, eN *Error
		if !errors.As(err, &e) || !errors.As(errN, &eN) {
			t.Fatalf("%s: %q: want *Error, got %v and %v", k, s, err, errN)
		}
		if !known[e.Code] || e.Kind != k || e.Code != eN.Code {
			t.Fatalf("%s: %q: got %+v, normal form %q got %+v", k, s, e, n, eN)
		}
		for _, lang := range languages {
			if e.Localized(lang) == "" {
				t.Fatalf("%s: empty %s message for %+v", k, lang, e)
			}
		}
	})
}
