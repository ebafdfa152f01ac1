package crosslang

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/taxonomy"
)

// Concept is one entry of a classification labelled in the four languages
// (a CPV code, a NACE activity, a sector of the catalogue).
type Concept struct {
	// ID says where the concept comes from: "cpv:90919200", "nace:81.21",
	// "sector:cleaning.offices".
	ID     string
	Labels domain.Labels
}

// alignment is one word-level translation the lexicon learnt.
type alignment struct {
	word   string // the folded surface word most often seen for the stem
	weight float64
}

// Lexicon is the procurement lexicon: concepts whose labels translate each
// other, indexed by label (label-level) and by word (word-level).
type Lexicon struct {
	concepts []Concept
	// labels[l] maps a label's key (its content stems, sorted) to concepts.
	labels [4]map[string][]int
	// words[l][t] maps a stem of language l to its aligned words in t.
	words [4][4]map[string][]alignment
	// vocab[l] holds every folded word seen in labels of l.
	vocab [4]map[string]bool
}

// genericLabelWords are the head words of classification labels that say
// what kind of purchase a concept is (services, works, supplies) but not
// what it is about: a label is also matched without them, since buyers
// type "printing" or "nettoyage des bureaux" for "Printing services" and
// "Services de nettoyage de bureaux". Folded surface words, not stems
// ("work clothing" keeps its "work").
var genericLabelWords = [4]map[string]bool{
	set(`service services travaux fourniture fournitures prestation prestations`),
	set(`dienstleistung dienstleistungen dienste arbeiten leistungen lieferung lieferungen`),
	set(`service services works supplies supply`),
	set(`dienst diensten werken werkzaamheden levering leveringen`),
}

// maxAlignments bounds the word-level translations kept per word and target
// language: beyond the first two, co-occurrence is mostly noise ("Brussels"
// → "spruitjes", "Kommunikation" → "wired"); 2 rather than 4 gained 0.01
// topic nDCG@10 and 0.007 cross-language recall@100 on the dev set.
const maxAlignments = 2

// minDice is the weakest word association kept (Dice coefficient of
// co-occurrence across concepts).
const minDice = 0.2

// SectorConcepts returns the product's sector catalogue (groups and
// sectors) as concepts.
func SectorConcepts() []Concept {
	var out []Concept
	for _, g := range taxonomy.SectorGroups() {
		out = append(out, Concept{ID: "sector:" + g.Code, Labels: g.Labels})
		for _, s := range g.Sectors {
			out = append(out, Concept{ID: "sector:" + s.Code, Labels: s.Labels})
		}
	}
	return out
}

// ReadCPVConcepts reads the multilingual CPV list (cpv_2008_multilingual.csv)
// at path as concepts.
func ReadCPVConcepts(path string) ([]Concept, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	codes, err := taxonomy.ReadCPV(f)
	if err != nil {
		return nil, err
	}
	out := make([]Concept, 0, len(codes))
	for _, c := range codes {
		out = append(out, Concept{ID: "cpv:" + c.Code8, Labels: c.Labels})
	}
	return out, nil
}

// ReadNACEConcepts reads the multilingual NACE list
// (nace_rev2_1_multilingual.csv: columns code, fr, de, en, nl in any order)
// at path as concepts. Rows missing a label are skipped: they align nothing.
func ReadNACEConcepts(path string) ([]Concept, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("nace: read the header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, c := range []string{"code", "fr", "de", "en", "nl"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("nace: the header has no %q column", c)
		}
	}
	var out []Concept
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("nace: %w", err)
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		l := domain.Labels{FR: get("fr"), DE: get("de"), EN: get("en"), NL: get("nl")}
		if get("code") == "" || l.FR == "" || l.DE == "" || l.EN == "" || l.NL == "" {
			continue
		}
		out = append(out, Concept{ID: "nace:" + get("code"), Labels: l})
	}
	if len(out) == 0 {
		return nil, errors.New("nace: the file has no activities")
	}
	return out, nil
}

func labelIn(l domain.Labels, i int) string {
	switch i {
	case 0:
		return l.FR
	case 1:
		return l.DE
	case 2:
		return l.EN
	}
	return l.NL
}

