-- name: InsertReport :one
INSERT INTO reports (id, reporter_user_id, target_type, target_id, organisation_id, reason, note, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING *;

-- name: LockReport :one
SELECT * FROM reports WHERE id = $1 FOR UPDATE;

-- name: ResolveReport :one
UPDATE reports SET state = $2, resolved_at = $3, resolved_by = $4, resolution_note = $5
WHERE id = $1
RETURNING *;

-- name: ListReports :many
-- Reports oldest first, after the (created_at, id) of the previous page's
-- last row; state, target_type and target_id ('' or NULL for all) narrow
-- it before paging.
SELECT * FROM reports
WHERE (sqlc.arg(state)::text = '' OR state = sqlc.arg(state)::text)
  AND (sqlc.arg(target_type)::text = '' OR target_type = sqlc.arg(target_type)::text)
  AND (sqlc.narg(target_id)::uuid IS NULL OR target_id = sqlc.narg(target_id)::uuid)
  AND (created_at, id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY created_at, id
LIMIT sqlc.arg(row_limit);

-- name: HasOpenReport :one
SELECT EXISTS (SELECT 1 FROM reports WHERE target_type = $1 AND target_id = $2 AND state = 'open');

-- name: LockOrganisationStatus :one
SELECT status FROM organisations WHERE id = $1 FOR UPDATE;

-- name: SetOrganisationStatus :exec
UPDATE organisations SET status = $2, updated_at = $3 WHERE id = $1;

-- name: InsertSuspension :exec
INSERT INTO organisation_suspensions (id, organisation_id, suspended_at, suspended_by, reason_template, reason)
VALUES ($1, $2, $3, $4, $5, $6);

-- name: CloseSuspension :execrows
UPDATE organisation_suspensions SET reinstated_at = $2, reinstated_by = $3, reinstate_reason = $4
WHERE organisation_id = $1 AND reinstated_at IS NULL;

-- name: DeleteListingFlags :exec
DELETE FROM listing_flags WHERE listing_type = $1 AND listing_id = $2;

-- name: InsertListingFlag :exec
INSERT INTO listing_flags (listing_type, listing_id, kind, detail, other_listing_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6);

-- name: ListListingFlags :many
SELECT listing_id, kind, detail, other_listing_id FROM listing_flags
WHERE listing_id = ANY(sqlc.arg(listing_ids)::uuid[])
ORDER BY listing_id, id;

-- name: OfferSiblingTitles :many
-- The original titles of an organisation's other offers that still count
-- (not archived), newest first, for the duplicate check.
SELECT o.id, t.title FROM offers o
JOIN offer_texts t ON t.offer_id = o.id AND t.is_original
WHERE o.organisation_id = $1 AND o.id <> $2 AND o.state <> 'archived'
ORDER BY o.created_at DESC
LIMIT 1000;

-- name: TenderSiblingTitles :many
SELECT tn.id, t.title FROM tenders tn
JOIN tender_texts t ON t.tender_id = tn.id AND t.original
WHERE tn.organisation_id = $1 AND tn.id <> $2 AND tn.state <> 'cancelled'
ORDER BY tn.created_at DESC
LIMIT 1000;

-- name: ListBlockedWordsFolded :many
SELECT folded FROM blocked_words ORDER BY folded;

-- name: ListBlockedWords :many
SELECT * FROM blocked_words
WHERE (created_at, id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY created_at, id
LIMIT sqlc.arg(row_limit);

-- name: InsertBlockedWord :one
INSERT INTO blocked_words (id, word, folded, created_by, created_at)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: CountBlockedWords :one
-- Taken under a lock of the table, so that two admins adding at once
-- cannot go past the bound together.
SELECT count(*) FROM blocked_words;

-- name: LockBlockedWords :exec
LOCK TABLE blocked_words IN SHARE ROW EXCLUSIVE MODE;

-- name: DeleteBlockedWord :one
DELETE FROM blocked_words WHERE id = $1 RETURNING *;

-- name: ListAuditPage :many
-- The audit log, newest first, before the (occurred_at, id) of the
-- previous page's last row. Every filter is optional ('' or NULL);
-- action_pattern is a LIKE prefix pattern with its wildcards escaped;
-- actions matching one of hidden_patterns are left out (none when empty).
SELECT * FROM audit_log
WHERE (sqlc.narg(actor_user_id)::uuid IS NULL OR actor_user_id = sqlc.narg(actor_user_id)::uuid)
  AND (sqlc.arg(action_pattern)::text = '' OR action LIKE sqlc.arg(action_pattern)::text)
  AND (sqlc.arg(subject_type)::text = '' OR subject_type = sqlc.arg(subject_type)::text)
  AND (sqlc.arg(subject_id)::text = '' OR subject_id = sqlc.arg(subject_id)::text)
  AND (sqlc.narg(organisation_id)::uuid IS NULL OR organisation_id = sqlc.narg(organisation_id)::uuid)
  AND (sqlc.narg(from_time)::timestamptz IS NULL OR occurred_at >= sqlc.narg(from_time)::timestamptz)
  AND (sqlc.narg(to_time)::timestamptz IS NULL OR occurred_at < sqlc.narg(to_time)::timestamptz)
  AND NOT (action LIKE ANY(sqlc.arg(hidden_patterns)::text[]))
  AND (occurred_at, id) < (sqlc.arg(before_occurred_at)::timestamptz, sqlc.arg(before_id)::bigint)
ORDER BY occurred_at DESC, id DESC
LIMIT sqlc.arg(row_limit);

-- name: ModerationPendingCounts :one
SELECT (SELECT count(*) FROM offers WHERE state = 'pending')::bigint AS offers,
       (SELECT count(*) FROM tenders WHERE state = 'pending')::bigint AS tenders,
       (SELECT count(*) FROM sse_statuses WHERE state = 'pending')::bigint AS sse_statuses,
       (SELECT count(*) FROM reports WHERE state = 'open')::bigint AS reports;

-- name: ModerationMedianSeconds :one
-- The median time from submission to decision, in seconds, of decisions
-- taken since since, per kind. A listing resubmitted
-- after its decision has submitted_at after decided_at: it waits again
-- and is left out until decided anew. Decisions without a moderator (the
-- automatic rejection of a tender left 10 days waiting on changes; or a
-- moderator's account deleted since) are left out: they say nothing of how
-- fast moderators answer. -1 stands for "no decision".
SELECT
  COALESCE((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at))
     FROM offers WHERE decided_at >= sqlc.arg(since)::timestamptz AND decided_at >= submitted_at AND decided_by IS NOT NULL), -1)::float8 AS offers,
  COALESCE((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at))
     FROM tenders WHERE decided_at >= sqlc.arg(since)::timestamptz AND decided_at >= submitted_at AND decided_by IS NOT NULL), -1)::float8 AS tenders,
  COALESCE((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM reviewed_at - submitted_at))
     FROM sse_statuses WHERE reviewed_at >= sqlc.arg(since)::timestamptz AND reviewed_at >= submitted_at AND reviewed_by IS NOT NULL), -1)::float8 AS sse_statuses,
  COALESCE((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
     FROM reports WHERE resolved_at >= sqlc.arg(since)::timestamptz), -1)::float8 AS reports;
