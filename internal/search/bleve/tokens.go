package bleve

import (
	"sync"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
)

// analysedTexts keeps the token streams of the field values the match
// details analyse (details.go), by analyzer and text: a listing's concept
// labels are the labels of its CPV codes and sectors, which thousands of
// listings share, and the hits of one text's searches come back under
// other texts. Analysing a value again gave the same tokens; it was a
// third of a search's time under the load benchmark (issue 11). 256 MiB
// (a description's stream is about 25 KB) held the hits the benchmark's
// mix comes back to; 64 MiB left a tenth of the server's time analysing.
// The streams are shared, only read.
var analysedTexts = newTokenCache(256 << 20)

// tokenList is an analysed text in two pointer-free slices: the terms'
// bytes end to end, and each token's offsets, position and term. A
// TokenStream holds two pointers a token; hundreds of megabytes of them
// were scanned by each cycle of the garbage collector.
type tokenList struct {
	terms []byte
	toks  []listToken
}

type listToken struct {
	start, end, pos int32 // bytes of the text, position (1 for the first word)
	off, n          int32 // the term: terms[off:off+n]
}

func newTokenList(ts analysis.TokenStream) *tokenList {
	l := &tokenList{toks: make([]listToken, len(ts))}
	n := 0
	for _, t := range ts {
		n += len(t.Term)
	}
	l.terms = make([]byte, 0, n)
	for i, t := range ts {
		l.toks[i] = listToken{start: int32(t.Start), end: int32(t.End), pos: int32(t.Position),
			off: int32(len(l.terms)), n: int32(len(t.Term))}
		l.terms = append(l.terms, t.Term...)
	}
	return l
}

// term returns token i's term.
func (l *tokenList) term(i int) string {
	t := l.toks[i]
	return string(l.terms[t.off : t.off+t.n])
}

// termIs reports whether token i's term is s, without a copy.
func (l *tokenList) termIs(i int, s string) bool {
	t := l.toks[i]
	return string(l.terms[t.off:t.off+t.n]) == s
}

// tokenCache is a map bounded in bytes, in two generations: entries are
// added to the current one; when it is full, it becomes the previous one
// (the one before is dropped) and an entry found there moves back to the
// current one. What is used stays; what is not goes within two turns.
type tokenCache struct {
	mu       sync.Mutex
	cur, old map[tokenKey]*tokenList
	curBytes int
	// genBytes bounds each generation: the cache holds at most twice it.
	genBytes int
}

// tokenKey names a text analysed by one analyzer: the analyzer itself
// (a pointer) rather than its name, as two index versions may define one
// name differently.
type tokenKey struct {
	analyzer analysis.Analyzer
	text     string
}

func newTokenCache(maxBytes int) *tokenCache {
	return &tokenCache{cur: map[tokenKey]*tokenList{}, genBytes: maxBytes / 2}
}

// analyse returns a's tokens of text, from the cache or analysed now and
// kept.
func (c *tokenCache) analyse(a analysis.Analyzer, text string) *tokenList {
	k := tokenKey{analyzer: a, text: text}
	c.mu.Lock()
	if ts, ok := c.cur[k]; ok {
		c.mu.Unlock()
		return ts
	}
	if ts, ok := c.old[k]; ok {
		c.addLocked(k, ts)
		c.mu.Unlock()
		return ts
	}
	c.mu.Unlock()
	ts := newTokenList(a.Analyze([]byte(text)))
	c.mu.Lock()
	c.addLocked(k, ts)
	c.mu.Unlock()
	return ts
}

func (c *tokenCache) addLocked(k tokenKey, ts *tokenList) {
	n := streamBytes(k, ts)
	if n > c.genBytes {
		return // larger than a generation: not kept
	}
	if c.curBytes+n > c.genBytes {
		c.old, c.cur, c.curBytes = c.cur, make(map[tokenKey]*tokenList, len(c.cur)), 0
	}
	if _, ok := c.cur[k]; !ok {
		c.cur[k] = ts
		c.curBytes += n
	}
}

// streamBytes estimates what an entry holds: its key's text, the list's
// terms and tokens, plus the map's share.
func streamBytes(k tokenKey, ts *tokenList) int {
	return len(k.text) + 80 + cap(ts.terms) + cap(ts.toks)*int(unsafe.Sizeof(listToken{}))
}
