-- name: CreateResponse :one
INSERT INTO responses (id, tender_id, lot_id, organisation_id, message, price_cents, currency, price_text, created_at, updated_at)
VALUES (sqlc.arg(id), sqlc.arg(tender_id), sqlc.arg(lot_id), sqlc.arg(organisation_id), sqlc.arg(message),
        sqlc.narg(price_cents), sqlc.arg(currency), sqlc.arg(price_text), sqlc.arg(now), sqlc.arg(now))
RETURNING *;

-- name: GetResponse :one
SELECT * FROM responses WHERE id = $1;

-- name: LockResponse :one
SELECT * FROM responses WHERE id = $1 FOR UPDATE;

-- name: SaveResponse :one
UPDATE responses SET
    state = sqlc.arg(state), message = sqlc.arg(message), price_cents = sqlc.narg(price_cents), currency = sqlc.arg(currency),
    price_text = sqlc.arg(price_text), submitted_at = sqlc.narg(submitted_at), withdrawn_at = sqlc.narg(withdrawn_at),
    confirmed_version = sqlc.narg(confirmed_version), decision_reason = sqlc.narg(decision_reason),
    decided_at = sqlc.narg(decided_at), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: ListSentResponsesByTender :many
-- What the buyer sees after the deadline: the responses sent and
-- confirmed for the tender's current substance, oldest first.
SELECT r.* FROM responses r
JOIN tenders t ON t.id = r.tender_id
WHERE r.tender_id = sqlc.arg(tender_id)
  AND r.state IN ('submitted', 'shortlisted', 'accepted', 'declined')
  AND r.confirmed_version = t.substance_version
  AND (r.created_at, r.id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY r.created_at, r.id
LIMIT sqlc.arg(row_limit);

-- name: ListResponsesByOrganisation :many
SELECT * FROM responses
WHERE organisation_id = sqlc.arg(organisation_id)
  AND (created_at, id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY created_at, id
LIMIT sqlc.arg(row_limit);

-- name: AttachResponseDocument :execrows
INSERT INTO response_documents (response_id, document_id, organisation_id, attached_at)
VALUES (sqlc.arg(response_id), sqlc.arg(document_id), sqlc.arg(organisation_id), sqlc.arg(now))
ON CONFLICT (response_id, document_id) DO NOTHING;

-- name: DetachResponseDocument :execrows
DELETE FROM response_documents WHERE response_id = $1 AND document_id = $2;

-- name: ListResponseDocuments :many
SELECT response_id, document_id FROM response_documents
WHERE response_id = ANY(sqlc.arg(response_ids)::uuid[])
ORDER BY attached_at, document_id;

-- name: MarkNotInterested :execrows
INSERT INTO tender_not_interested (tender_id, organisation_id, reason, created_at)
VALUES (sqlc.arg(tender_id), sqlc.arg(organisation_id), sqlc.arg(reason), sqlc.arg(now))
ON CONFLICT (tender_id, organisation_id) DO UPDATE SET reason = EXCLUDED.reason, decline_reason = NULL, created_at = EXCLUDED.created_at;

-- name: ListNotInterested :many
SELECT * FROM tender_not_interested
WHERE tender_id = sqlc.arg(tender_id)
  AND (created_at, organisation_id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY created_at, organisation_id
LIMIT sqlc.arg(row_limit);

-- name: ModeratorMayReadTenderResponses :one
-- Whether moderator user_id may read a tender's sealed responses: a
-- report on the tender is open that another user filed (a moderator
-- cannot open the seal with a report of their own), and the moderator is
-- a member neither of the buyer nor of any organisation that responded
-- to it (they would read competitors' bids).
SELECT (EXISTS (SELECT 1 FROM reports r
                WHERE r.target_type = 'tender' AND r.target_id = sqlc.arg(tender_id)::uuid AND r.state = 'open'
                  AND r.reporter_user_id <> sqlc.arg(user_id)::uuid)
    AND NOT EXISTS (SELECT 1 FROM memberships m
                    WHERE m.user_id = sqlc.arg(user_id)::uuid
                      AND (m.organisation_id IN (SELECT s.organisation_id FROM responses s WHERE s.tender_id = sqlc.arg(tender_id)::uuid)
                           OR m.organisation_id = (SELECT t.organisation_id FROM tenders t WHERE t.id = sqlc.arg(tender_id)::uuid))))::boolean AS allowed;
