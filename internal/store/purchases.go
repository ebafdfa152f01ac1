package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// storedRowError is a ledger error as purchase_imports.errors keeps it.
type storedRowError struct {
	Line     int               `json:"line"`
	Column   string            `json:"column"`
	Code     string            `json:"code"`
	Messages map[string]string `json:"messages"`
}

func msgToMap(m domain.Msg) map[string]string {
	return map[string]string{"en": m.EN, "fr": m.FR, "de": m.DE, "nl": m.NL}
}

func msgFromMap(m map[string]string) domain.Msg {
	return domain.Msg{EN: m["en"], FR: m["fr"], DE: m["de"], NL: m["nl"]}
}

func purchaseImportFromRow(r sqlc.GetPurchaseImportRow) domain.PurchaseImport {
	out := domain.PurchaseImport{ID: r.ID.String(), OrganisationID: r.OrganisationID.String(), Filename: r.Filename,
		Format: r.Format, State: domain.PurchaseImportState(r.State), RowsTotal: int(r.RowsTotal), RowsDone: int(r.RowsDone),
		RowsImported: int(r.RowsImported), RowsMatched: int(r.RowsMatched), ErrorCount: int(r.ErrorCount),
		CreatedAt: r.CreatedAt, FinishedAt: r.FinishedAt, Errors: []domain.PurchaseRowError{}}
	if r.UploadedBy != nil {
		out.UploadedBy = r.UploadedBy.String()
	}
	var stored []storedRowError
	if len(r.Errors) > 0 && json.Unmarshal(r.Errors, &stored) == nil {
		for _, e := range stored {
			out.Errors = append(out.Errors, domain.PurchaseRowError{Line: e.Line, Column: e.Column, Code: e.Code, Message: msgFromMap(e.Messages)})
		}
	}
	if len(r.Failure) > 0 {
		var m map[string]string
		if json.Unmarshal(r.Failure, &m) == nil {
			f := msgFromMap(m)
			out.Failure = &f
		}
	}
	return out
}

// CreatePurchaseImport records an uploaded ledger, its content kept until
// the job has read it, and its SHA-256 (sum): the organisation's same file
// while imported (parsing or done) is domain.ErrConflict.
func (t *Tx) CreatePurchaseImport(ctx context.Context, orgID, userID, filename, format string, content, sum []byte) (domain.PurchaseImport, error) {
	oid, err := parseID("organisation_id", orgID)
	if err != nil {
		return domain.PurchaseImport{}, err
	}
	uid, err := optionalID("uploaded_by", userID)
	if err != nil {
		return domain.PurchaseImport{}, err
	}
	r, err := t.q.CreatePurchaseImport(ctx, sqlc.CreatePurchaseImportParams{ID: uuid.MustParse(NewID()), OrganisationID: oid,
		UploadedBy: uid, Filename: filename, Format: format, Content: content, ContentSha256: sum})
	if err != nil {
		return domain.PurchaseImport{}, mapError(err)
	}
	return purchaseImportFromRow(sqlc.GetPurchaseImportRow(r)), nil
}

// GetPurchaseImport returns orgID's import id; another organisation's is
// domain.ErrNotFound.
func (s *Store) GetPurchaseImport(ctx context.Context, orgID, id string) (domain.PurchaseImport, error) {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return domain.PurchaseImport{}, err
	}
	iid, err := uuid.Parse(id)
	if err != nil {
		return domain.PurchaseImport{}, domain.ErrNotFound
	}
	r, err := s.q.GetPurchaseImport(ctx, sqlc.GetPurchaseImportParams{ID: iid, OrganisationID: oid})
	if err != nil {
		return domain.PurchaseImport{}, mapError(err)
	}
	return purchaseImportFromRow(r), nil
}

// ListPurchaseImports returns a page of orgID's imports, newest first
// (without their error lists), and the cursor of the next page.
func (s *Store) ListPurchaseImports(ctx context.Context, orgID, after string, limit int) ([]domain.PurchaseImport, string, error) {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return nil, "", err
	}
	c, err := decodeCursor(after)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListPurchaseImports(ctx, sqlc.ListPurchaseImportsParams{OrganisationID: oid, First: after == "",
		BeforeCreatedAt: c.at, BeforeID: c.id, RowLimit: int32(limit + 1)})
	if err != nil {
		return nil, "", mapError(err)
	}
	out := make([]domain.PurchaseImport, 0, len(rows))
	for _, r := range rows {
		out = append(out, purchaseImportFromRow(sqlc.GetPurchaseImportRow(r)))
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		last := out[limit-1]
		next = encodeCursor(last.CreatedAt, uuid.MustParse(last.ID))
	}
	return out, next, nil
}

