package store

import (
	"encoding/base64"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"passerelle/internal/domain"
)

// A cursor is where a page of a list ends: the sort time and id of its
// last row, so the next page starts right after it whatever was inserted
// meanwhile. It is opaque to clients (base64url of "RFC 3339 time|id").
type cursor struct {
	at time.Time
	id uuid.UUID
}

func encodeCursor(at time.Time, id uuid.UUID) string { return encodeKeyset(at, id.String()) }

// decodeCursor reads a cursor; "" is the zero cursor (before everything).
// Anything else that is not one of ours is a field error on query.cursor.
func decodeCursor(s string) (cursor, error) {
	if s == "" {
		return cursor{}, nil
	}
	at, id, err := decodeKeyset(s, uuid.Parse)
	return cursor{at: at, id: id}, err
}

// encodeKeyset writes the cursor of a row sorted by time then id, whatever
// the id's type (the audit log's are numbers).
func encodeKeyset(at time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(at.UTC().Format(time.RFC3339Nano) + "|" + id))
}

// decodeKeyset reads a cursor of encodeKeyset whose id parseID reads;
// anything else is a field error on query.cursor.
func decodeKeyset[ID any](s string, parseID func(string) (ID, error)) (time.Time, ID, error) {
	bad := func() (time.Time, ID, error) {
		var zero ID
		ve := &domain.ValidationError{}
		ve.Add("query.cursor", "invalid", "this cursor was not returned by this list: start again without it")
		return time.Time{}, zero, ve
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad()
	}
	at, id, ok := strings.Cut(string(raw), "|")
	if !ok {
		return bad()
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return bad()
	}
	n, err := parseID(id)
	if err != nil {
		return bad()
	}
	return t, n, nil
}

// storableText reports whether a cursor's text can go to PostgreSQL as a
// query parameter: valid UTF-8 without a NUL byte (any other text is an
// error of the database, a 500, rather than the client's 400).
func storableText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// descendingFrom is where a newest-first list starts: after the cursor's
// row, or after everything for the first page (the zero cursor).
func descendingFrom(c cursor) (time.Time, uuid.UUID) {
	if c.at.IsZero() && c.id == uuid.Nil {
		return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), uuid.Max
	}
	return c.at, c.id
}

// pageAfter trims rows, read one past limit, to a page of at most limit
// and returns the cursor of the next page, made by cursorOf from the
// page's last row ("" after the last page).
func pageAfter[R any](rows []R, limit int32, cursorOf func(R) string) ([]R, string) {
	if len(rows) <= int(limit) {
		return rows, ""
	}
	rows = rows[:limit]
	return rows, cursorOf(rows[len(rows)-1])
}
