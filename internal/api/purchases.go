package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humagin"
	"github.com/gin-gonic/gin"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// PurchaseRowErrorBody is one error of a ledger, in the request's language.
type PurchaseRowErrorBody struct {
	Line    int    `json:"line" doc:"Line of the file (1 is the header; for XLSX, the row)" example:"7"`
	Column  string `json:"column" enum:"supplier_identifier,amount,currency,date,category,invoice_reference,labour_cost" example:"amount"`
	Code    string `json:"code" doc:"Stable code: required, missing_column, unknown_identifier, invalid_identifier, invalid_amount, invalid_currency, invalid_date, invalid_percent, exceeds_amount, too_long, control_character" example:"invalid_amount"`
	Message string `json:"message" doc:"What is wrong, in the request's language"`
}

// PurchaseImportBody is an uploaded ledger and its progress.
type PurchaseImportBody struct {
	ID           string                 `json:"id" format:"uuid"`
	Filename     string                 `json:"filename"`
	Format       string                 `json:"format" enum:"csv,xlsx"`
	State        string                 `json:"state" enum:"parsing,done,failed" doc:"parsing until the job ends; done: every row imported; failed: none"`
	RowsTotal    int                    `json:"rows_total" doc:"Data rows of the file (0 until counted)"`
	RowsDone     int                    `json:"rows_done" doc:"Rows validated so far"`
	RowsImported int                    `json:"rows_imported"`
	RowsMatched  int                    `json:"rows_matched" doc:"Imported rows whose supplier is a Passerelle organisation, by legal identifier"`
	RowsUnknown  int                    `json:"rows_unknown_supplier" doc:"Imported rows from suppliers Passerelle does not know"`
	RowsDup      int                    `json:"rows_duplicate" doc:"A warning, once done (GET one import only; 0 in lists): imported rows identical to rows of another import of the organisation (same supplier, date, amount, currency and invoice reference), which count twice"`
	ErrorCount   int                    `json:"error_count" doc:"Every error found; at most 1000 are listed"`
	Errors       []PurchaseRowErrorBody `json:"errors" doc:"The first errors, by line (GET one import only; empty in lists)"`
	Failure      string                 `json:"failure,omitempty" doc:"Why the file as a whole was refused"`
	CreatedAt    time.Time              `json:"created_at"`
	FinishedAt   *time.Time             `json:"finished_at,omitempty"`
}

func purchaseImportBody(imp domain.PurchaseImport, l domain.Language) PurchaseImportBody {
	b := PurchaseImportBody{ID: imp.ID, Filename: imp.Filename, Format: imp.Format, State: string(imp.State), RowsTotal: imp.RowsTotal,
		RowsDone: imp.RowsDone, RowsImported: imp.RowsImported, RowsMatched: imp.RowsMatched, RowsUnknown: imp.RowsImported - imp.RowsMatched,
		RowsDup:    imp.DuplicateRows,
		ErrorCount: imp.ErrorCount, CreatedAt: imp.CreatedAt, FinishedAt: imp.FinishedAt, Errors: []PurchaseRowErrorBody{}}
	for _, e := range imp.Errors {
		b.Errors = append(b.Errors, PurchaseRowErrorBody{Line: e.Line, Column: e.Column, Code: e.Code, Message: e.Message.With()[l]})
	}
	if imp.Failure != nil {
		b.Failure = imp.Failure.With()[l]
	}
	return b
}

// SSEShareBody is what was bought in one year, in euros.
type SSEShareBody struct {
	Year       int     `json:"year" example:"2026"`
	Purchases  int     `json:"purchases"`
	Unmatched  int     `json:"unknown_supplier" doc:"Purchases from suppliers Passerelle does not know"`
	TotalCents int64   `json:"total_cents" doc:"Amount bought in euros, in cents"`
	SSECents   int64   `json:"sse_cents" doc:"Of which from suppliers with an SSE status verified and valid at the invoice date"`
	Share      float64 `json:"share" doc:"sse_cents / total_cents, 0 to 1"`
}

