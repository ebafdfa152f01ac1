package bleve

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"passerelle/internal/search"
)

// Layout describes how an index lies on disk.
type Layout struct {
	// Docs is the number of documents.
	Docs uint64
	// Segments is the number of segments a search visits: each costs a
	// dictionary lookup per term and a doc-values reader per facet, so a
	// bulk load left in many small segments searches several times slower
	// than the same documents in one.
	Segments int
}

// Layout reports the index's document and segment counts.
func (e *Engine) Layout(ctx context.Context, index string) (Layout, error) {
	if err := ctx.Err(); err != nil {
		return Layout{}, err
	}
	h, err := e.acquire(index)
	if err != nil {
		return Layout{}, err
	}
	defer h.mu.RUnlock()
	n, err := h.index.DocCount()
	if err != nil {
		return Layout{}, fmt.Errorf("%w: %w", search.ErrEngine, err)
	}
	l := Layout{Docs: n}
	s, err := h.scorch()
	if err != nil {
		return Layout{}, err
	}
	r, err := s.Reader()
	if err != nil {
		return Layout{}, fmt.Errorf("%w: %w", search.ErrEngine, err)
	}
	defer func() { _ = r.Close() }()
	if snap, ok := r.(*scorch.IndexSnapshot); ok {
		l.Segments = len(snap.Segments())
	}
	return l, nil
}

// Compact merges the index's segments into one, for an index filled in
// bulk (reindex, the benchmark) that will mostly be read: scorch's
// background merger leaves tiers of segments behind, and every segment adds
// to every search. Searches and writes may run meanwhile; it returns when
// the merge is done or ctx ends.
func (e *Engine) Compact(ctx context.Context, index string) error {
	h, err := e.acquire(index)
	if err != nil {
		return err
	}
	defer h.mu.RUnlock()
	s, err := h.scorch()
	if err != nil {
		return err
	}
	// A force merge takes the segments persisted when it starts; the last
	// batches may still be in memory then, so merge until one is left.
	for range 20 {
		if err := s.ForceMerge(ctx, nil); err != nil {
			return fmt.Errorf("%w: compact %s: %w", search.ErrEngine, index, err)
		}
		r, err := s.Reader()
		if err != nil {
			return fmt.Errorf("%w: %w", search.ErrEngine, err)
		}
		n := 0
		if snap, ok := r.(*scorch.IndexSnapshot); ok {
			n = len(snap.Segments())
		}
		_ = r.Close()
		if n <= 1 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	return nil
}

// scorch returns the index's scorch implementation: every index of the
// engine is created with bleve.New, whose default is scorch.
func (h *handle) scorch() (*scorch.Scorch, error) {
	a, err := h.index.Advanced()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", search.ErrEngine, err)
	}
	s, ok := a.(*scorch.Scorch)
	if !ok {
		return nil, fmt.Errorf("%w: index is %T, not scorch", search.ErrEngine, a)
	}
	return s, nil
}
