package legalid

import (
	"strings"
	"testing"
)

func TestLuhnValid(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"0", true},
		{"18", true},
		{"79927398713", true}, // the classic Luhn example
		{"79927398710", false},
		{"732829320", true},
		{"732829321", false},
	} {
		if got := luhnValid(c.in); got != c.want {
			t.Errorf("luhnValid(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestMod1110CheckDigit(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"13669597", 6}, // DE136695976
		{"14345421", 4}, // DE143454214
		{"81190798", 0}, // a check value of 10 becomes 0
	} {
		if got := mod1110CheckDigit(c.in); got != c.want {
			t.Errorf("mod1110CheckDigit(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestDecimalMod(t *testing.T) {
	for _, c := range []struct {
		in   string
		m    int
		want int
	}{
		{"04031707", 97, 96},              // BE 0403.170.701: 97 - 96 = 01
		{"263752", 89, 45},                // LU26375245
		{"732829320", 97, 43},             // FR VAT key (12 + 3*43) mod 97 = 44
		{strings.Repeat("9", 100), 97, 8}, // no overflow: 10^100 - 1 ≡ 10^4 - 1 = 9999 ≡ 8 (mod 97)
	} {
		if got := decimalMod(c.in, c.m); got != c.want {
			t.Errorf("decimalMod(%q, %d) = %d, want %d", c.in, c.m, got, c.want)
		}
	}
}
