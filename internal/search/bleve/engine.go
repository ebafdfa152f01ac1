// Package bleve is the embedded search engine: Bleve indexes (scorch, on
// disk) under one directory, one per index name, with per-language
// analyzers. It implements search.Engine and passes search/searchtest.
package bleve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/searcher"

	"passerelle/internal/search"
)

// A document's score must not depend on how the index is split into
// segments: a page cursor holds the exact score of the page's last hit,
// and the next page keeps the hits scoring below it. Bleve's heap
// disjunction (used past DisjunctionHeapTakeover clauses) adds up the
// matching clauses' scores in heap order, and the heap's history depends
// on the segment layout, which background merges change between two
// pages: the same document then scores an ulp apart, and comes again on
// the next page or is skipped. The slice disjunction adds them up in
// clause order, the same on every layout. It costs a scan of the clauses'
// current documents per hit instead of heap moves: nothing measurable at
// the engine's clause counts (bench-search).
func init() {
	searcher.DisjunctionHeapTakeover = math.MaxInt
}

// registryFile maps index names to their directories; Swap rewrites it.
const registryFile = "indexes.json"

// entry is an index name's record in the registry file.
type entry struct {
	Dir      string          `json:"dir"`
	Settings search.Settings `json:"settings"`
	// Mapping is the mappingVersion the index was built with (0: before
	// versions were recorded).
	Mapping int `json:"mapping"`
}

// handle is an open bleve index. Searches and writes hold mu for reading;
// DropIndex and Close take it for writing, so an index is never closed
// under a running search (after a Swap, searches that started on the old
// contents finish on them).
type handle struct {
	mu       sync.RWMutex
	closed   bool
	dir      string
	settings search.Settings
	mapping  int // the mappingVersion the index was built with
	index    bleve.Index
	// facets caches the facet values of the index's segments, postings
	// the decoded postings of its frequent terms.
	facets   facetCache
	postings postingsCache
}

// Engine is the embedded engine. Create it with Open; it is safe for
// concurrent use.
type Engine struct {
	root string

	mu     sync.RWMutex // guards names, closed and scoredBytes; held for writing by Swap
	names  map[string]*handle
	closed bool
	// scoredBytes is each index's budget for kept scored matches.
	scoredBytes int64
}

var _ search.Engine = (*Engine)(nil)

// Open opens (creating it if needed) the engine rooted at dir, e.g.
// ./var/index, and every index listed in its registry.
func Open(dir string) (*Engine, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("search: create %s: %w", dir, err)
	}
	e := &Engine{root: dir, names: map[string]*handle{}, scoredBytes: defaultScoredBytes}
	reg, err := e.readRegistry()
	if err != nil {
		return nil, err
	}
	for name, en := range reg {
		idx, err := bleve.Open(filepath.Join(dir, en.Dir))
		if err != nil {
			_ = e.Close()
			return nil, fmt.Errorf("search: open index %s: %w", name, err)
		}
		e.names[name] = e.newHandle(en.Dir, en.Settings, en.Mapping, idx)
	}
	return e, nil
}

// newHandle wraps an open index with the engine's settings.
func (e *Engine) newHandle(dir string, s search.Settings, mapping int, idx bleve.Index) *handle {
	h := &handle{dir: dir, settings: s, mapping: mapping, index: idx}
	h.postings.scored.budget.Store(e.scoredBytes)
	return h
}

func (e *Engine) readRegistry() (map[string]entry, error) {
	b, err := os.ReadFile(filepath.Join(e.root, registryFile))
	if errors.Is(err, os.ErrNotExist) {
		return map[string]entry{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("search: read registry: %w", err)
	}
	reg := map[string]entry{}
	if err := json.Unmarshal(b, &reg); err != nil {
		return nil, fmt.Errorf("search: registry %s is corrupt: %w", registryFile, err)
	}
	return reg, nil
}

// writeRegistry persists names; callers hold e.mu for writing. It writes a
// temporary file and renames it, so a crash leaves the old or the new
// registry, never half of one.
func (e *Engine) writeRegistry() error {
	reg := make(map[string]entry, len(e.names))
	for name, h := range e.names {
		reg[name] = entry{Dir: h.dir, Settings: h.settings, Mapping: h.mapping}
	}
	b, err := json.MarshalIndent(reg, "", "  ")
	if err != nil {
		return fmt.Errorf("search: encode registry: %w", err)
	}
	tmp := filepath.Join(e.root, registryFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o640); err != nil {
		return fmt.Errorf("search: write registry: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(e.root, registryFile)); err != nil {
		return fmt.Errorf("search: write registry: %w", err)
	}
	return nil
}

// acquire returns the open handle of name, locked for reading; the caller
// must call h.mu.RUnlock.
func (e *Engine) acquire(name string) (*handle, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.closed {
		return nil, fmt.Errorf("%w: engine closed", search.ErrEngine)
	}
	h, ok := e.names[name]
	if !ok {
		return nil, fmt.Errorf("%w: %q", search.ErrIndexNotFound, name)
	}
	h.mu.RLock()
	if h.closed {
		// Dropped between the lookup and the lock.
		h.mu.RUnlock()
		return nil, fmt.Errorf("%w: %q", search.ErrIndexNotFound, name)
	}
	return h, nil
}

// EnsureIndex implements search.Engine.
func (e *Engine) EnsureIndex(ctx context.Context, index string, s search.Settings) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !search.ValidIndexName(index) {
		return fmt.Errorf("%w: bad index name %q", search.ErrInvalidQuery, index)
	}
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return fmt.Errorf("%w: engine closed", search.ErrEngine)
	}
	if h, ok := e.names[index]; ok {
		if h.mapping == mappingVersion {
			defer e.mu.Unlock()
			h.mu.Lock()
			if !reflect.DeepEqual(h.settings, s) {
				h.settings = cloneSettings(s)
				h.postings.scored.clear() // the texts' synonyms changed
			}
			h.mu.Unlock()
			return e.writeRegistry()
		}
		// Built with an older mapping (analysis changed since): the
		// documents must be analysed again, so the index starts afresh.
		// Its listings come back through reconciliation, which indexes
		// every public listing missing from the live index.
		e.mu.Unlock()
		if err := e.DropIndex(ctx, index); err != nil {
			return err
		}
		return e.EnsureIndex(ctx, index, s)
	}
	defer e.mu.Unlock()
	m, err := newMapping()
	if err != nil {
		return err
	}
	suffix := make([]byte, 6)
	if _, err := rand.Read(suffix); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	// The directory name never changes after creation (Swap exchanges
	// registry entries, not directories), hence a random suffix.
	dir := index + "." + hex.EncodeToString(suffix)
	idx, err := bleve.New(filepath.Join(e.root, dir), m)
	if err != nil {
		return fmt.Errorf("search: create index %s: %w", index, err)
	}
	e.names[index] = e.newHandle(dir, cloneSettings(s), mappingVersion, idx)
	if err := e.writeRegistry(); err != nil {
		delete(e.names, index)
		_ = idx.Close()
		_ = os.RemoveAll(filepath.Join(e.root, dir))
		return err
	}
	return nil
}

