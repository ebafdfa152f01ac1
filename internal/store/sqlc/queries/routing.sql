-- name: LotTenderID :one
-- The tender a lot belongs to.
SELECT tender_id FROM tender_lots WHERE id = sqlc.arg(lot_id)::uuid;

-- name: MatchCandidates :many
-- The published offers of the supplier organisations a lot may be routed
-- to, one row per offer with its organisation's profile facts: active SSE
-- supplier organisations other than the buyer, holding a status that
-- counts on @on_date, in the place's country or accepting cross-border
-- work, with an offer in one of @sectors or with a CPV code whose
-- division matches @division_pattern ("(^| )(90|55)"). This is the cheap
-- prefilter; routing.Score decides. Written for 20,000 suppliers in well
-- under 100 ms: the counting statuses come folded into one text per
-- organisation ("type|valid until|share;…", share empty when unknown)
-- rather than from a second query naming every candidate, the division
-- test is one regular expression rather than a subquery per offer, and
-- regions are only looked up for offers listing regions.
SELECT org.id AS organisation_id, org.country::text AS country, org.nuts3, org.latitude, org.longitude, org.languages,
       EXISTS (SELECT 1 FROM organisation_descriptions d WHERE d.organisation_id = org.id) AS has_description,
       (org.logo_document_id IS NOT NULL)::boolean AS has_logo,
       (org.website IS NOT NULL OR org.phone IS NOT NULL)::boolean AS has_contact,
       EXISTS (SELECT 1 FROM organisation_identifiers i WHERE i.organisation_id = org.id) AS has_identifier,
       st.statuses::text AS statuses,
       f.id AS offer_id, f.sectors, f.cpv_codes, f.area_mode, f.radius_km, f.accepts_cross_border,
       (CASE WHEN f.area_mode = 'regions'
             THEN ARRAY(SELECT x.nuts_code FROM offer_regions x WHERE x.offer_id = f.id ORDER BY x.nuts_code)
             ELSE '{}' END)::text[] AS regions
FROM offers f
JOIN organisations org ON org.id = f.organisation_id
JOIN (SELECT s.organisation_id,
             string_agg(s.type || '|' || s.valid_until::text || '|' || coalesce(s.disabled_share::text, ''), ';'
                        ORDER BY s.type) AS statuses
      FROM sse_statuses s
      WHERE s.state = 'verified' AND s.valid_until >= sqlc.arg(on_date)::date
      GROUP BY s.organisation_id) st ON st.organisation_id = org.id
WHERE f.state = 'published'
  AND org.kind = 'sse_supplier' AND org.status = 'active' AND org.id <> sqlc.arg(buyer_id)::uuid
  AND (org.country = sqlc.arg(place_country)::text OR f.accepts_cross_border)
  AND (f.sectors && sqlc.arg(sectors)::text[]
       OR array_to_string(f.cpv_codes, ' ') ~ sqlc.arg(division_pattern)::text)
ORDER BY org.id, f.id;

-- name: ReservedAwardsFromBuyerOf :many
-- ReservedAwardsFromBuyer for several suppliers at once.
SELECT o.supplier_id::uuid AS supplier_id, lb.basis::text AS basis, o.recorded_at
FROM lot_outcomes o
JOIN tender_lots l ON l.id = o.lot_id
JOIN tenders t ON t.id = l.tender_id
CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(l.clauses -> 'legal_bases', '[]'::jsonb)) AS lb(basis)
WHERE o.result = 'awarded_passerelle'
  AND o.supplier_id = ANY (sqlc.arg(supplier_ids)::uuid[])
  AND t.organisation_id = sqlc.arg(buyer_id)::uuid
  AND o.recorded_at >= sqlc.arg(since)::timestamptz
  AND lb.basis = ANY (sqlc.arg(bases)::text[])
ORDER BY o.supplier_id, o.recorded_at;

-- name: InsertLotRoutes :many
-- Routes a lot to a batch of organisations, skipping any it was already
-- routed to (never the same supplier twice); returns the organisations
-- routed now.
INSERT INTO lot_routes (lot_id, tender_id, organisation_id, offer_id, batch, routed_at, score, explanation)
SELECT sqlc.arg(lot_id)::uuid, sqlc.arg(tender_id)::uuid, x.organisation_id, x.offer_id,
       sqlc.arg(batch)::integer, sqlc.arg(routed_at)::timestamptz, x.score, x.explanation
-- One JSON array of {organisation_id, offer_id, score, explanation}: a
-- batch in one statement whatever its size.
FROM jsonb_to_recordset(sqlc.arg(routes)::jsonb)
     AS x(organisation_id uuid, offer_id uuid, score integer, explanation jsonb)
ON CONFLICT (lot_id, organisation_id) DO NOTHING
RETURNING organisation_id;

-- name: NextLotRouteBatch :one
-- The number of a lot's next batch: 1 for the first.
SELECT (coalesce(max(batch), 0) + 1)::integer FROM lot_routes WHERE lot_id = sqlc.arg(lot_id)::uuid;

-- name: AnswerLotRoute :one
-- Records (or changes) a supplier's answer to a lot routed to it.
UPDATE lot_routes SET answer = sqlc.arg(answer)::text, decline_reason = sqlc.narg(decline_reason),
    decline_note = sqlc.narg(decline_note), answered_at = sqlc.arg(answered_at)::timestamptz
WHERE lot_id = sqlc.arg(lot_id)::uuid AND organisation_id = sqlc.arg(organisation_id)::uuid
RETURNING *;

-- name: GetLotRoute :one
SELECT * FROM lot_routes WHERE lot_id = sqlc.arg(lot_id)::uuid AND organisation_id = sqlc.arg(organisation_id)::uuid;

-- name: ListLotRoutes :many
-- A page of the routes of a lot in routing order (batch, best score
-- first, organisation id), after the key (batch, -score, organisation).
SELECT * FROM lot_routes
WHERE lot_id = sqlc.arg(lot_id)::uuid
  AND (batch, -score, organisation_id) > (sqlc.arg(after_batch)::integer, sqlc.arg(after_neg_score)::integer,
                                          sqlc.arg(after_organisation)::uuid)
ORDER BY batch, -score, organisation_id
LIMIT sqlc.arg(row_limit);

-- name: LotRouteCounts :one
-- How many suppliers a lot was routed to, and how many answered each way:
-- what top-ups and the buyer's interest milestones read.
SELECT count(*)::integer AS routed,
       count(*) FILTER (WHERE answer = 'interested')::integer AS interested,
       count(*) FILTER (WHERE answer = 'not_interested')::integer AS not_interested,
       coalesce(max(batch), 0)::integer AS batches
FROM lot_routes WHERE lot_id = sqlc.arg(lot_id)::uuid;

-- name: LotRoutedOrganisations :many
-- The organisations a lot was already routed to, whatever their answer:
-- what a top-up leaves out before it takes the next best matches.
SELECT organisation_id FROM lot_routes WHERE lot_id = sqlc.arg(lot_id)::uuid ORDER BY organisation_id;
