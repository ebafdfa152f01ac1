-- Meeting requests, exclusions, the schedule, agendas and outcomes of the
-- business convention (issue 9). Events, registrations and delegates are
-- written by events.sql; these queries only read them.

-- name: MeetingsGetEvent :one
SELECT id, state, name, venue, address, time_zone, tables, request_expiry_days, agenda_state, agenda_version
FROM events WHERE id = $1;

-- name: MeetingsLockEvent :one
SELECT id, state, name, venue, address, time_zone, tables, request_expiry_days, agenda_state, agenda_version
FROM events WHERE id = $1 FOR UPDATE;

-- name: MeetingsSetAgendaState :one
UPDATE events SET agenda_state = sqlc.arg(agenda_state), agenda_version = agenda_version + 1, updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING agenda_state, agenda_version;

-- name: MeetingsSessions :many
SELECT id, starts_at, ends_at, meeting_minutes FROM event_sessions WHERE event_id = $1 ORDER BY starts_at, id;

-- name: MeetingsBreaks :many
SELECT b.session_id, b.starts_at, b.ends_at FROM event_breaks b JOIN event_sessions s ON s.id = b.session_id
WHERE s.event_id = $1 ORDER BY b.starts_at, b.id;

-- name: MeetingsConfirmedRegistration :one
-- Whether the organisation has a confirmed registration at the event.
SELECT EXISTS (SELECT 1 FROM event_registrations
               WHERE event_id = $1 AND organisation_id = $2 AND state = 'confirmed')::boolean AS confirmed;

-- name: MeetingsDelegates :many
-- The delegates of the confirmed registrations of an event, filtered,
-- by name then id after the cursor; ids limits to some delegates when set.
SELECT d.id, d.organisation_id, d.user_id, d.name, d.email, d.job_title, d.lang, d.offers, d.needs, d.profile_lang, d.sectors,
       coalesce(nullif(o.trade_name, ''), o.legal_name)::text AS organisation_name, o.kind AS organisation_kind, o.country
FROM event_delegates d
JOIN event_registrations r ON r.id = d.registration_id AND r.state = 'confirmed'
JOIN organisations o ON o.id = d.organisation_id
WHERE d.event_id = sqlc.arg(event_id)
  AND (cardinality(sqlc.arg(ids)::uuid[]) = 0 OR d.id = ANY (sqlc.arg(ids)::uuid[]))
  AND (sqlc.arg(country)::text = '' OR o.country = sqlc.arg(country)::text)
  AND (sqlc.arg(kind)::text = '' OR o.kind = sqlc.arg(kind)::text
       OR (sqlc.arg(kind)::text = 'buyer' AND o.kind IN ('public_buyer', 'private_buyer')))
  AND (sqlc.arg(q)::text = '' OR d.name ILIKE '%' || sqlc.arg(q)::text || '%' OR o.legal_name ILIKE '%' || sqlc.arg(q)::text || '%'
       OR coalesce(o.trade_name, '') ILIKE '%' || sqlc.arg(q)::text || '%' OR d.offers ILIKE '%' || sqlc.arg(q)::text || '%'
       OR d.needs ILIKE '%' || sqlc.arg(q)::text || '%' OR d.job_title ILIKE '%' || sqlc.arg(q)::text || '%')
  AND (d.name, d.id) > (sqlc.arg(after_name)::text, sqlc.arg(after_id)::uuid)
ORDER BY d.name, d.id
LIMIT sqlc.arg(row_limit);

-- name: MeetingsAvailability :many
SELECT a.delegate_id, a.starts_at, a.ends_at FROM event_delegate_availability a
JOIN event_delegates d ON d.id = a.delegate_id
WHERE d.event_id = $1 ORDER BY a.delegate_id, a.starts_at;

-- name: MeetingsOfferProfiles :many
-- The sectors and CPV codes of the published offers of organisations.
SELECT organisation_id, sectors, cpv_codes FROM offers
WHERE organisation_id = ANY (sqlc.arg(organisation_ids)::uuid[]) AND state = 'published'
ORDER BY organisation_id, id;

-- name: MeetingsOpenTenderLots :many
-- The CPV codes of the lots of the published tenders of organisations.
SELECT t.organisation_id, l.cpv FROM tenders t JOIN tender_lots l ON l.tender_id = t.id
WHERE t.organisation_id = ANY (sqlc.arg(organisation_ids)::uuid[]) AND t.state = 'published'
ORDER BY t.organisation_id, l.id;

-- name: MeetingsInsertRequest :one
INSERT INTO meeting_requests (id, event_id, from_delegate_id, to_delegate_id, priority, message, created_by, created_at, expires_at)
VALUES (sqlc.arg(id), sqlc.arg(event_id), sqlc.arg(from_delegate_id), sqlc.arg(to_delegate_id), sqlc.arg(priority), sqlc.arg(message),
        sqlc.narg(created_by), sqlc.arg(now), sqlc.arg(expires_at))
RETURNING *;

-- name: MeetingsLiveRequestBetween :one
-- Whether a pending or accepted request joins two delegates, either way.
SELECT EXISTS (SELECT 1 FROM meeting_requests
               WHERE state IN ('pending', 'accepted')
                 AND ((from_delegate_id = sqlc.arg(a) AND to_delegate_id = sqlc.arg(b))
                   OR (from_delegate_id = sqlc.arg(b) AND to_delegate_id = sqlc.arg(a))))::boolean AS live;

-- name: MeetingsLockRequest :one
SELECT * FROM meeting_requests WHERE id = $1 FOR UPDATE;

-- name: MeetingsAnswerRequest :one
UPDATE meeting_requests
SET state = sqlc.arg(state), answer_priority = sqlc.narg(answer_priority), decline_reason = sqlc.narg(decline_reason),
    answered_at = sqlc.arg(now)::timestamptz
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: MeetingsRequestViews :many
-- Requests of an event with both parties and their meeting, newest
-- first: those from or to the organisation's delegates (box outgoing or
-- incoming), every one when organisation_id is NULL; ids limits to some.
SELECT sqlc.embed(mr),
       fd.name AS from_name, fd.organisation_id AS from_organisation_id,
       coalesce(nullif(fo.trade_name, ''), fo.legal_name)::text AS from_organisation_name, fo.country AS from_country,
       td.name AS to_name, td.organisation_id AS to_organisation_id,
       coalesce(nullif(tor.trade_name, ''), tor.legal_name)::text AS to_organisation_name, tor.country AS to_country,
       m.id AS meeting_id, m.starts_at AS meeting_starts_at, m.ends_at AS meeting_ends_at, m.table_no AS meeting_table
FROM meeting_requests mr
JOIN event_delegates fd ON fd.id = mr.from_delegate_id
JOIN organisations fo ON fo.id = fd.organisation_id
JOIN event_delegates td ON td.id = mr.to_delegate_id
JOIN organisations tor ON tor.id = td.organisation_id
LEFT JOIN event_meetings m ON m.request_id = mr.id
WHERE mr.event_id = sqlc.arg(event_id)
  AND (cardinality(sqlc.arg(ids)::uuid[]) = 0 OR mr.id = ANY (sqlc.arg(ids)::uuid[]))
  AND (sqlc.narg(organisation_id)::uuid IS NULL
       OR (sqlc.arg(box)::text = 'outgoing' AND fd.organisation_id = sqlc.narg(organisation_id)::uuid)
       OR (sqlc.arg(box)::text = 'incoming' AND td.organisation_id = sqlc.narg(organisation_id)::uuid)
       OR (sqlc.arg(box)::text = '' AND sqlc.narg(organisation_id)::uuid IN (fd.organisation_id, td.organisation_id)))
  AND (sqlc.arg(state)::text = '' OR mr.state = sqlc.arg(state)::text)
  AND (mr.created_at, mr.id) < (sqlc.arg(before_created_at)::timestamptz, sqlc.arg(before_id)::uuid)
ORDER BY mr.created_at DESC, mr.id DESC
LIMIT sqlc.arg(row_limit);

-- name: MeetingsExpireRequests :many
-- Pending requests past their expiry become expired.
UPDATE meeting_requests SET state = 'expired', answered_at = sqlc.arg(now)::timestamptz
WHERE id IN (SELECT id FROM meeting_requests WHERE state = 'pending' AND expires_at <= sqlc.arg(now)::timestamptz
             ORDER BY expires_at LIMIT 500 FOR UPDATE SKIP LOCKED)
RETURNING *;

-- name: MeetingsDeclinePendingBetweenOrgs :many
-- Declines the pending requests between two organisations, either way.
UPDATE meeting_requests mr SET state = 'declined', answered_at = sqlc.arg(now)::timestamptz, decline_reason = sqlc.arg(reason)
FROM event_delegates fd, event_delegates td
WHERE mr.event_id = sqlc.arg(event_id) AND mr.state = 'pending'
  AND fd.id = mr.from_delegate_id AND td.id = mr.to_delegate_id
  AND ((fd.organisation_id = sqlc.arg(a) AND td.organisation_id = sqlc.arg(b))
    OR (fd.organisation_id = sqlc.arg(b) AND td.organisation_id = sqlc.arg(a)))
RETURNING mr.*;

-- name: MeetingsUpsertExclusion :one
INSERT INTO event_exclusions (event_id, organisation_id, other_organisation_id, kind, created_by, created_at)
VALUES (sqlc.arg(event_id), sqlc.arg(organisation_id), sqlc.arg(other_organisation_id), sqlc.arg(kind), sqlc.narg(created_by), sqlc.arg(now))
ON CONFLICT (event_id, organisation_id, other_organisation_id) DO UPDATE SET kind = EXCLUDED.kind
RETURNING *;

-- name: MeetingsDeleteExclusion :execrows
DELETE FROM event_exclusions WHERE event_id = $1 AND organisation_id = $2 AND other_organisation_id = $3;

-- name: MeetingsListExclusions :many
SELECT x.other_organisation_id, coalesce(nullif(o.trade_name, ''), o.legal_name)::text AS organisation_name, x.kind, x.created_at
FROM event_exclusions x JOIN organisations o ON o.id = x.other_organisation_id
WHERE x.event_id = $1 AND x.organisation_id = $2
ORDER BY x.created_at, x.other_organisation_id;

-- name: MeetingsEventExclusions :many
-- Every excluded pair of an event (as stored: by whom, of whom).
SELECT organisation_id, other_organisation_id, kind FROM event_exclusions WHERE event_id = $1;

-- name: MeetingsAcceptedRequests :many
SELECT mr.id, mr.from_delegate_id, mr.to_delegate_id, mr.priority, mr.answer_priority,
       fd.organisation_id AS from_organisation_id, td.organisation_id AS to_organisation_id
FROM meeting_requests mr
JOIN event_delegates fd ON fd.id = mr.from_delegate_id
JOIN event_registrations fr ON fr.id = fd.registration_id AND fr.state = 'confirmed'
JOIN event_delegates td ON td.id = mr.to_delegate_id
JOIN event_registrations tr ON tr.id = td.registration_id AND tr.state = 'confirmed'
WHERE mr.event_id = $1 AND mr.state = 'accepted'
ORDER BY mr.created_at, mr.id;

-- name: MeetingsEventMeetings :many
SELECT * FROM event_meetings WHERE event_id = $1 ORDER BY starts_at, table_no;

-- name: MeetingsLockMeeting :one
SELECT * FROM event_meetings WHERE id = $1 FOR UPDATE;

-- name: MeetingsDeleteReplaceable :exec
-- The meetings a scheduler run may replace: neither locked nor confirmed.
DELETE FROM event_meetings WHERE event_id = $1 AND NOT locked AND NOT confirmed;

