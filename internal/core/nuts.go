package core

import (
	"context"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// ImportNUTS stores regions (read by taxonomy.ReadNUTS), inserting new
// codes and updating changed ones in one transaction with an audit entry;
// running it again with the same file changes nothing. Codes missing from
// the file are kept: organisations may still point to them.
func ImportNUTS(ctx context.Context, st *store.Store, regions []domain.NUTSRegion) (store.NUTSImport, error) {
	var n store.NUTSImport
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if n, err = tx.UpsertNUTSRegions(ctx, regions); err != nil {
			return err
		}
		if n.Inserted == 0 && n.Updated == 0 {
			return nil
		}
		return tx.Audit(ctx, domain.AuditEntry{Action: "nuts_regions.imported", SubjectType: "nuts_regions", SubjectID: "all",
			After: map[string]any{"inserted": n.Inserted, "updated": n.Updated, "unchanged": n.Unchanged}})
	})
	return n, err
}
