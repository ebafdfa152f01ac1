-- +goose Up
-- Routing answers (issue 6): what the buyer's interest milestones count,
-- and the link between a supplier's answers to its routed lots and its
-- "not interested" in the whole tender.

-- The first time each supplier organisation said "interested" in a lot of
-- a tender. A supplier counts once per tender however many lots it is
-- interested in and however often it changes its mind: the buyer's
-- milestones (1st, 2nd, 5th, then every 5th) count these rows.
CREATE TABLE tender_interested_organisations (
    tender_id       uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    first_at        timestamptz NOT NULL,
    PRIMARY KEY (tender_id, organisation_id)
);

-- The interest milestones the buyer was told of: the primary key makes
-- each one go out once, even when answers race.
CREATE TABLE tender_interest_milestones (
    tender_id  uuid NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
    milestone  integer NOT NULL CHECK (milestone >= 1),
    reached_at timestamptz NOT NULL,
    PRIMARY KEY (tender_id, milestone)
);

-- A "not interested" in a tender is the one record the buyer sees. It is
-- written by the tender-level answer (a free-text reason, no code) and by
-- the supplier's answers to its routed lots once every one of them is
-- "not interested" (the code of the last one, its note or the code as the
-- reason).
ALTER TABLE tender_not_interested ADD COLUMN decline_reason text CHECK (decline_reason IN (
    'not_our_activity', 'outside_our_area', 'no_capacity', 'deadline_too_short', 'too_small', 'too_large',
    'not_eligible', 'other'));

-- The daily top-up looks for lots routed less than the target, batch by
-- batch, and for the day of their last batch.
CREATE INDEX lot_routes_answer_idx ON lot_routes (lot_id, routed_at) INCLUDE (answer);

-- +goose Down
DROP INDEX lot_routes_answer_idx;
ALTER TABLE tender_not_interested DROP COLUMN decline_reason;
DROP TABLE tender_interest_milestones;
DROP TABLE tender_interested_organisations;
