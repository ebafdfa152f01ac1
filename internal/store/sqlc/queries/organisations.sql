-- name: CreateOrganisation :one
INSERT INTO organisations (id, kind, country, legal_name, trade_name)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: GetOrganisation :one
SELECT * FROM organisations WHERE id = $1;

-- name: CountOrganisations :one
SELECT count(*) FROM organisations;
