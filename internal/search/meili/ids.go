package meili

import (
	"context"
	"fmt"
	"sort"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/internal/search"
)

// ListIDs implements search.Engine through the documents route, which,
// unlike search, pages as deep as the index goes, in Meilisearch's own
// order (batches are sorted by id for readability only).
func (e *Engine) ListIDs(ctx context.Context, index string, fn func([]search.Hit) error) error {
	if err := e.exists(ctx, index); err != nil {
		return err
	}
	for offset := int64(0); ; offset += search.ListIDsBatch {
		var res meilisearch.DocumentsResult
		err := e.client.Index(index).GetDocuments(ctx, &meilisearch.DocumentsQuery{
			Offset: offset, Limit: search.ListIDsBatch, Fields: []string{fieldID, fieldKind},
		}, &res)
		if err != nil {
			return mapError(err)
		}
		var rows []struct {
			ID   string `json:"id"`
			Kind string `json:"kind"`
		}
		if err := res.Results.DecodeInto(&rows); err != nil {
			return fmt.Errorf("%w: decode documents: %w", search.ErrEngine, err)
		}
		if len(rows) == 0 {
			return nil
		}
		batch := make([]search.Hit, len(rows))
		for i, r := range rows {
			batch[i] = search.Hit{ID: r.ID, Kind: search.Kind(r.Kind)}
		}
		sort.Slice(batch, func(i, j int) bool { return batch[i].ID < batch[j].ID })
		if err := fn(batch); err != nil {
			return err
		}
		if len(rows) < search.ListIDsBatch {
			return nil
		}
	}
}
