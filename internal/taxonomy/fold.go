package taxonomy

import (
	"strings"
	"unicode"
)

// foldings spell letters with diacritics, and ligatures, the way people
// type them when they leave the accents out ("prestations" finds
// "préstations", "strasse" finds "Straße", "oeuvre" finds "œuvre").
var foldings = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'œ': "oe",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss",
	'\u2019': "'", // typographic apostrophe
}

// Fold returns s in lower case without diacritics, the form labels are
// searched in: comparing folded texts makes a search indifferent to case
// and accents in the four languages.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if f, ok := foldings[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SearchWords splits a search text into folded words, dropping
// punctuation, so that "Nettoyage, bâtiments" looks for "nettoyage" and
// "batiments".
func SearchWords(q string) []string {
	return strings.FieldsFunc(Fold(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
