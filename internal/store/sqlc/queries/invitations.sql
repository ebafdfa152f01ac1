-- name: CreateInvitation :one
INSERT INTO invitations (id, organisation_id, email, role, invited_by, token_hash, created_at, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING *;

-- name: CloseExpiredInvitations :execrows
-- An expired invitation no longer blocks a new one to the same address.
UPDATE invitations SET revoked_at = sqlc.arg(now)
WHERE organisation_id = sqlc.arg(organisation_id) AND lower(email) = lower(sqlc.arg(email))
  AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= sqlc.arg(now);

-- name: GetInvitationByTokenHashForUpdate :one
-- Locks the invitation so that two acceptances of one link cannot both win.
SELECT * FROM invitations WHERE token_hash = $1 FOR UPDATE;

-- name: GetInvitationForUpdate :one
SELECT * FROM invitations WHERE id = $1 AND organisation_id = $2 FOR UPDATE;

-- name: MarkInvitationAccepted :one
UPDATE invitations SET accepted_at = sqlc.arg(now), accepted_by = sqlc.arg(accepted_by)
WHERE id = sqlc.arg(id) AND accepted_at IS NULL AND revoked_at IS NULL
RETURNING *;

-- name: RevokeInvitation :one
UPDATE invitations SET revoked_at = sqlc.arg(now)
WHERE id = sqlc.arg(id) AND accepted_at IS NULL AND revoked_at IS NULL
RETURNING *;

-- name: ListPendingInvitationsPage :many
-- One page of an organisation's invitations neither accepted nor revoked,
-- newest first, after the (created_at, id) of the previous page's last row.
SELECT * FROM invitations
WHERE organisation_id = sqlc.arg(organisation_id) AND accepted_at IS NULL AND revoked_at IS NULL
  AND (created_at, id) < (sqlc.arg(before_created_at)::timestamptz, sqlc.arg(before_id)::uuid)
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(row_limit);
