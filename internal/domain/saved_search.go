package domain

import (
	"strings"
	"time"
)

// SavedSearch is a user's named search: any query of the search API,
// kept as its query string, with an optional daily alert of the listings
// published since the last one.
type SavedSearch struct {
	ID     string
	UserID string
	// OrganisationID is the organisation eligible=true acts for (the
	// user's active one when saving); empty when the query does not
	// filter on eligibility.
	OrganisationID string
	Name           string
	// Query is the query string of GET /api/v1/search, without "?".
	Query string
	// Lang is the language hits are shown in when a listing has several.
	Lang      Language
	Alerts    bool
	CreatedAt time.Time
	UpdatedAt time.Time
	// LastAlertAt ends the publication window the last alert covered.
	LastAlertAt time.Time
}

// Limits of saved searches.
const (
	// MaxSavedSearchName bounds a name, in characters.
	MaxSavedSearchName = 120
	// MaxSavedSearchQuery bounds a query string, in bytes: as long as a
	// URL every browser and proxy passes on.
	MaxSavedSearchQuery = 2000
	// MaxSavedSearchesPerUser bounds a user's saved searches: each costs a
	// search a day for its alert.
	MaxSavedSearchesPerUser = 50
)

// NormalizeSavedSearchName trims a name and folds its inner spaces.
func NormalizeSavedSearchName(name string) string { return strings.Join(strings.Fields(name), " ") }

// ValidateSavedSearchName checks a name on field body.name.
func ValidateSavedSearchName(ve *ValidationError, name string) {
	requiredText(ve, "body.name", name, MaxSavedSearchName)
}
