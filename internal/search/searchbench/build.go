package searchbench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
)

// IndexName is the benchmark's index within its engine folder.
const IndexName = "bench"

// metaFile records, beside the cached index, what it was built from.
const metaFile = "bench.json"

// batchSize is the documents per engine call while building: large
// batches make few, large segments (scorch writes one per batch before
// merging them).
const batchSize = 2000

// Built describes a benchmark index.
type Built struct {
	Docs      int    `json:"docs"`
	Seed      uint64 `json:"seed"`
	Generator int    `json:"generator"`
	// Mapping is the engine's bleve.MappingVersion: an index analysed
	// the old way is built again.
	Mapping int `json:"mapping"`
	// Took is how long indexing took, and Compact how long merging the
	// segments into one took after it.
	Took    time.Duration `json:"took"`
	Compact time.Duration `json:"compact"`
	// Cached reports that the index was found in the folder, not built.
	Cached bool `json:"-"`
}

// Open returns the engine rooted at dir holding the benchmark index of n
// documents drawn by g with seed: the one already there when bench.json
// says it was built from the same n, seed, generator and mapping version, else a new
// one built now (progress on w). The caller closes the engine.
func Open(ctx context.Context, dir string, g *Generator, n int, w io.Writer) (_ *bleve.Engine, _ Built, err error) {
	want := Built{Docs: n, Seed: g.seed, Generator: GeneratorVersion, Mapping: bleve.MappingVersion}
	e, err := bleve.Open(dir)
	if err != nil {
		return nil, Built{}, err
	}
	defer func() {
		if err != nil {
			_ = e.Close()
		}
	}()
	var have Built
	if b, rerr := os.ReadFile(filepath.Join(dir, metaFile)); rerr == nil && json.Unmarshal(b, &have) == nil &&
		have.Docs == want.Docs && have.Seed == want.Seed && have.Generator == want.Generator &&
		have.Mapping == want.Mapping {
		l, lerr := e.Layout(ctx, IndexName)
		if lerr == nil && l.Docs == uint64(n) {
			have.Cached = true
			return e, have, nil
		}
	}
	// Not reusable: a crash mid-build must not leave a half index that a
	// later run takes for a whole one.
	if err := os.Remove(filepath.Join(dir, metaFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, Built{}, err
	}
	if err := e.DropIndex(ctx, IndexName); err != nil {
		return nil, Built{}, err
	}
	if err := e.EnsureIndex(ctx, IndexName, search.Settings{}); err != nil {
		return nil, Built{}, err
	}
	start := time.Now()
	if err := fill(ctx, e, g, n, w); err != nil {
		return nil, Built{}, err
	}
	want.Took = time.Since(start)
	start = time.Now()
	if err := e.Compact(ctx, IndexName); err != nil {
		return nil, Built{}, err
	}
	want.Compact = time.Since(start)
	b, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		return nil, Built{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, metaFile), b, 0o640); err != nil {
		return nil, Built{}, err
	}
	return e, want, nil
}

// fill indexes documents 0..n-1, generating the next batch while the
// engine indexes the current one.
func fill(ctx context.Context, e *bleve.Engine, g *Generator, n int, w io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []search.Document, 1)
	go func() {
		defer close(batches)
		for i := 0; i < n; i += batchSize {
			docs := make([]search.Document, 0, batchSize)
			for j := i; j < min(i+batchSize, n); j++ {
				docs = append(docs, g.Document(j))
			}
			select {
			case batches <- docs:
			case <-ctx.Done():
				return
			}
		}
	}()
	start, done := time.Now(), 0
	for docs := range batches {
		if err := e.Index(ctx, IndexName, docs); err != nil {
			return err
		}
		done += len(docs)
		fmt.Fprintf(w, "\rindexed %d/%d listings (%.0f/s)", done, n, float64(done)/time.Since(start).Seconds())
	}
	fmt.Fprintln(w)
	return ctx.Err()
}
