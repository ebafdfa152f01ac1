package domain

import (
	"strings"
	"time"
)

// FavouriteList is a buyer's named list of supplier organisations.
type FavouriteList struct {
	ID             string
	OrganisationID string
	Name           string
	MemberCount    int
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Favourite is a supplier on a favourite list.
type Favourite struct {
	SupplierID string
	Name       string
	Country    string
	AddedAt    time.Time
}

// MaxFavouriteListNameLength bounds a list's name, in characters.
const MaxFavouriteListNameLength = 100

// NormalizeListName trims a list's name.
func NormalizeListName(name string) string { return strings.Join(strings.Fields(name), " ") }

// ValidateListName checks a list's name on field body.name.
func ValidateListName(name string) *ValidationError {
	ve := &ValidationError{}
	requiredText(ve, "body.name", name, MaxFavouriteListNameLength)
	return ve
}
