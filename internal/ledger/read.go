package ledger

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
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
}

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

// xlsxRecords streams the first sheet's rows (excelize's row iterator reads
// the sheet XML as it goes) with raw cell values: dates come as serial
// numbers, amounts unformatted.
func xlsxRecords(data []byte) ([]record, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
	}
	defer func() { _ = f.Close() }()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
	}
	defer func() { _ = rows.Close() }()
	var out []record
	line := 0
	for rows.Next() {
		line++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
		}
		if blank(cells) {
			continue
		}
		if len(out) > MaxRows {
			return nil, &FileError{Code: "too_many_rows", Message: msgTooManyRows.Fill(MaxRows)}
		}
		out = append(out, record{line: line, cells: cells})
	}
	if rows.Error() != nil {
		return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
	}
	return out, nil
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
