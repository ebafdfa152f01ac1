package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// PurchaseImportRef names an import: what a person recognises it by.
type PurchaseImportRef struct {
	ID, Filename string
	CreatedAt    time.Time
}

// FindPurchaseImportOfFile returns orgID's import (parsing or done) of the
// file whose SHA-256 is sum; domain.ErrNotFound when there is none.
func (s *Store) FindPurchaseImportOfFile(ctx context.Context, orgID string, sum []byte) (PurchaseImportRef, error) {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return PurchaseImportRef{}, err
	}
	r, err := s.q.FindPurchaseImportOfFile(ctx, sqlc.FindPurchaseImportOfFileParams{OrganisationID: oid, ContentSha256: sum})
	if err != nil {
		return PurchaseImportRef{}, mapError(err)
	}
	return PurchaseImportRef{ID: r.ID.String(), Filename: r.Filename, CreatedAt: r.CreatedAt}, nil
}

// DeletedPurchaseImport is what a deleted import held, for the audit log.
type DeletedPurchaseImport struct {
	Filename, State string
	RowsImported    int
}

// DeletePurchaseImport deletes orgID's import id and its purchases;
// another organisation's is domain.ErrNotFound.
func (t *Tx) DeletePurchaseImport(ctx context.Context, orgID, id string) (DeletedPurchaseImport, error) {
	oid, err := parseID("orgID", orgID)
	if err != nil {
		return DeletedPurchaseImport{}, err
	}
	iid, err := uuid.Parse(id)
	if err != nil {
		return DeletedPurchaseImport{}, domain.ErrNotFound
	}
	r, err := t.q.DeletePurchaseImport(ctx, sqlc.DeletePurchaseImportParams{ID: iid, OrganisationID: oid})
	if err != nil {
		return DeletedPurchaseImport{}, mapError(err)
	}
	return DeletedPurchaseImport{Filename: r.Filename, State: r.State, RowsImported: int(r.RowsImported)}, nil
}

// CountDuplicatePurchases counts import id's purchases identical to a
// purchase of another import of the same organisation (same supplier,
// date, amount, currency and invoice reference).
func (s *Store) CountDuplicatePurchases(ctx context.Context, id string) (int, error) {
	iid, err := parseID("import_id", id)
	if err != nil {
		return 0, err
	}
	n, err := s.q.CountDuplicatePurchases(ctx, iid)
	return int(n), mapError(err)
}
