package domain

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// FuzzNegotiateLanguage checks Accept-Language handling on arbitrary
// headers (never a panic, only a supported language) and on headers built
// from arbitrary (tag, q) pairs, where the answer is known: the first
// supported tag of the highest q above zero.
func FuzzNegotiateLanguage(f *testing.F) {
	f.Add("de-DE,de;q=0.9,en;q=0.8", "fr", 500, "nl-BE", 1000)
	f.Add("", "xx", 1, "EN", 0)
	f.Add("*;q=0.5, fr ; q=1.0 ;level=1", "de", 999, "de_AT", 999)
	f.Add("q=1;fr,,;;", "nl", 1001, "en-GB-oxendict", 250)
	f.Add("fr;q=NaN, de;q=Inf, en;q=-0.0, nl;q=1e-3", "fr", 1, "fr", 1)
	f.Fuzz(func(t *testing.T, header, tag1 string, q1 int, tag2 string, q2 int) {
		if l, ok := NegotiateLanguage(header); ok != l.Valid() {
			t.Fatalf("%q: %q, %v", header, l, ok)
		}
		// Two well-formed entries: tags without separators, q in thousandths.
		clean := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == ',' || r == ';' || r == '=' || r == ' ' || r < 0x21 || r > 0x7e {
					return -1
				}
				return r
			}, s)
		}
		tags := []string{clean(tag1), clean(tag2)}
		qs := []int{int(uint(q1) % 1001), int(uint(q2) % 1001)}
		parts := make([]string, 2)
		best, bestQ := Language(""), 0
		for i := range 2 {
			parts[i] = fmt.Sprintf("%s;q=%s", tags[i], strconv.FormatFloat(float64(qs[i])/1000, 'f', -1, 64))
			base, _, _ := strings.Cut(strings.ToLower(tags[i]), "-")
			if l := Language(base); l.Valid() && qs[i] > bestQ {
				best, bestQ = l, qs[i]
			}
		}
		h := strings.Join(parts, ", ")
		l, ok := NegotiateLanguage(h)
		if ok != (best != "") || l != best {
			t.Fatalf("%q: got %q, %v; want %q", h, l, ok, best)
		}
	})
}
