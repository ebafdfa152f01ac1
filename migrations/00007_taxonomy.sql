-- +goose Up
-- The Common Procurement Vocabulary 2008 (main vocabulary), loaded by
-- `passerelle import-cpv` from the EU's multilingual list. Offers and
-- tenders name codes by code8; the full code carries the check digit the
-- Publications Office published (see taxonomy.ValidCPV). Sectors are not
-- here: Passerelle's sector catalogue is code (internal/taxonomy), with
-- CPV prefixes pointing into this table.
CREATE TABLE cpv_codes (
    code8     text PRIMARY KEY CHECK (code8 ~ '^[0-9]{8}$'),
    code      text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{8}-[0-9]$' AND left(code, 8) = code8),
    -- 1 (division, XX000000) to 7; parent is a code of a lower level whose
    -- digits begin this one's (the official list skips levels here and there).
    level     smallint NOT NULL CHECK (level BETWEEN 1 AND 7),
    parent    text REFERENCES cpv_codes (code8) DEFERRABLE INITIALLY DEFERRED,
    type      text NOT NULL CHECK (type IN ('supplies', 'services', 'works')),
    label_fr  text NOT NULL CHECK (length(label_fr) BETWEEN 1 AND 400),
    label_de  text NOT NULL CHECK (length(label_de) BETWEEN 1 AND 400),
    label_en  text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 400),
    label_nl  text NOT NULL CHECK (length(label_nl) BETWEEN 1 AND 400),
    -- The labels folded by taxonomy.Fold (lower case, no diacritics), which
    -- searches compare with folded words: written by the importer.
    search_fr text NOT NULL,
    search_de text NOT NULL,
    search_en text NOT NULL,
    search_nl text NOT NULL,
    CHECK ((level = 1) = (parent IS NULL))
);
-- Prefix searches (code8 LIKE '9091%') use this index whatever the
-- database's collation.
CREATE INDEX cpv_codes_code8_prefix_idx ON cpv_codes (code8 text_pattern_ops);
CREATE INDEX cpv_codes_parent_idx ON cpv_codes (parent);

-- +goose Down
DROP TABLE cpv_codes;
