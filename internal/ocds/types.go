package ocds

// Version is the OCDS version of every package.
const Version = "1.1"

// The extensions the packages use, by the URL of their extension.json.
const (
	LotsExtension              = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json"
	OtherRequirementsExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_otherRequirements_extension/master/extension.json"
	PaginationExtension        = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/master/extension.json"
)

// License is the licence of the published data: Creative Commons
// Attribution 4.0 International, which reusers in four countries know and
// which the Open Definition lists as conformant.
const License = "https://creativecommons.org/licenses/by/4.0/"

// Package is a release package.
type Package struct {
	URI               string    `json:"uri" doc:"The URI of this package" example:"https://passerelle.example/api/v1/ocds/releases"`
	Version           string    `json:"version" doc:"OCDS version" example:"1.1"`
	Extensions        []string  `json:"extensions" doc:"URLs of the OCDS extensions used"`
	PublishedDate     string    `json:"publishedDate" doc:"Date of the latest release in the package (RFC 3339)" example:"2026-11-20T09:00:00Z"`
	Publisher         Publisher `json:"publisher"`
	License           string    `json:"license" doc:"Licence of the data" example:"https://creativecommons.org/licenses/by/4.0/"`
	PublicationPolicy string    `json:"publicationPolicy,omitempty" doc:"Where the publication policy is described"`
	Releases          []Release `json:"releases"`
	Links             *Links    `json:"links,omitempty" doc:"Pagination (the pagination extension): next is absent on the last page"`
}

// Publisher names who publishes the package.
type Publisher struct {
	Name string `json:"name" example:"Passerelle"`
	URI  string `json:"uri,omitempty" example:"https://passerelle.example"`
}

// Links are a paginated package's links (the pagination extension).
type Links struct {
	Next string `json:"next,omitempty" doc:"URL of the next page of releases"`
}

// Release is the state of one contracting process (one tender).
type Release struct {
	OCID           string           `json:"ocid" doc:"The contracting process's identifier: the publisher's prefix and the tender's id" example:"ocds-passerelle-5f0c…"`
	ID             string           `json:"id" doc:"This release's identifier, unique within the ocid"`
	Date           string           `json:"date" doc:"Release date (RFC 3339)"`
	Tag            []string         `json:"tag" doc:"tender, and award once an outcome is recorded" example:"[\"tender\"]"`
	InitiationType string           `json:"initiationType" example:"tender"`
	Language       string           `json:"language,omitempty" doc:"ISO 639-1 language of the texts" example:"fr"`
	Parties        []Party          `json:"parties,omitempty"`
	Buyer          *OrganizationRef `json:"buyer,omitempty" doc:"Absent when the buyer chose to stay anonymous"`
	Tender         Tender           `json:"tender"`
	Awards         []Award          `json:"awards,omitempty"`
}

// OrganizationRef points to a party.
type OrganizationRef struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// Party is an organisation involved in the process.
type Party struct {
	ID                    string       `json:"id"`
	Name                  string       `json:"name"`
	Identifier            *Identifier  `json:"identifier,omitempty"`
	AdditionalIdentifiers []Identifier `json:"additionalIdentifiers,omitempty"`
	Address               *Address     `json:"address,omitempty"`
	Roles                 []string     `json:"roles" example:"[\"buyer\"]"`
}

// Identifier is a legal identifier of an organisation.
type Identifier struct {
	Scheme    string `json:"scheme" doc:"org-id.guide list code" example:"FR-SIRET"`
	ID        string `json:"id" example:"13002526500013"`
	LegalName string `json:"legalName,omitempty"`
}

// Address is where an organisation is.
type Address struct {
	Locality    string `json:"locality,omitempty"`
	PostalCode  string `json:"postalCode,omitempty"`
	CountryName string `json:"countryName,omitempty"`
}

// Period is a span of time; either end may be absent.
type Period struct {
	StartDate string `json:"startDate,omitempty"`
	EndDate   string `json:"endDate,omitempty"`
}

// Value is an amount of money.
type Value struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency" example:"EUR"`
}

// Classification is a code of a classification scheme (CPV here).
type Classification struct {
	Scheme string `json:"scheme" example:"CPV"`
	ID     string `json:"id" example:"90911200"`
}

// Item is what a lot buys, by CPV code.
type Item struct {
	ID             string          `json:"id"`
	Classification *Classification `json:"classification,omitempty"`
	RelatedLot     string          `json:"relatedLot,omitempty"`
}