-- name: MeetingsInsertMeeting :exec
INSERT INTO event_meetings (id, event_id, request_id, session_id, starts_at, ends_at, table_no, locked, confirmed, created_at, updated_at)
VALUES (sqlc.arg(id), sqlc.arg(event_id), sqlc.arg(request_id), sqlc.arg(session_id), sqlc.arg(starts_at), sqlc.arg(ends_at),
        sqlc.arg(table_no), sqlc.arg(locked), sqlc.arg(confirmed), sqlc.arg(now), sqlc.arg(now));

-- name: MeetingsUpdateMeeting :one
UPDATE event_meetings
SET session_id = sqlc.arg(session_id), starts_at = sqlc.arg(starts_at), ends_at = sqlc.arg(ends_at), table_no = sqlc.arg(table_no),
    locked = sqlc.arg(locked), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: MeetingsConfirmAll :exec
UPDATE event_meetings SET confirmed = true, updated_at = sqlc.arg(now) WHERE event_id = sqlc.arg(event_id) AND NOT confirmed;

-- name: MeetingsSetUnscheduledReason :exec
UPDATE meeting_requests SET unscheduled_reason = sqlc.narg(reason) WHERE id = sqlc.arg(id);

-- name: MeetingsClearUnscheduledReasons :exec
UPDATE meeting_requests SET unscheduled_reason = NULL WHERE event_id = $1 AND unscheduled_reason IS NOT NULL;

-- name: MeetingsInsertRun :one
INSERT INTO event_schedule_runs (id, event_id, run_by, started_at, duration_ms, requests, meetings, weight, upper_bound, kept)
VALUES (sqlc.arg(id), sqlc.arg(event_id), sqlc.narg(run_by), sqlc.arg(started_at), sqlc.arg(duration_ms), sqlc.arg(requests),
        sqlc.arg(meetings), sqlc.arg(weight), sqlc.arg(upper_bound), sqlc.arg(kept))
RETURNING *;

-- name: MeetingsLastRun :one
SELECT * FROM event_schedule_runs WHERE event_id = $1 ORDER BY started_at DESC, id DESC LIMIT 1;

-- name: MeetingsLeftOut :many
SELECT id, unscheduled_reason FROM meeting_requests
WHERE event_id = $1 AND state = 'accepted' AND unscheduled_reason IS NOT NULL ORDER BY created_at, id;

-- name: MeetingsMeetingViews :many
-- Meetings of an event with both parties (a: the request's sender, b:
-- its recipient), by start then table, after the cursor; filtered by
-- start and by a delegate on either side when set.
SELECT sqlc.embed(m), mr.from_delegate_id, mr.to_delegate_id, mr.priority, mr.answer_priority,
       fd.name AS a_name, fd.job_title AS a_job_title, fd.organisation_id AS a_organisation_id,
       coalesce(nullif(fo.trade_name, ''), fo.legal_name)::text AS a_organisation_name, fo.country AS a_country, fo.kind AS a_kind,
       td.name AS b_name, td.job_title AS b_job_title, td.organisation_id AS b_organisation_id,
       coalesce(nullif(tor.trade_name, ''), tor.legal_name)::text AS b_organisation_name, tor.country AS b_country, tor.kind AS b_kind
FROM event_meetings m
JOIN meeting_requests mr ON mr.id = m.request_id
JOIN event_delegates fd ON fd.id = mr.from_delegate_id
JOIN organisations fo ON fo.id = fd.organisation_id
JOIN event_delegates td ON td.id = mr.to_delegate_id
JOIN organisations tor ON tor.id = td.organisation_id
WHERE m.event_id = sqlc.arg(event_id)
  AND (sqlc.narg(starts_at)::timestamptz IS NULL OR m.starts_at = sqlc.narg(starts_at)::timestamptz)
  AND (sqlc.narg(delegate_id)::uuid IS NULL OR sqlc.narg(delegate_id)::uuid IN (mr.from_delegate_id, mr.to_delegate_id))
  AND (sqlc.narg(meeting_id)::uuid IS NULL OR m.id = sqlc.narg(meeting_id)::uuid)
  AND (m.starts_at, m.table_no) > (sqlc.arg(after_starts_at)::timestamptz, sqlc.arg(after_table)::integer)
