package bleve

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Searches without text, newest first: the search page before anything is
// typed, and every filter clicked then. Bleve's collector sorts every
// matching document by its publication date and id, reading each one's
// doc values and, for the id, its stored fields: 100 ms at 100,000
// listings. The date and the id of every document are in the segment's
// tables (facetTables, read once per segment), so the engine picks the
// page's documents itself, a comparison of two integers per document, and
// gives bleve only those: its collector sorts them and cuts the cursor as
// before. The total and the facets count every document the filters keep.

// dateTop is the page of a search without text sorted by date: its k
// documents after the cursor (when hasAfter).
type dateTop struct {
	k        int
	hasAfter bool
	afterPub int64 // numeric.Float64ToInt64 of the cursor's date
	afterID  string
}

// newDateTop reads the cursor's values (decodeCursor's); ok is false when
// they are not a date and an id, which bleve then judges.
func newDateTop(k int, after []string) (*dateTop, bool) {
	t := &dateTop{k: k}
	if after == nil {
		return t, true
	}
	if len(after) != 2 {
		return nil, false
	}
	f, err := strconv.ParseFloat(after[0], 64)
	if err != nil || math.IsNaN(f) {
		return nil, false
	}
	t.hasAfter, t.afterPub, t.afterID = true, numeric.Float64ToInt64(f), after[1]
	return t, true
}

// follows tells whether p comes after the cursor in the page order.
func (t *dateTop) follows(p datePick) bool {
	return p.pub < t.afterPub || p.pub == t.afterPub && p.id > t.afterID
}

// datePick is a candidate of the page.
type datePick struct {
	num uint32
	pub int64
	id  string
}

// before tells whether a comes before b in the page order: newest first,
// then by id (bleve's SortField descending, then SortDocID).
func (a datePick) before(b datePick) bool {
	if a.pub != b.pub {
		return a.pub > b.pub
	}
	return a.id < b.id
}

// dateSearcher counts the total and the facets of the documents the
// filters keep, picks the page's documents, and returns a searcher giving
// bleve those only, scored as match_all scores them.
func (q *execQuery) dateSearcher(ctx context.Context, snap *scorch.IndexSnapshot, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	allow, err := q.allowed(ctx, snap, m)
	if err != nil {
		return nil, err
	}
	segs := snap.Segments()
	starts := make([]uint64, len(segs)+1)
	for i, ss := range segs {
		starts[i+1] = starts[i] + ss.Segment().Count()
	}
	top := q.dates
	heap := make([]datePick, 0, top.k) // the worst candidate first
	worse := func(i, j int) bool { return heap[j].before(heap[i]) }
	down := func(i int) {
		for {
			l, r, w := 2*i+1, 2*i+2, i
			if l < len(heap) && worse(l, w) {
				w = l
			}
			if r < len(heap) && worse(r, w) {
				w = r
			}
			if w == i {
				return
			}
			heap[i], heap[w] = heap[w], heap[i]
			i = w
		}
	}
	seg, total := -1, 0
	var t *facetTables
	it := allow.Iterator()
	for n := 0; it.HasNext(); n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		num := it.Next()
		if seg < 0 || uint64(num) >= starts[seg+1] {
			seg = sort.Search(len(segs), func(i int) bool { return starts[i+1] > uint64(num) })
			if seg == len(segs) {
				return nil, fmt.Errorf("search: document number %d beyond the snapshot", num)
			}
			if t, err = q.tables.tables(segs[seg].Segment()); err != nil {
				return nil, err
			}
		}
		total++
		if q.facets != nil {
			if err := q.facets.add(uint64(num)); err != nil {
				return nil, err
			}
		}
		local := uint64(num) - starts[seg]
		if local >= uint64(len(t.published)) {
			return nil, fmt.Errorf("search: document %d beyond its segment's tables", num)
		}
		p := datePick{num: num, pub: t.published[local], id: t.ids[local]}
		if top.hasAfter && !top.follows(p) {
			continue // on an earlier page
		}
		switch {
		case len(heap) < top.k:
			heap = append(heap, p)
			for i := len(heap) - 1; i > 0; {
				parent := (i - 1) / 2
				if !worse(i, parent) {
					break
				}
				heap[i], heap[parent] = heap[parent], heap[i]
				i = parent
			}
		case p.before(heap[0]):
			heap[0] = p
			down(0)
		}
	}
	q.total, q.counted = total, true
	picks := make([]uint32, len(heap))
	for i, p := range heap {
		picks[i] = p.num
	}
	sort.Slice(picks, func(i, j int) bool { return picks[i] < picks[j] })
	all, err := query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil, nil).Searcher(ctx, snap, m, opts)
	if err != nil {
		return nil, err
	}
	return &pickSearcher{Searcher: all, picks: picks}, nil
}

// pickSearcher gives the documents of picks (ascending, live documents
// the filters keep), each with the score match_all gives every document:
// the wrapped match_all searcher is asked for its first match only, for
// that score. Advancing it to each pick, as before, walked every document
// up to the pick (bleve's document id reader advances one by one): a
// fifth of a date page's time at 100,000 listings.
type pickSearcher struct {
	bsearch.Searcher
	picks  []uint32
	i      int
	score  float64
	scored bool
}

func (s *pickSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if s.i >= len(s.picks) {
		return nil, nil
	}
	if !s.scored {
		first, err := s.Searcher.Next(ctx)
		if err != nil || first == nil {
			return nil, err // no live document: no pick either
		}
		s.score, s.scored = first.Score, true
		ctx.DocumentMatchPool.Put(first)
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, uint64(s.picks[s.i]))
	dm.Score = s.score
	s.i++
	return dm, nil
}

func (s *pickSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	v := id.Value()
	for s.i < len(s.picks) && uint64(s.picks[s.i]) < v {
		s.i++
	}
	return s.Next(ctx)
}
