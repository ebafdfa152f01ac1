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
	if got := c.analyse(a, "nettoyage"); string(got[0].Term) != "nettoyage" {
		t.Fatalf("tokens %v", got)
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
