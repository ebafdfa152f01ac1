package core

import (
	"context"
	"errors"
	"fmt"

	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
	"passerelle/internal/ledger"
	"passerelle/internal/store"
)

// ProcessPurchaseImport reads an uploaded ledger and ends its import: every
// row inserted in one transaction (one COPY) when all are valid, else none
// and the import failed with its row-by-row report. Progress is recorded as
// the rows are validated. An import already finished is left alone, so the
// job may run twice.
func ProcessPurchaseImport(ctx context.Context, st *store.Store, importID string) error {
	orgID, content, err := st.PurchaseImportContent(ctx, importID)
	if errors.Is(err, domain.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	var progressErr error
	res, err := ledger.Parse(content, func(done, total int) {
		if progressErr == nil {
			progressErr = st.SetPurchaseImportProgress(ctx, importID, done, total)
		}
	})
	if progressErr != nil {
		return progressErr
	}
	imp := domain.PurchaseImport{ID: importID, RowsTotal: res.DataRows}
	var fe *ledger.FileError
	switch {
	case errors.As(err, &fe):
		imp.State, imp.ErrorCount = domain.ImportFailed, 1
		imp.Failure = &fe.Message
		return st.WithTx(ctx, func(tx *store.Tx) error { return tx.FinishPurchaseImport(ctx, imp) })
	case err != nil:
		return err
	case res.ErrorCount > 0:
		imp.State, imp.ErrorCount = domain.ImportFailed, res.ErrorCount
		for _, e := range res.Errors {
			imp.Errors = append(imp.Errors, domain.PurchaseRowError{Line: e.Line, Column: string(e.Column), Code: e.Code, Message: e.Message})
		}
		return st.WithTx(ctx, func(tx *store.Tx) error { return tx.FinishPurchaseImport(ctx, imp) })
	}
	return st.WithTx(ctx, func(tx *store.Tx) error {
		owners, err := tx.MatchOrganisationIdentifiers(ctx, identifierKeys(res.Rows))
		if err != nil {
			return err
		}
		ps := make([]domain.Purchase, len(res.Rows))
		matched := 0
		for i, r := range res.Rows {
			ps[i] = domain.Purchase{Line: r.Line, SupplierKind: string(r.SupplierKind), SupplierIdentifier: r.Supplier,
				SupplierOrganisationID: supplierOf(owners, r), AmountCents: r.Amount, Currency: r.Currency, InvoiceDate: r.Date,
				Category: r.Category, CPV: r.CPV, InvoiceReference: r.InvoiceRef, LabourCostCents: r.LabourCost}
			if ps[i].SupplierOrganisationID != "" {
				matched++
			}
		}
		n, err := tx.InsertPurchases(ctx, orgID, importID, ps)
		if err != nil {
			return fmt.Errorf("insert purchases: %w", err)
		}
		imp.State, imp.RowsImported, imp.RowsMatched = domain.ImportDone, int(n), matched
		return tx.FinishPurchaseImport(ctx, imp)
	})
}

// msgImportAborted is the failure of an import the job could not finish.
var msgImportAborted = domain.Msg{
	EN: "The import could not be completed because of an error on our side; nothing was imported. Upload the ledger again later, and tell the platform if it happens again.",
	FR: "L'import n'a pas pu aboutir à cause d'une erreur de notre côté ; rien n'a été importé. Téléversez à nouveau le registre plus tard, et prévenez la plateforme si cela se reproduit.",
	DE: "Der Import konnte wegen eines Fehlers auf unserer Seite nicht abgeschlossen werden; nichts wurde importiert. Laden Sie das Journal später erneut hoch und informieren Sie die Plattform, wenn es wieder vorkommt.",
	NL: "De import kon niet worden voltooid door een fout aan onze kant; er is niets geïmporteerd. Upload het register later opnieuw, en meld het aan het platform als het opnieuw gebeurt.",
}

// FailPurchaseImport ends an import still parsing as failed, with a
// localized reason, when its job gives up (its last attempt failed): the
// buyer sees the failure instead of a progress bar that never ends. No
// row was inserted, since rows go in with the import's end in one
// transaction.
func FailPurchaseImport(ctx context.Context, st *store.Store, importID string) error {
	imp := domain.PurchaseImport{ID: importID, State: domain.ImportFailed, ErrorCount: 1, Failure: &msgImportAborted}
	return st.WithTx(ctx, func(tx *store.Tx) error { return tx.FinishPurchaseImport(ctx, imp) })
}

// matchKeys are the identifiers under which a row's supplier may be known:
// its own, and for a SIRET (an establishment) also its company's SIREN,
// and for a French VAT number the SIREN it carries.
func matchKeys(r ledger.Row) []string {
	keys := []string{string(r.SupplierKind) + ":" + r.Supplier}
	switch r.SupplierKind {
	case legalid.FRSIRET:
		if len(r.Supplier) == 14 {
			keys = append(keys, string(legalid.FRSIREN)+":"+r.Supplier[:9])
		}
	case legalid.FRVAT:
		if len(r.Supplier) == 13 {
			keys = append(keys, string(legalid.FRSIREN)+":"+r.Supplier[4:])
		}
	case legalid.BEVAT:
		keys = append(keys, string(legalid.BEEnterprise)+":"+legalid.Normalize(legalid.BEEnterprise, r.Supplier[2:]))
	case legalid.BEEnterprise:
		keys = append(keys, string(legalid.BEVAT)+":"+legalid.Normalize(legalid.BEVAT, "BE"+r.Supplier))
	}
	return keys
}

func identifierKeys(rows []ledger.Row) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rows {
		for _, k := range matchKeys(r) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

func supplierOf(owners map[string]string, r ledger.Row) string {
	for _, k := range matchKeys(r) {
		if id, ok := owners[k]; ok {
			return id
		}
	}
	return ""
}
