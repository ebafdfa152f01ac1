package search

import (
	"context"
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Instrumented wraps an engine so that every call through it is measured,
// whoever makes it (the search API, the index worker, reindex): duration
// per operation, and errors per operation. Rejected queries (ErrInvalidQuery,
// a user's mistake) and calls whose context ended are not engine errors
// and are not counted as such.
func Instrumented(e Engine, reg prometheus.Registerer) Engine {
	m := &instrumented{
		next: e,
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "passerelle_search_duration_seconds",
			Help: "Search engine call latency, by operation (search, index, delete, swap, ensure_index, drop_index, list_ids).",
			// Searches take milliseconds; bulk indexing and swaps up to seconds.
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"operation"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "passerelle_search_engine_errors_total",
			Help: "Search engine calls that failed, by operation.",
		}, []string{"operation"}),
	}
	reg.MustRegister(m.duration, m.errors)
	// Every label exists from the start, so that rate() works on the first error.
	for _, op := range []string{opEnsure, opDrop, opIndex, opDelete, opSearch, opSwap, opList, opCompact} {
		m.duration.WithLabelValues(op)
		m.errors.WithLabelValues(op)
	}
	return m
}

const (
	opEnsure  = "ensure_index"
	opDrop    = "drop_index"
	opIndex   = "index"
	opDelete  = "delete"
	opSearch  = "search"
	opSwap    = "swap"
	opList    = "list_ids"
	opCompact = "compact"
)

type instrumented struct {
	next     Engine
	duration *prometheus.HistogramVec
	errors   *prometheus.CounterVec
}

func (m *instrumented) observe(ctx context.Context, op string, start time.Time, err error) {
	m.duration.WithLabelValues(op).Observe(time.Since(start).Seconds())
	if err != nil && !errors.Is(err, ErrInvalidQuery) && ctx.Err() == nil {
		m.errors.WithLabelValues(op).Inc()
	}
}

func (m *instrumented) EnsureIndex(ctx context.Context, index string, s Settings) error {
	start := time.Now()
	err := m.next.EnsureIndex(ctx, index, s)
	m.observe(ctx, opEnsure, start, err)
	return err
}

func (m *instrumented) DropIndex(ctx context.Context, index string) error {
	start := time.Now()
	err := m.next.DropIndex(ctx, index)
	m.observe(ctx, opDrop, start, err)
	return err
}

func (m *instrumented) Index(ctx context.Context, index string, docs []Document) error {
	start := time.Now()
	err := m.next.Index(ctx, index, docs)
	m.observe(ctx, opIndex, start, err)
	return err
}

func (m *instrumented) Delete(ctx context.Context, index string, ids []string) error {
	start := time.Now()
	err := m.next.Delete(ctx, index, ids)
	m.observe(ctx, opDelete, start, err)
	return err
}

func (m *instrumented) Search(ctx context.Context, index string, q Query) (Result, error) {
	start := time.Now()
	res, err := m.next.Search(ctx, index, q)
	m.observe(ctx, opSearch, start, err)
	return res, err
}

func (m *instrumented) Swap(ctx context.Context, alias, index string) error {
	start := time.Now()
	err := m.next.Swap(ctx, alias, index)
	m.observe(ctx, opSwap, start, err)
	return err
}

func (m *instrumented) ListIDs(ctx context.Context, index string, fn func([]Hit) error) error {
	start := time.Now()
	err := m.next.ListIDs(ctx, index, fn)
	m.observe(ctx, opList, start, err)
	return err
}

// Compact forwards to the wrapped engine when it is a Compacter; it does
// nothing otherwise.
func (m *instrumented) Compact(ctx context.Context, index string) error {
	c, ok := m.next.(Compacter)
	if !ok {
		return nil
	}
	start := time.Now()
	err := c.Compact(ctx, index)
	m.observe(ctx, opCompact, start, err)
	return err
}

func (m *instrumented) Close() error { return m.next.Close() }
