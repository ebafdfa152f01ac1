package eval

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Qrels are the relevance judgements: query id → document id → grade. A
// grade of 0 ("judged, not relevant") is kept, but every measure here
// treats it like a document that was not judged.
type Qrels map[string]map[string]int

// Relevant returns the grade of doc for query (0 when not relevant).
func (q Qrels) Relevant(query, doc string) int { return q[query][doc] }

// ReadQrels reads a qrels.tsv: `query_id<TAB>doc_id<TAB>grade` a line. The
// four-column TREC form (`query_id 0 doc_id grade`, separated by spaces or
// tabs) is accepted too, so that qrels from other tools can be used. The
// error of a malformed line names it by number; a pair judged twice is an
// error.
func ReadQrels(r io.Reader) (Qrels, error) {
	qrels := make(Qrels)
	err := eachLine(r, "qrels", func(n int, line []byte) error {
		f := strings.Fields(string(line))
		var query, doc, grade string
		switch len(f) {
		case 3:
			query, doc, grade = f[0], f[1], f[2]
		case 4:
			query, doc, grade = f[0], f[2], f[3]
		default:
			return fmt.Errorf("want query_id, doc_id and grade, got %d fields", len(f))
		}
		g, err := strconv.Atoi(grade)
		if err != nil || g < 0 {
			return fmt.Errorf("grade %q is not a whole number ≥ 0", grade)
		}
		if _, dup := qrels[query][doc]; dup {
			return fmt.Errorf("%s %s judged twice", query, doc)
		}
		if qrels[query] == nil {
			qrels[query] = make(map[string]int)
		}
		qrels[query][doc] = g
		return nil
	})
	if err != nil {
		return nil, err
	}
	return qrels, nil
}
