package ledger

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"passerelle/internal/domain/legalid"
)

// progressEvery is how many rows pass between two progress reports.
const progressEvery = 500

// Parse reads a whole ledger: the format from the content, the header, then
// every row. progress (may be nil) is called with the rows validated so far
// and the total, every few hundred rows and at the end. A *FileError means
// the file is not a ledger at all; otherwise the Result says, row by row,
// what is wrong (ErrorCount > 0) or holds every row.
func Parse(data []byte, progress func(done, total int)) (Result, error) {
	format, err := Sniff(data[:min(len(data), 512)])
	if err != nil {
		return Result{}, err
	}
	recs, err := records(data, format)
	if err != nil {
		return Result{}, err
	}
	if len(recs) == 0 {
		return Result{}, &FileError{Code: "empty", Message: msgEmpty}
	}
	res := Result{Format: format}
	l, missing := readHeader(recs[0].cells)
	for _, col := range missing {
		res.addError(recs[0].line, col, "missing_column", msgMissingColumn, string(col))
	}
	body := recs[1:]
	if len(body) == 0 {
		return Result{}, &FileError{Code: "empty", Message: msgEmpty}
	}
	res.DataRows = len(body)
	if len(missing) > 0 {
		// Without a required column no row can be read: the header is the error.
		return res, nil
	}
	res.Rows = make([]Row, 0, len(body))
	for i, rec := range body {
		if row, ok := l.row(&res, rec); ok {
			res.Rows = append(res.Rows, row)
		}
		if progress != nil && (i+1)%progressEvery == 0 {
			progress(i+1, len(body))
		}
	}
	if progress != nil {
		progress(len(body), len(body))
	}
	if res.ErrorCount > 0 {
		res.Rows = nil
	}
	return res, nil
}

// maxCellBytes bounds a cell of a read column, as read (escapes decoded,
// blanks kept): 1 KiB, five times the longest value a ledger holds (a
// category of 200 characters, accented ones included). A longer cell is
// refused with its line before any parsing, never truncated.
const maxCellBytes = 1024

// row validates one record; errors go to res.
func (l layout) row(res *Result, rec record) (Row, bool) {
	before := res.ErrorCount
	r := Row{Line: rec.line, Currency: "EUR"}
	// A control character (a NUL byte above all, which PostgreSQL text
	// cannot hold) refuses the row here, with its line, rather than the
	// whole import at insertion.
	for _, col := range l.columns {
		v, _ := l.cell(rec.cells, col)
		switch {
		case len(l.raw(rec.cells, col)) > maxCellBytes:
			res.addError(rec.line, col, "too_long", msgCellTooLong, maxCellBytes)
		case hasControl(v):
			res.addError(rec.line, col, "control_character", msgControlCharacter)
		}
	}
	if res.ErrorCount > before {
		return r, false
	}
	required := func(col Column) string {
		v, present := l.cell(rec.cells, col)
		if !present || v == "" {
			res.addError(rec.line, col, "required", msgRequired)
		}
		return v
	}

	if v := required(ColSupplier); v != "" {
		kind, ok := identifierKind(v)
		switch {
		case !ok:
			res.addError(rec.line, ColSupplier, "unknown_identifier", msgUnknownIdentifier)
		default:
			if err := legalid.Validate(kind, v); err != nil {
				e, _ := err.(*legalid.Error)
				res.addError(rec.line, ColSupplier, "invalid_identifier", legalidMsg(e))
			} else {
				r.SupplierKind, r.Supplier = kind, legalid.Normalize(kind, v)
			}
		}
	}
	if v := required(ColAmount); v != "" {
		if a, ok := l.amount(rec, ColAmount, v); ok {
			r.Amount = a
		} else {
			res.addError(rec.line, ColAmount, "invalid_amount", msgInvalidAmount)
		}
	}
	if v, _ := l.cell(rec.cells, ColCurrency); v != "" {
		c := strings.ToUpper(v)
		if len(c) != 3 || strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			res.addError(rec.line, ColCurrency, "invalid_currency", msgInvalidCurrency)
		} else {
			r.Currency = c
		}
	}
	if v := required(ColDate); v != "" {
		if d, ok := parseDate(v, l.kind(rec, ColDate) != kindText, rec.date1904); ok {
			r.Date = d
		} else {
			res.addError(rec.line, ColDate, "invalid_date", msgInvalidDate)
		}
	}
	if v := required(ColCategory); v != "" {
		if utf8.RuneCountInString(v) > 200 {
			res.addError(rec.line, ColCategory, "too_long", msgTooLong, 200)
		} else {
			r.Category, r.CPV = v, cpvOf(v)
		}
	}
	if v, _ := l.cell(rec.cells, ColInvoiceRef); v != "" {
		if utf8.RuneCountInString(v) > 100 {
			res.addError(rec.line, ColInvoiceRef, "too_long", msgTooLong, 100)
		} else {
			r.InvoiceRef = v
		}
	}
	if v, _ := l.cell(rec.cells, ColLabourCost); v != "" {
		kind := l.kind(rec, ColLabourCost)
		if kind == kindPercent || (kind == kindText && strings.HasSuffix(v, "%")) || l.labourPercent {
			if p, ok := l.percent(kind, v); ok {
				cents := int64(float64(r.Amount)*p/100 + 0.5)
				r.LabourCost = &cents
			} else {
				res.addError(rec.line, ColLabourCost, "invalid_percent", msgInvalidPercent)
			}
		} else if a, ok := l.amount(rec, ColLabourCost, v); ok && a <= r.Amount {
			r.LabourCost = &a
		} else if ok {
			res.addError(rec.line, ColLabourCost, "exceeds_amount", msgLabourExceeds)
		} else {
			res.addError(rec.line, ColLabourCost, "invalid_amount", msgInvalidAmount)
		}
	}
	return r, res.ErrorCount == before
}

// amount reads a cell's amount in cents: a number cell by its value
// (rounded to the cent: spreadsheet arithmetic leaves 0.30000000000000004),
// a text cell by the text heuristics.
func (l layout) amount(rec record, col Column, v string) (int64, bool) {
	if l.kind(rec, col) == kindText {
		return parseAmount(v)
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || f < 0 || f >= 1e12 {
		return 0, false
	}
	return int64(math.Round(f * 100)), true
}

// percent reads a labour share in percent: a percent-formatted cell holds
// the fraction (0.3 shown as 30 %), a plain number cell the percentage.
func (l layout) percent(kind cellKind, v string) (float64, bool) {
	if kind == kindText {
		return parsePercent(v)
	}
	f, err := strconv.ParseFloat(v, 64)
	if kind == kindPercent {
		f *= 100
	}
	if err != nil || math.IsNaN(f) || f < 0 || f > 100 {
		return 0, false
	}
	return f, true
}

// hasControl tells a cell holding a control character other than a tab.
// Tabs and line breaks pass: a cell written on two lines (Alt+Enter in a
// spreadsheet, a quoted multi-line CSV field) is ordinary text.
func hasControl(s string) bool {
	for _, c := range s {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) {
			return true
		}
	}
	return false
}
