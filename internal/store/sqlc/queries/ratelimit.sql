-- name: HitRateLimit :one
INSERT INTO rate_limit_hits (bucket, key, window_start, hits)
VALUES ($1, $2, $3, 1)
ON CONFLICT (bucket, key, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
RETURNING hits;

-- name: CountRateLimit :one
SELECT coalesce(sum(hits), 0)::integer FROM rate_limit_hits
WHERE bucket = $1 AND key = $2 AND window_start = $3;

-- name: ResetRateLimit :exec
DELETE FROM rate_limit_hits WHERE bucket = $1 AND key = $2;

-- name: DeleteOldRateLimits :execrows
DELETE FROM rate_limit_hits WHERE window_start < sqlc.arg(before);
