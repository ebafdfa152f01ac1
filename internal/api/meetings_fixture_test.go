package api

import (
	"context"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// The convention fixtures are written with plain SQL: they stand for what
// the events' own API creates (registrations, delegates), so that the
// meetings are tested on their own.

// conventionWorld is a published event with one session and organisations
// registered (confirmed), each with a member client and delegates.
type conventionWorld struct {
	e       *env
	eventID string
	// start is the first slot's start; slots last 20 minutes.
	start time.Time
	orgs  map[string]*conventionOrg
	mod   *client
}

// conventionOrg is a registered organisation of the world.
type conventionOrg struct {
	org       domain.Organisation
	member    *client
	userID    string
	delegates []string
	regID     string
}

// conventionOptions shape the world.
type conventionOptions struct {
	tables int
	// slots is how many 20-minute slots the one session has (default 6).
	slots int
}

func (e *env) conventionWorld(opts conventionOptions) *conventionWorld {
	e.t.Helper()
	if opts.tables == 0 {
		opts.tables = 10
	}
	if opts.slots == 0 {
		opts.slots = 6
	}
	start := time.Now().UTC().Add(30 * 24 * time.Hour).Truncate(time.Hour)
	w := &conventionWorld{e: e, eventID: store.NewID(), start: start, orgs: map[string]*conventionOrg{}}
	e.sql(`INSERT INTO events (id, state, name, lang, venue, address, time_zone, tables, registration_deadline, cancellation_cutoff,
		request_expiry_days, created_at, updated_at) VALUES ($1, 'published', 'Rencontres d’affaires, Metz', 'fr', 'Arsenal, Metz', '',
		'Europe/Paris', $2, $3, $3, 7, now(), now())`, w.eventID, opts.tables, start.Add(-24*time.Hour))
	sessionID := store.NewID()
	e.sql(`INSERT INTO event_sessions (id, event_id, name, starts_at, ends_at, meeting_minutes) VALUES ($1, $2, 'Matin', $3, $4, 20)`,
		sessionID, w.eventID, start, start.Add(time.Duration(opts.slots)*20*time.Minute))
	w.mod, _ = e.moderatorClient()
	return w
}

// sql runs a statement for a fixture.
func (e *env) sql(query string, args ...any) {
	e.t.Helper()
	if _, err := e.db.Pool.Exec(context.Background(), query, args...); err != nil {
		e.t.Fatalf("fixture: %v\n%s", err, query)
	}
}

// register registers a new organisation of kind under name (confirmed),
// with a member and n delegates.
func (w *conventionWorld) register(name string, kind domain.OrganisationKind, n int, sectors ...string) *conventionOrg {
	e := w.e
	e.t.Helper()
	org := e.db.Organisation(e.t, storetest.OrganisationOptions{Kind: kind, LegalName: name})
	u := e.db.User(e.t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleMember, EmailVerified: true})
	o := w.enrol(org, e.as(u.ID), n, sectors...)
	o.userID = u.ID
	return o
}

// enrol registers an existing organisation (confirmed), acted for by
// member, with n delegates named after it.
func (w *conventionWorld) enrol(org domain.Organisation, member *client, n int, sectors ...string) *conventionOrg {
	e := w.e
	e.t.Helper()
	name := org.LegalName
	o := &conventionOrg{org: org, member: member, regID: store.NewID()}
	typeID := store.NewID()
	e.sql(`INSERT INTO event_participation_types (id, event_id, names, for_kind) VALUES ($1, $2, '{"en": "Participant"}', 'any')`, typeID, w.eventID)
	e.sql(`INSERT INTO event_registrations (id, event_id, organisation_id, participation_type_id, state, fee_cents, currency, created_at, updated_at)
		VALUES ($1, $2, $3, $4, 'confirmed', 0, 'EUR', now(), now())`, o.regID, w.eventID, org.ID, typeID)
	for i := 0; i < n; i++ {
		o.delegates = append(o.delegates, w.delegate(o, name+" delegate "+string(rune('A'+i)), sectors...))
	}
	w.orgs[name] = o
	return o
}

// delegate adds a delegate to o's registration.
func (w *conventionWorld) delegate(o *conventionOrg, name string, sectors ...string) string {
	id := store.NewID()
	if sectors == nil {
		sectors = []string{}
	}
	w.e.sql(`INSERT INTO event_delegates (id, registration_id, event_id, organisation_id, name, email, job_title, lang, offers, needs, profile_lang,
		sectors, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'Chargé d''affaires', 'de', 'Nettoyage', 'Repas', 'fr', $7, now(), now())`,
		id, o.regID, w.eventID, o.org.ID, name, "delegate-"+id[len(id)-12:]+"@example.org", sectors)
	return id
}

// available limits a delegate to the slots from first to last (indices).
func (w *conventionWorld) available(delegateID string, first, last int) {
	w.e.sql(`INSERT INTO event_delegate_availability (delegate_id, starts_at, ends_at) VALUES ($1, $2, $3)`, delegateID,
		w.slot(first), w.slot(last).Add(20*time.Minute))
}

// slot is the start of the i-th slot.
func (w *conventionWorld) slot(i int) time.Time {
	return w.start.Add(time.Duration(i) * 20 * time.Minute)
}

func (w *conventionWorld) path(rest string) string { return "/api/v1/events/" + w.eventID + rest }

// request asks, as from's member, for a meeting of from's delegate with to.
func (w *conventionWorld) request(from *conventionOrg, fromDelegate, toDelegate, priority string) string {
	w.e.t.Helper()
	r := from.member.expect(201, "POST", w.path("/meeting-requests"), map[string]any{"from_delegate_id": fromDelegate,
		"to_delegate_id": toDelegate, "priority": priority, "message": "Parlons nettoyage"})
	return r.body["id"].(string)
}

// accepted sends and accepts a request with the two priorities.
func (w *conventionWorld) accepted(from *conventionOrg, fromDelegate string, to *conventionOrg, toDelegate, asked, answered string) string {
	w.e.t.Helper()
	id := w.request(from, fromDelegate, toDelegate, asked)
	to.member.expect(200, "POST", w.path("/meeting-requests/"+id+"/accept"), map[string]any{"priority": answered})
	return id
}
