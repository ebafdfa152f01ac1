-- name: ClaimNotificationEvent :execrows
-- Records that the event named key is told; 0 rows: it already was.
INSERT INTO notification_events (key, created_at) VALUES (sqlc.arg(key), sqlc.arg(created_at))
ON CONFLICT (key) DO NOTHING;

-- name: ClaimEmailDelivery :execrows
-- Records that the email of a job went out; 0 rows: it already had (the
-- row of another run of the same job, committed or still being written:
-- the insert then waits for that run's transaction to end).
INSERT INTO email_deliveries (job_id, sent_at) VALUES (sqlc.arg(job_id), sqlc.arg(sent_at))
ON CONFLICT (job_id) DO NOTHING;

-- name: DeleteEmailDeliveriesBefore :execrows
DELETE FROM email_deliveries WHERE sent_at < sqlc.arg(before);

-- name: ListNotifiableMembers :many
-- The members of the organisations who can receive notifications (an
-- active account with a confirmed address), each with its organisation
-- and language, in a fixed order.
SELECT m.organisation_id, u.id AS user_id, u.language
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.organisation_id = ANY(sqlc.arg(organisation_ids)::uuid[])
  AND u.disabled_at IS NULL AND u.email_verified_at IS NOT NULL
ORDER BY m.organisation_id, m.created_at, u.id;

-- name: ListVerifiedStatusesExpiringBetween :many
-- Verified SSE statuses whose last valid day is in [first_day, last_day],
-- after the previous page's last id.
SELECT id, organisation_id, type, valid_until FROM sse_statuses
WHERE state = 'verified' AND valid_until BETWEEN sqlc.arg(first_day)::date AND sqlc.arg(last_day)::date
  AND id > sqlc.arg(after_id)::uuid
ORDER BY id
LIMIT sqlc.arg(row_limit);

-- name: ListPublishedTendersDueBetween :many
-- Published tenders whose responses deadline is in (after, until], after
-- the previous page's last id. A suspended buyer's tenders are left out:
-- hidden from search and routing, they get no reminders either.
SELECT t.id FROM tenders t
WHERE t.state = 'published' AND t.responses_deadline > sqlc.arg(after)::timestamptz
  AND EXISTS (SELECT 1 FROM organisations g WHERE g.id = t.organisation_id AND g.status = 'active')
  AND t.responses_deadline <= sqlc.arg(until)::timestamptz
  AND t.id > sqlc.arg(after_id)::uuid
ORDER BY t.id
LIMIT sqlc.arg(row_limit);

-- name: ListClosedTendersDueBetween :many
-- Closed tenders (lots still without an outcome: the tender leaves
-- closed once every lot has one) whose responses deadline is in
-- [since, until], after the previous page's last id.
SELECT id FROM tenders
WHERE state = 'closed' AND responses_deadline >= sqlc.arg(since)::timestamptz
  AND responses_deadline <= sqlc.arg(until)::timestamptz
  AND id > sqlc.arg(after_id)::uuid
ORDER BY id
LIMIT sqlc.arg(row_limit);

-- name: ListReminderOrganisations :many
-- The active supplier organisations to remind of a tender's deadline: those it
-- was routed to on a lot that they did not decline and have not answered
-- with a response that counts (sent, and confirmed for the tender's
-- current substance), and those with a draft response on it (draft);
-- never those that said the whole tender does not interest them.
SELECT o.organisation_id, bool_or(o.draft)::boolean AS draft FROM (
    SELECT r.organisation_id, false AS draft FROM lot_routes r
    WHERE r.tender_id = sqlc.arg(tender_id)
      AND r.answer IS DISTINCT FROM 'not_interested'
      AND NOT EXISTS (
          SELECT 1 FROM responses s JOIN tenders t ON t.id = s.tender_id
          WHERE s.lot_id = r.lot_id AND s.organisation_id = r.organisation_id
            AND s.state IN ('submitted', 'shortlisted', 'accepted', 'declined')
            AND s.confirmed_version = t.substance_version)
    UNION ALL
    SELECT s.organisation_id, true AS draft FROM responses s
    WHERE s.tender_id = sqlc.arg(tender_id) AND s.state = 'draft'
) o
WHERE NOT EXISTS (
    SELECT 1 FROM tender_not_interested n
    WHERE n.tender_id = sqlc.arg(tender_id) AND n.organisation_id = o.organisation_id)
  -- A suspended supplier cannot respond: a reminder would only mislead.
  AND EXISTS (SELECT 1 FROM organisations g WHERE g.id = o.organisation_id AND g.status = 'active')
GROUP BY o.organisation_id
ORDER BY o.organisation_id;

-- name: ListTenderFollowers :many
-- The supplier organisations that follow a tender: routed to it and
-- interested, or with a response on it that they did not withdraw.
SELECT DISTINCT f.organisation_id FROM (
    SELECT r.organisation_id FROM lot_routes r WHERE r.tender_id = sqlc.arg(tender_id) AND r.answer = 'interested'
    UNION
    SELECT s.organisation_id FROM responses s WHERE s.tender_id = sqlc.arg(tender_id) AND s.state <> 'withdrawn'
) f
ORDER BY f.organisation_id;

-- name: CountSentResponsesByLot :many
-- Per lot of a tender, in order, the responses that count: sent, and
-- confirmed for the tender's current substance (what its buyer sees).
SELECT l.id, l.position, l.title, count(s.id) AS responses
FROM tender_lots l
JOIN tenders t ON t.id = l.tender_id
LEFT JOIN responses s ON s.lot_id = l.id AND s.state IN ('submitted', 'shortlisted', 'accepted', 'declined')
    AND s.confirmed_version = t.substance_version
WHERE l.tender_id = sqlc.arg(tender_id)
GROUP BY l.id, l.position, l.title
ORDER BY l.position;

-- name: CountLotsWithoutOutcome :one
SELECT count(*) FROM tender_lots l
WHERE l.tender_id = sqlc.arg(tender_id) AND NOT EXISTS (SELECT 1 FROM lot_outcomes o WHERE o.lot_id = l.id);
