package bleve

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// disMaxQuery matches the documents any of its clauses matches and scores
// a document by its best clause, plus tie × the others: the alternatives
// of one query word (its own form and its translations) count as one
// piece of evidence, not as many (Pirkola's structured queries). A plain
// disjunction would add them up and multiply by the share that matched,
// so that a word with many translations would outweigh the others. Bleve
// has no such query: it is built here on the clauses' own searchers.
type disMaxQuery struct {
	clauses []query.Query
	tie     float64
	// coord, when positive, multiplies the score by (clauses matched /
	// clauses)^coord: documents matching more of the clauses first.
	coord float64
}

func (q *disMaxQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s := &disMaxSearcher{tie: q.tie, coord: q.coord}
	for _, c := range q.clauses {
		cs, err := c.Searcher(ctx, i, m, options)
		if err != nil {
			for _, done := range s.children {
				_ = done.Close()
			}
			return nil, err
		}
		s.children = append(s.children, cs)
	}
	s.currs = make([]*bsearch.DocumentMatch, len(s.children))
	return s, nil
}

// disMaxSearcher walks its children in document order, like bleve's
// disjunction searchers, and scores each document by disMaxQuery's rule.
type disMaxSearcher struct {
	children    []bsearch.Searcher
	currs       []*bsearch.DocumentMatch
	matched     []int                    // scratch of Next
	others      []*bsearch.DocumentMatch // scratch of Next
	tie         float64
	coord       float64
	initialized bool
}

func (s *disMaxSearcher) init(ctx *bsearch.SearchContext) error {
	for i, c := range s.children {
		var err error
		if s.currs[i], err = c.Next(ctx); err != nil {
			return err
		}
	}
	s.initialized = true
	return nil
}

// Next returns the next document any child matches, scored.
func (s *disMaxSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !s.initialized {
		if err := s.init(ctx); err != nil {
			return nil, err
		}
	}
	// Document numbers compared as integers: IndexInternalID.Compare is
	// a bytes.Compare, a tenth of a broad search's time here.
	first, found := uint64(0), false
	for _, c := range s.currs {
		if c != nil {
			if v := c.IndexInternalID.Value(); !found || v < first {
				first, found = v, true
			}
		}
	}
	if !found {
		return nil, nil
	}
	// The best match carries the result; the others lend their score
	// (times tie) and their term locations, then go back to the pool.
	var best *bsearch.DocumentMatch
	sum := 0.0
	matched := s.matched[:0] // reused: one allocation per search, not per hit
	for i, c := range s.currs {
		if c != nil && c.IndexInternalID.Value() == first {
			matched = append(matched, i)
			sum += c.Score
			if best == nil || c.Score > best.Score {
				best = c
			}
		}
	}
	s.matched = matched
	best.Score += s.tie * (sum - best.Score)
	if s.coord > 0 {
		best.Score *= math.Pow(float64(len(matched))/float64(len(s.children)), s.coord)
	}
	// Term locations exist only when asked for (the match details are
	// found otherwise, details.go): then the others lend theirs.
	if len(matched) > 1 {
		others := s.others[:0]
		locations := len(best.FieldTermLocations) > 0
		for _, i := range matched {
			if c := s.currs[i]; c != best {
				others = append(others, c)
				locations = locations || len(c.FieldTermLocations) > 0
			}
		}
		if locations {
			best.FieldTermLocations = bsearch.MergeFieldTermLocations(best.FieldTermLocations, others)
		}
		clear(others)
		s.others = others[:0]
	}
	for _, i := range matched {
		if s.currs[i] != best {
			ctx.DocumentMatchPool.Put(s.currs[i])
		}
		var err error
		if s.currs[i], err = s.children[i].Next(ctx); err != nil {
			return nil, err
		}
	}
	return best, nil
}

// Advance skips to the first document at or after id.
func (s *disMaxSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if !s.initialized {
		if err := s.init(ctx); err != nil {
			return nil, err
		}
	}
	target := id.Value()
	for i, c := range s.children {
		if cur := s.currs[i]; cur != nil {
			if cur.IndexInternalID.Value() >= target {
				continue
			}
			ctx.DocumentMatchPool.Put(cur)
		} else {
			continue // exhausted
		}
		var err error
		if s.currs[i], err = c.Advance(ctx, id); err != nil {
			return nil, err
		}
	}
	return s.Next(ctx)
}

// Weight and SetQueryNorm pass through, as a disjunction's do: the query
// norm is computed once over every leaf by the enclosing disjunction.
func (s *disMaxSearcher) Weight() float64 {
	w := 0.0
	for _, c := range s.children {
		w += c.Weight()
	}
	return w
}

func (s *disMaxSearcher) SetQueryNorm(n float64) {
	for _, c := range s.children {
		c.SetQueryNorm(n)
	}
}

// Count is an upper bound, as a disjunction's is.
func (s *disMaxSearcher) Count() uint64 {
	var n uint64
	for _, c := range s.children {
		n += c.Count()
	}
	return n
}

func (s *disMaxSearcher) Min() int { return 0 }

func (s *disMaxSearcher) Size() int {
	n := 64
	for _, c := range s.children {
		n += c.Size()
	}
	return n
}

func (s *disMaxSearcher) DocumentMatchPoolSize() int {
	n := len(s.currs)
	for _, c := range s.children {
		n += c.DocumentMatchPoolSize()
	}
	return n
}

func (s *disMaxSearcher) Close() error {
	var first error
	for _, c := range s.children {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
