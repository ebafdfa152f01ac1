-- +goose Up
-- The business convention (issue 9): events with sessions and participation
-- types, registrations (paid ones through Stripe Checkout, confirmed by a
-- verified webhook), delegates with availability and an event profile,
-- meeting requests, the schedule's meetings, agendas sent, and outcomes.
-- Times are timestamptz (UTC in the API); money is integer cents + ISO 4217.

-- An event, organised by the cluster's moderators. A draft is seen by
-- organisers only; published opens registration until its deadline.
CREATE TABLE events (
    id                    uuid PRIMARY KEY,
    state                 text NOT NULL DEFAULT 'draft'
                          CHECK (state IN ('draft', 'published', 'cancelled')),
    name                  text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    -- The description's language (texts users write carry their language).
    lang                  text NOT NULL CHECK (lang IN ('fr', 'de', 'en', 'nl')),
    description           text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    venue                 text NOT NULL CHECK (length(btrim(venue)) BETWEEN 1 AND 300),
    address               text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
    -- IANA zone the agendas show times in.
    time_zone             text NOT NULL DEFAULT 'Europe/Paris' CHECK (length(time_zone) BETWEEN 1 AND 64),
    tables                integer NOT NULL CHECK (tables BETWEEN 1 AND 2000),
    -- The languages meetings can be held in (shown to participants).
    languages             text[] NOT NULL DEFAULT '{fr,de,en,nl}'
                          CHECK (cardinality(languages) BETWEEN 1 AND 4
                                 AND languages <@ ARRAY['fr', 'de', 'en', 'nl']),
    registration_deadline timestamptz NOT NULL,
    -- A cancellation before this instant refunds a paid registration.
    cancellation_cutoff   timestamptz NOT NULL,
    -- Meeting requests unanswered this many days expire.
    request_expiry_days   integer NOT NULL DEFAULT 7 CHECK (request_expiry_days BETWEEN 1 AND 60),
    -- none → preliminary (agendas sent, meetings may still move) → final.
    agenda_state          text NOT NULL DEFAULT 'none'
                          CHECK (agenda_state IN ('none', 'preliminary', 'final')),
    -- Increases with every agenda sent (the iCalendar SEQUENCE).
    agenda_version        integer NOT NULL DEFAULT 0,
    created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    published_at          timestamptz
);
CREATE INDEX events_by_state ON events (state, registration_deadline);

-- A session: a stretch of time cut into meeting slots of meeting_minutes,
-- from starts_at, skipping slots that overlap a break, the last ending by
-- ends_at. Slots are derived, never stored.
CREATE TABLE event_sessions (
    id              uuid PRIMARY KEY,
    event_id        uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name            text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    meeting_minutes integer NOT NULL DEFAULT 20 CHECK (meeting_minutes BETWEEN 5 AND 120),
    CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '24 hours')
);
CREATE INDEX event_sessions_by_event ON event_sessions (event_id, starts_at);

