-- +goose Up
-- Moderation tools (issue 6): reports, suspensions, flags on listings
-- submitted for moderation, the blocked-words list, and the indexes the
-- audit log view filters with. Numbered 00015: 00013, 00014 and 00016 are
-- taken by the parallel routing, events and saved-search work.

-- A report: a signed-in user flags an offer, a tender or an organisation.
-- organisation_id is the organisation the target belongs to (the target
-- itself for an organisation), copied at creation so that the queue and
-- the metrics need no join per kind. One open report per reporter and
-- target (reports_one_open); a resolved one may be followed by a new one.
CREATE TABLE reports (
    id               uuid PRIMARY KEY,
    reporter_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    target_type      text NOT NULL CHECK (target_type IN ('offer', 'tender', 'organisation')),
    target_id        uuid NOT NULL,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    reason           text NOT NULL CHECK (reason IN ('misleading', 'not_sse', 'fraud', 'offensive', 'spam', 'duplicate', 'other')),
    note             text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    state            text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'dismissed', 'action_taken')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    resolved_at      timestamptz,
    resolved_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    resolution_note  text NOT NULL DEFAULT '' CHECK (length(resolution_note) <= 2000),
    CHECK ((state = 'open') = (resolved_at IS NULL))
);
CREATE UNIQUE INDEX reports_one_open ON reports (reporter_user_id, target_type, target_id) WHERE state = 'open';
CREATE INDEX reports_queue_idx ON reports (created_at, id) WHERE state = 'open';
CREATE INDEX reports_target_idx ON reports (target_type, target_id) WHERE state = 'open';
CREATE INDEX reports_resolved_idx ON reports (resolved_at) WHERE state <> 'open';

-- The history of suspensions: one row per suspension, closed by the
-- reinstatement. organisations.status stays the one source of what the
-- organisation may do; this table says since when, by whom and why.
CREATE TABLE organisation_suspensions (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    suspended_at     timestamptz NOT NULL,
    suspended_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    reason_template  text NOT NULL DEFAULT '' CHECK (length(reason_template) <= 64),
    reason           text NOT NULL CHECK (length(reason) <= 2000),
    reinstated_at    timestamptz,
    reinstated_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    reinstate_reason text NOT NULL DEFAULT '' CHECK (length(reinstate_reason) <= 2000)
);
CREATE UNIQUE INDEX organisation_suspensions_current ON organisation_suspensions (organisation_id) WHERE reinstated_at IS NULL;

-- Flags computed when an offer or a tender is submitted for moderation:
-- they inform the moderator and never stop the submission. A submission
-- replaces the listing's flags. other_listing_id is the near-identical
-- listing of a duplicate flag; detail the word found or the link count.
CREATE TABLE listing_flags (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    listing_type     text NOT NULL CHECK (listing_type IN ('offer', 'tender')),
    listing_id       uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('duplicate', 'links', 'blocked_word')),
    detail           text NOT NULL DEFAULT '' CHECK (length(detail) <= 300),
    other_listing_id uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'duplicate') = (other_listing_id IS NOT NULL))
);
CREATE INDEX listing_flags_listing_idx ON listing_flags (listing_id);

-- Words (or phrases) whose presence flags a listing as spam, managed by
-- admins. folded is the form matched (lower case, no accents or
-- punctuation, see domain.FoldText): two spellings of one word are one.
CREATE TABLE blocked_words (
    id         uuid PRIMARY KEY,
    word       text NOT NULL CHECK (length(btrim(word)) BETWEEN 1 AND 100),
    folded     text NOT NULL UNIQUE CHECK (length(folded) BETWEEN 1 AND 100),
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The audit log view: newest first over everything, or of one
-- organisation; the action prefix filter uses the pattern index.
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_organisation_idx ON audit_log (organisation_id, occurred_at DESC, id DESC) WHERE organisation_id IS NOT NULL;
CREATE INDEX audit_log_action_idx ON audit_log (action text_pattern_ops);

-- +goose Down
DROP INDEX audit_log_action_idx;
DROP INDEX audit_log_organisation_idx;
DROP INDEX audit_log_time_idx;
DROP TABLE blocked_words;
DROP TABLE listing_flags;
DROP TABLE organisation_suspensions;
DROP TABLE reports;
