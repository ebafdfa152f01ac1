package legalid

import "strings"

// rcsSections are the letters that open a Luxembourg RCS number, one per
// register section (B: commercial companies, F: non-profit associations,
// G: foundations, J: public establishments, …). The sections run A to H
// and J onwards: there is no section I.
const rcsSections = "ABCDEFGHJKLMN"

// rcsMaxDigits bounds the serial: section B, by far the largest, numbers in six digits.
const rcsMaxDigits = 6

// validateLURCS checks the shape only: RCS numbers carry no check digit.
func validateLURCS(s string) *Error {
	if strings.IndexByte(rcsSections, s[0]) < 0 {
		return newError(LURCS, CodeFormat, "an RCS number starts with a section letter (A-H, J-N)")
	}
	serial := s[1:]
	if serial != "" && !allDigits(serial) {
		return newError(LURCS, CodeFormat, "the section letter is followed by digits only")
	}
	if len(serial) == 0 || len(serial) > rcsMaxDigits {
		return newError(LURCS, CodeLength, "the section letter is followed by 1 to 6 digits")
	}
	if serial[0] == '0' {
		return newError(LURCS, CodeFormat, "RCS serial numbers do not start with 0")
	}
	return nil
}

// validateLUVAT checks "LU" + 8 digits whose last two equal the first six mod 89.
func validateLUVAT(s string) *Error {
	if !strings.HasPrefix(s, "LU") {
		return newError(LUVAT, CodeFormat, "a Luxembourg VAT number starts with LU")
	}
	body := s[2:]
	if err := checkDigits(LUVAT, body, 8, "a Luxembourg VAT number"); err != nil {
		return err
	}
	if decimalMod(body[:6], 89) != int(body[6]-'0')*10+int(body[7]-'0') {
		return newError(LUVAT, CodeChecksum, "the last two digits do not match the first six mod 89")
	}
	return nil
}
