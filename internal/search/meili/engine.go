// Package meili implements search.Engine over a Meilisearch server
// (meilisearch-go): every index setting is declared in code and applied by
// EnsureIndex, every write waits for its task and turns a failed task into
// an error. It passes search/searchtest when a server is given
// (PASSERELLE_TEST_MEILI_URL); no server can run on the CI machines.
package meili

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/internal/search"
)

// taskPoll is how often a pending task is polled; taskTimeout bounds the
// wait when the caller's context has no deadline, so that a stuck server
// never blocks a job forever.
const (
	taskPoll    = 20 * time.Millisecond
	taskTimeout = 2 * time.Minute
)

// Engine is the Meilisearch engine; it is safe for concurrent use (the
// client is, and the engine holds no other state).
type Engine struct {
	client meilisearch.ServiceManager
}

var _ search.Engine = (*Engine)(nil)

// New returns an engine for the server at url; apiKey may be empty for a
// server without a master key. It does not contact the server.
func New(url, apiKey string) *Engine {
	var opts []meilisearch.Option
	if apiKey != "" {
		opts = append(opts, meilisearch.WithAPIKey(apiKey))
	}
	return &Engine{client: meilisearch.New(url, opts...)}
}

// Close implements search.Engine.
func (e *Engine) Close() error {
	e.client.Close()
	return nil
}

// wait waits for a task and returns an error if it failed: WaitForTask
// itself returns nil for a failed task.
func (e *Engine) wait(ctx context.Context, info *meilisearch.TaskInfo, err error) error {
	if err != nil {
		return mapError(err)
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, taskTimeout)
		defer cancel()
	}
	task, err := e.client.WaitForTask(ctx, info.TaskUID, taskPoll)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%w: task %d still %s: %w", search.ErrEngine, info.TaskUID, info.Status, ctx.Err())
		}
		return mapError(err)
	}
	switch task.Status {
	case meilisearch.TaskStatusSucceeded:
		return nil
	case meilisearch.TaskStatusFailed:
		if task.Error.Code == meilisearch.APIErrCodeIndexNotFound {
			return fmt.Errorf("%w: %s", search.ErrIndexNotFound, task.Error.Message)
		}
		return &TaskError{UID: task.UID, Type: string(task.Type), Code: string(task.Error.Code), Message: task.Error.Message}
	default:
		return &TaskError{UID: task.UID, Type: string(task.Type), Code: string(task.Status), Message: "task did not succeed"}
	}
}

// TaskError is a Meilisearch task that failed or was cancelled. It wraps
// search.ErrEngine, so callers (the indexing jobs) retry it.
type TaskError struct {
	UID     int64
	Type    string
	Code    string
	Message string
}

func (e *TaskError) Error() string {
	return fmt.Sprintf("meilisearch task %d (%s) failed: %s: %s", e.UID, e.Type, e.Code, e.Message)
}

// Unwrap makes errors.Is(err, search.ErrEngine) hold.
func (e *TaskError) Unwrap() error { return search.ErrEngine }

// mapError turns a client error into the search package's errors.
func mapError(err error) error {
	var me *meilisearch.Error
	if errors.As(err, &me) {
		if me.APIError.Code == meilisearch.APIErrCodeIndexNotFound {
			return fmt.Errorf("%w: %s", search.ErrIndexNotFound, me.APIError.Message)
		}
		if me.StatusCode == 400 {
			return fmt.Errorf("%w: %s", search.ErrInvalidQuery, me.APIError.Message)
		}
	}
	return fmt.Errorf("%w: %w", search.ErrEngine, err)
}

// exists checks an index first: Meilisearch creates missing indexes on
// the first write, which would hide a caller's mistake.
func (e *Engine) exists(ctx context.Context, index string) error {
	if !search.ValidIndexName(index) {
		return fmt.Errorf("%w: %q", search.ErrIndexNotFound, index)
	}
	_, err := e.client.GetIndex(ctx, index)
	if err != nil {
		return mapError(err)
	}
	return nil
}

// EnsureIndex implements search.Engine: it creates the index (primary key
// "id") unless it exists, then applies the settings declared in settings.go.
func (e *Engine) EnsureIndex(ctx context.Context, index string, s search.Settings) error {
	if !search.ValidIndexName(index) {
		return fmt.Errorf("%w: bad index name %q", search.ErrInvalidQuery, index)
	}
	info, err := e.client.CreateIndex(ctx, &meilisearch.IndexConfig{Uid: index, PrimaryKey: fieldID})
	err = e.wait(ctx, info, err)
	var te *TaskError
	alreadyExists := errors.As(err, &te) && te.Code == string(meilisearch.APIErrCodeIndexAlreadyExists)
	if err != nil && !alreadyExists {
		return err
	}
	st := settings(s)
	info, err = e.client.Index(index).UpdateSettings(ctx, st)
	if err := e.wait(ctx, info, err); err != nil {
		return err
	}
	// UpdateSettings omits an empty synonym map, which would keep the old
	// synonyms: set them on their own so that removing them works.
	info, err = e.client.Index(index).UpdateSynonyms(ctx, &st.Synonyms)
	return e.wait(ctx, info, err)
}

// DropIndex implements search.Engine.
func (e *Engine) DropIndex(ctx context.Context, index string) error {
	info, err := e.client.DeleteIndex(ctx, index)
	err = e.wait(ctx, info, err)
	if errors.Is(err, search.ErrIndexNotFound) {
		return nil
	}
	return err
}

// Index implements search.Engine.
func (e *Engine) Index(ctx context.Context, index string, docs []search.Document) error {
	for _, d := range docs {
		if err := d.Validate(); err != nil {
			return err
		}
	}
	if err := e.exists(ctx, index); err != nil {
		return err
	}
	if len(docs) == 0 {
		return nil
	}
	payload := make([]map[string]any, len(docs))
	for i, d := range docs {
		payload[i] = toMeili(d)
	}
	pk := fieldID
	info, err := e.client.Index(index).AddDocuments(ctx, payload, &meilisearch.DocumentOptions{PrimaryKey: &pk})
	return e.wait(ctx, info, err)
}

// Delete implements search.Engine.
func (e *Engine) Delete(ctx context.Context, index string, ids []string) error {
	if err := e.exists(ctx, index); err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	info, err := e.client.Index(index).DeleteDocuments(ctx, ids, nil)
	return e.wait(ctx, info, err)
}

// Swap implements search.Engine with Meilisearch's own atomic swap.
func (e *Engine) Swap(ctx context.Context, alias, index string) error {
	for _, name := range []string{alias, index} {
		if err := e.exists(ctx, name); err != nil {
			return err
		}
	}
	info, err := e.client.SwapIndexes(ctx, []*meilisearch.SwapIndexesParams{{Indexes: []string{alias, index}}})
	return e.wait(ctx, info, err)
}
