package bleve

import (
	"container/list"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"passerelle/internal/search"
)

// Scored matches of a text, kept for the next searches of the same text.
//
// The search page sends the same text again and again: a facet clicked, a
// filter added, the next page. Scoring the text is most of a search's work
// (a cross-language query is a disjunction of dozens of terms that
// matches half of a 100,000-listing index), and a document's score does
// not depend on the filters (prefiltered: term statistics come from the
// whole snapshot). So the engine scores a text once over every live
// document and keeps the matches (document number, score) of that
// snapshot; a search with the same text then only walks them, skipping
// the documents its filters refuse, and bleve's collector sorts, pages and
// cuts the cursor as it does for the text run afresh. A new snapshot (any
// write, any merge) empties the cache. The kept scores are the ones the
// text's searcher gave, to the last bit: pages and cursors are the same
// with and without the cache (TestScoredCacheChangesNoResult).

// defaultScoredBytes is an engine's budget for kept matches per index
// unless SetScoredCacheBytes says otherwise (12 bytes a match: a text
// matching every one of 100,000 listings takes 1.2 MB; at the load
// benchmark's volume 1,150 of its texts took 268 MB).
const defaultScoredBytes = 1 << 30

// SetScoredCacheBytes bounds the memory of the texts' kept scored matches
// per index, for the indexes open and those created later; 0 keeps none.
func (e *Engine) SetScoredCacheBytes(n int64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.scoredBytes = n
	for _, h := range e.names {
		h.postings.scored.budget.Store(n)
	}
}

// scoredMatches are a text's matches on one snapshot, in document order.
type scoredMatches struct {
	nums   []uint32
	scores []float64
	// none: the text analyses to nothing (stop words only), which the
	// search runs the plain way (execQuery.searcher).
	none bool
	// details are the match details of the hits pages showed, pages the
	// answers given (pages.go).
	details detailMemo
	pages   pageMemo
}

// bytes is what m holds: its matches, and the details and answers kept
// with them since (which grow while the text is searched).
func (m *scoredMatches) bytes() int64 {
	return int64(len(m.nums))*12 + 128 + m.details.bytes.Load() + m.pages.bytes.Load()
}

type scoredEntry struct {
	key   string
	done  chan struct{} // closed once m or err is set
	m     *scoredMatches
	err   error
	size  int64
	inLRU bool
}

// scoredCache is a least-recently-used cache of scored matches, all of one
// snapshot. The zero value is ready.
type scoredCache struct {
	// budget bounds the bytes of the entries; 0 keeps none (the engine
	// sets it, SetScoredCacheBytes).
	budget atomic.Int64

	mu      sync.Mutex
	snap    *scorch.IndexSnapshot // the entries' snapshot (only compared, never read)
	entries map[string]*list.Element
	lru     list.List // of *scoredEntry, most recent first
	bytes   int64
	// hits and misses count lookups, resets the snapshot changes that
	// emptied the cache (tests, metrics).
	hits, misses, resets uint64
}

// clear drops every entry (the index's settings changed).
func (c *scoredCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.snap, c.entries, c.bytes, c.hits, c.misses = nil, nil, 0, 0, 0
	c.lru.Init()
}

// stats returns the lookups answered from the cache and the others.
func (c *scoredCache) stats() (hits, misses uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}

// resetCount returns how many times a new snapshot emptied the cache.
func (c *scoredCache) resetCount() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.resets
}

// liveBytesLocked is what the computed entries hold now (one being
// computed holds nothing yet).
func (c *scoredCache) liveBytesLocked() int64 {
	var n int64
	for el := c.lru.Front(); el != nil; el = el.Next() {
		if m := el.Value.(*scoredEntry).computed(); m != nil {
			n += m.bytes()
		}
	}
	return n
}

// computed returns the entry's matches once computed, else nil.
func (e *scoredEntry) computed() *scoredMatches {
	select {
	case <-e.done:
		return e.m
	default:
		return nil
	}
}

// peek returns the matches of key on snap when they have been computed,
// without waiting for a computation or counting a lookup.
func (c *scoredCache) peek(snap *scorch.IndexSnapshot, key string) *scoredMatches {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != snap {
		return nil
	}
	el, ok := c.entries[key]
	if !ok {
		return nil
	}
	e := el.Value.(*scoredEntry)
	select {
	case <-e.done:
		if e.err == nil {
			c.lru.MoveToFront(el)
			return e.m
		}
	default:
	}
	return nil
}

// countHit counts a search answered from kept matches without get (an
// answer kept with them, pages.go).
func (c *scoredCache) countHit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hits++
}

