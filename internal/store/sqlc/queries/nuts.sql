-- name: UpsertNUTSRegion :one
-- Returns nothing when the stored row is already identical, so that the
-- importer can count what it changed.
INSERT INTO nuts_regions (code, level, name, country, parent, retired)
VALUES (@code, @level, @name, @country, @parent, @retired)
ON CONFLICT (code) DO UPDATE
SET level = EXCLUDED.level, name = EXCLUDED.name, country = EXCLUDED.country, parent = EXCLUDED.parent, retired = EXCLUDED.retired
WHERE (nuts_regions.level, nuts_regions.name, nuts_regions.country, nuts_regions.parent, nuts_regions.retired)
      IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.name, EXCLUDED.country, EXCLUDED.parent, EXCLUDED.retired)
RETURNING (xmax = 0)::boolean AS inserted;

-- name: GetNUTSRegion :one
SELECT * FROM nuts_regions WHERE code = $1;

-- name: ListNUTSRegions :many
-- Empty country or negative level means any.
SELECT * FROM nuts_regions
WHERE (@country::text = '' OR country = @country::text)
  AND (@level::int < 0 OR level = @level::int)
  AND (@include_retired::boolean OR NOT retired)
ORDER BY code;

-- name: CountNUTSRegions :one
-- How many current regions of a level a country has (all countries when empty).
SELECT count(*) FROM nuts_regions
WHERE (@country::text = '' OR country = @country::text) AND level = @level AND NOT retired;
