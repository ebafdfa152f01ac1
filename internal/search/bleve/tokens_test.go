package bleve

import (
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

// countingAnalyzer splits on nothing: one token, the whole text; it counts
// its calls.
type countingAnalyzer struct{ calls int }

func (a *countingAnalyzer) Analyze(b []byte) analysis.TokenStream {
	a.calls++
	return analysis.TokenStream{{Term: append([]byte(nil), b...), Start: 0, End: len(b), Position: 1}}
}

// TestTokenCacheBoundsAndKeeps: a text is analysed once while it is used,
// per analyzer; the cache's bytes stay within its bound; a text no longer
// used goes, and is analysed again when asked.
func TestTokenCacheBoundsAndKeeps(t *testing.T) {
	c := newTokenCache(64 << 10)
	a, b := &countingAnalyzer{}, &countingAnalyzer{}
	if got := c.analyse(a, "nettoyage"); len(got.toks) != 1 || got.term(0) != "nettoyage" || !got.termIs(0, "nettoyage") ||
		got.toks[0].start != 0 || got.toks[0].end != 9 || got.toks[0].pos != 1 {
		t.Fatalf("tokens %+v", got)
	}
	c.analyse(a, "nettoyage")
	c.analyse(b, "nettoyage")
	if a.calls != 1 || b.calls != 1 {
		t.Fatalf("calls %d and %d, want 1 each", a.calls, b.calls)
	}
	// Many other texts, "nettoyage" asked now and then: it stays.
	for i := range 5000 {
		c.analyse(a, fmt.Sprintf("texte numéro %d", i))
		if i%50 == 0 {
			c.analyse(a, "nettoyage")
		}
		bytes := c.curBytes
		for k, ts := range c.old {
			bytes += streamBytes(k, ts)
		}
		if bytes > 64<<10 {
			t.Fatalf("the cache holds %d bytes, over its 64 KiB", bytes)
		}
	}
	if a.calls != 5001 {
		t.Fatalf("nettoyage analysed again while in use: %d calls", a.calls)
	}
	// The first texts, unused since, are gone.
	c.analyse(a, "texte numéro 0")
	if a.calls != 5002 {
		t.Fatalf("an unused text was kept: %d calls", a.calls)
	}
}

// TestTokenListKeepsTheStream: a token list gives each token's term,
// offsets and position as the stream had them.
func TestTokenListKeepsTheStream(t *testing.T) {
	ts := analysis.TokenStream{
		{Term: []byte("nettoyag"), Start: 0, End: 10, Position: 1},
		{Term: []byte(""), Start: 11, End: 11, Position: 2},
		{Term: []byte("bureau"), Start: 15, End: 22, Position: 4},
	}
	l := newTokenList(ts)
	for i, want := range ts {
		got := l.toks[i]
		if l.term(i) != string(want.Term) || !l.termIs(i, string(want.Term)) || l.termIs(i, "autre") ||
			int(got.start) != want.Start || int(got.end) != want.End || int(got.pos) != want.Position {
			t.Errorf("token %d: %q %+v, want %+v", i, l.term(i), got, want)
		}
	}
}
