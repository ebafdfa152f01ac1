package eval

import (
	"math"
	"sort"
)

// Cutoffs of the measures, as the set's README defines them.
const (
	// RankCutoff is the depth of MRR, success and nDCG: what a buyer sees
	// on the first page.
	RankCutoff = 10
	// RecallCutoff is the depth of cross-language recall.
	RecallCutoff = MaxDepth
)

// distinct returns the document ids of the first depth hits in rank order,
// with "" in place of a document already seen: a document returned twice
// counts at its first rank only, and its copy still takes a place in the
// list, as it does on the buyer's screen, so an engine gains nothing by
// repeating itself.
func distinct(hits []Hit, depth int) []string {
	if len(hits) > depth {
		hits = hits[:depth]
	}
	seen := make(map[string]bool, len(hits))
	ids := make([]string, len(hits))
	for i, h := range hits {
		if !seen[h.DocID] {
			seen[h.DocID] = true
			ids[i] = h.DocID
		}
	}
	return ids
}

// ReciprocalRank is 1/rank of the first relevant document (grade > 0)
// within the first k hits, or 0 when there is none.
func ReciprocalRank(hits []Hit, grades map[string]int, k int) float64 {
	for i, id := range distinct(hits, k) {
		if grades[id] > 0 {
			return 1 / float64(i+1)
		}
	}
	return 0
}

// Success is 1 when a relevant document is within the first k hits, else 0.
func Success(hits []Hit, grades map[string]int, k int) float64 {
	if ReciprocalRank(hits, grades, k) > 0 {
		return 1
	}
	return 0
}

// NDCG is the normalised discounted cumulative gain at k: the gain of the
// document at rank i is (2^grade − 1) / log2(i + 1), and the ideal ranking
// puts every judged document of the qrels in order of grade. ok is false
// when the query has no relevant document, for which nDCG is undefined.
func NDCG(hits []Hit, grades map[string]int, k int) (score float64, ok bool) {
	var ideal []int
	for _, g := range grades {
		if g > 0 {
			ideal = append(ideal, g)
		}
	}
	if len(ideal) == 0 {
		return 0, false
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ideal)))
	if len(ideal) > k {
		ideal = ideal[:k]
	}
	var dcg, idcg float64
	for i, id := range distinct(hits, k) {
		dcg += gain(grades[id], i)
	}
	for i, g := range ideal {
		idcg += gain(g, i)
	}
	return dcg / idcg, true
}

// gain is the discounted gain of a document of grade g at 0-based rank i.
func gain(g, i int) float64 {
	if g <= 0 {
		return 0
	}
	return (math.Exp2(float64(g)) - 1) / math.Log2(float64(i+2))
}

// CrossLangRecall is the share of the relevant documents written in another
// language than the query's (docLang gives each document's language) that
// are within the first k hits. ok is false when the query has no relevant
// document in another language.
func CrossLangRecall(hits []Hit, grades map[string]int, docLang map[string]string, queryLang string, k int) (score float64, ok bool) {
	return recallWhere(hits, grades, k, func(doc string) bool {
		return docLang[doc] != queryLang
	})
}

// recallWhere is the share of the relevant documents that keep() selects
// found within the first k hits; ok is false when keep selects none.
func recallWhere(hits []Hit, grades map[string]int, k int, keep func(doc string) bool) (float64, bool) {
	total := 0
	for doc, g := range grades {
		if g > 0 && keep(doc) {
			total++
		}
	}
	if total == 0 {
		return 0, false
	}
	found := 0
	for _, id := range distinct(hits, k) {
		if grades[id] > 0 && keep(id) {
			found++
		}
	}
	return float64(found) / float64(total), true
}
