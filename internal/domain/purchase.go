package domain

import "time"

// PurchaseImportState is where an uploaded ledger is: parsing (the job
// reads it), then done (every row inserted) or failed (none inserted).
type PurchaseImportState string

// The import states.
const (
	ImportParsing PurchaseImportState = "parsing"
	ImportDone    PurchaseImportState = "done"
	ImportFailed  PurchaseImportState = "failed"
)

// PurchaseImport is one uploaded purchase ledger and what became of it.
type PurchaseImport struct {
	ID, OrganisationID, UploadedBy string
	Filename, Format               string
	State                          PurchaseImportState
	// RowsDone of RowsTotal rows validated so far (the progress bar).
	RowsTotal, RowsDone int
	// RowsImported rows inserted, RowsMatched of them from a supplier
	// known to Passerelle by its legal identifier.
	RowsImported, RowsMatched int
	// DuplicateRows of the imported rows are identical to rows of another
	// import of the organisation (a warning: the same invoices imported
	// twice count twice); counted when one import is read.
	DuplicateRows int
	// ErrorCount errors found, the first of them listed in Errors.
	ErrorCount int
	Errors     []PurchaseRowError
	// Failure says why the file as a whole was refused (nil otherwise).
	Failure    *Msg
	CreatedAt  time.Time
	FinishedAt *time.Time
}

// PurchaseRowError is one error of a ledger: its line (1 is the header),
// the column, a stable code and the message in every language.
type PurchaseRowError struct {
	Line    int
	Column  string
	Code    string
	Message Msg
}

// Purchase is one invoice of a buyer's ledger. Amounts are in cents.
type Purchase struct {
	ID, ImportID       string
	Line               int
	SupplierKind       string
	SupplierIdentifier string
	// SupplierOrganisationID and SupplierName are empty for a supplier
	// Passerelle does not know.
	SupplierOrganisationID, SupplierName string
	AmountCents                          int64
	Currency                             string
	InvoiceDate                          time.Time
	Category, CPV, InvoiceReference      string
	LabourCostCents                      *int64
	// SSETypes are the supplier's statuses verified and valid at the
	// invoice date.
	SSETypes []SSEStatusType
}

// PurchaseFilter narrows a list of purchases; zero values do not filter.
type PurchaseFilter struct {
	ImportID string
	Year     int
	// Matched keeps purchases from known (true) or unknown (false) suppliers.
	Matched *bool
}

// SSEShare is what a buyer bought in one year (euros only): in all, and
// from suppliers with an SSE status verified at the invoice date.
type SSEShare struct {
	Year                 int
	Purchases, Unmatched int
	TotalCents, SSECents int64
}

// Share is SSECents over TotalCents, 0 when nothing was bought.
func (s SSEShare) Share() float64 {
	if s.TotalCents == 0 {
		return 0
	}
	return float64(s.SSECents) / float64(s.TotalCents)
}
