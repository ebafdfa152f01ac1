package legalid

import (
	"errors"
	"strings"
	"testing"
)

// checksumKinds builds, for every kind with check digits, a number of that
// kind from arbitrary digits: fill makes the digits the check does not
// cover, the check digits are then found by trying every value with
// Validate (so the test does not reuse the package's arithmetic). ok is
// false when the digits cannot make a number of the kind (La Poste's
// SIREN, whose establishments follow another rule).
var checksumKinds = []struct {
	kind Kind
	// build makes a valid number from 12 payload digits.
	build func(t *testing.T, d string) (string, bool)
}{
	{FRSIREN, func(t *testing.T, d string) (string, bool) { return complete(t, FRSIREN, "", d[:8], 1) }},
	{FRSIRET, func(t *testing.T, d string) (string, bool) {
		siren, ok := complete(t, FRSIREN, "", d[:8], 1)
		if !ok || strings.HasPrefix(siren, laPosteSIREN) {
			return "", false
		}
		return complete(t, FRSIRET, "", siren+d[8:12], 1)
	}},
	{FRVAT, func(t *testing.T, d string) (string, bool) {
		siren, ok := complete(t, FRSIREN, "", d[:8], 1)
		if !ok {
			return "", false
		}
		// The key comes first: try every key before the SIREN.
		return completeKey(t, siren)
	}},
	{BEEnterprise, func(t *testing.T, d string) (string, bool) {
		return complete(t, BEEnterprise, "", string('0'+d[0]%2)+d[1:8], 2)
	}},
	{BEVAT, func(t *testing.T, d string) (string, bool) {
		return complete(t, BEVAT, "BE", string('0'+d[0]%2)+d[1:8], 2)
	}},
	{LUVAT, func(t *testing.T, d string) (string, bool) { return complete(t, LUVAT, "LU", d[:6], 2) }},
	{DEVAT, func(t *testing.T, d string) (string, bool) {
		first := d[0]
		if first == '0' {
			first = '1'
		}
		return complete(t, DEVAT, "DE", string(first)+d[1:8], 1)
	}},
}

// complete appends the n check digits that make prefix+body valid, and
// fails the test unless exactly one value does (a check digit is unique).
func complete(t *testing.T, k Kind, prefix, body string, n int) (string, bool) {
	t.Helper()
	var found []string
	limit := 10
	if n == 2 {
		limit = 100
	}
	for v := range limit {
		c := string(rune('0' + v%10))
		if n == 2 {
			c = string(rune('0'+v/10)) + c
		}
		if Validate(k, prefix+body+c) == nil {
			found = append(found, prefix+body+c)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%s: %d check values make %s%s valid: %v", k, len(found), prefix, body, found)
	}
	return found[0], true
}

func completeKey(t *testing.T, siren string) (string, bool) {
	t.Helper()
	var found []string
	for v := range 100 {
		s := "FR" + string(rune('0'+v/10)) + string(rune('0'+v%10)) + siren
		if Validate(FRVAT, s) == nil {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		t.Fatalf("FR VAT: %d keys fit SIREN %s: %v", len(found), siren, found)
	}
	return found[0], true
}

// FuzzChecksumCatchesOneDigit builds a valid number of every checksummed
// kind from the fuzzer's digits and checks that its check digits are the
// only ones that fit, that it is its own normal form, and that changing
// any single digit makes it invalid: the promise of every check-digit
// scheme used here (Luhn, mod 97, mod 89, ISO 7064 MOD 11,10).
func FuzzChecksumCatchesOneDigit(f *testing.F) {
	f.Add(uint8(0), "12345678901234", uint8(3), uint8(5))
	f.Add(uint8(1), "73282932000074", uint8(13), uint8(1))
	f.Add(uint8(2), "00000000000000", uint8(0), uint8(9))
	f.Add(uint8(3), "04031707010000", uint8(9), uint8(1))
	f.Add(uint8(5), "15027442000000", uint8(7), uint8(8))
	f.Add(uint8(6), "28173000300000", uint8(2), uint8(4))
	f.Fuzz(func(t *testing.T, which uint8, raw string, pos, delta uint8) {
		digits := []byte(strings.Repeat("0", 12))
		for i := 0; i < len(raw) && i < len(digits); i++ {
			digits[i] = '0' + raw[i]%10
		}
		ck := checksumKinds[int(which)%len(checksumKinds)]
		valid, ok := ck.build(t, string(digits))
		if !ok {
			return
		}
		if n := Normalize(ck.kind, valid); n != valid {
			t.Fatalf("%s: canonical %q normalizes to %q", ck.kind, valid, n)
		}
		// Change one digit (never the letters of a prefix).
		var at []int
		for i := 0; i < len(valid); i++ {
			if valid[i] >= '0' && valid[i] <= '9' {
				at = append(at, i)
			}
		}
		i := at[int(pos)%len(at)]
		d := valid[i] - '0'
		changed := []byte(valid)
		changed[i] = '0' + (d+1+delta%9)%10
		s := string(changed)
		if ck.kind != FRVAT && strings.HasPrefix(strings.TrimPrefix(s, "FR"), laPosteSIREN) {
			return // La Poste's establishments follow the digit-sum rule
		}
		if ck.kind == FRVAT && strings.HasPrefix(s[4:], "000") {
			return // a Monaco number: only the key is checked
		}
		err := Validate(ck.kind, s)
		var e *Error
		if err == nil || !errors.As(err, &e) {
			t.Fatalf("%s: %q is valid, and so is %q (digit %d changed)", ck.kind, valid, s, i)
		}
		if e.Code != CodeChecksum && e.Code != CodeFormat {
			t.Fatalf("%s: %q (one digit off %q) refused with %s, want checksum or format", ck.kind, s, valid, e.Code)
		}
	})
}
