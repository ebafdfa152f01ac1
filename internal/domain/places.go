package domain

import (
	"slices"
	"strings"
)

// EUCountries are the ISO 3166-1 alpha-2 codes of the 27 EU member states,
// where organisations may be registered. Greece is GR here (EL is its code
// in EU documents and in NUTS).
var EUCountries = []string{
	"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
	"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}

// GrandeRegionCountries are the countries of the Grande Région, whose
// organisations must name their NUTS 3 region and whose legal identifiers
// are checked.
var GrandeRegionCountries = []string{"FR", "DE", "BE", "LU"}

// IsEUCountry reports whether code is an EU member state's code (upper case).
func IsEUCountry(code string) bool { return slices.Contains(EUCountries, code) }

// IsGrandeRegionCountry reports whether code is FR, DE, BE or LU.
func IsGrandeRegionCountry(code string) bool { return slices.Contains(GrandeRegionCountries, code) }

// NUTSRegion is one region of Eurostat's NUTS classification.
type NUTSRegion struct {
	Code  string // e.g. "FRF33"
	Level int    // 0 (country) to 3
	// Name is the region's name in its own language, as Eurostat publishes it.
	Name    string
	Country string
	Parent  string // "" at level 0
	// Retired codes are no longer part of the current classification.
	Retired bool
}

// ExtraRegio reports whether r is an "Extra-Regio" region (codes ending in
// Z: territory outside any region, such as embassies), where no
// organisation can be.
func (r NUTSRegion) ExtraRegio() bool {
	return len(r.Code) > 2 && strings.HasSuffix(r.Code, "Z")
}

// Assignable reports whether an organisation may name r as its region: a
// current level-3 region that is not Extra-Regio.
func (r NUTSRegion) Assignable() bool {
	return r.Level == 3 && !r.Retired && !r.ExtraRegio()
}

// iso639_1 holds the two-letter language codes of ISO 639-1.
var iso639_1 = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`
		aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
		da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
		hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
		la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
		oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
		st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
		za zh zu`) {
		m[c] = true
	}
	return m
}()

// IsISO639_1 reports whether code is a two-letter ISO 639-1 language code
// (lower case).
func IsISO639_1(code string) bool { return iso639_1[code] }
