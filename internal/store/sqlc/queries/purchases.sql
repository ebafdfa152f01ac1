-- name: CreatePurchaseImport :one
INSERT INTO purchase_imports (id, organisation_id, uploaded_by, filename, format, content, content_sha256)
VALUES (sqlc.arg(id), sqlc.arg(organisation_id), sqlc.narg(uploaded_by), sqlc.arg(filename), sqlc.arg(format), sqlc.arg(content),
    sqlc.arg(content_sha256))
RETURNING id, organisation_id, uploaded_by, filename, format, state, rows_total, rows_done, rows_imported, rows_matched,
    error_count, errors, failure, created_at, finished_at;

-- name: GetPurchaseImport :one
SELECT id, organisation_id, uploaded_by, filename, format, state, rows_total, rows_done, rows_imported, rows_matched,
    error_count, errors, failure, created_at, finished_at
FROM purchase_imports WHERE id = sqlc.arg(id) AND organisation_id = sqlc.arg(organisation_id);

-- name: FindPurchaseImportOfFile :one
-- The import of the same file (by its SHA-256) the organisation holds,
-- parsing or done.
SELECT id, filename, created_at FROM purchase_imports
WHERE organisation_id = sqlc.arg(organisation_id) AND content_sha256 = sqlc.arg(content_sha256) AND state <> 'failed'
LIMIT 1;

-- name: DeletePurchaseImport :one
-- Deletes an import; its purchases go with it (ON DELETE CASCADE).
DELETE FROM purchase_imports WHERE id = sqlc.arg(id) AND organisation_id = sqlc.arg(organisation_id)
RETURNING filename, state, rows_imported;

-- name: CountDuplicatePurchases :one
-- The import's purchases identical to a purchase of another of the
-- organisation's imports: same supplier, date, amount, currency and
-- invoice reference (both absent counts as the same).
SELECT count(*)::int FROM purchases p
WHERE p.import_id = sqlc.arg(import_id) AND EXISTS (
    SELECT 1 FROM purchases q
    WHERE q.organisation_id = p.organisation_id AND q.import_id <> p.import_id
      AND q.supplier_identifier = p.supplier_identifier AND q.supplier_identifier_kind = p.supplier_identifier_kind
      AND q.invoice_date = p.invoice_date AND q.amount_cents = p.amount_cents AND q.currency = p.currency
      AND q.invoice_reference IS NOT DISTINCT FROM p.invoice_reference);

-- name: GetPurchaseImportContent :one
-- The file of an import still being parsed, for the job.
SELECT organisation_id, content FROM purchase_imports WHERE id = $1 AND state = 'parsing' AND content IS NOT NULL;

-- name: ListPurchaseImports :many
-- One page of an organisation's imports, newest first.
SELECT id, organisation_id, uploaded_by, filename, format, state, rows_total, rows_done, rows_imported, rows_matched,
    error_count, '[]'::jsonb AS errors, failure, created_at, finished_at
FROM purchase_imports
WHERE organisation_id = sqlc.arg(organisation_id)
  AND (sqlc.arg(first)::boolean OR (created_at, id) < (sqlc.arg(before_created_at)::timestamptz, sqlc.arg(before_id)::uuid))
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(row_limit);

-- name: SetPurchaseImportProgress :exec
UPDATE purchase_imports SET rows_done = sqlc.arg(rows_done), rows_total = sqlc.arg(rows_total)
WHERE id = sqlc.arg(id) AND state = 'parsing';

-- name: FinishPurchaseImport :exec
-- Ends an import (done or failed) and drops its file.
UPDATE purchase_imports SET state = sqlc.arg(state), rows_total = sqlc.arg(rows_total), rows_done = sqlc.arg(rows_total),
    rows_imported = sqlc.arg(rows_imported), rows_matched = sqlc.arg(rows_matched), error_count = sqlc.arg(error_count),
    errors = sqlc.arg(errors), failure = sqlc.narg(failure), content = NULL, finished_at = now()
WHERE id = sqlc.arg(id) AND state = 'parsing';

-- name: MatchOrganisationIdentifiers :many
-- The organisations holding any of the identifiers, given as "kind:value".
SELECT i.kind, i.value, i.organisation_id
FROM organisation_identifiers i
WHERE i.kind || ':' || i.value = ANY (sqlc.arg(keys)::text[]);

-- name: InsertPurchases :copyfrom
INSERT INTO purchases (id, organisation_id, import_id, line, supplier_identifier_kind, supplier_identifier, supplier_organisation_id,
    amount_cents, currency, invoice_date, category, cpv_code, invoice_reference, labour_cost_cents)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);

-- name: CountPurchases :one
SELECT count(*)::int FROM purchases WHERE organisation_id = $1;

