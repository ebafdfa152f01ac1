package crosslang

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"passerelle/internal/domain"
)

// Origin says where a term of an expansion comes from, strongest first.
type Origin string

// The origins of expansion terms.
const (
	OriginQuery      Origin = "query"      // a word the user typed
	OriginCompound   Origin = "compound"   // a part of a compound the user typed
	OriginLabel      Origin = "label"      // a lexicon label matching the query
	OriginLexicon    Origin = "lexicon"    // a word-level lexicon alignment
	OriginDictionary Origin = "dictionary" // a FreeDict translation
	// OriginCarried is a typed word with no translation into a language,
	// searched there as it is: names, acronyms and numbers ("Euratom",
	// "EURES", "JHR") are the same in every language.
	OriginCarried Origin = "carried"
)

// The weights of each origin: exact and same-language words rank above
// translations; labels (a whole concept matched) above single words;
// curated labels above the general dictionaries.
const (
	weightQuery      = 1.0
	weightCompound   = 0.8
	weightLabel      = 0.9
	weightLexicon    = 0.7
	weightDictionary = 0.5
	// weightCarried is high: a word that translates into nothing is
	// mostly a name, an acronym or a number ("EURES", "UCA", "Lippe"),
	// the surest sign of a known item in any language (0.8 rather than
	// 0.4 gained 0.01 known-item MRR@10); typed words still weigh more.
	weightCarried = 0.8
	// maxDictionaryTerms bounds the translations taken per word and language.
	maxDictionaryTerms = 6
	// rankDecay lowers the weight of later senses of a dictionary entry.
	rankDecay = 0.8
)

// Term is one weighted term of an expansion in one language.
type Term struct {
	// Text is folded; a Phrase has several words ("espaces verts").
	Text   string
	Phrase bool
	// Weight in (0, 1]: 1 for the words the user typed.
	Weight float64
	Origin Origin
	// Groups are the words of the query this term stands for, numbered
	// from 1 in the order typed (a compound counts each of its parts as a
	// word): a word's own form and all its translations share its group,
	// so that an engine can score a group by its best term (Pirkola's
	// structured queries) instead of adding up every translation. A label
	// that matched several words, or a compound standing for its parts,
	// is in each of their groups.
	Groups []int
}

// LanguageQuery is what an engine searches in one language.
type LanguageQuery struct {
	Lang domain.Language
	// Boost multiplies the language's scores: 1 for the query's language,
	// Options.TranslationBoost for the others, so that same-language
	// matches rank above translated ones.
	Boost float64
	Terms []Term
}

// Expansion is a query expanded into the four languages.
type Expansion struct {
	// Lang is the query's language: the one given, or the detected one.
	Lang domain.Language
	// Detected reports that Lang was guessed (Expand was given no language).
	Detected bool
	// Queries holds the query's language first, then the others that have
	// terms (none when expansion is off).
	Queries []LanguageQuery
	// Concepts are the concepts (CPV codes, sectors, NACE activities) one
	// of whose labels a run of the query's words is, longest runs first
	// (none when expansion is off): a listing classified under one of
	// them is about what the words name, in whatever language it is
	// written.
	Concepts []ConceptMatch
}

// ConceptMatch is a concept whose label the words of Groups are.
type ConceptMatch struct {
	// ID is the concept's: "cpv:90919200", "nace:81.21",
	// "sector:cleaning.offices".
	ID     string
	Groups []int
	// Weight in (0, 1]: 1 when the typed words are the label, the
	// translation's weight when a translation of them is.
	Weight float64
}

// Options tune Expand.
type Options struct {
	// Off switches translation off: only the query's own analysed terms
	// are returned (to compare with and without cross-language help).
	Off bool
	// NoDictionary leaves the FreeDict dictionaries out (lexicon only).
	NoDictionary bool
	// TranslationBoost is the boost of the other languages' queries
	// (default 0.6).
	TranslationBoost float64
	// MaxTerms bounds the terms per language (default 24).
	MaxTerms int
}

// Sources says where Load reads its inputs; every one is optional, the
// product's sector catalogue is always used.
type Sources struct {
	// CPVPath is the multilingual CPV list (cpv_2008_multilingual.csv).
	CPVPath string
	// NACEPath is the multilingual NACE list (nace_rev2_1_multilingual.csv).
	NACEPath string
	// DictDir holds the FreeDict files (DefaultDictDir); "" for none.
	// Missing pairs are skipped and listed in Stats.
	DictDir string
	// Concepts are more concepts given in memory, for example the CPV
	// codes the server reads from PostgreSQL rather than from a file.
	Concepts []Concept
}

// Expander expands queries; it is read-only once loaded and safe for
// concurrent use.
type Expander struct {
	lexicon   *Lexicon
	dicts     [4][4]*Dictionary
	splitters [4]*Splitter
	stats     Stats
}

// Stats describes what an Expander loaded.
type Stats struct {
	Concepts          int
	Dictionaries      int
	MissingPairs      []string
	DictionaryEntries int
}

// Stats returns what the expander loaded.
func (x *Expander) Stats() Stats { return x.stats }

