package bleve

import (
	"encoding/json"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"passerelle/internal/search"
)

// Answers kept with a text's scored matches. The search page asks the same
// question again (the same text, filters, facets and page: a link shared,
// a back button, a page reloaded; 40 % of the load benchmark's searches):
// on the same snapshot the answer is the same, so it is kept with the
// text's scored matches, and goes with them when the snapshot changes or
// the text leaves the cache.

// pageMemoMax bounds the answers kept per text (a page of 20 hits with
// their snippets and facets is a few kilobytes).
const pageMemoMax = 16

type pageMemo struct {
	mu    sync.Mutex
	pages map[string]search.Result
	// bytes estimates what pages hold (counted in the cache's budget).
	bytes atomic.Int64
}

// pageKey identifies the answer to q: every field of the normalized query.
func pageKey(q search.Query) (string, bool) {
	b, err := json.Marshal(q)
	return string(b), err == nil
}

func (m *pageMemo) get(key string) (search.Result, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.pages[key]
	if !ok {
		return search.Result{}, false
	}
	return r.Clone(), true
}

func (m *pageMemo) put(key string, r search.Result) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.pages == nil {
		m.pages = map[string]search.Result{}
	}
	if _, ok := m.pages[key]; !ok && len(m.pages) < pageMemoMax {
		m.pages[key] = r.Clone()
		m.bytes.Add(answerSize(key, r))
	}
}

// answerSize estimates what an answer holds, with its key.
func answerSize(key string, r search.Result) int64 {
	n := 128 + len(key) + len(r.NextCursor)
	for _, h := range r.Hits {
		n += 96 + len(h.ID) + len(h.Kind) + len(h.MatchedField) + len(h.MatchedLanguage)
		for k, v := range h.Snippets {
			n += 48 + len(k) + len(v)
		}
	}
	for f, vs := range r.Facets {
		n += 48 + len(f)
		for _, v := range vs {
			n += 32 + len(v.Value)
		}
	}
	return int64(n)
}

// keptAnswer returns the answer kept for q on the index's current
// snapshot, if any: q's text has been scored on that snapshot, and the
// same query answered since. key is q's pageKey ("" when q has none),
// for keepAnswer: it is computed once a search.
func (h *handle) keptAnswer(q search.Query) (res search.Result, key string, ok bool) {
	key, ok = pageKey(q)
	if !ok {
		return search.Result{}, "", false
	}
	adv, err := h.index.Advanced()
	if err != nil {
		return search.Result{}, key, false
	}
	r, err := adv.Reader()
	if err != nil {
		return search.Result{}, key, false
	}
	defer func() { _ = r.Close() }()
	snap, isScorch := r.(*scorch.IndexSnapshot)
	if !isScorch {
		return search.Result{}, key, false
	}
	textKey, err := scoredKey(q)
	if err != nil {
		return search.Result{}, key, false
	}
	sm := h.postings.scored.peek(snap, textKey)
	if sm == nil {
		return search.Result{}, key, false
	}
	res, ok = sm.pages.get(key)
	if ok {
		h.postings.scored.countHit()
	}
	return res, key, ok
}

// keepAnswer keeps r, the answer to the query of pageKey key, computed
// from sm.
func keepAnswer(sm *scoredMatches, key string, r search.Result) {
	if key != "" {
		sm.pages.put(key, r)
	}
}
