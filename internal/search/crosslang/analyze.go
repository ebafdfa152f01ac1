package crosslang

import (
	"strings"
	"unicode"

	"passerelle/internal/domain"
	"passerelle/internal/taxonomy"
)

// maxQueryRunes bounds what Expand and Analyze read of a text: a query is a
// few words; a pasted page must not cost more than a query.
const maxQueryRunes = 512

// Token is one word of an analysed text.
type Token struct {
	// Word is the folded word (lower case, no diacritics): "buroreinigung".
	Word string
	// Stem is Word reduced by the language's light stemmer: the key words
	// are matched on, so that "bureaux" meets "bureau".
	Stem string
	// Stop reports a stop word ("des", "der", "of", "van").
	Stop bool
}

// Tokenize splits text into folded words (letters and digits), dropping
// punctuation and reading at most maxQueryRunes runes. Elisions ("l'eau",
// "d'espaces") are split at the apostrophe, so the article becomes its own
// (stop) word.
func Tokenize(text string) []string {
	if r := []rune(text); len(r) > maxQueryRunes {
		text = string(r[:maxQueryRunes])
	}
	return strings.FieldsFunc(taxonomy.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Analyze tokenizes text and marks and stems every word as lang does.
// An unsupported language is analysed without stop words or stemming.
func Analyze(text string, lang domain.Language) []Token {
	words := Tokenize(text)
	out := make([]Token, 0, len(words))
	for _, w := range words {
		out = append(out, Token{Word: w, Stem: Stem(w, lang), Stop: IsStopWord(w, lang)})
	}
	return out
}

// contentTokens returns the tokens that are not stop words, or all of them
// when every one is (a query "the who" still means something).
func contentTokens(toks []Token) []Token {
	var out []Token
	for _, t := range toks {
		if !t.Stop {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return toks
	}
	return out
}

// langIndex numbers the four languages for arrays; -1 for any other.
func langIndex(l domain.Language) int {
	switch l {
	case domain.LangFR:
		return 0
	case domain.LangDE:
		return 1
	case domain.LangEN:
		return 2
	case domain.LangNL:
		return 3
	}
	return -1
}

// langs is langIndex's inverse.
var langs = [4]domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL}
