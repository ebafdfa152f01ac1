package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
	"passerelle/internal/search/crosslang"
	"passerelle/internal/search/eval"
	"passerelle/internal/taxonomy"
)

// searchEvalOptions are the flags of `passerelle search-eval`.
type searchEvalOptions struct {
	Corpus, Queries, Qrels, Run string
	Engine                      string
	CrossLang                   bool
	CPV, NACE, Dict             string
	// IndexDir holds the temporary index; "" for a fresh temporary folder
	// removed afterwards.
	IndexDir string
	// Explain, when set, is where the per-query diagnostics are written
	// (see writeExplain).
	Explain string
}

// evalIndex is the index search-eval fills in its own folder.
const evalIndex = "eval"

// evalBatch is how many documents are indexed per call.
const evalBatch = 500

// searchEval runs `passerelle search-eval`: it measures the search on a
// cross-language test set (see internal/search/eval), printing the report
// on stdout and progress on stderr, and writes the TREC run to --run.
func searchEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("search-eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o searchEvalOptions
	fs.StringVar(&o.Corpus, "corpus", "", "the corpus (JSON lines)")
	fs.StringVar(&o.Queries, "queries", "", "the queries (JSON lines)")
	fs.StringVar(&o.Qrels, "qrels", "", "the relevance judgements (TREC qrels)")
	fs.StringVar(&o.Run, "run", "", "where to write the run (TREC format)")
	fs.StringVar(&o.Engine, "engine", "bleve", "the engine: bleve (embedded)")
	crossLang := fs.String("crosslang", "on", "cross-language expansion: on or off")
	fs.StringVar(&o.CPV, "cpv", "", "the multilingual CPV list (cpv_2008_multilingual.csv): concept labels and lexicon")
	fs.StringVar(&o.NACE, "nace", "", "the multilingual NACE list (nace_rev2_1_multilingual.csv): lexicon")
	fs.StringVar(&o.Dict, "dict", crosslang.DefaultDictDir, "the FreeDict dictionaries folder; empty for none")
	fs.StringVar(&o.IndexDir, "index-dir", "", "folder of the temporary index (default: a fresh temporary folder)")
	fs.StringVar(&o.Explain, "explain", "", "where to write per-query diagnostics: expansion, ranks of the relevant documents, top hits")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	switch {
	case fs.NArg() != 0:
		return usageError{"search-eval takes no arguments besides its flags"}
	case o.Corpus == "" || o.Queries == "" || o.Qrels == "" || o.Run == "":
		return usageError{"search-eval needs --corpus, --queries, --qrels and --run"}
	case o.Engine != "bleve":
		return usageError{fmt.Sprintf("search-eval: unknown engine %q (bleve is the one available)", o.Engine)}
	case *crossLang != "on" && *crossLang != "off":
		return usageError{"search-eval: --crosslang is on or off"}
	}
	o.CrossLang = *crossLang == "on"
	run, report, err := runSearchEval(ctx, o, stderr)
	if err != nil {
		return err
	}
	tag := "bleve-crosslang"
	if !o.CrossLang {
		tag = "bleve-monolingual"
	}
	if err := eval.WriteRunFile(o.Run, run, tag); err != nil {
		return err
	}
	return report.Print(stdout)
}

