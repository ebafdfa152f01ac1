package search

import (
	"fmt"
	"strings"
	"time"

	"passerelle/internal/domain"
)

// Kind is the kind of listing a document describes.
type Kind string

// The kinds of documents in the search index.
const (
	KindOffer    Kind = "offer"
	KindTender   Kind = "tender"
	KindSupplier Kind = "supplier"
)

// Kinds lists every kind, in a stable order.
var Kinds = []Kind{KindOffer, KindTender, KindSupplier}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	switch k {
	case KindOffer, KindTender, KindSupplier:
		return true
	}
	return false
}

// GeoPoint is a WGS84 position in decimal degrees.
type GeoPoint struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Valid reports whether p lies within the WGS84 ranges.
func (p GeoPoint) Valid() bool {
	return p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180
}

// Text is the searchable text of a document in one language. A listing
// written in one language has one entry; translations add more.
type Text struct {
	Title       string
	Description string
}

// Document is what an engine indexes for one offer, tender or supplier. It is
// flat and denormalised on purpose: filters must not need a join, and every
// engine must be able to store it as it is. Hierarchical codes carry their
// ancestors (see NUTSAncestors and CPVAncestors) so that a filter on a code
// matches every document under it with a plain equality, which is what
// Meilisearch filters can express.
type Document struct {
	// ID identifies the document within its index; ids of offers, tenders
	// and organisations are UUIDs, so they never collide across kinds.
	// Only A-Z a-z 0-9 - _ are allowed (Meilisearch's rule, kept by
	// every engine).
	ID   string
	Kind Kind
	// OrganisationID is the organisation that owns the listing (for a
	// supplier document, the supplier itself).
	OrganisationID string
	// Country is the ISO 3166-1 alpha-2 code of the listing's country.
	Country string
	// NUTS holds the listing's NUTS codes with all their ancestors.
	NUTS []string
	// Sectors holds the sector catalogue codes of the listing.
	Sectors []string
	// CPV holds the listing's CPV codes (8 digits, no check digit) with
	// all their ancestors.
	CPV []string
	// StatusTypes holds the verified SSE status types of the organisation
	// (core.VerifiedStatuses is the only source of them).
	StatusTypes []string
	// ReservedBases holds the legal bases under which (a lot of) the
	// listing is reserved; empty when nothing is reserved.
	ReservedBases []string
	// Deadline is a tender's submission deadline; nil for others.
	Deadline *time.Time
	// PublishedAt is when the listing was published (for a supplier, when
	// its profile became public).
	PublishedAt time.Time
	// AcceptsCrossBorder says whether the listing is open to (or its
	// supplier offers) work across borders.
	AcceptsCrossBorder bool
	// Geo is the listing's position, nil when unknown.
	Geo *GeoPoint
	// Text holds the title and description per language.
	Text map[domain.Language]Text
	// Concepts holds, per language, the labels of the listing's concepts
	// (sectors, CPV codes and their ancestors), so that a query in any
	// language meets a listing written in another one.
	Concepts map[domain.Language][]string
}

// Limits on documents, so that one listing cannot bloat the index.
const (
	MaxTitleLen       = 500
	MaxDescriptionLen = 20000
	MaxCodes          = 200
	MaxConceptLabels  = 500
)

// Validate reports the first reason d cannot be indexed. Documents are built
// by code from stored rows, so a failure is a programming error, not user
// input: it is a plain error, not a localized ValidationError.
func (d Document) Validate() error {
	switch {
	case !validID(d.ID):
		return fmt.Errorf("%w: id %q must be 1 to 511 characters among A-Z a-z 0-9 - _", ErrInvalidDocument, d.ID)
	case !d.Kind.Valid():
		return fmt.Errorf("%w %s: unknown kind %q", ErrInvalidDocument, d.ID, d.Kind)
	case d.Geo != nil && !d.Geo.Valid():
		return fmt.Errorf("%w %s: geo point out of range", ErrInvalidDocument, d.ID)
	case len(d.NUTS) > MaxCodes || len(d.CPV) > MaxCodes || len(d.Sectors) > MaxCodes ||
		len(d.StatusTypes) > MaxCodes || len(d.ReservedBases) > MaxCodes:
		return fmt.Errorf("%w %s: too many codes", ErrInvalidDocument, d.ID)
	}
	for lang, t := range d.Text {
		if !lang.Valid() {
			return fmt.Errorf("%w %s: unknown language %q", ErrInvalidDocument, d.ID, lang)
		}
		if len(t.Title) > MaxTitleLen || len(t.Description) > MaxDescriptionLen {
			return fmt.Errorf("%w %s: text too long in %s", ErrInvalidDocument, d.ID, lang)
		}
	}
	for lang, labels := range d.Concepts {
		if !lang.Valid() {
			return fmt.Errorf("%w %s: unknown concept language %q", ErrInvalidDocument, d.ID, lang)
		}
		if len(labels) > MaxConceptLabels {
			return fmt.Errorf("%w %s: too many concept labels in %s", ErrInvalidDocument, d.ID, lang)
		}
	}
	return nil
}

// validID accepts what every engine accepts as a document id (Meilisearch
// is the strictest); UUIDs qualify.
func validID(id string) bool {
	if id == "" || len(id) > 511 {
		return false
	}
	for _, c := range id {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// NUTSAncestors returns code preceded by its ancestors, from the country
// down: "FRF11" gives FR, FRF, FRF1, FRF11. NUTS codes grow by one character
// per level after the two-letter country code.
func NUTSAncestors(code string) []string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) < 2 {
		return nil
	}
	out := make([]string, 0, len(code)-1)
	for n := 2; n <= len(code); n++ {
		out = append(out, code[:n])
	}
	return out
}

// CPVAncestors returns the CPV code (8 digits; a check digit suffix such as
// "-2" is dropped) preceded by its ancestors: "45214200" gives 45000000,
// 45200000, 45210000, 45214000, 45214200. A CPV code's level is the number of
// significant digits, the division being the first two.
func CPVAncestors(code string) []string {
	code, _, _ = strings.Cut(strings.TrimSpace(code), "-")
	if len(code) != 8 {
		return nil
	}
	significant := len(strings.TrimRight(code, "0"))
	if significant < 2 {
		significant = 2
	}
	var out []string
	for n := 2; n <= significant; n++ {
		a := code[:n] + strings.Repeat("0", 8-n)
		if len(out) == 0 || out[len(out)-1] != a {
			out = append(out, a)
		}
	}
	return out
}
