package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"passerelle/internal/config"
	"passerelle/internal/core"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
)

// reindex runs `passerelle reindex`: a full rebuild of the search index in
// this process, with a progress line on stderr. With the embedded engine
// the server must be stopped (the index belongs to one process: the lock
// says so at once); while it runs, POST /api/v1/admin/search/rebuilds has
// the server do the same. With Meilisearch it may run beside the servers.
func reindex(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("reindex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{"reindex takes no arguments"}
	}
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	engine, err := openSearchEngine(cfg)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	defer closeSearch(engine, log)
	// The runner is not started: it lists the index jobs queued during the
	// rebuild, whose listings are applied again after the swap.
	renderer, err := mail.NewRenderer()
	if err != nil {
		return err
	}
	runner, err := jobs.New(st, log, jobs.Options{Renderer: renderer, PublicURL: cfg.PublicURL})
	if err != nil {
		return err
	}
	rb, err := core.CreateSearchRebuild(ctx, st, nil, core.Actor{}, time.Now())
	if err != nil {
		return err
	}
	start := time.Now()
	bar := progressLine{w: stderr, start: start}
	err = core.NewSearchIndex(st, engine, time.Now).Rebuild(ctx, rb.ID, runner.SearchChanges, bar.show)
	bar.end()
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	fmt.Fprintf(stdout, "search index rebuilt: %d listings in %s (rebuild %s)\n", bar.done, time.Since(start).Round(time.Millisecond), rb.ID)
	return nil
}

// progressLine rewrites one line of w: count out of total, and the rate.
type progressLine struct {
	w     io.Writer
	start time.Time
	done  int
	shown bool
}

func (p *progressLine) show(done, total int) {
	p.done, p.shown = done, true
	rate := float64(done) / max(time.Since(p.start).Seconds(), 1e-3)
	if total > 0 {
		pct := min(100*done/total, 100)
		fmt.Fprintf(p.w, "\rreindex: %d/%d listings (%d%%), %.0f/s ", done, total, pct, rate)
		return
	}
	fmt.Fprintf(p.w, "\rreindex: %d listings, %.0f/s ", done, rate)
}

func (p *progressLine) end() {
	if p.shown {
		fmt.Fprintln(p.w)
	}
}
