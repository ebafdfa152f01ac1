-- name: CreateFavouriteList :one
INSERT INTO favourite_lists (id, organisation_id, name, created_at, updated_at)
VALUES (sqlc.arg(id), sqlc.arg(organisation_id), sqlc.arg(name), sqlc.arg(now), sqlc.arg(now))
RETURNING *;

-- name: RenameFavouriteList :one
UPDATE favourite_lists SET name = sqlc.arg(name), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id) AND organisation_id = sqlc.arg(organisation_id)
RETURNING *;

-- name: DeleteFavouriteList :one
DELETE FROM favourite_lists WHERE id = $1 AND organisation_id = $2
RETURNING *;

-- name: GetFavouriteList :one
SELECT * FROM favourite_lists WHERE id = $1 AND organisation_id = $2;

-- name: ListFavouriteLists :many
SELECT l.*, (SELECT count(*) FROM favourite_list_members m WHERE m.list_id = l.id)::int AS member_count
FROM favourite_lists l
WHERE l.organisation_id = sqlc.arg(organisation_id)
  AND (l.created_at, l.id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY l.created_at, l.id
LIMIT sqlc.arg(row_limit);

-- name: AddFavourite :execrows
INSERT INTO favourite_list_members (list_id, supplier_id, added_at)
VALUES (sqlc.arg(list_id), sqlc.arg(supplier_id), sqlc.arg(now))
ON CONFLICT (list_id, supplier_id) DO NOTHING;

-- name: RemoveFavourite :execrows
DELETE FROM favourite_list_members WHERE list_id = $1 AND supplier_id = $2;

-- name: ListFavourites :many
SELECT m.supplier_id, m.added_at, o.legal_name, o.trade_name, o.country
FROM favourite_list_members m
JOIN organisations o ON o.id = m.supplier_id
WHERE m.list_id = sqlc.arg(list_id)
  AND (m.added_at, m.supplier_id) > (sqlc.arg(after_added_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY m.added_at, m.supplier_id
LIMIT sqlc.arg(row_limit);