func sseShareBody(s domain.SSEShare) SSEShareBody {
	return SSEShareBody{Year: s.Year, Purchases: s.Purchases, Unmatched: s.Unmatched, TotalCents: s.TotalCents, SSECents: s.SSECents, Share: s.Share()}
}

// PurchaseBody is one invoice of the ledger.
type PurchaseBody struct {
	ID                     string   `json:"id" format:"uuid"`
	ImportID               string   `json:"import_id" format:"uuid"`
	Line                   int      `json:"line"`
	SupplierIdentifierKind string   `json:"supplier_identifier_kind" example:"fr_siret"`
	SupplierIdentifier     string   `json:"supplier_identifier" example:"44306184100047"`
	SupplierOrganisationID string   `json:"supplier_organisation_id,omitempty" format:"uuid" doc:"Empty for a supplier Passerelle does not know"`
	SupplierName           string   `json:"supplier_name,omitempty"`
	AmountCents            int64    `json:"amount_cents"`
	Currency               string   `json:"currency" example:"EUR"`
	InvoiceDate            string   `json:"invoice_date" format:"date" example:"2026-03-31"`
	Category               string   `json:"category"`
	CPV                    string   `json:"cpv,omitempty" example:"90911200"`
	InvoiceReference       string   `json:"invoice_reference,omitempty"`
	LabourCostCents        *int64   `json:"labour_cost_cents" doc:"null when not entered"`
	SSETypes               []string `json:"sse_types" doc:"The supplier's SSE statuses verified and valid at the invoice date"`
}

func purchaseBody(p domain.Purchase) PurchaseBody {
	b := PurchaseBody{ID: p.ID, ImportID: p.ImportID, Line: p.Line, SupplierIdentifierKind: p.SupplierKind, SupplierIdentifier: p.SupplierIdentifier,
		SupplierOrganisationID: p.SupplierOrganisationID, SupplierName: p.SupplierName, AmountCents: p.AmountCents, Currency: p.Currency,
		InvoiceDate: p.InvoiceDate.Format(time.DateOnly), Category: p.Category, CPV: p.CPV, InvoiceReference: p.InvoiceReference,
		LabourCostCents: p.LabourCostCents, SSETypes: []string{}}
	for _, t := range p.SSETypes {
		b.SSETypes = append(b.SSETypes, string(t))
	}
	return b
}

// PurchaseOrgInput names the organisation.
type PurchaseOrgInput struct {
	OrgID string `path:"orgID" format:"uuid"`
}

// PurchaseImportInput names one import.
type PurchaseImportInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	ImportID string `path:"importID" maxLength:"36"`
}

// PurchaseImportOutput is one import with its SSE share by year.
type PurchaseImportOutput struct {
	Body struct {
		PurchaseImportBody
		SSEShare []SSEShareBody `json:"sse_share" doc:"Once done: this import's purchases in euros by year, in all and from SSE suppliers"`
	}
}

// PurchaseImportListInput pages through the imports.
type PurchaseImportListInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)"`
}

