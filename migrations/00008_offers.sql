-- +goose Up
-- Offers: what SSE supplier organisations publish (issue 4, DOMAIN.md
-- "Lifecycles"). draft → pending → published → archived; pending → rejected
-- (reason) | changes_requested (reason) → pending. Editing a published offer
-- sends it back to pending (see internal/domain/offer_lifecycle.go): every
-- version the public sees went through a moderator.
--
-- Sector and CPV codes are validated text arrays: the sector catalogue and
-- the CPV table are built in parallel (internal/taxonomy); the application
-- checks their shape and the CPV check digit until then.
CREATE TABLE offers (
    id                   uuid PRIMARY KEY,
    organisation_id      uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    state                text NOT NULL DEFAULT 'draft' CHECK (state IN (
        'draft', 'pending', 'published', 'rejected', 'changes_requested', 'archived')),
    type                 text NOT NULL CHECK (type IN ('supplies', 'services', 'works')),
    original_language    text NOT NULL CHECK (original_language IN ('fr', 'de', 'en', 'nl')),
    sectors              text[] NOT NULL DEFAULT '{}' CHECK (cardinality(sectors) <= 20),
    cpv_codes            text[] NOT NULL DEFAULT '{}' CHECK (cardinality(cpv_codes) <= 50),
    -- Intervention area: the whole country of the organisation, a radius
    -- around its coordinates, or a list of NUTS regions (offer_regions).
    area_mode            text NOT NULL CHECK (area_mode IN ('country', 'radius', 'regions')),
    radius_km            integer CHECK (radius_km BETWEEN 1 AND 1000),
    accepts_cross_border boolean NOT NULL DEFAULT false,
    -- Indicative price: free text, and optionally an amount in cents of
    -- price_currency per price_unit ("per hour", "per 1,000 envelopes").
    price_text           text CHECK (price_text IS NULL OR length(price_text) BETWEEN 1 AND 300),
    price_amount_cents   bigint CHECK (price_amount_cents BETWEEN 0 AND 100000000000),
    price_currency       text CHECK (price_currency ~ '^[A-Z]{3}$'),
    price_unit           text CHECK (price_unit IS NULL OR length(price_unit) BETWEEN 1 AND 100),
    minimum_order        text CHECK (minimum_order IS NULL OR length(minimum_order) BETWEEN 1 AND 300),
    lead_time_days       integer CHECK (lead_time_days BETWEEN 0 AND 3650),
    capacity             text CHECK (capacity IS NULL OR length(capacity) BETWEEN 1 AND 500),
    labels               text[] NOT NULL DEFAULT '{}' CHECK (cardinality(labels) <= 20),
    submitted_at         timestamptz,
    decided_at           timestamptz,
    decided_by           uuid REFERENCES users (id) ON DELETE SET NULL,
    decision_reason      text CHECK (decision_reason IS NULL OR length(decision_reason) BETWEEN 1 AND 2000),
    published_at         timestamptz,
    archived_at          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    -- The target of offer_documents' same-organisation foreign key.
    CONSTRAINT offers_id_organisation_key UNIQUE (id, organisation_id),
    CHECK ((area_mode = 'radius') = (radius_km IS NOT NULL)),
    CHECK ((price_amount_cents IS NULL) = (price_currency IS NULL)),
    CHECK (state IN ('draft') OR submitted_at IS NOT NULL),
    CHECK ((state IN ('rejected', 'changes_requested')) = (decision_reason IS NOT NULL)),
    CHECK (state <> 'published' OR published_at IS NOT NULL),
    CHECK ((state = 'archived') = (archived_at IS NOT NULL))
);
CREATE INDEX offers_organisation_idx ON offers (organisation_id, created_at DESC, id DESC);
CREATE INDEX offers_published_idx ON offers (published_at DESC, id DESC) WHERE state = 'published';
CREATE INDEX offers_queue_idx ON offers (submitted_at, id) WHERE state = 'pending';
CREATE INDEX offers_sectors_idx ON offers USING gin (sectors);

-- The title and description of an offer, in its original language and in
-- the translations its author wrote: one row per language, exactly one
-- original. Descriptions are Markdown, rendered safely when shown.
CREATE TABLE offer_texts (
    offer_id    uuid NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    language    text NOT NULL CHECK (language IN ('fr', 'de', 'en', 'nl')),
    is_original boolean NOT NULL DEFAULT false,
    title       text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 10000),
    PRIMARY KEY (offer_id, language)
);
CREATE UNIQUE INDEX offer_texts_one_original_idx ON offer_texts (offer_id) WHERE is_original;

-- The NUTS regions of an offer whose area is a list of regions; the
-- foreign key refuses a code that is not an imported region.
CREATE TABLE offer_regions (
    offer_id  uuid NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    nuts_code text NOT NULL REFERENCES nuts_regions (code),
    PRIMARY KEY (offer_id, nuts_code)
);
CREATE INDEX offer_regions_nuts_idx ON offer_regions (nuts_code);

-- Photos and documents of an offer: documents the same organisation
-- uploaded with purpose offer_photo or other. As for SSE evidence, the
-- composite foreign keys make the database refuse a document of another
-- organisation or purpose, and an attached document cannot be deleted.
CREATE TABLE offer_documents (
    offer_id        uuid NOT NULL,
    document_id     uuid NOT NULL,
    organisation_id uuid NOT NULL,
    purpose         text NOT NULL CHECK (purpose IN ('offer_photo', 'other')),
    position        integer NOT NULL CHECK (position >= 0),
    attached_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (offer_id, document_id),
    CONSTRAINT offer_documents_offer_fkey FOREIGN KEY (offer_id, organisation_id)
        REFERENCES offers (id, organisation_id) ON DELETE CASCADE,
    CONSTRAINT offer_documents_document_fkey FOREIGN KEY (document_id, organisation_id, purpose)
        REFERENCES documents (id, organisation_id, purpose),
    -- Declared last so that deleting the organisation removes the links
    -- before the check above looks at the deleted documents (see
    -- 00006_sse_statuses.sql).
    CONSTRAINT offer_documents_organisation_fkey FOREIGN KEY (organisation_id)
        REFERENCES organisations (id) ON DELETE CASCADE
);
CREATE INDEX offer_documents_document_idx ON offer_documents (document_id);
CREATE INDEX offer_documents_organisation_idx ON offer_documents (organisation_id);

-- +goose Down
DROP TABLE offer_documents;
DROP TABLE offer_regions;
DROP TABLE offer_texts;
DROP TABLE offers;
