package legalid

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hrEntry is a parsed German register entry.
type hrEntry struct {
	court    string // e.g. "Saarbrücken", without "Amtsgericht"
	register string // HRA, HRB, GnR, PR or VR
	number   string // 1 to 6 digits
	suffix   string // optional court letters, e.g. "B" for Berlin-Charlottenburg
}

// String is the canonical form, "Amtsgericht Saarbrücken HRB 12345": every
// register court is an Amtsgericht, so the word is always written out.
func (e hrEntry) String() string {
	s := "Amtsgericht " + e.court + " " + e.register + " " + e.number
	if e.suffix != "" {
		s += " " + e.suffix
	}
	return s
}

// hrMaxDigits bounds register numbers: the largest courts are in six digits.
const hrMaxDigits = 6

// hrRegisterPattern finds the register type and number anywhere in the
// entry, so that both "Amtsgericht Saarbrücken HRB 12345" and
// "HRB 12345, AG Saarbrücken" parse. The type must not be glued to a
// preceding word ("SaarbrückenHRB" is rejected rather than guessed).
var hrRegisterPattern = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(HRA|HRB|GNR|GENR|PARTR|PR|VR)[ .:]*(\d+)`)

// hrRegisters maps the spellings people use to the official abbreviations.
var hrRegisters = map[string]string{
	"HRA": "HRA", "HRB": "HRB", "GNR": "GnR", "GENR": "GnR", "PR": "PR", "PARTR": "PR", "VR": "VR",
}

// normalizeHR returns the canonical entry when s parses, else s with its
// whitespace collapsed. Unlike the numeric kinds it keeps the court's case.
func normalizeHR(s string) string {
	e, err := parseHR(s)
	if err != nil {
		return collapseSpaces(s)
	}
	return e.String()
}

// parseHR reads a register entry in any common order: "<court> <type>
// <number> [suffix]", "<type> <number>, AG <court>", with or without the
// words Amtsgericht, Registergericht, Handelsregister and colons.
func parseHR(s string) (hrEntry, *Error) {
	s = collapseSpaces(s)
	matches := hrRegisterPattern.FindAllStringSubmatchIndex(s, -1)
	if len(matches) == 0 {
		return hrEntry{}, newError(DEHandelsregister, CodeFormat,
			`expected a register court, a register type (HRA, HRB, GnR, PR, VR) and a number, e.g. "Amtsgericht Saarbrücken HRB 12345"`)
	}
	if len(matches) > 1 {
		return hrEntry{}, newError(DEHandelsregister, CodeFormat, "more than one register number given")
	}
	m := matches[0]
	e := hrEntry{
		register: hrRegisters[strings.ToUpper(s[m[2]:m[3]])],
		number:   s[m[4]:m[5]],
	}
	if len(e.number) > hrMaxDigits {
		return hrEntry{}, newError(DEHandelsregister, CodeLength, "a register number has 1 to 6 digits")
	}
	if e.number[0] == '0' {
		return hrEntry{}, newError(DEHandelsregister, CodeFormat, "register numbers do not start with 0")
	}
	suffix, after := splitHRSuffix(s[m[5]:])
	e.suffix = suffix
	if suffix == "" && after != "" && !strings.ContainsRune(" .,;:)", rune(after[0])) {
		return hrEntry{}, newError(DEHandelsregister, CodeFormat, "unexpected text right after the register number")
	}
	court, err := hrCourt(s[:m[2]], after)
	if err != nil {
		return hrEntry{}, err
	}
	e.court = court
	return e, nil
}

// splitHRSuffix takes the court letters some registers append to the number
// ("HRB 12345 B" in Berlin-Charlottenburg, "HRB 1234 HB" in Bremen). They are
// 1 to 3 upper-case letters, and count as a suffix only when the entry ends
// there or the court follows after a comma or an "AG"/"Amtsgericht", so that
// "HRB 12345 AG Saarbrücken" keeps AG as the court's label. "AG" itself is
// never a suffix.
func splitHRSuffix(after string) (suffix, rest string) {
	t := strings.TrimLeft(after, " ")
	n := 0
	for n < len(t) && n <= 3 && isUpperASCII(t[n]) {
		n++
	}
	if n == 0 || n > 3 || isHRCourtKeyword(t[:n]) {
		return "", after
	}
	if r, _ := utf8.DecodeRuneInString(t[n:]); n < len(t) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return "", after
	}
	next := strings.TrimLeft(t[n:], " ")
	if next == "" || startsWithSeparator(next) || isHRCourtKeyword(firstWord(next)) {
		return t[:n], t[n:]
	}
	return "", after
}

func startsWithSeparator(s string) bool {
	return s != "" && strings.ContainsRune(",;:)", rune(s[0]))
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " ,;:"); i >= 0 {
		return s[:i]
	}
	return s
}

// collapseSpaces trims s and turns every run of Unicode white space into one
// ASCII space.
func collapseSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
