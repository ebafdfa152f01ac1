package bleve

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/registry"
)

// foldName names the token filter that folds each token to ASCII
// ("électricité" → "electricite", "Straße" → "strasse", "œuvre" →
// "oeuvre"). It folds tokens rather than the whole text before the
// tokenizer, as bleve's asciifolding char filter does, because a char
// filter changes the text's length: every offset after an accented
// character would then point a few bytes off in the original, and the
// highlighted snippets would mark the wrong letters ("wöchentlich<mark>e
// Reinigu</mark>ng"). A token keeps the offsets of the original text.
const foldName = "passerelle_fold"

// foldFilter applies bleve's ASCII folding table to each token's term.
type foldFilter struct {
	fold *asciifolding.AsciiFoldingFilter
}

func (f foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if !isASCII(tok.Term) {
			tok.Term = f.fold.Filter(tok.Term)
		}
	}
	return input
}

// isASCII reports whether b has no byte of 0x80 or more: bleve's folding
// keeps such a term as it is, after copying it through runes twice (a
// fifth of the match details' analysis).
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func init() {
	err := registry.RegisterTokenFilter(foldName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{fold: asciifolding.New()}, nil
	})
	if err != nil {
		panic(err) // a name registered twice: a programming error
	}
}
