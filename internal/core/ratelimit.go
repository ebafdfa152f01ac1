package core

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// RateLimits bound how often one IP or account may try.
type RateLimits struct {
	// LoginPerAccount and LoginPerIP count failed logins per 15 minutes.
	LoginPerAccount, LoginPerIP int
	// SignUpPerIP and ResetPerIP count requests per hour.
	SignUpPerIP, ResetPerIP int
}

// limit counts one hit and refuses once the window holds more than max.
func (a *Accounts) limit(ctx context.Context, bucket, key string, max int, window time.Duration) error {
	return hitLimit(ctx, a.st, a.now, bucket, key, max, window)
}

// hitLimit counts one hit of key in bucket and refuses (a
// domain.RateLimitedError) once the window holds more than max; max <= 0
// or an empty key means no limit.
func hitLimit(ctx context.Context, st *store.Store, now Clock, bucket, key string, max int, window time.Duration) error {
	if key == "" || max <= 0 {
		return nil
	}
	n, end, err := st.HitRateLimit(ctx, bucket, key, window, now())
	if err != nil {
		return err
	}
	if n > max {
		return &domain.RateLimitedError{RetryAfter: end.Sub(now())}
	}
	return nil
}

// check refuses when the window already holds max hits, without counting:
// failed logins are counted by loginFailed, successful ones never.
func (a *Accounts) check(ctx context.Context, bucket, key string, max int, window time.Duration) error {
	if key == "" || max <= 0 {
		return nil
	}
	n, end, err := a.st.RateLimitHits(ctx, bucket, key, window, a.now())
	if err != nil {
		return err
	}
	if n >= max {
		return &domain.RateLimitedError{RetryAfter: end.Sub(a.now())}
	}
	return nil
}

// emailFingerprint stands for an email that has no account in the audit
// log: enough to see repeated attempts, without storing the address.
func emailFingerprint(email string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(email)))
	return hex.EncodeToString(sum[:8])
}
