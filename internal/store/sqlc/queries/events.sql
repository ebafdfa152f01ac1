-- name: CreateEvent :exec
-- An event of the business convention (issue 9), as a draft.
INSERT INTO events (id, state, name, lang, description, venue, address, time_zone, tables, languages,
    registration_deadline, cancellation_cutoff, request_expiry_days, created_by, created_at, updated_at)
VALUES (sqlc.arg(id), 'draft', sqlc.arg(name), sqlc.arg(lang), sqlc.arg(description), sqlc.arg(venue), sqlc.arg(address),
    sqlc.arg(time_zone), sqlc.arg(tables), sqlc.arg(languages)::text[], sqlc.arg(registration_deadline),
    sqlc.arg(cancellation_cutoff), sqlc.arg(request_expiry_days), sqlc.narg(created_by), sqlc.arg(now), sqlc.arg(now));

-- name: UpdateEvent :exec
UPDATE events SET name = sqlc.arg(name), lang = sqlc.arg(lang), description = sqlc.arg(description),
    venue = sqlc.arg(venue), address = sqlc.arg(address), time_zone = sqlc.arg(time_zone), tables = sqlc.arg(tables),
    languages = sqlc.arg(languages)::text[], registration_deadline = sqlc.arg(registration_deadline),
    cancellation_cutoff = sqlc.arg(cancellation_cutoff), request_expiry_days = sqlc.arg(request_expiry_days),
    updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: SetEventState :exec
UPDATE events SET state = sqlc.arg(state), updated_at = sqlc.arg(now),
    published_at = CASE WHEN sqlc.arg(state)::text = 'published' THEN sqlc.arg(now) ELSE published_at END
WHERE id = sqlc.arg(id);

-- name: LockEvent :one
SELECT * FROM events WHERE id = $1 FOR UPDATE;

-- name: ListEventsByIDs :many
SELECT * FROM events WHERE id = ANY(sqlc.arg(ids)::uuid[]);

