package bleve

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"passerelle/internal/search"
)

// Facet counting. Bleve counts facets by reading, for every hit, each
// facet field's doc values from its segment: a chunk of about a thousand
// documents, snappy-compressed, decompressed again for every field and
// every query, then split into terms. For a query with a few thousand hits
// and seven facets that was a third of the search time. Segments never
// change once written, so the engine decodes each segment's facet values
// once into flat arrays of term ordinals (facetTables) and a query's facets
// are then a few increments per hit. The values are the doc values bleve
// itself would read, so the counts are the same.

// facetOrder is the facets in table order.
var facetOrder = search.Facets

// facetFieldNames are the fields of facetOrder.
var facetFieldNames = func() []string {
	out := make([]string, len(facetOrder))
	for i, f := range facetOrder {
		out[i] = facetFields[f]
	}
	return out
}()

// facetTables are one segment's facet values: for facet field f and local
// document d, the ordinals ords[f][offs[f][d]:offs[f][d+1]] index terms[f].
//
// They also hold what a search without text sorted by date needs
// (datesort.go): each document's publication date (numeric.Float64ToInt64
// of the indexed value; math.MinInt64 for none) and id.
type facetTables struct {
	terms     [][]string
	offs      [][]uint32
	ords      [][]uint32
	published []int64
	ids       []string
}

// buildFacetTables reads every document's facet doc values of seg once.
func buildFacetTables(seg segment.Segment) (*facetTables, error) {
	dv, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return nil, fmt.Errorf("search: bleve segment %T has no doc values", seg)
	}
	n := seg.Count()
	t := &facetTables{
		terms: make([][]string, len(facetFieldNames)),
		offs:  make([][]uint32, len(facetFieldNames)),
		ords:  make([][]uint32, len(facetFieldNames)),
	}
	fieldOf := make(map[string]int, len(facetFieldNames))
	ordOf := make([]map[string]uint32, len(facetFieldNames))
	for i, name := range facetFieldNames {
		fieldOf[name] = i
		ordOf[i] = map[string]uint32{}
		t.offs[i] = make([]uint32, 1, n+1)
	}
	t.published = make([]int64, n)
	t.ids = make([]string, n)
	var pub int64
	visit := func(field string, term []byte) {
		if field == fieldPublished {
			if valid, shift := numeric.ValidPrefixCodedTermBytes(term); valid && shift == 0 && pub == math.MinInt64 {
				if v, err := numeric.PrefixCoded(term).Int64(); err == nil {
					pub = v
				}
			}
			return
		}
		f, ok := fieldOf[field]
		if !ok {
			return
		}
		o, ok := ordOf[f][string(term)]
		if !ok {
			o = uint32(len(t.terms[f]))
			s := string(term)
			ordOf[f][s] = o
			t.terms[f] = append(t.terms[f], s)
		}
		t.ords[f] = append(t.ords[f], o)
	}
	var dvs segment.DocVisitState
	fields := append(slices.Clone(facetFieldNames), fieldPublished)
	for d := range n {
		var err error
		pub = math.MinInt64
		if dvs, err = dv.VisitDocValues(d, fields, visit, dvs); err != nil {
			return nil, fmt.Errorf("search: read facet values: %w", err)
		}
		t.published[d] = pub
		id, err := seg.DocID(d)
		if err != nil {
			return nil, fmt.Errorf("search: read document id: %w", err)
		}
		t.ids[d] = string(id)
		for f := range t.offs {
			t.offs[f] = append(t.offs[f], uint32(len(t.ords[f])))
		}
	}
	return t, nil
}

// facetCache holds the tables of the segments of an index's recent
// snapshots. The zero value is ready.
type facetCache struct {
	mu   sync.Mutex
	segs map[segment.Segment]*facetEntry
}

type facetEntry struct {
	once   sync.Once
	tables *facetTables
	err    error
}

