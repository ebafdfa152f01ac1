-- +goose Up
-- Notifications: what happened that a user should know of, shown in the
-- app and emailed according to the user's preference for its category.
-- Numbered 00012 so that a migration of the parallel routing work can take
-- 00011 without a clash when the branches are merged.
CREATE TABLE notifications (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- domain.NotificationCategory: what the user chooses the delivery of.
    category    text NOT NULL CHECK (category ~ '^[a-z_]{1,64}$'),
    -- The mail template (internal/mail Kind) of the immediate email; the
    -- frontend also picks its wording by kind.
    kind        text NOT NULL CHECK (kind ~ '^[a-z_]{1,64}$'),
    -- One line shown in the app and in the digest, in the recipient's
    -- language, and the app path or URL it opens.
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    link        text NOT NULL CHECK (length(link) <= 2000),
    -- The template data of the email, kept so the app can show details.
    data        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object' AND octet_length(data::text) <= 16384),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    -- none: never emailed (delivery off); sent: emailed on its own;
    -- digest_pending: waits for the next daily digest; digested: went out
    -- in a digest. emailed_at is when the email job was queued.
    email_state text NOT NULL CHECK (email_state IN ('none', 'sent', 'digest_pending', 'digested')),
    emailed_at  timestamptz,
    CHECK ((email_state IN ('sent', 'digested')) = (emailed_at IS NOT NULL))
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL;
CREATE INDEX notifications_digest ON notifications (user_id) WHERE email_state = 'digest_pending';

-- A user's choice of delivery for one category; a category without a row
-- has its default (domain.NotificationCategory.DefaultDelivery).
CREATE TABLE notification_preferences (
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category   text NOT NULL CHECK (category ~ '^[a-z_]{1,64}$'),
    delivery   text NOT NULL CHECK (delivery IN ('immediately', 'daily_digest', 'off')),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, category)
);

-- One row per user and day a digest was queued: the guard that makes the
-- digest go out at most once a day whatever the job's schedule or retries.
CREATE TABLE notification_digests (
    user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day       date NOT NULL,
    queued_at timestamptz NOT NULL DEFAULT now(),
    items     integer NOT NULL CHECK (items > 0),
    PRIMARY KEY (user_id, day)
);

-- +goose Down
DROP TABLE notification_digests;
DROP TABLE notification_preferences;
DROP TABLE notifications;
