package eval

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
)

// Pair is a language pair query → document, e.g. {"de", "fr"}.
type Pair struct{ Query, Doc string }

// String writes the pair as "de→fr".
func (p Pair) String() string { return p.Query + "→" + p.Doc }

// MarshalText writes the pair as String does, so that a Report encodes to
// JSON (maps keyed by pair) for tools that compare runs.
func (p Pair) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// KnownItemScores are the means of a group of known-item queries.
type KnownItemScores struct {
	Queries int     // queries with a relevant document, the ones averaged
	MRR     float64 // mean reciprocal rank at RankCutoff
	Success float64 // share of queries with the document at RankCutoff or better
}

// TopicScores are the means of a group of topic queries.
type TopicScores struct {
	Queries int     // queries with a relevant document, averaged by NDCG
	NDCG    float64 // mean nDCG at RankCutoff
	// CrossLangQueries are the queries with a relevant document in another
	// language, the ones averaged by CrossLangRecall.
	CrossLangQueries int
	CrossLangRecall  float64 // mean cross-language recall at RecallCutoff
}

// Report holds every measure of a run, overall and by language pair. Means
// are macro-averages: each query weighs the same, however many documents
// it has.
type Report struct {
	KnownItem       KnownItemScores // cross-language known-item queries
	KnownItemByPair map[Pair]KnownItemScores
	// KnownItemSame is the same-language guard, measured apart so that it
	// never hides in the cross-language figure.
	KnownItemSame       KnownItemScores
	KnownItemSameByPair map[Pair]KnownItemScores
	Topic               TopicScores
	// TopicByLang groups topic queries by their language: relevant
	// documents are in every language, so a pair would split one query.
	TopicByLang map[string]TopicScores
	// CrossLangRecallByPair is the recall of the relevant documents of one
	// language for topic queries of another, the detail behind
	// Topic.CrossLangRecall.
	CrossLangRecallByPair map[Pair]float64
	// Missing lists the queries of the set absent from the run (scored 0),
	// Unjudged the queries without a relevant document (left out).
	Missing, Unjudged []string
}

// mean accumulates a macro-average.
type mean struct {
	n   int
	sum float64
}

func (m *mean) add(v float64) { m.n++; m.sum += v }
func (m mean) value() float64 {
	if m.n == 0 {
		return 0
	}
	return m.sum / float64(m.n)
}

// knownItemAcc accumulates KnownItemScores.
type knownItemAcc struct{ rr, success mean }

func (a *knownItemAcc) add(hits []Hit, grades map[string]int) {
	a.rr.add(ReciprocalRank(hits, grades, RankCutoff))
	a.success.add(Success(hits, grades, RankCutoff))
}

func (a knownItemAcc) scores() KnownItemScores {
	return KnownItemScores{Queries: a.rr.n, MRR: a.rr.value(), Success: a.success.value()}
}

// topicAcc accumulates TopicScores.
type topicAcc struct{ ndcg, recall mean }

func (a topicAcc) scores() TopicScores {
	return TopicScores{Queries: a.ndcg.n, NDCG: a.ndcg.value(),
		CrossLangQueries: a.recall.n, CrossLangRecall: a.recall.value()}
}

// Score computes the report of run on set. A query of the set missing from
// the run counts as a query that found nothing.
func Score(set Set, run Run) Report {
	var ki, kis knownItemAcc
	kiPair := make(map[Pair]*knownItemAcc)
	kisPair := make(map[Pair]*knownItemAcc)
	var topic topicAcc
	topicLang := make(map[string]*topicAcc)
	recallPair := make(map[Pair]*mean)
	var rep Report
	for _, q := range set.Queries {
		hits, inRun := run[q.ID]
		if !inRun {
			rep.Missing = append(rep.Missing, q.ID)
		}
		grades := set.Qrels[q.ID]
		if !anyRelevant(grades) {
			rep.Unjudged = append(rep.Unjudged, q.ID)
			continue
		}
		switch q.Type {
		case KnownItem, KnownItemSame:
			acc, byPair := &ki, kiPair
			if q.Type == KnownItemSame {
				acc, byPair = &kis, kisPair
			}
			acc.add(hits, grades)
			p := Pair{q.Lang, set.DocLang[target(grades)]}
			if byPair[p] == nil {
				byPair[p] = &knownItemAcc{}
			}
			byPair[p].add(hits, grades)
		case Topic:
			if topicLang[q.Lang] == nil {
				topicLang[q.Lang] = &topicAcc{}
			}
			byLang := topicLang[q.Lang]
			if v, ok := NDCG(hits, grades, RankCutoff); ok {
				topic.ndcg.add(v)
				byLang.ndcg.add(v)
			}
			if v, ok := CrossLangRecall(hits, grades, set.DocLang, q.Lang, RecallCutoff); ok {
				topic.recall.add(v)
				byLang.recall.add(v)
			}
			for _, lang := range []string{"de", "en", "fr", "nl"} {
				if lang == q.Lang {
					continue
				}
				v, ok := recallWhere(hits, grades, RecallCutoff, func(doc string) bool { return set.DocLang[doc] == lang })
				if !ok {
					continue
				}
				p := Pair{q.Lang, lang}
				if recallPair[p] == nil {
					recallPair[p] = &mean{}
				}
				recallPair[p].add(v)
			}
		}
	}
	rep.KnownItem, rep.KnownItemSame, rep.Topic = ki.scores(), kis.scores(), topic.scores()
	rep.KnownItemByPair = make(map[Pair]KnownItemScores, len(kiPair))
	for p, a := range kiPair {
		rep.KnownItemByPair[p] = a.scores()
	}
	rep.KnownItemSameByPair = make(map[Pair]KnownItemScores, len(kisPair))
	for p, a := range kisPair {
		rep.KnownItemSameByPair[p] = a.scores()
	}
	rep.TopicByLang = make(map[string]TopicScores, len(topicLang))
	for l, a := range topicLang {
		rep.TopicByLang[l] = a.scores()
	}
	rep.CrossLangRecallByPair = make(map[Pair]float64, len(recallPair))
	for p, m := range recallPair {
		rep.CrossLangRecallByPair[p] = m.value()
	}
	return rep
}