// Tender is the tender section of a release.
type Tender struct {
	ID                       string   `json:"id"`
	Title                    string   `json:"title,omitempty"`
	Description              string   `json:"description,omitempty" doc:"Markdown"`
	Status                   string   `json:"status" doc:"active, complete or unsuccessful" example:"active"`
	ProcurementMethod        string   `json:"procurementMethod,omitempty" example:"open"`
	ProcurementMethodDetails string   `json:"procurementMethodDetails,omitempty" doc:"formal_tender, quote_request or sourcing" example:"formal_tender"`
	TenderPeriod             *Period  `json:"tenderPeriod,omitempty" doc:"From publication to the responses deadline"`
	EnquiryPeriod            *Period  `json:"enquiryPeriod,omitempty" doc:"Until the questions deadline"`
	SubmissionMethod         []string `json:"submissionMethod,omitempty" example:"[\"electronicSubmission\"]"`
	Items                    []Item   `json:"items,omitempty"`
	Lots                     []Lot    `json:"lots,omitempty"`
	PlaceOfPerformance       *Place   `json:"passerelle:placeOfPerformance,omitempty" doc:"Own field: the NUTS code and town of performance"`
}

// Place is where a tender is performed.
type Place struct {
	NUTS string `json:"nuts" example:"FRF33"`
	Town string `json:"town" example:"Metz"`
}

// Lot is a lot of a tender (the lots extension).
type Lot struct {
	ID                string             `json:"id"`
	Title             string             `json:"title,omitempty"`
	Description       string             `json:"description,omitempty"`
	Status            string             `json:"status,omitempty"`
	OtherRequirements *OtherRequirements `json:"otherRequirements,omitempty"`
	Clauses           Clauses            `json:"passerelle:clauses"`
}

// OtherRequirements are the otherRequirements extension's fields.
type OtherRequirements struct {
	// ReservedParticipation is eForms BT-71 in the OCDS codelist:
	// shelteredWorkshop (res-ws), publicServiceMissionOrganization (res-pub-ser).
	ReservedParticipation []string `json:"reservedParticipation,omitempty" example:"[\"shelteredWorkshop\"]"`
}

// Clauses are a lot's social and environmental clauses as eForms codes
// (own field, "passerelle:clauses"): the codes of the eForms SDK code
// lists, named by their business term.
type Clauses struct {
	ReservedParticipation string      `json:"BT-71" doc:"eForms BT-71: none, res-ws, res-pub-ser" example:"res-ws"`
	LegalBases            []string    `json:"legalBases,omitempty" doc:"National or Directive legal bases of the reservation" example:"[\"FR_L2113_12\"]"`
	ReservedExecution     string      `json:"BT-736" doc:"eForms BT-736: yes, no, not-known" example:"no"`
	StrategicProcurement  []string    `json:"BT-06" doc:"eForms BT-06: env-imp, inn-pur, soc-obj, none" example:"[\"soc-obj\"]"`
	StrategicDescription  string      `json:"BT-777,omitempty" doc:"eForms BT-777"`
	SocialObjectives      []string    `json:"BT-775,omitempty" doc:"eForms BT-775" example:"[\"opp\"]"`
	GreenObjectives       []string    `json:"BT-774,omitempty" doc:"eForms BT-774" example:"[\"circ-econ\"]"`
	Accessibility         string      `json:"BT-754" doc:"eForms BT-754: inc, n-inc, n-inc-just" example:"inc"`
	ExecutionConditions   string      `json:"BT-70,omitempty" doc:"eForms BT-70, Markdown"`
	Insertion             *Insertion  `json:"insertion,omitempty" doc:"Structured insertion clause (part of BT-70)"`
	AwardCriteria         []Criterion `json:"awardCriteria,omitempty"`
}

// Insertion is the structured part of an insertion clause, without its
// facilitator's contact details (personal data).
type Insertion struct {
	Hours          *int     `json:"hours,omitempty"`
	LabourShare    *float64 `json:"labourShare,omitempty" doc:"Percent of the labour hours"`
	EligibleGroups []string `json:"eligibleGroups"`
	Means          []string `json:"means"`
}

// Criterion is an award criterion (eForms BT-539, BT-734, BT-540,
// BT-5421, BT-541) with Passerelle's social flag.
type Criterion struct {
	Type        string  `json:"BT-539" example:"quality"`
	Name        string  `json:"BT-734"`
	Description string  `json:"BT-540,omitempty"`
	WeightType  string  `json:"BT-5421" example:"per-exa"`
	Weight      float64 `json:"BT-541" example:"20"`
	Social      bool    `json:"social" doc:"Rewards social performance"`
}

// Award is the outcome of one lot.
type Award struct {
	ID          string            `json:"id"`
	Status      string            `json:"status" doc:"active (awarded) or unsuccessful" example:"active"`
	Date        string            `json:"date,omitempty"`
	Value       *Value            `json:"value,omitempty" doc:"The recorded amount"`
	Suppliers   []OrganizationRef `json:"suppliers,omitempty" doc:"The winner, when found on Passerelle"`
	RelatedLots []string          `json:"relatedLots"`
}
