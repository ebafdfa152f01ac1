package legalid

import (
	"strings"
	"unicode"
)

// Normalize returns the canonical stored form of s for kind k: spaces, dots
// and dashes removed and letters upper-cased, so that "732 829 320 00074" and
// "73282932000074" are stored, compared and deduplicated as one value.
// Scheme specifics: a 9-digit Belgian number gets its leading 0 back; a
// Luxembourg RCS number loses an "RCS Luxembourg" prefix; a German register
// entry in any common order ("HRB 12345, AG Saarbrücken") becomes
// "Amtsgericht Saarbrücken HRB 12345", keeping the court's letter case (one
// typed all in capitals or all in lower case is title-cased); an entry that
// cannot be parsed only has its spaces collapsed.
// Normalize never fails: it returns its best effort, and Validate says
// whether that is valid. Normalize(k, Normalize(k, s)) == Normalize(k, s).
func Normalize(k Kind, s string) string {
	switch k {
	case DEHandelsregister:
		return normalizeHR(s)
	case BEEnterprise:
		c := compact(s)
		if strings.HasPrefix(c, "BE") && allDigits(c[2:]) {
			c = c[2:]
		}
		return padBelgian(c)
	case BEVAT:
		c := compact(s)
		if strings.HasPrefix(c, "BE") {
			return "BE" + padBelgian(c[2:])
		}
		return c
	case LURCS:
		return trimRCSPrefix(compact(s))
	}
	return compact(s)
}

// compact removes whitespace (including the no-break spaces French
// formatting puts between digit groups), dots and dashes, and upper-cases
// ASCII letters. Other characters are kept so that Validate can reject them.
func compact(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '.' || isDash(r):
			continue
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isDash reports whether r is a hyphen or dash, including the typographic
// ones word processors substitute for "-".
func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

// padBelgian restores the leading 0 of enterprise numbers written with the
// 9 digits they had before the 10-digit format.
func padBelgian(s string) string {
	if len(s) == 9 && allDigits(s) {
		return "0" + s
	}
	return s
}

// trimRCSPrefix removes the "RCS", "RCSL" and "Luxembourg" labels printed
// before Luxembourg register numbers ("R.C.S. Luxembourg B 123.456"). It
// loops so that the result never starts with a label, which keeps Normalize
// idempotent.
func trimRCSPrefix(s string) string {
	for {
		switch {
		case strings.HasPrefix(s, ":"):
			s = s[1:]
		case strings.HasPrefix(s, "LUXEMBOURG"):
			s = s[len("LUXEMBOURG"):]
		case strings.HasPrefix(s, "RCSL") && !strings.HasPrefix(s, "RCSLUXEMBOURG") && len(s) > 4 && isUpperASCII(s[4]):
			// "RCSL B123": the L belongs to the label. "RCS L123" keeps it as the section.
			s = s[4:]
		case strings.HasPrefix(s, "RCS"):
			s = s[3:]
		default:
			return s
		}
	}
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }
