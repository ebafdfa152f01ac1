-- name: CreateUser :one
INSERT INTO users (id, email, display_name, password_hash, language, platform_role)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: GetUser :one
SELECT * FROM users WHERE id = $1;

-- name: GetUserByEmail :one
SELECT * FROM users WHERE lower(email) = lower(sqlc.arg(email));

-- name: GetUserForLogin :one
SELECT * FROM users WHERE lower(email) = lower(sqlc.arg(email)) AND disabled_at IS NULL;

-- name: MarkEmailVerified :one
UPDATE users SET email_verified_at = coalesce(email_verified_at, sqlc.arg(now)), updated_at = sqlc.arg(now)
WHERE id = $1
RETURNING *;

-- name: SetPasswordHash :exec
UPDATE users SET password_hash = $2, password_changed_at = sqlc.arg(now), updated_at = sqlc.arg(now)
WHERE id = $1;

-- name: SetEmail :one
UPDATE users SET email = $2, email_verified_at = sqlc.arg(now), updated_at = sqlc.arg(now)
WHERE id = $1
RETURNING *;

-- name: SetUserLanguage :one
UPDATE users SET language = $2, updated_at = now() WHERE id = $1 RETURNING *;

-- name: SetPlatformRole :one
UPDATE users SET platform_role = $2, updated_at = now() WHERE id = $1 RETURNING *;

-- name: SetDisplayName :one
UPDATE users SET display_name = $2, updated_at = now() WHERE id = $1 RETURNING *;

-- name: CountUsers :one
SELECT count(*) FROM users;
