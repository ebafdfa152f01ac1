// Package ledger reads buyers' purchase ledgers (CSV or XLSX) into validated
// rows. It is pure: bytes in, rows or a row-by-row error report out; no
// database, no clock, no network. Core matches the suppliers and stores the
// rows; the fuzz tests of issue 11 target Parse.
package ledger

import (
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
)

// Format is the kind of file a ledger comes in.
type Format string

// The formats, decided from the content (see Sniff), never from the name.
const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
)

// Column names a ledger column, as reported in errors.
type Column string

// The columns. Supplier, Amount, Date and Category are required.
const (
	ColSupplier   Column = "supplier_identifier"
	ColAmount     Column = "amount"
	ColCurrency   Column = "currency"
	ColDate       Column = "date"
	ColCategory   Column = "category"
	ColInvoiceRef Column = "invoice_reference"
	ColLabourCost Column = "labour_cost"
)

// RequiredColumns must appear in the header.
var RequiredColumns = []Column{ColSupplier, ColAmount, ColDate, ColCategory}

// MaxRows bounds the data rows of one ledger.
const MaxRows = 100_000

// MaxListedErrors bounds the errors listed in a report; all are counted.
const MaxListedErrors = 1000

// Row is one valid purchase of a ledger. Amounts are in cents.
type Row struct {
	// Line is the line (CSV) or row (XLSX) number in the file; 1 is the header.
	Line         int
	SupplierKind legalid.Kind
	// Supplier is the identifier normalized for its kind.
	Supplier   string
	Amount     int64
	Currency   string
	Date       time.Time
	Category   string
	CPV        string // the 8-digit CPV code when the category is one
	InvoiceRef string
	// LabourCost is the labour cost in cents, nil when not given.
	LabourCost *int64
}

// RowError is one problem of one cell (or of the header, line 1).
type RowError struct {
	Line    int
	Column  Column
	Code    string
	Message domain.Msg
}

// Result is what Parse makes of a ledger: the valid rows, and the errors
// (the file is accepted only when ErrorCount is 0).
type Result struct {
	Format Format
	Rows   []Row
	// Errors lists the first MaxListedErrors errors, in line order.
	Errors     []RowError
	ErrorCount int
	// DataRows is the number of data rows read (blank ones excluded).
	DataRows int
}

func (r *Result) addError(line int, col Column, code string, m domain.Msg, args ...any) {
	r.ErrorCount++
	if len(r.Errors) < MaxListedErrors {
		if len(args) > 0 {
			m = m.Fill(args...)
		}
		r.Errors = append(r.Errors, RowError{Line: line, Column: col, Code: code, Message: m})
	}
}

// FileError is a failure of the file as a whole: not a ledger, unreadable,
// too many rows, no data.
type FileError struct {
	Code    string
	Message domain.Msg
}

func (e *FileError) Error() string { return "ledger: " + e.Message.EN }
