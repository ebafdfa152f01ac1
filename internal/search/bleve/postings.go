package bleve

import (
	"container/list"
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Decoded postings of frequent terms. A cross-language query holds a few
// words that half of the listings contain ("services", "travaux", the
// concept labels of whole CPV divisions). Their postings are stored as
// chunks of varints, and moving through a chunk decodes every posting on
// the way, so a filtered query paid for every listing such a word occurs
// in even when the filters kept a few percent of them. Segments never
// change, so the engine decodes a frequent term's postings once into
// arrays (document, frequency, norm) and then jumps straight to the
// allowed documents by binary search.

// hotPostingsMin is the document frequency from which a term's postings
// are decoded and cached: below it, bleve's own reader is as fast. A
// variable for the tests only.
var hotPostingsMin uint64 = 256

// postingsBudget bounds the memory of decoded postings per index (16 bytes
// a posting at most: 100,000 listings × 64 frequent terms × 3 fields).
const postingsBudget = 128 << 20

// hotPostings are one segment's postings of one term, deleted documents
// included (the allowed set only holds live ones): document list[i] has
// freqs[i] and norms[i]; docs is the same set as list, for intersections.
type hotPostings struct {
	docs  *roaring.Bitmap
	list  []uint32
	freqs []uint32
	norms []float32 // zap stores norms as float32: exact
}

func (p *hotPostings) bytes() int64 {
	return int64(len(p.list))*12 + int64(p.docs.GetSizeInBytes()) + 64
}

type postingsKey struct {
	seg   segment.Segment
	field string
	term  string
}

type postingsEntry struct {
	key  postingsKey
	once sync.Once
	p    *hotPostings
	err  error
	size int64
}

// postingsCache is a least-recently-used cache of decoded postings. The
// zero value is ready.
type postingsCache struct {
	mu      sync.Mutex
	entries map[postingsKey]*list.Element
	lru     list.List // of *postingsEntry, most recent first
	bytes   int64
	// phrases are the documents holding the query phrases (phrases.go).
	phrases phraseCache
	// live are the live documents of the latest snapshot seen: what a
	// search with text and no filter allows (execute.go).
	live liveDocs
	// scored are the scored matches of recent texts (scored.go).
	scored scoredCache
	// filters are the documents of recent filters (filtersets.go).
	filters filterSets
}

// get returns the decoded postings of term in field of seg.
func (c *postingsCache) get(seg segment.Segment, field string, term []byte) (*hotPostings, error) {
	key := postingsKey{seg: seg, field: field, term: string(term)}
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[postingsKey]*list.Element{}
	}
	el, ok := c.entries[key]
	if ok {
		c.lru.MoveToFront(el)
	} else {
		el = c.lru.PushFront(&postingsEntry{key: key})
		c.entries[key] = el
	}
	e := el.Value.(*postingsEntry)
	c.mu.Unlock()

	e.once.Do(func() { e.p, e.err = decodePostings(seg, field, term) })
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.err != nil {
		if cur, ok := c.entries[key]; ok && cur == el {
			c.lru.Remove(el)
			delete(c.entries, key)
		}
		return nil, e.err
	}
	if e.size == 0 {
		if cur, ok := c.entries[key]; ok && cur == el {
			e.size = e.p.bytes()
			c.bytes += e.size
		}
		for c.bytes > postingsBudget && c.lru.Len() > 1 {
			old := c.lru.Back().Value.(*postingsEntry)
			if old.size == 0 {
				break // still being decoded
			}
			c.lru.Remove(c.lru.Back())
			delete(c.entries, old.key)
			c.bytes -= old.size
		}
	}
	return e.p, nil
}

func decodePostings(seg segment.Segment, field string, term []byte) (*hotPostings, error) {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("search: postings of %s: %w", field, err)
	}
	pl, err := dict.PostingsList(term, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("search: postings of %s: %w", field, err)
	}
	n := pl.Count()
	p := &hotPostings{docs: roaring.New(), list: make([]uint32, 0, n), freqs: make([]uint32, 0, n), norms: make([]float32, 0, n)}
	it := pl.Iterator(true, true, false, nil)
	for {
		next, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("search: postings of %s: %w", field, err)
		}
		if next == nil {
			p.docs.AddMany(p.list)
			return p, nil
		}
		p.list = append(p.list, uint32(next.Number()))
		p.freqs = append(p.freqs, uint32(next.Frequency()))
		p.norms = append(p.norms, float32(next.Norm()))
	}
}

