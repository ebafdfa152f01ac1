-- name: AddMembership :one
INSERT INTO memberships (organisation_id, user_id, role)
VALUES ($1, $2, $3)
RETURNING *;

-- name: ListMembershipsByUser :many
SELECT * FROM memberships WHERE user_id = $1 ORDER BY created_at, organisation_id;
