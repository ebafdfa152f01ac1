package bleve

import (
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// wordQuery is bleve's MatchQuery (the words of text in field, any of
// them), built for a query of a hundred of them: a query word is analysed
// once per language rather than once per field (memo), and a text of one
// word is that word's term searcher itself, where MatchQuery wraps it in a
// disjunction of one that every hit then passes through. A disjunction of
// one scores its clause's score × 1/1, the same to the last bit.
type wordQuery struct {
	text  string
	field string
	boost float64
	memo  *analysisMemo
}

var _ query.Query = (*wordQuery)(nil)

// Searcher implements query.Query.
func (q *wordQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	terms, err := q.memo.terms(m, q.field, q.text)
	if err != nil {
		return nil, err
	}
	switch len(terms) {
	case 0:
		return searcher.NewMatchNoneSearcher(r)
	case 1:
		return searcher.NewTermSearcher(ctx, r, terms[0], q.field, q.boost, opts)
	}
	ss := make([]bsearch.Searcher, 0, len(terms))
	for _, t := range terms {
		s, err := searcher.NewTermSearcher(ctx, r, t, q.field, q.boost, opts)
		if err != nil {
			for _, done := range ss {
				_ = done.Close()
			}
			return nil, err
		}
		ss = append(ss, s)
	}
	return searcher.NewDisjunctionSearcher(ctx, r, ss, 1, opts)
}

// analysisMemo remembers the terms of the texts one query analyses, by
// analyzer. The zero value is ready; a nil memo analyses every time.
type analysisMemo struct {
	mu   sync.Mutex
	seen map[[2]string][]string
}

func (a *analysisMemo) terms(m mapping.IndexMapping, field, text string) ([]string, error) {
	name := m.AnalyzerNameForPath(field)
	key := [2]string{name, text}
	if a != nil {
		a.mu.Lock()
		t, ok := a.seen[key]
		a.mu.Unlock()
		if ok {
			return t, nil
		}
	}
	analyzer := m.AnalyzerNamed(name)
	if analyzer == nil {
		return nil, fmt.Errorf("search: no analyzer named %q", name)
	}
	tokens := analyzer.Analyze([]byte(text))
	t := make([]string, len(tokens))
	for i, tok := range tokens {
		t[i] = string(tok.Term)
	}
	if a != nil {
		a.mu.Lock()
		if a.seen == nil {
			a.seen = map[[2]string][]string{}
		}
		a.seen[key] = t
		a.mu.Unlock()
	}
	return t, nil
}
