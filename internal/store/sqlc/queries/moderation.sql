-- name: ListModerationQueue :many
-- Everything waiting for a moderator in one list: pending offers, pending
-- tenders and pending SSE status verifications, oldest submission first,
-- after the (submitted_at, id) of the previous page's last row. kind and
-- country (empty for all) are applied here, not after paging, so that a page
-- is never short of matching rows. The planner pushes the kind, country
-- and cursor conditions into each branch, where the partial queue indexes
-- (offers_queue_idx, tenders_queue_idx, sse_statuses_queue_idx) serve them.
-- title is in language when the author wrote that translation, else in the
-- original language; an SSE status has no title: its type code stands in.
-- Open reports (issue 6) join the queue too, by their creation time.
SELECT q.kind::text AS kind, q.id::uuid AS id, q.organisation_id::uuid AS organisation_id,
       org.legal_name AS organisation_name, org.country::text AS organisation_country,
       q.title::text AS title, q.submitted_at::timestamptz AS submitted_at,
       q.target_type::text AS target_type, q.target_id::uuid AS target_id
FROM (
    SELECT 'offer' AS kind, o.id, o.organisation_id, o.submitted_at, COALESCE(tr.title, orig.title) AS title,
           '' AS target_type, o.id AS target_id
    FROM offers o
    JOIN offer_texts orig ON orig.offer_id = o.id AND orig.is_original
    LEFT JOIN offer_texts tr ON tr.offer_id = o.id AND tr.language = sqlc.arg(language)::text
    WHERE o.state = 'pending'
    UNION ALL
    SELECT 'tender', t.id, t.organisation_id, t.submitted_at, COALESCE(tr.title, orig.title), '', t.id
    FROM tenders t
    JOIN tender_texts orig ON orig.tender_id = t.id AND orig.original
    LEFT JOIN tender_texts tr ON tr.tender_id = t.id AND tr.language = sqlc.arg(language)::text
    WHERE t.state = 'pending'
    UNION ALL
    SELECT 'sse_status', s.id, s.organisation_id, s.submitted_at, s.type, '', s.id
    FROM sse_statuses s
    WHERE s.state = 'pending'
    UNION ALL
    -- An open report: its reason stands in for the title (the store
    -- localizes it), with what it is about.
    SELECT 'report', r.id, r.organisation_id, r.created_at, r.reason, r.target_type, r.target_id
    FROM reports r
    WHERE r.state = 'open'
) q
JOIN organisations org ON org.id = q.organisation_id
WHERE (sqlc.arg(kind)::text = '' OR q.kind = sqlc.arg(kind)::text)
  AND (sqlc.arg(country)::text = '' OR org.country = sqlc.arg(country)::text)
  AND (q.submitted_at, q.id) > (sqlc.arg(after_submitted_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY q.submitted_at, q.id
LIMIT sqlc.arg(row_limit);
