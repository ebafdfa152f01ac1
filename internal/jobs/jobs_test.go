package jobs_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// TestPurgeSessionsRunsPeriodically starts the real River client and waits
// for the periodic purge to delete an expired session, twice: once on start
// and once after a new session expires, which proves the schedule repeats.
func TestPurgeSessionsRunsPeriodically(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	now := time.Now()
	db.Session(t, storetest.SessionOptions{Token: "expired-1", IdleExpiresAt: now.Add(-time.Minute)})
	live := db.Session(t, storetest.SessionOptions{Token: "live"})
	// Stale security data the same job removes; fresh data it keeps.
	if _, err := db.Pool.Exec(ctx, `
		INSERT INTO user_tokens (id, user_id, purpose, token_hash, created_at, expires_at) VALUES
		  (gen_random_uuid(), $1, 'reset_password', sha256('stale'), now() - interval '9 days', now() - interval '8 days'),
		  (gen_random_uuid(), $1, 'reset_password', sha256('recent'), now() - interval '2 days', now() - interval '1 day')`, live.UserID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Pool.Exec(ctx, `INSERT INTO rate_limit_hits (bucket, key, window_start, hits) VALUES
		  ('login_ip', '10.0.0.1', now() - interval '2 days', 3), ('login_ip', '10.0.0.1', now(), 1)`); err != nil {
		t.Fatal(err)
	}

	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	runner, err := jobs.New(db.Store, log, jobs.Options{SessionPurgeInterval: 500 * time.Millisecond, Renderer: renderer})
	if err != nil {
		t.Fatal(err)
	}
	if err := runner.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := runner.Stop(stopCtx); err != nil {
			t.Errorf("stop: %v", err)
		}
	})

	waitGone := func(token string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			var n int
			if err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM sessions WHERE token_hash = sha256($1::bytea)", []byte(token)).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("session %q was not purged", token)
	}
	waitGone("expired-1")

	db.Session(t, storetest.SessionOptions{Token: "expired-2", IdleExpiresAt: time.Now().Add(-time.Second)})
	waitGone("expired-2")

	if _, err := db.Store.GetSessionByToken(ctx, "live", time.Now()); err != nil {
		t.Fatalf("the live session %s must survive: %v", live.ID, err)
	}
	// River records completions in batches: give it a moment.
	var completed int
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM river_job WHERE kind = 'purge_sessions' AND state = 'completed'").Scan(&completed); err != nil {
			t.Fatal(err)
		}
		if completed >= 2 {
			break
		}
	}
	if completed < 2 {
		t.Fatalf("want at least 2 completed purge jobs, got %d", completed)
	}
	var tokens, windows int
	if err := db.Pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM user_tokens), (SELECT count(*) FROM rate_limit_hits)").Scan(&tokens, &windows); err != nil {
		t.Fatal(err)
	}
	if tokens != 1 || windows != 1 {
		t.Fatalf("after the purge: %d tokens and %d rate-limit windows, want 1 and 1", tokens, windows)
	}
	if _, err := db.Store.GetSessionByToken(ctx, "expired-1", time.Now()); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("got %v", err)
	}
}
