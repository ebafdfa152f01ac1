package eval_test

import (
	"reflect"
	"strings"
	"testing"

	"passerelle/internal/search/eval"
)

func TestWriteRun(t *testing.T) {
	run := eval.Run{
		"q2": {{DocID: "d3", Score: 12.5}, {DocID: "d1", Score: 0.25}},
		"q1": {{DocID: "d2", Score: 1}},
		"q3": nil,
	}
	var b strings.Builder
	if err := eval.WriteRun(&b, run, "bm25"); err != nil {
		t.Fatal(err)
	}
	want := "q1 Q0 d2 1 1 bm25\nq2 Q0 d3 1 12.5 bm25\nq2 Q0 d1 2 0.25 bm25\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteRunStopsAt100(t *testing.T) {
	var long []eval.Hit
	for _, id := range filler(150) {
		long = append(long, eval.Hit{DocID: id, Score: 1})
	}
	var b strings.Builder
	if err := eval.WriteRun(&b, eval.Run{"q": long}, "t"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != eval.MaxDepth || lines[99] != "q Q0 x099 100 1 t" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

func TestWriteRunRefusesWhatBreaksTheFormat(t *testing.T) {
	for _, c := range []struct {
		name string
		run  eval.Run
		tag  string
	}{
		{"tag with a space", eval.Run{"q": hits("d")}, "bm25 plain"},
		{"empty tag", eval.Run{"q": hits("d")}, ""},
		{"query id with a tab", eval.Run{"q\t1": hits("d")}, "t"},
		{"empty document id", eval.Run{"q": hits("")}, "t"},
		{"document id with a space", eval.Run{"q": hits("d 1")}, "t"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := eval.WriteRun(&strings.Builder{}, c.run, c.tag); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestReadRunOrdersByRank(t *testing.T) {
	// Lines out of order and a score that contradicts the ranks: the rank
	// column decides.
	in := "q1 Q0 d2 2 9.5 t\n\nq1 Q0 d1 1 3 t\nq2\tQ0\td9\t1\t-1.5e2\tt\nq1 Q0 d3 7 0 t\n"
	got, err := eval.ReadRun(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := eval.Run{
		"q1": {{DocID: "d1", Score: 3}, {DocID: "d2", Score: 9.5}, {DocID: "d3", Score: 0}},
		"q2": {{DocID: "d9", Score: -150}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestReadRunErrorsNameTheLine(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"five fields", "q Q0 d 1 2.0", "run line 1: want `query_id Q0 doc_id rank score tag`, got 5 fields"},
		{"rank 0", "q Q0 d 1 1 t\nq Q0 e 0 1 t", `run line 2: rank "0"`},
		{"rank not a number", "q Q0 d one 1 t", `run line 1: rank "one"`},
		{"score not a number", "q Q0 d 1 high t", `run line 1: score "high"`},
		{"rank twice", "q Q0 d 1 1 t\n\nq Q0 e 1 1 t", "run line 3: query q: rank 1 given twice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := eval.ReadRun(strings.NewReader(c.in)); err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("err = %v, want it to start with %q", err, c.want)
			}
		})
	}
}

func TestRunRoundTrip(t *testing.T) {
	run := eval.Run{"a": {{DocID: "d1", Score: 0.1 + 0.2}, {DocID: "d2", Score: 1e-7}}, "b": {{DocID: "d1", Score: 3}}}
	var b strings.Builder
	if err := eval.WriteRun(&b, run, "t"); err != nil {
		t.Fatal(err)
	}
	back, err := eval.ReadRun(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, run) {
		t.Errorf("read back %v, want %v", back, run)
	}
}
