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
		ve.Add("body.kind", "invalid", "kind must be sse_supplier, public_buyer, private_buyer or cluster")
	}
	switch {
	case o.Country == "":
		ve.Add("body.country", "required", "the country is required")
	case !IsEUCountry(o.Country):
		ve.Add("body.country", "not_eu", fmt.Sprintf("%q is not the code of an EU member state (e.g. FR, DE, BE, LU)", o.Country))
	}
	checkRunes(ve, "body.legal_name", o.LegalName, 1, maxNameRunes, "the legal name")
	checkRunes(ve, "body.trade_name", o.TradeName, 0, maxNameRunes, "the trade name")
	checkRunes(ve, "body.town", o.Town, 1, maxTownRunes, "the town")

	lines := make([]string, 0, len(o.StreetLines))
	for _, l := range o.StreetLines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	o.StreetLines = lines
	if len(lines) > maxStreetLines {
		ve.Add("body.street_lines", "too_many", fmt.Sprintf("at most %d address lines", maxStreetLines))
	}
	for i, l := range lines {
		checkRunes(ve, fmt.Sprintf("body.street_lines[%d]", i), l, 1, maxStreetLineRunes, "an address line")
	}

	o.Postcode = normalizePostcode(ve, o.Country, o.Postcode)

	if p := o.Location; p != nil {
		if math.IsNaN(p.Latitude) || p.Latitude < -90 || p.Latitude > 90 {
			ve.Add("body.latitude", "out_of_range", "the latitude must be between -90 and 90")
		}
		if math.IsNaN(p.Longitude) || p.Longitude < -180 || p.Longitude > 180 {
			ve.Add("body.longitude", "out_of_range", "the longitude must be between -180 and 180")
		}
	}

	o.Website = normalizeWebsite(ve, o.Website)
	o.Phone = normalizePhone(ve, o.Phone)
	o.Languages = normalizeLanguages(ve, o.Languages)
	o.Descriptions = normalizeDescriptions(ve, o.Descriptions)
	o.Identifiers = normalizeIdentifiers(ve, o.Country, o.Identifiers)
	return o, ve
}

func checkRunes(ve *ValidationError, field, s string, lo, hi int, what string) {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0 && lo > 0:
		ve.Add(field, "required", what+" is required")
	case n > hi:
		ve.Add(field, "too_long", fmt.Sprintf("%s must be at most %d characters", what, hi))
	}
}

// normalizePostcode checks a postcode against the country's format; a
// Luxembourg postcode is stored with its customary "L-" prefix.
func normalizePostcode(ve *ValidationError, country, pc string) string {
	pc = strings.ToUpper(strings.Join(strings.Fields(pc), " "))
	if pc == "" {
		ve.Add("body.postcode", "required", "the postcode is required")
		return ""
	}
	if country == "LU" {
		pc = "L-" + strings.TrimLeft(strings.TrimPrefix(pc, "L"), "- ")
	}
	if rule, ok := postcodeRules[country]; ok {
		if !rule.re.MatchString(pc) {
			ve.Add("body.postcode", "invalid", fmt.Sprintf("%q is not a postcode of %s (e.g. %s)", pc, country, rule.example))
		}
		return pc
	}
	if !postcodeOther.MatchString(pc) {
		ve.Add("body.postcode", "invalid", "a postcode has 2 to 12 letters, digits, spaces or dashes")
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
		ve.Add("body.website", "invalid", "the website must be an http or https address, e.g. https://example.org")
	case u.User != nil:
		ve.Add("body.website", "invalid", "the website address must not contain a user name or password")
	case !strings.Contains(strings.Trim(u.Hostname(), "."), ".") || strings.ContainsAny(u.Hostname(), " _"):
		ve.Add("body.website", "invalid", "the website address must name a public host, e.g. https://example.org")
	case len(raw) > maxWebsiteLength:
		ve.Add("body.website", "too_long", fmt.Sprintf("the website address must be at most %d characters", maxWebsiteLength))
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
			ve.Add("body.phone", "invalid", "a phone number holds digits, an optional leading +, spaces, dots, dashes, slashes or parentheses")
			return p
		}
	}
	if digits < minPhoneDigits || digits > maxPhoneDigits {
		ve.Add("body.phone", "invalid", fmt.Sprintf("a phone number has %d to %d digits", minPhoneDigits, maxPhoneDigits))
	}
	return p
}

func normalizeLanguages(ve *ValidationError, in []string) []string {
	out := make([]string, 0, len(in))
	for i, l := range in {
		l = strings.ToLower(strings.TrimSpace(l))
		switch {
		case !IsISO639_1(l):
			ve.Add(fmt.Sprintf("body.languages[%d]", i), "unknown_language", fmt.Sprintf("%q is not an ISO 639-1 language code (e.g. fr, de, lb)", l))
		case !slices.Contains(out, l):
			out = append(out, l)
		}
	}
	if len(out) > maxSpokenLanguages {
		ve.Add("body.languages", "too_many", fmt.Sprintf("at most %d languages", maxSpokenLanguages))
	}
	return out
}

func normalizeDescriptions(ve *ValidationError, in []LocalizedText) []LocalizedText {
	if len(in) > maxDescriptions {
		ve.Add("body.descriptions", "too_many", fmt.Sprintf("at most %d descriptions", maxDescriptions))
	}
	out := make([]LocalizedText, 0, len(in))
	seen := map[string]bool{}
	for i, d := range in {
		d.Lang = strings.ToLower(strings.TrimSpace(d.Lang))
		d.Text = strings.TrimSpace(d.Text)
		switch {
		case !IsISO639_1(d.Lang):
			ve.Add(fmt.Sprintf("body.descriptions[%d].lang", i), "unknown_language", fmt.Sprintf("%q is not an ISO 639-1 language code", d.Lang))
		case seen[d.Lang]:
			ve.Add(fmt.Sprintf("body.descriptions[%d].lang", i), "duplicate", "one description per language")
		}
		seen[d.Lang] = true
		checkRunes(ve, fmt.Sprintf("body.descriptions[%d].text", i), d.Text, 1, maxDescriptionRunes, "a description")
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
			ve.Add(field+".kind", "kind_not_allowed", identifierKindsMessage(country, allowed))
			continue
		case seen[id.Kind]:
			ve.Add(field+".kind", "duplicate", "one identifier of each kind")
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

func identifierKindsMessage(country string, allowed []legalid.Kind) string {
	if len(allowed) == 0 {
		return "organisations of " + country + " register no legal identifier here"
	}
	names := make([]string, len(allowed))
	for i, k := range allowed {
		names[i] = string(k)
	}
	return "an organisation of " + country + " may register: " + strings.Join(names, ", ")
}
