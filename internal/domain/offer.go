package domain

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Offer is what an SSE supplier organisation publishes: a product or
// service with where, how fast and at what indicative price it delivers.
type Offer struct {
	ID             string
	OrganisationID string
	State          OfferState
	OfferFields
	// SubmittedAt is when the offer last went to the moderators.
	SubmittedAt *time.Time
	// DecidedAt and DecidedBy name the last moderation decision;
	// DecidedBy is empty once that user is deleted.
	DecidedAt *time.Time
	DecidedBy string
	// DecisionReason is the moderator's reason while the offer is rejected
	// or waits for changes.
	DecisionReason string
	PublishedAt    *time.Time
	ArchivedAt     *time.Time
	// Documents are the attached photos and documents, in display order.
	Documents []OfferDocument
	CreatedAt time.Time
	UpdatedAt time.Time
}

// OfferDocument is a photo or document shown with an offer.
type OfferDocument struct {
	DocumentID string
	Purpose    DocumentPurpose // DocOfferPhoto or DocOther
	Position   int
}

// OfferFields are what the supplier writes about an offer.
type OfferFields struct {
	Type OfferType
	// Language is the original language of Title and Description.
	Language    Language
	Title       string
	Description string // Markdown
	// Translations are the author's own translations, at most one per
	// language other than Language.
	Translations []OfferText
	// Sectors are codes of the sector catalogue ("cleaning.offices").
	Sectors []string
	// CPVCodes are CPV 2008 codes with their check digit ("90911200-8").
	CPVCodes []string
	Area     OfferArea
	Price    OfferPrice
	// MinimumOrder and Capacity are free texts ("50 hours", "2 teams of 4").
	MinimumOrder string
	LeadTimeDays *int
	Capacity     string
	// Labels are quality labels and certifications ("Ecolabel", "Qualiopi").
	Labels []string
}

// OfferText is an offer's title and description in one language.
type OfferText struct {
	Lang        Language
	Title       string
	Description string
}

// OfferType is the kind of purchase an offer answers, as in procurement law.
type OfferType string

// The offer types.
const (
	OfferSupplies OfferType = "supplies"
	OfferServices OfferType = "services"
	OfferWorks    OfferType = "works"
)

// Valid reports whether t is a known type.
func (t OfferType) Valid() bool { return t == OfferSupplies || t == OfferServices || t == OfferWorks }

// AreaMode says how an offer's intervention area is given.
type AreaMode string

// The area modes.
const (
	// AreaCountry is the whole country of the organisation.
	AreaCountry AreaMode = "country"
	// AreaRadius is a radius in km around the organisation's coordinates.
	AreaRadius AreaMode = "radius"
	// AreaRegions is a list of NUTS regions.
	AreaRegions AreaMode = "regions"
)

// Valid reports whether m is a known mode.
func (m AreaMode) Valid() bool { return m == AreaCountry || m == AreaRadius || m == AreaRegions }

// OfferArea is where a supplier works.
type OfferArea struct {
	Mode     AreaMode
	RadiusKM int      // AreaRadius only
	Regions  []string // AreaRegions only: NUTS codes
	// AcceptsCrossBorder says the supplier also works across the border.
	AcceptsCrossBorder bool
}

// OfferPrice is an indicative price: a text, and optionally an amount per unit.
type OfferPrice struct {
	Text string
	// AmountCents is the amount in cents of Currency; nil for none.
	AmountCents *int64
	Currency    string // ISO 4217, with AmountCents
	Unit        string
}

// Bounds of an offer.
const (
	MaxOfferTitle        = 200
	MaxOfferDescription  = 10000
	MaxOfferSectors      = 20
	MaxOfferCPVCodes     = 50
	MaxOfferRegions      = 50
	MaxOfferLabels       = 20
	MaxOfferLabel        = 80
	MaxOfferRadiusKM     = 1000
	MaxOfferPriceText    = 300
	MaxOfferPriceUnit    = 100
	MaxOfferPriceCents   = 100_000_000_000 // one billion in currency units
	MaxOfferMinimumOrder = 300
	MaxOfferCapacity     = 500
	MaxOfferLeadTimeDays = 3650
	MaxOfferDocuments    = 20
	MaxDecisionReason    = 2000
)

