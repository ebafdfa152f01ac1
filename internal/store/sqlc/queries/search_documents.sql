-- The rows the search document builder (core.SearchDocuments) reads. Each
-- query loads a whole batch of listings that are public at @at, so that
-- building documents costs a fixed number of queries whatever the batch
-- size. What "public" means for each kind is written in
-- internal/core/search_documents.go; the WHERE clauses here are its only
-- implementation.

-- name: SearchOfferRows :many
-- Published offers of active organisations among ids, with what the
-- document needs of the organisation: place, position, the NUTS regions of
-- the intervention area and the SSE status types that count at @at.
SELECT o.id, o.organisation_id, o.sectors, o.cpv_codes, o.accepts_cross_border, o.original_language,
       o.published_at::timestamptz AS published_at,
       org.country, org.nuts3, org.latitude, org.longitude, org.legal_name, org.trade_name, org.town,
       array(SELECT r.nuts_code FROM offer_regions r WHERE r.offer_id = o.id ORDER BY r.nuts_code)::text[] AS regions,
       array(SELECT s.type FROM sse_statuses s
             WHERE s.organisation_id = o.organisation_id AND s.state = 'verified' AND s.valid_until >= @on_date::date
             ORDER BY s.type)::text[] AS status_types
FROM offers o
JOIN organisations org ON org.id = o.organisation_id
WHERE o.id = ANY(@ids::uuid[]) AND o.state = 'published' AND org.status = 'active'
ORDER BY o.id;

-- name: SearchTenderRows :many
-- Published tenders still open for responses at @at, of active buyers,
-- among ids, with the buyer's name and position.
SELECT t.id, t.organisation_id, t.original_language, t.place_nuts, t.place_town, t.responses_deadline,
       t.published_at::timestamptz AS published_at, t.buyer_anonymous, org.country, org.legal_name, org.trade_name,
       org.latitude, org.longitude
FROM tenders t
JOIN organisations org ON org.id = t.organisation_id
WHERE t.id = ANY(@ids::uuid[]) AND t.state = 'published' AND t.responses_deadline > @at::timestamptz
  AND org.status = 'active'
ORDER BY t.id;

-- name: TownCentres :many
-- The known towns (see FindTowns) among @keys, each a country code, "|"
-- and a town name ("FR|Metz", case ignored), with the average of their
-- organisations' coordinates: each distinct key reads its town's entries
-- of organisations_town_centre_idx (the country is compared as the
-- column's char(2), or the index could not serve it).
SELECT x.key::text AS key, c.latitude::float8 AS latitude, c.longitude::float8 AS longitude
FROM (SELECT DISTINCT unnest(@keys::text[])) AS x(key)
CROSS JOIN LATERAL (
    SELECT avg(k.latitude) AS latitude, avg(k.longitude) AS longitude
    FROM organisations k
    WHERE k.country = left(x.key, 2)::char(2) AND lower(k.town) = lower(substr(x.key, 4))
      AND k.status = 'active' AND k.latitude IS NOT NULL
) c
WHERE c.latitude IS NOT NULL;

-- name: SearchSupplierRows :many
-- Active SSE supplier organisations among ids that hold at least one SSE
-- status counting at @at, with those statuses' types, the date the first
-- of them was verified (when the profile became public), and the sectors,
-- CPV codes and cross-border flag of their published offers.
SELECT org.id, org.country, org.legal_name, org.trade_name, org.town, org.nuts3, org.latitude, org.longitude, org.languages,
       array(SELECT s.type FROM sse_statuses s
             WHERE s.organisation_id = org.id AND s.state = 'verified' AND s.valid_until >= @on_date::date
             ORDER BY s.type)::text[] AS status_types,
       (SELECT min(s.reviewed_at) FROM sse_statuses s
        WHERE s.organisation_id = org.id AND s.state = 'verified' AND s.valid_until >= @on_date::date)::timestamptz AS verified_at,
       array(SELECT DISTINCT x FROM offers o, unnest(o.sectors) AS x
             WHERE o.organisation_id = org.id AND o.state = 'published' ORDER BY x)::text[] AS sectors,
       array(SELECT DISTINCT x FROM offers o, unnest(o.cpv_codes) AS x
             WHERE o.organisation_id = org.id AND o.state = 'published' ORDER BY x)::text[] AS cpv_codes,
       coalesce((SELECT bool_or(o.accepts_cross_border) FROM offers o
                 WHERE o.organisation_id = org.id AND o.state = 'published'), false)::boolean AS accepts_cross_border
FROM organisations org
WHERE org.id = ANY(@ids::uuid[]) AND org.kind = 'sse_supplier' AND org.status = 'active'
  AND EXISTS (SELECT 1 FROM sse_statuses s
              WHERE s.organisation_id = org.id AND s.state = 'verified' AND s.valid_until >= @on_date::date)
ORDER BY org.id;

-- name: ListOrganisationDescriptionsOf :many
SELECT * FROM organisation_descriptions
WHERE organisation_id = ANY(@organisation_ids::uuid[])
ORDER BY organisation_id, language;

-- name: ListCPVLabels :many
-- The labels of codes (eight digits), in any order.
SELECT code8, label_fr, label_de, label_en, label_nl FROM cpv_codes
WHERE code8 = ANY(@codes::text[]);

-- name: PublicOfferIDs :many
-- The ids of public offers after @after, in id order (see SearchOfferRows).
SELECT o.id FROM offers o
JOIN organisations org ON org.id = o.organisation_id
WHERE o.state = 'published' AND org.status = 'active' AND o.id > @after::uuid
ORDER BY o.id
LIMIT @row_limit;

-- name: PublicTenderIDs :many
-- The ids of public tenders after @after, in id order (see SearchTenderRows).
SELECT t.id FROM tenders t
JOIN organisations org ON org.id = t.organisation_id
WHERE t.state = 'published' AND t.responses_deadline > @at::timestamptz AND org.status = 'active' AND t.id > @after::uuid
ORDER BY t.id
LIMIT @row_limit;

-- name: PublicSupplierIDs :many
-- The ids of public suppliers after @after, in id order (see SearchSupplierRows).
SELECT org.id FROM organisations org
WHERE org.kind = 'sse_supplier' AND org.status = 'active' AND org.id > @after::uuid
  AND EXISTS (SELECT 1 FROM sse_statuses s
              WHERE s.organisation_id = org.id AND s.state = 'verified' AND s.valid_until >= @on_date::date)
ORDER BY org.id
LIMIT @row_limit;

-- name: FindTowns :many
-- The towns named @town (case ignored) where active organisations with a
-- position are, per country (of @country only, when not empty), with the
-- average of their coordinates: the towns a search can be centred on.
SELECT k.country::text AS country, min(k.town)::text AS town, avg(k.latitude)::float8 AS latitude,
       avg(k.longitude)::float8 AS longitude
FROM organisations k
WHERE k.status = 'active' AND k.latitude IS NOT NULL AND lower(k.town) = lower(@town::text)
  AND (@country::text = '' OR k.country = @country::text)
GROUP BY k.country, lower(k.town)
ORDER BY k.country;

-- name: SuggestTowns :many
-- Known towns (see FindTowns) beginning with @prefix, for the hint of an
-- unknown town.
SELECT DISTINCT min(k.town)::text AS town
FROM organisations k
WHERE k.status = 'active' AND k.latitude IS NOT NULL AND lower(k.town) LIKE lower(@prefix::text) || '%'
  AND (@country::text = '' OR k.country = @country::text)
GROUP BY k.country, lower(k.town)
ORDER BY 1
LIMIT 5;