// PurchaseImportContent returns the file of an import still parsing and
// its organisation; domain.ErrNotFound once it is finished.
func (s *Store) PurchaseImportContent(ctx context.Context, id string) (orgID string, content []byte, err error) {
	iid, err := parseID("import_id", id)
	if err != nil {
		return "", nil, err
	}
	r, err := s.q.GetPurchaseImportContent(ctx, iid)
	if err != nil {
		return "", nil, mapError(err)
	}
	return r.OrganisationID.String(), r.Content, nil
}

// SetPurchaseImportProgress records rows done of total.
func (s *Store) SetPurchaseImportProgress(ctx context.Context, id string, done, total int) error {
	iid, err := parseID("import_id", id)
	if err != nil {
		return err
	}
	return mapError(s.q.SetPurchaseImportProgress(ctx, sqlc.SetPurchaseImportProgressParams{ID: iid, RowsDone: int32(done), RowsTotal: int32(total)}))
}

// FinishPurchaseImport ends import id in state with its counts, errors and
// failure, and drops its file.
func (t *Tx) FinishPurchaseImport(ctx context.Context, imp domain.PurchaseImport) error {
	iid, err := parseID("import_id", imp.ID)
	if err != nil {
		return err
	}
	stored := make([]storedRowError, 0, len(imp.Errors))
	for _, e := range imp.Errors {
		stored = append(stored, storedRowError{Line: e.Line, Column: e.Column, Code: e.Code, Messages: msgToMap(e.Message)})
	}
	errs, err := json.Marshal(stored)
	if err != nil {
		return err
	}
	var failure []byte
	if imp.Failure != nil {
		if failure, err = json.Marshal(msgToMap(*imp.Failure)); err != nil {
			return err
		}
	}
	return mapError(t.q.FinishPurchaseImport(ctx, sqlc.FinishPurchaseImportParams{ID: iid, State: string(imp.State),
		RowsTotal: int32(imp.RowsTotal), RowsImported: int32(imp.RowsImported), RowsMatched: int32(imp.RowsMatched),
		ErrorCount: int32(imp.ErrorCount), Errors: errs, Failure: failure}))
}

// MatchOrganisationIdentifiers maps "kind:value" keys to the organisations
// holding those identifiers; keys nobody holds are absent.
func (t *Tx) MatchOrganisationIdentifiers(ctx context.Context, keys []string) (map[string]string, error) {
	rows, err := t.q.MatchOrganisationIdentifiers(ctx, keys)
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Kind+":"+r.Value] = r.OrganisationID.String()
	}
	return out, nil
}

// InsertPurchases writes every purchase of an import with one COPY.
func (t *Tx) InsertPurchases(ctx context.Context, orgID, importID string, ps []domain.Purchase) (int64, error) {
	oid, err := parseID("organisation_id", orgID)
	if err != nil {
		return 0, err
	}
	iid, err := parseID("import_id", importID)
	if err != nil {
		return 0, err
	}
	rows := make([]sqlc.InsertPurchasesParams, len(ps))
	for i, p := range ps {
		sup, err := optionalID("supplier_organisation_id", p.SupplierOrganisationID)
		if err != nil {
			return 0, err
		}
		rows[i] = sqlc.InsertPurchasesParams{ID: uuid.Must(uuid.NewV7()), OrganisationID: oid, ImportID: iid, Line: int32(p.Line),
			SupplierIdentifierKind: p.SupplierKind, SupplierIdentifier: p.SupplierIdentifier, SupplierOrganisationID: sup,
			AmountCents: p.AmountCents, Currency: p.Currency, InvoiceDate: p.InvoiceDate, Category: p.Category,
			CpvCode: nonEmpty(p.CPV), InvoiceReference: nonEmpty(p.InvoiceReference), LabourCostCents: p.LabourCostCents}
	}
	n, err := t.q.InsertPurchases(ctx, rows)
	return n, mapError(err)
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// CountPurchases counts orgID's purchases.
func (s *Store) CountPurchases(ctx context.Context, orgID string) (int, error) {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return 0, err
	}
	n, err := s.q.CountPurchases(ctx, oid)
	return int(n), mapError(err)
}

func supplierName(legal string, trade *string) string {
	if trade != nil && *trade != "" {
		return *trade
	}
	return legal
}