// Load builds an Expander: it reads the dictionaries first (their German
// and Dutch headwords are the vocabulary compounds are split against),
// then aligns the lexicon.
func Load(src Sources) (*Expander, error) {
	x := &Expander{}
	if src.DictDir != "" {
		for f := range 4 {
			for t := range 4 {
				if f == t {
					continue
				}
				d, err := OpenDictionary(src.DictDir, langs[f], langs[t])
				if errors.Is(err, os.ErrNotExist) {
					x.stats.MissingPairs = append(x.stats.MissingPairs, freedictCodes[langs[f]]+"-"+freedictCodes[langs[t]])
					continue
				}
				if err != nil {
					return nil, err
				}
				x.dicts[f][t] = d
				x.stats.Dictionaries++
				x.stats.DictionaryEntries += len(d.entries)
			}
		}
	}
	var concepts []Concept
	if src.CPVPath != "" {
		c, err := ReadCPVConcepts(src.CPVPath)
		if err != nil {
			return nil, fmt.Errorf("crosslang: %s: %w", filepath.Base(src.CPVPath), err)
		}
		concepts = append(concepts, c...)
	}
	if src.NACEPath != "" {
		c, err := ReadNACEConcepts(src.NACEPath)
		if err != nil {
			return nil, fmt.Errorf("crosslang: %s: %w", filepath.Base(src.NACEPath), err)
		}
		concepts = append(concepts, c...)
	}
	concepts = append(concepts, src.Concepts...)
	concepts = append(concepts, SectorConcepts()...)
	// The compound vocabulary: the dictionaries' headwords and the labels'
	// words, for German and Dutch.
	for _, l := range []int{1, 3} {
		var vocab []string
		for t := range 4 {
			if d := x.dicts[l][t]; d != nil {
				vocab = append(vocab, d.Headwords()...)
			}
		}
		for _, c := range concepts {
			vocab = append(vocab, Tokenize(labelIn(c.Labels, l))...)
		}
		x.splitters[l] = NewSplitter(langs[l], vocab)
	}
	x.lexicon = NewLexicon(concepts, x.splitters)
	x.stats.Concepts = len(concepts)
	return x, nil
}

// SplitCompound splits a folded German or Dutch word into its parts (nil
// when it is no compound, or for other languages).
func (x *Expander) SplitCompound(w string, lang domain.Language) []string {
	if i := langIndex(lang); i >= 0 {
		return x.splitters[i].Split(w)
	}
	return nil
}

// Expand analyses query in lang (detected when lang is not one of the four)
// and returns its terms in its own language and, unless opts.Off, weighted
// translations into the three others: whole lexicon labels the query
// matches (as phrases), then word-level lexicon alignments, then
// dictionary translations, of every word and compound part; a typed word
// that neither translates is carried as it is (names, acronyms, numbers).
func (x *Expander) Expand(query string, lang domain.Language, opts Options) Expansion {
	if opts.TranslationBoost <= 0 {
		opts.TranslationBoost = 0.6
	}
	if opts.MaxTerms <= 0 {
		opts.MaxTerms = 24
	}
	exp := Expansion{Lang: lang}
	if langIndex(lang) < 0 {
		exp.Lang, _ = x.Detect(query)
		exp.Detected = true
		if exp.Lang == "" {
			exp.Lang = domain.LangEN
		}
	}
	src := langIndex(exp.Lang)
	toks := contentTokens(Analyze(query, exp.Lang))
	var terms [4]map[string]Term
	for l := range 4 {
		terms[l] = map[string]Term{}
	}
	add := func(l int, text string, w float64, o Origin, groups []int) {
		if text == "" || (l != src && IsStopWord(text, langs[l])) {
			return
		}
		cur, ok := terms[l][text]
		if !ok || cur.Weight < w {
			cur.Text, cur.Phrase, cur.Weight, cur.Origin = text, strings.Contains(text, " "), w, o
		}
		// A term reached from several words stands for each of them.
		for _, g := range groups {
			if !slices.Contains(cur.Groups, g) {
				cur.Groups = append(cur.Groups, g)
			}
		}
		terms[l][text] = cur
	}
	// Every word, and the parts of its compounds, to translate; groups[i]
	// are the query words toks[i] stands for: itself, or its parts.
	type word struct {
		w      string
		weight float64
		groups []int
	}
	var words []word
	groups := make([][]int, len(toks))
	next := 1
	for i, t := range toks {
		parts := x.splitters[src].Split(t.Word)
		if len(parts) == 0 {
			groups[i] = []int{next}
			next++
		}
		for range parts {
			groups[i] = append(groups[i], next)
			next++
		}
		add(src, t.Word, weightQuery, OriginQuery, groups[i])
		words = append(words, word{t.Word, 1, groups[i]})
		for j, p := range parts {
			g := groups[i][j : j+1]
			add(src, p, weightCompound, OriginCompound, g)
			words = append(words, word{p, weightCompound, g})
		}
	}
	if !opts.Off {
		x.expandLabels(&exp, toks, groups, src, add)
		for _, w := range words {
			for t := range 4 {
				if t == src {
					continue
				}
				var al []alignment
				translated := false
				if x.lexicon != nil {
					al = x.lexicon.words[src][t][Stem(w.w, exp.Lang)]
					for _, a := range al {
						add(t, a.word, w.weight*weightLexicon*a.weight/al[0].weight, OriginLexicon, w.groups)
					}
				}
				if d := x.dicts[src][t]; d != nil && !opts.NoDictionary {
					// A word the lexicon knows is a procurement word: the
					// dictionary's other senses ("espace" → "Weltraum") are
					// mostly noise there, so fewer are taken, and lower.
					limit, factor := maxDictionaryTerms, 1.0
					if len(al) > 0 {
						limit, factor = 2, 0.5
					}
					tr := d.Lookup(w.w)
					translated = translated || len(tr) > 0
					for i, tt := range tr[:min(len(tr), limit)] {
						wt := w.weight * weightDictionary * factor
						for range tt.Rank + i/2 {
							wt *= rankDecay
						}
						add(t, tt.Text, wt, OriginDictionary, w.groups)
					}
				}
				if len(al) == 0 && !translated && w.weight == 1 {
					add(t, w.w, weightCarried, OriginCarried, w.groups)
				}
			}
		}
	}
	if !opts.Off {
		x.translatedConcepts(&exp, terms, src)
	}
	for i := range 4 {
		l := (src + i) % 4
		if len(terms[l]) == 0 || (opts.Off && l != src) {
			continue
		}
		q := LanguageQuery{Lang: langs[l], Boost: 1}
		if l != src {
			q.Boost = opts.TranslationBoost
		}
		for _, t := range terms[l] {
			q.Terms = append(q.Terms, t)
		}
		sort.Slice(q.Terms, func(i, j int) bool {
			if q.Terms[i].Weight != q.Terms[j].Weight {
				return q.Terms[i].Weight > q.Terms[j].Weight
			}
			return q.Terms[i].Text < q.Terms[j].Text
		})
		q.Terms = q.Terms[:min(len(q.Terms), opts.MaxTerms)]
		exp.Queries = append(exp.Queries, q)
	}
	return exp
}

