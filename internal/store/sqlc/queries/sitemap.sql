-- name: CountSitemapEntries :one
-- How many public pages /sitemap.xml lists: published offers and open
-- (published) tenders of active organisations, and active SSE suppliers
-- (their profiles). Suspended organisations' pages are hidden from the
-- public (core.listingVisible), so they are left out here too.
SELECT (
  (SELECT count(*) FROM offers o JOIN organisations g ON g.id = o.organisation_id
    WHERE o.state = 'published' AND g.status = 'active')
  + (SELECT count(*) FROM tenders t JOIN organisations g ON g.id = t.organisation_id
    WHERE t.state = 'published' AND g.status = 'active')
  + (SELECT count(*) FROM organisations g WHERE g.kind = 'sse_supplier' AND g.status = 'active'))::bigint AS total;

-- name: ListSitemapEntries :many
-- One page of the sitemap, in a stable order (kind, then id): skip rows,
-- then take row_limit. The offset stays below the count of public pages,
-- a few hundred thousand at most, which PostgreSQL skips in milliseconds.
SELECT e.kind::text AS kind, e.id::uuid AS id, e.lastmod::timestamptz AS lastmod FROM (
  SELECT 'offer' AS kind, o.id, o.updated_at AS lastmod FROM offers o
  JOIN organisations g ON g.id = o.organisation_id
  WHERE o.state = 'published' AND g.status = 'active'
  UNION ALL
  SELECT 'organisation', g.id, g.updated_at FROM organisations g
  WHERE g.kind = 'sse_supplier' AND g.status = 'active'
  UNION ALL
  SELECT 'tender', t.id, t.updated_at FROM tenders t
  JOIN organisations g ON g.id = t.organisation_id
  WHERE t.state = 'published' AND g.status = 'active'
) e
ORDER BY e.kind, e.id
OFFSET sqlc.arg(skip)::bigint
LIMIT sqlc.arg(row_limit)::bigint;
