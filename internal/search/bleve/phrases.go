package bleve

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Phrases of an expanded query ("espaces verts", "green spaces") cost most
// of a filtered search: bleve's phrase searcher reads the positions of
// every document where all the phrase's words occur, and positions are
// stored as varints beside the postings, so the decoded postings
// (postings.go) cannot serve them. Yet which documents of a segment hold
// a phrase never changes: the engine finds them once per segment, field
// and phrase, and then runs the phrase as the conjunction of its words on
// those documents only. Bleve scores a phrase match as the conjunction of
// its words (the positions only decide whether it matches), so the scores
// are the same to the last bit.

// phraseQuery is a phrase in one field. It runs the fast way on a
// prefiltered snapshot when no term vectors are asked (the main pass),
// else as bleve's MatchPhraseQuery (plain searches, match details).
type phraseQuery struct {
	text  string
	field string
	boost float64
}

var _ query.Query = (*phraseQuery)(nil)

func (q *phraseQuery) plain() query.Query {
	m := bleve.NewMatchPhraseQuery(q.text)
	m.SetField(q.field)
	m.SetBoost(q.boost)
	return m
}

// Searcher implements query.Query.
func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	pf, ok := r.(*prefiltered)
	if !ok || pf.postings == nil || opts.IncludeTermVectors || opts.Explain {
		return q.plain().Searcher(ctx, r, m, opts)
	}
	analyzer := m.AnalyzerNamed(m.AnalyzerNameForPath(q.field))
	if analyzer == nil {
		return q.plain().Searcher(ctx, r, m, opts)
	}
	tokens := analyzer.Analyze([]byte(q.text))
	// Only words at consecutive positions, one term each, are run the
	// fast way; a phrase with a removed stop word (a gap) or a single
	// word goes to bleve, whose rules for those are its own.
	if len(tokens) < 2 {
		return q.plain().Searcher(ctx, r, m, opts)
	}
	terms := make([]string, len(tokens))
	for i, tok := range tokens {
		if tok.Position != tokens[0].Position+i {
			return q.plain().Searcher(ctx, r, m, opts)
		}
		terms[i] = string(tok.Term)
	}
	docs, err := pf.phraseDocs(ctx, q.field, terms)
	if err != nil {
		return nil, err
	}
	// Even when no document holds the phrase, its words' searchers are
	// built: their weights count in the query norm, as in bleve's phrase
	// searcher, and with them every other clause's score.
	sub := &prefiltered{IndexSnapshot: pf.IndexSnapshot, allow: docs, postings: pf.postings}
	children := make([]bsearch.Searcher, 0, len(terms))
	for _, t := range terms {
		ts, err := searcher.NewTermSearcher(ctx, sub, t, q.field, q.boost, opts)
		if err != nil {
			for _, c := range children {
				_ = c.Close()
			}
			return nil, err
		}
		children = append(children, ts)
	}
	return searcher.NewConjunctionSearcher(ctx, sub, children, opts)
}

// phraseDocs returns the allowed documents (global numbers) that hold the
// phrase terms in field.
func (pf *prefiltered) phraseDocs(ctx context.Context, field string, terms []string) (*roaring.Bitmap, error) {
	segs := pf.Segments()
	pf.splitAllowed(segs)
	out := roaring.New()
	for i, ss := range segs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if pf.local[i].IsEmpty() {
			continue
		}
		d, err := pf.postings.phrases.get(ss.Segment(), field, terms)
		if err != nil {
			return nil, err
		}
		in := roaring.And(d, pf.local[i])
		out.Or(roaring.AddOffset64(in, int64(pf.starts[i])))
	}
	return out, nil
}

// phraseCache keeps, per segment, field and phrase, the segment's
// documents holding the phrase (deleted ones included: the allowed set
// holds live documents only). The zero value is ready.
type phraseCache struct {
	mu      sync.Mutex
	entries map[postingsKey]*roaring.Bitmap
	bytes   int64
}

// phraseBudget bounds the cache's memory; past it the cache starts over
// (phrases come from the expansion's vocabulary: the frequent ones are
// found again at once).
const phraseBudget = 32 << 20

func (c *phraseCache) get(seg segment.Segment, field string, terms []string) (*roaring.Bitmap, error) {
	key := postingsKey{seg: seg, field: field, term: strings.Join(terms, "\x00")}
	c.mu.Lock()
	d, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return d, nil
	}
	d, err := findPhrase(seg, field, terms)
	if err != nil {
		return nil, err
	}
	d.RunOptimize()
	size := int64(d.GetSizeInBytes()) + 64
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || c.bytes+size > phraseBudget {
		c.entries, c.bytes = map[postingsKey]*roaring.Bitmap{}, 0
	}
	if _, ok := c.entries[key]; !ok {
		c.entries[key] = d
		c.bytes += size
	}
	return d, nil
}

// phrasePos is a token position: bleve matches a phrase within one value
// of an array field (the concept labels) only. array is the value's index
// plus one (0 outside arrays); deeper array positions, which the engine's
// documents do not have, are spelled out in nested.
type phrasePos struct {
	array  uint64
	nested string
	pos    uint64
}

func newPhrasePos(ap []uint64, pos uint64) phrasePos {
	switch len(ap) {
	case 0:
		return phrasePos{pos: pos}
	case 1:
		return phrasePos{array: ap[0] + 1, pos: pos}
	default:
		return phrasePos{nested: fmt.Sprint(ap), pos: pos}
	}
}

// findPhrase reads the positions of the phrase's terms in one segment and
// returns the documents where term i stands at position p+i for some p,
// in the same array value, as bleve's phrase searcher requires.
func findPhrase(seg segment.Segment, field string, terms []string) (*roaring.Bitmap, error) {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("search: phrase in %s: %w", field, err)
	}
	// starts[doc] holds the positions p where terms[0..i] stand at p..p+i.
	var starts map[uint64][]phrasePos
	for i, term := range terms {
		pl, err := dict.PostingsList([]byte(term), nil, nil)
		if err != nil {
			return nil, fmt.Errorf("search: phrase in %s: %w", field, err)
		}
		next := map[uint64][]phrasePos{}
		it := pl.Iterator(true, true, true, nil)
		for {
			p, err := it.Next()
			if err != nil {
				return nil, fmt.Errorf("search: phrase in %s: %w", field, err)
			}
			if p == nil {
				break
			}
			doc := p.Number()
			prev, ok := starts[doc]
			if i > 0 && !ok {
				continue
			}
			var keep []phrasePos
			for _, l := range p.Locations() {
				at := newPhrasePos(l.ArrayPositions(), l.Pos())
				if i == 0 {
					keep = append(keep, at)
					continue
				}
				for _, s := range prev {
					if s.array == at.array && s.nested == at.nested && s.pos+uint64(i) == at.pos {
						keep = append(keep, s)
					}
				}
			}
			if len(keep) > 0 {
				next[doc] = keep
			}
		}
		starts = next
		if len(starts) == 0 {
			break
		}
	}
	out := roaring.New()
	for doc := range starts {
		out.Add(uint32(doc))
	}
	return out, nil
}