func anyRelevant(grades map[string]int) bool {
	for _, g := range grades {
		if g > 0 {
			return true
		}
	}
	return false
}

// target is the document a known-item query looks for: its best-graded
// relevant document (the smallest id among equals, so that the language
// pair does not depend on map order).
func target(grades map[string]int) string {
	best, bestGrade := "", 0
	for doc, g := range grades {
		if g > bestGrade || (g == bestGrade && g > 0 && doc < best) {
			best, bestGrade = doc, g
		}
	}
	return best
}

// Print writes the report as aligned tables: known-item (cross-language,
// then same-language) and topic, each overall then by language pair, then
// the queries that were missing or unjudged.
func (r Report) Print(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "known-item\tqueries\tMRR@%d\tsuccess@%d\t\n", RankCutoff, RankCutoff)
	printKnownItem(tw, "all", r.KnownItem)
	for _, p := range sortedPairs(r.KnownItemByPair) {
		printKnownItem(tw, p.String(), r.KnownItemByPair[p])
	}
	fmt.Fprintf(tw, "\t\t\t\t\n")
	fmt.Fprintf(tw, "known-item-same\tqueries\tMRR@%d\tsuccess@%d\t\n", RankCutoff, RankCutoff)
	printKnownItem(tw, "all", r.KnownItemSame)
	for _, p := range sortedPairs(r.KnownItemSameByPair) {
		printKnownItem(tw, p.String(), r.KnownItemSameByPair[p])
	}
	fmt.Fprintf(tw, "\t\t\t\t\n")
	fmt.Fprintf(tw, "topic\tqueries\tnDCG@%d\tx-lang recall@%d\t\n", RankCutoff, RecallCutoff)
	printTopic(tw, "all", r.Topic)
	langs := make([]string, 0, len(r.TopicByLang))
	for l := range r.TopicByLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		printTopic(tw, l+"→*", r.TopicByLang[l])
	}
	for _, p := range sortedPairs(r.CrossLangRecallByPair) {
		fmt.Fprintf(tw, "%s\t\t\t%.4f\t\n", p, r.CrossLangRecallByPair[p])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "%d queries missing from the run (scored 0), e.g. %s\n", len(r.Missing), r.Missing[0])
	}
	if len(r.Unjudged) > 0 {
		fmt.Fprintf(w, "%d queries without a relevant document (left out), e.g. %s\n", len(r.Unjudged), r.Unjudged[0])
	}
	return nil
}

func printKnownItem(w io.Writer, label string, s KnownItemScores) {
	fmt.Fprintf(w, "%s\t%d\t%.4f\t%.4f\t\n", label, s.Queries, s.MRR, s.Success)
}

func printTopic(w io.Writer, label string, s TopicScores) {
	fmt.Fprintf(w, "%s\t%d\t%.4f\t%.4f\t\n", label, s.Queries, s.NDCG, s.CrossLangRecall)
}

// sortedPairs returns the keys of m in query-then-document language order.
func sortedPairs[V any](m map[Pair]V) []Pair {
	ps := make([]Pair, 0, len(m))
	for p := range m {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Query != ps[j].Query {
			return ps[i].Query < ps[j].Query
		}
		return ps[i].Doc < ps[j].Doc
	})
	return ps
}
