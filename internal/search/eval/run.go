package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// MaxDepth is the deepest rank a run holds and the measures look at: the
// set's README caps a run at 100 hits a query.
const MaxDepth = 100

// Hit is one retrieved document, best first in a result list.
type Hit struct {
	DocID string
	Score float64
}

// Run is the ranked hits of every query, by query id, best first.
type Run map[string][]Hit

// WriteRun writes run in TREC format, `query_id Q0 doc_id rank score tag` a
// line, queries in the order of ids (so that a run diffs cleanly), at most
// MaxDepth hits a query. The tag names the system (e.g. "bleve-crosslang");
// it may not contain white space, which would break the format.
func WriteRun(w io.Writer, run Run, tag string) error {
	if tag == "" || strings.ContainsFunc(tag, isSpace) {
		return fmt.Errorf("run tag %q must be one word", tag)
	}
	ids := make([]string, 0, len(run))
	for id := range run {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	bw := bufio.NewWriter(w)
	for _, id := range ids {
		if strings.ContainsFunc(id, isSpace) {
			return fmt.Errorf("query id %q contains white space", id)
		}
		for i, h := range run[id] {
			if i == MaxDepth {
				break
			}
			if h.DocID == "" || strings.ContainsFunc(h.DocID, isSpace) {
				return fmt.Errorf("query %s rank %d: document id %q is empty or contains white space", id, i+1, h.DocID)
			}
			if _, err := fmt.Fprintf(bw, "%s Q0 %s %d %s %s\n", id, h.DocID, i+1,
				strconv.FormatFloat(h.Score, 'g', -1, 64), tag); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// ReadRun reads a TREC run. Hits are ordered by the rank column, not by
// line order or score, as the format says; a rank used twice for a query
// is an error (the order would be undefined), and so is a malformed line
// (named by number). The tag column is read but not returned: a file holds
// one system's run.
func ReadRun(r io.Reader) (Run, error) {
	type ranked struct {
		rank int
		hit  Hit
	}
	byQuery := make(map[string][]ranked)
	ranks := make(map[string]map[int]bool)
	err := eachLine(r, "run", func(n int, line []byte) error {
		f := strings.Fields(string(line))
		if len(f) != 6 {
			return fmt.Errorf("want `query_id Q0 doc_id rank score tag`, got %d fields", len(f))
		}
		rank, err := strconv.Atoi(f[3])
		if err != nil || rank < 1 {
			return fmt.Errorf("rank %q is not a whole number ≥ 1", f[3])
		}
		score, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return fmt.Errorf("score %q is not a number", f[4])
		}
		q := f[0]
		if ranks[q] == nil {
			ranks[q] = make(map[int]bool)
		}
		if ranks[q][rank] {
			return fmt.Errorf("query %s: rank %d given twice", q, rank)
		}
		ranks[q][rank] = true
		byQuery[q] = append(byQuery[q], ranked{rank, Hit{DocID: f[2], Score: score}})
		return nil
	})
	if err != nil {
		return nil, err
	}
	run := make(Run, len(byQuery))
	for q, hs := range byQuery {
		sort.Slice(hs, func(i, j int) bool { return hs[i].rank < hs[j].rank })
		hits := make([]Hit, len(hs))
		for i, h := range hs {
			hits[i] = h.hit
		}
		run[q] = hits
	}
	return run, nil
}
