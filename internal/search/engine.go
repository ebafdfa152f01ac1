package search

import (
	"context"
	"errors"
	"fmt"

	"passerelle/internal/domain"
)

// Errors every engine returns, so that callers need not know which engine
// runs. They wrap domain sentinels, so api/errors.go maps them unchanged.
var (
	// ErrIndexNotFound means the index (or live name) does not exist.
	ErrIndexNotFound = fmt.Errorf("search index %w", domain.ErrNotFound)
	// ErrInvalidQuery means the query cannot run as given.
	ErrInvalidQuery = errors.New("invalid search query")
	// ErrInvalidCursor means the cursor is malformed or belongs to a query
	// with another sort.
	ErrInvalidCursor = fmt.Errorf("%w: bad cursor", ErrInvalidQuery)
	// ErrInvalidDocument means a document cannot be indexed.
	ErrInvalidDocument = errors.New("invalid search document")
	// ErrEngine means the engine failed (down, or a task failed); retrying
	// later may work.
	ErrEngine = fmt.Errorf("search engine %w", domain.ErrUnavailable)
)

// Settings are an index's tunable behaviour, declared in code and applied by
// EnsureIndex. The analysis per language (stop words, stemming, accent
// folding) is not a setting: each engine fixes it for the language fields.
type Settings struct {
	// Synonyms maps a lower-case word to words a query for it also
	// searches (one way: add the reverse entry for two-way synonyms).
	Synonyms map[string][]string
}

// Engine is a search engine holding named indexes. Implementations must be
// safe for concurrent use. Every method takes a context that bounds the
// call; an unknown index gives ErrIndexNotFound (except EnsureIndex, which
// creates it, and DropIndex, which is then a no-op).
type Engine interface {
	// EnsureIndex creates the index if it does not exist and applies s.
	EnsureIndex(ctx context.Context, index string, s Settings) error
	// DropIndex deletes an index and its data; a missing index is not an
	// error.
	DropIndex(ctx context.Context, index string) error
	// Index adds or replaces documents by id; indexing the same document
	// twice leaves one copy. When it returns nil the documents are
	// searchable.
	Index(ctx context.Context, index string, docs []Document) error
	// Delete removes documents by id; unknown ids are ignored.
	Delete(ctx context.Context, index string, ids []string) error
	// Search runs q against the index.
	Search(ctx context.Context, index string, q Query) (Result, error)
	// ListIDs calls fn with the id and kind of every document of the
	// index (other Hit fields empty), in batches of at most ListIDsBatch,
	// in the engine's order. Unlike paging through Search it is not
	// bounded by how deep an engine lets a query page (Meilisearch's
	// maxTotalHits): it is how reconciliation finds every document. A
	// document written or deleted during the walk may or may not be
	// listed (nor, with Meilisearch's offsets, one beside it); an error of
	// fn stops the walk and is returned.
	ListIDs(ctx context.Context, index string, fn func([]Hit) error) error
	// Swap atomically exchanges the contents (and settings) of two
	// existing indexes: searches on either name see the old or the new
	// contents, never an error or a mix. See the package comment.
	Swap(ctx context.Context, alias, index string) error
	// Close releases the engine's resources; the engine is unusable after.
	Close() error
}

// ListIDsBatch is the largest batch ListIDs passes to its callback.
const ListIDsBatch = 1000

// Compacter is implemented by engines whose indexes answer faster once
// compacted after a bulk load: the embedded engine merges an index's
// segments into one (every segment adds to every search). A rebuild calls
// it on the new index before the swap when the engine has it; Meilisearch
// needs no such step.
type Compacter interface {
	Compact(ctx context.Context, index string) error
}

// ValidIndexName reports whether name can name an index in every engine:
// 1 to 64 characters among a-z, 0-9, '_' and '-' (Meilisearch accepts more;
// the embedded engine uses the name in file paths).
func ValidIndexName(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for _, c := range name {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}
