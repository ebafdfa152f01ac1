package bleve

import (
	"context"

	"github.com/blevesearch/bleve/v2"

	"passerelle/internal/search"
)

// ListIDs implements search.Engine: a match-all query sorted by id, paged
// with search-after (no depth limit). The index is held only while a
// batch is read, not while fn runs, so that fn may write to the engine.
func (e *Engine) ListIDs(ctx context.Context, index string, fn func([]search.Hit) error) error {
	after := ""
	for {
		batch, err := e.idsAfter(ctx, index, after)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		if err := fn(batch); err != nil {
			return err
		}
		if len(batch) < search.ListIDsBatch {
			return nil
		}
		after = batch[len(batch)-1].ID
	}
}

func (e *Engine) idsAfter(ctx context.Context, index, after string) ([]search.Hit, error) {
	h, err := e.acquire(index)
	if err != nil {
		return nil, err
	}
	defer h.mu.RUnlock()
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), search.ListIDsBatch, 0, false)
	req.SortBy([]string{"_id"})
	req.Fields = []string{fieldKind}
	if after != "" {
		req.SearchAfter = []string{after}
	}
	res, err := h.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, searchError(ctx, err)
	}
	out := make([]search.Hit, len(res.Hits))
	for i, dm := range res.Hits {
		out[i].ID = dm.ID
		if k, ok := dm.Fields[fieldKind].(string); ok {
			out[i].Kind = search.Kind(k)
		}
	}
	return out, nil
}
