package eval_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/internal/search/eval"
)

func TestLoadSetFilesAndWriteRunFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	corpus := write("corpus.jsonl", doc1+"\n"+doc2+"\n")
	queries := write("queries.jsonl", `{"id":"q1","lang":"de","type":"known-item","text":"Nettoyage"}`+"\n")
	qrels := write("qrels.tsv", "q1\td1\t2\n")
	n := 0
	set, err := eval.LoadSetFiles(corpus, queries, qrels, func(eval.Document) error { n++; return nil })
	if err != nil || n != 2 || len(set.Queries) != 1 || set.Qrels["q1"]["d1"] != 2 {
		t.Fatalf("set %+v, %d indexed, err %v", set, n, err)
	}

	out := filepath.Join(dir, "run.trec")
	if err := eval.WriteRunFile(out, eval.Run{"q1": hits("d2", "d1")}, "bm25"); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil || string(got) != "q1 Q0 d2 1 2 bm25\nq1 Q0 d1 2 1 bm25\n" {
		t.Errorf("run file %q, err %v", got, err)
	}

	if _, err := eval.LoadSetFiles(corpus, filepath.Join(dir, "nope.jsonl"), qrels, nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing queries file: err = %v", err)
	}
	bad := write("bad.tsv", "q1\td1\n")
	if _, err := eval.LoadSetFiles(corpus, queries, bad, nil); err == nil ||
		!strings.Contains(err.Error(), "bad.tsv: qrels line 1:") {
		t.Errorf("bad qrels: err = %v", err)
	}
	if err := eval.WriteRunFile(filepath.Join(dir, "no-such-dir", "run"), eval.Run{}, "t"); err == nil {
		t.Error("writing into a missing folder: no error")
	}
	if err := eval.WriteRunFile(out, eval.Run{"q1": hits("d1")}, "two words"); err == nil {
		t.Error("a bad tag: no error")
	}
}

func TestPrintProgress(t *testing.T) {
	var b strings.Builder
	p := eval.PrintProgress(&b, 2)
	for i := 1; i <= 5; i++ {
		p(i, 5)
	}
	if want := "searched 2/5 queries\nsearched 4/5 queries\nsearched 5/5 queries\n"; b.String() != want {
		t.Errorf("printed %q, want %q", b.String(), want)
	}
}
