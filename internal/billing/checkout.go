package billing

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	stripe "github.com/stripe/stripe-go/v76"
)

// Item is one line of a checkout: a participation type and how many.
type Item struct {
	// Name is shown on Stripe's page and receipt (at most 250 characters).
	Name string
	// AmountCents is the unit price in the currency's smallest unit.
	AmountCents int64
	// Quantity is at least 1.
	Quantity int64
}

// CheckoutParams describes one payment.
type CheckoutParams struct {
	// Reference is our registration id; Stripe keeps it as
	// client_reference_id and metadata["registration_id"] (on the session and
	// its PaymentIntent), and the webhook gives it back.
	Reference string
	// IdempotencyKey makes a retried creation return the same session.
	IdempotencyKey string
	// CustomerEmail prefills Stripe's form (optional).
	CustomerEmail string
	// Locale is the user's language: fr, de, en or nl (region suffixes such
	// as fr-LU are accepted); empty lets Stripe pick from the browser.
	Locale string
	// Currency is an ISO 4217 code, e.g. "EUR".
	Currency string
	// Items are the lines (1 to 100).
	Items []Item
	// SuccessURL and CancelURL are where Stripe sends the user back; the
	// success URL may hold Stripe's {CHECKOUT_SESSION_ID} placeholder.
	SuccessURL, CancelURL string
	// ExpiresAt closes the session; zero means Stripe's default (24 hours).
	// Stripe accepts 30 minutes to 24 hours from now.
	ExpiresAt time.Time
}

// Checkout is a created session: send the user to URL.
type Checkout struct {
	ID, URL   string
	ExpiresAt time.Time
}

// Limits of Stripe's API that CheckoutParams are checked against.
const (
	maxReference      = 200 // client_reference_id
	maxIdempotencyKey = 255
	maxItems          = 100
	maxItemName       = 250
	maxQuantity       = 1_000_000
	maxAmountCents    = 99_999_999 // Stripe's largest amount, 999,999.99 in two-decimal currencies
	minAmountCentsEUR = 50         // Stripe's smallest charge in euros
	maxURL            = 5000
	minExpiry         = 30 * time.Minute
	maxExpiry         = 24 * time.Hour
)

// stripeLocales maps our languages to Stripe Checkout's locales.
var stripeLocales = map[string]string{"fr": "fr", "de": "de", "en": "en", "nl": "nl"}

// CreateCheckout creates a Stripe Checkout session (mode payment) for p.
func (c *Client) CreateCheckout(ctx context.Context, p CheckoutParams) (Checkout, error) {
	if !c.Enabled() {
		return Checkout{}, ErrDisabled
	}
	params, err := c.checkoutParams(p)
	if err != nil {
		return Checkout{}, err
	}
	params.Context = ctx
	s, err := c.api.CheckoutSessions.New(params)
	if err != nil {
		return Checkout{}, c.wrapStripe("create checkout", err)
	}
	out := Checkout{ID: s.ID, URL: s.URL}
	if s.ExpiresAt > 0 {
		out.ExpiresAt = time.Unix(s.ExpiresAt, 0).UTC()
	}
	return out, nil
}

