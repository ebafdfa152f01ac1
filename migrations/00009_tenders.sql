-- +goose Up
-- Tenders: what buyer organisations post (DOMAIN.md, "Lifecycles"), with
-- their texts per language, lots (each with its clause set), documents,
-- the suppliers' sealed responses, questions and answers, "not interested"
-- answers, the buyers' favourite suppliers and the outcome of each lot.
--
-- Lifecycle: draft → pending → published → closed → awarded | not_awarded;
-- pending → rejected | changes_requested; changes_requested → pending |
-- rejected (automatically after 10 days); draft, pending, changes_requested
-- and published → cancelled. The transitions are decided in Go
-- (domain/tender_lifecycle.go); the checks below keep the row coherent.
CREATE TABLE tenders (
    id                   uuid PRIMARY KEY,
    organisation_id      uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind                 text NOT NULL CHECK (kind IN ('formal_tender', 'quote_request', 'sourcing')),
    state                text NOT NULL DEFAULT 'draft' CHECK (state IN (
        'draft', 'pending', 'published', 'closed', 'awarded', 'not_awarded', 'rejected', 'changes_requested', 'cancelled')),
    original_language    text NOT NULL CHECK (original_language IN ('fr', 'de', 'en', 'nl')),
    -- Place of performance: a NUTS code (any level) and a town.
    place_nuts           text NOT NULL CHECK (place_nuts ~ '^[A-Z]{2}[A-Z0-9]{0,3}$'),
    place_town           text NOT NULL CHECK (length(btrim(place_town)) BETWEEN 1 AND 200),
    questions_deadline   timestamptz NOT NULL,
    responses_deadline   timestamptz NOT NULL,
    response_languages   text[] NOT NULL CHECK (cardinality(response_languages) BETWEEN 1 AND 4
                                                AND response_languages <@ ARRAY['fr', 'de', 'en', 'nl']),
    -- The buyer's identity is hidden from suppliers and the public.
    buyer_anonymous      boolean NOT NULL DEFAULT false,
    submitted_at         timestamptz,
    decided_at           timestamptz,
    decided_by           uuid REFERENCES users (id) ON DELETE SET NULL,
    -- The moderator's reason (rejection, changes requested) or the buyer's
    -- (cancellation), shown to the buyer.
    reason               text CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 2000),
    changes_requested_at timestamptz,
    published_at         timestamptz,
    closed_at            timestamptz,
    -- Incremented by each substantial edit of a published tender: responses
    -- confirmed for an older version no longer count until re-confirmed.
    substance_version    integer NOT NULL DEFAULT 1 CHECK (substance_version >= 1),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (questions_deadline <= responses_deadline),
    CHECK (state = 'draft' OR state = 'cancelled' OR submitted_at IS NOT NULL),
    CHECK ((state = 'changes_requested') = (changes_requested_at IS NOT NULL)),
    CHECK (state NOT IN ('published', 'closed', 'awarded', 'not_awarded') OR published_at IS NOT NULL),
    CHECK (state NOT IN ('closed', 'awarded', 'not_awarded') OR closed_at IS NOT NULL),
    CONSTRAINT tenders_id_organisation_key UNIQUE (id, organisation_id)
);
CREATE INDEX tenders_organisation_idx ON tenders (organisation_id, created_at, id);
CREATE INDEX tenders_published_idx ON tenders (responses_deadline, id) WHERE state = 'published';
CREATE INDEX tenders_queue_idx ON tenders (submitted_at, id) WHERE state = 'pending';
CREATE INDEX tenders_changes_requested_idx ON tenders (changes_requested_at) WHERE state = 'changes_requested';

-- Title and description per language: exactly one original (in the
-- tender's original language), the others translations by the author.
CREATE TABLE tender_texts (
    tender_id   uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    language    text NOT NULL CHECK (language IN ('fr', 'de', 'en', 'nl')),
    title       text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    -- Markdown, rendered safely by the web app.
    description text NOT NULL CHECK (length(description) <= 20000),
    original    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tender_id, language)
);
CREATE UNIQUE INDEX tender_texts_one_original_idx ON tender_texts (tender_id) WHERE original;

