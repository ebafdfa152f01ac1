package main

import (
	"context"
	"io"

	"passerelle/internal/config"
	"passerelle/internal/store"
)

func migrate(ctx context.Context, cfg config.Config, direction string, out io.Writer) error {
	switch direction {
	case "up", "down", "status":
	default:
		return usageError{"migrate: unknown direction " + direction + " (want up, down or status)"}
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{MaxConns: 2})
	if err != nil {
		return err
	}
	defer st.Close()
	switch direction {
	case "up":
		return st.MigrateUp(ctx, out)
	case "down":
		return st.MigrateDown(ctx, out)
	}
	return st.MigrateStatus(ctx, out)
}

// openMigrated opens the database for a one-off command (seed, imports,
// admin) and brings its schema up to date first.
func openMigrated(ctx context.Context, cfg config.Config) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{MaxConns: 2})
	if err != nil {
		return nil, err
	}
	if err := st.MigrateUp(ctx, io.Discard); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