// NewLexicon aligns the concepts' labels. split, when it has a splitter for
// a language, splits that language's compounds before words are aligned,
// so that "Büroreinigung" contributes "buro" and "reinigung".
func NewLexicon(concepts []Concept, split [4]*Splitter) *Lexicon {
	lx := &Lexicon{concepts: concepts}
	for l := range 4 {
		lx.labels[l] = map[string][]int{}
		lx.vocab[l] = map[string]bool{}
		for t := range 4 {
			lx.words[l][t] = map[string][]alignment{}
		}
	}
	// Intern stems: pair counts are keyed by two int32s, not two strings
	// (about a million pairs during the build).
	ids := map[string]int32{}
	var names []string
	intern := func(s string) int32 {
		if id, ok := ids[s]; ok {
			return id
		}
		ids[s] = int32(len(names))
		names = append(names, s)
		return ids[s]
	}
	surface := map[int32]map[string]int{} // stem id → folded words → count
	stems := make([][4][]int32, len(concepts))
	for ci, c := range concepts {
		for l := range 4 {
			toks := contentTokens(Analyze(labelIn(c.Labels, l), langs[l]))
			seen := map[int32]bool{}
			var keys, specific []string
			for _, t := range toks {
				lx.vocab[l][t.Word] = true
				parts := []Token{t}
				for _, p := range split[l].Split(t.Word) {
					parts = append(parts, Token{Word: p, Stem: Stem(p, langs[l])})
				}
				for _, p := range parts {
					id := intern(string(rune('0'+l)) + p.Stem)
					if surface[id] == nil {
						surface[id] = map[string]int{}
					}
					surface[id][p.Word]++
					if !seen[id] {
						seen[id] = true
						stems[ci][l] = append(stems[ci][l], id)
					}
				}
				keys = append(keys, t.Stem)
				if !genericLabelWords[l][t.Word] {
					specific = append(specific, t.Stem)
				}
			}
			if len(keys) > 0 {
				k := labelKey(keys)
				lx.labels[l][k] = append(lx.labels[l][k], ci)
			}
			// "Printing services" is also found as "printing", and
			// "Services de nettoyage de bureaux" as "nettoyage des bureaux".
			if len(specific) > 0 && len(specific) < len(keys) {
				k := labelKey(specific)
				lx.labels[l][k] = append(lx.labels[l][k], ci)
			}
		}
	}
	single := map[int32]int{}
	pairs := map[uint64]int{}
	for _, cs := range stems {
		for l := range 4 {
			for _, a := range cs[l] {
				single[a]++
			}
			for t := l + 1; t < 4; t++ {
				for _, a := range cs[l] {
					for _, b := range cs[t] {
						pairs[uint64(a)<<32|uint64(b)]++
					}
				}
			}
		}
	}
	best := func(id int32) string {
		var w string
		n := -1
		for s, c := range surface[id] {
			if c > n || (c == n && s < w) {
				w, n = s, c
			}
		}
		return w
	}
	for k, n := range pairs {
		a, b := int32(k>>32), int32(k&0xffffffff)
		dice := 2 * float64(n) / float64(single[a]+single[b])
		// One shared label is chance for frequent words, evidence for rare ones.
		if dice < minDice || (n < 2 && single[a]+single[b] > 2) {
			continue
		}
		la, lb := int(names[a][0]-'0'), int(names[b][0]-'0')
		sa, sb := names[a][1:], names[b][1:]
		lx.words[la][lb][sa] = append(lx.words[la][lb][sa], alignment{word: best(b), weight: dice})
		lx.words[lb][la][sb] = append(lx.words[lb][la][sb], alignment{word: best(a), weight: dice})
	}
	for l := range 4 {
		for t := range 4 {
			for s, al := range lx.words[l][t] {
				sort.Slice(al, func(i, j int) bool {
					if al[i].weight != al[j].weight {
						return al[i].weight > al[j].weight
					}
					return al[i].word < al[j].word
				})
				lx.words[l][t][s] = al[:min(len(al), maxAlignments)]
			}
		}
	}
	return lx
}

// labelKey is the order-free key a label is matched on: "entretien des
// espaces verts" and "espaces verts (entretien)" are the same concept.
func labelKey(stems []string) string {
	s := append([]string(nil), stems...)
	sort.Strings(s)
	return strings.Join(s, " ")
}

// Concepts returns the number of concepts the lexicon was built from.
func (lx *Lexicon) Concepts() int { return len(lx.concepts) }

// WordTranslations returns the word-level alignments of the stem of the
// folded word w from language from into to, strongest first (Rank 0 is
// the strongest), at most maxAlignments of them.
func (lx *Lexicon) WordTranslations(w string, from, to domain.Language) []Translation {
	f, t := langIndex(from), langIndex(to)
	if f < 0 || t < 0 {
		return nil
	}
	var out []Translation
	for i, a := range lx.words[f][t][Stem(w, from)] {
		out = append(out, Translation{Text: a.word, Rank: i})
	}
	return out
}
