// Package eval measures a search engine on a cross-language retrieval test
// set: the dev set in ../shared/bench/search (see its README) or any set in
// the same format.
//
// Its pieces map one to one onto `passerelle search-eval`, which only has
// to build the engine:
//
//	set, err := eval.LoadSetFiles(corpus, queries, qrels, index) // --corpus --queries --qrels
//	run, report, err := eval.Evaluate(ctx, engine, set, eval.Options{
//		Progress: eval.PrintProgress(stderr, 50),
//	})
//	err = eval.WriteRunFile(out, run, "bleve-crosslang") // --run OUT
//	err = report.Print(stdout)
//
// In detail:
//
//   - ReadCorpus streams the listings to index (one JSON object a line);
//     the evaluator only keeps each document's language, which the measures
//     by language pair and cross-language recall need. ReadQueries and
//     ReadQrels read the rest; LoadSet reads all three at once and hands
//     every document to a callback that indexes it.
//   - The engine is anything that implements Searcher; package bm25 is the
//     monolingual baseline.
//   - Evaluate runs every query, with progress reporting, and returns the
//     Run (WriteRun writes it in TREC format, ReadRun reads it back) and the
//     Report (Score computes it from any run; Print writes the tables).
//
// The measures follow the set's README exactly, with these conventions
// where it is silent:
//
//   - means are macro-averages: every query weighs the same, in
//     cross-language recall too, however many documents it has;
//   - a run is read in rank order, not by score (trec_eval re-sorts by
//     score): ties in score keep the engine's order, which is what the
//     buyer sees; a document retrieved twice for one query counts at its
//     first rank, and its copy takes a rank that gains nothing;
//   - a query of the set missing from the run scores 0 (it is still
//     counted);
//   - a query without any relevant document in the qrels has no defined
//     score and is left out of the means (Report counts it in Unjudged);
//   - hits past rank 100 are ignored (MaxDepth), and WriteRun never writes
//     them.
package eval
