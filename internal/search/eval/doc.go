// Package eval measures a search engine on a cross-language retrieval test
// set: the dev set in ../shared/bench/search (see its README) or any set in
// the same format.
//
// The pieces map one to one onto `passerelle search-eval`:
//
//   - --corpus: ReadCorpus streams the listings to index (one JSON object a
//     line); the evaluator only keeps each document's language, which the
//     measures by language pair and cross-language recall need.
//   - --queries and --qrels: ReadQueries and ReadQrels; LoadSet reads all
//     three files at once and hands every document to a callback that
//     indexes it.
//   - the engine: anything that implements Searcher.
//   - --run OUT: Evaluate runs every query (with progress reporting),
//     returns the Run, written by WriteRun in TREC format, and the Report,
//     printed by Report.Print.
//
// The measures follow the set's README exactly, with these conventions
// (the usual trec_eval ones) where it is silent:
//
//   - a run is read in rank order: ties in score keep the engine's order; a
//     document retrieved twice for one query counts at its first rank, and
//     its copy takes a rank that gains nothing;
//   - a query of the set missing from the run scores 0 (it is still
//     counted);
//   - a query without any relevant document in the qrels has no defined
//     score and is left out of the means (Report counts it in Unjudged);
//   - hits past rank 100 are ignored (MaxDepth), and WriteRun never writes
//     them.
package eval
