package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"passerelle/internal/search"
	"passerelle/internal/search/crosslang"
	"passerelle/internal/search/searchbench"
)

// The bounds of issue 5 the benchmark checks.
const (
	benchMaxP95       = 50 * time.Millisecond
	benchMinPerSecond = 200
)

// benchSearch runs `passerelle bench-search`: it builds (once, cached in
// --dir) an embedded index of synthetic listings drawn from the shared
// inputs, then measures a fixed mix of two-word queries with three filters
// and every facet through search.Multilingual, single-client and with
// concurrent clients, with cross-language expansion on and off.
func benchSearch(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("bench-search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src searchbench.Sources
	dir := fs.String("dir", "var/bench/search", "folder of the cached benchmark index")
	docs := fs.Int("docs", 100000, "listings in the index")
	seed := fs.Uint64("seed", 1, "seed of the synthetic listings")
	fs.StringVar(&src.Corpus, "corpus", "", "the dev corpus (shared/bench/search/corpus.jsonl): texts of the listings")
	fs.StringVar(&src.CPV, "cpv", "", "the multilingual CPV list (cpv_2008_multilingual.csv): codes, labels, lexicon")
	fs.StringVar(&src.NUTS, "nuts", "", "the Grande Région's NUTS list (nuts_grande_region.csv)")
	nace := fs.String("nace", "", "the multilingual NACE list (nace_rev2_1_multilingual.csv): lexicon")
	dict := fs.String("dict", crosslang.DefaultDictDir, "the FreeDict dictionaries folder; empty for none")
	searches := fs.Int("searches", 1000, "searches per measurement")
	clients := fs.Int("clients", 8, "concurrent clients of the throughput measurement")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the measurements (not of the build) to this file")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	switch {
	case fs.NArg() != 0:
		return usageError{"bench-search takes no arguments besides its flags"}
	case src.Corpus == "" || src.CPV == "" || src.NUTS == "" || *nace == "":
		return usageError{"bench-search needs --corpus, --cpv, --nace and --nuts"}
	case *docs < 1 || *searches < 1 || *clients < 1:
		return usageError{"bench-search: --docs, --searches and --clients must be positive"}
	}

	start := time.Now()
	expander, err := crosslang.Load(crosslang.Sources{CPVPath: src.CPV, NACEPath: *nace, DictDir: *dict})
	if err != nil {
		return fmt.Errorf("load the cross-language expansion: %w", err)
	}
	st := expander.Stats()
	fmt.Fprintf(stderr, "expansion: %d concepts, %d dictionaries (%d entries) in %s\n",
		st.Concepts, st.Dictionaries, st.DictionaryEntries, time.Since(start).Round(time.Millisecond))
	gen, err := searchbench.NewGenerator(src, *seed)
	if err != nil {
		return err
	}
	engine, built, err := searchbench.Open(ctx, *dir, gen, *docs, stderr)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := engine.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	layout, err := engine.Layout(ctx, searchbench.IndexName)
	if err != nil {
		return err
	}
	how := fmt.Sprintf("built in %s, segments merged in %s", built.Took.Round(time.Second), built.Compact.Round(time.Second))
	if built.Cached {
		how = "cached in " + *dir + ", " + how + " (remove the folder to rebuild)"
	}
	fmt.Fprintf(stdout, "index: %d listings, %d segment(s), %s: %.0f listings/s\n",
		layout.Docs, layout.Segments, how, float64(built.Docs)/built.Took.Seconds())

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	queries := searchbench.Queries()
	fmt.Fprintf(stdout, "query mix: %d two-word queries (fr, de, en, nl), 3 filters, %d facets, highlight, 20 hits a page\n",
		len(queries), len(search.Facets))
	exp := searchbench.Expansion(expander, queries, *searches)
	fmt.Fprintf(stdout, "expansion alone            %5d texts     p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms\n",
		exp.Searches, ms(exp.P50), ms(exp.P95), ms(exp.P99))
	var on1, onN searchbench.Figures
	for _, off := range []bool{false, true} {
		ml := &search.Multilingual{Engine: engine, Index: searchbench.IndexName, Expander: expander,
			Options: crosslang.Options{Off: off}}
		name := "crosslang on "
		if off {
			name = "crosslang off"
		}
		one, err := searchbench.Run(ctx, ml, queries, 1, *searches)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s, 1 client    %s\n", name, one)
		many, err := searchbench.Run(ctx, ml, queries, *clients, *searches)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s, %d clients   %s\n", name, *clients, many)
		if !off {
			on1, onN = one, many
		}
	}
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "MISSED"
	}
	fmt.Fprintf(stdout, "bounds (crosslang on): p95 %.1f ms ≤ %d ms %s; %.0f searches/s with %d clients ≥ %d %s\n",
		ms(on1.P95), benchMaxP95.Milliseconds(), verdict(on1.P95 <= benchMaxP95),
		onN.PerSecond, *clients, benchMinPerSecond, verdict(onN.PerSecond >= benchMinPerSecond))
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
