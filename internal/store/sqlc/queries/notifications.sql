-- name: InsertNotification :one
INSERT INTO notifications (id, user_id, category, kind, title, link, data, created_at, email_state, emailed_at)
VALUES (sqlc.arg(id), sqlc.arg(user_id), sqlc.arg(category), sqlc.arg(kind), sqlc.arg(title), sqlc.arg(link),
        sqlc.arg(data), sqlc.arg(created_at), sqlc.arg(email_state), sqlc.narg(emailed_at))
RETURNING *;

-- name: ListNotificationsPage :many
-- One page of a user's notifications, newest first, after the
-- (created_at, id) of the previous page's last row; only unread ones when
-- unread_only.
SELECT * FROM notifications
WHERE user_id = sqlc.arg(user_id)
  AND (NOT sqlc.arg(unread_only)::boolean OR read_at IS NULL)
  AND (created_at, id) < (sqlc.arg(before_created_at)::timestamptz, sqlc.arg(before_id)::uuid)
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(row_limit);

-- name: CountUnreadNotifications :one
SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL;

-- name: MarkNotificationRead :one
-- Marks one of the user's notifications read; a notification already read
-- keeps its first read_at. No row: not the user's, or no such id.
UPDATE notifications SET read_at = coalesce(read_at, sqlc.arg(read_at))
WHERE id = sqlc.arg(id) AND user_id = sqlc.arg(user_id)
RETURNING *;

-- name: MarkAllNotificationsRead :execrows
UPDATE notifications SET read_at = sqlc.arg(read_at)
WHERE user_id = sqlc.arg(user_id) AND read_at IS NULL;

-- name: ListNotificationPreferences :many
SELECT * FROM notification_preferences WHERE user_id = $1 ORDER BY category;

-- name: GetNotificationDelivery :one
SELECT delivery FROM notification_preferences WHERE user_id = $1 AND category = $2;

-- name: UpsertNotificationPreference :exec
INSERT INTO notification_preferences (user_id, category, delivery, updated_at)
VALUES (sqlc.arg(user_id), sqlc.arg(category), sqlc.arg(delivery), sqlc.arg(updated_at))
ON CONFLICT (user_id, category) DO UPDATE SET delivery = excluded.delivery, updated_at = excluded.updated_at;

-- name: ListUsersWithPendingDigest :many
-- Users with notifications waiting for a digest, after after_user_id (a
-- keyset over the users, so a large run goes in batches).
SELECT DISTINCT user_id FROM notifications
WHERE email_state = 'digest_pending' AND user_id > sqlc.arg(after_user_id)::uuid
ORDER BY user_id
LIMIT sqlc.arg(row_limit);

-- name: ClaimNotificationDigest :execrows
-- Records that the user's digest of day is queued; 0 rows: it already was.
INSERT INTO notification_digests (user_id, day, queued_at, items)
VALUES (sqlc.arg(user_id), sqlc.arg(day), sqlc.arg(queued_at), sqlc.arg(items))
ON CONFLICT (user_id, day) DO NOTHING;

-- name: LockPendingDigestNotifications :many
-- The user's notifications waiting for a digest, oldest first, locked so
-- that two runs cannot both send them.
SELECT * FROM notifications
WHERE user_id = $1 AND email_state = 'digest_pending'
ORDER BY created_at, id
FOR UPDATE;

-- name: SetNotificationsEmailState :exec
UPDATE notifications SET email_state = sqlc.arg(email_state), emailed_at = sqlc.narg(emailed_at)
WHERE id = ANY(sqlc.arg(ids)::uuid[]);
