-- name: CreateDocument :one
INSERT INTO documents (id, organisation_id, uploaded_by, purpose, filename, content_type, size_bytes, sha256, object_key, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING *;

-- name: GetDocument :one
SELECT * FROM documents WHERE id = $1;

-- name: DeleteDocument :one
-- Returns the deleted row, so the caller knows which object to remove.
DELETE FROM documents WHERE id = $1
RETURNING *;

-- name: ListDocumentsByOrganisation :many
SELECT * FROM documents
WHERE organisation_id = $1
ORDER BY created_at DESC, id DESC
LIMIT $2;

-- name: ListDocumentsPage :many
-- One page of an organisation's documents, newest first, after the
-- (created_at, id) of the previous page's last row.
SELECT * FROM documents
WHERE organisation_id = sqlc.arg(organisation_id)
  AND (created_at, id) < (sqlc.arg(before_created_at)::timestamptz, sqlc.arg(before_id)::uuid)
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(row_limit);
