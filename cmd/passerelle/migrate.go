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
