-- name: CreateSSEStatus :one
INSERT INTO sse_statuses (id, organisation_id, type, registration_number, valid_until, disabled_share, share_measured_on, created_at, updated_at)
VALUES (sqlc.arg(id), sqlc.arg(organisation_id), sqlc.arg(type), sqlc.arg(registration_number), sqlc.arg(valid_until),
        sqlc.narg(disabled_share), sqlc.narg(share_measured_on), sqlc.arg(now), sqlc.arg(now))
RETURNING *;

-- name: GetSSEStatus :one
SELECT * FROM sse_statuses WHERE id = $1;

-- name: LockSSEStatus :one
-- Serializes the changes of one status: read, decide, write.
SELECT * FROM sse_statuses WHERE id = $1 FOR UPDATE;

-- name: SaveSSEStatus :one
UPDATE sse_statuses SET
    type = sqlc.arg(type), registration_number = sqlc.arg(registration_number), valid_until = sqlc.arg(valid_until),
    disabled_share = sqlc.narg(disabled_share), share_measured_on = sqlc.narg(share_measured_on),
    state = sqlc.arg(state), submitted_at = sqlc.narg(submitted_at), reviewed_by = sqlc.narg(reviewed_by),
    reviewed_at = sqlc.narg(reviewed_at), rejection_reason = sqlc.narg(rejection_reason), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: DeleteSSEStatus :one
DELETE FROM sse_statuses WHERE id = $1
RETURNING *;

-- name: ListSSEStatusesByOrganisation :many
SELECT * FROM sse_statuses
WHERE organisation_id = $1
ORDER BY created_at, id;

-- name: ListCountingSSEStatuses :many
-- The statuses that count on a day: verified and valid until at least then.
SELECT * FROM sse_statuses
WHERE organisation_id = sqlc.arg(organisation_id) AND state = 'verified' AND valid_until >= sqlc.arg(on_date)
ORDER BY created_at, id;

-- name: ListSSEStatusesForReview :many
-- The moderators' queue: statuses in one state, oldest submission first,
-- after the (submitted_at, id) of the previous page's last row.
SELECT sqlc.embed(s), o.legal_name AS organisation_name, o.country AS organisation_country
FROM sse_statuses s
JOIN organisations o ON o.id = s.organisation_id
WHERE s.state = sqlc.arg(state) AND (s.submitted_at, s.id) > (sqlc.arg(after_submitted_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY s.submitted_at, s.id
LIMIT sqlc.arg(row_limit);

-- name: AttachSSEEvidence :execrows
INSERT INTO sse_status_evidence (status_id, document_id, organisation_id, attached_at)
VALUES (sqlc.arg(status_id), sqlc.arg(document_id), sqlc.arg(organisation_id), sqlc.arg(now))
ON CONFLICT (status_id, document_id) DO NOTHING;

-- name: DetachSSEEvidence :execrows
DELETE FROM sse_status_evidence WHERE status_id = $1 AND document_id = $2;

-- name: ListSSEEvidenceByOrganisation :many
SELECT status_id, document_id FROM sse_status_evidence
WHERE organisation_id = $1
ORDER BY attached_at, document_id;

-- name: ListSSEEvidenceByStatuses :many
SELECT status_id, document_id FROM sse_status_evidence
WHERE status_id = ANY(sqlc.arg(status_ids)::uuid[])
ORDER BY attached_at, document_id;
