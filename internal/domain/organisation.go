package domain

import (
	"time"

	"passerelle/internal/domain/legalid"
)

// OrganisationKind says what an organisation is on the marketplace.
type OrganisationKind string

// The organisation kinds.
const (
	OrgSSESupplier  OrganisationKind = "sse_supplier"
	OrgPublicBuyer  OrganisationKind = "public_buyer"
	OrgPrivateBuyer OrganisationKind = "private_buyer"
	OrgCluster      OrganisationKind = "cluster"
)

// Valid reports whether k is a known kind.
func (k OrganisationKind) Valid() bool {
	switch k {
	case OrgSSESupplier, OrgPublicBuyer, OrgPrivateBuyer, OrgCluster:
		return true
	}
	return false
}

// MembershipRole is a user's role inside an organisation.
type MembershipRole string

// The membership roles.
const (
	RoleOwner  MembershipRole = "owner"
	RoleMember MembershipRole = "member"
)

// PlatformRole is a user's role on the whole platform.
type PlatformRole string

// The platform roles.
const (
	PlatformUser      PlatformRole = "user"
	PlatformModerator PlatformRole = "moderator"
	PlatformAdmin     PlatformRole = "admin"
)

// Language is one of the languages the product is written in.
type Language string

// The supported languages.
const (
	LangFR Language = "fr"
	LangDE Language = "de"
	LangEN Language = "en"
	LangNL Language = "nl"
)

// Languages lists the supported languages, the fallback (English) first.
var Languages = []Language{LangEN, LangFR, LangDE, LangNL}

// Valid reports whether l is a supported language.
func (l Language) Valid() bool {
	switch l {
	case LangFR, LangDE, LangEN, LangNL:
		return true
	}
	return false
}

// Organisation is a company, public body or the cluster itself, with its
// public profile. Optional fields are empty (or nil) when not given.
type Organisation struct {
	ID        string
	Kind      OrganisationKind
	Country   string // ISO 3166-1 alpha-2 code of an EU member state
	LegalName string
	TradeName string
	Status    string // "active" or "suspended"

	// StreetLines are the address lines before the postcode and town (at most 3).
	StreetLines []string
	Postcode    string
	Town        string
	// NUTS3 is the code of the organisation's NUTS 3 region (e.g. "FRF33").
	NUTS3 string
	// Location is where the organisation is, when it said so.
	Location *GeoPoint
	Website  string // absolute http(s) URL
	Phone    string
	// Languages are the ISO 639-1 codes of the languages it works in.
	Languages []string
	// Descriptions are what it says about itself, at most one per language.
	Descriptions []LocalizedText
	// Identifiers are its legal identifiers, in canonical form, at most one per kind.
	Identifiers []LegalIdentifier
	// LogoDocumentID is the document shown as its logo, if any.
	LogoDocumentID string

	CreatedAt, UpdatedAt time.Time
}

// OrganisationStatus values.
const (
	OrgActive    = "active"
	OrgSuspended = "suspended"
)

// GeoPoint is a WGS 84 position in decimal degrees.
type GeoPoint struct {
	Latitude, Longitude float64
}

// LocalizedText is a text someone wrote, tagged with its language (an
// ISO 639-1 code).
type LocalizedText struct {
	Lang string
	Text string
}

// LegalIdentifier is one registration number of an organisation.
type LegalIdentifier struct {
	Kind  legalid.Kind
	Value string
}

// MemberOrganisation is an organisation seen by one of its members, with
// their role there.
type MemberOrganisation struct {
	Organisation Organisation
	Role         MembershipRole
}