-- name: ListPurchases :many
-- One page of an organisation's purchases, latest invoice first, each with
-- its supplier's name and the SSE status types verified and valid at the
-- invoice date: verified on or before it (the verification date, in UTC,
-- is when the status starts to count: statuses carry no start of validity)
-- and valid until it or later. The same rule in every query below.
SELECT p.id, p.import_id, p.line, p.supplier_identifier_kind, p.supplier_identifier, p.supplier_organisation_id,
    o.legal_name AS supplier_legal_name, o.trade_name AS supplier_trade_name, p.amount_cents, p.currency, p.invoice_date, p.category, p.cpv_code, p.invoice_reference,
    p.labour_cost_cents,
    COALESCE((SELECT array_agg(s.type ORDER BY s.type) FROM sse_statuses s
              WHERE s.organisation_id = p.supplier_organisation_id AND s.state = 'verified' AND (s.reviewed_at AT TIME ZONE 'UTC')::date <= p.invoice_date AND s.valid_until >= p.invoice_date),
             '{}')::text[] AS sse_types
FROM purchases p
LEFT JOIN organisations o ON o.id = p.supplier_organisation_id
WHERE p.organisation_id = sqlc.arg(organisation_id)
  AND (sqlc.narg(import_id)::uuid IS NULL OR p.import_id = sqlc.narg(import_id))
  AND (sqlc.narg(year)::int IS NULL OR p.invoice_date >= make_date(sqlc.narg(year)::int, 1, 1) AND p.invoice_date < make_date(sqlc.narg(year)::int + 1, 1, 1))
  AND (sqlc.narg(matched)::boolean IS NULL OR (p.supplier_organisation_id IS NOT NULL) = sqlc.narg(matched))
  AND (sqlc.arg(first)::boolean OR (p.invoice_date, p.id) < (sqlc.arg(before_date)::date, sqlc.arg(before_id)::uuid))
ORDER BY p.invoice_date DESC, p.id DESC
LIMIT sqlc.arg(row_limit);

-- name: SetPurchaseLabourCost :one
UPDATE purchases SET labour_cost_cents = sqlc.narg(labour_cost_cents)
WHERE id = sqlc.arg(id) AND organisation_id = sqlc.arg(organisation_id)
RETURNING id;

-- name: GetPurchaseAmount :one
SELECT amount_cents FROM purchases WHERE id = sqlc.arg(id) AND organisation_id = sqlc.arg(organisation_id);

-- name: PurchaseSSEShare :many
-- Amounts in euros bought in all and from SSE suppliers (a status verified
-- and valid at the invoice date), by year, for one import or all.
SELECT extract(year FROM p.invoice_date)::int AS year,
    count(*)::int AS purchases,
    count(*) FILTER (WHERE p.supplier_organisation_id IS NULL)::int AS unmatched,
    COALESCE(sum(p.amount_cents), 0)::bigint AS total_cents,
    COALESCE(sum(p.amount_cents) FILTER (WHERE EXISTS (
        SELECT 1 FROM sse_statuses s WHERE s.organisation_id = p.supplier_organisation_id AND s.state = 'verified'
          AND (s.reviewed_at AT TIME ZONE 'UTC')::date <= p.invoice_date AND s.valid_until >= p.invoice_date)), 0)::bigint AS sse_cents
FROM purchases p
WHERE p.organisation_id = sqlc.arg(organisation_id) AND p.currency = 'EUR'
  AND (sqlc.narg(import_id)::uuid IS NULL OR p.import_id = sqlc.narg(import_id))
GROUP BY 1
ORDER BY 1 DESC;

-- name: LevyPurchases :many
-- The year's purchases in euros from suppliers with a status of one of
-- types verified and valid at the invoice date.
SELECT p.id, p.invoice_date, p.invoice_reference, p.supplier_identifier, o.legal_name AS supplier_legal_name, o.trade_name AS supplier_trade_name, p.amount_cents, p.labour_cost_cents,
    (SELECT array_agg(s.type ORDER BY s.type) FROM sse_statuses s
     WHERE s.organisation_id = p.supplier_organisation_id AND s.state = 'verified' AND (s.reviewed_at AT TIME ZONE 'UTC')::date <= p.invoice_date AND s.valid_until >= p.invoice_date
       AND s.type = ANY (sqlc.arg(types)::text[]))::text[] AS sse_types
FROM purchases p
JOIN organisations o ON o.id = p.supplier_organisation_id
WHERE p.organisation_id = sqlc.arg(organisation_id) AND p.currency = 'EUR'
  AND p.invoice_date >= make_date(sqlc.arg(year)::int, 1, 1) AND p.invoice_date < make_date(sqlc.arg(year)::int + 1, 1, 1)
  AND EXISTS (SELECT 1 FROM sse_statuses s WHERE s.organisation_id = p.supplier_organisation_id AND s.state = 'verified'
      AND (s.reviewed_at AT TIME ZONE 'UTC')::date <= p.invoice_date AND s.valid_until >= p.invoice_date AND s.type = ANY (sqlc.arg(types)::text[]))
ORDER BY p.invoice_date, p.id;
