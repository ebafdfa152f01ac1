package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"
	"time"

	"passerelle/internal/config"
	"passerelle/internal/core"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
)

// seed runs `passerelle seed [--if-empty]`: demonstration data.
func seed(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ifEmpty := fs.Bool("if-empty", false, "do nothing when the database already has accounts")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	// Evidence documents go to the same object storage as serve's (the
	// embedded server under the data directory when none is configured).
	objects, closeS3, err := openBlobStore(ctx, cfg, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer closeS3()
	// The runner is not started: it only inserts, in the seed's
	// transactions, the jobs that close the tenders at their deadline,
	// which serve's runner then works.
	renderer, err := mail.NewRenderer()
	if err != nil {
		return err
	}
	runner, err := jobs.New(st, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
		jobs.Options{Renderer: renderer, PublicURL: cfg.PublicURL})
	if err != nil {
		return err
	}
	start := time.Now()
	summary, err := core.Seed(ctx, st, objects, runner, *ifEmpty)
	if err != nil {
		return err
	}
	if len(summary.Logins) == 0 {
		fmt.Fprintln(stdout, "the database already has accounts: no demonstration data added")
		return nil
	}
	// The seed writes listings in bulk, without index jobs: the server
	// indexes them all on this reconciliation (it also runs one at start).
	if err := runner.ReconcileSearch(ctx); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Demonstration data added in %s:\n", time.Since(start).Round(100*time.Millisecond))
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, f := range summary.Figures {
		fmt.Fprintf(w, "  %s\t%d\n", f.What, f.Count)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nEvery account's password is %s\n\n", core.DemoPassword)
	fmt.Fprintln(w, "EMAIL\tROLE\tORGANISATION")
	for _, l := range summary.Logins {
		fmt.Fprintf(w, "%s\t%s\t%s\n", l.Email, l.Role, l.Organisation)
	}
	return w.Flush()
}
