package store

import (
	"context"
	"time"

	"passerelle/internal/store/sqlc"
)

// HitRateLimit counts one hit in the fixed window of bucket and key that
// contains now, and returns the hits in that window so far.
func (s *Store) HitRateLimit(ctx context.Context, bucket, key string, window time.Duration, now time.Time) (int, time.Time, error) {
	start := now.Truncate(window)
	n, err := s.q.HitRateLimit(ctx, sqlc.HitRateLimitParams{Bucket: bucket, Key: key, WindowStart: start})
	return int(n), start.Add(window), mapError(err)
}

// RateLimitHits returns the hits of the current window without counting one.
func (s *Store) RateLimitHits(ctx context.Context, bucket, key string, window time.Duration, now time.Time) (int, time.Time, error) {
	start := now.Truncate(window)
	n, err := s.q.CountRateLimit(ctx, sqlc.CountRateLimitParams{Bucket: bucket, Key: key, WindowStart: start})
	return int(n), start.Add(window), mapError(err)
}

// ResetRateLimit forgets the hits of a key (a successful login clears its
// failures).
func (s *Store) ResetRateLimit(ctx context.Context, bucket, key string) error {
	return mapError(s.q.ResetRateLimit(ctx, sqlc.ResetRateLimitParams{Bucket: bucket, Key: key}))
}

// DeleteOldRateLimits removes windows that started before the given time.
func (s *Store) DeleteOldRateLimits(ctx context.Context, before time.Time) (int64, error) {
	n, err := s.q.DeleteOldRateLimits(ctx, before)
	return n, mapError(err)
}
