package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/core"
	"passerelle/internal/loadbench"
)

// The bounds of issue 11 the benchmark checks.
const (
	minRate = 300
	maxP99  = 500 * time.Millisecond
)

// errMissed: the run went through but a bound was missed.
var errMissed = errors.New("a bound of issue 11 was missed")

func bench(ctx context.Context, o options, stdout, stderr io.Writer) (err error) {
	fmt.Fprintf(stdout, "machine: %d cores, load average %s (at start)\n", runtime.NumCPU(), loadAverage())
	base, dbURL := o.url, o.databaseURL
	if base == "" {
		logPath := filepath.Join(o.dir, "server.log")
		if err := os.MkdirAll(o.dir, 0o755); err != nil {
			return err
		}
		log, err := os.Create(logPath)
		if err != nil {
			return err
		}
		defer log.Close()
		p, err := startDatabase(ctx, o, stdout, stderr)
		if err != nil {
			return err
		}
		defer p.stop(stderr)
		if err := p.index(ctx, o, stdout); err != nil {
			return err
		}
		started := time.Now()
		if err := p.serve(ctx, o, log); err != nil {
			return fmt.Errorf("%w (server log: %s)", err, logPath)
		}
		fmt.Fprintf(stdout, "server: %s ready in %s (log: %s)\n", p.base, time.Since(started).Round(100*time.Millisecond), logPath)
		waited, err := p.waitReconciled(ctx, started)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "server: its start's search reconciliation finished %s later\n", waited.Round(100*time.Millisecond))
		base, dbURL = p.base, p.dbURL
		if o.keep {
			defer func() {
				fmt.Fprintf(stdout, "the server keeps running at %s: Ctrl-C stops it\n", base)
				<-ctx.Done()
			}()
		}
	}

	voc, err := loadbench.ReadVocabulary(o.sources())
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	targets, err := loadbench.ReadTargets(ctx, conn, 5000)
	_ = conn.Close(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	client := loadbench.NewClient(o.maxInFlight)
	sessions, err := loadbench.SignIn(ctx, client, base, targets.Users, core.DemoPassword)
	if err != nil {
		return err
	}
	suppliers := 0
	for _, s := range sessions {
		if s.Supplier {
			suppliers++
		}
	}
	fmt.Fprintf(stdout, "targets: %d offers, %d organisations, %d open tenders; %d signed-in users (%d of suppliers, %d of buyers)\n",
		len(targets.Offers), len(targets.Organisations), len(targets.Tenders), len(sessions), suppliers, len(sessions)-suppliers)

	d := &loadbench.Driver{Client: client, Base: base, MaxInFlight: o.maxInFlight}
	mix := loadbench.NewMix(voc, targets, sessions, o.seed)

	// The ceiling of the server's cheapest route, then of the search alone.
	health := d.RunMaxRate(ctx, o.workers, o.ceiling, func() loadbench.Request {
		return loadbench.Request{Kind: "healthz", Method: "GET", Path: "/healthz"}
	})
	hf := loadbench.Summarise("healthz", health.Kinds["healthz"], health.Elapsed)
	fmt.Fprintf(stdout, "\n/healthz ceiling (%d clients, %s, max rate):\n  %s\n", o.workers, o.ceiling, hf)
	searchOnly := d.RunMaxRate(ctx, o.workers, o.ceiling, func() loadbench.Request {
		for {
			if r := mix.Next(); r.Kind == "search" {
				return r
			}
		}
	})
	sf := loadbench.Summarise("search", searchOnly.Kinds["search"], searchOnly.Elapsed)
	fmt.Fprintf(stdout, "search ceiling (%d clients, %s, max rate):\n  %s\n", o.workers, o.ceiling, sf)

	// The warm-up runs the mix closed-loop (each client sends its next
	// request when the last is answered): the engine's caches fill (the
	// texts' scored matches, the filters' documents) as on a server that
	// has been up a while, and no backlog is left for the measure, which
	// an overloaded open-model warm-up would leave.
	if o.warmup > 0 {
		w := d.RunMaxRate(ctx, o.workers, o.warmup, mix.Next)
		var outcomes []loadbench.Outcome
		for _, k := range w.Kinds {
			outcomes = append(outcomes, k...)
		}
		wf := loadbench.Summarise("warm-up", outcomes, w.Elapsed)
		fmt.Fprintf(stdout, "warm-up: %s of the mix, %d clients as fast as answered (not counted):\n  %s\n", o.warmup, o.workers, wf)
	}
	fmt.Fprintf(stdout, "\nthe mix at %.0f req/s for %s (constant arrival rate; load average %s):\n", o.rate, o.duration, loadAverage())
	res := d.RunConstantRate(ctx, o.rate, o.duration, mix.Next)
	var all []loadbench.Outcome
	var figures []loadbench.Figures
	for _, kind := range []string{"search", "listing", "write"} {
		f := loadbench.Summarise(kind, res.Kinds[kind], res.Elapsed)
		figures = append(figures, f)
		all = append(all, res.Kinds[kind]...)
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	total := loadbench.Summarise("all", all, res.Elapsed)
	fmt.Fprintf(stdout, "  %s\n", total)
	fmt.Fprintf(stdout, "  over time (p99 by 10 s of sending): %s\n", timeline(all, 10*time.Second))
	if res.Late > 0 {
		fmt.Fprintf(stdout, "  (the driver sent %d requests more than 10 ms late: the client machine was saturated)\n", res.Late)
	}
	fmt.Fprintf(stdout, "\nratios to the /healthz ceiling (%.0f req/s): search in the mix %.5f, search ceiling %.5f\n",
		hf.PerSecond, figures[0].PerSecond/hf.PerSecond, sf.PerSecond/hf.PerSecond)
	fmt.Fprintf(stdout, "load average at the end: %s\n", loadAverage())

	var missed []string
	if total.PerSecond < minRate {
		missed = append(missed, fmt.Sprintf("%.0f req/s < %d", total.PerSecond, minRate))
	}
	if n := total.ErrorCount(); n > 0 {
		missed = append(missed, fmt.Sprintf("%d errors", n))
	}
	if total.P99 > maxP99 {
		missed = append(missed, fmt.Sprintf("p99 %.0f ms > %d ms", float64(total.P99.Microseconds())/1000, maxP99.Milliseconds()))
	}
	if len(missed) > 0 {
		fmt.Fprintf(stdout, "bounds (≥ %d req/s, 0 errors, p99 ≤ %d ms): MISSED: %s\n", minRate, maxP99.Milliseconds(), strings.Join(missed, "; "))
		return errMissed
	}
	fmt.Fprintf(stdout, "bounds (≥ %d req/s, 0 errors, p99 ≤ %d ms): met\n", minRate, maxP99.Milliseconds())
	return nil
}

// loadAverage is the machine's 1, 5 and 15-minute load averages: the
// figures depend on what else runs.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// timeline is the p99 latency of the requests due in each window of the
// run, "0-10s 12 ms, 10-20s 480 ms, …": whether the slow answers come at
// the start (caches filling), in bursts or throughout.
func timeline(outcomes []loadbench.Outcome, window time.Duration) string {
	var parts []string
	for from := time.Duration(0); ; from += window {
		var in []loadbench.Outcome
		later := false
		for _, o := range outcomes {
			switch {
			case o.At >= from && o.At < from+window:
				in = append(in, o)
			case o.At >= from+window:
				later = true
			}
		}
		if len(in) > 0 {
			f := loadbench.Summarise("", in, window)
			parts = append(parts, fmt.Sprintf("%s-%s %.0f ms", from, from+window, float64(f.P99.Microseconds())/1000))
		}
		if !later {
			return strings.Join(parts, ", ")
		}
	}
}
