package bleve

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"passerelle/internal/search"
)

// The documents a set of filters keeps, per snapshot. The search page's
// filters are few (a country, a kind, a sector, a region) and come back
// with every text typed and every page turned; their set is a union of
// keyword postings, a few milliseconds at 100,000 listings, the same until
// the index changes. The sets are shared and only read, as the live
// documents are.

// filterSetsMax bounds the sets kept per index (a set of 100,000 listings
// is at most 14 kB).
const filterSetsMax = 2048

type filterSets struct {
	mu   sync.Mutex
	snap *scorch.IndexSnapshot // the sets' snapshot (only compared, never read)
	sets map[string]*roaring.Bitmap
}

// filterKey identifies what filterQuery(q) keeps.
func filterKey(q search.Query) string {
	k := struct {
		F      search.Filters
		Origin *search.GeoPoint `json:",omitempty"`
	}{F: q.Filters}
	if q.Sort == search.SortDistance && q.Filters.Near == nil {
		k.Origin = q.Origin // a distance sort keeps the documents with a place
	}
	b, err := json.Marshal(k)
	if err != nil {
		return "" // no key: not kept
	}
	return string(b)
}

// filterDocs returns the documents q's filters keep on snap.
func (q *execQuery) filterDocs(ctx context.Context, snap *scorch.IndexSnapshot, m mapping.IndexMapping) (*roaring.Bitmap, error) {
	if q.postings == nil || q.filterKey == "" {
		return docSet(ctx, q.filter, snap, m)
	}
	c := &q.postings.filters
	c.mu.Lock()
	if c.snap != snap || len(c.sets) >= filterSetsMax {
		c.snap, c.sets = snap, map[string]*roaring.Bitmap{}
	}
	set, ok := c.sets[q.filterKey]
	c.mu.Unlock()
	if ok {
		return set, nil
	}
	set, err := docSet(ctx, q.filter, snap, m)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.snap == snap {
		c.sets[q.filterKey] = set
	}
	c.mu.Unlock()
	return set, nil
}
