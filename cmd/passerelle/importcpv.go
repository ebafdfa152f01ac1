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

// importCPV runs `passerelle import-cpv [--if-empty] FILE`: loads the CPV
// 2008 main vocabulary from a CSV file (the format of the EU's
// multilingual list, cpv_2008_multilingual.csv), updating the codes
// already there.
func importCPV(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import-cpv", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ifEmpty := fs.Bool("if-empty", false, "do nothing when CPV codes are already loaded")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() != 1 {
		return usageError{"import-cpv needs one FILE"}
	}
	// Read and check the whole file (check digits, parents) before touching
	// the database: a bad file stores nothing.
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	codes, err := taxonomy.ReadCPV(f)
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
		n, err := st.CountCPVCodes(ctx)
		if err != nil {
			return err
		}
		if n > 0 {
			fmt.Fprintln(stdout, "CPV codes are already loaded: nothing imported")
			return nil
		}
	}
	n, err := core.ImportCPV(ctx, st, codes)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "CPV codes: %d read, %d added, %d updated, %d unchanged\n", len(codes), n.Inserted, n.Updated, n.Unchanged)
	return nil
}
