package taxonomy

import (
	"strings"
	"unicode"

	"passerelle/internal/domain"
)

// Fold returns s in lower case without diacritics, the form labels are
// searched in: comparing folded texts makes a search indifferent to case
// and accents in the four languages. It is domain.Fold (one table).
func Fold(s string) string { return domain.Fold(s) }

// SearchWords splits a search text into folded words, dropping
// punctuation, so that "Nettoyage, bâtiments" looks for "nettoyage" and
// "batiments".
func SearchWords(q string) []string {
	return strings.FieldsFunc(Fold(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
