package eval_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"passerelle/internal/search/eval"
)

// smallSet has a hand-scored run: see TestScore for the figures.
func smallSet() (eval.Set, eval.Run) {
	set := eval.Set{
		DocLang: map[string]string{"f1": "fr", "f2": "fr", "d1": "de", "d2": "de", "n1": "nl", "e1": "en", "x": "de"},
		Queries: []eval.Query{
			{ID: "k1", Lang: "de", Type: eval.KnownItem, Text: "Reinigung"},
			{ID: "k2", Lang: "en", Type: eval.KnownItem, Text: "cleaning"},
			{ID: "k3", Lang: "nl", Type: eval.KnownItem, Text: "schoonmaak"},
			{ID: "k4", Lang: "fr", Type: eval.KnownItem, Text: "sans réponse"},
			{ID: "s1", Lang: "fr", Type: eval.KnownItemSame, Text: "nettoyage"},
			{ID: "t1", Lang: "fr", Type: eval.Topic, Text: "nettoyage"},
			{ID: "t2", Lang: "de", Type: eval.Topic, Text: "Büroreinigung"},
			{ID: "t3", Lang: "en", Type: eval.Topic, Text: "cleaning"},
		},
		Qrels: eval.Qrels{
			"k1": {"f1": 2}, "k2": {"f1": 2}, "k3": {"d1": 2}, "k4": {"f1": 0}, "s1": {"f2": 2},
			"t1": {"f1": 2, "d1": 2, "n1": 1},
			"t2": {"d2": 2, "f2": 1},
			"t3": {"e1": 2},
		},
	}
	run := eval.Run{
		"k1": hits("x", "f1"),
		// k2 is missing.
		"k3": hits("d1"),
		"k4": hits("f1"),
		"s1": hits(append(filler(10), "f2")...),
		"t1": hits("d1", "f1", "x"),
		"t2": {},
		"t3": hits("e1"),
	}
	return set, run
}

// t1's nDCG@10: DCG = 3/log2 2 + 3/log2 3 = 4.892789, IDCG = DCG + 1/log2 4
// = 5.392789.
var t1NDCG = 4.892789260714372 / 5.392789260714372

