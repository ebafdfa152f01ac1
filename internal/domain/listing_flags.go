package domain

import (
	"strconv"
	"strings"
	"unicode"
)

// ListingFlagKind is why a listing submitted for moderation was flagged.
// Flags inform the moderator; they never stop a submission.
type ListingFlagKind string

// The flag kinds.
const (
	// FlagDuplicate: the organisation has another listing of the same
	// kind with a near-identical title (TitleSimilarity ≥ DuplicateThreshold).
	FlagDuplicate ListingFlagKind = "duplicate"
	// FlagLinks: the description holds more than MaxDescriptionLinks links.
	FlagLinks ListingFlagKind = "links"
	// FlagBlockedWord: the title or description holds a blocked word.
	FlagBlockedWord ListingFlagKind = "blocked_word"
)

// ListingFlag is one flag on a listing: Detail is the blocked word or the
// link count; OtherListingID the near-identical listing of a duplicate.
type ListingFlag struct {
	Kind           ListingFlagKind
	Detail         string
	OtherListingID string
}

// The thresholds of the heuristics.
const (
	// DuplicateThreshold is the title similarity from which two titles
	// are near-identical: high enough that "Nettoyage de bureaux" and
	// "Nettoyage des bureaux" meet, low enough that "… à Metz" and "… à
	// Nancy" do not.
	DuplicateThreshold = 0.85
	// MaxDescriptionLinks is how many links a description may hold
	// before it looks like spam: a listing links to its organisation's
	// site, rarely to more than a few pages.
	MaxDescriptionLinks = 3
	// MaxBlockedWord bounds a blocked word or phrase.
	MaxBlockedWord = 100
)

// foldings spell letters with diacritics, and ligatures, the way people
// type them when they leave the accents out ("prestations" finds
// "préstations", "strasse" finds "Straße", "oeuvre" finds "œuvre"). The
// one table of the project: taxonomy.Fold is Fold.
var foldings = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'œ': "oe",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss",
	'\u2019': "'", // typographic apostrophe
}

// Fold returns s in lower case without diacritics: comparing folded texts
// is indifferent to case and accents in the four languages.
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

// FoldText is s folded (Fold), with every run of punctuation and white
// space made one space, trimmed: "Nettoyage  de BUREAUX !" and
// "nettoyage de bureaux" fold alike.
func FoldText(s string) string {
	folded := Fold(s)
	var b strings.Builder
	b.Grow(len(folded))
	space := true // drops leading separators
	for _, r := range folded {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// TitleSimilarity is the Jaccard similarity (0 to 1) of the sets of
// character trigrams of the folded titles, each word padded as pg_trgm
// does: robust to case, accents, punctuation, word order and a typo or
// two, and 1 for titles that fold alike.
func TitleSimilarity(a, b string) float64 {
	fa, fb := FoldText(a), FoldText(b)
	if fa == fb {
		if fa == "" {
			return 0
		}
		return 1
	}
	ta, tb := trigrams(fa), trigrams(fb)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	inter := 0
	for g := range ta {
		if tb[g] {
			inter++
		}
	}
	return float64(inter) / float64(len(ta)+len(tb)-inter)
}

func trigrams(folded string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(folded) {
		r := []rune("  " + w + " ")
		for i := 0; i+3 <= len(r); i++ {
			out[string(r[i:i+3])] = true
		}
	}
	return out
}

// CountLinks counts the links in s: http:// and https:// URLs, and
// www. addresses written without a scheme.
func CountLinks(s string) int {
	n := 0
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == '<' || r == '[' || r == '"'
	}) {
		if strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") || strings.HasPrefix(f, "www.") {
			n++
		}
	}
	return n
}

// FindBlockedWords returns the blocked words (given folded, see FoldText)
// that occur in text as whole words (or, for a phrase, as consecutive
// whole words), whatever their case and accents, in the order given.
func FindBlockedWords(text string, folded []string) []string {
	hay := " " + FoldText(text) + " "
	var out []string
	for _, w := range folded {
		if w != "" && strings.Contains(hay, " "+w+" ") {
			out = append(out, w)
		}
	}
	return out
}

// SiblingTitle is another listing of the same organisation and kind, for
// the duplicate check.
type SiblingTitle struct {
	ID    string
	Title string
}

// ComputeListingFlags flags a listing submitted for moderation: a
// duplicate flag for the most similar sibling at or above the threshold,
// a links flag above MaxDescriptionLinks, a flag per blocked word found.
func ComputeListingFlags(title, description string, siblings []SiblingTitle, blockedFolded []string) []ListingFlag {
	var flags []ListingFlag
	best, bestID := 0.0, ""
	for _, s := range siblings {
		if sim := TitleSimilarity(title, s.Title); sim >= DuplicateThreshold && sim > best {
			best, bestID = sim, s.ID
		}
	}
	if bestID != "" {
		flags = append(flags, ListingFlag{Kind: FlagDuplicate, Detail: strconv.FormatFloat(best, 'f', 2, 64), OtherListingID: bestID})
	}
	if n := CountLinks(description); n > MaxDescriptionLinks {
		flags = append(flags, ListingFlag{Kind: FlagLinks, Detail: strconv.Itoa(n)})
	}
	for _, w := range FindBlockedWords(title+"\n"+description, blockedFolded) {
		flags = append(flags, ListingFlag{Kind: FlagBlockedWord, Detail: w})
	}
	return flags
}
