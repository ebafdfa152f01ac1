package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Document is one listing of the corpus, as the set's corpus.jsonl gives it.
type Document struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Lang        string   `json:"lang"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	CPV         []string `json:"cpv"`
	Country     string   `json:"country"`
	NUTS        []string `json:"nuts"`
	Reserved    bool     `json:"reserved"`
}

// maxLine bounds one JSON line: a notice's description is a few kilobytes,
// and a file that is not JSON lines must fail instead of filling memory.
const maxLine = 4 << 20

// languages are the languages of the product; a set in any other one is a
// broken file, not a new language.
var languages = map[string]bool{"fr": true, "de": true, "en": true, "nl": true}

// ReadCorpus streams the documents of a corpus.jsonl to yield, in file
// order, without holding the corpus in memory. Blank lines are skipped. It
// stops at the first malformed line (the error names it by number), at a
// duplicate id, or at the first error of yield, returned as is.
func ReadCorpus(r io.Reader, yield func(Document) error) error {
	seen := make(map[string]bool)
	return eachLine(r, "corpus", func(n int, line []byte) error {
		var d Document
		if err := decodeStrict(line, &d); err != nil {
			return err
		}
		switch {
		case d.ID == "":
			return errors.New("missing id")
		case !languages[d.Lang]:
			return fmt.Errorf("document %s: language %q is not one of fr, de, en, nl", d.ID, d.Lang)
		case seen[d.ID]:
			return fmt.Errorf("duplicate document %s", d.ID)
		}
		seen[d.ID] = true
		if err := yield(d); err != nil {
			return &callbackError{err}
		}
		return nil
	})
}

// callbackError carries an error of the caller's callback through eachLine
// untouched: it is the caller's own error, not a fault of the file.
type callbackError struct{ err error }

func (e *callbackError) Error() string { return e.err.Error() }
func (e *callbackError) Unwrap() error { return e.err }

// eachLine calls fn with every non-blank line of r and its number (from 1),
// and prefixes fn's errors with the file kind and line number.
func eachLine(r io.Reader, kind string, fn func(n int, line []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := fn(n, line); err != nil {
			var cb *callbackError
			if errors.As(err, &cb) {
				return cb.err
			}
			return fmt.Errorf("%s line %d: %w", kind, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s line %d: %w", kind, n+1, err)
	}
	return nil
}

// decodeStrict decodes one JSON object and rejects unknown fields and
// trailing data, so that a renamed field fails loudly instead of reading
// as empty.
func decodeStrict(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON object")
	}
	return nil
}
