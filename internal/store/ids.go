package store

import (
	"github.com/google/uuid"

	"passerelle/internal/domain"
)

// NewID returns a fresh UUIDv7: time-ordered, so new rows land at the end of indexes.
func NewID() string { return uuid.Must(uuid.NewV7()).String() }

func parseID(field, s string) (uuid.UUID, error) {
	id, err := uuid.Parse(s)
	if err != nil {
		ve := &domain.ValidationError{}
		ve.AddLocalized(field, "invalid_id", domain.Msg{
			EN: "%q is not a valid id", FR: "%q n'est pas un identifiant valide",
			DE: "%q ist keine gültige Kennung", NL: "%q is geen geldige id",
		}.With(s))
		return uuid.Nil, ve
	}
	return id, nil
}

func optionalID(field, s string) (*uuid.UUID, error) {
	if s == "" {
		return nil, nil
	}
	id, err := parseID(field, s)
	if err != nil {
		return nil, err
	}
	return &id, nil
}

func optionalString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// rowIDs parses ids that name existing rows: a malformed id names none, so
// it is domain.ErrNotFound, as an unknown one would be.
func rowIDs(ids ...string) ([]uuid.UUID, error) {
	out := make([]uuid.UUID, len(ids))
	for i, s := range ids {
		u, err := uuid.Parse(s)
		if err != nil {
			return nil, domain.ErrNotFound
		}
		out[i] = u
	}
	return out, nil
}
