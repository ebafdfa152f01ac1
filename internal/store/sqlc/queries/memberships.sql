-- name: AddMembership :one
INSERT INTO memberships (organisation_id, user_id, role)
VALUES ($1, $2, $3)
RETURNING *;

-- name: ListMembershipsByUser :many
SELECT * FROM memberships WHERE user_id = $1 ORDER BY created_at, organisation_id;

-- name: LockOrganisationMemberships :many
-- Locks every membership of an organisation (in a fixed order, so that two
-- transactions cannot deadlock): the last-owner rule is checked on what
-- this returns, and a concurrent change waits for the commit.
SELECT * FROM memberships WHERE organisation_id = $1 ORDER BY user_id FOR UPDATE;

-- name: ListOrganisationMembers :many
SELECT m.user_id, m.role, m.created_at, u.email, u.display_name
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.organisation_id = $1
ORDER BY m.created_at, m.user_id;

-- name: ListOrganisationMembersPage :many
-- One page of an organisation's members in the order they joined, after
-- the (created_at, user_id) of the previous page's last row.
SELECT m.user_id, m.role, m.created_at, u.email, u.display_name
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.organisation_id = sqlc.arg(organisation_id)
  AND (m.created_at, m.user_id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_user_id)::uuid)
ORDER BY m.created_at, m.user_id
LIMIT sqlc.arg(row_limit);

-- name: IsMemberByEmail :one
SELECT EXISTS (
    SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.organisation_id = sqlc.arg(organisation_id) AND lower(u.email) = lower(sqlc.arg(email))
);

-- name: SetMembershipRole :one
UPDATE memberships SET role = $3 WHERE organisation_id = $1 AND user_id = $2
RETURNING *;

-- name: DeleteMembership :execrows
DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2;