CREATE TABLE tender_lots (
    id              uuid PRIMARY KEY,
    tender_id       uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    position        integer NOT NULL CHECK (position BETWEEN 1 AND 100),
    title           text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    description     text NOT NULL CHECK (length(description) <= 20000),
    -- CPV codes with their check digit ("45000000-7").
    cpv             text[] NOT NULL DEFAULT '{}' CHECK (cardinality(cpv) <= 20),
    -- Estimated value in cents: a band (min < max) or an amount (min = max).
    value_min_cents bigint CHECK (value_min_cents >= 0),
    value_max_cents bigint CHECK (value_max_cents >= 0),
    currency        text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    -- The lot's clause set (reserved participation, legal basis, award
    -- criteria, …), validated in Go before it is written.
    clauses         jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((value_min_cents IS NULL) = (value_max_cents IS NULL) AND value_min_cents <= value_max_cents),
    CONSTRAINT tender_lots_tender_position_key UNIQUE (tender_id, position) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT tender_lots_id_tender_key UNIQUE (id, tender_id)
);

-- Documents of the buyer organisation attached to a tender; the composite
-- key makes the database refuse another organisation's document or one
-- uploaded for another purpose, and the deletion of a document still
-- attached (detach it first: suppliers may be reading it). Deleting the
-- organisation removes its tenders, links and documents together
-- (internal/store/tenders_test.go proves it).
CREATE TABLE tender_documents (
    tender_id       uuid NOT NULL,
    document_id     uuid NOT NULL,
    organisation_id uuid NOT NULL,
    purpose         text NOT NULL DEFAULT 'tender_document' CHECK (purpose = 'tender_document'),
    attached_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tender_id, document_id),
    FOREIGN KEY (tender_id, organisation_id) REFERENCES tenders (id, organisation_id) ON DELETE CASCADE,
    CONSTRAINT tender_documents_document_fkey FOREIGN KEY (document_id, organisation_id, purpose)
        REFERENCES documents (id, organisation_id, purpose),
    -- Declared last so that deleting the organisation removes the links
    -- before the check above looks for them (as sse_status_evidence does).
    CONSTRAINT tender_documents_organisation_fkey FOREIGN KEY (organisation_id)
        REFERENCES organisations (id) ON DELETE CASCADE
);
CREATE INDEX tender_documents_document_idx ON tender_documents (document_id);

-- Responses of supplier organisations to a lot. Sealed: core shows one
-- only to its organisation until the deadline, then to the buyer too.
CREATE TABLE responses (
    id                uuid PRIMARY KEY,
    tender_id         uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    lot_id            uuid NOT NULL,
    organisation_id   uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    state             text NOT NULL DEFAULT 'draft' CHECK (state IN (
        'draft', 'submitted', 'withdrawn', 'shortlisted', 'accepted', 'declined')),
    message           text NOT NULL CHECK (length(message) <= 20000),
    price_cents       bigint CHECK (price_cents >= 0),
    currency          text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    price_text        text NOT NULL DEFAULT '' CHECK (length(price_text) <= 500),
    submitted_at      timestamptz,
    withdrawn_at      timestamptz,
    -- The tender's substance_version the supplier last confirmed; a
    -- response counts only when it equals the tender's.
    confirmed_version integer CHECK (confirmed_version >= 1),
    decision_reason   text CHECK (decision_reason IS NULL OR length(btrim(decision_reason)) BETWEEN 1 AND 2000),
    decided_at        timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (lot_id, tender_id) REFERENCES tender_lots (id, tender_id) ON DELETE CASCADE,
    -- One response per organisation and lot.
    CONSTRAINT responses_lot_organisation_key UNIQUE (lot_id, organisation_id),
    CONSTRAINT responses_id_organisation_key UNIQUE (id, organisation_id),
    CHECK (state = 'draft' OR submitted_at IS NOT NULL AND confirmed_version IS NOT NULL),
    CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL)),
    CHECK (state <> 'declined' OR decision_reason IS NOT NULL)
);
CREATE INDEX responses_tender_idx ON responses (tender_id, created_at, id);
CREATE INDEX responses_organisation_idx ON responses (organisation_id, created_at, id);

