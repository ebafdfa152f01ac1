package legalid

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hrCourtMaxRunes bounds the court name; the longest real ones
// ("Ludwigshafen am Rhein", "Weiden i. d. OPf.") are far shorter.
const hrCourtMaxRunes = 60

// hrCourt finds the court in the text around the register number. Text is
// cut into segments at commas and semicolons; within a segment, what follows
// the last "Amtsgericht", "AG" or "Registergericht" is the court, and label
// words ("Handelsregister:", "unter") at either end are dropped. Exactly one
// segment may remain, or the one that named the court with such a word.
//
// The court is checked for shape, not against a list: register courts have
// been merged repeatedly, and a stale list would reject real suppliers while
// moderators verify the entry anyway.
func hrCourt(before, after string) (string, *Error) {
	var found, keyed []string
	for _, seg := range strings.FieldsFunc(before+","+after, func(r rune) bool { return r == ',' || r == ';' }) {
		if strings.IndexFunc(seg, unicode.IsDigit) >= 0 {
			// The register number has been taken out; other digits (a postcode,
			// a second number) mean the field holds more than one entry.
			return "", newError(DEHandelsregister, CodeFormat, "unexpected digits outside the register number")
		}
		court, hasKeyword := courtInSegment(seg)
		if strings.IndexFunc(court, unicode.IsLetter) < 0 {
			continue // empty, or stray punctuation such as a final "."
		}
		found = append(found, court)
		if hasKeyword {
			keyed = append(keyed, court)
		}
	}
	var court string
	switch {
	case len(found) == 1:
		court = found[0]
	case len(keyed) == 1:
		court = keyed[0]
	case len(found) == 0:
		return "", newError(DEHandelsregister, CodeCourt, `the register court is missing, e.g. "Amtsgericht Saarbrücken HRB 12345"`)
	default:
		return "", newError(DEHandelsregister, CodeCourt, `cannot tell which part names the register court; write e.g. "Amtsgericht Saarbrücken HRB 12345"`)
	}
	// Check after fixing the case, so that what is stored is what was checked.
	court = fixCourtCase(court)
	if !validCourtName(court) {
		return "", newError(DEHandelsregister, CodeCourt, "the register court "+strconv.Quote(court)+" is not a court name")
	}
	return court, nil
}

// courtInSegment returns the court named in one comma-separated segment.
func courtInSegment(seg string) (court string, hasKeyword bool) {
	seg = strings.Trim(seg, " :")
	if strings.HasPrefix(seg, "(") && strings.HasSuffix(seg, ")") && strings.Count(seg, "(") == 1 && strings.Count(seg, ")") == 1 {
		seg = seg[1 : len(seg)-1]
	}
	words := strings.FieldsFunc(seg, func(r rune) bool { return r == ' ' || r == ':' })
	for i := len(words) - 1; i >= 0; i-- {
		if isHRCourtKeyword(words[i]) {
			words, hasKeyword = words[i+1:], true
			break
		}
	}
	for len(words) > 0 && isHRLabel(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && isHRLabel(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " "), hasKeyword
}

// isHRCourtKeyword reports whether w introduces the court.
func isHRCourtKeyword(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ".:")) {
	case "amtsgericht", "amtsgerichts", "ag", "registergericht", "registergerichts":
		return true
	}
	return false
}

// isHRLabel reports whether w is one of the words that surround register
// entries in imprints ("eingetragen im Handelsregister … unter HRB 1").
func isHRLabel(w string) bool {
	if isHRCourtKeyword(w) {
		return true
	}
	switch strings.ToLower(strings.TrimRight(w, ".:")) {
	case "handelsregister", "genossenschaftsregister", "partnerschaftsregister", "vereinsregister",
		"register", "registernummer", "hr", "nr", "nummer", "eingetragen", "unter", "im", "beim", "in", "des", "dem", "der", "bei":
		return true
	}
	return false
}

// validCourtName accepts place names: letters, spaces and the punctuation
// found in court names ("St. Ingbert", "Frankfurt (Oder)", "Osterholz-Scharmbeck").
func validCourtName(s string) bool {
	if utf8.RuneCountInString(s) > hrCourtMaxRunes {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case strings.ContainsRune(" .-()/'", r):
		default:
			return false
		}
	}
	return letters >= 2
}

// courtParticles stay lower-case inside court names ("Frankfurt am Main",
// "Landau in der Pfalz").
var courtParticles = map[string]bool{
	"am": true, "an": true, "im": true, "in": true, "der": true, "die": true, "dem": true,
	"den": true, "des": true, "bei": true, "ob": true, "vor": true, "und": true,
}

// fixCourtCase title-cases a court typed all in lower or all in upper case,
// so "SAARBRÜCKEN" and "saarbrücken" store as "Saarbrücken". Mixed case is
// kept: the user typed it deliberately ("Weiden i.d.OPf.").
func fixCourtCase(s string) string {
	hasUpper, hasLower := false, false
	for _, r := range s {
		hasUpper = hasUpper || unicode.IsUpper(r)
		hasLower = hasLower || unicode.IsLower(r)
	}
	if hasUpper && hasLower {
		return s
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		lower := strings.ToLower(w)
		if i > 0 && courtParticles[lower] {
			words[i] = lower
			continue
		}
		words[i] = titleWord(lower)
	}
	return strings.Join(words, " ")
}

// titleWord upper-cases the first letter of w and of each part after a
// hyphen, slash or parenthesis ("Osterholz-Scharmbeck", "Frankfurt (Oder)").
func titleWord(w string) string {
	var b strings.Builder
	start := true
	for _, r := range w {
		if start && unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
			start = false
			continue
		}
		b.WriteRune(r)
		start = strings.ContainsRune("-/(", r)
	}
	return b.String()
}
