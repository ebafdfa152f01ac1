package legalid

import "strings"

// validateDEVAT checks "DE" + 9 digits whose last is the ISO 7064 MOD 11,10
// check digit of the first eight.
func validateDEVAT(s string) *Error {
	if !strings.HasPrefix(s, "DE") {
		return newError(DEVAT, CodeFormat, "a German VAT number starts with DE")
	}
	body := s[2:]
	if err := checkDigits(DEVAT, body, 9, "a German VAT number"); err != nil {
		return err
	}
	// USt-IdNr. are not issued with a leading 0 (python-stdnum rejects it
	// too), so one is a typo even when the check digit happens to match.
	if body[0] == '0' {
		return newError(DEVAT, CodeFormat, "a German VAT number does not start with DE0")
	}
	if mod1110CheckDigit(body[:8]) != int(body[8]-'0') {
		return newError(DEVAT, CodeChecksum, "the check digit does not match (ISO 7064 MOD 11,10)")
	}
	return nil
}
