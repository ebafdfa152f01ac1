package bleve

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"passerelle/internal/search"
)

// execQuery is the query the engine gives bleve: it runs the text and the
// filters the fast way (prefiltered, below) and counts the facets as the
// hits go by (facetCounter), so that bleve is asked for no facets at all.
//
// Why not bleve's own BooleanQuery with a filter clause: bleve enumerates
// and scores every document the text matches, then drops those the filter
// refuses. A cross-language query is a disjunction of dozens of terms that
// matches half of a 100,000-listing index, while three filters keep a few
// thousand: most of the work went to documents thrown away.
type execQuery struct {
	// text scores; nil when the query has no text.
	text query.Query
	// filter restricts; nil when the query has no filters.
	filter query.Query
	// facets counts the hits' facet values; nil when none are asked.
	facets *facetCounter
	// postings caches frequent terms' decoded postings, and the scored
	// matches of recent texts under scoredKey; nil for none.
	postings  *postingsCache
	scoredKey string
	// filterKey names the filters' documents in postings (filtersets.go).
	filterKey string
	// scored are the text's kept matches when the search replayed them.
	scored *scoredMatches
	// top, when set, drops the hits that cannot make the page (relevance
	// sort only).
	top *topScores
	// total counts the hits, dropped ones included: bleve's total then
	// counts only the hits it was given.
	total int
	// dates, when set, picks the page of a search without text sorted by
	// date from tables (datesort.go), which then counts the total and the
	// facets itself (counted).
	dates   *dateTop
	tables  *facetCache
	counted bool
}

var _ query.Query = (*execQuery)(nil)

// Searcher implements query.Query.
func (q *execQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("search: bleve reader is %T, not a scorch snapshot", r)
	}
	if q.facets != nil {
		q.facets.start(snap)
	}
	q.total, q.counted = 0, false
	s, err := q.searcher(ctx, snap, m, opts)
	if err != nil {
		return nil, err
	}
	return &hitSearcher{Searcher: s, q: q}, nil
}

// hitSearcher passes its searcher's hits on to bleve's collector, counting
// them and their facets, and dropping those that cannot make the page.
type hitSearcher struct {
	bsearch.Searcher
	q *execQuery
}

// Next implements search.Searcher.
func (s *hitSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	return s.keep(ctx, dm, err)
}

// Advance implements search.Searcher.
func (s *hitSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	return s.keep(ctx, dm, err)
}

