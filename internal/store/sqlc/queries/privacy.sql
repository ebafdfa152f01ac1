-- Queries behind the GDPR rights: a user's export of all their data, and
-- the erasure of their account. Export sections are built as JSON here so
-- that each table's columns appear as they are stored.

-- name: ExportUserProfile :one
SELECT (to_jsonb(u) - 'password_hash')::jsonb AS profile FROM users u WHERE u.id = $1;

-- name: ExportUserMemberships :one
SELECT coalesce(jsonb_agg(jsonb_build_object(
    'organisation_id', m.organisation_id, 'organisation', o.legal_name, 'role', m.role, 'since', m.created_at)
    ORDER BY m.created_at), '[]')::jsonb AS memberships
FROM memberships m JOIN organisations o ON o.id = m.organisation_id
WHERE m.user_id = $1;

-- name: ExportUserSessions :one
SELECT coalesce(jsonb_agg(jsonb_build_object(
    'created_at', s.created_at, 'last_seen_at', s.last_seen_at, 'expires_at', LEAST(s.idle_expires_at, s.absolute_expires_at),
    'user_agent', s.user_agent, 'ip', host(s.ip)) ORDER BY s.created_at), '[]')::jsonb AS sessions
FROM sessions s WHERE s.user_id = $1;

-- name: ExportUserTokens :one
SELECT coalesce(jsonb_agg(jsonb_build_object(
    'purpose', t.purpose, 'new_email', t.new_email, 'created_at', t.created_at, 'expires_at', t.expires_at, 'used_at', t.used_at)
    ORDER BY t.created_at), '[]')::jsonb AS tokens
FROM user_tokens t WHERE t.user_id = $1;

-- name: ExportUserDocuments :one
SELECT coalesce(jsonb_agg(jsonb_build_object(
    'id', d.id, 'organisation_id', d.organisation_id, 'purpose', d.purpose, 'filename', d.filename,
    'content_type', d.content_type, 'size_bytes', d.size_bytes, 'sha256', encode(d.sha256, 'hex'), 'created_at', d.created_at)
    ORDER BY d.created_at), '[]')::jsonb AS documents
FROM documents d WHERE d.uploaded_by = $1;

-- name: ExportUserAudit :one
SELECT coalesce(jsonb_agg(jsonb_build_object(
    'occurred_at', a.occurred_at, 'action', a.action, 'by_you', a.actor_user_id IS NOT DISTINCT FROM sqlc.arg(user_id)::uuid,
    'subject_type', a.subject_type, 'subject_id', a.subject_id, 'organisation_id', a.organisation_id,
    'before', a.before, 'after', a.after) ORDER BY a.occurred_at, a.id), '[]')::jsonb AS audit
FROM audit_log a
WHERE a.actor_user_id = sqlc.arg(user_id)::uuid OR (a.subject_type = 'user' AND a.subject_id = sqlc.arg(user_id)::text);

-- name: LockMembershipsOfUserOrganisations :many
-- Locks every membership row of the organisations the user belongs to, so
-- that the "last owner" check and the deletion see the same members.
SELECT m.organisation_id, o.legal_name, m.user_id, m.role
FROM memberships m JOIN organisations o ON o.id = m.organisation_id
WHERE m.organisation_id IN (SELECT mm.organisation_id FROM memberships mm WHERE mm.user_id = sqlc.arg(user_id)::uuid)
ORDER BY m.organisation_id, m.user_id
FOR UPDATE OF m;

-- name: AnonymizeUserAudit :execrows
-- Strips personal data from the audit entries by or about a user, or that
-- name their address (invitations sent to them); the entries stay (what
-- happened, when, to which organisation's content) and the actor is
-- unlinked when the user row is deleted.
UPDATE audit_log a
SET before = a.before - sqlc.arg(keys)::text[],
    after = a.after - sqlc.arg(keys)::text[]
WHERE a.actor_user_id = sqlc.arg(user_id)::uuid
   OR (a.subject_type = 'user' AND a.subject_id = sqlc.arg(user_id)::text)
   OR lower(a.before ->> 'email') = lower(sqlc.arg(email)::text)
   OR lower(a.after ->> 'email') = lower(sqlc.arg(email)::text);

-- name: DeleteRateLimitsForKey :exec
DELETE FROM rate_limit_hits WHERE key = $1;

-- name: DeleteUser :execrows
DELETE FROM users WHERE id = $1;

-- name: ExportUserInvitations :one
SELECT coalesce(jsonb_agg(jsonb_build_object(
    'direction', CASE WHEN i.invited_by = sqlc.arg(user_id)::uuid THEN 'sent' ELSE 'received' END,
    'organisation_id', i.organisation_id, 'organisation', o.legal_name, 'email', i.email, 'role', i.role,
    'created_at', i.created_at, 'expires_at', i.expires_at, 'accepted_at', i.accepted_at, 'revoked_at', i.revoked_at)
    ORDER BY i.created_at), '[]')::jsonb AS invitations
FROM invitations i JOIN organisations o ON o.id = i.organisation_id
WHERE i.invited_by = sqlc.arg(user_id)::uuid OR i.accepted_by = sqlc.arg(user_id)::uuid OR lower(i.email) = lower(sqlc.arg(email)::text);

-- name: DeleteInvitationsToEmail :execrows
-- Invitations addressed to an erased user hold their address: they go.
-- Those they sent stay with the organisation (invited_by is unlinked).
DELETE FROM invitations WHERE lower(email) = lower(sqlc.arg(email)::text) OR accepted_by = sqlc.arg(user_id)::uuid;
