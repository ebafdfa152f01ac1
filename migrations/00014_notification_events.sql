-- +goose Up
-- Markers of events already told, so that the periodic jobs that find
-- them (a status about to expire, a tender's deadline near, the outcome
-- question) and the one-off hooks that may run twice (the responses
-- received at a tender's close) notify once whatever their schedule,
-- retries or restarts. A job inserts the key in the transaction that
-- writes the notifications (INSERT … ON CONFLICT DO NOTHING): no row
-- inserted means another run told it already. Keys are
-- "<event>:<subject ids…>", chosen by each event; any feature may use the
-- table for its own events.
CREATE TABLE notification_events (
    key        text PRIMARY KEY CHECK (key ~ '^[a-z_]{1,64}:[A-Za-z0-9:_.-]{1,250}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_events_created_idx ON notification_events (created_at);

-- The emails whose SMTP transaction succeeded, by River job id: a job
-- worked again after its email went out (the process died before River
-- recorded the completion, or the job was rescued while still running)
-- finds its row and does not send twice. A row is written in a
-- transaction held across the send and committed right after it (see
-- jobs.SendEmailWorker); rows older than River's retention of finished
-- jobs are purged, as such a job can never run again.
CREATE TABLE email_deliveries (
    job_id  bigint PRIMARY KEY,
    sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_deliveries_sent_idx ON email_deliveries (sent_at);

-- +goose Down
DROP TABLE email_deliveries;
DROP TABLE notification_events;
