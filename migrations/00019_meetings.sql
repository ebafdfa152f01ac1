-- +goose Up
-- The after-event question about meeting outcomes (issue 9) is emailed
-- once per event: this row is written in the same transaction as the
-- emails, so a retried or repeated run sends nothing twice.
CREATE TABLE event_outcome_requests (
    event_id uuid PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    sent_at  timestamptz NOT NULL
);

-- +goose Down
DROP TABLE event_outcome_requests;
