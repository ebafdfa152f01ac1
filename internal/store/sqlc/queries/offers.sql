-- name: CreateOffer :one
INSERT INTO offers (id, organisation_id, type, original_language, sectors, cpv_codes, area_mode, radius_km,
    accepts_cross_border, price_text, price_amount_cents, price_currency, price_unit, minimum_order, lead_time_days,
    capacity, labels, created_at, updated_at)
VALUES (sqlc.arg(id), sqlc.arg(organisation_id), sqlc.arg(type), sqlc.arg(original_language), sqlc.arg(sectors)::text[],
    sqlc.arg(cpv_codes)::text[], sqlc.arg(area_mode), sqlc.narg(radius_km), sqlc.arg(accepts_cross_border),
    sqlc.narg(price_text), sqlc.narg(price_amount_cents), sqlc.narg(price_currency), sqlc.narg(price_unit),
    sqlc.narg(minimum_order), sqlc.narg(lead_time_days), sqlc.narg(capacity), sqlc.arg(labels)::text[],
    sqlc.arg(now), sqlc.arg(now))
RETURNING *;

-- name: SaveOffer :one
UPDATE offers SET
    state = sqlc.arg(state), type = sqlc.arg(type), original_language = sqlc.arg(original_language),
    sectors = sqlc.arg(sectors)::text[], cpv_codes = sqlc.arg(cpv_codes)::text[], area_mode = sqlc.arg(area_mode),
    radius_km = sqlc.narg(radius_km), accepts_cross_border = sqlc.arg(accepts_cross_border),
    price_text = sqlc.narg(price_text), price_amount_cents = sqlc.narg(price_amount_cents),
    price_currency = sqlc.narg(price_currency), price_unit = sqlc.narg(price_unit),
    minimum_order = sqlc.narg(minimum_order), lead_time_days = sqlc.narg(lead_time_days), capacity = sqlc.narg(capacity),
    labels = sqlc.arg(labels)::text[], submitted_at = sqlc.narg(submitted_at), decided_at = sqlc.narg(decided_at),
    decided_by = sqlc.narg(decided_by), decision_reason = sqlc.narg(decision_reason),
    published_at = sqlc.narg(published_at), archived_at = sqlc.narg(archived_at), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: GetOffer :one
SELECT * FROM offers WHERE id = $1;

-- name: LockOffer :one
-- Serializes the changes of one offer: read, decide, write.
SELECT * FROM offers WHERE id = $1 FOR UPDATE;

-- name: DeleteOffer :execrows
DELETE FROM offers WHERE id = $1;

-- name: DeleteOfferTexts :exec
DELETE FROM offer_texts WHERE offer_id = $1;

-- name: InsertOfferText :exec
INSERT INTO offer_texts (offer_id, language, is_original, title, description)
VALUES ($1, $2, $3, $4, $5);

-- name: ListOfferTexts :many
SELECT * FROM offer_texts
WHERE offer_id = ANY(sqlc.arg(offer_ids)::uuid[])
ORDER BY offer_id, is_original DESC, language;

-- name: DeleteOfferRegions :exec
DELETE FROM offer_regions WHERE offer_id = $1;

-- name: InsertOfferRegion :exec
INSERT INTO offer_regions (offer_id, nuts_code) VALUES ($1, $2);

-- name: ListOfferRegions :many
SELECT * FROM offer_regions
WHERE offer_id = ANY(sqlc.arg(offer_ids)::uuid[])
ORDER BY offer_id, nuts_code;

-- name: AttachOfferDocument :execrows
-- Appends the document after the offer's others; attaching it twice is harmless.
INSERT INTO offer_documents (offer_id, document_id, organisation_id, purpose, position, attached_at)
VALUES (sqlc.arg(offer_id), sqlc.arg(document_id), sqlc.arg(organisation_id), sqlc.arg(purpose),
    (SELECT coalesce(max(position) + 1, 0) FROM offer_documents WHERE offer_id = sqlc.arg(offer_id)), sqlc.arg(now))
ON CONFLICT (offer_id, document_id) DO NOTHING;

-- name: DetachOfferDocument :execrows
DELETE FROM offer_documents WHERE offer_id = $1 AND document_id = $2;

-- name: ListOfferDocuments :many
SELECT offer_id, document_id, purpose, position FROM offer_documents
WHERE offer_id = ANY(sqlc.arg(offer_ids)::uuid[])
ORDER BY offer_id, position, document_id;

-- name: ListOffersByOrganisation :many
-- An organisation's offers, newest first, after the cursor; states filters
-- (the public sees only published ones).
SELECT * FROM offers
WHERE organisation_id = sqlc.arg(organisation_id) AND state = ANY(sqlc.arg(states)::text[])
  AND (created_at, id) < (sqlc.arg(before_created_at)::timestamptz, sqlc.arg(before_id)::uuid)
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(row_limit);

-- name: ListPublishedOffersNewest :many
-- Published offers of active organisations (a suspended one's are hidden
-- from the public: core.listingVisible), newest publication first, with
-- optional filters (an empty filter matches everything).
SELECT o.* FROM offers o
JOIN organisations org ON org.id = o.organisation_id
WHERE o.state = 'published' AND org.status = 'active'
  AND (sqlc.arg(sector)::text = '' OR o.sectors @> ARRAY[sqlc.arg(sector)::text])
  AND (sqlc.arg(type)::text = '' OR o.type = sqlc.arg(type)::text)
  AND (sqlc.arg(country)::text = '' OR org.country = sqlc.arg(country)::text)
  AND (o.published_at, o.id) < (sqlc.arg(before_published_at)::timestamptz, sqlc.arg(before_id)::uuid)
ORDER BY o.published_at DESC, o.id DESC
LIMIT sqlc.arg(row_limit);

-- name: ListPublishedOffersOldest :many
-- The same list, oldest publication first.
SELECT o.* FROM offers o
JOIN organisations org ON org.id = o.organisation_id
WHERE o.state = 'published' AND org.status = 'active'
  AND (sqlc.arg(sector)::text = '' OR o.sectors @> ARRAY[sqlc.arg(sector)::text])
  AND (sqlc.arg(type)::text = '' OR o.type = sqlc.arg(type)::text)
  AND (sqlc.arg(country)::text = '' OR org.country = sqlc.arg(country)::text)
  AND (o.published_at, o.id) > (sqlc.arg(after_published_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY o.published_at, o.id
LIMIT sqlc.arg(row_limit);

-- name: ListOffersForModeration :many
-- The moderators' queue: pending offers, oldest submission first, after
-- the cursor, optionally of organisations of one country.
SELECT sqlc.embed(o), org.legal_name AS organisation_name, org.country AS organisation_country
FROM offers o
JOIN organisations org ON org.id = o.organisation_id
WHERE o.state = 'pending'
  AND (sqlc.arg(country)::text = '' OR org.country = sqlc.arg(country)::text)
  AND (o.submitted_at, o.id) > (sqlc.arg(after_submitted_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY o.submitted_at, o.id
LIMIT sqlc.arg(row_limit);

-- name: ListOrganisationOwners :many
-- The owners of an organisation who can receive email, for notices about it.
SELECT u.id, u.email, u.display_name, u.language
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.organisation_id = $1 AND m.role = 'owner' AND u.disabled_at IS NULL AND u.email_verified_at IS NOT NULL
ORDER BY m.created_at, u.id;
