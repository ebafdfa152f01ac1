package crosslang

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"passerelle/internal/domain"
)

// freedictCodes are the ISO 639-3 codes FreeDict names its files with.
var freedictCodes = map[domain.Language]string{
	domain.LangFR: "fra", domain.LangDE: "deu", domain.LangEN: "eng", domain.LangNL: "nld",
}

// DefaultDictDir is where Debian's dict-freedict-* packages put their files.
const DefaultDictDir = "/usr/share/dictd"

// Dictionary is one FreeDict bilingual dictionary (dictd format: a sorted
// text index of "headword<TAB>offset<TAB>length" in base64 digits, and the
// entries, dictzip-compressed). Only the translation lines of each entry
// are kept in memory (the notes, synonyms and examples are four fifths of
// the German-English files), and they are split into translations on
// lookup: doing it for half a million entries at load time would cost
// seconds for the few words a query has.
type Dictionary struct {
	From, To domain.Language
	data     []byte
	entries  []dictEntry // sorted by key
}

type dictEntry struct {
	key       string // the headword's stem (folded) in From
	word      string // the headword, folded
	off, size uint32
}

// Translation is one translation a dictionary gives a word.
type Translation struct {
	// Text is folded; it may hold several words ("bateau a vapeur").
	Text string
	// Rank is its position among the entry's translations, from 0: the
	// first sense comes first in FreeDict.
	Rank int
}

// OpenDictionary reads the FreeDict dictionary from → to in dir (the
// files freedict-fra-deu.index and freedict-fra-deu.dict.dz). dictzip is
// gzip with a random-access table in a header field: plain gzip reads it.
func OpenDictionary(dir string, from, to domain.Language) (*Dictionary, error) {
	base := filepath.Join(dir, "freedict-"+freedictCodes[from]+"-"+freedictCodes[to])
	index, err := os.ReadFile(base + ".index")
	if err != nil {
		return nil, fmt.Errorf("freedict: %w", err)
	}
	f, err := os.Open(base + ".dict.dz")
	if err != nil {
		return nil, fmt.Errorf("freedict: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("freedict: %s.dict.dz: %w", base, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("freedict: %s.dict.dz: %w", base, err)
	}
	d := &Dictionary{From: from, To: to}
	var compact []byte
	for line := range bytes.SplitSeq(index, []byte{'\n'}) {
		parts := bytes.Split(line, []byte{'\t'})
		if len(parts) < 3 || bytes.HasPrefix(parts[0], []byte("00database")) {
			continue
		}
		head := string(parts[0])
		// Only single words are looked up: a query is analysed into words,
		// and multi-word headwords are mostly idioms.
		words := Tokenize(head)
		if len(words) != 1 {
			continue
		}
		off, ok1 := decodeBase64Number(parts[1])
		size, ok2 := decodeBase64Number(parts[2])
		if !ok1 || !ok2 || off+size > uint64(len(data)) {
			return nil, fmt.Errorf("freedict: %s.index: bad entry %q", base, line)
		}
		start := len(compact)
		compact = appendTranslationLines(compact, data[off:off+size])
		if len(compact) == start {
			continue // an entry with no translation
		}
		d.entries = append(d.entries, dictEntry{key: Stem(words[0], from), word: words[0], off: uint32(start), size: uint32(len(compact) - start)})
	}
	d.data = slices.Clip(compact)
	sort.SliceStable(d.entries, func(i, j int) bool { return d.entries[i].key < d.entries[j].key })
	return d, nil
}

// decodeBase64Number reads dictd's numbers: base64 digits, most
// significant first.
func decodeBase64Number(b []byte) (uint64, bool) {
	var n uint64
	for _, c := range b {
		var v byte
		switch {
		case c >= 'A' && c <= 'Z':
			v = c - 'A'
		case c >= 'a' && c <= 'z':
			v = c - 'a' + 26
		case c >= '0' && c <= '9':
			v = c - '0' + 52
		case c == '+':
			v = 62
		case c == '/':
			v = 63
		default:
			return 0, false
		}
		n = n*64 + uint64(v)
	}
	return n, len(b) > 0
}

// Headwords returns the folded single-word headwords' stems: the
// vocabulary compounds are split against.
func (d *Dictionary) Headwords() []string {
	out := make([]string, 0, len(d.entries))
	for i, e := range d.entries {
		if i == 0 || e.key != d.entries[i-1].key {
			out = append(out, e.key)
		}
	}
	return out
}

// Lookup returns the translations of the folded word w, first senses
// first, without duplicates. The headword w itself is preferred; only when
// the dictionary lacks it are the headwords of the same stem used ("bureaux"
// finds "bureau"), since a stem also gathers unrelated words ("afval",
// waste, and "afvallen", to apostatize).
func (d *Dictionary) Lookup(w string) []Translation {
	key := Stem(w, d.From)
	first := sort.Search(len(d.entries), func(i int) bool { return d.entries[i].key >= key })
	last := first
	exact := false
	for ; last < len(d.entries) && d.entries[last].key == key; last++ {
		exact = exact || d.entries[last].word == w
	}
	var out []Translation
	seen := map[string]bool{}
	for _, e := range d.entries[first:last] {
		if exact && e.word != w {
			continue
		}
		for rank, t := range parseTranslationLines(string(d.data[e.off : e.off+e.size])) {
			if !seen[t] {
				seen[t] = true
				out = append(out, Translation{Text: t, Rank: rank})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Rank < out[j].Rank })
	return out
}

var (
	senseNumber = regexp.MustCompile(`^\d+\.\s*`)
	trailingNum = regexp.MustCompile(`\s+\d+\.$`)
	annotations = regexp.MustCompile(`<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}`)
)

// appendTranslationLines appends to dst the lines of one FreeDict entry
// that hold translations, each ended by a newline. The first line is the
// headword with its pronunciation and part of speech; then come either
// numbered senses ("1. soins, soin") each followed by a definition in the
// source language, or one unnumbered line of translations; indented lines
// are notes, synonyms and examples, unless they begin with a domain label.
func appendTranslationLines(dst, entry []byte) []byte {
	first := true
	for i, line := range bytes.Split(entry, []byte{'\n'}) {
		if i == 0 || len(line) == 0 {
			continue
		}
		// Indented lines are notes, synonyms and examples, except those
		// that start with a domain label: " [chem.] nettoyage <n>".
		if (line[0] == ' ' || line[0] == '\t') && !bytes.HasPrefix(bytes.TrimSpace(line), []byte("[")) {
			continue
		}
		if !first && !senseNumber.Match(line) {
			continue // a definition of the sense above, in the source language
		}
		first = false
		dst = append(dst, line...)
		dst = append(dst, '\n')
	}
	return dst
}

// parseTranslationLines splits the lines appendTranslationLines kept into
// folded translations: comma- or semicolon-separated, annotations ("<n>",
// "[econ.]", "(of sth.)") and sense numbers dropped.
func parseTranslationLines(lines string) []string {
	var out []string
	for line := range strings.SplitSeq(lines, "\n") {
		line = senseNumber.ReplaceAllString(line, "")
		line = trailingNum.ReplaceAllString(line, "")
		line = annotations.ReplaceAllString(line, "")
		var found []string
		for t := range strings.FieldsFuncSeq(line, func(r rune) bool { return r == ',' || r == ';' }) {
			words := Tokenize(t)
			// A long piece makes the line an explanation, not equivalents.
			if len(words) > 4 {
				found = nil
				break
			}
			if len(words) > 0 {
				found = append(found, strings.Join(words, " "))
			}
		}
		out = append(out, found...)
	}
	return out
}