-- A response's documents: sealed with it, and not deletable while
-- attached (a submitted response must not change under the buyer).
CREATE TABLE response_documents (
    response_id     uuid NOT NULL,
    document_id     uuid NOT NULL,
    organisation_id uuid NOT NULL,
    purpose         text NOT NULL DEFAULT 'response_document' CHECK (purpose = 'response_document'),
    attached_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (response_id, document_id),
    FOREIGN KEY (response_id, organisation_id) REFERENCES responses (id, organisation_id) ON DELETE CASCADE,
    CONSTRAINT response_documents_document_fkey FOREIGN KEY (document_id, organisation_id, purpose)
        REFERENCES documents (id, organisation_id, purpose),
    CONSTRAINT response_documents_organisation_fkey FOREIGN KEY (organisation_id)
        REFERENCES organisations (id) ON DELETE CASCADE
);
CREATE INDEX response_documents_document_idx ON response_documents (document_id);

-- Questions of suppliers and the buyer's answers. The asking organisation
-- is never shown to other suppliers nor to the public.
CREATE TABLE tender_questions (
    id              uuid PRIMARY KEY,
    tender_id       uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    asked_by        uuid REFERENCES users (id) ON DELETE SET NULL,
    question        text NOT NULL CHECK (length(btrim(question)) BETWEEN 1 AND 4000),
    answer          text CHECK (answer IS NULL OR length(btrim(answer)) BETWEEN 1 AND 8000),
    answered_at     timestamptz,
    answered_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX tender_questions_tender_idx ON tender_questions (tender_id, created_at, id);

-- A supplier's "not interested" in a tender, with its reason.
CREATE TABLE tender_not_interested (
    tender_id       uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    reason          text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tender_id, organisation_id)
);

-- Buyers' named lists of supplier organisations.
CREATE TABLE favourite_lists (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT favourite_lists_organisation_name_key UNIQUE (organisation_id, name)
);
CREATE TABLE favourite_list_members (
    list_id         uuid NOT NULL REFERENCES favourite_lists (id) ON DELETE CASCADE,
    supplier_id     uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    added_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (list_id, supplier_id)
);
CREATE INDEX favourite_list_members_supplier_idx ON favourite_list_members (supplier_id);

-- The outcome of each lot once the tender is closed; it feeds the impact
-- figures. A lot awarded through Passerelle names the supplier.
CREATE TABLE lot_outcomes (
    lot_id       uuid PRIMARY KEY REFERENCES tender_lots (id) ON DELETE CASCADE,
    result       text NOT NULL CHECK (result IN ('awarded_passerelle', 'awarded_other', 'not_awarded')),
    supplier_id  uuid REFERENCES organisations (id) ON DELETE SET NULL,
    amount_cents bigint CHECK (amount_cents >= 0),
    currency     text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    recorded_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (result <> 'not_awarded' OR supplier_id IS NULL AND amount_cents IS NULL),
    CHECK (result <> 'awarded_other' OR supplier_id IS NULL)
);

-- +goose Down
DROP TABLE lot_outcomes;
DROP TABLE favourite_list_members;
DROP TABLE favourite_lists;
DROP TABLE tender_not_interested;
DROP TABLE tender_questions;
DROP TABLE response_documents;
DROP TABLE responses;
DROP TABLE tender_documents;
DROP TABLE tender_lots;
DROP TABLE tender_texts;
DROP TABLE tenders;
