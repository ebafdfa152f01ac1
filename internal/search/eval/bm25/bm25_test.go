package bm25_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/internal/search/eval"
	"passerelle/internal/search/eval/bm25"
	"passerelle/internal/search/eval/evaltest"
)

func TestTokenize(t *testing.T) {
	got := strings.Join(bm25.Tokenize("Nettoyage des BUREAUX — lot n°2, Bâtiment"), "|")
	if want := "nettoyage|des|bureaux|lot|n|2|bâtiment"; got != want {
		t.Errorf("Tokenize = %q, want %q", got, want)
	}
}

func TestSearchRanksByBM25(t *testing.T) {
	ix := bm25.New()
	for _, d := range []eval.Document{
		{ID: "a", Lang: "fr", Title: "nettoyage des bureaux", Description: "nettoyage nettoyage"},
		{ID: "b", Lang: "fr", Title: "entretien des espaces verts", Description: "tonte"},
		{ID: "c", Lang: "fr", Title: "nettoyage", Description: "des vitres de bureaux et de locaux techniques très longs"},
	} {
		if err := ix.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	hits, err := ix.Search(context.Background(), eval.Query{Text: "Nettoyage bureaux"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.DocID)
	}
	// a: both terms, short document; c: both terms, longer; b: neither.
	if got := strings.Join(ids, ","); got != "a,c" {
		t.Errorf("hits = %s, want a,c", got)
	}
	if hits[0].Score <= hits[1].Score {
		t.Errorf("scores not decreasing: %v", hits)
	}
	if hits, _ := ix.Search(context.Background(), eval.Query{Text: "nettoyage"}, 1); len(hits) != 1 {
		t.Errorf("k=1 returned %d hits", len(hits))
	}
}

// TestDevSetReferencePoints runs the whole pipeline (readers, searcher,
// evaluation, TREC writer and reader) on the dev set and checks that a
// plain BM25 lands on the reference points its README gives.
func TestDevSetReferencePoints(t *testing.T) {
	dir := evaltest.SetDir(t, "search")
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	ix := bm25.New()
	set, err := eval.LoadSet(open("corpus.jsonl"), open("queries.jsonl"), open("qrels.tsv"), ix.Add)
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	run, rep, err := eval.Evaluate(context.Background(), ix, set, eval.Options{
		Progress: func(done, total int) {
			calls++
			if done != calls || total != len(set.Queries) {
				t.Fatalf("progress %d/%d at call %d", done, total, calls)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != len(set.Queries) {
		t.Errorf("progress called %d times, want %d", calls, len(set.Queries))
	}
	var out strings.Builder
	if err := rep.Print(&out); err != nil {
		t.Fatal(err)
	}
	t.Logf("plain BM25 on the dev set:\n%s", out.String())

	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"known-item MRR@10", rep.KnownItem.MRR, 0.23},
		{"known-item-same MRR@10", rep.KnownItemSame.MRR, 1.00},
		{"topic nDCG@10", rep.Topic.NDCG, 0.19},
		{"cross-language recall@100", rep.Topic.CrossLangRecall, 0.02},
	} {
		if math.Abs(c.got-c.want) > 0.03 {
			t.Errorf("%s = %.4f, want %.2f ± 0.03", c.name, c.got, c.want)
		}
	}
	if len(rep.Missing) != 0 || len(rep.Unjudged) != 0 {
		t.Errorf("missing %v, unjudged %v", rep.Missing, rep.Unjudged)
	}

	// The run survives a round trip through its TREC file with the same
	// scores, as search-eval --run writes it and a later tool reads it.
	var trec strings.Builder
	if err := eval.WriteRun(&trec, run, "bm25"); err != nil {
		t.Fatal(err)
	}
	back, err := eval.ReadRun(strings.NewReader(trec.String()))
	if err != nil {
		t.Fatal(err)
	}
	if again := eval.Score(set, back); again.KnownItem != rep.KnownItem || again.Topic != rep.Topic {
		t.Errorf("scores after the TREC round trip %+v %+v, want %+v %+v", again.KnownItem, again.Topic, rep.KnownItem, rep.Topic)
	}
}
