-- +goose Up
-- Organisations: SSE suppliers, public and private buyers, and the cluster.
CREATE TABLE organisations (
    id          uuid PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('sse_supplier', 'public_buyer', 'private_buyer', 'cluster')),
    country     char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    legal_name  text NOT NULL CHECK (length(btrim(legal_name)) BETWEEN 1 AND 300),
    trade_name  text CHECK (trade_name IS NULL OR length(btrim(trade_name)) BETWEEN 1 AND 300),
    status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_kind_country_idx ON organisations (kind, country);

-- Users sign in with an email address, unique whatever its case (the
-- lower() index avoids needing the citext extension on managed servers).
CREATE TABLE users (
    id                uuid PRIMARY KEY,
    email             text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    display_name      text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    password_hash     text,
    language          text NOT NULL DEFAULT 'en' CHECK (language IN ('fr', 'de', 'en', 'nl')),
    platform_role     text NOT NULL DEFAULT 'user' CHECK (platform_role IN ('user', 'moderator', 'admin')),
    email_verified_at timestamptz,
    disabled_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Memberships: which user acts for which organisation, and with what role.
CREATE TABLE memberships (
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            text NOT NULL CHECK (role IN ('owner', 'member')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- Sessions are server-side; the cookie holds a random token whose SHA-256 is
-- stored here, so a leaked table does not leak live sessions.
CREATE TABLE sessions (
    id                  uuid PRIMARY KEY,
    token_hash          bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    user_id             uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at          timestamptz NOT NULL DEFAULT now(),
    last_seen_at        timestamptz NOT NULL DEFAULT now(),
    idle_expires_at     timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    user_agent          text NOT NULL DEFAULT '',
    ip                  inet,
    CHECK (idle_expires_at <= absolute_expires_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (LEAST(idle_expires_at, absolute_expires_at));

-- The audit log records who did what, when, with the state before and after.
CREATE TABLE audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor_user_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    actor_kind      text NOT NULL CHECK (actor_kind IN ('user', 'system')),
    action          text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_.]+$'),
    subject_type    text NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 64),
    subject_id      text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 128),
    organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    before          jsonb,
    after           jsonb,
    request_id      text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, occurred_at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, occurred_at DESC);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE sessions;
DROP TABLE memberships;
DROP TABLE users;
DROP TABLE organisations;