// checkoutParams validates p and builds Stripe's parameters.
func (c *Client) checkoutParams(p CheckoutParams) (*stripe.CheckoutSessionParams, error) {
	var problems []string
	add := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }

	ref := strings.TrimSpace(p.Reference)
	switch {
	case ref == "":
		add("reference is required")
	case len(ref) > maxReference:
		add("reference is longer than %d bytes", maxReference)
	}
	key := strings.TrimSpace(p.IdempotencyKey)
	switch {
	case key == "":
		add("idempotency key is required")
	case len(key) > maxIdempotencyKey:
		add("idempotency key is longer than %d bytes", maxIdempotencyKey)
	}
	if p.CustomerEmail != "" {
		if a, err := mail.ParseAddress(p.CustomerEmail); err != nil || a.Address != p.CustomerEmail || len(p.CustomerEmail) > 512 {
			add("customer email %q is not a bare email address", p.CustomerEmail)
		}
	}
	locale := "auto"
	if p.Locale != "" {
		lang, _, _ := strings.Cut(strings.ToLower(p.Locale), "-")
		lang, _, _ = strings.Cut(lang, "_")
		if l, ok := stripeLocales[lang]; ok {
			locale = l
		} else {
			add("locale %q is not one of fr, de, en, nl", p.Locale)
		}
	}
	currency := strings.ToLower(strings.TrimSpace(p.Currency))
	if len(currency) != 3 || strings.Trim(currency, "abcdefghijklmnopqrstuvwxyz") != "" {
		add("currency %q is not a three-letter ISO 4217 code", p.Currency)
	}
	var total int64
	switch {
	case len(p.Items) == 0:
		add("at least one item is required")
	case len(p.Items) > maxItems:
		add("at most %d items", maxItems)
	}
	for i, it := range p.Items {
		name := strings.TrimSpace(it.Name)
		switch {
		case name == "":
			add("item %d: name is required", i)
		case utf8.RuneCountInString(name) > maxItemName:
			add("item %d: name is longer than %d characters", i, maxItemName)
		}
		if it.AmountCents < 0 || it.AmountCents > maxAmountCents {
			add("item %d: amount must be between 0 and %d", i, maxAmountCents)
		}
		if it.Quantity < 1 || it.Quantity > maxQuantity {
			add("item %d: quantity must be between 1 and %d", i, maxQuantity)
		}
		if it.AmountCents >= 0 && it.AmountCents <= maxAmountCents && it.Quantity >= 1 && it.Quantity <= maxQuantity {
			total += it.AmountCents * it.Quantity // both bounded: no overflow
		}
	}
	if len(p.Items) > 0 {
		switch {
		case total > maxAmountCents:
			add("total is above %d", maxAmountCents)
		case currency == "eur" && total < minAmountCentsEUR:
			add("total is below Stripe's minimum of %d cents", minAmountCentsEUR)
		case total <= 0:
			add("total must be positive: free registrations need no checkout")
		}
	}
	for _, u := range []struct{ name, value string }{{"success URL", p.SuccessURL}, {"cancel URL", p.CancelURL}} {
		if err := checkReturnURL(u.value); err != nil {
			add("%s: %v", u.name, err)
		}
	}
	if !p.ExpiresAt.IsZero() {
		now := c.clock()
		if d := p.ExpiresAt.Sub(now); d < minExpiry || d > maxExpiry {
			add("expiry must be 30 minutes to 24 hours from now")
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%w checkout: %s", ErrInvalid, strings.Join(problems, "; "))
	}

	params := &stripe.CheckoutSessionParams{
		Mode:              stripe.String(string(stripe.CheckoutSessionModePayment)),
		ClientReferenceID: stripe.String(ref),
		Locale:            stripe.String(locale),
		SuccessURL:        stripe.String(p.SuccessURL),
		CancelURL:         stripe.String(p.CancelURL),
		PaymentIntentData: &stripe.CheckoutSessionPaymentIntentDataParams{},
	}
	params.SetIdempotencyKey(key)
	params.AddMetadata("registration_id", ref)
	params.PaymentIntentData.AddMetadata("registration_id", ref)
	if p.CustomerEmail != "" {
		params.CustomerEmail = stripe.String(p.CustomerEmail)
	}
	if !p.ExpiresAt.IsZero() {
		params.ExpiresAt = stripe.Int64(p.ExpiresAt.Unix())
	}
	for _, it := range p.Items {
		params.LineItems = append(params.LineItems, &stripe.CheckoutSessionLineItemParams{
			Quantity: stripe.Int64(it.Quantity),
			PriceData: &stripe.CheckoutSessionLineItemPriceDataParams{
				Currency:    stripe.String(currency),
				UnitAmount:  stripe.Int64(it.AmountCents),
				ProductData: &stripe.CheckoutSessionLineItemPriceDataProductDataParams{Name: stripe.String(strings.TrimSpace(it.Name))},
			},
		})
	}
	return params, nil
}

// checkReturnURL accepts an absolute http(s) URL, as Stripe does.
func checkReturnURL(raw string) error {
	if raw == "" {
		return errors.New("required")
	}
	if len(raw) > maxURL {
		return fmt.Errorf("longer than %d bytes", maxURL)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http(s) URL", raw)
	}
	return nil
}

func (c *Client) clock() time.Time {
	if c.now != nil {
		return c.now()
	}
	return time.Now()
}
