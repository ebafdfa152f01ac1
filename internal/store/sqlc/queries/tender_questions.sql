-- name: CreateTenderQuestion :one
INSERT INTO tender_questions (id, tender_id, organisation_id, asked_by, question, created_at)
VALUES (sqlc.arg(id), sqlc.arg(tender_id), sqlc.arg(organisation_id), sqlc.narg(asked_by), sqlc.arg(question), sqlc.arg(now))
RETURNING *;

-- name: LockTenderQuestion :one
SELECT * FROM tender_questions WHERE id = $1 FOR UPDATE;

-- name: AnswerTenderQuestion :one
UPDATE tender_questions SET answer = sqlc.arg(answer), answered_at = sqlc.arg(now), answered_by = sqlc.narg(answered_by)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: ListTenderQuestions :many
-- A tender's questions, oldest first: the answered ones, plus every one
-- when all_questions (the buyer), plus the asker's own (asker).
SELECT * FROM tender_questions
WHERE tender_id = sqlc.arg(tender_id)
  AND (answered_at IS NOT NULL OR sqlc.arg(all_questions)::boolean OR organisation_id = sqlc.narg(asker)::uuid)
  AND (created_at, id) > (sqlc.arg(after_created_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY created_at, id
LIMIT sqlc.arg(row_limit);
