package bleve

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2"

	"passerelle/internal/search"
)

// listIDsChunk is how many ids one query reads: the index is held while a
// chunk is read, and a few megabytes of ids at a time are plenty.
const listIDsChunk = 20 * search.ListIDsBatch

// ListIDs implements search.Engine: for each kind, a term query on the
// kind sorted by id, paged with search-after (no depth limit) in chunks of
// listIDsChunk handed to fn in batches of ListIDsBatch. Querying by kind
// spares loading each document's stored fields to read its kind, which
// was five sixths of the walk's time (reconciliation runs it over the
// whole index every ten minutes). The index is held only while a chunk is
// read, not while fn runs, so that fn may write to the engine.
func (e *Engine) ListIDs(ctx context.Context, index string, fn func([]search.Hit) error) error {
	for _, kind := range search.Kinds {
		after := ""
		for {
			chunk, err := e.idsAfter(ctx, index, kind, after)
			if err != nil {
				return err
			}
			for batch := range slices.Chunk(chunk, search.ListIDsBatch) {
				if err := fn(batch); err != nil {
					return err
				}
			}
			if len(chunk) < listIDsChunk {
				break
			}
			after = chunk[len(chunk)-1].ID
		}
	}
	return nil
}

func (e *Engine) idsAfter(ctx context.Context, index string, kind search.Kind, after string) ([]search.Hit, error) {
	h, err := e.acquire(index)
	if err != nil {
		return nil, err
	}
	defer h.mu.RUnlock()
	q := bleve.NewTermQuery(string(kind))
	q.SetField(fieldKind)
	req := bleve.NewSearchRequestOptions(q, listIDsChunk, 0, false)
	req.SortBy([]string{"_id"})
	if after != "" {
		req.SearchAfter = []string{after}
	}
	res, err := h.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, searchError(ctx, err)
	}
	out := make([]search.Hit, len(res.Hits))
	for i, dm := range res.Hits {
		out[i] = search.Hit{ID: dm.ID, Kind: kind}
	}
	return out, nil
}
