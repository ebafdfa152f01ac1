-- +goose Up
-- Single-use tokens sent by email: verification, password reset, email
-- change, first password of an admin. Only their SHA-256 is stored.
CREATE TABLE user_tokens (
    id         uuid PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'email_change', 'set_password')),
    token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    new_email  text CHECK (new_email IS NULL OR length(new_email) BETWEEN 3 AND 254),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CHECK ((purpose = 'email_change') = (new_email IS NOT NULL)),
    CHECK (expires_at > created_at)
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose);
CREATE INDEX user_tokens_expiry_idx ON user_tokens (expires_at);

ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

-- Fixed-window counters behind the rate limits (login per account and per
-- IP, sign-up and reset per IP). In PostgreSQL so that every app instance
-- counts the same hits.
CREATE TABLE rate_limit_hits (
    bucket       text NOT NULL CHECK (length(bucket) BETWEEN 1 AND 64),
    key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 300),
    window_start timestamptz NOT NULL,
    hits         integer NOT NULL CHECK (hits > 0),
    PRIMARY KEY (bucket, key, window_start)
);
CREATE INDEX rate_limit_hits_window_idx ON rate_limit_hits (window_start);

-- +goose Down
DROP TABLE rate_limit_hits;
ALTER TABLE users DROP COLUMN password_changed_at;
DROP TABLE user_tokens;
