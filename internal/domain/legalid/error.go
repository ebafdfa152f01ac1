package legalid

// Stable error codes; the API and the web app localize by code, so they never change.
const (
	// CodeEmpty means nothing was entered.
	CodeEmpty = "empty"
	// CodeFormat means characters or structure are wrong (letters in a number, missing prefix).
	CodeFormat = "format"
	// CodeLength means the number has too few or too many digits.
	CodeLength = "length"
	// CodeChecksum means the check digits do not match: usually a typo.
	CodeChecksum = "checksum"
	// CodeUnknownKind means the identifier kind is not one this package knows.
	CodeUnknownKind = "unknown_kind"
	// CodeCourt means a German register entry lacks a recognisable register court.
	CodeCourt = "court"
	// CodeUnsupportedKey means a French VAT number uses an alphanumeric key.
	// Such keys exist, but their check rule could not be confirmed from an
	// official source, so these numbers are neither accepted nor called wrong.
	CodeUnsupportedKey = "unsupported_key"
)

// Error is why an identifier is invalid.
type Error struct {
	// Kind is the scheme the identifier was checked against.
	Kind Kind
	// Code is one of the Code constants.
	Code string
	// Message is a specific English explanation for logs and developers;
	// users get Localized.
	Message string
}

func (e *Error) Error() string {
	return "legalid: " + string(e.Kind) + ": " + e.Message
}

func newError(k Kind, code, message string) *Error {
	return &Error{Kind: k, Code: code, Message: message}
}
