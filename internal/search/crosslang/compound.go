package crosslang

import "passerelle/internal/domain"

// minCompoundPart is the shortest part a compound is split into: "bau" in
// "Straßenbau" is three letters; shorter parts split words at random.
const minCompoundPart = 3

// linkingMorphemes are the letters German and Dutch put between the parts
// of a compound ("Reinigung-s-mittel", "Grünfläche-n-pflege",
// "kantoor-s-ruimte").
var linkingMorphemes = map[domain.Language][]string{
	domain.LangDE: {"s", "es", "n", "en", "e"},
	domain.LangNL: {"s", "en", "e"},
}

// Splitter splits German and Dutch compounds against a vocabulary of
// stems: "buroreinigung" → "buro" + "reinigung", "grunflachenpflege" →
// "grun" + "flachen" + "pflege".
type Splitter struct {
	lang  domain.Language
	vocab map[string]bool // stems of known simple words
}

// NewSplitter returns a splitter for lang over the words of vocab (folded
// words; they are stemmed here).
func NewSplitter(lang domain.Language, vocab []string) *Splitter {
	s := &Splitter{lang: lang, vocab: make(map[string]bool, len(vocab))}
	for _, w := range vocab {
		s.add(w)
	}
	return s
}

func (s *Splitter) add(w string) {
	if len(w) >= minCompoundPart && isLetters(w) {
		s.vocab[w] = true
		s.vocab[Stem(w, s.lang)] = true
	}
}

func (s *Splitter) known(part string) bool {
	return len(part) >= minCompoundPart && (s.vocab[part] || s.vocab[Stem(part, s.lang)])
}

// Split returns the parts of the folded word w, or nil when w is not a
// compound of known words. Among the possible splits it takes the one with
// the fewest parts, then the one whose shortest part is longest. A word
// known as a whole is still split ("Gebäudereinigung" is a headword, and
// its parts translate better than it does), but only into parts of four
// letters or more, so that "kantoor" never becomes "kan" + "toor".
func (s *Splitter) Split(w string) []string {
	if s == nil || len(w) < 2*minCompoundPart || !isLetters(w) {
		return nil
	}
	type best struct {
		parts   []string
		minPart int
		covered int // letters in parts, not in linking morphemes
		ok      bool
	}
	links := linkingMorphemes[s.lang]
	// memo[i] is the best split of w[i:].
	memo := make([]best, len(w)+1)
	memo[len(w)] = best{ok: true, minPart: len(w)}
	for i := len(w) - minCompoundPart; i >= 0; i-- {
		for j := i + minCompoundPart; j <= len(w); j++ {
			part := w[i:j]
			if (i == 0 && j == len(w)) || !s.known(part) { // a split has two parts at least
				continue
			}
			// The next part starts at j, or after a linking morpheme.
			starts := []int{j}
			for _, l := range links {
				if j+len(l) < len(w) && w[j:j+len(l)] == l {
					starts = append(starts, j+len(l))
				}
			}
			for _, k := range starts {
				rest := memo[k]
				if !rest.ok {
					continue
				}
				cand := best{ok: true, parts: append([]string{part}, rest.parts...), minPart: min(len(part), rest.minPart), covered: len(part) + rest.covered}
				if cur := memo[i]; !cur.ok || better(cand.parts, cand.minPart, cand.covered, cur.parts, cur.minPart, cur.covered) {
					memo[i] = cand
				}
			}
		}
	}
	if !memo[0].ok {
		return nil
	}
	// A word known as a whole ("kantoor") is split only into long parts,
	// never into "kan" + "toor".
	if s.known(w) && memo[0].minPart < 4 {
		return nil
	}
	return memo[0].parts
}

// better orders splits: fewer parts, then a longer shortest part, then
// fewer letters in linking morphemes ("grunflachen"+"pflege" rather than
// "grunflach"+"en"+"pflege").
func better(p []string, minPart, covered int, q []string, qMin, qCovered int) bool {
	if len(p) != len(q) {
		return len(p) < len(q)
	}
	if minPart != qMin {
		return minPart > qMin
	}
	return covered > qCovered
}
