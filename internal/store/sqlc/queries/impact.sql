-- The facts the impact figures are computed from (issue 10). Each query
-- is scoped by an optional buyer organisation (NULL: the whole cluster)
-- and a period [from, to) (NULL bounds are open); core aggregates.

-- name: ImpactAwards :many
-- Lots awarded to an SSE supplier of Passerelle with an amount in euros,
-- recorded in the period: the supplier's and the buyer's countries, the
-- lot's CPV codes (its sector) and the supplier's verified status types.
SELECT o.lot_id, o.amount_cents::bigint AS amount_cents, o.recorded_at,
       l.cpv, s.id AS supplier_id, s.country::text AS supplier_country,
       b.id AS buyer_id, b.country::text AS buyer_country,
       coalesce((SELECT array_agg(DISTINCT st.type ORDER BY st.type) FROM sse_statuses st
                 WHERE st.organisation_id = s.id AND st.state = 'verified'), '{}')::text[] AS status_types
FROM lot_outcomes o
JOIN tender_lots l ON l.id = o.lot_id
JOIN tenders t ON t.id = l.tender_id
JOIN organisations b ON b.id = t.organisation_id
JOIN organisations s ON s.id = o.supplier_id
WHERE o.result = 'awarded_passerelle' AND o.amount_cents IS NOT NULL AND o.currency = 'EUR'
  AND (sqlc.narg(buyer_id)::uuid IS NULL OR t.organisation_id = sqlc.narg(buyer_id)::uuid)
  AND (sqlc.narg(from_at)::timestamptz IS NULL OR o.recorded_at >= sqlc.narg(from_at)::timestamptz)
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR o.recorded_at < sqlc.narg(to_at)::timestamptz)
ORDER BY o.recorded_at, o.lot_id;

-- name: ImpactMeetings :many
-- Convention meetings of the period with an outcome recorded by at least
-- one side: both sides' organisations (kind, country, event sectors,
-- verified status types) and what each recorded.
SELECT m.id, m.starts_at,
       oa.id AS a_org_id, oa.kind AS a_kind, oa.country::text AS a_country, da.sectors AS a_sectors,
       coalesce((SELECT array_agg(DISTINCT st.type ORDER BY st.type) FROM sse_statuses st
                 WHERE st.organisation_id = oa.id AND st.state = 'verified'), '{}')::text[] AS a_status_types,
       xa.outcome AS a_outcome, xa.amount_cents AS a_amount_cents, coalesce(xa.currency, 'EUR')::text AS a_currency,
       ob.id AS b_org_id, ob.kind AS b_kind, ob.country::text AS b_country, db.sectors AS b_sectors,
       coalesce((SELECT array_agg(DISTINCT st.type ORDER BY st.type) FROM sse_statuses st
                 WHERE st.organisation_id = ob.id AND st.state = 'verified'), '{}')::text[] AS b_status_types,
       xb.outcome AS b_outcome, xb.amount_cents AS b_amount_cents, coalesce(xb.currency, 'EUR')::text AS b_currency
FROM event_meetings m
JOIN meeting_requests r ON r.id = m.request_id
JOIN event_delegates da ON da.id = r.from_delegate_id
JOIN event_delegates db ON db.id = r.to_delegate_id
JOIN organisations oa ON oa.id = da.organisation_id
JOIN organisations ob ON ob.id = db.organisation_id
LEFT JOIN event_meeting_outcomes xa ON xa.meeting_id = m.id AND xa.organisation_id = da.organisation_id
LEFT JOIN event_meeting_outcomes xb ON xb.meeting_id = m.id AND xb.organisation_id = db.organisation_id
WHERE (xa.meeting_id IS NOT NULL OR xb.meeting_id IS NOT NULL)
  AND (sqlc.narg(buyer_id)::uuid IS NULL OR oa.id = sqlc.narg(buyer_id)::uuid OR ob.id = sqlc.narg(buyer_id)::uuid)
  AND (sqlc.narg(from_at)::timestamptz IS NULL OR m.starts_at >= sqlc.narg(from_at)::timestamptz)
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR m.starts_at < sqlc.narg(to_at)::timestamptz)
ORDER BY m.starts_at, m.id;

-- name: ImpactTenders :many
-- Tenders published in the period, with their buyer's country and the
-- first time a supplier said it was interested (has_interest false: none
-- yet, and first_interest_at is then the publication).
SELECT t.id, t.published_at::timestamptz AS published_at, b.country::text AS buyer_country,
       (fi.first_interest_at IS NOT NULL)::boolean AS has_interest,
       coalesce(fi.first_interest_at, t.published_at)::timestamptz AS first_interest_at
FROM tenders t
JOIN organisations b ON b.id = t.organisation_id
LEFT JOIN (SELECT i.tender_id, min(i.first_at) AS first_interest_at FROM tender_interested_organisations i GROUP BY i.tender_id) fi
       ON fi.tender_id = t.id
WHERE t.published_at IS NOT NULL
  AND (sqlc.narg(buyer_id)::uuid IS NULL OR t.organisation_id = sqlc.narg(buyer_id)::uuid)
  AND (sqlc.narg(from_at)::timestamptz IS NULL OR t.published_at >= sqlc.narg(from_at)::timestamptz)
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR t.published_at < sqlc.narg(to_at)::timestamptz)
ORDER BY t.published_at, t.id;

-- name: ImpactSupplierReach :one
-- Distinct supplier organisations the given tenders were routed to, that
-- said they were interested (ever), and that responded (a response
-- submitted and not withdrawn).
SELECT (SELECT count(DISTINCT r.organisation_id) FROM lot_routes r
        WHERE r.tender_id = ANY (sqlc.arg(tender_ids)::uuid[]))::bigint AS reached,
       (SELECT count(DISTINCT i.organisation_id) FROM tender_interested_organisations i
        WHERE i.tender_id = ANY (sqlc.arg(tender_ids)::uuid[]))::bigint AS interested,
       (SELECT count(DISTINCT x.organisation_id) FROM responses x
        WHERE x.tender_id = ANY (sqlc.arg(tender_ids)::uuid[])
          AND x.state IN ('submitted', 'shortlisted', 'accepted', 'declined'))::bigint AS responding;
