package domain

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// TenderKind says what a buyer asks for.
type TenderKind string

// The tender kinds.
const (
	TenderFormal       TenderKind = "formal_tender"
	TenderQuoteRequest TenderKind = "quote_request"
	TenderSourcing     TenderKind = "sourcing"
)

// TenderKinds lists every kind.
func TenderKinds() []TenderKind {
	return []TenderKind{TenderFormal, TenderQuoteRequest, TenderSourcing}
}

// Valid reports whether k is a known kind.
func (k TenderKind) Valid() bool { return slices.Contains(TenderKinds(), k) }

// Tender is a need a buyer organisation posts, with its lots.
type Tender struct {
	ID               string
	OrganisationID   string
	Kind             TenderKind
	State            TenderState
	OriginalLanguage Language
	// PlaceNUTS and PlaceTown are the place of performance.
	PlaceNUTS         string
	PlaceTown         string
	QuestionsDeadline time.Time
	ResponsesDeadline time.Time
	ResponseLanguages []Language
	// BuyerAnonymous hides the buyer from suppliers and the public.
	BuyerAnonymous bool
	// Texts are the title and description per language; the original first.
	Texts              []TenderText
	Lots               []TenderLot
	DocumentIDs        []string
	SubmittedAt        *time.Time
	DecidedAt          *time.Time
	DecidedBy          string
	Reason             string
	ChangesRequestedAt *time.Time
	PublishedAt        *time.Time
	ClosedAt           *time.Time
	SubstanceVersion   int
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// TenderText is a tender's title and Markdown description in one language.
type TenderText struct {
	Language    Language
	Title       string
	Description string
	Original    bool
}

// TenderLot is one lot of a tender. Values are in cents: a band
// (ValueMin < ValueMax) or an amount (equal), or unknown (both nil).
type TenderLot struct {
	ID          string
	TenderID    string
	Position    int
	Title       string
	Description string
	CPV         []string
	ValueMin    *int64
	ValueMax    *int64
	Currency    string
	Clauses     LotClauses
	// Outcome is what came of the lot, once the buyer recorded it.
	Outcome   *LotOutcome
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Original is the text in the tender's original language.
func (t Tender) Original() TenderText {
	for _, x := range t.Texts {
		if x.Original {
			return x
		}
	}
	return TenderText{}
}

// DeadlinePassed reports whether responses are no longer accepted at now:
// the responses deadline has passed, whether or not the closing job ran.
func (t Tender) DeadlinePassed(now time.Time) bool {
	return !now.Before(t.ResponsesDeadline) || t.State == TenderClosed || t.State == TenderAwarded || t.State == TenderNotAwarded
}

// Editable reports whether the buyer may change the tender freely (its
// lots, texts, documents): before a moderator approved it, except while
// it waits in the queue.
func (t Tender) Editable() bool { return t.State == TenderDraft || t.State == TenderChangesRequested }

// Limits of a tender's fields, in characters.
const (
	MaxTenderTitleLength       = 200
	MaxTenderDescriptionLength = 20000
	MaxTownLength              = 200
	MaxReasonLength            = 2000
	MaxLots                    = 100
	MaxCPVPerLot               = 20
)

var (
	// placeNUTS also accepts a country alone ("FR"): a tender may be
	// performed anywhere in it.
	placeNUTS = regexp.MustCompile(`^[A-Z]{2}[A-Z0-9]{0,3}$`)
	currency  = regexp.MustCompile(`^[A-Z]{3}$`)
)

// NormalizeTender trims what people typed.
func NormalizeTender(t Tender) Tender {
	t.PlaceNUTS = strings.ToUpper(strings.TrimSpace(t.PlaceNUTS))
	t.PlaceTown = strings.Join(strings.Fields(t.PlaceTown), " ")
	t.QuestionsDeadline, t.ResponsesDeadline = t.QuestionsDeadline.UTC(), t.ResponsesDeadline.UTC()
	texts := make([]TenderText, len(t.Texts))
	for i, x := range t.Texts {
		x.Title = strings.Join(strings.Fields(x.Title), " ")
		x.Description = strings.TrimSpace(x.Description)
		x.Original = x.Language == t.OriginalLanguage
		texts[i] = x
	}
	t.Texts = texts
	return t
}

// ValidateTender checks a tender's own fields (not its lots) at now; field
// paths start with "body.". Deadlines must be in the future, the questions
// deadline no later than the responses deadline.
func ValidateTender(t Tender, now time.Time) *ValidationError {
	ve := &ValidationError{}
	if !t.Kind.Valid() {
		ve.AddLocalized("body.kind", "invalid", msgNotOneOf.With(string(t.Kind), "formal_tender, quote_request, sourcing"))
	}
	if !t.OriginalLanguage.Valid() {
		ve.AddLocalized("body.language", "invalid", msgNotOneOf.With(string(t.OriginalLanguage), "fr, de, en, nl"))
	}
	if !placeNUTS.MatchString(t.PlaceNUTS) {
		ve.AddLocalized("body.place_nuts", "invalid", msgTenderNUTS.With(t.PlaceNUTS))
	}
	requiredText(ve, "body.place_town", t.PlaceTown, MaxTownLength)
	switch {
	case t.ResponsesDeadline.IsZero():
		ve.AddLocalized("body.responses_deadline", "required", msgTenderDeadlineRequired.With())
	case !t.ResponsesDeadline.After(now):
		ve.AddLocalized("body.responses_deadline", "in_past", msgTenderDeadlinePast.With())
	}
	switch {
	case t.QuestionsDeadline.IsZero():
		ve.AddLocalized("body.questions_deadline", "required", msgTenderDeadlineRequired.With())
	case !t.QuestionsDeadline.After(now):
		ve.AddLocalized("body.questions_deadline", "in_past", msgTenderDeadlinePast.With())
	case t.QuestionsDeadline.After(t.ResponsesDeadline) && !t.ResponsesDeadline.IsZero():
		ve.AddLocalized("body.questions_deadline", "after_responses", msgTenderQuestionsAfter.With())
	}
	if len(t.ResponseLanguages) == 0 {
		ve.AddLocalized("body.response_languages", "required", msgTenderLanguagesRequired.With())
	}
	seen := map[Language]bool{}
	for i, l := range t.ResponseLanguages {
		if !l.Valid() || seen[l] {
			ve.AddLocalized(fmt.Sprintf("body.response_languages[%d]", i), "invalid", msgNotOneOf.With(string(l), "fr, de, en, nl"))
		}
		seen[l] = true
	}
	originals, langs := 0, map[Language]bool{}
	for i, x := range t.Texts {
		p := fmt.Sprintf("body.texts[%d].", i)
		if i == 0 {
			p = "body."
		}
		if !x.Language.Valid() || langs[x.Language] {
			ve.AddLocalized(p+"language", "invalid", msgNotOneOf.With(string(x.Language), "fr, de, en, nl"))
		}
		langs[x.Language] = true
		if x.Original {
			originals++
		}
		requiredText(ve, p+"title", x.Title, MaxTenderTitleLength)
		if utf8.RuneCountInString(x.Description) > MaxTenderDescriptionLength {
			ve.AddLocalized(p+"description", "too_long", msgTenderTooLong.With(MaxTenderDescriptionLength))
		}
	}
	if originals != 1 && len(t.Texts) > 0 && t.OriginalLanguage.Valid() {
		ve.AddLocalized("body.language", "invalid", msgTenderOriginal.With())
	}
	return ve
}

// NormalizeLot trims what people typed and fills the defaults.
func NormalizeLot(l TenderLot) TenderLot {
	l.Title = strings.Join(strings.Fields(l.Title), " ")
	l.Description = strings.TrimSpace(l.Description)
	l.Currency = strings.ToUpper(strings.TrimSpace(l.Currency))
	if l.Currency == "" {
		l.Currency = "EUR"
	}
	cpv := make([]string, 0, len(l.CPV))
	for _, c := range l.CPV {
		if c = strings.TrimSpace(c); !slices.Contains(cpv, c) {
			cpv = append(cpv, c)
		}
	}
	l.CPV = cpv
	l.Clauses = LotClausesWithDefaults(l.Clauses).Normalize()
	return l
}

// LotClausesWithDefaults fills the codes a buyer left out with those of
// DefaultLotClauses (not reserved, no reserved execution, no strategic
// procurement, accessibility criteria included), so that a lot without
// social clauses needs no clause at all; what was given is kept as is.
func LotClausesWithDefaults(c LotClauses) LotClauses {
	d := DefaultLotClauses()
	if c.ReservedParticipation == "" {
		c.ReservedParticipation = d.ReservedParticipation
	}
	if c.ReservedExecution == "" {
		c.ReservedExecution = d.ReservedExecution
	}
	if len(c.StrategicProcurement) == 0 {
		c.StrategicProcurement = d.StrategicProcurement
	}
	if c.Accessibility == "" {
		c.Accessibility = d.Accessibility
	}
	return c
}

// ValidateLot checks a lot (normalized) of a tender whose buyer is in
// ctx.BuyerCountry; field paths start with prefix ("body."). The lot's
// CPV codes are checked against the imported list by the use case (core);
// here only their number, and the clauses against them
// (LotClauses.Validate).
func ValidateLot(l TenderLot, ctx ClauseContext, prefix string) *ValidationError {
	ve := &ValidationError{}
	requiredText(ve, prefix+"title", l.Title, MaxTenderTitleLength)
	if utf8.RuneCountInString(l.Description) > MaxTenderDescriptionLength {
		ve.AddLocalized(prefix+"description", "too_long", msgTenderTooLong.With(MaxTenderDescriptionLength))
	}
	if len(l.CPV) > MaxCPVPerLot {
		ve.AddLocalized(prefix+"cpv", "too_many", msgTenderTooManyCPV.With(MaxCPVPerLot))
	}
	if !currency.MatchString(l.Currency) {
		ve.AddLocalized(prefix+"currency", "invalid", msgTenderCurrency.With(l.Currency))
	}
	switch {
	case (l.ValueMin == nil) != (l.ValueMax == nil):
		ve.AddLocalized(prefix+"value_max_cents", "required", msgTenderValueBoth.With())
	case l.ValueMin != nil && (*l.ValueMin < 0 || *l.ValueMax < *l.ValueMin):
		ve.AddLocalized(prefix+"value_max_cents", "out_of_range", msgTenderValueRange.With())
	}
	ctx.CPVCodes = l.CPV
	ve.Fields = append(ve.Fields, l.Clauses.Validate(ctx, prefix+"clauses").Fields...)
	return ve
}

// ValidateReason checks a required reason (a moderator's, a buyer's) on field.
func ValidateReason(reason, field string) *ValidationError {
	ve := &ValidationError{}
	requiredText(ve, field, strings.TrimSpace(reason), MaxReasonLength)
	return ve
}

func requiredText(ve *ValidationError, field, s string, limit int) {
	switch n := utf8.RuneCountInString(s); {
	case strings.TrimSpace(s) == "":
		ve.AddLocalized(field, "required", msgTenderRequired.With())
	case n > limit:
		ve.AddLocalized(field, "too_long", msgTenderTooLong.With(limit))
	}
}

// SubstantialChange reports whether changing a published tender from
// before to after alters its substance (DOMAIN.md: a shortened deadline,
// clauses, lots): responses already sent must then be re-confirmed.
func SubstantialChange(before, after Tender) bool {
	if after.ResponsesDeadline.Before(before.ResponsesDeadline) || after.QuestionsDeadline.Before(before.QuestionsDeadline) {
		return true
	}
	if len(before.Lots) != len(after.Lots) {
		return true
	}
	for i := range before.Lots {
		a, b := before.Lots[i], after.Lots[i]
		if a.ID != b.ID || a.Title != b.Title || a.Description != b.Description || !slices.Equal(a.CPV, b.CPV) ||
			!sameCents(a.ValueMin, b.ValueMin) || !sameCents(a.ValueMax, b.ValueMax) || a.Currency != b.Currency ||
			!sameClauses(a.Clauses, b.Clauses) {
			return true
		}
	}
	return false
}

func sameCents(a, b *int64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// sameClauses compares two clause sets by what they say: a list left out
// and an empty one are the same (JSON storage does not keep the
// difference).
func sameClauses(a, b LotClauses) bool {
	return clausesKey(a) == clausesKey(b)
}

func clausesKey(c LotClauses) string {
	raw, err := json.Marshal(c)
	if err != nil {
		return ""
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return ""
	}
	for k, v := range m {
		if list, ok := v.([]any); v == nil || ok && len(list) == 0 {
			delete(m, k)
		}
	}
	key, err := json.Marshal(m) // map keys are sorted
	if err != nil {
		return ""
	}
	return string(key)
}

var (
	msgTenderRequired = Msg{
		EN: "this field is required", FR: "ce champ est obligatoire", DE: "dieses Feld ist erforderlich", NL: "dit veld is verplicht",
	}
	msgTenderNUTS = Msg{
		EN: "%q is not a NUTS code (two letters and up to three more characters, e.g. FRF33)",
		FR: "%q n'est pas un code NUTS (deux lettres et jusqu'à trois caractères de plus, p. ex. FRF33)",
		DE: "%q ist kein NUTS-Code (zwei Buchstaben und bis zu drei weitere Zeichen, z. B. DEC01)",
		NL: "%q is geen NUTS-code (twee letters en hoogstens drie tekens meer, bv. BE335)",
	}
	msgTenderDeadlineRequired = Msg{
		EN: "enter the deadline (RFC 3339 date and time)", FR: "indiquez la date limite (date et heure RFC 3339)",
		DE: "geben Sie die Frist an (Datum und Uhrzeit nach RFC 3339)", NL: "vul de termijn in (datum en tijd volgens RFC 3339)",
	}
	msgTenderDeadlinePast = Msg{
		EN: "this deadline has passed", FR: "cette date limite est passée", DE: "diese Frist ist abgelaufen", NL: "deze termijn is verstreken",
	}
	msgTenderQuestionsAfter = Msg{
		EN: "questions must close no later than responses", FR: "les questions doivent se clore au plus tard avec les réponses",
		DE: "Fragen müssen spätestens mit den Angeboten enden", NL: "vragen moeten uiterlijk samen met de antwoorden sluiten",
	}
	msgTenderLanguagesRequired = Msg{
		EN: "accept responses in at least one language", FR: "acceptez les réponses dans au moins une langue",
		DE: "lassen Sie Angebote in mindestens einer Sprache zu", NL: "aanvaard antwoorden in minstens één taal",
	}
	msgTenderOriginal = Msg{
		EN: "the title and description must be given in the original language",
		FR: "le titre et la description doivent être donnés dans la langue d'origine",
		DE: "Titel und Beschreibung müssen in der Originalsprache angegeben werden",
		NL: "titel en beschrijving moeten in de oorspronkelijke taal worden gegeven",
	}
	msgTenderTooManyCPV = Msg{
		EN: "at most %d CPV codes", FR: "%d codes CPV au plus", DE: "höchstens %d CPV-Codes", NL: "hoogstens %d CPV-codes",
	}
	msgTenderCurrency = Msg{
		EN: "%q is not an ISO 4217 currency code like EUR", FR: "%q n'est pas un code de devise ISO 4217 comme EUR",
		DE: "%q ist kein ISO-4217-Währungscode wie EUR", NL: "%q is geen ISO 4217-valutacode zoals EUR",
	}
	msgTenderValueBoth = Msg{
		EN: "give both ends of the value band (equal for an amount)", FR: "indiquez les deux bornes de la fourchette (égales pour un montant)",
		DE: "geben Sie beide Grenzen der Wertspanne an (gleich für einen Betrag)", NL: "geef beide grenzen van de waardemarge (gelijk voor een bedrag)",
	}
	msgTenderValueRange = Msg{
		EN: "the maximum value must be at least the minimum, and neither negative",
		FR: "la valeur maximale doit être au moins la minimale, et aucune négative",
		DE: "der Höchstwert muss mindestens der Mindestwert sein, und keiner negativ",
		NL: "de maximumwaarde moet minstens de minimumwaarde zijn, en geen van beide negatief",
	}
)

// msgTenderTooLong bounds a text of a tender, a lot, a response or an outcome.
var msgTenderTooLong = Msg{EN: "at most %d characters", FR: "%d caractères au plus", DE: "höchstens %d Zeichen", NL: "hoogstens %d tekens"}
