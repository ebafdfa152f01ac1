package event

import (
	"fmt"
	"time"

	"passerelle/internal/domain"
)

// State is where an event is in its life: a draft is seen by organisers
// only; published opens registration until the deadline; cancelled ends it.
type State string

// The states of an event.
const (
	Draft     State = "draft"
	Published State = "published"
	Cancelled State = "cancelled"
)

// AgendaState says which agendas were sent: none, preliminary (meetings may
// still move), final (meetings are confirmed).
type AgendaState string

// The agenda states.
const (
	AgendaNone        AgendaState = "none"
	AgendaPreliminary AgendaState = "preliminary"
	AgendaFinal       AgendaState = "final"
)

// Event is a business convention: when and where, its sessions and the
// participation types organisations register as.
type Event struct {
	ID                   string
	State                State
	Name                 string
	Lang                 string
	Description          string
	Venue                string
	Address              string
	TimeZone             string
	Tables               int
	Languages            []string
	RegistrationDeadline time.Time
	CancellationCutoff   time.Time
	RequestExpiryDays    int
	AgendaState          AgendaState
	AgendaVersion        int
	Sessions             []Session
	Types                []ParticipationType
	// RegisteredOrganisations counts the confirmed registrations.
	RegisteredOrganisations int
	CreatedAt, UpdatedAt    time.Time
	PublishedAt             *time.Time
}

// StartsAt is the start of the event's first session (zero without one).
func (e Event) StartsAt() time.Time {
	var t time.Time
	for _, s := range e.Sessions {
		if t.IsZero() || s.Start.Before(t) {
			t = s.Start
		}
	}
	return t
}

// EndsAt is the end of the event's last session (zero without one).
func (e Event) EndsAt() time.Time {
	var t time.Time
	for _, s := range e.Sessions {
		if s.End.After(t) {
			t = s.End
		}
	}
	return t
}

// RegistrationOpen reports whether organisations may register at now:
// published and before the registration deadline.
func (e Event) RegistrationOpen(now time.Time) bool {
	return e.State == Published && now.Before(e.RegistrationDeadline)
}

// Type returns the participation type with id, if the event has it.
func (e Event) Type(id string) (ParticipationType, bool) {
	for _, t := range e.Types {
		if t.ID == id {
			return t, true
		}
	}
	return ParticipationType{}, false
}

// ForKind says which organisations may choose a participation type.
type ForKind string

// The kinds of participants a type is for.
const (
	ForAny         ForKind = "any"
	ForSSESupplier ForKind = "sse_supplier"
	ForBuyer       ForKind = "buyer"
)

// Allows reports whether an organisation of kind orgKind ("sse_supplier",
// "public_buyer", "private_buyer", "cluster") may register as k.
func (k ForKind) Allows(orgKind string) bool {
	switch k {
	case ForAny:
		return true
	case ForSSESupplier:
		return orgKind == "sse_supplier"
	case ForBuyer:
		return orgKind == "public_buyer" || orgKind == "private_buyer"
	}
	return false
}

// ParticipationType is what an organisation registers as, and its fee.
type ParticipationType struct {
	ID string
	// Names by language code (fr, de, en, nl).
	Names        map[string]string
	ForKind      ForKind
	FeeCents     int64
	Currency     string
	MaxDelegates int
}

// Name is the type's name in lang, else in English, else any.
func (t ParticipationType) Name(lang string) string {
	if n := t.Names[lang]; n != "" {
		return n
	}
	if n := t.Names["en"]; n != "" {
		return n
	}
	for _, l := range []string{"fr", "de", "nl"} {
		if n := t.Names[l]; n != "" {
			return n
		}
	}
	return ""
}

// DefaultTypes are the participation types of an event created without
// any: SSE suppliers and buyers, both free.
func DefaultTypes() []ParticipationType {
	return []ParticipationType{
		{Names: map[string]string{"fr": "Fournisseur de l'ESS", "de": "Anbieter der Sozialwirtschaft", "en": "SSE supplier", "nl": "Leverancier uit de sociale economie"},
			ForKind: ForSSESupplier, Currency: "EUR", MaxDelegates: 3},
		{Names: map[string]string{"fr": "Acheteur", "de": "Einkäufer", "en": "Buyer", "nl": "Inkoper"},
			ForKind: ForBuyer, Currency: "EUR", MaxDelegates: 3},
	}
}

// RegistrationState is where a registration is.
type RegistrationState string

// The states of a registration.
const (
	PendingPayment RegistrationState = "pending_payment"
	Confirmed      RegistrationState = "confirmed"
	RegCancelled   RegistrationState = "cancelled"
)

// RefundState follows a refund asked of the payment provider.
type RefundState string

// The states of a refund.
const (
	RefundPending   RefundState = "pending"
	RefundSucceeded RefundState = "succeeded"
	RefundFailed    RefundState = "failed"
)

// Registration is an organisation's registration at an event.
type Registration struct {
	ID                  string
	EventID             string
	OrganisationID      string
	OrganisationName    string
	ParticipationTypeID string
	State               RegistrationState
	FeeCents            int64
	Currency            string
	CheckoutSessionID   string
	CheckoutURL         string
	CheckoutExpiresAt   *time.Time
	PaymentIntentID     string
	PaidAt              *time.Time
	RefundID            string
	RefundState         RefundState
	RegisteredBy        string
	CreatedAt           time.Time
	UpdatedAt           time.Time
	ConfirmedAt         *time.Time
	CancelledAt         *time.Time
	Delegates           []Delegate
}

// Refundable reports whether cancelling at now would refund the fee: paid,
// not cancelled, and before the event's cancellation cut-off.
func (r Registration) Refundable(e Event, now time.Time) bool {
	return r.State == Confirmed && r.PaidAt != nil && r.FeeCents > 0 && now.Before(e.CancellationCutoff)
}

// Window is a stretch of time, e.g. when a delegate is available.
type Window struct {
	Start, End time.Time
}

// Delegate is a person an organisation sends, with their event profile.
type Delegate struct {
	ID             string
	RegistrationID string
	EventID        string
	OrganisationID string
	UserID         string
	Name           string
	Email          string
	JobTitle       string
	Lang           string
	Offers         string
	Needs          string
	ProfileLang    string
	Sectors        []string
	// Availability: empty means the whole event.
	Availability []Window
}

// ErrLocked is the sentinel of a change refused because the event's
// schedule or registrations depend on what it would change (the API's
// problem type event-locked); it is a domain.ErrConflict.
var ErrLocked = fmt.Errorf("%w: event locked", domain.ErrConflict)
