package crosslang

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/internal/domain"
)

// benchTitles reads the dev corpus's titles and languages by document id,
// and the relevant document of each known-item query.
func benchTitles(tb testing.TB) (titles map[string]struct{ Lang, Title string }, target map[string]string) {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	var base string
	for d := dir; filepath.Dir(d) != d; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "shared", "bench", "search", "corpus.jsonl")); err == nil {
			base = filepath.Join(d, "shared", "bench", "search")
			break
		}
	}
	if base == "" {
		tb.Skip("shared/bench/search not found above the test's directory")
	}
	titles = map[string]struct{ Lang, Title string }{}
	f, err := os.Open(filepath.Join(base, "corpus.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var doc struct{ ID, Lang, Title string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			tb.Fatal(err)
		}
		titles[doc.ID] = struct{ Lang, Title string }{doc.Lang, doc.Title}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	qrels, err := os.ReadFile(filepath.Join(base, "qrels.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	target = map[string]string{}
	for line := range strings.SplitSeq(string(qrels), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 && strings.HasPrefix(f[0], "ki-") {
			target[f[0]] = f[1]
		}
	}
	return titles, target
}

// stemSet is the set of stems of text's content words and their compound
// parts, in lang.
func (x *Expander) stemSet(text string, lang domain.Language) map[string]bool {
	out := map[string]bool{}
	for _, t := range contentTokens(Analyze(text, lang)) {
		out[t.Stem] = true
		for _, p := range x.SplitCompound(t.Word, lang) {
			out[Stem(p, lang)] = true
		}
	}
	return out
}

// TestExpansionCoversDevTitles measures, on the dev set's cross-language
// known-item queries (a notice's title typed in another language), the
// share of the target title's content stems that the expansion into the
// target's language reaches. It is what an engine can match at best on
// titles; the engine's own figures (MRR, recall) come with search-eval.
func TestExpansionCoversDevTitles(t *testing.T) {
	x := expander(t)
	titles, target := benchTitles(t)
	var sumOn, sumOff, sumLexOnly float64
	n := 0
	for _, q := range benchQueries(t) {
		if q.Type != "known-item" {
			continue
		}
		doc, ok := titles[target[q.ID]]
		if !ok {
			t.Fatalf("query %s: no target document", q.ID)
		}
		want := x.stemSet(doc.Title, domain.Language(doc.Lang))
		if len(want) == 0 {
			continue
		}
		cover := func(exp Expansion) float64 {
			got := map[string]bool{}
			for _, lq := range exp.Queries {
				if lq.Lang == domain.Language(doc.Lang) {
					for _, term := range lq.Terms {
						for s := range x.stemSet(term.Text, lq.Lang) {
							got[s] = true
						}
					}
				}
			}
			hit := 0
			for s := range want {
				if got[s] {
					hit++
				}
			}
			return float64(hit) / float64(len(want))
		}
		lang := domain.Language(q.Lang)
		sumOn += cover(x.Expand(q.Text, lang, Options{MaxTerms: 64}))
		sumOff += cover(x.Expand(q.Text, lang, Options{Off: true}))
		sumLexOnly += cover(x.Expand(q.Text, lang, Options{MaxTerms: 64, NoDictionary: true}))
		n++
	}
	on, off, lex := sumOn/float64(n), sumOff/float64(n), sumLexOnly/float64(n)
	t.Logf("%d cross-language known-item queries: target-title stem coverage %.3f expanded, %.3f lexicon only, %.3f without expansion", n, on, lex, off)
	if on < 0.5 || on < off+0.3 {
		t.Errorf("expansion covers %.3f of the target titles (%.3f without): below the 0.5 floor", on, off)
	}
}