func (s *hitSearcher) keep(ctx *bsearch.SearchContext, dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for err == nil && dm != nil {
		if s.q.counted {
			return dm, nil
		}
		s.q.total++
		if s.q.facets != nil {
			if err := s.q.facets.add(dm.IndexInternalID.Value()); err != nil {
				return nil, err
			}
		}
		if s.q.top == nil || s.q.top.keep(dm.Score) {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
		dm, err = s.Searcher.Next(ctx)
	}
	return dm, err
}

// topScores keeps the k best scores of the hits that may make the page.
// Bleve's collector reads every hit's id from its stored fields to break
// ties (the sort ends with the id), a seventh of a broad query's time; a
// hit scoring below k others can never make the page, so it need not reach
// the collector. Hits tied with the k-th best, and hits at or above the
// cursor's score, go through: the collector decides those by id.
type topScores struct {
	k        int
	after    float64 // the cursor's score, when hasAfter
	hasAfter bool
	h        []float64 // min-heap
}

func (t *topScores) keep(score float64) bool {
	if t.hasAfter && score >= t.after {
		return true
	}
	if len(t.h) < t.k {
		t.h = append(t.h, score)
		for i := len(t.h) - 1; i > 0; {
			p := (i - 1) / 2
			if t.h[p] <= t.h[i] {
				break
			}
			t.h[p], t.h[i] = t.h[i], t.h[p]
			i = p
		}
		return true
	}
	if score < t.h[0] {
		return false
	}
	if score > t.h[0] {
		t.h[0] = score
		for i := 0; ; {
			l, r, m := 2*i+1, 2*i+2, i
			if l < len(t.h) && t.h[l] < t.h[m] {
				m = l
			}
			if r < len(t.h) && t.h[r] < t.h[m] {
				m = r
			}
			if m == i {
				break
			}
			t.h[i], t.h[m] = t.h[m], t.h[i]
			i = m
		}
	}
	return true
}

// searcher builds the searchers bleve's boolean query builds for a must
// clause (the text, or match_all) and a filter clause, so that scores are
// bleve's own to the last bit; only, with text, the text runs on a
// prefiltered snapshot (the filters' documents, or every live one)
// instead of through a filtering searcher.
func (q *execQuery) searcher(ctx context.Context, snap *scorch.IndexSnapshot, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	plain := func(must query.Query) (bsearch.Searcher, error) {
		bq := query.NewBooleanQuery([]query.Query{must}, nil, nil)
		if q.filter != nil {
			bq.AddFilter(q.filter)
		}
		return bq.Searcher(ctx, snap, m, opts)
	}
	if q.text == nil && q.dates != nil && q.tables != nil {
		return q.dateSearcher(ctx, snap, m, opts)
	}
	if q.text == nil {
		// Listing without text: match_all through the filter clause is
		// cheap, no term is scored.
		return plain(query.NewMatchAllQuery())
	}
	if q.postings != nil && q.scoredKey != "" && q.postings.scored.budget.Load() > 0 && opts.Score == "" && !opts.Explain && !opts.IncludeTermVectors {
		return q.replay(ctx, snap, m, opts, plain)
	}
	// Text alone (the search page's first search): every live document
	// is allowed, so that the text too runs the fast way (decoded
	// postings, phrases found once per segment) rather than through
	// bleve's phrase searcher on every candidate; at 100,000 listings
	// broad words match tens of thousands of them.
	allow, err := q.allowed(ctx, snap, m)
	if err != nil {
		return nil, err
	}
	if allow.IsEmpty() {
		return searcher.NewMatchNoneSearcher(snap)
	}
	pre := &prefiltered{IndexSnapshot: snap, allow: allow, postings: q.postings}
	must, err := query.NewConjunctionQuery([]query.Query{q.text}).Searcher(ctx, pre, m, opts)
	if err != nil {
		return nil, err
	}
	if _, none := must.(*searcher.MatchNoneSearcher); none {
		// Text that analyses to nothing (stop words only): bleve's
		// boolean query then keeps every filtered document, and so do we.
		return plain(q.text)
	}
	return searcher.NewBooleanSearcher(ctx, pre, must, nil, nil, opts)
}

// replay runs the text from its scored matches (scored.go), computed on
// the first search of the text on this snapshot.
func (q *execQuery) replay(ctx context.Context, snap *scorch.IndexSnapshot, m mapping.IndexMapping, opts bsearch.SearcherOptions, plain func(query.Query) (bsearch.Searcher, error)) (bsearch.Searcher, error) {
	sm, err := q.postings.scored.get(ctx, snap, q.scoredKey, func() (*scoredMatches, error) {
		return q.scoreAll(context.WithoutCancel(ctx), snap, m, opts)
	})
	if err != nil {
		return nil, err
	}
	if sm.none {
		// Text that analyses to nothing: as below.
		return plain(q.text)
	}
	var allow *roaring.Bitmap
	if q.filter != nil {
		if allow, err = q.filterDocs(ctx, snap, m); err != nil {
			return nil, err
		}
	}
	q.scored = sm
	return &replaySearcher{m: sm, allow: allow, q: q}, nil
}

// allowed returns the documents the filters keep, every live one when
// there are none.
func (q *execQuery) allowed(ctx context.Context, snap *scorch.IndexSnapshot, m mapping.IndexMapping) (*roaring.Bitmap, error) {
	if q.filter == nil {
		return q.liveDocs(ctx, snap, m)
	}
	return q.filterDocs(ctx, snap, m)
}

// liveDocs caches the live documents of one snapshot: listing them walks
// the whole index (7 ms a search at 100,000 listings on a loaded machine),
// and a snapshot changes only when the index does. The bitmap is shared
// and only read (prefiltered clones what it narrows).
type liveDocs struct {
	mu   sync.Mutex
	snap *scorch.IndexSnapshot
	docs *roaring.Bitmap
}

func (q *execQuery) liveDocs(ctx context.Context, snap *scorch.IndexSnapshot, m mapping.IndexMapping) (*roaring.Bitmap, error) {
	if q.postings == nil {
		return docSet(ctx, query.NewMatchAllQuery(), snap, m)
	}
	c := &q.postings.live
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != snap {
		docs, err := docSet(ctx, query.NewMatchAllQuery(), snap, m)
		if err != nil {
			return nil, err
		}
		c.snap, c.docs = snap, docs
	}
	return c.docs, nil
}

// docSet returns the documents (global doc numbers of snap) that filter
// matches. Filters score nothing, so bleve runs their disjunctions of
// keyword terms as unions of posting bitmaps: a few milliseconds even when
// they keep most of the index.
func docSet(ctx context.Context, filter query.Query, snap *scorch.IndexSnapshot, m mapping.IndexMapping) (*roaring.Bitmap, error) {
	s, err := filter.Searcher(ctx, snap, m, bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer func() { _ = s.Close() }()
	allow := roaring.New()
	if err := drain(ctx, s, func(num uint32, _ float64) { allow.Add(num) }); err != nil {
		return nil, err
	}
	return allow, nil
}

// drain runs s to its end, giving visit each match's document number and
// score.
func drain(ctx context.Context, s bsearch.Searcher, visit func(num uint32, score float64)) error {
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return err
		}
		if dm == nil {
			return nil
		}
		num := dm.IndexInternalID.Value()
		if num > math.MaxUint32 {
			return fmt.Errorf("search: document number %d beyond 32 bits", num)
		}
		visit(uint32(num), dm.Score)
		sctx.DocumentMatchPool.Put(dm)
	}
}

