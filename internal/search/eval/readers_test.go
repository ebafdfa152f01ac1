package eval_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"passerelle/internal/search/eval"
)

const doc1 = `{"id":"d1","kind":"tender","lang":"fr","title":"Nettoyage","description":"Bureaux","cpv":["90910000"],"country":"FR","nuts":["FRF33"],"reserved":false}`
const doc2 = `{"id":"d2","kind":"tender","lang":"de","title":"Reinigung","description":"","cpv":[],"country":"DE","nuts":[],"reserved":true}`

func TestReadCorpusStreamsInOrder(t *testing.T) {
	var got []eval.Document
	err := eval.ReadCorpus(strings.NewReader(doc1+"\n\n  \n"+doc2), func(d eval.Document) error {
		got = append(got, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.Document{
		{ID: "d1", Kind: "tender", Lang: "fr", Title: "Nettoyage", Description: "Bureaux", CPV: []string{"90910000"}, Country: "FR", NUTS: []string{"FRF33"}},
		{ID: "d2", Kind: "tender", Lang: "de", Title: "Reinigung", CPV: []string{}, Country: "DE", NUTS: []string{}, Reserved: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestReadCorpusStopsAtTheCallersError(t *testing.T) {
	stop := errors.New("index full")
	n := 0
	err := eval.ReadCorpus(strings.NewReader(doc1+"\n"+doc2), func(eval.Document) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("err = %v after %d documents, want the callback's own error after 1", err, n)
	}
}

func TestReadCorpusErrorsNameTheLine(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"not JSON", doc1 + "\n\n{oops", "corpus line 3:"},
		{"unknown field", `{"id":"d","lang":"fr","titel":"x"}`, `corpus line 1: json: unknown field "titel"`},
		{"two objects on a line", doc1 + doc2, "corpus line 1: trailing data"},
		{"no id", `{"lang":"fr"}`, "corpus line 1: missing id"},
		{"other language", `{"id":"d","lang":"it"}`, `corpus line 1: document d: language "it"`},
		{"duplicate", doc1 + "\n" + doc1, "corpus line 2: duplicate document d1"},
		{"line too long", `{"id":"` + strings.Repeat("x", 5<<20) + `"}`, "corpus line 1: bufio.Scanner: token too long"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := eval.ReadCorpus(strings.NewReader(c.in), func(eval.Document) error { return nil })
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("err = %v, want it to start with %q", err, c.want)
			}
		})
	}
}

func TestReadQueries(t *testing.T) {
	in := `{"id":"q1","lang":"de","type":"known-item","text":"Reinigung"}

{"id":"q2","lang":"fr","type":"topic","text":"nettoyage des bureaux"}
{"id":"q3","lang":"nl","type":"known-item-same","text":"Schoonmaak"}`
	got, err := eval.ReadQueries(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.Query{
		{ID: "q1", Lang: "de", Type: eval.KnownItem, Text: "Reinigung"},
		{ID: "q2", Lang: "fr", Type: eval.Topic, Text: "nettoyage des bureaux"},
		{ID: "q3", Lang: "nl", Type: eval.KnownItemSame, Text: "Schoonmaak"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	for _, c := range []struct{ name, in, want string }{
		{"bad type", `{"id":"q","lang":"fr","type":"adhoc","text":"x"}`, `queries line 1: query q: unknown type "adhoc"`},
		{"bad language", "\n" + `{"id":"q","lang":"es","type":"topic","text":"x"}`, `queries line 2: query q: language "es"`},
		{"empty text", `{"id":"q","lang":"fr","type":"topic","text":""}`, "queries line 1: query q: empty text"},
		{"duplicate", in + "\n" + `{"id":"q1","lang":"de","type":"topic","text":"x"}`, "queries line 5: duplicate query q1"},
		{"not JSON", "q1 fr topic", "queries line 1: invalid character"},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs, err := eval.ReadQueries(strings.NewReader(c.in))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) || qs != nil {
				t.Errorf("err = %v, queries %v; want an error starting with %q", err, qs, c.want)
			}
		})
	}
}

func TestReadQrels(t *testing.T) {
	in := "q1\td1\t2\nq1\td2\t1\n\nq2 0 d1 0\nq2\t0\td3\t1\n"
	got, err := eval.ReadQrels(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := eval.Qrels{"q1": {"d1": 2, "d2": 1}, "q2": {"d1": 0, "d3": 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got.Relevant("q1", "d1") != 2 || got.Relevant("q1", "d9") != 0 || got.Relevant("q9", "d1") != 0 {
		t.Error("Relevant does not read the grades")
	}
	for _, c := range []struct{ name, in, want string }{
		{"two fields", "q1\td1\t2\nq1\td2\n", "qrels line 2: want query_id, doc_id and grade, got 2 fields"},
		{"grade not a number", "q1\td1\tyes", `qrels line 1: grade "yes"`},
		{"negative grade", "q1\td1\t-1", `qrels line 1: grade "-1"`},
		{"judged twice", "q1\td1\t2\n\nq1\td1\t1", "qrels line 3: q1 d1 judged twice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := eval.ReadQrels(strings.NewReader(c.in)); err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("err = %v, want it to start with %q", err, c.want)
			}
		})
	}
}

func TestLoadSet(t *testing.T) {
	queries := `{"id":"q1","lang":"de","type":"known-item","text":"Nettoyage"}`
	var indexed []string
	set, err := eval.LoadSet(strings.NewReader(doc1+"\n"+doc2), strings.NewReader(queries),
		strings.NewReader("q1\td1\t2\nq-other\td2\t1\n"), func(d eval.Document) error {
			indexed = append(indexed, d.ID)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(indexed, []string{"d1", "d2"}) {
		t.Errorf("indexed %v", indexed)
	}
	if !reflect.DeepEqual(set.DocLang, map[string]string{"d1": "fr", "d2": "de"}) || len(set.Queries) != 1 || set.Qrels["q1"]["d1"] != 2 {
		t.Errorf("set = %+v", set)
	}
	if _, err := eval.LoadSet(strings.NewReader(doc1), strings.NewReader(queries), strings.NewReader("q1\td1\t2\nq1\td7\t1\n"), nil); err == nil ||
		!strings.Contains(err.Error(), "1 documents that are not in the corpus, e.g. q1 d7") {
		t.Errorf("a judged document missing from the corpus: err = %v", err)
	}
	if _, err := eval.LoadSet(strings.NewReader(doc1), strings.NewReader("{"), strings.NewReader(""), nil); err == nil ||
		!strings.HasPrefix(err.Error(), "queries line 1:") {
		t.Errorf("a broken queries file: err = %v", err)
	}
}