var (
	sectorCode   = regexp.MustCompile(`^[a-z_]+\.[a-z_]+$`)
	cpvCode      = regexp.MustCompile(`^[0-9]{8}(-[0-9])?$`)
	nutsCode     = regexp.MustCompile(`^[A-Z]{2}[0-9A-Z]{1,3}$`)
	currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)
)

// Normalize trims the texts and puts codes in canonical form. Lists keep
// their order and length, so that field errors point at what was sent;
// Dedup drops duplicates once f is valid.
func (f OfferFields) Normalize() OfferFields {
	f.Title = strings.Join(strings.Fields(f.Title), " ")
	f.Description = strings.TrimSpace(f.Description)
	f.Translations = slices.Clone(f.Translations)
	for i, t := range f.Translations {
		f.Translations[i] = OfferText{Lang: Language(strings.ToLower(strings.TrimSpace(string(t.Lang)))),
			Title: strings.Join(strings.Fields(t.Title), " "), Description: strings.TrimSpace(t.Description)}
	}
	f.Language = Language(strings.ToLower(strings.TrimSpace(string(f.Language))))
	f.Sectors = canonical(f.Sectors, strings.ToLower)
	// CPV codes are put in canonical form by core (taxonomy.NormalizeCPV:
	// the check digit comes from the official list, exceptions included).
	f.CPVCodes = canonical(f.CPVCodes, strings.TrimSpace)
	f.Area.Regions = canonical(f.Area.Regions, strings.ToUpper)
	f.Labels = canonical(f.Labels, func(s string) string { return strings.Join(strings.Fields(s), " ") })
	f.Price.Text = strings.TrimSpace(f.Price.Text)
	f.Price.Unit = strings.TrimSpace(f.Price.Unit)
	f.Price.Currency = strings.ToUpper(strings.TrimSpace(f.Price.Currency))
	if f.Price.AmountCents != nil && f.Price.Currency == "" {
		f.Price.Currency = "EUR"
	}
	f.MinimumOrder = strings.TrimSpace(f.MinimumOrder)
	f.Capacity = strings.TrimSpace(f.Capacity)
	if f.Area.Mode != AreaRadius {
		f.Area.RadiusKM = 0
	}
	return f
}

// Dedup drops repeated sectors, CPV codes and labels (keeping the first)
// and sorts the regions, a set: f as it is stored and compared.
func (f OfferFields) Dedup() OfferFields {
	f.Sectors, f.CPVCodes, f.Labels = unique(f.Sectors), unique(f.CPVCodes), unique(f.Labels)
	f.Area.Regions = unique(f.Area.Regions)
	slices.Sort(f.Area.Regions)
	return f
}

func canonical(in []string, canon func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = canon(strings.TrimSpace(s))
	}
	return out
}

