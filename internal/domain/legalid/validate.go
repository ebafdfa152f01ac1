package legalid

import "strconv"

// Validate checks s as an identifier of kind k. It normalizes s first, so
// any input Normalize accepts is judged by its canonical form. It returns nil
// or a *Error with a stable Code.
func Validate(k Kind, s string) error {
	if !k.Valid() {
		return newError(k, CodeUnknownKind, "unknown identifier kind "+strconv.Quote(string(k)))
	}
	n := Normalize(k, s)
	if n == "" {
		return newError(k, CodeEmpty, "no identifier given")
	}
	var err *Error
	switch k {
	case FRSIRET:
		err = validateSIRET(n)
	case FRSIREN:
		err = validateSIREN(n)
	case FRVAT:
		err = validateFRVAT(n)
	case BEEnterprise:
		err = validateBEEnterprise(BEEnterprise, n)
	case BEVAT:
		err = validateBEVAT(n)
	case LURCS:
		err = validateLURCS(n)
	case LUVAT:
		err = validateLUVAT(n)
	case DEVAT:
		err = validateDEVAT(n)
	case DEHandelsregister:
		_, err = parseHR(n)
	}
	if err != nil {
		return err
	}
	// Return an untyped nil: a nil *Error inside an error interface is not nil.
	return nil
}

// checkDigits validates the shared shape "only digits, exactly n of them"
// and returns the matching error, or nil.
func checkDigits(k Kind, s string, n int, what string) *Error {
	if !allDigits(s) {
		return newError(k, CodeFormat, what+" must contain only digits")
	}
	if len(s) != n {
		return newError(k, CodeLength, what+" must have "+strconv.Itoa(n)+" digits, not "+strconv.Itoa(len(s)))
	}
	return nil
}
