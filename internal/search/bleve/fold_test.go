package bleve

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
)

// TestFoldKeepsBlevesFolding: the filter's ASCII fast path gives what
// bleve's folding gives, for ASCII, accented, invalid UTF-8 and empty
// terms.
func TestFoldKeepsBlevesFolding(t *testing.T) {
	f := foldFilter{fold: asciifolding.New()}
	for _, term := range []string{"", "nettoyage", "Reinigung-42", "électricité", "Straße", "œuvre", "a\xffb", "\x80", "ÆØÅ", "tab\tnl\n"} {
		want := string(asciifolding.New().Filter([]byte(term)))
		got := f.Filter(analysis.TokenStream{{Term: []byte(term)}})
		if string(got[0].Term) != want {
			t.Errorf("fold(%q) = %q, bleve folds it to %q", term, got[0].Term, want)
		}
	}
}
