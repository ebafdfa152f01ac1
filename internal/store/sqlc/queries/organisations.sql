-- name: CreateOrganisation :one
INSERT INTO organisations (id, kind, country, legal_name, trade_name, status, street_lines, postcode, town, nuts3,
                           latitude, longitude, website, phone, languages)
VALUES (@id, @kind, @country, @legal_name, @trade_name, @status, @street_lines, @postcode, @town, @nuts3,
        @latitude, @longitude, @website, @phone, @languages)
RETURNING *;

-- name: GetOrganisation :one
SELECT * FROM organisations WHERE id = $1;

-- name: ListOrganisationsByID :many
-- Several organisations at once (a page's buyers): their children come from
-- ListOrganisationDescriptionsByOrganisations and
-- ListOrganisationIdentifiersByOrganisations.
SELECT * FROM organisations WHERE id = ANY(sqlc.arg(ids)::uuid[]);

-- name: GetOrganisationForUpdate :one
SELECT * FROM organisations WHERE id = $1 FOR UPDATE;

-- name: CountOrganisations :one
SELECT count(*) FROM organisations;

-- name: UpdateOrganisationProfile :one
UPDATE organisations
SET country = @country, legal_name = @legal_name, trade_name = @trade_name, street_lines = @street_lines,
    postcode = @postcode, town = @town, nuts3 = @nuts3, latitude = @latitude, longitude = @longitude,
    website = @website, phone = @phone, languages = @languages, updated_at = now()
WHERE id = @id
RETURNING *;

-- name: SetOrganisationLogo :one
UPDATE organisations SET logo_document_id = @logo_document_id, updated_at = now()
WHERE id = @id
RETURNING *;

-- name: ListOrganisationsByMember :many
SELECT sqlc.embed(o), m.role
FROM memberships m
JOIN organisations o ON o.id = m.organisation_id
WHERE m.user_id = $1
ORDER BY o.legal_name, o.id;

-- name: ListOrganisationDescriptions :many
SELECT * FROM organisation_descriptions WHERE organisation_id = $1 ORDER BY language;

-- name: ListOrganisationDescriptionsByOrganisations :many
-- ListOrganisationDescriptions for several organisations: each one's
-- descriptions in the same order.
SELECT * FROM organisation_descriptions
WHERE organisation_id = ANY(sqlc.arg(organisation_ids)::uuid[])
ORDER BY organisation_id, language;

-- name: DeleteOrganisationDescriptions :exec
DELETE FROM organisation_descriptions WHERE organisation_id = $1;

-- name: AddOrganisationDescription :exec
INSERT INTO organisation_descriptions (organisation_id, language, text) VALUES ($1, $2, $3);

-- name: ListOrganisationIdentifiers :many
SELECT * FROM organisation_identifiers WHERE organisation_id = $1 ORDER BY kind;

-- name: ListOrganisationIdentifiersByOrganisations :many
-- ListOrganisationIdentifiers for several organisations: each one's
-- identifiers in the same order.
SELECT * FROM organisation_identifiers
WHERE organisation_id = ANY(sqlc.arg(organisation_ids)::uuid[])
ORDER BY organisation_id, kind;

-- name: DeleteOrganisationIdentifiers :exec
DELETE FROM organisation_identifiers WHERE organisation_id = $1;

-- name: AddOrganisationIdentifier :exec
INSERT INTO organisation_identifiers (organisation_id, kind, value) VALUES ($1, $2, $3);

-- name: ListOrganisationsByMemberPage :many
-- One page of the organisations a user belongs to, by legal name then id,
-- after the (legal_name, id) of the previous page's last row.
SELECT sqlc.embed(o), m.role
FROM memberships m
JOIN organisations o ON o.id = m.organisation_id
WHERE m.user_id = sqlc.arg(user_id)
  AND (o.legal_name, o.id) > (sqlc.arg(after_legal_name)::text, sqlc.arg(after_id)::uuid)
ORDER BY o.legal_name, o.id
LIMIT sqlc.arg(row_limit);

-- name: ShareOrganisationStatus :one
-- An organisation's status, share-locked until the transaction ends: a
-- suspension (which locks the row for update) waits for it, and it waits
-- for a suspension in progress.
SELECT status FROM organisations WHERE id = $1 FOR SHARE;