// hotTermFieldReader reads a frequent term's decoded postings, allowed
// documents only, as bleve's reader would: same documents in the same
// order with the same frequency and norm. It walks, per segment, the
// intersection of the term's documents with the allowed ones, a bitmap
// AND, so the term costs what the filters leave of it. Count and Close go
// to bleve's reader (the term's statistics over live documents).
type hotTermFieldReader struct {
	index.TermFieldReader
	segs        []*hotPostings
	starts      []uint64          // global number of each segment's first document
	inter       []*roaring.Bitmap // per segment, allowed documents with the term
	it          roaring.IntPeekable
	seg         int
	from        int // index in segs[seg].list the next document is at or after
	includeFreq bool
	includeNorm bool
	vectors     bool    // term vectors asked: documents come from bleve's reader
	id          [8]byte // a buffer for Advance's argument (the reader refills pre)
}

// Next implements index.TermFieldReader.
func (r *hotTermFieldReader) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	for r.seg < len(r.segs) {
		if r.it == nil {
			r.it = r.inter[r.seg].Iterator()
		}
		if r.it.HasNext() {
			return r.emit(pre, r.it.Next())
		}
		r.seg, r.it, r.from = r.seg+1, nil, 0
	}
	return nil, nil
}

// Advance implements index.TermFieldReader.
func (r *hotTermFieldReader) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	num := id.Value()
	r.seg = sort.Search(len(r.starts), func(i int) bool { return r.starts[i] > num }) - 1
	r.it, r.from = nil, 0
	if r.seg < 0 {
		r.seg = 0
	} else if local := num - r.starts[r.seg]; local <= 1<<32-1 {
		r.it = r.inter[r.seg].Iterator()
		r.it.AdvanceIfNeeded(uint32(local))
	} else {
		r.seg++
	}
	return r.Next(pre)
}

func (r *hotTermFieldReader) emit(pre *index.TermFieldDoc, local uint32) (*index.TermFieldDoc, error) {
	g := r.starts[r.seg] + uint64(local)
	if r.vectors {
		// Term vectors are in the index only: bleve's reader jumps to the
		// document, known to hold the term, skipping whole chunks of
		// postings the filters left nothing in.
		d, err := r.TermFieldReader.Advance(index.NewIndexInternalID(r.id[:], g), pre)
		if err == nil && (d == nil || d.ID.Value() != g) {
			err = fmt.Errorf("search: postings of document %d differ from the index's", g)
		}
		return d, err
	}
	rv := pre
	if rv == nil {
		rv = &index.TermFieldDoc{}
	}
	p := r.segs[r.seg]
	// local is in list, at or after from: find it by exponential then
	// binary search, in a few steps whether hits are dense or sparse.
	i, step := r.from, 1
	for i+step < len(p.list) && p.list[i+step] <= local {
		i, step = i+step, step*2
	}
	hi := min(i+step, len(p.list))
	i += sort.Search(hi-i, func(k int) bool { return p.list[i+k] >= local })
	r.from = i + 1
	rv.ID = index.NewIndexInternalID(rv.ID, g)
	if r.includeFreq {
		rv.Freq = uint64(p.freqs[i])
	}
	if r.includeNorm {
		rv.Norm = float64(p.norms[i])
	}
	return rv, nil
}

// hotReader returns a reader of term's decoded postings when the term is
// frequent, else nil.
func (pf *prefiltered) hotReader(ctx context.Context, real index.TermFieldReader, term []byte, field string, includeFreq, includeNorm, includeTermVectors bool) (index.TermFieldReader, error) {
	if pf.postings == nil || real.Count() < hotPostingsMin {
		return nil, nil
	}
	segs := pf.Segments()
	pf.splitAllowed(segs)
	r := &hotTermFieldReader{
		TermFieldReader: real, segs: make([]*hotPostings, len(segs)), starts: pf.starts,
		inter: make([]*roaring.Bitmap, len(segs)), includeFreq: includeFreq, includeNorm: includeNorm,
		vectors: includeTermVectors,
	}
	for i, ss := range segs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := pf.postings.get(ss.Segment(), field, term)
		if err != nil {
			return nil, err
		}
		r.segs[i] = p
		r.inter[i] = roaring.And(p.docs, pf.local[i])
	}
	return r, nil
}

// splitAllowed computes, once per query, the allowed documents of each
// segment in the segment's own numbering.
func (pf *prefiltered) splitAllowed(segs []*scorch.SegmentSnapshot) {
	if pf.local != nil {
		return
	}
	pf.starts = make([]uint64, len(segs))
	pf.local = make([]*roaring.Bitmap, len(segs))
	var next uint64
	for i, ss := range segs {
		start := next
		next += ss.Segment().Count()
		pf.starts[i] = start
		b := pf.allow.Clone()
		b.RemoveRange(0, start)
		b.RemoveRange(next, 1<<32)
		pf.local[i] = roaring.AddOffset64(b, -int64(start))
	}
}
