-- +goose Up
-- Town centres (TownCentres: a tender's place, a search's "near" town) are
-- the average of the coordinates of a town's active organisations. The
-- query scanned every organisation for each search page of tenders (7.8 ms
-- at 10,000 organisations, two thirds of the database's time under the
-- load benchmark of issue 11); with this index it reads each asked town's
-- entries only (about 1 ms a page).
CREATE INDEX organisations_town_centre_idx ON organisations (country, lower(town)) INCLUDE (latitude, longitude)
    WHERE status = 'active' AND latitude IS NOT NULL;

-- +goose Down
DROP INDEX organisations_town_centre_idx;