-- name: ListEventIDs :many
-- A page of events in the given states: upcoming ones (not yet ended at
-- now) first, soonest first, then past ones, latest first; sort_at is the
-- keyset that orders them so (a past event's is mirrored after year 9000).
SELECT x.id, x.sort_at::timestamptz AS sort_at FROM (
    SELECT ev.id,
        CASE WHEN span.ends_at >= sqlc.arg(now)::timestamptz THEN span.starts_at
             ELSE '9999-01-01 00:00:00+00'::timestamptz - (span.starts_at - '1970-01-01 00:00:00+00'::timestamptz) END AS sort_at
    FROM events ev
    JOIN LATERAL (SELECT min(s.starts_at)::timestamptz AS starts_at, max(s.ends_at)::timestamptz AS ends_at
                  FROM event_sessions s WHERE s.event_id = ev.id) span ON true
    WHERE ev.state = ANY(sqlc.arg(states)::text[])
) x
WHERE (x.sort_at, x.id) > (sqlc.arg(after_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY x.sort_at, x.id
LIMIT sqlc.arg(row_limit);

-- name: DeleteEventSessions :exec
DELETE FROM event_sessions WHERE event_id = $1;

-- name: InsertEventSession :exec
INSERT INTO event_sessions (id, event_id, name, starts_at, ends_at, meeting_minutes)
VALUES ($1, $2, $3, $4, $5, $6);

-- name: UpdateEventSessionName :exec
UPDATE event_sessions SET name = $2 WHERE id = $1;

-- name: InsertEventBreak :exec
INSERT INTO event_breaks (id, session_id, starts_at, ends_at) VALUES ($1, $2, $3, $4);

-- name: ListEventSessions :many
SELECT * FROM event_sessions WHERE event_id = ANY(sqlc.arg(event_ids)::uuid[]) ORDER BY event_id, starts_at, id;

-- name: ListEventBreaks :many
SELECT b.* FROM event_breaks b JOIN event_sessions s ON s.id = b.session_id
WHERE s.event_id = ANY(sqlc.arg(event_ids)::uuid[])
ORDER BY b.session_id, b.starts_at;

-- name: CountEventMeetings :one
SELECT count(*) FROM event_meetings WHERE event_id = $1;

-- name: EventHighestMeetingTable :one
SELECT coalesce(max(table_no), 0)::integer FROM event_meetings WHERE event_id = $1;

-- name: InsertParticipationType :exec
INSERT INTO event_participation_types (id, event_id, position, names, for_kind, fee_cents, currency, max_delegates)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- name: UpdateParticipationType :exec
UPDATE event_participation_types SET position = $2, names = $3, for_kind = $4, fee_cents = $5, currency = $6,
    max_delegates = $7
WHERE id = $1;

-- name: DeleteParticipationType :exec
DELETE FROM event_participation_types WHERE id = $1;

-- name: ListParticipationTypes :many
SELECT * FROM event_participation_types WHERE event_id = ANY(sqlc.arg(event_ids)::uuid[]) ORDER BY event_id, position, id;

-- name: UsedParticipationTypes :many
SELECT DISTINCT participation_type_id FROM event_registrations WHERE event_id = $1;

-- name: CountConfirmedRegistrations :many
SELECT event_id, count(*) AS n FROM event_registrations
WHERE event_id = ANY(sqlc.arg(event_ids)::uuid[]) AND state = 'confirmed'
GROUP BY event_id;

-- name: CreateRegistration :exec
INSERT INTO event_registrations (id, event_id, organisation_id, participation_type_id, state, fee_cents, currency,
    registered_by, created_at, updated_at, confirmed_at)
VALUES (sqlc.arg(id), sqlc.arg(event_id), sqlc.arg(organisation_id), sqlc.arg(participation_type_id), sqlc.arg(state),
    sqlc.arg(fee_cents), sqlc.arg(currency), sqlc.narg(registered_by), sqlc.arg(now), sqlc.arg(now), sqlc.narg(confirmed_at));

-- name: GetRegistration :one
SELECT r.*, COALESCE(o.trade_name, o.legal_name)::text AS organisation_name
FROM event_registrations r JOIN organisations o ON o.id = r.organisation_id
WHERE r.id = $1;

-- name: LockRegistration :one
SELECT * FROM event_registrations WHERE id = $1 FOR UPDATE;

-- name: CurrentRegistrationID :one
-- The organisation's registration at the event: the live one, else the
-- latest cancelled one.
SELECT id FROM event_registrations
WHERE event_id = sqlc.arg(event_id) AND organisation_id = sqlc.arg(organisation_id)
ORDER BY (state <> 'cancelled') DESC, created_at DESC, id DESC
LIMIT 1;

-- name: ListRegistrations :many
SELECT r.*, COALESCE(o.trade_name, o.legal_name)::text AS organisation_name
FROM event_registrations r JOIN organisations o ON o.id = r.organisation_id
WHERE r.event_id = sqlc.arg(event_id)
  AND (sqlc.arg(state)::text = '' OR r.state = sqlc.arg(state)::text)
  AND (r.created_at, r.id) > (sqlc.arg(after_at)::timestamptz, sqlc.arg(after_id)::uuid)
ORDER BY r.created_at, r.id
LIMIT sqlc.arg(row_limit);

-- name: LiveRegistrationIDs :many
SELECT id FROM event_registrations WHERE event_id = $1 AND state <> 'cancelled' ORDER BY created_at, id;

-- name: SetRegistrationCheckout :exec
UPDATE event_registrations SET checkout_session_id = sqlc.arg(session_id), checkout_url = sqlc.arg(url),
    checkout_expires_at = sqlc.narg(expires_at), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: ConfirmRegistration :exec
UPDATE event_registrations SET state = 'confirmed', confirmed_at = sqlc.arg(now)::timestamptz, updated_at = sqlc.arg(now)::timestamptz,
    paid_at = sqlc.narg(paid_at), payment_intent_id = sqlc.narg(payment_intent_id)
WHERE id = sqlc.arg(id);

-- name: CancelRegistration :exec
UPDATE event_registrations SET state = 'cancelled', cancelled_at = sqlc.arg(now)::timestamptz, updated_at = sqlc.arg(now)::timestamptz,
    refund_state = sqlc.narg(refund_state)
WHERE id = sqlc.arg(id);

-- name: SetRegistrationRefund :exec
UPDATE event_registrations SET refund_state = sqlc.arg(refund_state)::text, refund_id = sqlc.narg(refund_id),
    updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: InsertBillingEvent :execrows
-- Records a Stripe event as applied; 0 rows when it already was.
INSERT INTO billing_events (id, type, received_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING;

-- name: InsertDelegate :exec
INSERT INTO event_delegates (id, registration_id, event_id, organisation_id, user_id, name, email, job_title, lang,
    offers, needs, profile_lang, sectors, created_at, updated_at)
VALUES (sqlc.arg(id), sqlc.arg(registration_id), sqlc.arg(event_id), sqlc.arg(organisation_id), sqlc.narg(user_id),
    sqlc.arg(name), sqlc.arg(email), sqlc.arg(job_title), sqlc.arg(lang), sqlc.arg(offers), sqlc.arg(needs),
    sqlc.arg(profile_lang), sqlc.arg(sectors)::text[], sqlc.arg(now), sqlc.arg(now));

-- name: UpdateDelegate :exec
UPDATE event_delegates SET user_id = sqlc.narg(user_id), name = sqlc.arg(name), email = sqlc.arg(email),
    job_title = sqlc.arg(job_title), lang = sqlc.arg(lang), offers = sqlc.arg(offers), needs = sqlc.arg(needs),
    profile_lang = sqlc.arg(profile_lang), sectors = sqlc.arg(sectors)::text[], updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: DeleteDelegate :exec
DELETE FROM event_delegates WHERE id = $1;

-- name: ListDelegates :many
SELECT * FROM event_delegates WHERE registration_id = ANY(sqlc.arg(registration_ids)::uuid[])
ORDER BY registration_id, created_at, id;

-- name: DeleteAvailability :exec
DELETE FROM event_delegate_availability WHERE delegate_id = $1;

-- name: InsertAvailability :exec
INSERT INTO event_delegate_availability (delegate_id, starts_at, ends_at) VALUES ($1, $2, $3);

-- name: ListAvailability :many
SELECT * FROM event_delegate_availability WHERE delegate_id = ANY(sqlc.arg(delegate_ids)::uuid[])
ORDER BY delegate_id, starts_at;

-- name: DelegateMeetingsCount :one
SELECT count(*) FROM event_meetings m
JOIN meeting_requests q ON q.id = m.request_id
WHERE q.from_delegate_id = $1 OR q.to_delegate_id = $1;

-- name: PrefillOfferTitles :many
-- The titles of an organisation's published offers, in their original
-- language, newest first, and their sectors.
SELECT t.title, o.sectors FROM offers o
JOIN offer_texts t ON t.offer_id = o.id AND t.is_original
WHERE o.organisation_id = $1 AND o.state = 'published'
ORDER BY o.published_at DESC, o.id
LIMIT 20;

-- name: PrefillTenderTitles :many
SELECT t.title FROM tenders d
JOIN tender_texts t ON t.tender_id = d.id AND t.original
WHERE d.organisation_id = $1 AND d.state = 'published'
ORDER BY d.responses_deadline, d.id
LIMIT 20;

-- name: MarkRegistrationPaid :exec
UPDATE event_registrations SET paid_at = sqlc.arg(now)::timestamptz, payment_intent_id = sqlc.arg(payment_intent_id)::text,
    updated_at = sqlc.arg(now)::timestamptz
WHERE id = sqlc.arg(id);
