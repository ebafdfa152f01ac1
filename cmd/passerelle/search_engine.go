package main

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"

	"passerelle/internal/config"
	"passerelle/internal/core"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
	"passerelle/internal/search/crosslang"
)

// openEmbeddedSearch opens the embedded engine under PASSERELLE_DATA_DIR/index
// with its live index, and the cross-language searcher over it, for the
// search API. It is the minimal wiring the search route needs; the engine
// chosen by configuration (Meilisearch or the embedded one) and the index
// worker replace it where serve builds them. The returned function closes
// the engine.
func openEmbeddedSearch(ctx context.Context, cfg config.Config, log *slog.Logger) (*search.Multilingual, func(), error) {
	engine, err := bleve.Open(filepath.Join(cfg.DataDir, "index"))
	if err != nil {
		return nil, nil, err
	}
	if err := engine.EnsureIndex(ctx, core.SearchLiveIndex, search.Settings{}); err != nil {
		_ = engine.Close()
		return nil, nil, fmt.Errorf("search: live index: %w", err)
	}
	// Missing dictionaries are skipped (and listed): search still works,
	// with fewer translations.
	expander, err := crosslang.Load(crosslang.Sources{DictDir: crosslang.DefaultDictDir})
	if err != nil {
		_ = engine.Close()
		return nil, nil, err
	}
	if missing := expander.Stats().MissingPairs; len(missing) > 0 {
		log.Warn("some bilingual dictionaries are missing: run `make deps-dict`", "missing", missing)
	}
	closeEngine := func() {
		if err := engine.Close(); err != nil {
			log.Warn("closing the search engine", "err", err)
		}
	}
	return &search.Multilingual{Engine: engine, Index: core.SearchLiveIndex, Expander: expander}, closeEngine, nil
}
