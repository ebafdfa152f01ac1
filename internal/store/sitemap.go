package store

import (
	"context"
	"time"

	"passerelle/internal/store/sqlc"
)

// SitemapEntry is one public page listed in the sitemap.
type SitemapEntry struct {
	// Kind is "offer", "organisation" (an SSE supplier's profile) or "tender".
	Kind    string
	ID      string
	LastMod time.Time
}

// CountSitemapEntries returns how many public pages the sitemap lists.
func (s *Store) CountSitemapEntries(ctx context.Context) (int64, error) {
	n, err := s.q.CountSitemapEntries(ctx)
	return n, mapError(err)
}

// ListSitemapEntries returns up to limit public pages after skipping skip,
// in a stable order (kind, then id).
func (s *Store) ListSitemapEntries(ctx context.Context, skip, limit int64) ([]SitemapEntry, error) {
	rows, err := s.q.ListSitemapEntries(ctx, sqlc.ListSitemapEntriesParams{Skip: skip, RowLimit: limit})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]SitemapEntry, len(rows))
	for i, r := range rows {
		out[i] = SitemapEntry{Kind: r.Kind, ID: r.ID.String(), LastMod: r.Lastmod}
	}
	return out, nil
}