func unique(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// ValidateOffer checks f, normalized, for an organisation that has
// coordinates or not; field paths start with "body.". Whether the NUTS
// regions exist is for the caller to check against the stored list.
func ValidateOffer(f OfferFields, hasCoordinates bool) *ValidationError {
	ve := &ValidationError{}
	switch {
	case f.Type == "":
		ve.AddLocalized("body.type", "required", msgOfferTypeRequired.With())
	case !f.Type.Valid():
		ve.AddLocalized("body.type", "invalid", msgOfferTypeInvalid.With(string(f.Type)))
	}
	switch {
	case f.Language == "":
		ve.AddLocalized("body.language", "required", msgOfferLanguageRequired.With())
	case !f.Language.Valid():
		ve.AddLocalized("body.language", "invalid", msgOfferLanguageInvalid.With(string(f.Language)))
	}
	validateOfferText(ve, "body.", OfferText{Lang: f.Language, Title: f.Title, Description: f.Description})
	seen := map[Language]bool{f.Language: true}
	for i, t := range f.Translations {
		p := fmt.Sprintf("body.translations[%d].", i)
		switch {
		case !t.Lang.Valid():
			ve.AddLocalized(p+"lang", "invalid", msgOfferLanguageInvalid.With(string(t.Lang)))
		case seen[t.Lang]:
			ve.AddLocalized(p+"lang", "duplicate", msgOfferTranslationTwice.With(string(t.Lang)))
		}
		seen[t.Lang] = true
		validateOfferText(ve, p, t)
	}
	if len(f.Sectors) > MaxOfferSectors {
		ve.AddLocalized("body.sectors", "too_many", msgOfferTooMany.With(MaxOfferSectors))
	}
	for i, s := range f.Sectors {
		// Shape here; core checks the code is in the catalogue (taxonomy.Sector).
		if !sectorCode.MatchString(s) {
			ve.AddLocalized(fmt.Sprintf("body.sectors[%d]", i), "invalid", msgOfferSectorInvalid.With(s))
		}
	}
	if len(f.CPVCodes) > MaxOfferCPVCodes {
		ve.AddLocalized("body.cpv_codes", "too_many", msgOfferTooMany.With(MaxOfferCPVCodes))
	}
	for i, c := range f.CPVCodes {
		// Shape here; core checks the check digit (taxonomy.ValidCPV) and
		// that the code is in the imported list (store.CPVExists).
		if !cpvCode.MatchString(c) {
			ve.AddLocalized(fmt.Sprintf("body.cpv_codes[%d]", i), "invalid", msgOfferCPVInvalid.With(c))
		}
	}
	validateOfferArea(ve, f.Area, hasCoordinates)
	validateOfferPrice(ve, f.Price)
	checkLength(ve, "body.minimum_order", f.MinimumOrder, MaxOfferMinimumOrder)
	checkLength(ve, "body.capacity", f.Capacity, MaxOfferCapacity)
	if d := f.LeadTimeDays; d != nil && (*d < 0 || *d > MaxOfferLeadTimeDays) {
		ve.AddLocalized("body.lead_time_days", "out_of_range", msgOfferRange.With(0, MaxOfferLeadTimeDays))
	}
	if len(f.Labels) > MaxOfferLabels {
		ve.AddLocalized("body.labels", "too_many", msgOfferTooMany.With(MaxOfferLabels))
	}
	for i, l := range f.Labels {
		p := fmt.Sprintf("body.labels[%d]", i)
		if l == "" {
			ve.AddLocalized(p, "required", msgOfferEmpty.With())
		}
		checkLength(ve, p, l, MaxOfferLabel)
	}
	return ve
}

func validateOfferText(ve *ValidationError, prefix string, t OfferText) {
	if t.Title == "" {
		ve.AddLocalized(prefix+"title", "required", msgOfferTitleRequired.With())
	}
	checkLength(ve, prefix+"title", t.Title, MaxOfferTitle)
	if t.Description == "" {
		ve.AddLocalized(prefix+"description", "required", msgOfferDescriptionRequired.With())
	}
	checkLength(ve, prefix+"description", t.Description, MaxOfferDescription)
}

func validateOfferArea(ve *ValidationError, a OfferArea, hasCoordinates bool) {
	switch {
	case a.Mode == "":
		ve.AddLocalized("body.area.mode", "required", msgOfferAreaRequired.With())
	case !a.Mode.Valid():
		ve.AddLocalized("body.area.mode", "invalid", msgOfferAreaInvalid.With(string(a.Mode)))
	case a.Mode == AreaRadius && (a.RadiusKM < 1 || a.RadiusKM > MaxOfferRadiusKM):
		ve.AddLocalized("body.area.radius_km", "out_of_range", msgOfferRange.With(1, MaxOfferRadiusKM))
	case a.Mode == AreaRadius && !hasCoordinates:
		ve.AddLocalized("body.area.radius_km", "no_coordinates", msgOfferRadiusNoCoordinates.With())
	case a.Mode == AreaRegions && len(a.Regions) == 0:
		ve.AddLocalized("body.area.regions", "required", msgOfferRegionsRequired.With())
	case a.Mode != AreaRegions && len(a.Regions) > 0:
		ve.AddLocalized("body.area.regions", "unexpected", msgOfferRegionsUnexpected.With())
	}
	if len(a.Regions) > MaxOfferRegions {
		ve.AddLocalized("body.area.regions", "too_many", msgOfferTooMany.With(MaxOfferRegions))
	}
	for i, r := range a.Regions {
		if !nutsCode.MatchString(r) {
			ve.AddLocalized(fmt.Sprintf("body.area.regions[%d]", i), "invalid", msgOfferRegionUnknown.With(r))
		}
	}
}

func validateOfferPrice(ve *ValidationError, p OfferPrice) {
	checkLength(ve, "body.price.text", p.Text, MaxOfferPriceText)
	checkLength(ve, "body.price.unit", p.Unit, MaxOfferPriceUnit)
	if a := p.AmountCents; a != nil && (*a < 0 || *a > MaxOfferPriceCents) {
		ve.AddLocalized("body.price.amount_cents", "out_of_range", msgOfferRange.With(0, MaxOfferPriceCents))
	}
	if p.AmountCents != nil && !currencyCode.MatchString(p.Currency) {
		ve.AddLocalized("body.price.currency", "invalid", msgOfferCurrency.With())
	}
	if p.AmountCents == nil && p.Currency != "" {
		ve.AddLocalized("body.price.currency", "unexpected", msgOfferCurrencyAlone.With())
	}
}

func checkLength(ve *ValidationError, field, s string, limit int) {
	if utf8.RuneCountInString(s) > limit {
		ve.AddLocalized(field, "too_long", msgOfferTooLong.With(limit))
	}
}

// ValidateOfferSubmission checks what publication needs beyond a valid
// draft: at least one sector or CPV code, so that buyers and matching
// find the offer.
func ValidateOfferSubmission(f OfferFields) *ValidationError {
	ve := &ValidationError{}
	if len(f.Sectors) == 0 && len(f.CPVCodes) == 0 {
		ve.AddLocalized("sectors", "required", msgOfferClassifyFirst.With())
	}
	return ve
}

// ValidateDecisionReason checks a moderator's reason; it is required
// (required=true) for a rejection or a request for changes.
func ValidateDecisionReason(reason string, required bool, field string) *ValidationError {
	ve := &ValidationError{}
	n := utf8.RuneCountInString(strings.TrimSpace(reason))
	switch {
	case n == 0 && required:
		ve.AddLocalized(field, "required", msgOfferReasonRequired.With())
	case n > MaxDecisionReason:
		ve.AddLocalized(field, "too_long", msgOfferTooLong.With(MaxDecisionReason))
	}
	return ve
}

var (
	msgOfferTypeRequired = Msg{EN: "choose supplies, services or works", FR: "choisissez fournitures (supplies), services ou travaux (works)",
		DE: "wählen Sie Lieferungen (supplies), Dienstleistungen (services) oder Bauleistungen (works)",
		NL: "kies leveringen (supplies), diensten (services) of werken (works)"}
	msgOfferTypeInvalid = Msg{EN: "%q is not supplies, services or works", FR: "%q n'est ni supplies, ni services, ni works",
		DE: "%q ist weder supplies noch services noch works", NL: "%q is geen supplies, services of works"}
	msgOfferLanguageRequired = Msg{EN: "say in which language the offer is written", FR: "indiquez la langue dans laquelle l'offre est rédigée",
		DE: "geben Sie an, in welcher Sprache das Angebot verfasst ist", NL: "geef aan in welke taal het aanbod is geschreven"}
	msgOfferLanguageInvalid = Msg{EN: "%q is not one of fr, de, en, nl", FR: "%q n'est pas l'une des langues fr, de, en, nl",
		DE: "%q ist keine der Sprachen fr, de, en, nl", NL: "%q is niet een van de talen fr, de, en, nl"}
	msgOfferTranslationTwice = Msg{EN: "the offer already has a text in %q", FR: "l'offre a déjà un texte en %q",
		DE: "das Angebot hat bereits einen Text in %q", NL: "het aanbod heeft al een tekst in %q"}
	msgOfferTitleRequired = Msg{EN: "give the offer a title", FR: "donnez un titre à l'offre",
		DE: "geben Sie dem Angebot einen Titel", NL: "geef het aanbod een titel"}
	msgOfferDescriptionRequired = Msg{EN: "describe the offer", FR: "décrivez l'offre",
		DE: "beschreiben Sie das Angebot", NL: "beschrijf het aanbod"}
	msgOfferTooLong = Msg{EN: "at most %d characters", FR: "%d caractères au plus",
		DE: "höchstens %d Zeichen", NL: "hoogstens %d tekens"}
	msgOfferTooMany = Msg{EN: "at most %d entries", FR: "%d éléments au plus",
		DE: "höchstens %d Einträge", NL: "hoogstens %d items"}
	msgOfferEmpty = Msg{EN: "this entry is empty", FR: "cet élément est vide",
		DE: "dieser Eintrag ist leer", NL: "dit item is leeg"}
	msgOfferRange = Msg{EN: "a whole number from %d to %d", FR: "un nombre entier de %d à %d",
		DE: "eine ganze Zahl von %d bis %d", NL: "een geheel getal van %d tot %d"}
	msgOfferSectorInvalid = Msg{EN: "%q is not a sector code (group.sector, e.g. cleaning.offices)",
		FR: "%q n'est pas un code de secteur (groupe.secteur, par ex. cleaning.offices)",
		DE: "%q ist kein Branchencode (Gruppe.Branche, z. B. cleaning.offices)",
		NL: "%q is geen sectorcode (groep.sector, bv. cleaning.offices)"}
	msgOfferCPVInvalid = Msg{EN: "%q is not a CPV code with a right check digit (e.g. 90911200-8)",
		FR: "%q n'est pas un code CPV avec un chiffre de contrôle correct (par ex. 90911200-8)",
		DE: "%q ist kein CPV-Code mit richtiger Prüfziffer (z. B. 90911200-8)",
		NL: "%q is geen CPV-code met een juist controlecijfer (bv. 90911200-8)"}
	msgOfferAreaRequired = Msg{EN: "choose where you work: country, radius or regions",
		FR: "choisissez où vous intervenez : country (pays), radius (rayon) ou regions (régions)",
		DE: "wählen Sie, wo Sie tätig sind: country (Land), radius (Umkreis) oder regions (Regionen)",
		NL: "kies waar u werkt: country (land), radius (straal) of regions (regio's)"}
	msgOfferAreaInvalid = Msg{EN: "%q is not country, radius or regions", FR: "%q n'est ni country, ni radius, ni regions",
		DE: "%q ist weder country noch radius noch regions", NL: "%q is geen country, radius of regions"}
	msgOfferRadiusNoCoordinates = Msg{
		EN: "a radius is measured from the organisation's location: add its coordinates to its profile first",
		FR: "un rayon se mesure depuis l'emplacement de l'organisation : ajoutez d'abord ses coordonnées à son profil",
		DE: "ein Umkreis wird vom Standort der Organisation aus gemessen: tragen Sie zuerst ihre Koordinaten im Profil ein",
		NL: "een straal wordt gemeten vanaf de locatie van de organisatie: voeg eerst haar coördinaten toe aan het profiel"}
	msgOfferRegionsRequired = Msg{EN: "list at least one NUTS region", FR: "indiquez au moins une région NUTS",
		DE: "geben Sie mindestens eine NUTS-Region an", NL: "vermeld minstens één NUTS-regio"}
	msgOfferRegionsUnexpected = Msg{EN: "regions are only listed with the mode regions", FR: "les régions ne s'indiquent qu'avec le mode regions",
		DE: "Regionen werden nur mit dem Modus regions angegeben", NL: "regio's worden alleen met de modus regions vermeld"}
	msgOfferRegionUnknown = Msg{EN: "%q is not a known NUTS region", FR: "%q n'est pas une région NUTS connue",
		DE: "%q ist keine bekannte NUTS-Region", NL: "%q is geen bekende NUTS-regio"}
	msgOfferCurrency = Msg{EN: "an ISO 4217 currency code such as EUR", FR: "un code de devise ISO 4217 comme EUR",
		DE: "ein ISO-4217-Währungscode wie EUR", NL: "een ISO 4217-valutacode zoals EUR"}
	msgOfferCurrencyAlone = Msg{EN: "a currency goes with an amount", FR: "une devise accompagne un montant",
		DE: "eine Währung gehört zu einem Betrag", NL: "een valuta hoort bij een bedrag"}
	msgOfferClassifyFirst = Msg{
		EN: "add at least one sector or CPV code before submitting, so that buyers find the offer",
		FR: "ajoutez au moins un secteur ou un code CPV avant de soumettre, pour que les acheteurs trouvent l'offre",
		DE: "fügen Sie vor dem Einreichen mindestens eine Branche oder einen CPV-Code hinzu, damit Käufer das Angebot finden",
		NL: "voeg vóór het indienen minstens één sector of CPV-code toe, zodat kopers het aanbod vinden"}
	msgOfferReasonRequired = Msg{EN: "give a reason the supplier can act on", FR: "indiquez un motif sur lequel le fournisseur peut agir",
		DE: "geben Sie eine Begründung an, nach der der Anbieter handeln kann", NL: "geef een reden waarmee de leverancier aan de slag kan"}
)
