package crosslang

import (
	"strings"

	"passerelle/internal/domain"
)

// Stem reduces a folded word to its light stem in lang. The stemmers are
// deliberately light (inflection only: plural, gender, case endings, in the
// spirit of Savoy's light stemmers): aggressive derivational stemming
// ("nettoyage" → "nettoy") merges words the dictionaries keep apart and
// costs precision on same-language searches. Words of three letters or
// fewer, and digits, are left alone.
func Stem(w string, lang domain.Language) string {
	if len(w) <= 3 || !isLetters(w) {
		return w
	}
	switch lang {
	case domain.LangFR:
		return stemFR(w)
	case domain.LangDE:
		return stemDE(w)
	case domain.LangEN:
		return stemEN(w)
	case domain.LangNL:
		return stemNL(w)
	}
	return w
}

func isLetters(w string) bool {
	for i := range len(w) {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// stemFR removes the plural and the feminine: "bureaux" → "bureau",
// "espaces" → "espac", "vertes" → "vert", "electriques" → "electriqu".
func stemFR(w string) string {
	switch {
	case strings.HasSuffix(w, "eaux"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "aux") && len(w) > 5:
		w = w[:len(w)-3] + "al"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x"):
		w = w[:len(w)-1]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") { // "aménagée" after folding
		w = w[:len(w)-1]
	}
	return w
}

// stemDE removes case and plural endings, as the first step of the German
// Snowball stemmer does: "flachen" (Flächen) → "flach", "pflege" → "pfleg",
// "dienstleistungen" → "dienstleistung".
func stemDE(w string) string {
	switch {
	case len(w) > 6 && strings.HasSuffix(w, "ern"):
		return w[:len(w)-3]
	case len(w) > 5 && (strings.HasSuffix(w, "em") || strings.HasSuffix(w, "er") ||
		strings.HasSuffix(w, "en") || strings.HasSuffix(w, "es")):
		return w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "e"):
		return w[:len(w)-1]
	case len(w) > 4 && strings.HasSuffix(w, "s") && strings.ContainsRune("bdfghklmnrt", rune(w[len(w)-2])):
		return w[:len(w)-1]
	}
	return w
}

// stemEN is an S-stemmer with "-ing" and "-ed": "offices" → "office",
// "cleaning" → "clean", "services" → "service", "supplies" → "supply",
// "running" → "run".
func stemEN(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "aes") && !strings.HasSuffix(w, "ees") && !strings.HasSuffix(w, "oes") &&
		!strings.HasSuffix(w, "ses") && !strings.HasSuffix(w, "xes") && !strings.HasSuffix(w, "ches") && !strings.HasSuffix(w, "shes"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case len(w) > 6 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 5 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	default:
		return w
	}
	// "running" → "run", "planned" → "plan"; but "dressing" → "dress".
	if n := len(w); n > 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// stemNL removes the plural and the inflected "-e", then undoubles long
// vowels, the way Snowball does, so that "kantoren" and "kantoor" meet at
// "kantor", and "bossen" and "bos" at "bos".
func stemNL(w string) string {
	switch {
	case len(w) > 6 && strings.HasSuffix(w, "heden"):
		w = w[:len(w)-5] + "heid"
	case len(w) > 5 && strings.HasSuffix(w, "en"):
		w = w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.ContainsRune("aeiouj", rune(w[len(w)-2])):
		w = w[:len(w)-1]
	case len(w) > 4 && strings.HasSuffix(w, "e"):
		w = w[:len(w)-1]
	}
	n := len(w)
	// "boss" → "bos": a doubled final consonant after stripping.
	if n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		w = w[:n-1]
		n--
	}
	// "kantoor" → "kantor": a long vowel before the final consonant.
	if n > 3 && !strings.ContainsRune("aeiou", rune(w[n-1])) && w[n-2] == w[n-3] && strings.ContainsRune("aeou", rune(w[n-2])) {
		w = w[:n-2] + w[n-1:]
	}
	return w
}
