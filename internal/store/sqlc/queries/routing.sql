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

-- name: LotsDueForRouting :many
-- The lots of a tender to route a batch of now: for a first routing
-- (top_up false) the lots never routed; for a top-up the lots with fewer
-- interested suppliers than @target and no batch since @day_start (at
-- most one batch per lot per day).
SELECT l.id FROM tender_lots l
WHERE l.tender_id = sqlc.arg(tender_id)::uuid
  AND NOT EXISTS (SELECT 1 FROM lot_routes r WHERE r.lot_id = l.id
                  AND (NOT sqlc.arg(top_up)::boolean OR r.routed_at >= sqlc.arg(day_start)::timestamptz))
  AND (NOT sqlc.arg(top_up)::boolean
       OR (SELECT count(*) FROM lot_routes r WHERE r.lot_id = l.id AND r.answer = 'interested') < sqlc.arg(target)::integer)
ORDER BY l.position;

-- name: TendersDueForTopUp :many
-- The published tenders of active buyers, before their deadline, with a
-- lot due for a top-up (see LotsDueForRouting), in id order after @after.
SELECT t.id FROM tenders t
JOIN organisations b ON b.id = t.organisation_id
WHERE t.state = 'published' AND t.responses_deadline > sqlc.arg(now)::timestamptz AND b.status = 'active'
  AND t.id > sqlc.arg(after)::uuid
  AND EXISTS (SELECT 1 FROM tender_lots l
              WHERE l.tender_id = t.id
                AND NOT EXISTS (SELECT 1 FROM lot_routes r WHERE r.lot_id = l.id AND r.routed_at >= sqlc.arg(day_start)::timestamptz)
                AND (SELECT count(*) FROM lot_routes r WHERE r.lot_id = l.id AND r.answer = 'interested') < sqlc.arg(target)::integer)
ORDER BY t.id
LIMIT sqlc.arg(row_limit);

-- name: TenderNotInterestedOrganisations :many
-- The organisations that said they are not interested in a whole tender:
-- routing leaves them out of the tender's later lots and batches.
SELECT organisation_id FROM tender_not_interested WHERE tender_id = sqlc.arg(tender_id)::uuid ORDER BY organisation_id;

-- name: OrganisationTenderRouteAnswers :one
-- How many lots of a tender were routed to an organisation, and how many
-- it declined: all declined makes it "not interested" in the tender.
SELECT count(*)::integer AS routed,
       count(*) FILTER (WHERE answer = 'not_interested')::integer AS declined
FROM lot_routes WHERE tender_id = sqlc.arg(tender_id)::uuid AND organisation_id = sqlc.arg(organisation_id)::uuid;

-- name: DeclineTenderRoutes :exec
-- Marks every lot of a tender routed to an organisation "not interested"
-- (the tender-level answer).
UPDATE lot_routes SET answer = 'not_interested', decline_reason = sqlc.arg(decline_reason)::text,
    decline_note = sqlc.narg(decline_note), answered_at = sqlc.arg(answered_at)::timestamptz
WHERE tender_id = sqlc.arg(tender_id)::uuid AND organisation_id = sqlc.arg(organisation_id)::uuid;

-- name: SetTenderNotInterestedFromRoutes :exec
-- Records a supplier's "not interested" in a tender derived from its
-- answers to the routed lots (see DeclineTenderRoutes for the converse).
INSERT INTO tender_not_interested (tender_id, organisation_id, reason, decline_reason, created_at)
VALUES (sqlc.arg(tender_id)::uuid, sqlc.arg(organisation_id)::uuid, sqlc.arg(reason)::text, sqlc.arg(decline_reason)::text,
        sqlc.arg(now)::timestamptz)
ON CONFLICT (tender_id, organisation_id) DO UPDATE
SET reason = EXCLUDED.reason, decline_reason = EXCLUDED.decline_reason, created_at = EXCLUDED.created_at;

-- name: DeleteTenderNotInterested :exec
-- A supplier interested again in a lot is no longer "not interested" in
-- the tender.
DELETE FROM tender_not_interested WHERE tender_id = sqlc.arg(tender_id)::uuid AND organisation_id = sqlc.arg(organisation_id)::uuid;

-- name: AddTenderInterestedOrganisation :execrows
-- Counts an organisation's first interest in a tender (once, ever).
INSERT INTO tender_interested_organisations (tender_id, organisation_id, first_at)
VALUES (sqlc.arg(tender_id)::uuid, sqlc.arg(organisation_id)::uuid, sqlc.arg(first_at)::timestamptz)
ON CONFLICT DO NOTHING;

-- name: CountTenderInterestedOrganisations :one
SELECT count(*)::integer FROM tender_interested_organisations WHERE tender_id = sqlc.arg(tender_id)::uuid;

-- name: ReachTenderInterestMilestone :execrows
-- Records a milestone once: 0 rows when it was already reached.
INSERT INTO tender_interest_milestones (tender_id, milestone, reached_at)
VALUES (sqlc.arg(tender_id)::uuid, sqlc.arg(milestone)::integer, sqlc.arg(reached_at)::timestamptz)
ON CONFLICT DO NOTHING;

-- name: ListOrganisationNeeds :many
-- A page of the lots routed to an organisation, newest first, after the
-- (routed_at, lot_id) of the previous page's last row; @answer filters:
-- '' all, 'unanswered', 'interested' or 'not_interested'. The lots of a
-- suspended buyer's tenders are left out: its tenders are hidden from
-- other organisations (core.listingVisible).
SELECT * FROM lot_routes
WHERE organisation_id = sqlc.arg(organisation_id)::uuid
  AND EXISTS (SELECT 1 FROM tenders t JOIN organisations g ON g.id = t.organisation_id
              WHERE t.id = lot_routes.tender_id AND g.status = 'active')
  AND (sqlc.arg(answer)::text = ''
       OR (sqlc.arg(answer)::text = 'unanswered' AND answer IS NULL)
       OR answer = sqlc.arg(answer)::text)
  AND (routed_at, lot_id) < (sqlc.arg(before_routed_at)::timestamptz, sqlc.arg(before_lot)::uuid)
ORDER BY routed_at DESC, lot_id DESC
LIMIT sqlc.arg(row_limit);