// runSearchEval is search-eval's pipeline without the flags and the output
// files: load the expander, index the corpus into a fresh Bleve index, run
// every query through search.Multilingual and score the run.
func runSearchEval(ctx context.Context, o searchEvalOptions, stderr io.Writer) (_ eval.Run, _ eval.Report, err error) {
	start := time.Now()
	expander, err := crosslang.Load(crosslang.Sources{CPVPath: o.CPV, NACEPath: o.NACE, DictDir: o.Dict})
	if err != nil {
		return nil, eval.Report{}, fmt.Errorf("load the cross-language expansion: %w", err)
	}
	st := expander.Stats()
	fmt.Fprintf(stderr, "expansion: %d concepts, %d dictionaries (%d entries) in %s\n",
		st.Concepts, st.Dictionaries, st.DictionaryEntries, time.Since(start).Round(time.Millisecond))
	labels := map[string]domain.Labels{}
	if o.CPV != "" {
		if labels, err = readCPVLabels(o.CPV); err != nil {
			return nil, eval.Report{}, err
		}
	}

	dir := o.IndexDir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "passerelle-search-eval-"); err != nil {
			return nil, eval.Report{}, err
		}
		defer func() {
			// A leftover temporary folder is no reason to lose the figures.
			if rerr := os.RemoveAll(dir); rerr != nil {
				fmt.Fprintln(stderr, "search-eval: remove the temporary index:", rerr)
			}
		}()
	}
	engine, err := bleve.Open(dir)
	if err != nil {
		return nil, eval.Report{}, err
	}
	defer func() {
		if cerr := engine.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	// A previous run in the same --index-dir must not leave documents that
	// are not in this corpus.
	if err := engine.DropIndex(ctx, evalIndex); err != nil {
		return nil, eval.Report{}, err
	}
	if err := engine.EnsureIndex(ctx, evalIndex, search.Settings{}); err != nil {
		return nil, eval.Report{}, err
	}

	start = time.Now()
	var batch []search.Document
	indexed := 0
	titles := map[string]string{}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := engine.Index(ctx, evalIndex, batch); err != nil {
			return err
		}
		indexed += len(batch)
		batch = batch[:0]
		fmt.Fprintf(stderr, "\rindexed %d documents", indexed)
		return nil
	}
	set, err := eval.LoadSetFiles(o.Corpus, o.Queries, o.Qrels, func(d eval.Document) error {
		doc, err := evalDocument(d, labels)
		if err != nil {
			return err
		}
		if o.Explain != "" {
			titles[d.ID] = d.Title
		}
		batch = append(batch, doc)
		if len(batch) == evalBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return nil, eval.Report{}, err
	}
	fmt.Fprintf(stderr, "\rindexed %d documents in %s\n", indexed, time.Since(start).Round(time.Millisecond))

	ml := &search.Multilingual{
		Engine:   engine,
		Index:    evalIndex,
		Expander: expander,
		Options:  crosslang.Options{Off: !o.CrossLang},
	}
	searcher := eval.SearcherFunc(func(ctx context.Context, q eval.Query, k int) ([]eval.Hit, error) {
		res, err := ml.Search(ctx, search.Query{Text: q.Text, Language: domain.Language(q.Lang), Limit: min(k, search.MaxLimit)})
		if err != nil {
			return nil, err
		}
		hits := make([]eval.Hit, len(res.Hits))
		for i, h := range res.Hits {
			hits[i] = eval.Hit{DocID: h.ID, Score: h.Score}
		}
		return hits, nil
	})
	start = time.Now()
	run, report, err := eval.Evaluate(ctx, searcher, set, eval.Options{Progress: eval.PrintProgress(stderr, 50)})
	if err != nil {
		return nil, eval.Report{}, err
	}
	fmt.Fprintf(stderr, "ran %d queries in %s\n", len(set.Queries), time.Since(start).Round(time.Millisecond))
	if o.Explain != "" {
		if err := writeExplain(o.Explain, set, run, ml, titles); err != nil {
			return nil, eval.Report{}, err
		}
	}
	return run, report, nil
}

// readCPVLabels reads the multilingual CPV list as labels by 8-digit code.
func readCPVLabels(path string) (map[string]domain.Labels, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	codes, err := taxonomy.ReadCPV(f)
	if err != nil {
		return nil, err
	}
	out := make(map[string]domain.Labels, len(codes))
	for _, c := range codes {
		out[c.Code8] = c.Labels
	}
	return out, nil
}

// evalDocument maps a corpus line to what the product indexes for a tender:
// its text in its language, its codes with their ancestors, and the labels
// of its CPV codes and their ancestors in all four languages as concepts,
// the language-independent bridge a listing gets from its classification.
// The corpus says a notice is reserved but not under which legal basis, so
// ReservedBases stays empty (no query of the set filters on it).
func evalDocument(d eval.Document, labels map[string]domain.Labels) (search.Document, error) {
	doc := search.Document{
		ID:       d.ID,
		Kind:     search.KindTender,
		Country:  d.Country,
		Text:     map[domain.Language]search.Text{domain.Language(d.Lang): {Title: d.Title, Description: d.Description}},
		Concepts: map[domain.Language][]string{},
	}
	if d.Kind != "" && d.Kind != string(search.KindTender) {
		return doc, fmt.Errorf("document %s: kind %q, only tenders are evaluated", d.ID, d.Kind)
	}
	seen := map[string]bool{}
	for _, n := range d.NUTS {
		for _, a := range search.NUTSAncestors(n) {
			if !seen[a] {
				seen[a] = true
				doc.NUTS = append(doc.NUTS, a)
			}
		}
	}
	seen = map[string]bool{}
	for _, c := range d.CPV {
		for _, a := range search.CPVAncestors(c) {
			if seen[a] {
				continue
			}
			seen[a] = true
			doc.CPV = append(doc.CPV, a)
			l, ok := labels[a]
			if !ok {
				continue
			}
			for _, lang := range domain.Languages {
				if s := l.In(lang); s != "" && len(doc.Concepts[lang]) < search.MaxConceptLabels {
					doc.Concepts[lang] = append(doc.Concepts[lang], s)
				}
			}
		}
	}
	doc.NUTS = doc.NUTS[:min(len(doc.NUTS), search.MaxCodes)]
	doc.CPV = doc.CPV[:min(len(doc.CPV), search.MaxCodes)]
	if len(doc.Text[domain.Language(d.Lang)].Title) > search.MaxTitleLen {
		return doc, errors.New("document " + d.ID + ": title longer than the index accepts")
	}
	return doc, doc.Validate()
}
