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
	for k, want := range map[int]int{1: 1, 0: 0, -1: 0} {
		if hits, _ := ix.Search(context.Background(), eval.Query{Text: "nettoyage"}, k); len(hits) != want {
			t.Errorf("k=%d returned %d hits, want %d", k, len(hits), want)
		}
	}
	if hits, _ := bm25.New().Search(context.Background(), eval.Query{Text: "nettoyage"}, 10); len(hits) != 0 {
		t.Errorf("an empty index returned %v", hits)
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

	// README is the set's reference point, measured with a BM25 whose exact
	// analysis is not published; this implementation lands within 0.035 of
	// each (known-item 0.201 against 0.23: an independent Python BM25 over
	// the same tokens gives 0.2011 too, so the gap is in the reference's
	// analysis, not in the measures). Pinned holds this implementation's own
	// figures, so that a change to the measures or to the readers that moves
	// any of them fails here, with the README check as a sanity bound.
	for _, c := range []struct {
		name                string
		got, readme, pinned float64
	}{
		{"known-item MRR@10", rep.KnownItem.MRR, 0.23, 0.2011},
		{"known-item success@10", rep.KnownItem.Success, math.NaN(), 0.2808},
		{"known-item-same MRR@10", rep.KnownItemSame.MRR, 1.00, 0.9918},
		{"topic nDCG@10", rep.Topic.NDCG, 0.19, 0.1866},
		{"cross-language recall@100", rep.Topic.CrossLangRecall, 0.02, 0.0166},
	} {
		if !math.IsNaN(c.readme) && math.Abs(c.got-c.readme) > 0.035 {
			t.Errorf("%s = %.4f, README says %.2f", c.name, c.got, c.readme)
		}
		if math.Abs(c.got-c.pinned) > 0.00005 {
			t.Errorf("%s = %.4f, was %.4f", c.name, c.got, c.pinned)
		}
	}
	if rep.KnownItem.Queries != 146 || rep.KnownItemSame.Queries != 61 || rep.Topic.Queries != 36 || rep.Topic.CrossLangQueries != 36 {
		t.Errorf("queries averaged: %d known-item, %d same, %d topic, %d cross-language", rep.KnownItem.Queries,
			rep.KnownItemSame.Queries, rep.Topic.Queries, rep.Topic.CrossLangQueries)
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
