// Package store is the only code that talks SQL. It wraps the queries that
// sqlc generates from internal/store/sqlc/queries and maps driver errors to
// domain errors in one place (mapError).
package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"passerelle/internal/store/sqlc"
)

// Store holds the connection pool and the generated queries.
type Store struct {
	pool *pgxpool.Pool
	q    *sqlc.Queries
	// towns keeps recent town centres for the search's pages (townCache).
	towns townCache
}

// Options tune the pool.
type Options struct {
	// MaxConns bounds the pool; 0 keeps pgx's default.
	MaxConns int32
}

// DefaultConnectTimeout bounds opening a connection when the database URL
// sets no connect_timeout.
const DefaultConnectTimeout = 5 * time.Second

// Open connects to PostgreSQL. It checks the URL and the server once, so a
// wrong address fails at start and not at the first request.
func Open(ctx context.Context, databaseURL string, opts Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		// pgx's message may quote the URL, password included: do not wrap it.
		return nil, errors.New("store: the database URL cannot be parsed")
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	cfg.MaxConnIdleTime = 5 * time.Minute
	cfg.HealthCheckPeriod = 30 * time.Second
	// A server that does not answer (a host gone from the network) would
	// otherwise hold every request needing a new connection until the
	// system's TCP timeout; a refused connection fails at once anyway.
	// After a restart, connections the server closed fail once (503) and
	// are replaced: the fault tests (internal/faulttest) check it.
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = DefaultConnectTimeout
	}
	cfg.AfterConnect = registerUUID
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open pool: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: cannot reach PostgreSQL at %s:%d: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Port, err)
	}
	return New(pool), nil
}

// New wraps an existing pool (tests and Open use it).
func New(pool *pgxpool.Pool) *Store {
	return &Store{pool: pool, q: sqlc.New(pool)}
}

// Pool exposes the pool to the job queue, whose driver needs it.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes the pool, waiting for connections in use to be released.
func (s *Store) Close() { s.pool.Close() }

// Ping checks that PostgreSQL answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return mapError(err)
	}
	return nil
}

// Tx is a store bound to one transaction. Jobs enqueued through Raw() are
// committed or rolled back with the change that caused them.
type Tx struct {
	tx pgx.Tx
	q  *sqlc.Queries
}

// Raw returns the pgx transaction, for River's InsertTx.
func (t *Tx) Raw() pgx.Tx { return t.tx }

// WithTx runs fn in a transaction, committing when fn returns nil. A
// connection lost or refused (at BEGIN, in fn, at COMMIT) is
// domain.ErrUnavailable; fn's other errors are returned as they are.
func (s *Store) WithTx(ctx context.Context, fn func(*Tx) error) error {
	return unavailable(pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		return fn(&Tx{tx: tx, q: s.q.WithTx(tx)})
	}))
}

// WithSnapshot runs fn in a read-only repeatable-read transaction: every
// query sees the same snapshot of the database.
func (s *Store) WithSnapshot(ctx context.Context, fn func(*Tx) error) error {
	return unavailable(pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		return fn(&Tx{tx: tx, q: s.q.WithTx(tx)})
	}))
}

// PoolStats is a snapshot of the connection pool, for metrics.
type PoolStats struct {
	MaxConns, TotalConns, IdleConns, AcquiredConns int32
	AcquireCount, EmptyAcquireCount                int64
	AcquireDuration                                time.Duration
}

// Stats returns a snapshot of the connection pool.
func (s *Store) Stats() PoolStats {
	st := s.pool.Stat()
	return PoolStats{
		MaxConns: st.MaxConns(), TotalConns: st.TotalConns(), IdleConns: st.IdleConns(), AcquiredConns: st.AcquiredConns(),
		AcquireCount: st.AcquireCount(), EmptyAcquireCount: st.EmptyAcquireCount(), AcquireDuration: st.AcquireDuration(),
	}
}
