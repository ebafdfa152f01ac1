// Package legalid validates and normalizes the legal identifiers of
// organisations in the countries Passerelle serves (France, Germany, Belgium,
// Luxembourg), using each scheme's real check algorithm where it has one.
//
// It imports nothing but the standard library, like the rest of the domain.
package legalid

import "strings"

// Kind names an identifier scheme.
type Kind string

// The identifier schemes.
const (
	// FRSIRET is the French establishment number: 14 digits, Luhn, with the
	// La Poste exception.
	FRSIRET Kind = "fr_siret"
	// FRSIREN is the French company number: 9 digits, Luhn.
	FRSIREN Kind = "fr_siren"
	// FRVAT is the French VAT number: FR, a 2-character key, then the SIREN.
	FRVAT Kind = "fr_vat"
	// BEEnterprise is the Belgian enterprise number (BCE/KBO): 10 digits, mod 97.
	BEEnterprise Kind = "be_enterprise"
	// BEVAT is the Belgian VAT number: BE then the enterprise number.
	BEVAT Kind = "be_vat"
	// LURCS is the Luxembourg trade and companies register number: a section
	// letter then digits, without a check digit.
	LURCS Kind = "lu_rcs"
	// LUVAT is the Luxembourg VAT number: LU then 8 digits, mod 89.
	LUVAT Kind = "lu_vat"
	// DEVAT is the German VAT number (USt-IdNr.): DE then 9 digits, ISO 7064 MOD 11,10.
	DEVAT Kind = "de_vat"
	// DEHandelsregister is a German register entry: register court, register
	// type (HRA, HRB, GnR, PR, VR) and number.
	DEHandelsregister Kind = "de_hr"
)

// Kinds lists every identifier scheme, grouped by country.
func Kinds() []Kind {
	return []Kind{FRSIRET, FRSIREN, FRVAT, BEEnterprise, BEVAT, LURCS, LUVAT, DEVAT, DEHandelsregister}
}

// Valid reports whether k is a known scheme.
func (k Kind) Valid() bool {
	switch k {
	case FRSIRET, FRSIREN, FRVAT, BEEnterprise, BEVAT, LURCS, LUVAT, DEVAT, DEHandelsregister:
		return true
	}
	return false
}

// KindsFor lists the identifier kinds relevant for a country code (FR, DE,
// BE, LU, case-insensitive), the one organisations are usually asked for
// first. Other countries have no mandatory kind here, so the list is empty.
func KindsFor(country string) []Kind {
	switch strings.ToUpper(strings.TrimSpace(country)) {
	case "FR":
		return []Kind{FRSIRET, FRSIREN, FRVAT}
	case "DE":
		return []Kind{DEHandelsregister, DEVAT}
	case "BE":
		return []Kind{BEEnterprise, BEVAT}
	case "LU":
		return []Kind{LURCS, LUVAT}
	}
	return nil
}
