-- name: InsertAudit :one
INSERT INTO audit_log (actor_user_id, actor_kind, action, subject_type, subject_id, organisation_id, before, after, request_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id, occurred_at;

-- name: ListAuditBySubject :many
SELECT * FROM audit_log
WHERE subject_type = $1 AND subject_id = $2
ORDER BY occurred_at DESC, id DESC
LIMIT $3;
