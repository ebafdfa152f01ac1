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

// tokenCache is a map bounded in bytes, in two generations: entries are
// added to the current one; when it is full, it becomes the previous one
// (the one before is dropped) and an entry found there moves back to the
// current one. What is used stays; what is not goes within two turns.
type tokenCache struct {
	mu       sync.Mutex
	cur, old map[tokenKey]analysis.TokenStream
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
	return &tokenCache{cur: map[tokenKey]analysis.TokenStream{}, genBytes: maxBytes / 2}
}

// analyse returns a's tokens of text, from the cache or analysed now and
// kept.
func (c *tokenCache) analyse(a analysis.Analyzer, text string) analysis.TokenStream {
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
	ts := a.Analyze([]byte(text))
	c.mu.Lock()
	c.addLocked(k, ts)
	c.mu.Unlock()
	return ts
}

func (c *tokenCache) addLocked(k tokenKey, ts analysis.TokenStream) {
	n := streamBytes(k, ts)
	if n > c.genBytes {
		return // larger than a generation: not kept
	}
	if c.curBytes+n > c.genBytes {
		c.old, c.cur, c.curBytes = c.cur, make(map[tokenKey]analysis.TokenStream, len(c.cur)), 0
	}
	if _, ok := c.cur[k]; !ok {
		c.cur[k] = ts
		c.curBytes += n
	}
}

// streamBytes estimates what an entry holds: its key's text, the stream's
// pointers and tokens, and their terms, plus the map's share.
func streamBytes(k tokenKey, ts analysis.TokenStream) int {
	n := len(k.text) + 80 + cap(ts)*int(unsafe.Sizeof(uintptr(0)))
	for _, t := range ts {
		n += int(unsafe.Sizeof(*t)) + cap(t.Term)
	}
	return n
}
