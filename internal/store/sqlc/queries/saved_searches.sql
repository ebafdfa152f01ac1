-- name: LockUserSavedSearches :one
-- Locks the user's row so that two saves at once cannot both pass the
-- limit on saved searches (the foreign key's share lock does not conflict
-- with this one), and counts the user's saved searches.
SELECT (SELECT count(*) FROM saved_searches s WHERE s.user_id = u.id)::int AS saved
FROM users u WHERE u.id = $1
FOR NO KEY UPDATE;

-- name: InsertSavedSearch :one
INSERT INTO saved_searches (id, user_id, organisation_id, name, query, lang, alerts, created_at, updated_at, last_alert_at)
VALUES (sqlc.arg(id), sqlc.arg(user_id), sqlc.narg(organisation_id), sqlc.arg(name), sqlc.arg(query), sqlc.arg(lang),
        sqlc.arg(alerts), sqlc.arg(now), sqlc.arg(now), sqlc.arg(now))
RETURNING *;

-- name: GetSavedSearch :one
SELECT * FROM saved_searches WHERE id = $1 AND user_id = $2;

-- name: UpdateSavedSearch :one
-- Writes every editable column (the use case merges the patch first).
-- A changed query starts its alerts afresh from now: listings published
-- before it was changed are not news to the user.
UPDATE saved_searches SET organisation_id = sqlc.narg(organisation_id), name = sqlc.arg(name), query = sqlc.arg(query),
    lang = sqlc.arg(lang), alerts = sqlc.arg(alerts), updated_at = sqlc.arg(now),
    last_alert_at = CASE WHEN query <> sqlc.arg(query) OR (NOT alerts AND sqlc.arg(alerts)) THEN sqlc.arg(now) ELSE last_alert_at END
WHERE id = sqlc.arg(id) AND user_id = sqlc.arg(user_id)
RETURNING *;

-- name: DeleteSavedSearch :one
DELETE FROM saved_searches WHERE id = $1 AND user_id = $2
RETURNING *;

-- name: ListSavedSearchesPage :many
-- One page of a user's saved searches, oldest first, after the
-- (created_at, id) of the previous page's last row.
SELECT * FROM saved_searches
WHERE user_id = sqlc.arg(user_id)
  AND (created_at, id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY created_at, id
LIMIT sqlc.arg(row_limit);

-- name: ListSavedSearchesDue :many
-- The saved searches with alerts on whose last alert ended before
-- window_end, after after_id (a keyset, so that a run goes in batches).
SELECT id FROM saved_searches
WHERE alerts AND last_alert_at < sqlc.arg(window_end) AND id > sqlc.arg(after_id)::uuid
ORDER BY id
LIMIT sqlc.arg(row_limit);

-- name: GetSavedSearchDue :one
-- One saved search if its alert is due (alerts on, last alert ended
-- before window_end), read without a lock: the alert's search runs
-- before its transaction.
SELECT * FROM saved_searches
WHERE id = sqlc.arg(id) AND alerts AND last_alert_at < sqlc.arg(window_end);

-- name: LockSavedSearchUnchanged :one
-- Locks one saved search for its alert if it is as the alert's search saw
-- it (alerts on, same last alert and last edit): a second run at the same
-- time waits, then finds it changed; an edit made meanwhile makes the
-- alert skip it until the next run.
SELECT id FROM saved_searches
WHERE id = sqlc.arg(id) AND alerts AND last_alert_at = sqlc.arg(last_alert_at) AND updated_at = sqlc.arg(updated_at)
FOR UPDATE;

-- name: SetSavedSearchAlerted :exec
UPDATE saved_searches SET last_alert_at = sqlc.arg(last_alert_at) WHERE id = sqlc.arg(id);

-- name: DisableSavedSearchAlerts :exec
UPDATE saved_searches SET alerts = false, updated_at = sqlc.arg(now) WHERE id = sqlc.arg(id);

-- name: ExportUserSavedSearches :one
SELECT coalesce(jsonb_agg(jsonb_build_object(
    'name', s.name, 'query', s.query, 'lang', s.lang, 'alerts', s.alerts, 'organisation_id', s.organisation_id,
    'created_at', s.created_at, 'updated_at', s.updated_at, 'last_alert_at', s.last_alert_at)
    ORDER BY s.created_at, s.id), '[]')::jsonb AS saved_searches
FROM saved_searches s WHERE s.user_id = $1;
