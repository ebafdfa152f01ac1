package bleve_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
)

// FuzzSearchCursor sends arbitrary cursors, as clients may, with every
// sort to an index of a few listings: never a panic; either a page or
// ErrInvalidCursor (a 400 on query.cursor), never another error (a 500);
// and the cursor of a real page leads to the next one without repeating
// a hit.
func FuzzSearchCursor(f *testing.F) {
	ctx := context.Background()
	e, err := bleve.Open(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = e.Close() })
	if err := e.EnsureIndex(ctx, "listings", search.Settings{}); err != nil {
		f.Fatal(err)
	}
	var docs []search.Document
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := range 7 {
		d := search.Document{ID: fmt.Sprintf("doc-%d", i), Kind: search.KindTender, Country: "FR", PublishedAt: base.Add(time.Duration(i%3) * time.Hour),
			Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Nettoyage de bureaux", Description: "lot " + fmt.Sprint(i)}}}
		if i%2 == 0 {
			deadline := base.AddDate(0, 1, i%4)
			d.Deadline = &deadline
			d.Geo = &search.GeoPoint{Lat: 49.1 + float64(i)/100, Lon: 6.2}
		}
		docs = append(docs, d)
	}
	if err := e.Index(ctx, "listings", docs); err != nil {
		f.Fatal(err)
	}
	sorts := []search.Sort{search.SortRelevance, search.SortDate, search.SortDeadline, search.SortDistance}
	raw := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for _, c := range []string{"", "x", raw(`{"s":"date","a":["1","doc-1"]}`), raw(`{"s":"relevance","a":["NaN","doc-1"]}`),
		raw(`{"s":"deadline","a":["\u0000","\uffff"]}`), raw(`{"s":"distance","a":["-1e309","a","b"]}`), raw(`{"s":"date","a":[]}`), raw(`null`)} {
		for i := range sorts {
			f.Add(c, uint8(i), "nettoyage", uint8(2))
		}
	}
	f.Fuzz(func(t *testing.T, cursor string, which uint8, text string, limit uint8) {
		q := search.Query{Text: text, Sort: sorts[int(which)%len(sorts)], Limit: 1 + int(limit)%4, Cursor: cursor}
		if q.Sort == search.SortDistance {
			q.Origin = &search.GeoPoint{Lat: 49.1, Lon: 6.2}
		}
		res, err := e.Search(ctx, "listings", q)
		if err != nil {
			if !errors.Is(err, search.ErrInvalidCursor) && !errors.Is(err, search.ErrInvalidQuery) {
				t.Fatalf("cursor %q, sort %s: %v is neither an invalid cursor nor an invalid query", cursor, q.Sort, err)
			}
			return
		}
		if res.NextCursor == "" {
			return
		}
		seen := map[string]bool{}
		for _, h := range res.Hits {
			seen[h.ID] = true
		}
		q.Cursor = res.NextCursor
		next, err := e.Search(ctx, "listings", q)
		if err != nil {
			t.Fatalf("the engine's own cursor %q refused: %v", res.NextCursor, err)
		}
		for _, h := range next.Hits {
			if seen[h.ID] {
				t.Fatalf("hit %s on two pages (sort %s, cursor %q)", h.ID, q.Sort, cursor)
			}
		}
	})
}
