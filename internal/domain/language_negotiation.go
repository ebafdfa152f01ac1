package domain

import (
	"sort"
	"strconv"
	"strings"
)

// NegotiateLanguage returns the supported language with the highest
// q-value in an Accept-Language header ("de-DE,de;q=0.9,en;q=0.8"); ties
// keep header order. It is false when the header names none.
func NegotiateLanguage(header string) (Language, bool) {
	type choice struct {
		lang Language
		q    float64
		pos  int
	}
	var choices []choice
	for i, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(p), "q="); ok {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				q = f
			}
		}
		base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		if l := Language(base); l.Valid() && q > 0 {
			choices = append(choices, choice{l, q, i})
		}
	}
	if len(choices) == 0 {
		return "", false
	}
	sort.SliceStable(choices, func(i, j int) bool { return choices[i].q > choices[j].q })
	return choices[0].lang, true
}
