-- +goose Up
-- A tender's open data release names the suppliers of its awarded lots,
-- but not a supplier while it is suspended (hidden from the public, as its
-- profile is). Suspending or reinstating a supplier therefore changes the
-- releases of the tenders it won, and their release date must say so, or a
-- reader that follows the list by date would keep the old release. The
-- rule of 00025 now also takes the latest suspension or reinstatement of
-- the suppliers of the tender's outcomes, and writing a suspension makes
-- those tenders recompute it, in the suspension's transaction.
--
-- (Outcomes are never deleted but with their lot, and a lot with an
-- outcome belongs to a tender no longer editable: an AFTER DELETE trigger
-- on lot_outcomes would have nothing to do.)

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION tenders_set_released_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- GREATEST ignores NULLs: a draft's is its last change.
    NEW.released_at := GREATEST(NEW.published_at, NEW.updated_at, NEW.closed_at,
                                (SELECT max(o.recorded_at) FROM lot_outcomes o
                                 JOIN tender_lots l ON l.id = o.lot_id
                                 WHERE l.tender_id = NEW.id),
                                (SELECT max(GREATEST(s.suspended_at, s.reinstated_at))
                                 FROM organisation_suspensions s
                                 JOIN lot_outcomes o ON o.supplier_id = s.organisation_id
                                 JOIN tender_lots l ON l.id = o.lot_id
                                 WHERE l.tender_id = NEW.id));
    RETURN NEW;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION organisation_suspensions_touch_tenders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Writing each tender row runs tenders_set_released_at.
    UPDATE tenders t SET released_at = t.released_at
    FROM tender_lots l
    JOIN lot_outcomes o ON o.lot_id = l.id
    WHERE o.supplier_id = NEW.organisation_id AND t.id = l.tender_id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER organisation_suspensions_released_at AFTER INSERT OR UPDATE ON organisation_suspensions
    FOR EACH ROW EXECUTE FUNCTION organisation_suspensions_touch_tenders();

-- Backfill the tenders won by suppliers suspended once.
UPDATE tenders t SET released_at = t.released_at
FROM tender_lots l
JOIN lot_outcomes o ON o.lot_id = l.id
JOIN organisation_suspensions s ON s.organisation_id = o.supplier_id
WHERE t.id = l.tender_id;

-- +goose Down
DROP TRIGGER organisation_suspensions_released_at ON organisation_suspensions;
DROP FUNCTION organisation_suspensions_touch_tenders();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION tenders_set_released_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.released_at := GREATEST(NEW.published_at, NEW.updated_at, NEW.closed_at,
                                (SELECT max(o.recorded_at) FROM lot_outcomes o
                                 JOIN tender_lots l ON l.id = o.lot_id
                                 WHERE l.tender_id = NEW.id));
    RETURN NEW;
END
$$;
-- +goose StatementEnd
