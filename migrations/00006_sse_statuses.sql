-- +goose Up
-- SSE statuses a supplier organisation holds (DOMAIN.md, "SSE statuses"):
-- the type (its country follows from it), the approval or registration
-- number, the valid-until date and, optionally, the share of disabled or
-- disadvantaged workers with the date it was measured. A moderator
-- verifies each status against its evidence documents:
-- unverified → pending → verified | rejected; rejected → pending on
-- resubmission; verified → pending when what the moderator saw changes.
-- Only verified statuses whose valid_until has not passed count.
CREATE TABLE sse_statuses (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    type                text NOT NULL CHECK (type IN (
        'fr_esat', 'fr_ea', 'fr_eatt', 'fr_siae_ei', 'fr_siae_aci', 'fr_siae_ai', 'fr_siae_etti', 'fr_siae_eiti',
        'fr_geiq', 'fr_esus', 'fr_scop', 'fr_scic', 'fr_association',
        'de_wfbm', 'de_inklusionsbetrieb', 'de_sozialunternehmen', 'de_gemeinnuetzig',
        'be_eta', 'be_entreprise_insertion', 'be_entreprise_sociale', 'be_cooperative_agreee',
        'lu_sis', 'lu_atelier_protege', 'lu_initiative_sociale_emploi', 'lu_association_fondation')),
    registration_number text NOT NULL CHECK (length(btrim(registration_number)) BETWEEN 1 AND 100),
    -- Every status carries a date after which it no longer counts, even for
    -- types whose legal form does not expire: verification is then renewed.
    valid_until         date NOT NULL,
    disabled_share      numeric(5, 2) CHECK (disabled_share BETWEEN 0 AND 100),
    share_measured_on   date,
    state               text NOT NULL DEFAULT 'unverified' CHECK (state IN ('unverified', 'pending', 'verified', 'rejected')),
    submitted_at        timestamptz,
    reviewed_by         uuid REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at         timestamptz,
    rejection_reason    text CHECK (rejection_reason IS NULL OR length(btrim(rejection_reason)) BETWEEN 1 AND 2000),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    -- One status of each type per organisation.
    CONSTRAINT sse_statuses_organisation_type_key UNIQUE (organisation_id, type),
    -- The target of sse_status_evidence's same-organisation foreign key.
    CONSTRAINT sse_statuses_id_organisation_key UNIQUE (id, organisation_id),
    CHECK ((disabled_share IS NULL) = (share_measured_on IS NULL)),
    CHECK (state = 'unverified' OR submitted_at IS NOT NULL),
    CHECK ((state IN ('verified', 'rejected')) = (reviewed_at IS NOT NULL)),
    CHECK ((state = 'rejected') = (rejection_reason IS NOT NULL))
);
CREATE INDEX sse_statuses_queue_idx ON sse_statuses (state, submitted_at, id) WHERE state <> 'unverified';

-- The documents a moderator checks a status against. The composite foreign
-- keys make the database itself refuse evidence of another organisation or
-- a document uploaded for another purpose (a logo, a tender document).
ALTER TABLE documents ADD CONSTRAINT documents_id_organisation_purpose_key UNIQUE (id, organisation_id, purpose);
CREATE TABLE sse_status_evidence (
    status_id       uuid NOT NULL,
    document_id     uuid NOT NULL,
    organisation_id uuid NOT NULL,
    purpose         text NOT NULL DEFAULT 'sse_evidence' CHECK (purpose = 'sse_evidence'),
    attached_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (status_id, document_id),
    CONSTRAINT sse_status_evidence_status_fkey FOREIGN KEY (status_id, organisation_id)
        REFERENCES sse_statuses (id, organisation_id) ON DELETE CASCADE,
    -- A document that is evidence cannot be deleted: detach it first.
    CONSTRAINT sse_status_evidence_document_fkey FOREIGN KEY (document_id, organisation_id, purpose)
        REFERENCES documents (id, organisation_id, purpose),
    -- Deleting the organisation deletes the links too. PostgreSQL fires the
    -- organisation's cascades in creation order, and the checks they cause
    -- after them: this one, declared last, has removed the links before
    -- the check above looks for links to the deleted documents
    -- (internal/store/sse_statuses_test.go proves it).
    CONSTRAINT sse_status_evidence_organisation_fkey FOREIGN KEY (organisation_id)
        REFERENCES organisations (id) ON DELETE CASCADE
);
CREATE INDEX sse_status_evidence_document_idx ON sse_status_evidence (document_id);
CREATE INDEX sse_status_evidence_organisation_idx ON sse_status_evidence (organisation_id);

-- +goose Down
DROP TABLE sse_status_evidence;
ALTER TABLE documents DROP CONSTRAINT documents_id_organisation_purpose_key;
DROP TABLE sse_statuses;
