-- Open data (issue 10): the published tenders as OCDS releases and the
-- public statistics. Only what the public already sees is read here: the
-- tenders past moderation (published, closed, awarded, not awarded) of
-- active buyers, and aggregates.

-- name: ListOpenDataTenders :many
-- Public tenders by release date (tenders.released_at: the latest of
-- publication, last change, closing and recorded outcome, kept by
-- migration 00025's triggers), newest first, before the (date, id) of the
-- previous page's last row, and no older than since.
SELECT t.id, t.released_at
FROM tenders t
JOIN organisations g ON g.id = t.organisation_id AND g.status = 'active'
WHERE t.state IN ('published', 'closed', 'awarded', 'not_awarded')
  AND t.released_at >= sqlc.arg(since)::timestamptz
  AND (t.released_at, t.id) < (sqlc.arg(before_released_at)::timestamptz, sqlc.arg(before_id)::uuid)
ORDER BY t.released_at DESC, t.id DESC
LIMIT sqlc.arg(row_limit);

-- name: GetOpenDataTender :one
-- The release date of one public tender.
SELECT t.released_at
FROM tenders t
JOIN organisations g ON g.id = t.organisation_id AND g.status = 'active'
WHERE t.id = sqlc.arg(id)
  AND t.state IN ('published', 'closed', 'awarded', 'not_awarded');

-- name: ListOpenDataParties :many
-- The organisations a page of releases may name (buyers and winners), with
-- their legal identifiers by kind, in one read.
SELECT g.id, g.kind, g.status, g.country, g.legal_name, g.trade_name, g.town, g.postcode,
       COALESCE(array_agg(i.kind ORDER BY i.kind) FILTER (WHERE i.kind IS NOT NULL), '{}')::text[] AS identifier_kinds,
       COALESCE(array_agg(i.value ORDER BY i.kind) FILTER (WHERE i.kind IS NOT NULL), '{}')::text[] AS identifier_values
FROM organisations g
LEFT JOIN organisation_identifiers i ON i.organisation_id = g.id
WHERE g.id = ANY(sqlc.arg(ids)::uuid[])
GROUP BY g.id;

-- name: StatisticsTenders :one
-- Public tenders, those with a reserved lot, and their lots.
SELECT count(*)::bigint AS tenders,
       count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM tender_lots l WHERE l.tender_id = t.id
             AND COALESCE(l.clauses ->> 'reserved_participation', 'none') <> 'none'))::bigint AS reserved_tenders,
       count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM tender_lots l WHERE l.tender_id = t.id
             AND l.clauses -> 'strategic_procurement' ? 'soc-obj'))::bigint AS social_tenders,
       COALESCE((SELECT count(*) FROM tender_lots l JOIN tenders t2 ON t2.id = l.tender_id
                 JOIN organisations g2 ON g2.id = t2.organisation_id AND g2.status = 'active'
                 WHERE t2.state IN ('published', 'closed', 'awarded', 'not_awarded')), 0)::bigint AS lots
FROM tenders t
JOIN organisations g ON g.id = t.organisation_id AND g.status = 'active'
WHERE t.state IN ('published', 'closed', 'awarded', 'not_awarded');

-- name: StatisticsTendersByMonth :many
-- Public tenders by calendar month of publication in the time zone given
-- (the cluster's: core.ClusterTimeZone), oldest first.
SELECT to_char(date_trunc('month', t.published_at AT TIME ZONE sqlc.arg(zone)::text), 'YYYY-MM')::text AS month,
       count(*)::bigint AS tenders,
       count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM tender_lots l WHERE l.tender_id = t.id
             AND COALESCE(l.clauses ->> 'reserved_participation', 'none') <> 'none'))::bigint AS reserved_tenders
FROM tenders t
JOIN organisations g ON g.id = t.organisation_id AND g.status = 'active'
WHERE t.state IN ('published', 'closed', 'awarded', 'not_awarded')
GROUP BY 1
ORDER BY 1;

-- name: StatisticsSuppliersByCountry :many
-- Active SSE suppliers by country, and how many of them hold a verified
-- status that has not expired on today.
SELECT g.country::text AS country, count(*)::bigint AS suppliers,
       count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM sse_statuses s WHERE s.organisation_id = g.id AND s.state = 'verified'
             AND s.valid_until >= sqlc.arg(today)::date))::bigint AS verified
FROM organisations g
WHERE g.kind = 'sse_supplier' AND g.status = 'active'
GROUP BY g.country
ORDER BY g.country;

-- name: StatisticsSuppliersByStatus :many
-- Active SSE suppliers holding each verified, unexpired status type.
SELECT s.type::text AS type, count(DISTINCT s.organisation_id)::bigint AS suppliers
FROM sse_statuses s
JOIN organisations g ON g.id = s.organisation_id AND g.kind = 'sse_supplier' AND g.status = 'active'
WHERE s.state = 'verified' AND s.valid_until >= sqlc.arg(today)::date
GROUP BY s.type
ORDER BY s.type;

-- name: StatisticsOffersBySector :many
-- Published offers of active suppliers by sector group (the part of a
-- sector code before its dot; an offer counts once in each group it names).
SELECT split_part(sector, '.', 1)::text AS sector_group, count(DISTINCT o.id)::bigint AS offers
FROM offers o
JOIN organisations g ON g.id = o.organisation_id AND g.status = 'active'
CROSS JOIN LATERAL unnest(o.sectors) AS sector
WHERE o.state = 'published'
GROUP BY 1
ORDER BY 1;

-- name: StatisticsPublishedOffers :one
SELECT count(*)::bigint AS offers
FROM offers o
JOIN organisations g ON g.id = o.organisation_id AND g.status = 'active'
WHERE o.state = 'published';

-- name: StatisticsAwards :many
-- Lots of public tenders awarded, by currency and by whether the winner
-- was found on Passerelle, and the recorded amounts of those of public
-- buyers (a private company's amounts are never published).
SELECT o.result::text AS result, o.currency::text AS currency, count(*)::bigint AS lots,
       COALESCE(sum(o.amount_cents) FILTER (WHERE g.kind = 'public_buyer'), 0)::bigint AS amount_cents
FROM lot_outcomes o
JOIN tender_lots l ON l.id = o.lot_id
JOIN tenders t ON t.id = l.tender_id AND t.state IN ('published', 'closed', 'awarded', 'not_awarded')
JOIN organisations g ON g.id = t.organisation_id AND g.status = 'active'
WHERE o.result <> 'not_awarded'
GROUP BY o.result, o.currency
ORDER BY o.result, o.currency;

-- name: StatisticsMeetings :one
-- Convention meetings of published events that took place: at least one
-- side recorded that it was held (held, follow-up or deal); and deals.
SELECT count(DISTINCT m.id) FILTER (WHERE mo.outcome IN ('held', 'follow_up', 'deal'))::bigint AS held,
       count(DISTINCT m.id) FILTER (WHERE mo.outcome = 'deal')::bigint AS deals
FROM event_meetings m
JOIN events e ON e.id = m.event_id AND e.state = 'published'
JOIN event_meeting_outcomes mo ON mo.meeting_id = m.id;
