package domain

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// SSEStatus is one status a supplier organisation holds, with where its
// verification stands. Dates (ValidUntil, ShareMeasuredOn) are calendar
// days, held as midnight UTC.
type SSEStatus struct {
	ID             string
	OrganisationID string
	Type           SSEStatusType
	// RegistrationNumber is the approval or registration number the
	// authority gave (ESAT/EA agreement, SIAE approval, RNA, HRB…).
	RegistrationNumber string
	// ValidUntil is the last day the status counts.
	ValidUntil time.Time
	// DisabledShare is the share of disabled or disadvantaged workers, in
	// percent (0–100), measured on ShareMeasuredOn; both or neither are set.
	DisabledShare   *float64
	ShareMeasuredOn *time.Time
	State           VerificationState
	// SubmittedAt is when verification was last requested.
	SubmittedAt *time.Time
	// ReviewedBy and ReviewedAt name the moderator's decision (verified or
	// rejected); ReviewedBy is empty once that user is deleted.
	ReviewedBy      string
	ReviewedAt      *time.Time
	RejectionReason string
	// EvidenceIDs are the documents (purpose sse_evidence) the moderator
	// checks the status against.
	EvidenceIDs []string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Counts reports whether the status counts at instant at: only verified
// statuses count, until the end (UTC) of their valid-until day.
func (s SSEStatus) Counts(at time.Time) bool {
	return s.State == VerificationVerified && !Day(at).After(Day(s.ValidUntil))
}

// Day is the calendar day of t in UTC, as midnight UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// SSEStatusFields are what a supplier states about a status.
type SSEStatusFields struct {
	Type               SSEStatusType
	RegistrationNumber string
	ValidUntil         time.Time
	DisabledShare      *float64
	ShareMeasuredOn    *time.Time
}

// MaxRegistrationNumberLength bounds an approval or registration number, in characters.
const MaxRegistrationNumberLength = 100

// MaxRejectionReasonLength bounds a moderator's rejection reason, in characters.
const MaxRejectionReasonLength = 2000

// Normalize trims the number and reduces the dates to days.
func (f SSEStatusFields) Normalize() SSEStatusFields {
	f.RegistrationNumber = strings.Join(strings.Fields(f.RegistrationNumber), " ")
	if !f.ValidUntil.IsZero() {
		f.ValidUntil = Day(f.ValidUntil)
	}
	if f.ShareMeasuredOn != nil {
		d := Day(*f.ShareMeasuredOn)
		f.ShareMeasuredOn = &d
	}
	return f
}

// ValidateSSEStatus checks f, normalized, for an organisation of kind and
// country on day today; field paths start with prefix ("body."). A status
// type belongs to one country and only an organisation of that country may
// hold it: cross-border eligibility is decided from the statuses held at
// home (an atelier protégé is "equivalent" in Belgium), never by holding a
// foreign country's approval.
func ValidateSSEStatus(f SSEStatusFields, country string, today time.Time, prefix string) *ValidationError {
	ve := &ValidationError{}
	switch {
	case f.Type == "":
		ve.AddLocalized(prefix+"type", "required", msgSSETypeRequired.With())
	case !f.Type.Valid():
		ve.AddLocalized(prefix+"type", "invalid", msgSSETypeInvalid.With(string(f.Type)))
	case f.Type.Country() != strings.ToUpper(country):
		ve.AddLocalized(prefix+"type", "wrong_country", msgSSETypeCountry.With(f.Type.Country(), strings.ToUpper(country)))
	}
	switch n := utf8.RuneCountInString(f.RegistrationNumber); {
	case n == 0:
		ve.AddLocalized(prefix+"registration_number", "required", msgSSENumberRequired.With())
	case n > MaxRegistrationNumberLength:
		ve.AddLocalized(prefix+"registration_number", "too_long", msgSSETooLong.With(MaxRegistrationNumberLength))
	}
	switch {
	case f.ValidUntil.IsZero():
		ve.AddLocalized(prefix+"valid_until", "required", msgSSEValidUntilRequired.With())
	case Day(f.ValidUntil).Before(Day(today)):
		ve.AddLocalized(prefix+"valid_until", "expired", msgSSEExpired.With())
	}
	switch {
	case f.DisabledShare != nil && f.ShareMeasuredOn == nil:
		ve.AddLocalized(prefix+"share_measured_on", "required", msgSSEMeasuredOnRequired.With())
	case f.DisabledShare == nil && f.ShareMeasuredOn != nil:
		ve.AddLocalized(prefix+"disabled_share", "required", msgSSEShareRequired.With())
	}
	if s := f.DisabledShare; s != nil && (math.IsNaN(*s) || *s < 0 || *s > 100 || math.Round(*s*100) != *s*100) {
		ve.AddLocalized(prefix+"disabled_share", "out_of_range", msgSSEShareRange.With())
	}
	if m := f.ShareMeasuredOn; m != nil && Day(*m).After(Day(today)) {
		ve.AddLocalized(prefix+"share_measured_on", "in_future", msgSSEMeasuredInFuture.With())
	}
	return ve
}

// ValidateRejectionReason checks a moderator's reason for a rejection.
func ValidateRejectionReason(reason, field string) *ValidationError {
	ve := &ValidationError{}
	switch n := utf8.RuneCountInString(strings.TrimSpace(reason)); {
	case n == 0:
		ve.AddLocalized(field, "required", msgSSEReasonRequired.With())
	case n > MaxRejectionReasonLength:
		ve.AddLocalized(field, "too_long", msgSSETooLong.With(MaxRejectionReasonLength))
	}
	return ve
}

// SSEEvidenceRequired is the refusal of a verification request for a
// status without evidence, on field.
func SSEEvidenceRequired(field string) *ValidationError {
	ve := &ValidationError{}
	ve.AddLocalized(field, "evidence_required", msgSSEEvidenceRequired.With())
	return ve
}

// SSEStatusChanged reports whether the supplier's statement differs
// between a and b (what a moderator would have to see again).
func SSEStatusChanged(a, b SSEStatusFields) bool {
	sameDay := func(x, y *time.Time) bool {
		return x == nil && y == nil || x != nil && y != nil && Day(*x).Equal(Day(*y))
	}
	sameShare := a.DisabledShare == nil && b.DisabledShare == nil ||
		a.DisabledShare != nil && b.DisabledShare != nil && *a.DisabledShare == *b.DisabledShare
	return a.Type != b.Type || a.RegistrationNumber != b.RegistrationNumber || !Day(a.ValidUntil).Equal(Day(b.ValidUntil)) ||
		!sameShare || !sameDay(a.ShareMeasuredOn, b.ShareMeasuredOn)
}

// Fields returns what the supplier stated about s.
func (s SSEStatus) Fields() SSEStatusFields {
	return SSEStatusFields{Type: s.Type, RegistrationNumber: s.RegistrationNumber, ValidUntil: s.ValidUntil,
		DisabledShare: s.DisabledShare, ShareMeasuredOn: s.ShareMeasuredOn}
}

// SSEStatusEditable reports whether the supplier may change a status in
// state s (its fields or its evidence): not while a moderator has it in
// the queue, so that the decision applies to what the moderator saw.
func SSEStatusEditable(s VerificationState) bool { return s != VerificationPending }

var (
	msgSSETypeRequired = Msg{
		EN: "choose the type of status", FR: "choisissez le type de statut",
		DE: "wählen Sie die Art des Status", NL: "kies het soort status",
	}
	msgSSETypeInvalid = Msg{
		EN: "%q is not a known status type", FR: "%q n'est pas un type de statut connu",
		DE: "%q ist keine bekannte Statusart", NL: "%q is geen bekend soort status",
	}
	msgSSETypeCountry = Msg{
		EN: "this status is granted in %s, and the organisation is registered in %s",
		FR: "ce statut est délivré en %s, et l'organisation est immatriculée en %s",
		DE: "dieser Status wird in %s verliehen, die Organisation ist in %s eingetragen",
		NL: "deze status wordt in %s toegekend, en de organisatie is in %s ingeschreven",
	}
	msgSSENumberRequired = Msg{
		EN: "enter the approval or registration number", FR: "indiquez le numéro d'agrément ou d'enregistrement",
		DE: "geben Sie die Anerkennungs- oder Registernummer an", NL: "vul het erkennings- of registratienummer in",
	}
	msgSSETooLong = Msg{
		EN: "at most %d characters", FR: "%d caractères au plus",
		DE: "höchstens %d Zeichen", NL: "hoogstens %d tekens",
	}
	msgSSEValidUntilRequired = Msg{
		EN: "enter the date until which the status is valid", FR: "indiquez la date de fin de validité du statut",
		DE: "geben Sie an, bis wann der Status gilt", NL: "vul de datum in tot wanneer de status geldig is",
	}
	msgSSEExpired = Msg{
		EN: "this date has passed: the status has expired", FR: "cette date est passée : le statut a expiré",
		DE: "dieses Datum liegt in der Vergangenheit: der Status ist abgelaufen", NL: "deze datum is voorbij: de status is verlopen",
	}
	msgSSEMeasuredOnRequired = Msg{
		EN: "enter the date the share was measured", FR: "indiquez la date à laquelle la part a été mesurée",
		DE: "geben Sie an, wann der Anteil ermittelt wurde", NL: "vul de datum in waarop het aandeel is gemeten",
	}
	msgSSEShareRequired = Msg{
		EN: "enter the share of disabled or disadvantaged workers, or remove the date",
		FR: "indiquez la part de travailleurs handicapés ou défavorisés, ou retirez la date",
		DE: "geben Sie den Anteil behinderter oder benachteiligter Beschäftigter an oder entfernen Sie das Datum",
		NL: "vul het aandeel werknemers met een handicap of achterstand in, of verwijder de datum",
	}
	msgSSEShareRange = Msg{
		EN: "a percentage from 0 to 100, with at most two decimals", FR: "un pourcentage de 0 à 100, avec deux décimales au plus",
		DE: "ein Prozentsatz von 0 bis 100 mit höchstens zwei Nachkommastellen", NL: "een percentage van 0 tot 100, met hoogstens twee decimalen",
	}
	msgSSEMeasuredInFuture = Msg{
		EN: "this date is in the future", FR: "cette date est dans le futur",
		DE: "dieses Datum liegt in der Zukunft", NL: "deze datum ligt in de toekomst",
	}
	msgSSEReasonRequired = Msg{
		EN: "say why the status is rejected, so the supplier can fix it",
		FR: "indiquez pourquoi le statut est refusé, pour que le fournisseur puisse corriger",
		DE: "geben Sie an, warum der Status abgelehnt wird, damit der Anbieter ihn berichtigen kann",
		NL: "zeg waarom de status wordt geweigerd, zodat de leverancier het kan rechtzetten",
	}
	msgSSEEvidenceRequired = Msg{
		EN: "attach at least one evidence document (PDF or image) before asking for verification",
		FR: "joignez au moins un justificatif (PDF ou image) avant de demander la vérification",
		DE: "fügen Sie mindestens einen Nachweis (PDF oder Bild) bei, bevor Sie die Prüfung beantragen",
		NL: "voeg minstens één bewijsstuk (pdf of afbeelding) toe voordat u om verificatie vraagt",
	}
)
