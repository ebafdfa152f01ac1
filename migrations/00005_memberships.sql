-- +goose Up
-- Invitations into an organisation, sent by email. The link carries a random
-- token of which only the SHA-256 is stored: it is single use (accepted_at),
-- expiring (expires_at) and revocable (revoked_at). The invited address is
-- compared without case, like users.email.
CREATE TABLE invitations (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    role            text NOT NULL CHECK (role IN ('owner', 'member')),
    invited_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    token_hash      bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    accepted_at     timestamptz,
    accepted_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    revoked_at      timestamptz,
    CHECK (expires_at > created_at),
    CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
-- At most one pending invitation per organisation and address: a second
-- invitation while one is pending is a conflict, not a second link.
CREATE UNIQUE INDEX invitations_pending_key ON invitations (organisation_id, lower(email))
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitations_expiry_idx ON invitations (expires_at);

-- The organisation a session acts for when a request does not say
-- (X-Passerelle-Organisation); it is only honoured while the user is a
-- member, and forgotten when the organisation goes.
ALTER TABLE sessions ADD COLUMN active_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL;
CREATE INDEX sessions_active_organisation_idx ON sessions (active_organisation_id)
    WHERE active_organisation_id IS NOT NULL;

-- +goose Down
DROP INDEX sessions_active_organisation_idx;
ALTER TABLE sessions DROP COLUMN active_organisation_id;
DROP TABLE invitations;