func cloneSettings(s search.Settings) search.Settings {
	out := search.Settings{}
	if len(s.Synonyms) > 0 {
		out.Synonyms = make(map[string][]string, len(s.Synonyms))
		for k, v := range s.Synonyms {
			out.Synonyms[k] = append([]string(nil), v...)
		}
	}
	return out
}

// DropIndex implements search.Engine.
func (e *Engine) DropIndex(ctx context.Context, index string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	e.mu.Lock()
	h, ok := e.names[index]
	if !ok {
		e.mu.Unlock()
		return nil
	}
	delete(e.names, index)
	err := e.writeRegistry()
	e.mu.Unlock()
	if err != nil {
		return err
	}
	// Waits for running searches on these contents to finish.
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	if err := h.index.Close(); err != nil {
		return fmt.Errorf("search: close index %s: %w", index, err)
	}
	if err := os.RemoveAll(filepath.Join(e.root, h.dir)); err != nil {
		return fmt.Errorf("search: remove index %s: %w", index, err)
	}
	return nil
}

// Index implements search.Engine.
func (e *Engine) Index(ctx context.Context, index string, docs []search.Document) error {
	for _, d := range docs {
		if err := d.Validate(); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	h, err := e.acquire(index)
	if err != nil {
		return err
	}
	defer h.mu.RUnlock()
	b := h.index.NewBatch()
	for _, d := range docs {
		if err := b.Index(d.ID, toBleve(d)); err != nil {
			return fmt.Errorf("%w: index %s: %w", search.ErrEngine, d.ID, err)
		}
	}
	if err := h.index.Batch(b); err != nil {
		return fmt.Errorf("%w: %w", search.ErrEngine, err)
	}
	return nil
}

// Delete implements search.Engine.
func (e *Engine) Delete(ctx context.Context, index string, ids []string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	h, err := e.acquire(index)
	if err != nil {
		return err
	}
	defer h.mu.RUnlock()
	// Only the ids the index holds: the index jobs remove every listing
	// that is not public, drafts included, which were never indexed, and
	// an empty deletion still makes a new snapshot, which empties the
	// caches of the current one (scored matches, live documents).
	present, err := h.present(ids)
	if err != nil {
		return err
	}
	if len(present) == 0 {
		return nil
	}
	b := h.index.NewBatch()
	for _, id := range present {
		b.Delete(id)
	}
	if err := h.index.Batch(b); err != nil {
		return fmt.Errorf("%w: %w", search.ErrEngine, err)
	}
	return nil
}

// present returns the ids of ids the index holds.
func (h *handle) present(ids []string) ([]string, error) {
	r, err := h.index.Advanced()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", search.ErrEngine, err)
	}
	reader, err := r.Reader()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", search.ErrEngine, err)
	}
	defer func() { _ = reader.Close() }()
	var out []string
	for _, id := range ids {
		num, err := reader.InternalID(id)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", search.ErrEngine, err)
		}
		if num != nil {
			out = append(out, id)
		}
	}
	return out, nil
}

// Swap implements search.Engine by exchanging the two names' registry
// entries under the engine lock: a search holds one handle from start to
// end, so it sees either contents, never a missing index.
func (e *Engine) Swap(ctx context.Context, alias, index string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	a, ok := e.names[alias]
	if !ok {
		return fmt.Errorf("%w: %q", search.ErrIndexNotFound, alias)
	}
	b, ok := e.names[index]
	if !ok {
		return fmt.Errorf("%w: %q", search.ErrIndexNotFound, index)
	}
	e.names[alias], e.names[index] = b, a
	if err := e.writeRegistry(); err != nil {
		e.names[alias], e.names[index] = a, b
		return err
	}
	return nil
}

// Close implements search.Engine: it waits for running calls, then closes
// every index.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	var errs []error
	for name, h := range e.names {
		h.mu.Lock()
		if !h.closed {
			h.closed = true
			if err := h.index.Close(); err != nil {
				errs = append(errs, fmt.Errorf("search: close index %s: %w", name, err))
			}
		}
		h.mu.Unlock()
	}
	return errors.Join(errs...)
}
