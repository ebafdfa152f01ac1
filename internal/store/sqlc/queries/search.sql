-- name: ListAllCPVLabels :many
-- Every CPV code's labels, for the search's cross-language lexicon.
SELECT code8, label_fr, label_de, label_en, label_nl FROM cpv_codes ORDER BY code8;

-- name: ListOrganisationListingIDs :many
-- The offers and tenders of an organisation, whatever their state: the
-- index worker asks which of them are public.
SELECT 'offer'::text AS kind, id FROM offers WHERE offers.organisation_id = @organisation_id
UNION ALL
SELECT 'tender'::text AS kind, id FROM tenders WHERE tenders.organisation_id = @organisation_id;

-- name: AbandonStaleSearchRebuilds :exec
-- Rebuilds whose process died (no heartbeat since stale_before) end as
-- failed, so that they do not block the next one forever.
UPDATE search_rebuilds SET state = 'failed', finished_at = now(),
    error = 'abandoned: no progress since ' || to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
WHERE state IN ('queued', 'running') AND heartbeat_at < @stale_before;

-- name: InsertSearchRebuild :one
INSERT INTO search_rebuilds (id, index_name, state, requested_by)
VALUES (@id, @index_name, @state, sqlc.narg(requested_by))
RETURNING *;

-- name: StartSearchRebuild :one
UPDATE search_rebuilds SET state = 'running', started_at = @at, heartbeat_at = @at, total = @total
WHERE id = @id AND state IN ('queued', 'running')
RETURNING *;

-- name: SearchRebuildProgress :exec
UPDATE search_rebuilds SET done = @done, total = GREATEST(total, @done), heartbeat_at = now() WHERE id = @id;

-- name: FinishSearchRebuild :one
UPDATE search_rebuilds SET state = @state, error = sqlc.narg(error), finished_at = @at
WHERE id = @id
RETURNING *;

-- name: GetSearchRebuild :one
SELECT * FROM search_rebuilds WHERE id = @id;

-- name: ListSearchRebuilds :many
-- One page of rebuilds, newest first, after the (created_at, id) of the
-- previous page's last row.
SELECT * FROM search_rebuilds
WHERE (created_at, id) < (sqlc.arg(before_created_at)::timestamptz, sqlc.arg(before_id)::uuid)
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(row_limit);
