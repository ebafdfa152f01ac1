package domain

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"passerelle/internal/domain/legalid"
)

// Bounds of an organisation's profile.
const (
	maxNameRunes        = 300
	maxStreetLines      = 3
	maxStreetLineRunes  = 200
	maxTownRunes        = 200
	maxWebsiteLength    = 300
	maxSpokenLanguages  = 20
	maxDescriptions     = 10
	maxDescriptionRunes = 5000
	minPhoneDigits      = 6
	maxPhoneDigits      = 15
)

// postcodeRules are the postcode formats of the Grande Région countries;
// other countries get a loose shape check (postcodeOther).
var postcodeRules = map[string]struct {
	re      *regexp.Regexp
	example string
}{
	"FR": {regexp.MustCompile(`^[0-9]{5}$`), "57000"},
	"DE": {regexp.MustCompile(`^[0-9]{5}$`), "66111"},
	"BE": {regexp.MustCompile(`^[1-9][0-9]{3}$`), "4700"},
	"LU": {regexp.MustCompile(`^L-[0-9]{4}$`), "L-1234"},
}

var postcodeOther = regexp.MustCompile(`^[0-9A-Z][0-9A-Z -]{0,10}[0-9A-Z]$`)

// IdentifierKindsFor lists the legal identifiers an organisation of country
// may register: the schemes legalid checks for FR, DE, BE and LU. Other EU
// countries register none: we have no check algorithm for their numbers,
// and an unchecked number would look as trustworthy as a checked one.
func IdentifierKindsFor(country string) []legalid.Kind {
	if !IsGrandeRegionCountry(country) {
		return nil
	}
	return legalid.KindsFor(country)
}

// NormalizeOrganisation checks the profile fields of o that need no stored
// data and returns o in canonical form: text trimmed, country, postcode and
// NUTS code upper-cased, website with its scheme, languages lower-cased and
// deduplicated, identifiers normalized (legalid.Normalize). Every problem is
// reported in the returned error under the field's JSON path ("body.postcode",
// "body.identifiers[0].value"); identifier errors carry their explanation in
// fr, de, en and nl. Whether NUTS3 names a real region of the country is for
// the caller to check against the stored list.
func NormalizeOrganisation(o Organisation) (Organisation, *ValidationError) {
	ve := &ValidationError{}
	o.LegalName = strings.TrimSpace(o.LegalName)
	o.TradeName = strings.TrimSpace(o.TradeName)
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	o.Town = strings.Join(strings.Fields(o.Town), " ")
	o.NUTS3 = strings.ToUpper(strings.TrimSpace(o.NUTS3))

	if !o.Kind.Valid() {
		ve.AddLocalized("body.kind", "invalid", Msg{
			EN: "kind must be sse_supplier, public_buyer, private_buyer or cluster",
			FR: "le type doit être sse_supplier, public_buyer, private_buyer ou cluster",
			DE: "die Art muss sse_supplier, public_buyer, private_buyer oder cluster sein",
			NL: "het type moet sse_supplier, public_buyer, private_buyer of cluster zijn",
		}.With())
	}
	switch {
	case o.Country == "":
		ve.AddLocalized("body.country", "required", msgRequired.With(nounCountry))
	case !IsEUCountry(o.Country):
		ve.AddLocalized("body.country", "not_eu", Msg{
			EN: "%q is not the code of an EU member state (e.g. FR, DE, BE, LU)",
			FR: "%q n'est pas le code d'un État membre de l'UE (p. ex. FR, DE, BE, LU)",
			DE: "%q ist kein Code eines EU-Mitgliedstaats (z. B. FR, DE, BE, LU)",
			NL: "%q is geen code van een EU-lidstaat (bv. FR, DE, BE, LU)",
		}.With(o.Country))
	}
	checkRunes(ve, "body.legal_name", o.LegalName, 1, maxNameRunes, nounLegalName)
	checkRunes(ve, "body.trade_name", o.TradeName, 0, maxNameRunes, nounTradeName)
	checkRunes(ve, "body.town", o.Town, 1, maxTownRunes, nounTown)

	lines := make([]string, 0, len(o.StreetLines))
	for _, l := range o.StreetLines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	o.StreetLines = lines
	if len(lines) > maxStreetLines {
		ve.AddLocalized("body.street_lines", "too_many", Msg{
			EN: "at most %d address lines",
			FR: "%d lignes d'adresse au maximum",
			DE: "höchstens %d Adresszeilen",
			NL: "hoogstens %d adresregels",
		}.With(maxStreetLines))
	}
	for i, l := range lines {
		checkRunes(ve, fmt.Sprintf("body.street_lines[%d]", i), l, 1, maxStreetLineRunes, nounAddressLine)
	}

	o.Postcode = normalizePostcode(ve, o.Country, o.Postcode)

	if p := o.Location; p != nil {
		if math.IsNaN(p.Latitude) || p.Latitude < -90 || p.Latitude > 90 {
			ve.AddLocalized("body.latitude", "out_of_range", Msg{
				EN: "the latitude must be between -90 and 90",
				FR: "la latitude doit être comprise entre -90 et 90",
				DE: "der Breitengrad muss zwischen -90 und 90 liegen",
				NL: "de breedtegraad moet tussen -90 en 90 liggen",
			}.With())
		}
		if math.IsNaN(p.Longitude) || p.Longitude < -180 || p.Longitude > 180 {
			ve.AddLocalized("body.longitude", "out_of_range", Msg{
				EN: "the longitude must be between -180 and 180",
				FR: "la longitude doit être comprise entre -180 et 180",
				DE: "der Längengrad muss zwischen -180 und 180 liegen",
				NL: "de lengtegraad moet tussen -180 en 180 liggen",
			}.With())
		}
	}

	o.Website = normalizeWebsite(ve, o.Website)
	o.Phone = normalizePhone(ve, o.Phone)
	o.Languages = normalizeLanguages(ve, o.Languages)
	o.Descriptions = normalizeDescriptions(ve, o.Descriptions)
	o.Identifiers = normalizeIdentifiers(ve, o.Country, o.Identifiers)
	return o, ve
}

