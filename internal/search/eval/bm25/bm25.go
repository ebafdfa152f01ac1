// Package bm25 is the monolingual baseline of the search evaluation: a
// plain in-memory Okapi BM25 over title + description, with no stemming,
// no accent folding and no cross-language help. It reproduces the
// reference points of the dev set's README, which proves the evaluation
// pipeline, and it is the floor every engine is compared with. It is not a
// product search engine.
package bm25

import (
	"context"
	"math"
	"sort"
	"strings"
	"unicode"

	"passerelle/internal/search/eval"
)

// The usual Okapi parameters (Robertson & Zaragoza): term frequency
// saturation and length normalisation.
const (
	k1 = 1.2
	b  = 0.75
)

// posting is one document's count of a term.
type posting struct {
	doc int
	tf  int
}

// Index is an in-memory BM25 index. Add every document, then Search; it is
// not safe to Add while searching.
type Index struct {
	ids      []string
	lengths  []int
	totalLen int
	postings map[string][]posting
}

var _ eval.Searcher = (*Index)(nil)

// New returns an empty index.
func New() *Index { return &Index{postings: make(map[string][]posting)} }

// Tokenize lowercases text and splits it into runs of letters and digits:
// the plainest analysis, on purpose (accents are kept: "bâtiment" and
// "batiment" differ).
func Tokenize(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Add indexes d's title and description as one field.
func (ix *Index) Add(d eval.Document) error {
	n := len(ix.ids)
	ix.ids = append(ix.ids, d.ID)
	tokens := Tokenize(d.Title + " " + d.Description)
	ix.lengths = append(ix.lengths, len(tokens))
	ix.totalLen += len(tokens)
	tf := make(map[string]int)
	for _, t := range tokens {
		tf[t]++
	}
	for t, c := range tf {
		ix.postings[t] = append(ix.postings[t], posting{doc: n, tf: c})
	}
	return nil
}

// Search returns the k best documents for q's text by BM25 (the query's
// language is ignored: this engine is monolingual). Equal scores are
// ordered by document id, so that a run is reproducible.
func (ix *Index) Search(_ context.Context, q eval.Query, k int) ([]eval.Hit, error) {
	if len(ix.ids) == 0 || k <= 0 {
		return nil, nil
	}
	n := float64(len(ix.ids))
	avg := float64(ix.totalLen) / n
	scores := make(map[int]float64)
	for _, t := range Tokenize(q.Text) {
		ps := ix.postings[t]
		if len(ps) == 0 {
			continue
		}
		// The "+1" form of idf stays positive for terms in most documents.
		idf := math.Log(1 + (n-float64(len(ps))+0.5)/(float64(len(ps))+0.5))
		for _, p := range ps {
			tf := float64(p.tf)
			norm := k1 * (1 - b + b*float64(ix.lengths[p.doc])/avg)
			scores[p.doc] += idf * tf * (k1 + 1) / (tf + norm)
		}
	}
	hits := make([]eval.Hit, 0, len(scores))
	for doc, s := range scores {
		hits = append(hits, eval.Hit{DocID: ix.ids[doc], Score: s})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].DocID < hits[j].DocID
	})
	if len(hits) > k {
		hits = hits[:k]
	}
	return hits, nil
}
