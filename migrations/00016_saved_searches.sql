-- +goose Up
-- Saved searches: a user's named search (any query of GET /api/v1/search)
-- and its daily alert of the listings published since the last one.
-- Numbered 00016: 00013 to 00015 belong to the parallel work on issue 6.
CREATE TABLE saved_searches (
    id              uuid PRIMARY KEY,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The organisation eligible=true acts for (the user's active one when
    -- saving); NULL when the query does not filter on eligibility, or the
    -- organisation was deleted since (the alert is then switched off).
    organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    -- The query string exactly as GET /api/v1/search takes it (no "?"),
    -- checked by the same parser when saved.
    query           text NOT NULL CHECK (octet_length(query) <= 2000),
    -- The language hits' titles are shown in when a listing has several.
    lang            text NOT NULL CHECK (lang IN ('fr', 'de', 'en', 'nl')),
    alerts          boolean NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    -- The end of the publication window the last alert covered: the next
    -- one looks at listings published from here on. Set to created_at, so
    -- that the first alert tells of listings newer than the search.
    last_alert_at   timestamptz NOT NULL,
    UNIQUE (user_id, name)
);
CREATE INDEX saved_searches_by_user ON saved_searches (user_id, created_at, id);
-- The alert job walks the searches with alerts on, in id order.
CREATE INDEX saved_searches_alerting ON saved_searches (id) WHERE alerts;

-- +goose Down
DROP TABLE saved_searches;
