package ledger

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Sniff decides the format from the first bytes: a ZIP container is XLSX,
// text without NUL bytes is CSV; anything else is refused.
func Sniff(head []byte) (Format, error) {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return XLSX, nil
	}
	if len(head) > 0 && bytes.IndexByte(head, 0) < 0 {
		return CSV, nil
	}
	return "", &FileError{Code: "type_not_allowed", Message: msgNotALedger}
}

// records reads the file into rows of cells, with the line number of each
// row; blank rows are kept out.
func records(data []byte, format Format) ([]record, error) {
	if format == XLSX {
		return xlsxRecords(data)
	}
	return csvRecords(data)
}

type record struct {
	line  int
	cells []string
	// kinds holds each cell's kind in an XLSX file; nil for CSV, whose
	// cells are all text.
	kinds []cellKind
	// date1904: the workbook counts serial dates from 1904 (XLSX).
	date1904 bool
}

// cellKind is what a spreadsheet cell holds.
type cellKind uint8

const (
	// kindText is text, read by the text heuristics (decimal comma, day
	// first dates).
	kindText cellKind = iota
	// kindNumber is a number cell: its text is the raw value as strconv
	// formats it; a date is its serial number.
	kindNumber
	// kindPercent is a number cell shown as a percentage: 0.3 is 30 %.
	kindPercent
)

// csvText decodes the bytes: UTF-8 (its BOM dropped) when they are valid
// UTF-8, else Windows-1252, which spreadsheet programs still write on
// Windows in the four countries.
func csvText(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return data
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// delimiter picks ';', ',' or a tab: the one most frequent outside quotes
// on the first line (the header).
func delimiter(text []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(text) {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if !quoted && (c == '\n' || c == '\r') {
			break
		}
		if !quoted && (c == ';' || c == ',' || c == '\t') {
			counts[c]++
		}
	}
	best, n := ',', 0
	for _, c := range []rune{';', ',', '\t'} {
		if counts[c] > n {
			best, n = c, counts[c]
		}
	}
	return best
}

func csvRecords(data []byte) ([]record, error) {
	text := csvText(data)
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = delimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	var out []record
	for {
		cells, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, &FileError{Code: "malformed", Message: msgMalformedCSV.Fill(line)}
		}
		if blank(cells) {
			continue
		}
		if len(out) > MaxRows {
			return nil, &FileError{Code: "too_many_rows", Message: msgTooManyRows.Fill(MaxRows)}
		}
		out = append(out, record{line: line, cells: cells})
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		for _, r := range c {
			if r != ' ' && r != '\t' && r != '\u00a0' {
				return false
			}
		}
	}
	return true
}