CREATE TABLE event_breaks (
    id         uuid PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX event_breaks_by_session ON event_breaks (session_id, starts_at);

-- What an organisation registers as, and what it costs. SSE suppliers are
-- free by default (fee 0).
CREATE TABLE event_participation_types (
    id            uuid PRIMARY KEY,
    event_id      uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position      integer NOT NULL DEFAULT 0,
    -- Names by language: {"fr": "...", "de": "...", "en": "...", "nl": "..."}.
    names         jsonb NOT NULL CHECK (jsonb_typeof(names) = 'object'),
    -- Which organisations may choose it: any, SSE suppliers, or buyers
    -- (public and private).
    for_kind      text NOT NULL DEFAULT 'any' CHECK (for_kind IN ('any', 'sse_supplier', 'buyer')),
    fee_cents     bigint NOT NULL DEFAULT 0 CHECK (fee_cents BETWEEN 0 AND 10000000),
    currency      char(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    max_delegates integer NOT NULL DEFAULT 3 CHECK (max_delegates BETWEEN 1 AND 20)
);
CREATE INDEX event_participation_types_by_event ON event_participation_types (event_id, position);

-- An organisation's registration. A paid one waits in pending_payment until
-- a verified checkout.session.completed webhook confirms it.
CREATE TABLE event_registrations (
    id                    uuid PRIMARY KEY,
    event_id              uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organisation_id       uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    participation_type_id uuid NOT NULL REFERENCES event_participation_types (id),
    state                 text NOT NULL CHECK (state IN ('pending_payment', 'confirmed', 'cancelled')),
    fee_cents             bigint NOT NULL CHECK (fee_cents >= 0),
    currency              char(3) NOT NULL,
    checkout_session_id   text UNIQUE,
    checkout_url          text,
    checkout_expires_at   timestamptz,
    payment_intent_id     text,
    paid_at               timestamptz,
    -- Set when a cancellation before the cut-off asked Stripe for a refund.
    refund_id             text,
    refund_state          text CHECK (refund_state IS NULL OR refund_state IN ('pending', 'succeeded', 'failed')),
    registered_by         uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    confirmed_at          timestamptz,
    cancelled_at          timestamptz
);
-- One live registration per organisation and event; a cancelled one may be
-- followed by a new one.
CREATE UNIQUE INDEX event_registrations_live ON event_registrations (event_id, organisation_id)
    WHERE state <> 'cancelled';
CREATE INDEX event_registrations_by_event ON event_registrations (event_id, created_at, id);
CREATE INDEX event_registrations_by_org ON event_registrations (organisation_id);

-- Stripe events already applied: the webhook inserts the event id in the
-- same transaction as its effect, so a replay changes nothing.
CREATE TABLE billing_events (
    id           text PRIMARY KEY,
    type         text NOT NULL,
    received_at  timestamptz NOT NULL
);

-- A person an organisation sends. user_id links a member account when the
-- delegate has one (they then see their own agenda); members of the
-- organisation act for every delegate of it.
CREATE TABLE event_delegates (
    id              uuid PRIMARY KEY,
    registration_id uuid NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    event_id        uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         uuid REFERENCES users (id) ON DELETE SET NULL,
    name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    job_title       text NOT NULL DEFAULT '' CHECK (length(job_title) <= 200),
    -- The language of the delegate's agenda and emails.
    lang            text NOT NULL CHECK (lang IN ('fr', 'de', 'en', 'nl')),
    -- The event profile, prefilled from the marketplace profile.
    offers          text NOT NULL DEFAULT '' CHECK (length(offers) <= 2000),
    needs           text NOT NULL DEFAULT '' CHECK (length(needs) <= 2000),
    profile_lang    text NOT NULL CHECK (profile_lang IN ('fr', 'de', 'en', 'nl')),
    sectors         text[] NOT NULL DEFAULT '{}' CHECK (cardinality(sectors) <= 20),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX event_delegates_by_event ON event_delegates (event_id, name, id);
CREATE INDEX event_delegates_by_registration ON event_delegates (registration_id);
CREATE INDEX event_delegates_by_org ON event_delegates (organisation_id, event_id);

-- When a delegate can meet. No row: available throughout the event.
CREATE TABLE event_delegate_availability (
    delegate_id uuid NOT NULL REFERENCES event_delegates (id) ON DELETE CASCADE,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    CHECK (ends_at > starts_at),
    PRIMARY KEY (delegate_id, starts_at)
);

-- A delegate asks another for a meeting. The answer says how much the
-- recipient wants it: the weight is 3 when either side says must_meet, 2
-- when both would like it, 1 otherwise.
CREATE TABLE meeting_requests (
    id                uuid PRIMARY KEY,
    event_id          uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    from_delegate_id  uuid NOT NULL REFERENCES event_delegates (id) ON DELETE CASCADE,
    to_delegate_id    uuid NOT NULL REFERENCES event_delegates (id) ON DELETE CASCADE,
    priority          text NOT NULL CHECK (priority IN ('must_meet', 'would_like')),
    message           text NOT NULL DEFAULT '' CHECK (length(message) <= 1000),
    state             text NOT NULL DEFAULT 'pending'
                      CHECK (state IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
    answer_priority   text CHECK (answer_priority IS NULL OR answer_priority IN ('must_meet', 'would_like', 'ok')),
    decline_reason    text CHECK (decline_reason IS NULL OR length(decline_reason) <= 500),
    -- Why the last scheduler run left this accepted request out (a
    -- schedule.Reason), NULL when scheduled or never run.
    unscheduled_reason text,
    created_by        uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    answered_at       timestamptz,
    CHECK (from_delegate_id <> to_delegate_id)
);
-- One open or accepted request per ordered pair.
CREATE UNIQUE INDEX meeting_requests_live_pair ON meeting_requests (from_delegate_id, to_delegate_id)
    WHERE state IN ('pending', 'accepted');
CREATE INDEX meeting_requests_to ON meeting_requests (to_delegate_id, state, created_at, id);
CREATE INDEX meeting_requests_from ON meeting_requests (from_delegate_id, state, created_at, id);
CREATE INDEX meeting_requests_by_event ON meeting_requests (event_id, state);
CREATE INDEX meeting_requests_expiring ON meeting_requests (expires_at) WHERE state = 'pending';

-- Pairs of organisations that will not be scheduled together at an event:
-- they met before, or one said "no thanks". Stored in the order given.
CREATE TABLE event_exclusions (
    event_id              uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organisation_id       uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    other_organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind                  text NOT NULL CHECK (kind IN ('met_before', 'no_thanks')),
    created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL,
    PRIMARY KEY (event_id, organisation_id, other_organisation_id),
    CHECK (organisation_id <> other_organisation_id)
);

-- The schedule: one meeting per scheduled request, at a slot (its start
-- and end, within a session) and a table (1-based).
CREATE TABLE event_meetings (
    id          uuid PRIMARY KEY,
    event_id    uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    request_id  uuid NOT NULL UNIQUE REFERENCES meeting_requests (id) ON DELETE CASCADE,
    session_id  uuid NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    table_no    integer NOT NULL CHECK (table_no >= 1),
    -- Organisers lock what must not move; confirmed meetings were sent in a
    -- final agenda. Re-runs keep both.
    locked      boolean NOT NULL DEFAULT false,
    confirmed   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    UNIQUE (event_id, starts_at, table_no)
);
CREATE INDEX event_meetings_by_event ON event_meetings (event_id, starts_at, table_no);

-- One scheduler run: who, when, and what it found.
CREATE TABLE event_schedule_runs (
    id           uuid PRIMARY KEY,
    event_id     uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    run_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    started_at   timestamptz NOT NULL,
    duration_ms  integer NOT NULL,
    requests     integer NOT NULL,
    meetings     integer NOT NULL,
    weight       integer NOT NULL,
    upper_bound  integer NOT NULL,
    kept         integer NOT NULL
);
CREATE INDEX event_schedule_runs_by_event ON event_schedule_runs (event_id, started_at DESC);

-- What each side says happened at a meeting.
CREATE TABLE event_meeting_outcomes (
    meeting_id      uuid NOT NULL REFERENCES event_meetings (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    outcome         text NOT NULL CHECK (outcome IN ('held', 'no_show', 'follow_up', 'deal')),
    amount_cents    bigint CHECK (amount_cents IS NULL OR amount_cents BETWEEN 0 AND 100000000000),
    currency        char(3) CHECK (currency IS NULL OR currency ~ '^[A-Z]{3}$'),
    note            text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    recorded_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (meeting_id, organisation_id),
    CHECK ((outcome = 'deal') = (amount_cents IS NOT NULL))
);

-- +goose Down
DROP TABLE event_meeting_outcomes;
DROP TABLE event_schedule_runs;
DROP TABLE event_meetings;
DROP TABLE event_exclusions;
DROP TABLE meeting_requests;
DROP TABLE event_delegate_availability;
DROP TABLE event_delegates;
DROP TABLE billing_events;
DROP TABLE event_registrations;
DROP TABLE event_participation_types;
DROP TABLE event_breaks;
DROP TABLE event_sessions;
DROP TABLE events;
