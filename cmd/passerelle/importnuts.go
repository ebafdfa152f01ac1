package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"passerelle/internal/config"
	"passerelle/internal/core"
	"passerelle/internal/taxonomy"
)

// importNUTS runs `passerelle import-nuts [--if-empty] FILE`: loads NUTS
// regions from a CSV file (the format of nuts_grande_region.csv), updating
// the ones already there.
func importNUTS(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import-nuts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ifEmpty := fs.Bool("if-empty", false, "do nothing when regions are already loaded")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() != 1 {
		return usageError{"import-nuts needs one FILE"}
	}
	// Read and check the whole file before touching the database.
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	regions, err := taxonomy.ReadNUTS(f)
	_ = f.Close()
	if err != nil {
		return err
	}
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if *ifEmpty {
		n, err := st.CountNUTSRegions(ctx, "", 0)
		if err != nil {
			return err
		}
		if n > 0 {
			fmt.Fprintln(stdout, "NUTS regions are already loaded: nothing imported")
			return nil
		}
	}
	n, err := core.ImportNUTS(ctx, st, regions)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "NUTS regions: %d read, %d added, %d updated, %d unchanged\n", len(regions), n.Inserted, n.Updated, n.Unchanged)
	return nil
}
