-- +goose Up
-- Full rebuilds of the search index (`passerelle reindex` and the admin
-- route): which versioned index is being built, how far it got, how it
-- ended. One row per rebuild, kept as a history; at most one runs at once.
CREATE TABLE search_rebuilds (
    id           uuid PRIMARY KEY,
    index_name   text NOT NULL CHECK (index_name ~ '^[a-z0-9_-]{1,64}$'),
    state        text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    -- Listings written to the new index so far, out of total (counted
    -- when the build starts; listings published meanwhile add to done).
    done         integer NOT NULL DEFAULT 0 CHECK (done >= 0),
    total        integer NOT NULL DEFAULT 0 CHECK (total >= 0),
    error        text CHECK (length(error) <= 2000),
    requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    -- Updated with every batch: a rebuild whose process died stops
    -- beating and is given up by the next request (see the store).
    heartbeat_at timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
CREATE UNIQUE INDEX search_rebuilds_one_active ON search_rebuilds ((true)) WHERE state IN ('queued', 'running');
CREATE INDEX search_rebuilds_recent ON search_rebuilds (created_at DESC, id DESC);

-- +goose Down
DROP TABLE search_rebuilds;
