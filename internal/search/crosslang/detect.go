package crosslang

import (
	"strings"

	"passerelle/internal/domain"
)

// Detect guesses the language of a short untagged text (a query, a title)
// among fr, de, en and nl, with a confidence in [0, 1] (0 when nothing
// decides it; the caller then keeps its default). It scores stop words
// (strong evidence), words of the lexicon's labels, and letter patterns
// peculiar to each language ("sch", "ij", "ung", "tion", "eau"): short
// queries often have no stop word at all.
func (x *Expander) Detect(text string) (domain.Language, float64) {
	words := Tokenize(text)
	var score [4]float64
	for _, w := range words {
		for l := range 4 {
			if stopWords[l][w] {
				score[l] += 2
			}
			if x != nil && x.lexicon != nil && x.lexicon.vocab[l][w] {
				score[l]++
			}
			for _, p := range letterPatterns[l] {
				if strings.Contains(w, p) {
					score[l] += 0.5
				}
			}
			if x != nil && len(w) >= 8 && x.splitters[l] != nil && x.splitters[l].Split(w) != nil {
				score[l]++ // a compound of the language's words
			}
		}
	}
	bestL, total := 0, 0.0
	for l := range 4 {
		total += score[l]
		if score[l] > score[bestL] {
			bestL = l
		}
	}
	if total == 0 {
		return "", 0
	}
	return langs[bestL], score[bestL] / total
}

// letterPatterns are letter sequences far more frequent in one of the four
// languages than in the others (measured on folded text).
var letterPatterns = [4][]string{
	{"eau", "oux", "ment", "tion", "que", "aux", "eur", "oi", "ou"},
	{"sch", "ung", "ei", "cht", "tz", "pf", "keit", "heit", "ss"},
	{"th", "ing", "wh", "ght", "ty", "ly", "tion", "ea"},
	{"ij", "oe", "aa", "uu", "ui", "sch", "heid", "ee", "oo", "cht"},
}
