package eval

import (
	"context"
	"fmt"
)

// Searcher is the engine under test: it answers one query of the set with
// at most k hits, best first. An implementation decides what it does with
// the query's language (a monolingual engine ignores it; cross-language
// retrieval uses it to pick translations).
type Searcher interface {
	Search(ctx context.Context, q Query, k int) ([]Hit, error)
}

// SearcherFunc adapts a function to Searcher.
type SearcherFunc func(ctx context.Context, q Query, k int) ([]Hit, error)

// Search calls f.
func (f SearcherFunc) Search(ctx context.Context, q Query, k int) ([]Hit, error) {
	return f(ctx, q, k)
}

// Options tune Evaluate; the zero value is what search-eval uses.
type Options struct {
	// Depth is the number of hits asked for each query; 0 means MaxDepth,
	// which cross-language recall needs. It is capped at MaxDepth.
	Depth int
	// Progress, when set, is called after every query with the number of
	// queries done and the total, so that a command can draw a progress
	// bar on a long run. It runs on Evaluate's goroutine: keep it quick.
	Progress func(done, total int)
}

// Evaluate runs every query of set on s, in the set's order, and returns the
// run and its report. The first error of the searcher (or of ctx) stops the
// evaluation and is returned with the query that failed: a run with holes
// would report a score the engine does not have.
func Evaluate(ctx context.Context, s Searcher, set Set, opt Options) (Run, Report, error) {
	depth := opt.Depth
	if depth <= 0 || depth > MaxDepth {
		depth = MaxDepth
	}
	run := make(Run, len(set.Queries))
	for i, q := range set.Queries {
		if err := ctx.Err(); err != nil {
			return nil, Report{}, err
		}
		hits, err := s.Search(ctx, q, depth)
		if err != nil {
			return nil, Report{}, fmt.Errorf("query %s (%q): %w", q.ID, q.Text, err)
		}
		if len(hits) > depth {
			hits = hits[:depth]
		}
		run[q.ID] = hits
		if opt.Progress != nil {
			opt.Progress(i+1, len(set.Queries))
		}
	}
	return run, Score(set, run), nil
}
