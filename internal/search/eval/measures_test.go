package eval_test

import (
	"fmt"
	"math"
	"testing"

	"passerelle/internal/search/eval"
)

// hits builds a result list from document ids, scores decreasing.
func hits(ids ...string) []eval.Hit {
	hs := make([]eval.Hit, len(ids))
	for i, id := range ids {
		hs[i] = eval.Hit{DocID: id, Score: float64(len(ids) - i)}
	}
	return hs
}

// filler returns n distinct irrelevant ids.
func filler(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("x%03d", i)
	}
	return ids
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestReciprocalRankAndSuccess(t *testing.T) {
	one := map[string]int{"d": 2}
	for _, c := range []struct {
		name    string
		hits    []eval.Hit
		grades  map[string]int
		rr, suc float64
	}{
		{"first", hits("d", "a"), one, 1, 1},
		{"third", hits("a", "b", "d"), one, 1.0 / 3, 1},
		{"tenth", hits(append(filler(9), "d")...), one, 0.1, 1},
		{"eleventh is past the cutoff", hits(append(filler(10), "d")...), one, 0, 0},
		{"not retrieved", hits("a", "b"), one, 0, 0},
		{"empty run", nil, one, 0, 0},
		// Equal scores keep the engine's order: no re-sorting by id.
		{"tie keeps rank order", []eval.Hit{{"z", 1}, {"d", 1}}, one, 0.5, 1},
		// A document returned twice holds its first rank only, and the
		// copy still pushes the next ones down.
		{"duplicate counts once", hits("a", "a", "d"), one, 1.0 / 3, 1},
		{"duplicate of the target", hits("a", "d", "d"), one, 0.5, 1},
		{"grade 0 is not relevant", hits("n", "d"), map[string]int{"n": 0, "d": 1}, 0.5, 1},
		{"first of several relevant", hits("a", "e", "d"), map[string]int{"d": 2, "e": 1}, 0.5, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := eval.ReciprocalRank(c.hits, c.grades, eval.RankCutoff); !near(got, c.rr) {
				t.Errorf("ReciprocalRank = %v, want %v", got, c.rr)
			}
			if got := eval.Success(c.hits, c.grades, eval.RankCutoff); got != c.suc {
				t.Errorf("Success = %v, want %v", got, c.suc)
			}
		})
	}
}

func TestNDCG(t *testing.T) {
	graded := map[string]int{"a": 2, "b": 1, "c": 1, "n": 0}
	twelve := make(map[string]int)
	for _, id := range filler(12) {
		twelve[id] = 1
	}
	for _, c := range []struct {
		name   string
		hits   []eval.Hit
		grades map[string]int
		want   float64
		ok     bool
	}{
		{"ideal order", hits("a", "b", "c"), graded, 1, true},
		{"ideal with ties among grade 1", hits("a", "c", "b"), graded, 1, true},
		// DCG = (2^1−1)/log2 2 + (2^2−1)/log2 3 = 1 + 1.892789 = 2.892789;
		// IDCG = 3/log2 2 + 1/log2 3 + 1/log2 4 = 4.130930.
		{"swapped, c missing", hits("b", "a"), graded, 2.8927892607143724 / 4.130929753571458, true},
		{"judged 0 and unjudged give nothing", hits("n", "x", "a"), graded, 3 / 2.0 / 4.130929753571458, true},
		{"duplicate counts once", hits("a", "a", "b", "c"), graded, (3 + 0 + 1/math.Log2(4) + 1/math.Log2(5)) / 4.130929753571458, true},
		{"nothing relevant retrieved", hits("x", "y"), graded, 0, true},
		{"missing query", nil, graded, 0, true},
		// Twelve relevant documents of grade 1: the ideal holds ten of them
		// (IDCG = Σ_{i=1..10} 1/log2(i+1) = 4.543559), and the one found at
		// rank 10 gains 1/log2 11 = 0.289065: nDCG = 0.063621.
		{"ideal cut at 10", hits("y1", "y2", "y3", "y4", "y5", "y6", "y7", "y8", "y9", "x000"), twelve, 0.06362078819895171, true},
		{"found past 10 gains nothing", hits(append([]string{"y1", "y2", "y3", "y4", "y5", "y6", "y7", "y8", "y9", "y10"}, "x000")...), twelve, 0, true},
		{"no relevant document: undefined", hits("a"), map[string]int{"a": 0}, 0, false},
		{"no judgements: undefined", hits("a"), nil, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := eval.NDCG(c.hits, c.grades, eval.RankCutoff)
			if ok != c.ok || !near(got, c.want) {
				t.Errorf("NDCG = %v, %v; want %v, %v", got, ok, c.want, c.ok)
			}
		})
	}
}

func TestCrossLangRecall(t *testing.T) {
	langs := map[string]string{"fr1": "fr", "de1": "de", "nl1": "nl", "en1": "en", "de2": "de", "x": "de"}
	grades := map[string]int{"fr1": 2, "de1": 2, "nl1": 1, "en1": 1, "de2": 0}
	deep := append(filler(99), "de1", "nl1") // de1 at rank 100, nl1 at 101
	for _, c := range []struct {
		name   string
		hits   []eval.Hit
		grades map[string]int
		want   float64
		ok     bool
	}{
		// Relevant in another language than fr: de1, nl1, en1 (de2 has grade 0).
		{"one of three", hits("fr1", "de1", "x", "de2"), grades, 1.0 / 3, true},
		{"same-language hits do not count", hits("fr1"), grades, 0, true},
		{"all three, any grade", hits("en1", "nl1", "de1"), grades, 1, true},
		{"rank 100 counts, 101 does not", hits(deep...), grades, 1.0 / 3, true},
		{"duplicate counts once", hits("de1", "de1"), grades, 1.0 / 3, true},
		{"duplicates take places in the 100", hits(append(append([]string{"en1"}, filler(98)...), "en1", "de1")...), grades, 1.0 / 3, true},
		{"missing query", nil, grades, 0, true},
		{"only same-language relevant: undefined", hits("fr1"), map[string]int{"fr1": 2}, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := eval.CrossLangRecall(c.hits, c.grades, langs, "fr", eval.RecallCutoff)
			if ok != c.ok || !near(got, c.want) {
				t.Errorf("CrossLangRecall = %v, %v; want %v, %v", got, ok, c.want, c.ok)
			}
		})
	}
}