// The nouns of the profile's fields, with their article, slotted into
// msgRequired and msgTooLong.
var (
	nounCountry        = Msg{EN: "the country", FR: "le pays", DE: "das Land", NL: "het land"}
	nounLegalName      = Msg{EN: "the legal name", FR: "la dénomination officielle", DE: "der offizielle Name", NL: "de officiële naam"}
	nounTradeName      = Msg{EN: "the trade name", FR: "le nom commercial", DE: "der Handelsname", NL: "de handelsnaam"}
	nounTown           = Msg{EN: "the town", FR: "la ville", DE: "der Ort", NL: "de plaats"}
	nounPostcode       = Msg{EN: "the postcode", FR: "le code postal", DE: "die Postleitzahl", NL: "de postcode"}
	nounAddressLine    = Msg{EN: "an address line", FR: "une ligne d'adresse", DE: "eine Adresszeile", NL: "een adresregel"}
	nounDescription    = Msg{EN: "a description", FR: "une description", DE: "eine Beschreibung", NL: "een beschrijving"}
	nounWebsiteAddress = Msg{EN: "the website address", FR: "l'adresse du site web", DE: "die Adresse der Website",
		NL: "het adres van de website"}
)

// msgRequired and msgTooLong take a noun (%[1]s, a Msg) and, for
// msgTooLong, a maximum (%[2]d). French "obligatoire" and "ne doit pas
// dépasser" agree with nouns of either gender.
var (
	msgRequired = Msg{EN: "%s is required", FR: "%s est obligatoire", DE: "%s ist erforderlich", NL: "%s is verplicht"}
	msgTooLong  = Msg{
		EN: "%s must be at most %d characters",
		FR: "%s ne doit pas dépasser %d caractères",
		DE: "%s darf höchstens %d Zeichen lang sein",
		NL: "%s mag hoogstens %d tekens lang zijn",
	}
)

func checkRunes(ve *ValidationError, field, s string, lo, hi int, what Msg) {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0 && lo > 0:
		ve.AddLocalized(field, "required", msgRequired.With(what))
	case n > hi:
		ve.AddLocalized(field, "too_long", msgTooLong.With(what, hi))
	}
}

// normalizePostcode checks a postcode against the country's format; a
// Luxembourg postcode is stored with its customary "L-" prefix.
func normalizePostcode(ve *ValidationError, country, pc string) string {
	pc = strings.ToUpper(strings.Join(strings.Fields(pc), " "))
	if pc == "" {
		ve.AddLocalized("body.postcode", "required", msgRequired.With(nounPostcode))
		return ""
	}
	if country == "LU" {
		pc = "L-" + strings.TrimLeft(strings.TrimPrefix(pc, "L"), "- ")
	}
	if rule, ok := postcodeRules[country]; ok {
		if !rule.re.MatchString(pc) {
			ve.AddLocalized("body.postcode", "invalid", Msg{
				EN: "%q is not a postcode of %s (e.g. %s)",
				FR: "%q n'est pas un code postal valide (pays : %s, p. ex. %s)",
				DE: "%q ist keine gültige Postleitzahl (Land: %s, z. B. %s)",
				NL: "%q is geen geldige postcode (land: %s, bv. %s)",
			}.With(pc, country, rule.example))
		}
		return pc
	}
	if !postcodeOther.MatchString(pc) {
		ve.AddLocalized("body.postcode", "invalid", Msg{
			EN: "a postcode has 2 to 12 letters, digits, spaces or dashes",
			FR: "un code postal compte de 2 à 12 lettres, chiffres, espaces ou tirets",
			DE: "eine Postleitzahl besteht aus 2 bis 12 Buchstaben, Ziffern, Leerzeichen oder Bindestrichen",
			NL: "een postcode bestaat uit 2 tot 12 letters, cijfers, spaties of streepjes",
		}.With())
	}
	return pc
}

