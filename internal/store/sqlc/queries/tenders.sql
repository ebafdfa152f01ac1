-- name: CreateTender :one
INSERT INTO tenders (id, organisation_id, kind, original_language, place_nuts, place_town, questions_deadline,
                     responses_deadline, response_languages, buyer_anonymous, created_at, updated_at)
VALUES (sqlc.arg(id), sqlc.arg(organisation_id), sqlc.arg(kind), sqlc.arg(original_language), sqlc.arg(place_nuts),
        sqlc.arg(place_town), sqlc.arg(questions_deadline), sqlc.arg(responses_deadline), sqlc.arg(response_languages)::text[],
        sqlc.arg(buyer_anonymous), sqlc.arg(now), sqlc.arg(now))
RETURNING *;

-- name: GetTender :one
SELECT * FROM tenders WHERE id = $1;

-- name: LockTender :one
-- Serializes the changes of one tender (and of its lots and responses'
-- state against it): read, decide, write.
SELECT * FROM tenders WHERE id = $1 FOR UPDATE;

-- name: SaveTender :one
UPDATE tenders SET
    kind = sqlc.arg(kind), state = sqlc.arg(state), original_language = sqlc.arg(original_language),
    place_nuts = sqlc.arg(place_nuts), place_town = sqlc.arg(place_town),
    questions_deadline = sqlc.arg(questions_deadline), responses_deadline = sqlc.arg(responses_deadline),
    response_languages = sqlc.arg(response_languages)::text[], buyer_anonymous = sqlc.arg(buyer_anonymous),
    submitted_at = sqlc.narg(submitted_at), decided_at = sqlc.narg(decided_at), decided_by = sqlc.narg(decided_by),
    reason = sqlc.narg(reason), changes_requested_at = sqlc.narg(changes_requested_at),
    published_at = sqlc.narg(published_at), closed_at = sqlc.narg(closed_at),
    substance_version = sqlc.arg(substance_version), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: DeleteTenderTexts :exec
DELETE FROM tender_texts WHERE tender_id = $1;

-- name: InsertTenderText :exec
INSERT INTO tender_texts (tender_id, language, title, description, original)
VALUES ($1, $2, $3, $4, $5);

-- name: ListTenderTexts :many
SELECT * FROM tender_texts
WHERE tender_id = ANY(sqlc.arg(tender_ids)::uuid[])
ORDER BY tender_id, original DESC, language;

-- name: InsertTenderLot :one
INSERT INTO tender_lots (id, tender_id, position, title, description, cpv, value_min_cents, value_max_cents, currency,
                         clauses, created_at, updated_at)
VALUES (sqlc.arg(id), sqlc.arg(tender_id), sqlc.arg(position), sqlc.arg(title), sqlc.arg(description), sqlc.arg(cpv)::text[],
        sqlc.narg(value_min_cents), sqlc.narg(value_max_cents), sqlc.arg(currency), sqlc.arg(clauses), sqlc.arg(now), sqlc.arg(now))
RETURNING *;

-- name: UpdateTenderLot :one
UPDATE tender_lots SET
    position = sqlc.arg(position), title = sqlc.arg(title), description = sqlc.arg(description), cpv = sqlc.arg(cpv)::text[],
    value_min_cents = sqlc.narg(value_min_cents), value_max_cents = sqlc.narg(value_max_cents), currency = sqlc.arg(currency),
    clauses = sqlc.arg(clauses), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id) AND tender_id = sqlc.arg(tender_id)
RETURNING *;

-- name: DeleteTenderLot :execrows
DELETE FROM tender_lots WHERE id = $1 AND tender_id = $2;

-- name: RenumberTenderLots :exec
-- Positions stay 1..n after a deletion (the unique key is deferred).
UPDATE tender_lots l SET position = n.rn
FROM (SELECT x.id, row_number() OVER (ORDER BY x.position, x.id) AS rn FROM tender_lots x WHERE x.tender_id = sqlc.arg(tender_id)) n
WHERE l.id = n.id AND l.position <> n.rn;

-- name: ListTenderLots :many
SELECT * FROM tender_lots
WHERE tender_id = ANY(sqlc.arg(tender_ids)::uuid[])
ORDER BY tender_id, position;

-- name: AttachTenderDocument :execrows
INSERT INTO tender_documents (tender_id, document_id, organisation_id, attached_at)
VALUES (sqlc.arg(tender_id), sqlc.arg(document_id), sqlc.arg(organisation_id), sqlc.arg(now))
ON CONFLICT (tender_id, document_id) DO NOTHING;

-- name: DetachTenderDocument :execrows
DELETE FROM tender_documents WHERE tender_id = $1 AND document_id = $2;

-- name: ListTenderDocuments :many
SELECT tender_id, document_id FROM tender_documents
WHERE tender_id = ANY(sqlc.arg(tender_ids)::uuid[])
ORDER BY attached_at, document_id;

-- name: ListPublishedTenders :many
-- The public list: published tenders of active buyers (a suspended one's
-- are hidden from the public: core.listingVisible), nearest responses
-- deadline first, after the (responses_deadline, id) of the previous
-- page's last row.
SELECT * FROM tenders
WHERE state = 'published'
  AND EXISTS (SELECT 1 FROM organisations g WHERE g.id = tenders.organisation_id AND g.status = 'active')
  AND (sqlc.narg(kind)::text IS NULL OR kind = sqlc.narg(kind))
  AND (responses_deadline, id) > (sqlc.arg(after_deadline)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY responses_deadline, id
LIMIT sqlc.arg(row_limit);

-- name: ListTendersByOrganisation :many
-- A buyer's own tenders in every state, oldest first.
SELECT * FROM tenders
WHERE organisation_id = sqlc.arg(organisation_id)
  AND (created_at, id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY created_at, id
LIMIT sqlc.arg(row_limit);

-- name: ListTendersForModeration :many
-- The moderators' queue: pending tenders, oldest submission first,
-- optionally of one kind or from buyers of one country.
SELECT sqlc.embed(t), o.legal_name AS organisation_name, o.country AS organisation_country
FROM tenders t
JOIN organisations o ON o.id = t.organisation_id
WHERE t.state = 'pending'
  AND (sqlc.narg(kind)::text IS NULL OR t.kind = sqlc.narg(kind))
  AND (sqlc.narg(country)::text IS NULL OR o.country = sqlc.narg(country))
  AND (t.submitted_at, t.id) > (sqlc.arg(after_submitted_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY t.submitted_at, t.id
LIMIT sqlc.arg(row_limit);

-- name: ListTendersWaitingOnChangesSince :many
SELECT id FROM tenders
WHERE state = 'changes_requested' AND changes_requested_at <= sqlc.arg(cutoff)
ORDER BY changes_requested_at, id;

-- name: GetTendersByIDs :many
-- The tenders of a list of ids (those that exist), for lists that show
-- several tenders' details at once.
SELECT * FROM tenders WHERE id = ANY(sqlc.arg(ids)::uuid[]) ORDER BY id;
