-- +goose Up
-- Routing (issue 6, DOMAIN.md "Routing requests to suppliers"): which
-- supplier organisations a published tender lot was brought to, in which
-- batch, with the score and explanation matching gave then, and their
-- answer. The primary key (lot, organisation) is the rule "never the same
-- supplier twice": a later batch or top-up cannot route a lot again to an
-- organisation that already had it (INSERT … ON CONFLICT DO NOTHING).
-- Sending (notifications, email) is not recorded here.
CREATE TABLE lot_routes (
    lot_id          uuid NOT NULL,
    tender_id       uuid NOT NULL,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- The published offer that matched best; the route stays when the
    -- offer is deleted.
    offer_id        uuid REFERENCES offers (id) ON DELETE SET NULL,
    -- Batches count from 1 per lot: the first batch at publication, then
    -- one per top-up.
    batch           integer NOT NULL CHECK (batch BETWEEN 1 AND 10000),
    routed_at       timestamptz NOT NULL,
    score           integer NOT NULL CHECK (score BETWEEN 0 AND 1000),
    -- The reasons of the score (routing.Reason: code, points, values), kept
    -- as they were when the supplier was chosen, for the buyer and the
    -- moderators to see why.
    explanation     jsonb NOT NULL CHECK (jsonb_typeof(explanation) = 'array' AND length(explanation::text) <= 20000),
    answer          text CHECK (answer IN ('interested', 'not_interested')),
    -- Why a supplier is not interested: a code of domain.DeclineReasons and
    -- an optional note in its own words.
    decline_reason  text CHECK (decline_reason IN (
        'not_our_activity', 'outside_our_area', 'no_capacity', 'deadline_too_short', 'too_small', 'too_large',
        'not_eligible', 'other')),
    decline_note    text CHECK (decline_note IS NULL OR length(btrim(decline_note)) BETWEEN 1 AND 500),
    answered_at     timestamptz,
    PRIMARY KEY (lot_id, organisation_id),
    CONSTRAINT lot_routes_lot_fkey FOREIGN KEY (lot_id, tender_id)
        REFERENCES tender_lots (id, tender_id) ON DELETE CASCADE,
    CHECK ((answer IS NULL) = (answered_at IS NULL)),
    CHECK (coalesce(answer = 'not_interested', false) = (decline_reason IS NOT NULL)),
    CHECK (decline_note IS NULL OR decline_reason IS NOT NULL)
);
CREATE INDEX lot_routes_batch_idx ON lot_routes (lot_id, batch);
CREATE INDEX lot_routes_tender_idx ON lot_routes (tender_id);
-- A supplier's routed needs, newest first.
CREATE INDEX lot_routes_organisation_idx ON lot_routes (organisation_id, routed_at DESC, lot_id);

-- +goose Down
DROP TABLE lot_routes;
