package search_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"passerelle/internal/search"
)

func TestNUTSAncestors(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"FRF11", []string{"FR", "FRF", "FRF1", "FRF11"}},
		{" lu000 ", []string{"LU", "LU0", "LU00", "LU000"}},
		{"DE", []string{"DE"}},
		{"D", nil},
		{"", nil},
	} {
		if got := search.NUTSAncestors(c.in); !slices.Equal(got, c.want) {
			t.Errorf("NUTSAncestors(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestCPVAncestors(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"45214200", []string{"45000000", "45200000", "45210000", "45214000", "45214200"}},
		{"45214200-2", []string{"45000000", "45200000", "45210000", "45214000", "45214200"}},
		{"90000000-7", []string{"90000000"}},
		{"90910000", []string{"90000000", "90900000", "90910000"}},
		{"03000000", []string{"03000000"}},
		{"4521", nil},
		{"", nil},
	} {
		if got := search.CPVAncestors(c.in); !slices.Equal(got, c.want) {
			t.Errorf("CPVAncestors(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestQueryNormalized(t *testing.T) {
	q, err := search.Query{Text: "  x  ", Filters: search.Filters{Near: &search.GeoRadius{Center: search.GeoPoint{Lat: 49, Lon: 6}, RadiusKm: 10}}}.Normalized()
	if err != nil {
		t.Fatal(err)
	}
	if q.Text != "x" || q.Sort != search.SortRelevance || q.Limit != search.DefaultLimit || q.FacetSize != search.DefaultFacetSize {
		t.Errorf("defaults not filled: %+v", q)
	}
	if q.Origin == nil || q.Origin.Lat != 49 {
		t.Errorf("origin %v, want the radius centre", q.Origin)
	}
	if _, err := (search.Query{Sort: search.SortDistance}).Normalized(); !errors.Is(err, search.ErrInvalidQuery) {
		t.Errorf("distance sort without origin: %v", err)
	}
}

func TestValidIndexName(t *testing.T) {
	for name, want := range map[string]bool{
		"listings": true, "listings_v2-1": true, "": false, "Listings": false, "a/b": false, "../x": false,
		strings.Repeat("a", 64): true, strings.Repeat("a", 65): false,
	} {
		if got := search.ValidIndexName(name); got != want {
			t.Errorf("ValidIndexName(%q) = %v", name, got)
		}
	}
}
