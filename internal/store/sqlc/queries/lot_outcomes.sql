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

-- name: ReservedAwardsFromBuyers :many
-- The lots a supplier won from each of some buyers since a date under the
-- given legal bases (article 77: FR_L2113_15, EU_ART77), with the buyer,
-- the basis and the day the outcome was recorded: what the repeat-award
-- bar looks at, for a page of tenders at once.
SELECT t.organisation_id AS buyer_id, lb.basis::text AS basis, o.recorded_at
FROM lot_outcomes o
JOIN tender_lots l ON l.id = o.lot_id
JOIN tenders t ON t.id = l.tender_id
CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(l.clauses -> 'legal_bases', '[]'::jsonb)) AS lb(basis)
WHERE o.result = 'awarded_passerelle'
  AND o.supplier_id = sqlc.arg(supplier_id)::uuid
  AND t.organisation_id = ANY (sqlc.arg(buyer_ids)::uuid[])
  AND o.recorded_at >= sqlc.arg(since)::timestamptz
  AND lb.basis = ANY (sqlc.arg(bases)::text[])
ORDER BY o.recorded_at, t.organisation_id;
