package bleve

import (
	"encoding/base64"
	"encoding/json"

	"passerelle/internal/search"
)

// cursor is the decoded form of an opaque page cursor: bleve's search_after
// values, tagged with the sort they belong to so that a cursor reused with
// another sort is refused rather than silently misread.
type cursor struct {
	Sort  search.Sort `json:"s"`
	After []string    `json:"a"`
}

func encodeCursor(s search.Sort, after []string) string {
	b, _ := json.Marshal(cursor{Sort: s, After: after}) // cannot fail: strings only
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(raw string, s search.Sort) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return nil, search.ErrInvalidCursor
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || c.Sort != s || len(c.After) == 0 {
		return nil, search.ErrInvalidCursor
	}
	return c.After, nil
}
