// Command passerelle-load is `make bench-load` (issue 11): it starts
// Passerelle (the built binary, its own PostgreSQL cluster, free ports)
// with the demonstration data plus a generated volume — 10,000
// organisations, 100,000 offers, 5,000 tenders — indexed into the search
// engine, then drives it from this process over loopback: the /healthz
// ceiling, then a constant arrival rate of 70 % searches, 20 % listing
// pages and 10 % signed-in writes, and prints throughput, latency
// percentiles and errors per kind. The generated database is cached as a
// dump keyed by the generator and schema versions, so that a second run
// starts in seconds.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"passerelle/internal/loadbench"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("passerelle-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.bin, "bin", "./bin/passerelle", "the passerelle binary to run")
	fs.StringVar(&o.dir, "dir", "var/bench/load", "the benchmark's folder: the cached dump, and the run's cluster, objects and index")
	fs.StringVar(&o.data, "data", "../shared/data", "the folder of the reference files: the CPV, NACE and NUTS lists")
	fs.StringVar(&o.corpus, "corpus", "../shared/bench/search/corpus.jsonl", "the dev corpus whose notices the texts are drawn from")
	fs.StringVar(&o.url, "url", "", "drive this running Passerelle instead of starting one (its database at --database-url)")
	fs.StringVar(&o.databaseURL, "database-url", "", "with --url: the database to read the targets from")
	// 305 offered: the bound is 300 answered a second, counted until the
	// last answer (as vegeta's throughput), which an offer of exactly 300
	// can only approach.
	fs.Float64Var(&o.rate, "rate", 305, "requests per second of the mix (constant arrival rate)")
	fs.DurationVar(&o.duration, "duration", 60*time.Second, "how long the mix runs")
	fs.DurationVar(&o.warmup, "warmup", 60*time.Second, "a closed-loop run of the mix (-workers clients) before the measure, not counted")
	fs.DurationVar(&o.ceiling, "ceiling", 5*time.Second, "how long each max-rate run (/healthz, search) lasts")
	fs.IntVar(&o.workers, "workers", 32, "clients of the max-rate runs")
	fs.IntVar(&o.maxInFlight, "max-in-flight", 2000, "requests of the mix waiting for an answer at most (beyond: counted as errors)")
	fs.Func("server-env", "a variable of the server's environment, `KEY=VALUE` (repeatable), e.g. PASSERELLE_DATABASE_MAX_CONNS=20", func(kv string) error {
		if !strings.Contains(kv, "=") {
			return errors.New("want KEY=VALUE")
		}
		o.serverEnv = append(o.serverEnv, kv)
		return nil
	})
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the generated volume and of the mix")
	fs.BoolVar(&o.keep, "keep", false, "leave the server running after the measure (Ctrl-C stops it)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || o.rate <= 0 || o.duration <= 0 || o.workers < 1 {
		fmt.Fprintln(stderr, "passerelle-load: bad arguments (see -h)")
		return 2
	}
	if o.url != "" && o.databaseURL == "" {
		fmt.Fprintln(stderr, "passerelle-load: --url needs --database-url")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := bench(ctx, o, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "passerelle-load:", err)
		if errors.Is(err, errMissed) {
			return 3
		}
		return 1
	}
	return 0
}

type options struct {
	bin, dir, data, corpus, url, databaseURL string
	rate                                     float64
	duration, warmup, ceiling                time.Duration
	workers, maxInFlight                     int
	serverEnv                                []string
	seed                                     uint64
	keep                                     bool
}

// sources are the shared inputs of the generator and the mix.
func (o options) sources() loadbench.Sources {
	return loadbench.Sources{
		CPV:    filepath.Join(o.data, "cpv_2008_multilingual.csv"),
		NACE:   filepath.Join(o.data, "nace_rev2_1_multilingual.csv"),
		NUTS:   filepath.Join(o.data, "nuts_grande_region.csv"),
		Corpus: o.corpus,
	}
}
