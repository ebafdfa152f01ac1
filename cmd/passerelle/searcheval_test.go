package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/internal/search/crosslang"
	"passerelle/internal/search/eval"
	"passerelle/internal/search/eval/evaltest"
	"passerelle/internal/taxonomy/taxonomytest"
)

// TestSearchEvalDevSetFigures runs search-eval's whole pipeline on the dev
// set with cross-language expansion on and holds the figures reached when
// tuning (see the README's search-eval entry) minus a small margin, so that
// a change to analysis, expansion or ranking that loses quality fails here.
func TestSearchEvalDevSetFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the dev set")
	}
	dir := evaltest.SetDir(t, "search")
	dict := crosslang.DefaultDictDir
	if _, err := os.Stat(filepath.Join(dict, "freedict-deu-fra.index")); err != nil {
		if os.Getenv("PASSERELLE_TEST_REQUIRE_DATA") == "1" {
			t.Fatalf("FreeDict dictionaries missing in %s: run make deps-dict", dict)
		}
		t.Skipf("FreeDict dictionaries missing in %s (make deps-dict installs them): the figures depend on them", dict)
	}
	o := searchEvalOptions{
		Corpus:    filepath.Join(dir, "corpus.jsonl"),
		Queries:   filepath.Join(dir, "queries.jsonl"),
		Qrels:     filepath.Join(dir, "qrels.tsv"),
		Engine:    "bleve",
		CrossLang: true,
		CPV:       taxonomytest.DataFile(t, "cpv_2008_multilingual.csv"),
		NACE:      taxonomytest.DataFile(t, "nace_rev2_1_multilingual.csv"),
		Dict:      dict,
		IndexDir:  t.TempDir(),
	}
	var progress bytes.Buffer
	run, r, err := runSearchEval(context.Background(), o, &progress)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Missing) != 0 || len(run) == 0 {
		t.Fatalf("queries missing from the run: %v", r.Missing)
	}
	// Reached on 2026-11-26 with structured queries and the codes a query
	// names: 0.8615, 0.9918 or 1.0000 (one same-language query swaps
	// ranks 1 and 2 between runs: near-tied scores), 0.8385, 0.9449; then
	// with exact same-language matches first and translated concept
	// labels apart (issue 5's ranking rule, which costs topic nDCG@10:
	// a topic's relevant listings in other languages make room for
	// same-language ones): 0.8534, 0.9918, 0.8154, 0.9502; with the
	// exact bonus equal in title and description: 0.8534, 0.9918, 0.8127,
	// 0.9502. The topic floor stays at the target 0.80.
	const margin = 0.02
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"known-item MRR@10", r.KnownItem.MRR, 0.8534},
		{"same-language known-item MRR@10", r.KnownItemSame.MRR, 1.0},
		{"topic nDCG@10", r.Topic.NDCG, 0.8200},
		{"cross-language recall@100", r.Topic.CrossLangRecall, 0.9502},
	} {
		if c.got < c.want-margin {
			t.Errorf("%s = %.4f, below %.4f reached when tuning (margin %.2f)", c.name, c.got, c.want, margin)
		}
	}
	var out bytes.Buffer
	if err := r.Print(&out); err != nil {
		t.Fatal(err)
	}
	t.Logf("dev set, cross-language on:\n%s", out.String())
}

