package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"passerelle/migrations"
)

// migrator opens a goose provider over the pool. The *sql.DB it makes borrows
// connections from the pool and must be closed by the caller.
func (s *Store) migrator() (*goose.Provider, *sql.DB, error) {
	db := stdlib.OpenDBFromPool(s.pool)
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS)
	if err != nil {
		_ = db.Close()
		return nil, nil, fmt.Errorf("store: migrations: %w", err)
	}
	return p, db, nil
}

// RiverSchemaVersion is the River job-queue schema this build needs. It is
// pinned so that a River upgrade changes the schema only when this number is
// raised on purpose.
const RiverSchemaVersion = 8

// MigrateUp applies every pending migration of Passerelle's schema, then
// River's job-queue tables, reporting each step to out.
func (s *Store) MigrateUp(ctx context.Context, out io.Writer) error {
	p, db, err := s.migrator()
	if err != nil {
		return err
	}
	defer db.Close()
	results, err := p.Up(ctx)
	for _, r := range results {
		fmt.Fprintf(out, "migrated up %s (%s)\n", r.Source.Path, r.Duration.Round(1e5))
	}
	if err != nil {
		return fmt.Errorf("store: migrate up: %w", err)
	}
	rm, err := rivermigrate.New(riverpgxv5.New(s.pool), nil)
	if err != nil {
		return fmt.Errorf("store: river migrations: %w", err)
	}
	res, err := rm.Migrate(ctx, rivermigrate.DirectionUp, &rivermigrate.MigrateOpts{TargetVersion: RiverSchemaVersion})
	if err != nil {
		return fmt.Errorf("store: river migrate up: %w", err)
	}
	for _, v := range res.Versions {
		fmt.Fprintf(out, "migrated up river %03d_%s (%s)\n", v.Version, v.Name, v.Duration.Round(1e5))
	}
	return nil
}

// MigrateDown rolls back the latest migration of Passerelle's schema. River's
// tables are left alone: they hold queued work, not Passerelle's data.
func (s *Store) MigrateDown(ctx context.Context, out io.Writer) error {
	p, db, err := s.migrator()
	if err != nil {
		return err
	}
	defer db.Close()
	r, err := p.Down(ctx)
	if r != nil {
		fmt.Fprintf(out, "migrated down %s (%s)\n", r.Source.Path, r.Duration.Round(1e5))
	}
	if err != nil {
		return fmt.Errorf("store: migrate down: %w", err)
	}
	return nil
}

// MigrateStatus prints each migration and whether it is applied.
func (s *Store) MigrateStatus(ctx context.Context, out io.Writer) error {
	p, db, err := s.migrator()
	if err != nil {
		return err
	}
	defer db.Close()
	statuses, err := p.Status(ctx)
	if err != nil {
		return fmt.Errorf("store: migrate status: %w", err)
	}
	for _, st := range statuses {
		applied := "pending"
		if st.State == goose.StateApplied {
			applied = "applied " + st.AppliedAt.UTC().Format("2006-01-02 15:04:05Z")
		}
		fmt.Fprintf(out, "%-40s %s\n", st.Source.Path, applied)
	}
	rm, err := rivermigrate.New(riverpgxv5.New(s.pool), nil)
	if err != nil {
		return fmt.Errorf("store: river migrations: %w", err)
	}
	existing, err := rm.ExistingVersions(ctx)
	if err != nil {
		return fmt.Errorf("store: river migrate status: %w", err)
	}
	fmt.Fprintf(out, "%-40s %d of %d applied\n", "river job queue schema", len(existing), RiverSchemaVersion)
	return nil
}