// ListPurchases returns a page of orgID's purchases, latest invoice first,
// and the cursor of the next page.
func (s *Store) ListPurchases(ctx context.Context, orgID string, f domain.PurchaseFilter, after string, limit int) ([]domain.Purchase, string, error) {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return nil, "", err
	}
	imp, err := optionalID("query.import", f.ImportID)
	if err != nil {
		return nil, "", err
	}
	c, err := decodeCursor(after)
	if err != nil {
		return nil, "", err
	}
	var year *int32
	if f.Year != 0 {
		y := int32(f.Year)
		year = &y
	}
	rows, err := s.q.ListPurchases(ctx, sqlc.ListPurchasesParams{OrganisationID: oid, ImportID: imp, Year: year, Matched: f.Matched,
		First: after == "", BeforeDate: c.at, BeforeID: c.id, RowLimit: int32(limit + 1)})
	if err != nil {
		return nil, "", mapError(err)
	}
	out := make([]domain.Purchase, 0, len(rows))
	for _, r := range rows {
		p := domain.Purchase{ID: r.ID.String(), ImportID: r.ImportID.String(), Line: int(r.Line), SupplierKind: r.SupplierIdentifierKind,
			SupplierIdentifier: r.SupplierIdentifier, AmountCents: r.AmountCents, Currency: r.Currency, InvoiceDate: r.InvoiceDate,
			Category: r.Category, LabourCostCents: r.LabourCostCents, SSETypes: []domain.SSEStatusType{}}
		if r.SupplierOrganisationID != nil {
			p.SupplierOrganisationID = r.SupplierOrganisationID.String()
		}
		if r.SupplierLegalName != nil {
			p.SupplierName = supplierName(*r.SupplierLegalName, r.SupplierTradeName)
		}
		if r.CpvCode != nil {
			p.CPV = *r.CpvCode
		}
		if r.InvoiceReference != nil {
			p.InvoiceReference = *r.InvoiceReference
		}
		for _, t := range r.SseTypes {
			p.SSETypes = append(p.SSETypes, domain.SSEStatusType(t))
		}
		out = append(out, p)
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		last := out[limit-1]
		next = encodeCursor(last.InvoiceDate, uuid.MustParse(last.ID))
	}
	return out, next, nil
}

// PurchaseAmount returns the amount of orgID's purchase id (ErrNotFound
// for another organisation's).
func (s *Store) PurchaseAmount(ctx context.Context, orgID, id string) (int64, error) {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return 0, err
	}
	pid, err := uuid.Parse(id)
	if err != nil {
		return 0, domain.ErrNotFound
	}
	n, err := s.q.GetPurchaseAmount(ctx, sqlc.GetPurchaseAmountParams{ID: pid, OrganisationID: oid})
	return n, mapError(err)
}

// SetPurchaseLabourCost sets (or clears, with nil) the labour cost of
// orgID's purchase id.
func (t *Tx) SetPurchaseLabourCost(ctx context.Context, orgID, id string, cents *int64) error {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return err
	}
	pid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	_, err = t.q.SetPurchaseLabourCost(ctx, sqlc.SetPurchaseLabourCostParams{ID: pid, OrganisationID: oid, LabourCostCents: cents})
	return mapError(err)
}

// PurchaseSSEShare returns, by year (latest first), what orgID bought in
// euros and from SSE suppliers; importID "" covers every import.
func (s *Store) PurchaseSSEShare(ctx context.Context, orgID, importID string) ([]domain.SSEShare, error) {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return nil, err
	}
	imp, err := optionalID("import_id", importID)
	if err != nil {
		return nil, err
	}
	rows, err := s.q.PurchaseSSEShare(ctx, sqlc.PurchaseSSEShareParams{OrganisationID: oid, ImportID: imp})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.SSEShare, 0, len(rows))
	for _, r := range rows {
		out = append(out, domain.SSEShare{Year: int(r.Year), Purchases: int(r.Purchases), Unmatched: int(r.Unmatched),
			TotalCents: r.TotalCents, SSECents: r.SseCents})
	}
	return out, nil
}

// LevyPurchase is a purchase that counts towards a levy offset.
type LevyPurchase struct {
	ID, InvoiceReference, SupplierIdentifier, SupplierName string
	InvoiceDate                                            time.Time
	AmountCents                                            int64
	LabourCostCents                                        *int64
	SSETypes                                               []string
}

// LevyPurchases returns orgID's purchases in euros of year from suppliers
// with a status of one of types verified at the invoice date.
func (s *Store) LevyPurchases(ctx context.Context, orgID string, year int, types []domain.SSEStatusType) ([]LevyPurchase, error) {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return nil, err
	}
	ts := make([]string, len(types))
	for i, t := range types {
		ts[i] = string(t)
	}
	rows, err := s.q.LevyPurchases(ctx, sqlc.LevyPurchasesParams{Types: ts, OrganisationID: oid, Year: int32(year)})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]LevyPurchase, 0, len(rows))
	for _, r := range rows {
		lp := LevyPurchase{ID: r.ID.String(), SupplierIdentifier: r.SupplierIdentifier, SupplierName: supplierName(r.SupplierLegalName, r.SupplierTradeName),
			InvoiceDate: r.InvoiceDate, AmountCents: r.AmountCents, LabourCostCents: r.LabourCostCents, SSETypes: r.SseTypes}
		if r.InvoiceReference != nil {
			lp.InvoiceReference = *r.InvoiceReference
		}
		out = append(out, lp)
	}
	return out, nil
}
