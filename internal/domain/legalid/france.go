package legalid

import (
	"strconv"
	"strings"
)

// La Poste numbers its thousands of establishments with a rule of its own
// (INSEE exception): the digit sum of the SIRET is a multiple of 5, instead
// of the Luhn check. Its head office predates the exception and uses Luhn.
const (
	laPosteSIREN      = "356000000"
	laPosteHeadOffice = "35600000000048"
)

func validateSIREN(s string) *Error {
	if err := checkDigits(FRSIREN, s, 9, "a SIREN"); err != nil {
		return err
	}
	if !luhnValid(s) {
		return newError(FRSIREN, CodeChecksum, "the SIREN fails the Luhn check")
	}
	return nil
}

func validateSIRET(s string) *Error {
	if err := checkDigits(FRSIRET, s, 14, "a SIRET"); err != nil {
		return err
	}
	if strings.HasPrefix(s, laPosteSIREN) && s != laPosteHeadOffice {
		if digitSum(s)%5 != 0 {
			return newError(FRSIRET, CodeChecksum, "a La Poste SIRET must have a digit sum that is a multiple of 5")
		}
		return nil
	}
	// Both checks: a SIRET is its company's SIREN plus a 5-digit establishment
	// number, and a typo in the first nine digits can still pass the 14-digit Luhn.
	if !luhnValid(s[:9]) {
		return newError(FRSIRET, CodeChecksum, "the SIREN part (first 9 digits) fails the Luhn check")
	}
	if !luhnValid(s) {
		return newError(FRSIRET, CodeChecksum, "the SIRET fails the Luhn check")
	}
	return nil
}

// validateFRVAT checks "FR" + key + SIREN with key = (12 + 3 × (SIREN mod 97)) mod 97.
// Monaco businesses get French VAT numbers whose 9 digits start with 000 and
// are not SIRENs, so only their key is checked.
func validateFRVAT(s string) *Error {
	if !strings.HasPrefix(s, "FR") {
		return newError(FRVAT, CodeFormat, "a French VAT number starts with FR")
	}
	body := s[2:]
	for i := 0; i < len(body); i++ {
		c := body[i]
		digit := c >= '0' && c <= '9'
		if !digit && (i >= 2 || !isUpperASCII(c)) {
			return newError(FRVAT, CodeFormat, "after FR come a 2-character key and 9 digits")
		}
	}
	if len(body) != 11 {
		return newError(FRVAT, CodeLength, "after FR come 11 characters, not "+strconv.Itoa(len(body)))
	}
	key, siren := body[:2], body[2:]
	if !allDigits(key) {
		return newError(FRVAT, CodeUnsupportedKey, "alphanumeric VAT keys are not supported: no official check rule is published")
	}
	if !strings.HasPrefix(siren, "000") && !luhnValid(siren) {
		return newError(FRVAT, CodeChecksum, "the SIREN part fails the Luhn check")
	}
	want := (12 + 3*decimalMod(siren, 97)) % 97
	if int(key[0]-'0')*10+int(key[1]-'0') != want {
		return newError(FRVAT, CodeChecksum, "the key does not match the SIREN")
	}
	return nil
}
