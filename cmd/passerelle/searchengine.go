package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"

	"passerelle/internal/config"
	"passerelle/internal/core"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
	"passerelle/internal/search/crosslang"
	"passerelle/internal/search/meili"
	"passerelle/internal/store"
)

// errIndexInUse means another process holds the embedded index.
var errIndexInUse = errors.New("the embedded search index is open in another process (a running `passerelle serve`?): " +
	"rebuild through the server (POST /api/v1/admin/search/rebuilds) or stop it first")

// openSearchEngine opens the configured engine: the embedded one under
// cfg.IndexDir(), or the Meilisearch server. The embedded index belongs to
// one process: a lock file next to it makes a second process fail at once
// instead of waiting on Bleve's own lock forever.
func openSearchEngine(cfg config.Config) (search.Engine, error) {
	if cfg.SearchEngine == "meilisearch" {
		return meili.New(cfg.MeiliURL, cfg.MeiliKey), nil
	}
	dir := cfg.IndexDir()
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("search index folder: %w", err)
	}
	lock, err := os.OpenFile(filepath.Join(dir, "passerelle.lock"), os.O_CREATE|os.O_RDWR, 0o640)
	if err != nil {
		return nil, fmt.Errorf("search index lock: %w", err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = lock.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errIndexInUse
		}
		return nil, fmt.Errorf("search index lock: %w", err)
	}
	e, err := bleve.Open(dir)
	if err != nil {
		_ = lock.Close()
		return nil, err
	}
	e.SetScoredCacheBytes(int64(cfg.SearchCacheMB) << 20)
	return lockedEngine{Engine: e, lock: lock}, nil
}

// lockedEngine releases the index folder's lock when the engine closes.
type lockedEngine struct {
	search.Engine
	lock *os.File
}

func (e lockedEngine) Close() error {
	return errors.Join(e.Engine.Close(), e.lock.Close())
}

// loadExpander builds the cross-language query expansion of the product:
// the sector catalogue, the CPV labels imported in PostgreSQL (by
// `passerelle import-cpv`) and the FreeDict dictionaries of
// cfg.SearchDictDir. Missing dictionaries or CPV codes weaken
// cross-language search; they are reported once, and search still works.
func loadExpander(ctx context.Context, cfg config.Config, st *store.Store, log *slog.Logger) (*crosslang.Expander, error) {
	codes, err := st.AllCPVLabels(ctx)
	if err != nil {
		return nil, err
	}
	concepts := make([]crosslang.Concept, len(codes))
	for i, c := range codes {
		concepts[i] = crosslang.Concept{ID: "cpv:" + c.Code8, Labels: c.Labels}
	}
	x, err := crosslang.Load(crosslang.Sources{DictDir: cfg.SearchDictDir, Concepts: concepts})
	if err != nil {
		return nil, err
	}
	stats := x.Stats()
	if len(codes) == 0 {
		log.Warn("no CPV codes imported: cross-language search knows only the sector catalogue (run `passerelle import-cpv`)")
	}
	if stats.Dictionaries == 0 {
		log.Warn("no FreeDict dictionaries found: cross-language search uses the procurement lexicon only (make deps-dict)",
			"dir", cfg.SearchDictDir)
	} else if len(stats.MissingPairs) > 0 {
		log.Warn("some FreeDict dictionaries are missing", "dir", cfg.SearchDictDir, "pairs", stats.MissingPairs)
	}
	log.Info("cross-language search loaded", "concepts", stats.Concepts, "dictionaries", stats.Dictionaries)
	return x, nil
}

// searchCheck is the readiness check of the search engine: the live index
// answers a query.
func searchCheck(engine search.Engine) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		_, err := engine.Search(ctx, core.SearchLiveIndex, search.Query{Limit: 1})
		return err
	}
}

// closeSearch closes the engine, logging a failure.
func closeSearch(c io.Closer, log *slog.Logger) {
	if err := c.Close(); err != nil {
		log.Warn("search engine close", "err", err)
	}
}
