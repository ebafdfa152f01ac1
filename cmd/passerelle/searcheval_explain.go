package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/eval"
)

// explainTop is how many hits the diagnostics list per query.
const explainTop = 10

// writeExplain writes, for every query of set, why it ranked as it did:
// the expansion (terms per language with weight and origin), the rank of
// each relevant document (the known item, or the topic's hits by grade),
// and the top hits with their language, grade and title. It is the tool
// to see why a query fails without tuning on the query itself: the
// mechanism at fault (a stop word kept, a sense of a dictionary entry, a
// compound left whole) shows in the terms.
func writeExplain(path string, set eval.Set, run eval.Run, ml *search.Multilingual, titles map[string]string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	w := bufio.NewWriter(f)
	for _, q := range set.Queries {
		explainQuery(w, q, set, run[q.ID], ml, titles)
	}
	return w.Flush()
}

func explainQuery(w io.Writer, q eval.Query, set eval.Set, hits []eval.Hit, ml *search.Multilingual, titles map[string]string) {
	grades := set.Qrels[q.ID]
	rank := map[string]int{}
	for i, h := range hits {
		rank[h.DocID] = i + 1
	}
	fmt.Fprintf(w, "== %s %s %s %q\n", q.ID, q.Type, q.Lang, q.Text)
	switch q.Type {
	case eval.Topic:
		ndcg, _ := eval.NDCG(hits, grades, 10)
		found, total := map[string]int{}, map[string]int{}
		for d, g := range grades {
			if g <= 0 {
				continue
			}
			l := set.DocLang[d]
			total[l]++
			if rank[d] > 0 {
				found[l]++
			}
		}
		fmt.Fprintf(w, "   ndcg@10 %.3f; relevant in the top 100 by language:", ndcg)
		for _, l := range domain.Languages {
			fmt.Fprintf(w, " %s %d/%d", l, found[string(l)], total[string(l)])
		}
		fmt.Fprintln(w)
	default:
		for d, g := range grades {
			if g > 0 {
				r := "miss"
				if rank[d] > 0 {
					r = fmt.Sprint(rank[d])
				}
				fmt.Fprintf(w, "   rank %s: %s [%s] %s\n", r, d, set.DocLang[d], titles[d])
			}
		}
	}
	exp := ml.Expand(q.Text, domain.Language(q.Lang))
	// The leaf clauses the engine runs: every term in each text field,
	// and every code, once per word it stands for.
	clauses := 0
	for _, lq := range exp.Queries {
		for _, t := range lq.Terms {
			clauses += len(search.Fields) * max(1, len(t.Groups))
		}
	}
	for _, c := range ml.Codes(exp) {
		clauses += len(c.Groups)
	}
	fmt.Fprintf(w, "   clauses %d\n", clauses)
	if len(exp.Concepts) > 0 {
		ids := make([]string, len(exp.Concepts))
		for i, c := range exp.Concepts {
			ids[i] = fmt.Sprint(c.ID, c.Groups)
		}
		fmt.Fprintf(w, "   concepts %s\n", strings.Join(ids, " "))
	}
	for _, lq := range exp.Queries {
		parts := make([]string, 0, len(lq.Terms))
		for _, t := range lq.Terms {
			parts = append(parts, fmt.Sprintf("%s(%.2f %s)", t.Text, t.Weight, t.Origin))
		}
		fmt.Fprintf(w, "   %s ×%.2f: %s\n", lq.Lang, lq.Boost, strings.Join(parts, " "))
	}
	for i, h := range hits[:min(len(hits), explainTop)] {
		fmt.Fprintf(w, "   %2d. g%d %.3f %s [%s] %s\n", i+1, grades[h.DocID], h.Score, h.DocID, set.DocLang[h.DocID], titles[h.DocID])
	}
}
