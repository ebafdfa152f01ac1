-- +goose Up
-- NUTS regions (Eurostat's statistical regions), loaded by `passerelle
-- import-nuts`. Level 0 is the country, 3 the smallest (a département, a
-- Kreis, an arrondissement). Retired codes are kept so that old references
-- still resolve, but no organisation may choose one.
CREATE TABLE nuts_regions (
    code    text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}[0-9A-Z]{0,3}$'),
    level   smallint NOT NULL CHECK (level BETWEEN 0 AND 3),
    name    text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    -- Deferred: an import may list a region before its parent.
    parent  text REFERENCES nuts_regions (code) DEFERRABLE INITIALLY DEFERRED,
    retired boolean NOT NULL DEFAULT false,
    CHECK (length(code) = level + 2),
    CHECK ((level = 0) = (parent IS NULL)),
    CHECK (parent IS NULL OR starts_with(code, parent)),
    -- The target of organisations' (nuts3, country) foreign key.
    UNIQUE (code, country)
);
CREATE INDEX nuts_regions_country_level_idx ON nuts_regions (country, level, code);

-- The public profile of an organisation. The country is one of the 27 EU
-- member states (ISO 3166-1 codes, so Greece is GR); the NUTS region must be
-- one of that country, which the composite foreign key enforces.
ALTER TABLE organisations
    ADD CONSTRAINT organisations_country_eu CHECK (country IN (
        'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
        'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK')),
    ADD COLUMN street_lines text[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(street_lines) <= 3 AND array_position(street_lines, NULL) IS NULL),
    ADD COLUMN postcode text CHECK (postcode IS NULL OR length(postcode) BETWEEN 2 AND 12),
    ADD COLUMN town text CHECK (town IS NULL OR length(btrim(town)) BETWEEN 1 AND 200),
    ADD COLUMN nuts3 text,
    ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN website text CHECK (website IS NULL OR (length(website) <= 300 AND website ~ '^https?://')),
    ADD COLUMN phone text CHECK (phone IS NULL OR length(phone) BETWEEN 6 AND 30),
    -- ISO 639-1 codes, lower case; the domain checks them against the list.
    ADD COLUMN languages text[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(languages) <= 20 AND array_to_string(languages, ',', '?') ~ '^([a-z]{2}(,[a-z]{2})*)?$'),
    ADD COLUMN logo_document_id uuid REFERENCES documents (id) ON DELETE SET NULL,
    ADD CONSTRAINT organisations_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL)),
    ADD CONSTRAINT organisations_nuts3_fkey FOREIGN KEY (nuts3, country) REFERENCES nuts_regions (code, country);
CREATE INDEX organisations_nuts3_idx ON organisations (nuts3);

-- Descriptions, one per language. A child table rather than a JSONB column:
-- each text is a row the search indexer can read with its language (the
-- analyzer is chosen per language), and the database itself enforces one
-- text per language and the language's shape, which a JSONB CHECK could only
-- do with a function.
CREATE TABLE organisation_descriptions (
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    language        text NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    text            text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 5000),
    PRIMARY KEY (organisation_id, language)
);

-- Legal identifiers (SIRET, enterprise number, RCS, VAT, register entry),
-- stored in their canonical form (legalid.Normalize) so that one number
-- written two ways is still one number: no two organisations may hold the
-- same identifier, and an organisation holds at most one of each kind.
CREATE TABLE organisation_identifiers (
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('fr_siret', 'fr_siren', 'fr_vat', 'be_enterprise', 'be_vat',
                                                  'lu_rcs', 'lu_vat', 'de_vat', 'de_hr')),
    value           text NOT NULL CHECK (length(value) BETWEEN 1 AND 120),
    PRIMARY KEY (organisation_id, kind)
);
CREATE UNIQUE INDEX organisation_identifiers_kind_value_key ON organisation_identifiers (kind, value);

-- +goose Down
DROP TABLE organisation_identifiers;
DROP TABLE organisation_descriptions;
DROP INDEX organisations_nuts3_idx;
ALTER TABLE organisations
    DROP CONSTRAINT organisations_nuts3_fkey,
    DROP CONSTRAINT organisations_coordinates_together,
    DROP CONSTRAINT organisations_country_eu,
    DROP COLUMN logo_document_id,
    DROP COLUMN languages,
    DROP COLUMN phone,
    DROP COLUMN website,
    DROP COLUMN longitude,
    DROP COLUMN latitude,
    DROP COLUMN nuts3,
    DROP COLUMN town,
    DROP COLUMN postcode,
    DROP COLUMN street_lines;
DROP TABLE nuts_regions;
