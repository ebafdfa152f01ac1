package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"passerelle/internal/config"
	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// admin runs `passerelle admin create --email …`: the way to the first
// platform admin, who then manages moderators in the product.
func admin(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return usageError{"admin needs a subcommand: create --email ADDRESS [--name NAME] [--language fr|de|en|nl]"}
	}
	fs := flag.NewFlagSet("admin create", flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("email", "", "the admin's email address (required)")
	name := fs.String("name", "", "display name (default: the email's local part)")
	lang := fs.String("language", "en", "language: fr, de, en or nl")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError{err.Error()}
	}
	if *email == "" {
		return usageError{"admin create: --email is required"}
	}
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	acc := core.NewAccounts(st, nil, time.Now, core.AccountsConfig{PublicURL: cfg.PublicURL})
	u, link, err := acc.CreateAdmin(ctx, *email, *name, domain.Language(*lang))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s is a platform admin.\nTo choose a password, open this link within 24 hours (it works once):\n\n  %s\n", u.Email, link)
	return nil
}