// tables returns seg's tables, building them on first use; concurrent
// searches wait for one build rather than each doing it. A build is not
// cancelled with the search that started it: others may be waiting for it,
// and it is done once per segment (about a second per 100,000 listings).
func (c *facetCache) tables(seg segment.Segment) (*facetTables, error) {
	c.mu.Lock()
	if c.segs == nil {
		c.segs = map[segment.Segment]*facetEntry{}
	}
	e, ok := c.segs[seg]
	if !ok {
		e = &facetEntry{}
		c.segs[seg] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.tables, e.err = buildFacetTables(seg) })
	if e.err != nil {
		// Not cached: the next search tries again.
		c.mu.Lock()
		if c.segs[seg] == e {
			delete(c.segs, seg)
		}
		c.mu.Unlock()
		return nil, e.err
	}
	return e.tables, nil
}

// keepOnly drops the tables of segments that left the index (merged away
// or emptied), keeping those of live.
func (c *facetCache) keepOnly(live []*scorch.SegmentSnapshot) {
	keep := make(map[segment.Segment]bool, len(live))
	for _, ss := range live {
		keep[ss.Segment()] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for seg := range c.segs {
		if !keep[seg] {
			delete(c.segs, seg)
		}
	}
}

// facetCounter counts the facet values of one search's hits.
type facetCounter struct {
	cache  *facetCache
	want   []int // indexes in facetOrder of the facets asked for
	segs   []*scorch.SegmentSnapshot
	starts []uint64 // global doc number of each segment's first document
	tables []*facetTables
	counts [][][]uint32 // [segment][facet][ordinal]; 32 bits halve the cache lines touched
	cur    int          // segment of the last hit (hits come in doc order)
}

func newFacetCounter(cache *facetCache, facets []search.Facet) *facetCounter {
	c := &facetCounter{cache: cache}
	for _, f := range facets {
		for i, g := range facetOrder {
			if f == g {
				c.want = append(c.want, i)
			}
		}
	}
	return c
}

// start binds the counter to the snapshot the search runs on.
func (c *facetCounter) start(snap *scorch.IndexSnapshot) {
	c.segs = snap.Segments()
	c.starts = make([]uint64, len(c.segs))
	var next uint64
	for i, ss := range c.segs {
		c.starts[i] = next
		next += ss.Segment().Count()
	}
	c.tables = make([]*facetTables, len(c.segs))
	c.counts = make([][][]uint32, len(c.segs))
	c.cur = 0
	c.cache.keepOnly(c.segs)
}

// add counts the facet values of the hit with global doc number num.
func (c *facetCounter) add(num uint64) error {
	s := c.cur
	if s >= len(c.segs) || num < c.starts[s] || s+1 < len(c.starts) && num >= c.starts[s+1] {
		s = sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > num }) - 1
		if s < 0 {
			return fmt.Errorf("search: document number %d before the first segment", num)
		}
		c.cur = s
	}
	t := c.tables[s]
	if t == nil {
		var err error
		if t, err = c.cache.tables(c.segs[s].Segment()); err != nil {
			return err
		}
		c.tables[s] = t
		c.counts[s] = make([][]uint32, len(facetOrder))
		for _, f := range c.want {
			c.counts[s][f] = make([]uint32, len(t.terms[f]))
		}
	}
	local := num - c.starts[s]
	for _, f := range c.want {
		offs := t.offs[f]
		if local+1 >= uint64(len(offs)) {
			return fmt.Errorf("search: document %d beyond its segment's facet values", num)
		}
		counts := c.counts[s][f]
		for _, o := range t.ords[f][offs[local]:offs[local+1]] {
			counts[o]++
		}
	}
	return nil
}

// values returns facet f's values, the most frequent first, ties by
// value, at most size of them: bleve's terms facet order.
func (c *facetCounter) values(f search.Facet, size int) []search.FacetValue {
	fi := -1
	for i, g := range facetOrder {
		if g == f {
			fi = i
		}
	}
	byValue := map[string]int{}
	for s, t := range c.tables {
		if t == nil || fi < 0 {
			continue
		}
		for o, n := range c.counts[s][fi] {
			if n > 0 {
				byValue[t.terms[fi][o]] += int(n)
			}
		}
	}
	out := make([]search.FacetValue, 0, len(byValue))
	for v, n := range byValue {
		out = append(out, search.FacetValue{Value: v, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out[:min(len(out), size)]
}