ORDER BY m.starts_at, m.table_no
LIMIT sqlc.arg(row_limit);

-- name: MeetingsUpsertOutcome :one
INSERT INTO event_meeting_outcomes (meeting_id, organisation_id, outcome, amount_cents, currency, note, recorded_by, recorded_at)
VALUES (sqlc.arg(meeting_id), sqlc.arg(organisation_id), sqlc.arg(outcome), sqlc.narg(amount_cents), sqlc.narg(currency), sqlc.arg(note),
        sqlc.narg(recorded_by), sqlc.arg(now))
ON CONFLICT (meeting_id, organisation_id) DO UPDATE
SET outcome = EXCLUDED.outcome, amount_cents = EXCLUDED.amount_cents, currency = EXCLUDED.currency, note = EXCLUDED.note,
    recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
RETURNING *;

-- name: MeetingsOutcomes :many
SELECT * FROM event_meeting_outcomes WHERE meeting_id = ANY (sqlc.arg(meeting_ids)::uuid[]);

-- name: MeetingsEventsToAskOutcomes :many
-- Published events whose last session has ended, not yet asked about
-- outcomes, that sent agendas with meetings (the confirmed ones once the
-- agenda is final).
SELECT e.id FROM events e
WHERE e.state = 'published'
  AND e.agenda_state <> 'none'
  AND NOT EXISTS (SELECT 1 FROM event_outcome_requests r WHERE r.event_id = e.id)
  AND EXISTS (SELECT 1 FROM event_meetings m WHERE m.event_id = e.id AND (m.confirmed OR e.agenda_state <> 'final'))
  AND (SELECT max(s.ends_at) FROM event_sessions s WHERE s.event_id = e.id) <= sqlc.arg(now)
ORDER BY e.id;

-- name: MeetingsMarkOutcomesAsked :execrows
INSERT INTO event_outcome_requests (event_id, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING;

-- name: MeetingsDeleteMeeting :exec
DELETE FROM event_meetings WHERE id = $1;

-- name: MeetingsDelegateKeptMeetings :many
-- The locked or confirmed meetings of a delegate: the times a change of
-- their availability must keep.
SELECT m.starts_at, m.ends_at FROM event_meetings m
JOIN meeting_requests q ON q.id = m.request_id
WHERE (q.from_delegate_id = $1 OR q.to_delegate_id = $1) AND (m.locked OR m.confirmed)
ORDER BY m.starts_at;

-- name: MeetingsDeleteOrganisationMeetings :execrows
-- The meetings of an organisation at an event (its registration is
-- cancelled).
DELETE FROM event_meetings m
USING meeting_requests q, event_delegates fd, event_delegates td
WHERE q.id = m.request_id AND fd.id = q.from_delegate_id AND td.id = q.to_delegate_id
  AND m.event_id = sqlc.arg(event_id) AND (fd.organisation_id = sqlc.arg(organisation_id) OR td.organisation_id = sqlc.arg(organisation_id));

-- name: MeetingsWithdrawOrganisationRequests :execrows
-- The pending or accepted requests to or from an organisation at an event
-- are withdrawn (its registration is cancelled).
UPDATE meeting_requests q
SET state = 'withdrawn', answered_at = sqlc.arg(now)::timestamptz, unscheduled_reason = NULL
FROM event_delegates fd, event_delegates td
WHERE fd.id = q.from_delegate_id AND td.id = q.to_delegate_id AND q.state IN ('pending', 'accepted')
  AND q.event_id = sqlc.arg(event_id) AND (fd.organisation_id = sqlc.arg(organisation_id) OR td.organisation_id = sqlc.arg(organisation_id));