// normalizeWebsite accepts "example.org" as "https://example.org": people
// rarely type the scheme.
func normalizeWebsite(ve *ValidationError, raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https"):
		ve.AddLocalized("body.website", "invalid", Msg{
			EN: "the website must be an http or https address, e.g. https://example.org",
			FR: "le site web doit être une adresse http ou https, p. ex. https://example.org",
			DE: "die Website muss eine http- oder https-Adresse sein, z. B. https://example.org",
			NL: "de website moet een http- of https-adres zijn, bv. https://example.org",
		}.With())
	case u.User != nil:
		ve.AddLocalized("body.website", "invalid", Msg{
			EN: "the website address must not contain a user name or password",
			FR: "l'adresse du site web ne doit contenir ni nom d'utilisateur ni mot de passe",
			DE: "die Adresse der Website darf weder Benutzername noch Passwort enthalten",
			NL: "het adres van de website mag geen gebruikersnaam of wachtwoord bevatten",
		}.With())
	case !strings.Contains(strings.Trim(u.Hostname(), "."), ".") || strings.ContainsAny(u.Hostname(), " _"):
		ve.AddLocalized("body.website", "invalid", Msg{
			EN: "the website address must name a public host, e.g. https://example.org",
			FR: "l'adresse du site web doit désigner un domaine public, p. ex. https://example.org",
			DE: "die Adresse der Website muss eine öffentliche Domain nennen, z. B. https://example.org",
			NL: "het adres van de website moet een openbaar domein bevatten, bv. https://example.org",
		}.With())
	case len(raw) > maxWebsiteLength:
		ve.AddLocalized("body.website", "too_long", msgTooLong.With(nounWebsiteAddress, maxWebsiteLength))
	default:
		u.Scheme = strings.ToLower(u.Scheme)
		u.Host = strings.ToLower(u.Host)
		return u.String()
	}
	return raw
}

// normalizePhone accepts national and international numbers with the
// usual separators; it keeps the user's grouping, spaces collapsed.
func normalizePhone(ve *ValidationError, raw string) string {
	p := strings.Join(strings.Fields(raw), " ")
	if p == "" {
		return ""
	}
	digits := 0
	for i, r := range p {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, strings.ContainsRune(" .-()/", r):
		default:
			ve.AddLocalized("body.phone", "invalid", Msg{
				EN: "a phone number holds digits, an optional leading +, spaces, dots, dashes, slashes or parentheses",
				FR: "un numéro de téléphone ne contient que des chiffres, un + initial facultatif, des espaces, des points, des tirets, des barres obliques ou des parenthèses",
				DE: "eine Telefonnummer besteht aus Ziffern, einem optionalen + am Anfang, Leerzeichen, Punkten, Bindestrichen, Schrägstrichen oder Klammern",
				NL: "een telefoonnummer bestaat uit cijfers, een optionele + vooraan, spaties, punten, streepjes, schuine strepen of haakjes",
			}.With())
			return p
		}
	}
	if digits < minPhoneDigits || digits > maxPhoneDigits {
		ve.AddLocalized("body.phone", "invalid", Msg{
			EN: "a phone number has %d to %d digits",
			FR: "un numéro de téléphone compte de %d à %d chiffres",
			DE: "eine Telefonnummer hat %d bis %d Ziffern",
			NL: "een telefoonnummer heeft %d tot %d cijfers",
		}.With(minPhoneDigits, maxPhoneDigits))
	}
	return p
}

func normalizeLanguages(ve *ValidationError, in []string) []string {
	out := make([]string, 0, len(in))
	for i, l := range in {
		l = strings.ToLower(strings.TrimSpace(l))
		switch {
		case !IsISO639_1(l):
			ve.AddLocalized(fmt.Sprintf("body.languages[%d]", i), "unknown_language", Msg{
				EN: "%q is not an ISO 639-1 language code (e.g. fr, de, lb)",
				FR: "%q n'est pas un code de langue ISO 639-1 (p. ex. fr, de, lb)",
				DE: "%q ist kein Sprachcode nach ISO 639-1 (z. B. fr, de, lb)",
				NL: "%q is geen taalcode volgens ISO 639-1 (bv. fr, de, lb)",
			}.With(l))
		case !slices.Contains(out, l):
			out = append(out, l)
		}
	}
	if len(out) > maxSpokenLanguages {
		ve.AddLocalized("body.languages", "too_many", Msg{
			EN: "at most %d languages",
			FR: "%d langues au maximum",
			DE: "höchstens %d Sprachen",
			NL: "hoogstens %d talen",
		}.With(maxSpokenLanguages))
	}
	return out
}

