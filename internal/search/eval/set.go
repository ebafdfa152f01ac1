package eval

import (
	"fmt"
	"io"
	"sort"
)

// Set is what the measures need of a test set: the queries, their
// judgements and the language of every document of the corpus.
type Set struct {
	Queries []Query
	Qrels   Qrels
	DocLang map[string]string
}

// LoadSet reads a corpus, queries and qrels, calling index with every
// document of the corpus as it streams by (to fill the engine under test;
// nil when the engine is filled elsewhere). A document judged in the qrels
// but absent from the corpus is an error: its language would be unknown and
// the set is inconsistent. Judgements of queries that are not in the
// queries file are ignored, so a subset of the queries can be run.
func LoadSet(corpus, queries, qrels io.Reader, index func(Document) error) (Set, error) {
	set := Set{DocLang: make(map[string]string)}
	err := ReadCorpus(corpus, func(d Document) error {
		set.DocLang[d.ID] = d.Lang
		if index == nil {
			return nil
		}
		return index(d)
	})
	if err != nil {
		return Set{}, err
	}
	if set.Queries, err = ReadQueries(queries); err != nil {
		return Set{}, err
	}
	if set.Qrels, err = ReadQrels(qrels); err != nil {
		return Set{}, err
	}
	var unknown []string
	for q, docs := range set.Qrels {
		for doc := range docs {
			if _, ok := set.DocLang[doc]; !ok {
				unknown = append(unknown, q+" "+doc)
			}
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return Set{}, fmt.Errorf("qrels judge %d documents that are not in the corpus, e.g. %s", len(unknown), unknown[0])
	}
	return set, nil
}
