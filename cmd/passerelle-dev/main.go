// Command passerelle-dev is what `make run` runs: it starts a private
// PostgreSQL cluster under ./var/pg (unless PASSERELLE_DATABASE_URL is set)
// and Mailpit (unless PASSERELLE_SMTP_URL is set), creates the database,
// imports the NUTS regions and the CPV codes and seeds demonstration data on first start, runs `passerelle serve`, and on
// Ctrl-C stops the server first and the cluster last.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"

	"passerelle/internal/pgcluster"
)

// nutsFile is the reference list of NUTS regions, relative to the
// repository (where `make run` runs).
const nutsFile = "../shared/data/nuts_grande_region.csv"

// cpvFile is the EU's multilingual CPV list, likewise optional: without it
// the sector catalogue works, but offers and tenders cannot name CPV codes.
const cpvFile = "../shared/data/cpv_2008_multilingual.csv"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("passerelle-dev", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bin := fs.String("bin", "./bin/passerelle", "the passerelle binary to run")
	dataDir := fs.String("data", "./var", "where the cluster, objects and index live")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	// Signals are forwarded to the server, which shuts down gracefully; this
	// process waits for it, then stops the cluster. (Ctrl-C reaches the
	// server twice, directly and forwarded: it ignores the second.)
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)

	env := os.Environ()
	if os.Getenv("PASSERELLE_DATABASE_URL") == "" {
		pg, err := startCluster(filepath.Join(*dataDir, "pg"), stdout)
		if err != nil {
			fmt.Fprintln(stderr, "passerelle-dev:", err)
			return 1
		}
		defer func() {
			fmt.Fprintln(stdout, "stopping PostgreSQL")
			if err := pg.Stop(); err != nil {
				fmt.Fprintln(stderr, "passerelle-dev:", err)
			}
		}()
		env = append(env, "PASSERELLE_DATABASE_URL="+pg.URL("passerelle"))
	}
	if os.Getenv("PASSERELLE_SMTP_URL") == "" {
		stop, err := startMailpit(filepath.Join(filepath.Dir(*bin), "mailpit"), stdout)
		if err != nil {
			fmt.Fprintln(stderr, "passerelle-dev:", err)
			return 1
		}
		defer stop()
		env = append(env, "PASSERELLE_SMTP_URL=smtp://127.0.0.1:1025")
	}
	if os.Getenv("PASSERELLE_PUBLIC_URL") == "" && os.Getenv("PASSERELLE_COOKIE_SECURE") == "" {
		// Plain http://localhost: some browsers drop Secure cookies there.
		env = append(env, "PASSERELLE_COOKIE_SECURE=false")
	}
	if os.Getenv("PASSERELLE_DATA_DIR") == "" {
		env = append(env, "PASSERELLE_DATA_DIR="+*dataDir)
	}
	// First start: the NUTS regions, when the reference file sits beside the
	// repository (it is never committed), then demonstration data (prints
	// the logins), which may name those regions.
	if _, err := os.Stat(nutsFile); err == nil {
		nuts := exec.Command(*bin, "import-nuts", "--if-empty", nutsFile)
		nuts.Env, nuts.Stdout, nuts.Stderr = env, stdout, stderr
		if err := nuts.Run(); err != nil {
			fmt.Fprintln(stderr, "passerelle-dev: import-nuts:", err)
			return 1
		}
	}
	if _, err := os.Stat(cpvFile); err == nil {
		cpv := exec.Command(*bin, "import-cpv", "--if-empty", cpvFile)
		cpv.Env, cpv.Stdout, cpv.Stderr = env, stdout, stderr
		if err := cpv.Run(); err != nil {
			fmt.Fprintln(stderr, "passerelle-dev: import-cpv:", err)
			return 1
		}
	}
	seed := exec.Command(*bin, "seed", "--if-empty")
	seed.Env, seed.Stdout, seed.Stderr = env, stdout, stderr
	if err := seed.Run(); err != nil {
		fmt.Fprintln(stderr, "passerelle-dev: seed:", err)
		return 1
	}
	cmd := exec.Command(*bin, append([]string{"serve"}, fs.Args()...)...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr, cmd.Stdin = stdout, stderr, os.Stdin
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(stderr, "passerelle-dev:", err)
		return 1
	}
	go func() {
		for sig := range sigs {
			_ = cmd.Process.Signal(sig)
		}
	}()
	if err := cmd.Wait(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() >= 0 {
			return exit.ExitCode()
		}
		if errors.As(err, &exit) {
			return 0 // stopped by the signal meant for everyone
		}
		fmt.Fprintln(stderr, "passerelle-dev:", err)
		return 1
	}
	return 0
}

// startCluster starts the durable development cluster, creating it and the
// passerelle database the first time.
func startCluster(dir string, out io.Writer) (*pgcluster.Cluster, error) {
	pg, err := pgcluster.New(dir)
	if err != nil {
		return nil, err
	}
	pg.Durable = true
	if !pg.Initialized() {
		fmt.Fprintln(out, "creating a PostgreSQL cluster in", pg.Dir)
		if err := pg.Init(); err != nil {
			return nil, err
		}
	}
	if err := pg.Start(0); err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "PostgreSQL runs on 127.0.0.1:%d (log: %s)\n", pg.Port, pg.LogFile())
	if err := pg.EnsureDatabase("passerelle"); err != nil {
		_ = pg.Stop()
		return nil, err
	}
	return pg, nil
}

// startMailpit runs Mailpit, the SMTP sink whose web page shows every email
// the app sends (sign-up links, resets…).
func startMailpit(bin string, out io.Writer) (func(), error) {
	cmd := exec.Command(bin, "--smtp", "127.0.0.1:1025", "--listen", "127.0.0.1:8025", "--quiet", "--disable-version-check")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start Mailpit (%s; `make tools` installs it): %w", bin, err)
	}
	fmt.Fprintln(out, "Mailpit shows the emails sent at http://localhost:8025")
	return func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	}, nil
}
