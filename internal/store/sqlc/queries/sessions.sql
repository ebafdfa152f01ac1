-- name: CreateSession :one
INSERT INTO sessions (id, token_hash, user_id, idle_expires_at, absolute_expires_at, user_agent, ip)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING *;

-- name: GetSessionByTokenHash :one
SELECT * FROM sessions
WHERE token_hash = $1 AND idle_expires_at > sqlc.arg(now) AND absolute_expires_at > sqlc.arg(now);

-- name: DeleteExpiredSessions :execrows
DELETE FROM sessions
WHERE LEAST(idle_expires_at, absolute_expires_at) <= sqlc.arg(now);

-- name: TouchSession :exec
UPDATE sessions SET last_seen_at = sqlc.arg(now), idle_expires_at = LEAST(sqlc.arg(idle_expires_at), absolute_expires_at)
WHERE id = $1;

-- name: DeleteSession :exec
DELETE FROM sessions WHERE id = $1;

-- name: DeleteUserSessions :execrows
DELETE FROM sessions WHERE user_id = sqlc.arg(user_id) AND id <> sqlc.arg(keep_id);

-- name: SetSessionActiveOrganisation :exec
UPDATE sessions SET active_organisation_id = $2 WHERE id = $1;

-- name: ForgetActiveOrganisation :exec
-- A user who leaves an organisation stops acting for it in every session.
UPDATE sessions SET active_organisation_id = NULL
WHERE user_id = sqlc.arg(user_id) AND active_organisation_id = sqlc.arg(organisation_id);
