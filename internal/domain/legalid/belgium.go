package legalid

import "strings"

// validateBEEnterprise checks a 10-digit enterprise number: it starts with 0
// or 1 (other first digits are establishment-unit numbers, not enterprises),
// and its last two digits equal 97 − (first eight digits mod 97).
func validateBEEnterprise(k Kind, s string) *Error {
	if err := checkDigits(k, s, 10, "a Belgian enterprise number"); err != nil {
		return err
	}
	if s[0] != '0' && s[0] != '1' {
		return newError(k, CodeFormat, "a Belgian enterprise number starts with 0 or 1")
	}
	want := 97 - decimalMod(s[:8], 97)
	if int(s[8]-'0')*10+int(s[9]-'0') != want {
		return newError(k, CodeChecksum, "the last two digits do not match 97 - (first eight digits mod 97)")
	}
	return nil
}

func validateBEVAT(s string) *Error {
	if !strings.HasPrefix(s, "BE") {
		return newError(BEVAT, CodeFormat, "a Belgian VAT number starts with BE")
	}
	return validateBEEnterprise(BEVAT, s[2:])
}
