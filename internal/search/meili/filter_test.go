package meili

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"passerelle/internal/search"
)

// TestFilterExpressions pins the filter syntax sent to Meilisearch, since
// no server runs in CI to reject a malformed one.
func TestFilterExpressions(t *testing.T) {
	from := time.Unix(1000, 0)
	published, before := time.Unix(2000, 0), time.Unix(3000, 0)
	yes := true
	q, err := search.Query{
		Sort: search.SortDistance,
		Filters: search.Filters{
			Kinds:           []search.Kind{search.KindTender},
			Countries:       []string{"FR", `L"U`},
			CPV:             []string{"45000000"},
			DeadlineFrom:    &from,
			PublishedFrom:   &published,
			PublishedBefore: &before,
			CrossBorder:     &yes,
			Near:            &search.GeoRadius{Center: search.GeoPoint{Lat: 49.1, Lon: 6.2}, RadiusKm: 12.5},
		},
	}.Normalized()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`kind IN ["tender"]`,
		`country IN ["FR", "L\"U"]`,
		`cpv IN ["45000000"]`,
		`deadline >= 1000`,
		`published >= 2000`,
		`published < 3000`,
		`cross_border = true`,
		`_geoRadius(49.1, 6.2, 12500)`,
	}
	if got := filters(q); !slices.Equal(got, want) {
		t.Errorf("filters:\n got %q\nwant %q", got, want)
	}
	if got, want := sortRules(q), []string{"_geoPoint(49.1, 6.2):asc", "id:asc"}; !slices.Equal(got, want) {
		t.Errorf("sort: %q, want %q", got, want)
	}
}

func TestSnippetsEscapeHTML(t *testing.T) {
	got := snippets(map[string]json.RawMessage{
		"title_fr":       json.RawMessage(`"<b>` + preTag + `Nettoyage` + postTag + ` d'été</b>"`),
		"description_fr": json.RawMessage(`"no match here"`),
	})
	want := map[string]string{"title_fr": "&lt;b&gt;<mark>Nettoyage</mark> d&#39;été&lt;/b&gt;"}
	if len(got) != 1 || got["title_fr"] != want["title_fr"] {
		t.Errorf("snippets %q, want %q", got, want)
	}
}
