-- +goose Up
-- A schedule run moves locked meetings (two of them may swap tables) and
-- inserts new ones in one transaction: the uniqueness of a table at a
-- slot is checked at commit, not after each statement.
ALTER TABLE event_meetings DROP CONSTRAINT event_meetings_event_id_starts_at_table_no_key;
ALTER TABLE event_meetings ADD CONSTRAINT event_meetings_event_id_starts_at_table_no_key
    UNIQUE (event_id, starts_at, table_no) DEFERRABLE INITIALLY DEFERRED;

-- +goose Down
ALTER TABLE event_meetings DROP CONSTRAINT event_meetings_event_id_starts_at_table_no_key;
ALTER TABLE event_meetings ADD CONSTRAINT event_meetings_event_id_starts_at_table_no_key
    UNIQUE (event_id, starts_at, table_no);
