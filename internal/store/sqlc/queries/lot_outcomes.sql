-- name: SaveLotOutcome :one
INSERT INTO lot_outcomes (lot_id, result, supplier_id, amount_cents, currency, recorded_by, recorded_at)
VALUES (sqlc.arg(lot_id), sqlc.arg(result), sqlc.narg(supplier_id), sqlc.narg(amount_cents), sqlc.arg(currency),
        sqlc.narg(recorded_by), sqlc.arg(now))
ON CONFLICT (lot_id) DO UPDATE SET result = EXCLUDED.result, supplier_id = EXCLUDED.supplier_id,
    amount_cents = EXCLUDED.amount_cents, currency = EXCLUDED.currency, recorded_by = EXCLUDED.recorded_by,
    recorded_at = EXCLUDED.recorded_at
RETURNING *;

-- name: ListLotOutcomes :many
SELECT o.* FROM lot_outcomes o
JOIN tender_lots l ON l.id = o.lot_id
WHERE l.tender_id = ANY(sqlc.arg(tender_ids)::uuid[])
ORDER BY o.lot_id;
