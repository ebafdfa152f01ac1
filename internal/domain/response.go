package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Response is a supplier organisation's answer to one lot of a tender.
// It is sealed: until the responses deadline only its organisation sees
// it; after it, the tender's buyer sees it too; nobody else ever does.
type Response struct {
	ID             string
	TenderID       string
	LotID          string
	OrganisationID string
	State          ResponseState
	Message        string
	// PriceCents is an optional amount; PriceText says what it covers or
	// gives a price that is not one amount ("€42 per hour").
	PriceCents  *int64
	Currency    string
	PriceText   string
	DocumentIDs []string
	SubmittedAt *time.Time
	WithdrawnAt *time.Time
	// ConfirmedVersion is the tender's substance version the supplier last
	// submitted or re-confirmed; 0 before the first submission.
	ConfirmedVersion int
	DecisionReason   string
	DecidedAt        *time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// ResponseFields are what a supplier writes.
type ResponseFields struct {
	Message    string
	PriceCents *int64
	Currency   string
	PriceText  string
}

// Limits of a response's fields, in characters.
const (
	MaxResponseMessageLength = 20000
	MaxPriceTextLength       = 500
)

// Counts reports whether r counts for tender t: sent (not a draft, not
// withdrawn) and confirmed for the tender's current substance, so that a
// substantial edit after it was sent needs a re-confirmation.
func (r Response) Counts(t Tender) bool {
	return r.State.Sent() && r.ConfirmedVersion == t.SubstanceVersion
}

// NeedsConfirmation reports whether r was sent before a substantial edit
// of t and must be re-confirmed to count.
func (r Response) NeedsConfirmation(t Tender) bool {
	return r.State == ResponseSubmitted && r.ConfirmedVersion < t.SubstanceVersion
}

// Lifecycle is r's state in the shared response lifecycle for tender t.
// A substantial edit of t is the lifecycle's invalidate event for every
// response sent before it, applied at once by raising t's substance
// version rather than by rewriting each response: a submitted response
// confirmed for an older version is therefore reconfirmation_required,
// and re-confirming it (reconfirm) records the current version. The
// stored state stays submitted, so that the version is the one truth.
func (r Response) Lifecycle(t Tender) ResponseState {
	if r.NeedsConfirmation(t) {
		return ResponseReconfirmationRequired
	}
	return r.State
}

// Normalize trims what the supplier typed and fills the default currency.
func (f ResponseFields) Normalize() ResponseFields {
	f.Message = strings.TrimSpace(f.Message)
	f.PriceText = strings.TrimSpace(f.PriceText)
	f.Currency = strings.ToUpper(strings.TrimSpace(f.Currency))
	if f.Currency == "" {
		f.Currency = "EUR"
	}
	return f
}

// ValidateResponse checks a response's fields, normalized.
func ValidateResponse(f ResponseFields) *ValidationError {
	ve := &ValidationError{}
	requiredText(ve, "body.message", f.Message, MaxResponseMessageLength)
	if utf8.RuneCountInString(f.PriceText) > MaxPriceTextLength {
		ve.AddLocalized("body.price_text", "too_long", msgTenderTooLong.With(MaxPriceTextLength))
	}
	if f.PriceCents != nil && *f.PriceCents < 0 {
		ve.AddLocalized("body.price_cents", "out_of_range", msgResponseNegativePrice.With())
	}
	if !currency.MatchString(f.Currency) {
		ve.AddLocalized("body.currency", "invalid", msgTenderCurrency.With(f.Currency))
	}
	return ve
}

var msgResponseNegativePrice = Msg{
	EN: "a price cannot be negative", FR: "un prix ne peut pas être négatif",
	DE: "ein Preis kann nicht negativ sein", NL: "een prijs kan niet negatief zijn",
}