func normalizeDescriptions(ve *ValidationError, in []LocalizedText) []LocalizedText {
	if len(in) > maxDescriptions {
		ve.AddLocalized("body.descriptions", "too_many", Msg{
			EN: "at most %d descriptions",
			FR: "%d descriptions au maximum",
			DE: "höchstens %d Beschreibungen",
			NL: "hoogstens %d beschrijvingen",
		}.With(maxDescriptions))
	}
	out := make([]LocalizedText, 0, len(in))
	seen := map[string]bool{}
	for i, d := range in {
		d.Lang = strings.ToLower(strings.TrimSpace(d.Lang))
		d.Text = strings.TrimSpace(d.Text)
		switch {
		case !IsISO639_1(d.Lang):
			ve.AddLocalized(fmt.Sprintf("body.descriptions[%d].lang", i), "unknown_language", Msg{
				EN: "%q is not an ISO 639-1 language code",
				FR: "%q n'est pas un code de langue ISO 639-1",
				DE: "%q ist kein Sprachcode nach ISO 639-1",
				NL: "%q is geen taalcode volgens ISO 639-1",
			}.With(d.Lang))
		case seen[d.Lang]:
			ve.AddLocalized(fmt.Sprintf("body.descriptions[%d].lang", i), "duplicate", Msg{
				EN: "one description per language",
				FR: "une seule description par langue",
				DE: "nur eine Beschreibung pro Sprache",
				NL: "slechts één beschrijving per taal",
			}.With())
		}
		seen[d.Lang] = true
		checkRunes(ve, fmt.Sprintf("body.descriptions[%d].text", i), d.Text, 1, maxDescriptionRunes, nounDescription)
		out = append(out, d)
	}
	return out
}

func normalizeIdentifiers(ve *ValidationError, country string, in []LegalIdentifier) []LegalIdentifier {
	if !IsEUCountry(country) {
		return in // the country is wrong: which identifiers fit is unknown
	}
	allowed := IdentifierKindsFor(country)
	out := make([]LegalIdentifier, 0, len(in))
	seen := map[legalid.Kind]bool{}
	for i, id := range in {
		field := fmt.Sprintf("body.identifiers[%d]", i)
		switch {
		case !slices.Contains(allowed, id.Kind):
			ve.AddLocalized(field+".kind", "kind_not_allowed", identifierKindsMessage(country, allowed))
			continue
		case seen[id.Kind]:
			ve.AddLocalized(field+".kind", "duplicate", Msg{
				EN: "one identifier of each kind",
				FR: "un seul identifiant de chaque type",
				DE: "nur eine Kennung je Art",
				NL: "slechts één identificatienummer per type",
			}.With())
			continue
		}
		seen[id.Kind] = true
		var lerr *legalid.Error
		if err := legalid.Validate(id.Kind, id.Value); errors.As(err, &lerr) {
			msgs := make(map[Language]string, len(Languages))
			for _, l := range Languages {
				msgs[l] = lerr.Localized(string(l))
			}
			ve.AddLocalized(field+".value", lerr.Code, msgs)
			continue
		}
		out = append(out, LegalIdentifier{Kind: id.Kind, Value: legalid.Normalize(id.Kind, id.Value)})
	}
	return out
}

func identifierKindsMessage(country string, allowed []legalid.Kind) map[Language]string {
	if len(allowed) == 0 {
		return Msg{
			EN: "organisations of %s register no legal identifier here",
			FR: "aucun identifiant légal ne peut être enregistré ici pour une organisation de ce pays (%s)",
			DE: "für Organisationen aus diesem Land (%s) kann hier keine rechtliche Kennung erfasst werden",
			NL: "voor organisaties uit dit land (%s) kan hier geen wettelijk identificatienummer worden geregistreerd",
		}.With(country)
	}
	names := make([]string, len(allowed))
	for i, k := range allowed {
		names[i] = string(k)
	}
	return Msg{
		EN: "an organisation of %s may register: %s",
		FR: "une organisation de ce pays (%s) peut enregistrer : %s",
		DE: "eine Organisation aus diesem Land (%s) kann Folgendes erfassen: %s",
		NL: "een organisatie uit dit land (%s) kan het volgende registreren: %s",
	}.With(country, strings.Join(names, ", "))
}