// get returns the matches of key on snap, computing them with score when
// no search has yet. Concurrent searches of one text wait for one
// computation; it runs to its end even when the search that started it is
// cancelled (the others still want it), and a failed one is not kept.
func (c *scoredCache) get(ctx context.Context, snap *scorch.IndexSnapshot, key string, score func() (*scoredMatches, error)) (*scoredMatches, error) {
	c.mu.Lock()
	if c.snap != snap {
		if c.snap != nil {
			c.resets++
		}
		c.snap, c.entries, c.bytes = snap, nil, 0
		c.lru.Init()
	}
	if c.entries == nil {
		c.entries = map[string]*list.Element{}
	}
	el, ok := c.entries[key]
	var e *scoredEntry
	if ok {
		c.hits++
		e = el.Value.(*scoredEntry)
		c.lru.MoveToFront(el)
		c.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if e.err != nil {
			return nil, e.err
		}
		return e.m, nil
	}
	c.misses++
	e = &scoredEntry{key: key, done: make(chan struct{})}
	el = c.lru.PushFront(e)
	e.inLRU = true
	c.entries[key] = el
	c.mu.Unlock()

	e.m, e.err = score()
	close(e.done)

	c.mu.Lock()
	defer c.mu.Unlock()
	cur, still := c.entries[key]
	if !still || cur != el {
		return e.m, e.err // the snapshot changed meanwhile: not kept
	}
	if e.err != nil {
		c.lru.Remove(el)
		delete(c.entries, key)
		return nil, e.err
	}
	e.size = e.m.bytes()
	c.bytes += e.size
	budget := c.budget.Load()
	if e.size > budget {
		// Over the whole budget (0: no cache): used once, not kept.
		c.lru.Remove(el)
		delete(c.entries, key)
		c.bytes -= e.size
		return e.m, nil
	}
	// The kept texts have grown since they were added (details and
	// answers): the budget is checked against what they hold now.
	c.bytes = c.liveBytesLocked()
	for c.bytes > budget && c.lru.Len() > 1 {
		last := c.lru.Back()
		old := last.Value.(*scoredEntry)
		if old == e {
			break
		}
		c.lru.Remove(last)
		delete(c.entries, old.key)
		if m := old.computed(); m != nil {
			c.bytes -= m.bytes()
		}
	}
	return e.m, nil
}

// scoredKey identifies what the text query of q scores: the text, its
// language and its expansion (the settings' synonyms are the index's own:
// a change of settings clears the cache).
func scoredKey(q search.Query) (string, error) {
	b, err := json.Marshal(struct {
		Text  string
		Lang  string
		Terms []search.LanguageTerms
		Codes []search.CodeTerm
	}{q.Text, string(q.Language), q.Terms, q.Codes})
	if err != nil {
		return "", fmt.Errorf("search: key of the text: %w", err)
	}
	return string(b), nil
}

// scoreAll runs text over every live document of snap, as a search with
// the text alone does, and returns every match with its score.
func (q *execQuery) scoreAll(ctx context.Context, snap *scorch.IndexSnapshot, m mapping.IndexMapping, opts bsearch.SearcherOptions) (*scoredMatches, error) {
	live, err := q.liveDocs(ctx, snap, m)
	if err != nil {
		return nil, err
	}
	if live.IsEmpty() {
		return &scoredMatches{}, nil
	}
	pre := &prefiltered{IndexSnapshot: snap, allow: live, postings: q.postings}
	must, err := query.NewConjunctionQuery([]query.Query{q.text}).Searcher(ctx, pre, m, opts)
	if err != nil {
		return nil, err
	}
	if _, none := must.(*searcher.MatchNoneSearcher); none {
		_ = must.Close()
		return &scoredMatches{none: true}, nil
	}
	s, err := searcher.NewBooleanSearcher(ctx, pre, must, nil, nil, opts)
	if err != nil {
		_ = must.Close()
		return nil, err
	}
	defer func() { _ = s.Close() }()
	out := &scoredMatches{}
	err = drain(ctx, s, func(num uint32, score float64) {
		out.nums = append(out.nums, num)
		out.scores = append(out.scores, score)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// replaySearcher gives back kept matches, those of allow only (nil: all),
// as the text's own searcher gave them. On its first call it walks them
// all at once, counting the total and the facets into q and dropping the
// hits that cannot make the page (q.top) as hitSearcher does one hit at a
// time, so that only the candidates become DocumentMatches for bleve's
// collector: the same hits, in the same order, with the same decisions.
type replaySearcher struct {
	m     *scoredMatches
	allow *roaring.Bitmap
	q     *execQuery
	// picks are the indexes in m of the hits given to the collector, pos
	// the next one.
	picks    []int32
	pos      int
	prepared bool
}

var _ bsearch.Searcher = (*replaySearcher)(nil)

func (s *replaySearcher) prepare() error {
	s.prepared = true
	q := s.q
	total := 0
	for i, n := range s.m.nums {
		if s.allow != nil && !s.allow.Contains(n) {
			continue
		}
		total++
		if q.facets != nil {
			if err := q.facets.add(uint64(n)); err != nil {
				return err
			}
		}
		if q.top == nil || q.top.keep(s.m.scores[i]) {
			s.picks = append(s.picks, int32(i))
		}
	}
	q.total, q.counted = total, true
	return nil
}

func (s *replaySearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !s.prepared {
		if err := s.prepare(); err != nil {
			return nil, err
		}
	}
	if s.pos >= len(s.picks) {
		return nil, nil
	}
	i := s.picks[s.pos]
	s.pos++
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, uint64(s.m.nums[i]))
	dm.Score = s.m.scores[i]
	return dm, nil
}

func (s *replaySearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if !s.prepared {
		if err := s.prepare(); err != nil {
			return nil, err
		}
	}
	v := id.Value()
	rest := s.picks[s.pos:]
	s.pos += sort.Search(len(rest), func(j int) bool { return uint64(s.m.nums[rest[j]]) >= v })
	return s.Next(ctx)
}

func (s *replaySearcher) Weight() float64            { return 1 }
func (s *replaySearcher) SetQueryNorm(float64)       {}
func (s *replaySearcher) Count() uint64              { return uint64(len(s.m.nums)) }
func (s *replaySearcher) Min() int                   { return 0 }
func (s *replaySearcher) Size() int                  { return 64 }
func (s *replaySearcher) DocumentMatchPoolSize() int { return 1 }
func (s *replaySearcher) Close() error               { return nil }
