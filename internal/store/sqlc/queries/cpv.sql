-- name: UpsertCPVCodes :many
-- Inserts or updates many codes in one statement; returns a row only for
-- the codes it inserted or changed, so that the importer can count them.
INSERT INTO cpv_codes (code8, code, level, parent, type, label_fr, label_de, label_en, label_nl,
                       search_fr, search_de, search_en, search_nl)
SELECT u.code8, u.code, u.level, NULLIF(u.parent, ''), u.type, u.label_fr, u.label_de, u.label_en, u.label_nl,
       u.search_fr, u.search_de, u.search_en, u.search_nl
-- Parallel unnest in the select list zips the arrays, row by row.
FROM (SELECT unnest(@code8::text[]) AS code8,
             unnest(@code::text[]) AS code,
             unnest(@level::smallint[]) AS level,
             unnest(@parent::text[]) AS parent,
             unnest(@type::text[]) AS type,
             unnest(@label_fr::text[]) AS label_fr,
             unnest(@label_de::text[]) AS label_de,
             unnest(@label_en::text[]) AS label_en,
             unnest(@label_nl::text[]) AS label_nl,
             unnest(@search_fr::text[]) AS search_fr,
             unnest(@search_de::text[]) AS search_de,
             unnest(@search_en::text[]) AS search_en,
             unnest(@search_nl::text[]) AS search_nl) AS u
ON CONFLICT (code8) DO UPDATE
SET code = EXCLUDED.code, level = EXCLUDED.level, parent = EXCLUDED.parent, type = EXCLUDED.type,
    label_fr = EXCLUDED.label_fr, label_de = EXCLUDED.label_de, label_en = EXCLUDED.label_en, label_nl = EXCLUDED.label_nl,
    search_fr = EXCLUDED.search_fr, search_de = EXCLUDED.search_de, search_en = EXCLUDED.search_en, search_nl = EXCLUDED.search_nl
WHERE (cpv_codes.code, cpv_codes.level, cpv_codes.parent, cpv_codes.type,
       cpv_codes.label_fr, cpv_codes.label_de, cpv_codes.label_en, cpv_codes.label_nl)
      IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.level, EXCLUDED.parent, EXCLUDED.type,
       EXCLUDED.label_fr, EXCLUDED.label_de, EXCLUDED.label_en, EXCLUDED.label_nl)
RETURNING (xmax = 0)::boolean AS inserted;

-- name: CountCPVCodes :one
SELECT count(*) FROM cpv_codes;

-- name: GetCPVCode :one
-- A code by its eight digits or its full form with the check digit.
SELECT * FROM cpv_codes WHERE code8 = @code::text OR code = @code::text;

-- name: ListCPVAncestors :many
-- The parent chain of a code, from its division down to its parent.
WITH RECURSIVE chain AS (
    SELECT p.* FROM cpv_codes p WHERE p.code8 = (SELECT c.parent FROM cpv_codes c WHERE c.code8 = @code8::text)
    UNION ALL
    SELECT p.* FROM cpv_codes p JOIN chain ON p.code8 = chain.parent
)
SELECT * FROM chain ORDER BY level;

-- name: SearchCPVCodes :many
-- One page of codes by code, after the previous page's last code8: those
-- beginning with prefix, of level (0 for any), whose label in lang
-- contains every one of words (folded, see taxonomy.Fold).
SELECT * FROM cpv_codes c
WHERE c.code8 LIKE @prefix::text || '%'
  AND (@level::int = 0 OR c.level = @level::int)
  AND c.code8 > @after::text
  AND NOT EXISTS (
      SELECT 1 FROM unnest(@words::text[]) AS w(word)
      WHERE strpos(CASE @lang::text WHEN 'fr' THEN c.search_fr WHEN 'de' THEN c.search_de
                                    WHEN 'nl' THEN c.search_nl ELSE c.search_en END, w.word) = 0)
ORDER BY c.code8
LIMIT @row_limit;

-- name: MissingCPVCodes :many
-- Those of codes (code8 or full codes) that are not imported, in the order given.
SELECT w.code::text FROM unnest(@codes::text[]) WITH ORDINALITY AS w(code, n)
WHERE NOT EXISTS (SELECT 1 FROM cpv_codes c WHERE c.code8 = w.code OR c.code = w.code)
ORDER BY w.n;
