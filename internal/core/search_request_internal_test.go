package core

import (
	"slices"
	"testing"

	"passerelle/internal/search"
)

func TestCPVPrefix(t *testing.T) {
	for in, want := range map[string]string{
		"45": "45000000", "4521": "45210000", "45210000": "45210000", " 9091 ": "90910000",
		"90911200-8": "90911200", "909112008": "90911200",
		// Refused: too short, not digits, a wrong check digit, no division.
		"4": "", "45a": "", "90911200-7": "", "909112007": "", "00": "", "": "", "452142001234": "",
	} {
		got, ok := cpvPrefix(in)
		if got != want || ok != (want != "") {
			t.Errorf("cpvPrefix(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	// What a prefix becomes is what documents carry among a code's
	// ancestors, so that the filter is an equality.
	if got, _ := cpvPrefix("4521"); !slices.Contains(search.CPVAncestors("45214200"), got) {
		t.Errorf("%s is not among the ancestors of 45214200", got)
	}
}

func TestSearchRequestDefaults(t *testing.T) {
	p, ve := SearchRequest{}.parse()
	if err := ve.Err(); err != nil {
		t.Fatal(err)
	}
	if p.q.Sort != search.SortDate || p.q.Limit != search.DefaultLimit || p.q.Filters.Near != nil || !p.q.Highlight {
		t.Errorf("no parameters: %+v", p.q)
	}
	p, ve = SearchRequest{Text: " Reinigung ", Kinds: []string{"offer,TENDER", "offer"}, Sectors: []string{"laundry"},
		Near: "49.1,6.2", DeadlineTo: "2026-12-31", Facets: []string{"kind,kind"}}.parse()
	if err := ve.Err(); err != nil {
		t.Fatal(err)
	}
	q := p.q
	if q.Text != "Reinigung" || q.Sort != search.SortRelevance || len(q.Filters.Kinds) != 2 || len(q.Filters.Sectors) < 2 ||
		q.Filters.Near == nil || q.Filters.Near.RadiusKm != DefaultSearchRadiusKm || len(q.Facets) != 1 ||
		q.Filters.DeadlineTo.Format("2006-01-02T15:04:05") != "2026-12-31T23:59:59" || !p.distanceField {
		t.Errorf("parsed %+v", q)
	}
}