// PurchaseImportListOutput is a page of imports, newest first.
type PurchaseImportListOutput struct {
	Body struct {
		Items      []PurchaseImportBody `json:"items"`
		NextCursor string               `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// PurchaseListInput pages through the purchases.
type PurchaseListInput struct {
	OrgID    string `path:"orgID" format:"uuid"`
	ImportID string `query:"import" maxLength:"36" doc:"Only this import's purchases"`
	Year     int    `query:"year" minimum:"0" maximum:"2100" doc:"Only invoices of this year"`
	Supplier string `query:"supplier" enum:"known,unknown," doc:"known: suppliers on Passerelle; unknown: the others"`
	Cursor   string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit    int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)"`
}

// PurchaseListOutput is a page of purchases, latest invoice first.
type PurchaseListOutput struct {
	Body struct {
		Items      []PurchaseBody `json:"items"`
		NextCursor string         `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// PurchasePatchInput sets a purchase's labour cost.
type PurchasePatchInput struct {
	LanguageHeader
	OrgID      string `path:"orgID" format:"uuid"`
	PurchaseID string `path:"purchaseID" maxLength:"36"`
	Body       struct {
		LabourCostCents   *int64   `json:"labour_cost_cents,omitempty" doc:"The labour cost in cents, at most the amount" example:"40000"`
		LabourCostPercent *float64 `json:"labour_cost_percent,omitempty" doc:"Or the labour cost as a percentage of the amount" example:"40"`
	}
}

// SSEShareOutput is what was bought by year.
type SSEShareOutput struct {
	Body struct {
		Items []SSEShareBody `json:"items" doc:"Latest year first"`
	}
}

// LevyInput asks for a levy offset statement.
type LevyInput struct {
	LanguageHeader
	OrgID             string  `path:"orgID" format:"uuid"`
	Country           string  `query:"country" required:"true" enum:"FR,DE" doc:"FR: OETH contribution (private employers); DE: Ausgleichsabgabe"`
	Year              int     `query:"year" required:"true" minimum:"1990" maximum:"2100"`
	ContributionCents int64   `query:"contribution_cents" minimum:"0" doc:"The levy due for the year before any offset, in cents"`
	EmploymentRate    float64 `query:"employment_rate" minimum:"0" maximum:"100" doc:"FR: share of disabled workers employed, percent (3 or more raises the cap to 75 %)"`
}

func (in *LevyInput) core() core.LevyInput {
	return core.LevyInput{Country: core.LevyCountry(in.Country), Year: in.Year, ContributionCents: in.ContributionCents, EmploymentRate: in.EmploymentRate}
}

// LevyInvoiceBody is an invoice counted in a statement.
type LevyInvoiceBody struct {
	PurchaseID         string   `json:"purchase_id" format:"uuid"`
	InvoiceDate        string   `json:"invoice_date" format:"date"`
	InvoiceReference   string   `json:"invoice_reference,omitempty"`
	Supplier           string   `json:"supplier"`
	SupplierIdentifier string   `json:"supplier_identifier"`
	AmountCents        int64    `json:"amount_cents"`
	LabourCostCents    *int64   `json:"labour_cost_cents" doc:"null: not entered, the invoice counts for nothing"`
	SSETypes           []string `json:"sse_types"`
}

// LevyOutput is a computed statement with its rule.
type LevyOutput struct {
	Body struct {
		Country           string            `json:"country" enum:"FR,DE"`
		Year              int               `json:"year"`
		ContributionCents int64             `json:"contribution_cents"`
		EmploymentRate    float64           `json:"employment_rate"`
		Invoices          []LevyInvoiceBody `json:"invoices"`
		AmountCents       int64             `json:"amount_cents"`
		LabourCostCents   int64             `json:"labour_cost_cents"`
		MissingLabourCost int               `json:"missing_labour_cost" doc:"Invoices without a labour cost"`
		RatePercent       int               `json:"rate_percent" doc:"Share of the labour cost that offsets the levy"`
		GrossCents        int64             `json:"gross_cents"`
		CapPercent        int               `json:"cap_percent" doc:"Share of the levy the offset may reach"`
		CapCents          int64             `json:"cap_cents"`
		OffsetCents       int64             `json:"offset_cents"`
		Capped            bool              `json:"capped"`
		Rule              string            `json:"rule" doc:"The rule, in the request's language"`
		Source            string            `json:"source" doc:"Its legal source"`
	}
}

func registerPurchases(r *routes, ps *core.Purchases) {
	tag := []string{"Purchases"}
	rule := Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}
	base := "/api/v1/organisations/{orgID}/purchases"
	maxSize := ps.MaxSize()
	uploadSchema := &huma.Schema{Type: "object", Required: []string{"file"}, Properties: map[string]*huma.Schema{
		"file": {Type: "string", Format: "binary", Description: "The ledger: CSV or XLSX, decided from the content"},
	}}
	importSchema := r.api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[PurchaseImportBody](), true, "")
	r.stream(rule, huma.Operation{
		OperationID: "upload-purchase-ledger", Method: http.MethodPost, Path: base + "/imports", Tags: tag,
		Summary: "Upload a purchase ledger",
		Description: fmt.Sprintf("Members of the organisation upload their purchase ledger (at most %s): CSV (delimiter , ; or tab, UTF-8 "+
			"with or without BOM, else Windows-1252; decimal comma or point) or XLSX (first sheet), one header line then one line per invoice. "+
			"Columns, recognised by their titles in English, French, German or Dutch: supplier identifier (SIRET, SIREN, VAT number, Belgian "+
			"enterprise number, Luxembourg RCS, German register entry), amount, currency (default EUR), date, category (CPV code or text), "+
			"optionally invoice reference and labour cost (an amount, or a percentage with %% or a percent column title). "+
			"Send multipart/form-data with the field file, or the file itself as the body with ?filename=. The answer (202) is the import "+
			"in state parsing: poll GET …/imports/{importID} for its progress. Every row is imported at once, or none: a ledger with any bad "+
			"row fails with its row-by-row report. The same file (same bytes, by SHA-256) while an import of it is parsing or done is refused "+
			"(409, naming that import's date and file name): delete that import first. An XLSX workbook may unpack to at most 64 MiB; "+
			"its rows may not go past row 100,001 (empty rows count); cells right of column 64 are ignored.", domain.FileSize(maxSize).EN),
		Parameters: []*huma.Param{
			{Name: "orgID", In: "path", Required: true, Schema: &huma.Schema{Type: "string", Format: "uuid"}},
			{Name: "filename", In: "query", Description: "Raw-body uploads only: the file's name", Schema: &huma.Schema{Type: "string", MaxLength: intPtr(255)}},
		},
		RequestBody: &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{
			"multipart/form-data":      {Schema: uploadSchema},
			"application/octet-stream": {Schema: &huma.Schema{Type: "string", Format: "binary"}},
		}},
		Responses: map[string]*huma.Response{
			"202": {Description: "Accepted: the job reads it", Headers: map[string]*huma.Param{"Location": {Schema: &huma.Schema{Type: "string"}}},
				Content: map[string]*huma.MediaType{"application/json": {Schema: importSchema}}},
			"409":     problemResponse(r, "The organisation already imported this file (parsing or done): the detail names that import"),
			"413":     problemResponse(r, "The body is larger than the upload limit"),
			"422":     problemResponse(r, "Not a CSV file nor an XLSX workbook (errors[].location body.file)"),
			"default": problemResponse(r, "Error"),
		},
	}, maxSize+multipartOverhead, uploadLedger(ps, maxSize))

	handle(r, rule, huma.Operation{OperationID: "list-purchase-imports", Method: http.MethodGet, Path: base + "/imports", Tags: tag,
		Summary: "List the ledger imports", Description: "Newest first, a page at a time, without their error lists. Members only."},
		func(ctx context.Context, in *PurchaseImportListInput) (*PurchaseImportListOutput, error) {
			page, next, err := ps.ListImports(ctx, authFrom(ctx).principal, in.OrgID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			l := requestLanguage(ctx, in.AcceptLanguage)
			out := &PurchaseImportListOutput{}
			out.Body.Items = mapItems(page, func(i domain.PurchaseImport) PurchaseImportBody { return purchaseImportBody(i, l) })
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, rule, huma.Operation{OperationID: "get-purchase-import", Method: http.MethodGet, Path: base + "/imports/{importID}", Tags: tag,
		Summary: "A ledger import: progress, errors, SSE share",
		Description: "Poll while state is parsing (rows_done of rows_total). Once failed, the first 1000 errors with their line, column and message " +
			"(error_count counts them all); once done, the share of the import bought from SSE suppliers by year. Another organisation's import is 404."},
		func(ctx context.Context, in *PurchaseImportInput) (*PurchaseImportOutput, error) {
			p := authFrom(ctx).principal
			imp, err := ps.GetImport(ctx, p, in.OrgID, in.ImportID)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &PurchaseImportOutput{}
			out.Body.PurchaseImportBody = purchaseImportBody(imp, requestLanguage(ctx, in.AcceptLanguage))
			out.Body.SSEShare = []SSEShareBody{}
			if imp.State == domain.ImportDone {
				shares, err := ps.SSEShare(ctx, p, in.OrgID, imp.ID)
				if err != nil {
					return nil, toHTTP(err)
				}
				out.Body.SSEShare = mapItems(shares, sseShareBody)
			}
			return out, nil
		})

	handle(r, rule, huma.Operation{OperationID: "delete-purchase-import", Method: http.MethodDelete, Path: base + "/imports/{importID}", Tags: tag,
		Summary: "Delete a ledger import", DefaultStatus: http.StatusNoContent,
		Description: "Deletes the import and every purchase it brought, in one transaction (audit log entry purchases.import_deleted): the SSE " +
			"share and the levy offsets no longer count them, and the same file may be uploaded again. Members of the organisation only; " +
			"another organisation's import is 404."},
		func(ctx context.Context, in *PurchaseImportInput) (*NoContentOutput, error) {
			if err := ps.DeleteImport(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.ImportID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})

	handle(r, rule, huma.Operation{OperationID: "export-purchase-import-errors", Method: http.MethodGet, Path: base + "/imports/{importID}/errors.csv", Tags: tag,
		Summary:     "A failed import's errors as CSV",
		Description: "line, column, code, message (in the request's language), UTF-8 with a BOM so that spreadsheets read it; the listed errors (at most 1000).",
		Responses:   map[string]*huma.Response{"200": {Description: "The CSV file", Content: map[string]*huma.MediaType{"text/csv": {}}}}},
		func(ctx context.Context, in *PurchaseImportInput) (*huma.StreamResponse, error) {
			imp, err := ps.GetImport(ctx, authFrom(ctx).principal, in.OrgID, in.ImportID)
			if err != nil {
				return nil, toHTTP(err)
			}
			l := requestLanguage(ctx, in.AcceptLanguage)
			return &huma.StreamResponse{Body: func(hc huma.Context) {
				gc := humagin.Unwrap(hc)
				h := gc.Writer.Header()
				h.Set("Content-Type", "text/csv; charset=utf-8")
				h.Set("Content-Disposition", `attachment; filename="ledger-errors.csv"`)
				h.Set("Cache-Control", "no-store")
				gc.Status(http.StatusOK)
				_, _ = gc.Writer.WriteString("\ufeff")
				w := csv.NewWriter(gc.Writer)
				_ = w.Write([]string{"line", "column", "code", "message"})
				for _, e := range imp.Errors {
					_ = w.Write([]string{strconv.Itoa(e.Line), e.Column, e.Code, csvCell(e.Message.With()[l])})
				}
				w.Flush()
			}}, nil
		})

	handle(r, rule, huma.Operation{OperationID: "list-purchases", Method: http.MethodGet, Path: base, Tags: tag,
		Summary: "List the purchases",
		Description: "Latest invoice first, a page at a time, each with the supplier's SSE statuses verified at the invoice date. Filters: import, year, " +
			"supplier=known|unknown. Members only."},
		func(ctx context.Context, in *PurchaseListInput) (*PurchaseListOutput, error) {
			f := domain.PurchaseFilter{ImportID: in.ImportID, Year: in.Year}
			if in.Supplier != "" {
				known := in.Supplier == "known"
				f.Matched = &known
			}
			page, next, err := ps.List(ctx, authFrom(ctx).principal, in.OrgID, f, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &PurchaseListOutput{}
			out.Body.Items = mapItems(page, purchaseBody)
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, rule, huma.Operation{OperationID: "set-purchase-labour-cost", Method: http.MethodPatch, Path: base + "/{purchaseID}", Tags: tag,
		Summary: "Set a purchase's labour cost", DefaultStatus: http.StatusNoContent,
		Description: "The labour cost of the invoice, as cents or as a percentage of the amount; neither clears it. It feeds the levy offset statements."},
		func(ctx context.Context, in *PurchasePatchInput) (*NoContentOutput, error) {
			err := ps.SetLabourCost(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.PurchaseID,
				core.LabourCostPatch{Cents: in.Body.LabourCostCents, Percent: in.Body.LabourCostPercent})
			if err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})

	handle(r, rule, huma.Operation{OperationID: "get-purchase-sse-share", Method: http.MethodGet, Path: base + "/sse-share", Tags: tag,
		Summary:     "Share bought from SSE suppliers, by year",
		Description: "Purchases in euros, in all and from suppliers with an SSE status verified and valid at the invoice date, latest year first."},
		func(ctx context.Context, in *PurchaseOrgInput) (*SSEShareOutput, error) {
			shares, err := ps.SSEShare(ctx, authFrom(ctx).principal, in.OrgID, "")
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &SSEShareOutput{}
			out.Body.Items = mapItems(shares, sseShareBody)
			return out, nil
		})

	handle(r, rule, huma.Operation{OperationID: "get-levy-offset", Method: http.MethodGet, Path: base + "/levy-offset", Tags: tag,
		Summary: "Levy offset figures",
		Description: "France (country=FR): 30 % of the labour cost of invoices from ESAT and EA, within 50 % of the contribution (75 % from an " +
			"employment rate of 3 %; Code du travail L5212-10-1, D5212-22). Germany (country=DE): 50 % of the labour share of WfbM invoices, " +
			"within the Ausgleichsabgabe due (§223 SGB IX). Counted: the year's invoices in euros from suppliers whose status was verified " +
			"and valid at the invoice date."},
		func(ctx context.Context, in *LevyInput) (*LevyOutput, error) {
			st, err := ps.LevyOffset(ctx, authFrom(ctx).principal, in.OrgID, in.core())
			if err != nil {
				return nil, toHTTP(err)
			}
			return levyOutput(st, requestLanguage(ctx, in.AcceptLanguage)), nil
		})

	handle(r, rule, huma.Operation{OperationID: "get-levy-offset-pdf", Method: http.MethodGet, Path: base + "/levy-offset.pdf", Tags: tag,
		Summary: "Levy offset statement (PDF)", Description: "The statement of GET …/levy-offset, printable, in the request's language.",
		Responses: map[string]*huma.Response{"200": {Description: "The PDF", Content: map[string]*huma.MediaType{"application/pdf": {}}}}},
		func(ctx context.Context, in *LevyInput) (*huma.StreamResponse, error) {
			var buf bytes.Buffer
			l := requestLanguage(ctx, in.AcceptLanguage)
			if err := ps.LevyStatementPDF(ctx, authFrom(ctx).principal, in.OrgID, in.core(), l, &buf); err != nil {
				return nil, toHTTP(err)
			}
			return &huma.StreamResponse{Body: func(hc huma.Context) {
				hc.SetHeader("Content-Type", "application/pdf")
				hc.SetHeader("Content-Disposition", fmt.Sprintf(`attachment; filename="levy-offset-%s-%d.pdf"`, in.Country, in.Year))
				hc.SetHeader("Cache-Control", "no-store")
				hc.SetStatus(http.StatusOK)
				_, _ = hc.BodyWriter().Write(buf.Bytes())
			}}, nil
		})
}

func levyOutput(st core.LevyStatement, l domain.Language) *LevyOutput {
	out := &LevyOutput{}
	b := &out.Body
	b.Country, b.Year, b.ContributionCents, b.EmploymentRate = string(st.Input.Country), st.Input.Year, st.Input.ContributionCents, st.Input.EmploymentRate
	b.Invoices = make([]LevyInvoiceBody, 0, len(st.Invoices))
	for _, inv := range st.Invoices {
		b.Invoices = append(b.Invoices, LevyInvoiceBody{PurchaseID: inv.PurchaseID, InvoiceDate: inv.InvoiceDate.Format(time.DateOnly),
			InvoiceReference: inv.InvoiceReference, Supplier: inv.Supplier, SupplierIdentifier: inv.SupplierIdentifier,
			AmountCents: inv.AmountCents, LabourCostCents: inv.LabourCostCents, SSETypes: append([]string{}, inv.SSETypes...)})
	}
	b.AmountCents, b.LabourCostCents, b.MissingLabourCost = st.AmountCents, st.LabourCostCents, st.MissingLabour
	b.RatePercent, b.GrossCents, b.CapPercent, b.CapCents = st.RatePercent, st.GrossCents, st.CapPercent, st.CapCents
	b.OffsetCents, b.Capped = st.OffsetCents, st.Capped
	rule, source := core.LevyRule(st.Input.Country)
	b.Rule, b.Source = rule.With()[l], source.With()[l]
	return out
}

// uploadLedger streams one ledger upload into core.Purchases.Upload.
func uploadLedger(ps *core.Purchases, maxSize int64) gin.HandlerFunc {
	limit := maxSize + multipartOverhead
	return func(c *gin.Context) {
		if c.Request.ContentLength > limit {
			c.Header("Connection", "close")
			writeLocalizedProblem(c, http.StatusRequestEntityTooLarge, sentences(domain.FileTooLarge(maxSize)))
			return
		}
		rc := http.NewResponseController(c.Writer)
		_ = rc.SetReadDeadline(time.Now().Add(uploadTimeout))
		_ = rc.SetWriteDeadline(time.Now().Add(uploadTimeout + time.Minute))

		imp, err := readLedgerUpload(c, ps)
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig) || errors.Is(err, core.ErrLedgerTooLarge):
			c.Header("Connection", "close")
			writeLocalizedProblem(c, http.StatusRequestEntityTooLarge, sentences(domain.FileTooLarge(maxSize)))
			return
		case err != nil:
			_, _ = io.Copy(io.Discard, c.Request.Body)
			writeError(c, err)
			return
		}
		c.Header("Location", "/api/v1/organisations/"+c.Param("orgID")+"/purchases/imports/"+imp.ID)
		c.JSON(http.StatusAccepted, purchaseImportBody(imp, ginLanguage(c)))
	}
}

func readLedgerUpload(c *gin.Context, ps *core.Purchases) (domain.PurchaseImport, error) {
	ctx := c.Request.Context()
	actor, principal, orgID := actorFrom(ctx), authFrom(ctx).principal, c.Param("orgID")
	mediaType, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if err != nil || mediaType != "multipart/form-data" {
		imp, err := ps.Upload(ctx, actor, principal, orgID, c.Query("filename"), c.Request.Body)
		return imp, renameFields(err, map[string]string{"file": "body"})
	}
	mr, err := openMultipart(c)
	if err != nil {
		return domain.PurchaseImport{}, err
	}
	for {
		part, err := nextPart(mr)
		if err != nil {
			return domain.PurchaseImport{}, err
		}
		if part.FormName() == "file" {
			imp, err := ps.Upload(ctx, actor, principal, orgID, part.FileName(), part)
			return imp, renameFields(err, map[string]string{"file": "body.file"})
		}
		_ = part.Close()
	}
}
