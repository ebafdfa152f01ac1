-- +goose Up
-- Review of issue 10: the same ledger uploaded twice counted its purchases
-- twice. An import keeps the SHA-256 of its file; the same bytes cannot be
-- imported again by the organisation while an import of them is parsing or
-- done (a failed import holds no rows, and a deleted one is gone). Imports
-- from before this migration have no hash.
ALTER TABLE purchase_imports ADD COLUMN content_sha256 bytea CHECK (length(content_sha256) = 32);
CREATE UNIQUE INDEX purchase_imports_same_file ON purchase_imports (organisation_id, content_sha256)
    WHERE state <> 'failed';

-- Rows identical to rows of another import (same supplier, date, amount,
-- currency and invoice reference) are counted in the import's report.
CREATE INDEX purchases_by_invoice ON purchases (organisation_id, supplier_identifier, invoice_date, amount_cents);

-- +goose Down
DROP INDEX purchases_by_invoice;
DROP INDEX purchase_imports_same_file;
ALTER TABLE purchase_imports DROP COLUMN content_sha256;
