// Command passerelle is the whole product in one binary: the HTTP server
// with the embedded web app and background jobs (serve, the default), schema
// migrations (migrate) and its version.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"passerelle/internal/config"
)

// version is set at build time: -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Environ(), os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `Passerelle: the responsible-purchasing marketplace of the Grande Région.

Usage:
  passerelle [serve]              run the server (default)
  passerelle migrate up|down|status
  passerelle admin create --email ADDRESS [--name NAME] [--language fr|de|en|nl]
                                  make a platform admin; prints a one-time set-password link
  passerelle seed [--if-empty]    add demonstration organisations and users (prints the logins)
  passerelle import-nuts [--if-empty] FILE
                                  load or update NUTS regions from a CSV file
  passerelle import-cpv [--if-empty] FILE
                                  load or update the CPV codes from the EU's multilingual CSV list
  passerelle backup --out DIR|FILE.tar
                                  copy the database and every stored object, with a checked manifest
  passerelle restore --from DIR|FILE.tar [--force] [--no-reindex]
                                  put a backup back (server stopped), migrate it up, rebuild the index
  passerelle reindex              rebuild the search index from PostgreSQL and swap it in (with the
                                  embedded engine, only while the server is stopped; else
                                  POST /api/v1/admin/search/rebuilds)
  passerelle search-eval --corpus F --queries F --qrels F --run OUT [--engine bleve]
        [--crosslang on|off] [--cpv FILE] [--nace FILE] [--dict DIR] [--index-dir DIR]
                                  measure the search on a cross-language test set
  passerelle bench-search --corpus F --cpv F --nace F --nuts F [--dir DIR] [--docs N]
        [--seed N] [--dict DIR] [--searches N] [--clients N]
                                  measure search latency and throughput on synthetic listings
  passerelle schedule --instance F --out F
                                  schedule a convention's meeting requests (JSON in, JSON out)
  passerelle bench-schedule --dir DIR [--out DIR]
                                  schedule, validate and measure every instance of DIR
  passerelle openapi              print the API description (/api/openapi.json); needs no database
  passerelle version
  passerelle healthcheck          exit 0 when the local server answers /healthz

Settings come from PASSERELLE_* environment variables: see README.md.
`

// Exit statuses.
const (
	exitOK     = 0
	exitFail   = 1
	exitConfig = 2
)

// run is the program: ctx ends on SIGINT or SIGTERM.
func run(ctx context.Context, args, environ []string, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "version", "--version":
		fmt.Fprintln(stdout, "passerelle", buildVersion())
		return exitOK
	case "healthcheck":
		return healthcheck(ctx, environ, stderr)
	case "openapi":
		if err := printOpenAPI(stdout); err != nil {
			fmt.Fprintln(stderr, "passerelle openapi:", err)
			return exitFail
		}
		return exitOK
	case "search-eval", "bench-search":
		// No configuration: they need neither the database nor the server.
		tool := searchEval
		if cmd == "bench-search" {
			tool = benchSearch
		}
		if err := tool(ctx, args, stdout, stderr); err != nil {
			var usageErr usageError
			if errors.As(err, &usageErr) {
				fmt.Fprintf(stderr, "passerelle: %v\n\n%s", err, usage)
				return exitConfig
			}
			fmt.Fprintf(stderr, "passerelle %s: %v\n", cmd, err)
			return exitFail
		}
		return exitOK
	case "schedule", "bench-schedule":
		tool := scheduleConvention
		if cmd == "bench-schedule" {
			tool = benchSchedule
		}
		if err := tool(args, stdout, stderr); err != nil {
			var usageErr usageError
			if errors.As(err, &usageErr) {
				fmt.Fprintf(stderr, "passerelle: %v\n\n%s", err, usage)
				return exitConfig
			}
			fmt.Fprintf(stderr, "passerelle %s: %v\n", cmd, err)
			return exitFail
		}
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "serve", "migrate", "admin", "seed", "import-nuts", "import-cpv", "reindex", "backup", "restore":
	default:
		fmt.Fprintf(stderr, "passerelle: unknown command %q\n\n%s", cmd, usage)
		return exitConfig
	}

	cfg, err := config.Load(environ)
	if err != nil {
		fmt.Fprintln(stderr, "passerelle:", err)
		return exitConfig
	}
	log := newLogger(cfg, stderr)

	switch cmd {
	case "migrate":
		if len(args) != 1 {
			fmt.Fprintf(stderr, "passerelle: migrate needs one of up, down, status\n\n%s", usage)
			return exitConfig
		}
		err = migrate(ctx, cfg, args[0], stdout)
	case "admin":
		err = admin(ctx, cfg, args, stdout, stderr)
	case "seed":
		err = seed(ctx, cfg, args, stdout, stderr)
	case "import-nuts":
		err = importNUTS(ctx, cfg, args, stdout, stderr)
	case "import-cpv":
		err = importCPV(ctx, cfg, args, stdout, stderr)
	case "reindex":
		err = reindex(ctx, cfg, args, stdout, stderr)
	case "backup":
		err = backupCmd(ctx, cfg, args, stdout, stderr)
	case "restore":
		err = restoreCmd(ctx, cfg, args, stdout, stderr)
	default:
		err = serve(ctx, cfg, log)
	}
	var usageErr usageError
	switch {
	case errors.As(err, &usageErr):
		fmt.Fprintf(stderr, "passerelle: %v\n\n%s", err, usage)
		return exitConfig
	case err != nil:
		log.Error("passerelle stopped on an error", "err", err)
		return exitFail
	}
	return exitOK
}

// usageError is a wrong command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