// translatedConcepts adds to exp.Concepts the concepts one of whose
// labels a translation of the query's words is ("imprimerie" → "printing",
// a label of CPV 79810000 "Printing services" without its generic word),
// weighted as the translation, after the concepts the typed words name.
func (x *Expander) translatedConcepts(exp *Expansion, terms [4]map[string]Term, src int) {
	if x.lexicon == nil {
		return
	}
	seen := map[string]bool{}
	for _, c := range exp.Concepts {
		seen[c.ID] = true
	}
	var found []ConceptMatch
	for t := range 4 {
		if t == src {
			continue
		}
		for _, term := range terms[t] {
			if term.Origin != OriginLexicon && term.Origin != OriginDictionary {
				continue
			}
			var stems []string
			for _, tok := range contentTokens(Analyze(term.Text, langs[t])) {
				stems = append(stems, tok.Stem)
			}
			for _, ci := range x.lexicon.labels[t][labelKey(stems)] {
				id := x.lexicon.concepts[ci].ID
				if !seen[id] {
					seen[id] = true
					found = append(found, ConceptMatch{ID: id, Groups: term.Groups, Weight: term.Weight})
				}
			}
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].Weight != found[j].Weight {
			return found[i].Weight > found[j].Weight
		}
		return found[i].ID < found[j].ID
	})
	exp.Concepts = append(exp.Concepts, found...)
}

// expandLabels adds, for every run of the query's words that is a whole
// label of the lexicon (longest runs first; a compound also counts by its
// parts), the concept's labels in the other languages, as phrases, and
// the concept to exp.Concepts.
func (x *Expander) expandLabels(exp *Expansion, toks []Token, groups [][]int, src int, add func(int, string, float64, Origin, []int)) {
	if x.lexicon == nil {
		return
	}
	seen := map[int]bool{}
	try := func(stems []string, groups []int) {
		for _, ci := range x.lexicon.labels[src][labelKey(stems)] {
			if !seen[ci] {
				seen[ci] = true
				exp.Concepts = append(exp.Concepts, ConceptMatch{ID: x.lexicon.concepts[ci].ID, Groups: groups, Weight: 1})
			}
			for t := range 4 {
				if t == src {
					continue
				}
				var content []string
				for _, tok := range contentTokens(Analyze(labelIn(x.lexicon.concepts[ci].Labels, t), langs[t])) {
					content = append(content, tok.Word)
				}
				add(t, strings.Join(content, " "), weightLabel, OriginLabel, groups)
			}
		}
	}
	for n := len(toks); n >= 1; n-- {
		for i := 0; i+n <= len(toks); i++ {
			var stems []string
			var gs []int
			for j, t := range toks[i : i+n] {
				stems = append(stems, t.Stem)
				gs = append(gs, groups[i+j]...)
			}
			try(stems, gs)
		}
	}
	for i, t := range toks {
		if parts := x.splitters[src].Split(t.Word); parts != nil {
			var stems []string
			for _, p := range parts {
				stems = append(stems, Stem(p, langs[src]))
			}
			try(stems, groups[i])
		}
	}
}
