package core_test

import (
	"slices"
	"strings"
	"testing"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// TestParseSearchQuery: a saved query string reads into the request the
// search route would build from the same URL, and what the route could
// not take is named.
func TestParseSearchQuery(t *testing.T) {
	r, ve, ok := core.ParseSearchQuery("?q=Reinigung+B%C3%BCro&kind=offer&kind=tender,supplier&eligible=true&town=Metz", "body.query")
	if !ok || ve.Err() != nil || r.Text != "Reinigung Büro" || !slices.Equal(r.Kinds, []string{"offer", "tender,supplier"}) ||
		r.Eligible != "true" || r.Town != "Metz" {
		t.Fatalf("read %+v, %v, %v", r, ve, ok)
	}
	for _, c := range []struct {
		raw, field, code string
		readable         bool
	}{
		{"q=a&q=b", "body.query.q", "repeated", true},
		{"q=a&colour=red", "body.query", "unknown_parameter", true},
		{"q=%zz", "body.query", "invalid", false},
		{"q=" + strings.Repeat("a", domain.MaxSavedSearchQuery), "body.query", "too_long", false},
	} {
		_, ve, ok := core.ParseSearchQuery(c.raw, "body.query")
		if ok != c.readable || len(ve.Fields) != 1 || ve.Fields[0].Field != c.field || ve.Fields[0].Code != c.code {
			t.Errorf("%.30q: readable %v, %+v", c.raw, ok, ve.Fields)
		}
	}
}
