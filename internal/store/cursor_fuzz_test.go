package store

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"passerelle/internal/domain"
)

// cursorSeeds are cursors of every list, and near misses.
func cursorSeeds(f *testing.F) {
	at := time.Date(2026, 11, 26, 10, 0, 0, 123456789, time.UTC)
	id := uuid.MustParse("0b9f5c8e-2f4a-4d47-9a54-3c1d2e7f8a90")
	for _, s := range []string{
		encodeCursor(at, id), encodeAuditCursor(at, 42), encodeOrgNameCursor("ESAT du Saulnois | Metz", id),
		encodeNameCursor("Zoë | d'Hondt", id), encodeCPVCursor("45214200"),
		encodeRouteCursor(routeCursor{batch: 2, negScore: -87, org: id}),
		"", "=", "!!!", "eA", base64.RawURLEncoding.EncodeToString([]byte("org|\xff\x00|" + id.String())),
		base64.RawURLEncoding.EncodeToString([]byte(id.String() + "|\x00")), base64.StdEncoding.EncodeToString([]byte("x|y")),
		base64.RawURLEncoding.EncodeToString([]byte("0000-01-01T00:00:00Z|" + id.String())),
		base64.RawURLEncoding.EncodeToString([]byte("1|-2147483648|" + id.String())),
	} {
		f.Add(s)
	}
}

// FuzzDecodeCursors gives every list's cursor decoder what a client may
// send as ?cursor=: never a panic; a refusal is a field error on
// query.cursor (a 400, never a 500); what is accepted is something
// PostgreSQL takes (text of valid UTF-8 without NUL) and encodes back to
// a cursor that decodes to the same position.
func FuzzDecodeCursors(f *testing.F) {
	cursorSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := decodeCursor(s); err != nil {
			fieldError(t, s, err)
		} else if s != "" {
			c2, err := decodeCursor(encodeCursor(c.at, c.id))
			if err != nil || !c2.at.Equal(c.at) || c2.id != c.id {
				t.Fatalf("%q: %+v does not round-trip: %+v, %v", s, c, c2, err)
			}
		}
		if at, id, err := decodeAuditCursor(s); err != nil {
			fieldError(t, s, err)
		} else if s != "" {
			at2, id2, err := decodeAuditCursor(encodeAuditCursor(at, id))
			if err != nil || !at2.Equal(at) || id2 != id {
				t.Fatalf("%q: audit cursor (%v, %d) does not round-trip", s, at, id)
			}
		}
		if name, id, err := decodeOrgNameCursor(s); err != nil {
			fieldError(t, s, err)
		} else {
			textForPostgres(t, s, name)
			if n2, id2, err := decodeOrgNameCursor(encodeOrgNameCursor(name, id)); s != "" && (err != nil || n2 != name || id2 != id) {
				t.Fatalf("%q: organisation cursor (%q, %s) does not round-trip", s, name, id)
			}
		}
		if name, id, err := decodeNameCursor(s); err != nil {
			fieldError(t, s, err)
		} else {
			textForPostgres(t, s, name)
			if n2, id2, err := decodeNameCursor(encodeNameCursor(name, id)); s != "" && (err != nil || n2 != name || id2 != id) {
				t.Fatalf("%q: name cursor (%q, %s) does not round-trip", s, name, id)
			}
		}
		if code, err := decodeCPVCursor(s); err != nil {
			fieldError(t, s, err)
		} else if s != "" && (len(code) != 8 || strings.Trim(code, "0123456789") != "") {
			t.Fatalf("%q: CPV cursor %q", s, code)
		}
		if c, err := decodeRouteCursor(s); err != nil {
			fieldError(t, s, err)
		} else if s != "" {
			if c2, err := decodeRouteCursor(encodeRouteCursor(c)); err != nil || c2 != c {
				t.Fatalf("%q: route cursor %+v does not round-trip", s, c)
			}
		}
	})
}

func fieldError(t *testing.T, s string, err error) {
	t.Helper()
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "query.cursor" {
		t.Fatalf("%q: %v is not a field error on query.cursor", s, err)
	}
}

func textForPostgres(t *testing.T, s, text string) {
	t.Helper()
	if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
		t.Fatalf("%q decodes to text PostgreSQL refuses: %q", s, text)
	}
}
