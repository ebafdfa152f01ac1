-- +goose Up
-- The date of a tender's open data release (issue 10): the latest of its
-- publication, last change, closing and recorded lot outcomes. It was
-- computed for every public tender on each page of GET /api/v1/ocds/releases
-- (a correlated max over the outcomes); it is now stored and indexed for
-- the list's keyset.
--
-- The database keeps it, in the transaction of the change: a trigger on
-- tenders recomputes it whenever a tender row is written (publication,
-- amendment, closing, award, cancellation all save the row), and one on
-- lot_outcomes makes the tender recompute it when an outcome is recorded
-- or replaced (a lot's outcome does not always save its tender). One rule
-- in one place that no write path can forget, factories and seeds included.
ALTER TABLE tenders ADD COLUMN released_at timestamptz;

-- +goose StatementBegin
CREATE FUNCTION tenders_set_released_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- GREATEST ignores NULLs: a draft's is its last change.
    NEW.released_at := GREATEST(NEW.published_at, NEW.updated_at, NEW.closed_at,
                                (SELECT max(o.recorded_at) FROM lot_outcomes o
                                 JOIN tender_lots l ON l.id = o.lot_id
                                 WHERE l.tender_id = NEW.id));
    RETURN NEW;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION lot_outcomes_touch_tender() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Writing the tender row runs tenders_set_released_at, which sees this
    -- outcome: the value set here is replaced by the whole rule's.
    UPDATE tenders t SET released_at = NEW.recorded_at
    FROM tender_lots l
    WHERE l.id = NEW.lot_id AND t.id = l.tender_id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER tenders_released_at BEFORE INSERT OR UPDATE ON tenders
    FOR EACH ROW EXECUTE FUNCTION tenders_set_released_at();
CREATE TRIGGER lot_outcomes_released_at AFTER INSERT OR UPDATE ON lot_outcomes
    FOR EACH ROW EXECUTE FUNCTION lot_outcomes_touch_tender();

-- Backfill: writing each row runs the rule.
UPDATE tenders SET released_at = NULL;
ALTER TABLE tenders ALTER COLUMN released_at SET NOT NULL;

-- The open data list, newest release first, public tenders only.
CREATE INDEX tenders_released_idx ON tenders (released_at DESC, id DESC)
    WHERE state IN ('published', 'closed', 'awarded', 'not_awarded');

-- +goose Down
DROP INDEX tenders_released_idx;
DROP TRIGGER lot_outcomes_released_at ON lot_outcomes;
DROP TRIGGER tenders_released_at ON tenders;
DROP FUNCTION lot_outcomes_touch_tender();
DROP FUNCTION tenders_set_released_at();
ALTER TABLE tenders DROP COLUMN released_at;
