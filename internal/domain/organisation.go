package domain

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

// Organisation is a company, public body or the cluster itself.
type Organisation struct {
	ID        string
	Kind      OrganisationKind
	Country   string
	LegalName string
	TradeName string
	Status    string
}
