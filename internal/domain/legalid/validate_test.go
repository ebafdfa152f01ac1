package legalid

import (
	"errors"
	"testing"
)

func TestValidate(t *testing.T) {
	for _, c := range allCases() {
		t.Run(string(c.kind)+"/"+c.name, func(t *testing.T) {
			err := Validate(c.kind, c.in)
			if c.code == "" {
				if err != nil {
					t.Fatalf("Validate(%q) = %v, want valid", c.in, err)
				}
				if got := Normalize(c.kind, c.in); c.want != "" && got != c.want {
					t.Fatalf("Normalize(%q) = %q, want %q", c.in, got, c.want)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Validate(%q) = %v (%T), want *Error with code %q", c.in, err, err, c.code)
			}
			if e.Code != c.code || e.Kind != c.kind || e.Message == "" {
				t.Fatalf("Validate(%q) = %+v, want code %q for kind %q with a message", c.in, e, c.code, c.kind)
			}
		})
	}
}

func TestValidateUnknownKind(t *testing.T) {
	err := Validate("it_piva", "12345678901")
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeUnknownKind || e.Kind != "it_piva" {
		t.Fatalf("got %v", err)
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, c := range allCases() {
		once := Normalize(c.kind, c.in)
		if twice := Normalize(c.kind, once); twice != once {
			t.Errorf("%s: Normalize(%q) = %q but Normalize of that = %q", c.kind, c.in, once, twice)
		}
	}
}