// TestSearchEvalCommand runs the command on a tiny set of its own: the run
// file is written in TREC format, the report printed, progress on stderr,
// and a German query finds the French notice through the expansion, which
// it cannot with --crosslang off.
func TestSearchEvalCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	corpus := write("corpus.jsonl", `{"id": "d-fr", "kind": "tender", "lang": "fr", "title": "Nettoyage des bureaux", "description": "Nettoyage quotidien des bureaux de la mairie.", "cpv": ["90919200"], "country": "FR", "nuts": ["FRF31"], "reserved": false}
{"id": "d-en", "kind": "tender", "lang": "en", "title": "Road maintenance", "description": "Repair of municipal roads.", "cpv": [], "country": "LU", "nuts": ["LU000"], "reserved": true}
`)
	queries := write("queries.jsonl", `{"id": "q1", "lang": "fr", "type": "known-item-same", "text": "nettoyage des bureaux"}
{"id": "q2", "lang": "de", "type": "known-item", "text": "Reinigung"}
`)
	qrels := write("qrels.tsv", "q1\t0\td-fr\t1\nq2\t0\td-fr\t1\n")
	for _, c := range []struct {
		crosslang string
		wantQ2    bool
	}{{"off", false}, {"on", true}} {
		runFile := filepath.Join(dir, "run-"+c.crosslang+".txt")
		explainFile := filepath.Join(dir, "explain-"+c.crosslang+".txt")
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"search-eval", "--corpus", corpus, "--queries", queries, "--qrels", qrels,
			"--run", runFile, "--crosslang", c.crosslang, "--dict", "", "--index-dir", filepath.Join(dir, "index"),
			"--explain", explainFile}, nil, &stdout, &stderr)
		if code != 0 {
			t.Fatalf("crosslang %s: exit %d\n%s", c.crosslang, code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "indexed 2 documents") || !strings.Contains(stdout.String(), "known-item") {
			t.Fatalf("crosslang %s: stdout\n%s\nstderr\n%s", c.crosslang, stdout.String(), stderr.String())
		}
		f, err := os.Open(runFile)
		if err != nil {
			t.Fatal(err)
		}
		got, err := eval.ReadRun(f)
		_ = f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(got["q1"]) == 0 || got["q1"][0].DocID != "d-fr" {
			t.Errorf("crosslang %s: q1 ranks %v, want d-fr first", c.crosslang, got["q1"])
		}
		found := len(got["q2"]) > 0 && got["q2"][0].DocID == "d-fr"
		if found != c.wantQ2 {
			t.Errorf("crosslang %s: q2 (German) ranks %v; want d-fr first: %v", c.crosslang, got["q2"], c.wantQ2)
		}
		// The diagnostics give each query's expansion and the rank of
		// its relevant document (missed without the expansion).
		explain, err := os.ReadFile(explainFile)
		if err != nil {
			t.Fatal(err)
		}
		wantRank := "rank miss: d-fr"
		if c.wantQ2 {
			wantRank = "rank 1: d-fr"
		}
		q2 := string(explain[strings.Index(string(explain), "== q2 "):])
		if !strings.Contains(string(explain), "== q1 known-item-same fr \"nettoyage des bureaux\"\n   rank 1: d-fr [fr] Nettoyage des bureaux") ||
			!strings.Contains(q2, wantRank) || !strings.Contains(q2, "de ×1.00: reinigung(1.00 query)") || !strings.Contains(q2, "clauses ") {
			t.Errorf("crosslang %s: diagnostics\n%s", c.crosslang, explain)
		}
	}
}

func TestSearchEvalRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"search-eval"},
		{"search-eval", "--corpus", "c", "--queries", "q", "--qrels", "r"},
		{"search-eval", "--corpus", "c", "--queries", "q", "--qrels", "r", "--run", "o", "--engine", "solr"},
		{"search-eval", "--corpus", "c", "--queries", "q", "--qrels", "r", "--run", "o", "--crosslang", "maybe"},
		{"search-eval", "--corpus", "c", "--queries", "q", "--qrels", "r", "--run", "o", "extra"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, nil, &stdout, &stderr); code != exitConfig {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitConfig, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"search-eval", "--corpus", "/nonexistent/c", "--queries", "q", "--qrels", "r", "--run", filepath.Join(t.TempDir(), "o"), "--dict", ""}, nil, &stdout, &stderr)
	if code != exitFail || !strings.Contains(stderr.String(), "/nonexistent/c") {
		t.Errorf("missing corpus: exit %d, stderr %s", code, stderr.String())
	}
}
