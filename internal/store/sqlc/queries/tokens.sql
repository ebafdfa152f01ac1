-- name: CreateUserToken :one
INSERT INTO user_tokens (id, user_id, purpose, token_hash, new_email, expires_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: ConsumeUserToken :one
-- Marks a live token used and returns it; a used, expired or unknown token
-- returns no row. The UPDATE makes two concurrent uses impossible.
UPDATE user_tokens SET used_at = sqlc.arg(now)
WHERE token_hash = sqlc.arg(token_hash) AND purpose = sqlc.arg(purpose)
  AND used_at IS NULL AND expires_at > sqlc.arg(now)
RETURNING *;

-- name: FindUserToken :one
SELECT * FROM user_tokens WHERE token_hash = $1 AND purpose = $2;

-- name: InvalidateUserTokens :exec
UPDATE user_tokens SET used_at = sqlc.arg(now)
WHERE user_id = sqlc.arg(user_id) AND purpose = sqlc.arg(purpose) AND used_at IS NULL;

-- name: DeleteStaleUserTokens :execrows
DELETE FROM user_tokens WHERE expires_at < sqlc.arg(before);
