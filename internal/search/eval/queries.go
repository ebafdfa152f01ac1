package eval

import (
	"errors"
	"fmt"
	"io"
)

// QueryType says what a query measures (see the set's README).
type QueryType string

// The query types of the set.
const (
	// KnownItem is the title of one notice in another language than the
	// notice's: the notice is the one relevant document.
	KnownItem QueryType = "known-item"
	// KnownItemSame is the same in the notice's own language: a guard, so
	// that cross-language help never costs same-language precision.
	KnownItemSame QueryType = "known-item-same"
	// Topic is a need as a buyer types it; every notice under the topic's
	// CPV codes is relevant, in any language.
	Topic QueryType = "topic"
)

// Query is one query of a set.
type Query struct {
	ID   string    `json:"id"`
	Lang string    `json:"lang"`
	Type QueryType `json:"type"`
	Text string    `json:"text"`
}

// ReadQueries reads a queries.jsonl whole (a set holds hundreds of queries,
// not millions), in file order. The error of a malformed line names it by
// number; unknown types and languages and duplicate ids are errors too.
func ReadQueries(r io.Reader) ([]Query, error) {
	var qs []Query
	seen := make(map[string]bool)
	err := eachLine(r, "queries", func(n int, line []byte) error {
		var q Query
		if err := decodeStrict(line, &q); err != nil {
			return err
		}
		switch {
		case q.ID == "":
			return errors.New("missing id")
		case !languages[q.Lang]:
			return fmt.Errorf("query %s: language %q is not one of fr, de, en, nl", q.ID, q.Lang)
		case q.Type != KnownItem && q.Type != KnownItemSame && q.Type != Topic:
			return fmt.Errorf("query %s: unknown type %q", q.ID, q.Type)
		case q.Text == "":
			return fmt.Errorf("query %s: empty text", q.ID)
		case seen[q.ID]:
			return fmt.Errorf("duplicate query %s", q.ID)
		}
		seen[q.ID] = true
		qs = append(qs, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return qs, nil
}