// prefiltered is a snapshot whose term postings skip the documents outside
// allow. The text query built on it matches exactly the documents of the
// text AND the filters, and scores them exactly as on the snapshot itself:
// term statistics (document frequency, document count, field lengths) come
// unchanged from the snapshot; only the enumeration skips. The embedded
// snapshot provides every other method, and with them the optional reader
// interfaces searchers look for (fuzzy, regexp, BM25 statistics, ...).
type prefiltered struct {
	*scorch.IndexSnapshot
	allow    *roaring.Bitmap
	postings *postingsCache
	// starts and local are allow split by segment (splitAllowed).
	starts []uint64
	local  []*roaring.Bitmap
}

// TermFieldReader implements index.IndexReader.
func (p *prefiltered) TermFieldReader(ctx context.Context, term []byte, field string, includeFreq, includeNorm, includeTermVectors bool) (index.TermFieldReader, error) {
	r, err := p.IndexSnapshot.TermFieldReader(ctx, term, field, includeFreq, includeNorm, includeTermVectors)
	if err != nil {
		return nil, err
	}
	hot, err := p.hotReader(ctx, r, term, field, includeFreq, includeNorm, includeTermVectors)
	if err != nil {
		_ = r.Close()
		return nil, err
	}
	if hot != nil {
		return hot, nil
	}
	return &allowedTermFieldReader{TermFieldReader: r, allow: p.allow}, nil
}

// allowedTermFieldReader returns only the postings of allowed documents:
// after a posting outside the set it jumps (Advance) to the next allowed
// document, so a long posting list costs about as many steps as the
// smaller of it and the allowed set.
type allowedTermFieldReader struct {
	index.TermFieldReader
	allow *roaring.Bitmap
	it    roaring.IntPeekable
	last  uint32 // where it stands; a move backwards restarts it
	id    [8]byte
}

// Next implements index.TermFieldReader.
func (r *allowedTermFieldReader) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	d, err := r.TermFieldReader.Next(pre)
	return r.skip(d, err, pre)
}

// Advance implements index.TermFieldReader.
func (r *allowedTermFieldReader) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	d, err := r.TermFieldReader.Advance(id, pre)
	return r.skip(d, err, pre)
}

func (r *allowedTermFieldReader) skip(d *index.TermFieldDoc, err error, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	for err == nil && d != nil {
		num := d.ID.Value()
		if num > math.MaxUint32 {
			return nil, nil // beyond every allowed document
		}
		n := uint32(num)
		if r.allow.Contains(n) {
			return d, nil
		}
		if r.it == nil || n < r.last {
			r.it = r.allow.Iterator()
		}
		r.last = n
		r.it.AdvanceIfNeeded(n)
		if !r.it.HasNext() {
			return nil, nil
		}
		// A separate buffer: the reader refills pre, which d may be.
		d, err = r.TermFieldReader.Advance(index.NewIndexInternalID(r.id[:], uint64(r.it.PeekNext())), pre)
	}
	return d, err
}

// execFor is the query run for a normalized query: its text and filters,
// its facets counted into facets (nil when none are asked), frequent
// terms read from postings (nil: from the index).
func execFor(q search.Query, s search.Settings, facets *facetCounter, postings *postingsCache) *execQuery {
	eq := &execQuery{filter: filterQuery(q), facets: facets, postings: postings}
	if eq.filter != nil && postings != nil {
		eq.filterKey = filterKey(q)
	}
	if q.HasText() {
		eq.text = textQuery(q, s)
		if postings != nil {
			eq.scoredKey, _ = scoredKey(q) // no key: no cache
		}
	}
	return eq
}