func TestScore(t *testing.T) {
	set, run := smallSet()
	got := eval.Score(set, run)
	want := eval.Report{
		// k1 0.5, k2 missing 0, k3 1; k4 has no relevant document.
		KnownItem: eval.KnownItemScores{Queries: 3, MRR: 0.5, Success: 2.0 / 3},
		KnownItemByPair: map[eval.Pair]eval.KnownItemScores{
			{Query: "de", Doc: "fr"}: {Queries: 1, MRR: 0.5, Success: 1},
			{Query: "en", Doc: "fr"}: {Queries: 1},
			{Query: "nl", Doc: "de"}: {Queries: 1, MRR: 1, Success: 1},
		},
		// s1's document is at rank 11.
		KnownItemSame:       eval.KnownItemScores{Queries: 1},
		KnownItemSameByPair: map[eval.Pair]eval.KnownItemScores{{Query: "fr", Doc: "fr"}: {Queries: 1}},
		// t1: nDCG t1NDCG, recall of {d1, n1} 1/2; t2: 0 and 0 for {f2};
		// t3: nDCG 1, no relevant document in another language.
		Topic: eval.TopicScores{Queries: 3, NDCG: (t1NDCG + 0 + 1) / 3, CrossLangQueries: 2, CrossLangRecall: 0.25},
		TopicByLang: map[string]eval.TopicScores{
			"fr": {Queries: 1, NDCG: t1NDCG, CrossLangQueries: 1, CrossLangRecall: 0.5},
			"de": {Queries: 1, CrossLangQueries: 1},
			"en": {Queries: 1, NDCG: 1},
		},
		CrossLangRecallByPair: map[eval.Pair]float64{
			{Query: "fr", Doc: "de"}: 1, {Query: "fr", Doc: "nl"}: 0, {Query: "de", Doc: "fr"}: 0,
		},
		Missing:  []string{"k2"},
		Unjudged: []string{"k4"},
	}
	roundReport(&got)
	roundReport(&want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// roundReport rounds every mean to 12 digits, so that reports computed in
// another order of additions compare equal.
func roundReport(r *eval.Report) {
	round := func(v float64) float64 { return math.Round(v*1e12) / 1e12 }
	ki := func(s eval.KnownItemScores) eval.KnownItemScores {
		s.MRR, s.Success = round(s.MRR), round(s.Success)
		return s
	}
	tp := func(s eval.TopicScores) eval.TopicScores {
		s.NDCG, s.CrossLangRecall = round(s.NDCG), round(s.CrossLangRecall)
		return s
	}
	r.KnownItem, r.KnownItemSame, r.Topic = ki(r.KnownItem), ki(r.KnownItemSame), tp(r.Topic)
	for k, v := range r.KnownItemByPair {
		r.KnownItemByPair[k] = ki(v)
	}
	for k, v := range r.KnownItemSameByPair {
		r.KnownItemSameByPair[k] = ki(v)
	}
	for k, v := range r.TopicByLang {
		r.TopicByLang[k] = tp(v)
	}
	for k, v := range r.CrossLangRecallByPair {
		r.CrossLangRecallByPair[k] = round(v)
	}
}

func TestScoreOfAnEmptyRun(t *testing.T) {
	set, _ := smallSet()
	got := eval.Score(set, eval.Run{})
	if got.KnownItem != (eval.KnownItemScores{Queries: 3}) || got.Topic != (eval.TopicScores{Queries: 3, CrossLangQueries: 2}) {
		t.Errorf("an empty run scores %+v %+v, want zeros over every judged query", got.KnownItem, got.Topic)
	}
	if len(got.Missing) != len(set.Queries) {
		t.Errorf("missing %v, want every query", got.Missing)
	}
}

func TestEvaluate(t *testing.T) {
	set, run := smallSet()
	var asked []int
	s := eval.SearcherFunc(func(ctx context.Context, q eval.Query, k int) ([]eval.Hit, error) {
		asked = append(asked, k)
		return run[q.ID], nil
	})
	var progress []int
	gotRun, rep, err := eval.Evaluate(context.Background(), s, set, eval.Options{
		Progress: func(done, total int) {
			if total != len(set.Queries) {
				t.Errorf("total %d", total)
			}
			progress = append(progress, done)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(progress, []int{1, 2, 3, 4, 5, 6, 7, 8}) {
		t.Errorf("progress %v", progress)
	}
	if asked[0] != eval.MaxDepth {
		t.Errorf("asked for %d hits, want %d", asked[0], eval.MaxDepth)
	}
	// Every query is in the run, k2 with no hits: Evaluate asked for it.
	if len(gotRun) != len(set.Queries) || gotRun["k2"] != nil {
		t.Errorf("run %v", gotRun)
	}
	want := eval.Score(set, run)
	want.Missing = nil
	if rep.KnownItem != want.KnownItem || rep.Topic != want.Topic || rep.Missing != nil {
		t.Errorf("report %+v, want %+v", rep, want)
	}
}

func TestEvaluateDepth(t *testing.T) {
	set := eval.Set{Queries: []eval.Query{{ID: "q", Lang: "fr", Type: eval.Topic, Text: "x"}}}
	for _, c := range []struct{ depth, asked, kept int }{{0, 100, 100}, {500, 100, 100}, {5, 5, 5}} {
		var asked int
		// A searcher that ignores k must not make a run longer than asked.
		s := eval.SearcherFunc(func(ctx context.Context, q eval.Query, k int) ([]eval.Hit, error) {
			asked = k
			return hits(filler(150)...), nil
		})
		run, _, err := eval.Evaluate(context.Background(), s, set, eval.Options{Depth: c.depth})
		if err != nil {
			t.Fatal(err)
		}
		if asked != c.asked || len(run["q"]) != c.kept {
			t.Errorf("depth %d: asked %d, kept %d; want %d, %d", c.depth, asked, len(run["q"]), c.asked, c.kept)
		}
	}
}

func TestEvaluateStopsAtTheFirstError(t *testing.T) {
	set, _ := smallSet()
	down := errors.New("engine down")
	n := 0
	s := eval.SearcherFunc(func(ctx context.Context, q eval.Query, k int) ([]eval.Hit, error) {
		n++
		if q.ID == "k3" {
			return nil, down
		}
		return nil, nil
	})
	_, _, err := eval.Evaluate(context.Background(), s, set, eval.Options{})
	if !errors.Is(err, down) || !strings.Contains(err.Error(), `query k3 ("schoonmaak")`) || n != 3 {
		t.Errorf("err = %v after %d queries", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	s = func(ctx context.Context, q eval.Query, k int) ([]eval.Hit, error) {
		n++
		cancel()
		return nil, nil
	}
	if _, _, err := eval.Evaluate(ctx, s, set, eval.Options{}); !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("cancelled: err = %v after %d queries", err, n)
	}
}

func TestReportPrint(t *testing.T) {
	set, run := smallSet()
	var b strings.Builder
	if err := eval.Score(set, run).Print(&b); err != nil {
		t.Fatal(err)
	}
	// Compare words, not the alignment of the columns.
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			lines = append(lines, strings.Join(f, " "))
		}
	}
	want := []string{
		"known-item queries MRR@10 success@10",
		"all 3 0.5000 0.6667",
		"de→fr 1 0.5000 1.0000",
		"en→fr 1 0.0000 0.0000",
		"nl→de 1 1.0000 1.0000",
		"known-item-same queries MRR@10 success@10",
		"all 1 0.0000 0.0000",
		"fr→fr 1 0.0000 0.0000",
		"topic queries nDCG@10 x-lang recall@100",
		"all 3 0.6358 0.2500",
		"de→* 1 0.0000 0.0000",
		"en→* 1 1.0000 0.0000",
		"fr→* 1 0.9073 0.5000",
		"de→fr 0.0000",
		"fr→de 1.0000",
		"fr→nl 0.0000",
		"1 queries missing from the run (scored 0), e.g. k2",
		"1 queries without a relevant document (left out), e.g. k4",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("printed\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestReportEncodesToJSON(t *testing.T) {
	set, run := smallSet()
	b, err := json.Marshal(eval.Score(set, run))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, `"KnownItemByPair":{"de→fr":{"Queries":1,"MRR":0.5,"Success":1}`) {
		t.Errorf("JSON %s", s)
	}
}
