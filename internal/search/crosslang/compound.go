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
	return len(part) >= minCompoundPart && !affixes[s.lang][part] && (s.vocab[part] || s.vocab[Stem(part, s.lang)])
}

// affixes are prefixes and suffixes that dictionaries list as headwords but
// that are never a part of a compound: without them "europaisch" would
// split into "europa" + "isch", and "verlening" into "ver" + "lening".
var affixes = map[domain.Language]map[string]bool{
	domain.LangDE: set(`isch lich heit keit schaft ung rung nis tum sam bar haft ling chen lein ver
		ent zer ge be er ern ig igkeit ischen lichen ungen`),
	domain.LangNL: set(`lijk heid ing schap baar isch achtig ver be ge ont her ling tje lijke heden
		ingen`),
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
	links := linkingMorphemes[s.lang]
	// memo[i] is the best split of w[i:].
	memo := make([]split, len(w)+1)
	memo[len(w)] = split{ok: true, minPart: len(w)}
	exactly := func(part string) int {
		if s.vocab[part] {
			return 1
		}
		return 0
	}
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
				cand := split{ok: true, parts: append([]string{part}, rest.parts...), minPart: min(len(part), rest.minPart),
					exact: exactly(part) + rest.exact, covered: len(part) + rest.covered}
				if cur := memo[i]; !cur.ok || cand.better(cur) {
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

// split is one way of splitting the end of a word.
type split struct {
	parts   []string
	minPart int
	exact   int // parts that are vocabulary words as they are
	covered int // letters in parts, not in linking morphemes
	ok      bool
}

// better orders splits: fewer parts, then a longer shortest part, then
// more parts known as they are ("reinigung"+"s"+"mittel" rather than
// "reinigungs"+"mittel"), then fewer letters in linking morphemes.
func (p split) better(q split) bool {
	switch {
	case len(p.parts) != len(q.parts):
		return len(p.parts) < len(q.parts)
	case p.minPart != q.minPart:
		return p.minPart > q.minPart
	case p.exact != q.exact:
		return p.exact > q.exact
	}
	return p.covered > q.covered
}
