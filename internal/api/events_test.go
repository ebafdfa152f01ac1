package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// eventDay is the day of the test events: a month ahead, at midnight UTC.
func eventDay() time.Time {
	return time.Now().UTC().Add(30 * 24 * time.Hour).Truncate(24 * time.Hour)
}

func rfc(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// eventInput is a valid event: an afternoon of 20-minute meetings with a
// coffee break; types may be replaced.
func eventInput(types ...map[string]any) map[string]any {
	day := eventDay()
	in := map[string]any{
		"name": "Rencontres d'affaires de test", "lang": "fr", "venue": "Metz", "tables": 10,
		"registration_deadline": rfc(day.Add(-48 * time.Hour)), "cancellation_cutoff": rfc(day.Add(-7 * 24 * time.Hour)),
		"sessions": []map[string]any{{"name": "Après-midi", "starts_at": rfc(day.Add(14 * time.Hour)), "ends_at": rfc(day.Add(18 * time.Hour)),
			"breaks": []map[string]any{{"starts_at": rfc(day.Add(16 * time.Hour)), "ends_at": rfc(day.Add(16*time.Hour + 20*time.Minute))}}}},
	}
	if len(types) > 0 {
		in["participation_types"] = types
	}
	return in
}

func paidType(fee int) map[string]any {
	return map[string]any{"names": map[string]string{"fr": "Entreprise conventionnelle", "de": "Konventionelles Unternehmen",
		"en": "Conventional company", "nl": "Regulier bedrijf"}, "for_kind": "any", "fee_cents": fee, "currency": "EUR", "max_delegates": 2}
}

// publishedEvent creates and publishes an event as a new moderator and
// returns its body and the moderator's client.
func (e *env) publishedEvent(in map[string]any) (map[string]any, *client) {
	e.t.Helper()
	mod, _ := e.moderatorClient()
	ev := mod.expect(http.StatusCreated, "POST", "/api/v1/events", in).body
	mod.expect(http.StatusOK, "POST", "/api/v1/events/"+ev["id"].(string)+"/publish", nil)
	return ev, mod
}

// typeID returns the id of the event's participation type for kind.
func typeID(t *testing.T, ev map[string]any, forKind string) string {
	t.Helper()
	for _, pt := range ev["participation_types"].([]any) {
		if m := pt.(map[string]any); m["for_kind"] == forKind {
			return m["id"].(string)
		}
	}
	t.Fatalf("no participation type for %s in %v", forKind, ev["participation_types"])
	return ""
}

type eventMember struct {
	org    domain.Organisation
	user   domain.User
	client *client
}

func (e *env) newEventMember(kind domain.OrganisationKind) eventMember {
	e.t.Helper()
	org := e.db.Organisation(e.t, storetest.OrganisationOptions{Kind: kind})
	u := e.db.User(e.t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleOwner, EmailVerified: true, Language: domain.LangFR})
	return eventMember{org: org, user: u, client: e.as(u.ID)}
}

func delegateInput(name string) map[string]any {
	return map[string]any{"name": name, "email": strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.test", "lang": "fr",
		"job_title": "Responsable commerciale", "offers": "Nettoyage de bureaux", "sectors": []string{"cleaning.offices"}}
}

func fieldLocations(r response) []string {
	var out []string
	errs, _ := r.body["errors"].([]any)
	for _, x := range errs {
		out = append(out, x.(map[string]any)["location"].(string))
	}
	return out
}

func TestEventValidationNamesTheFields(t *testing.T) {
	e := newEnv(t, domainLimits())
	mod, _ := e.moderatorClient()
	day := eventDay()
	in := eventInput()
	in["registration_deadline"] = rfc(day.Add(15 * time.Hour)) // after the first session's start
	in["sessions"] = []map[string]any{
		{"starts_at": rfc(day.Add(14 * time.Hour)), "ends_at": rfc(day.Add(18 * time.Hour)),
			"breaks": []map[string]any{{"starts_at": rfc(day.Add(17*time.Hour + 50*time.Minute)), "ends_at": rfc(day.Add(18*time.Hour + 10*time.Minute))}}},
		{"starts_at": rfc(day.Add(17 * time.Hour)), "ends_at": rfc(day.Add(19 * time.Hour))}, // overlaps the first
		{"starts_at": rfc(day.Add(21 * time.Hour)), "ends_at": rfc(day.Add(20 * time.Hour))}, // ends before it starts
	}
	r := mod.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/events", in, "Accept-Language", "fr")
	got := strings.Join(fieldLocations(r), " ")
	for _, want := range []string{"body.registration_deadline", "body.sessions[0].breaks[0].ends_at", "body.sessions[1].starts_at",
		"body.sessions[2].ends_at"} {
		if !strings.Contains(got, want) {
			t.Errorf("errors %s lack %s", got, want)
		}
	}
	if !strings.Contains(r.raw, "chevauche") {
		t.Errorf("the messages are not in French: %s", r.raw)
	}
	// A member of an organisation may not create events.
	m := e.newEventMember(domain.OrgSSESupplier)
	m.client.expect(http.StatusForbidden, "POST", "/api/v1/events", eventInput())
}

// domainLimits are rate limits that never get in the way.
func domainLimits() core.RateLimits { return core.RateLimits{} }

func TestFreeRegistrationIsConfirmedAtOnce(t *testing.T) {
	e := newEnv(t, domainLimits())
	ev, mod := e.publishedEvent(eventInput())
	id := ev["id"].(string)
	if len(ev["participation_types"].([]any)) != 2 || len(ev["sessions"].([]any)[0].(map[string]any)["slots"].([]any)) != 11 {
		t.Fatalf("defaults: %v", ev)
	}
	// Public: listed and readable without signing in.
	anon := e.client()
	list := anon.expect(http.StatusOK, "GET", "/api/v1/events", nil).body["items"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["registration_open"] != true {
		t.Fatalf("public list: %v", list)
	}
	// Each event in its own zone: the list shows its times as the event page does.
	lux := eventInput()
	lux["name"], lux["time_zone"] = "Rencontres de Luxembourg", "Europe/Luxembourg"
	e.publishedEvent(lux)
	zones := map[string]any{}
	for _, item := range anon.expect(http.StatusOK, "GET", "/api/v1/events", nil).body["items"].([]any) {
		zones[item.(map[string]any)["name"].(string)] = item.(map[string]any)["time_zone"]
	}
	if zones["Rencontres de Luxembourg"] != "Europe/Luxembourg" || zones["Rencontres d'affaires de test"] != "Europe/Paris" {
		t.Fatalf("zones in the list: %v", zones)
	}

	sup := e.newEventMember(domain.OrgSSESupplier)
	// The buyers' type is not for a supplier.
	sup.client.expect(http.StatusConflict, "POST", "/api/v1/events/"+id+"/registrations",
		map[string]any{"participation_type_id": typeID(t, ev, "buyer"), "delegates": []any{delegateInput("Claire Martin")}})
	r := sup.client.expect(http.StatusCreated, "POST", "/api/v1/events/"+id+"/registrations",
		map[string]any{"participation_type_id": typeID(t, ev, "sse_supplier"), "delegates": []any{delegateInput("Claire Martin")}}).body
	reg := r["registration"].(map[string]any)
	if reg["state"] != "confirmed" || r["checkout_url"] != nil || reg["confirmed_at"] == nil || len(reg["delegates"].([]any)) != 1 {
		t.Fatalf("registration: %v", r)
	}
	msgs := e.mail.WaitFor(t, sup.user.Email, 1, 20*time.Second)
	if !strings.Contains(msgs[0].Subject, "Inscription confirmée") {
		t.Errorf("confirmation email: %q", msgs[0].Subject)
	}
	// Twice: 409.
	sup.client.expect(http.StatusConflict, "POST", "/api/v1/events/"+id+"/registrations",
		map[string]any{"participation_type_id": typeID(t, ev, "sse_supplier"), "delegates": []any{delegateInput("Paul Martin")}})
	// The event shows it as mine; the count of confirmed registrations.
	got := sup.client.expect(http.StatusOK, "GET", "/api/v1/events/"+id, nil).body
	if got["my_registration"].(map[string]any)["id"] != reg["id"] || got["registered_organisations"].(float64) != 1 {
		t.Errorf("event for the member: %v", got)
	}

	// Another organisation sees none of it, and cannot touch its delegates.
	other := e.newEventMember(domain.OrgPublicBuyer)
	other.client.expect(http.StatusNotFound, "GET", "/api/v1/events/"+id+"/registration", nil)
	if _, mine := other.client.expect(http.StatusOK, "GET", "/api/v1/events/"+id, nil).body["my_registration"]; mine {
		t.Error("another organisation sees a registration")
	}
	delegateID := reg["delegates"].([]any)[0].(map[string]any)["id"].(string)
	other.client.expect(http.StatusNotFound, "PUT", "/api/v1/events/"+id+"/registration/delegates/"+delegateID, delegateInput("Intrus"))
	other.client.expect(http.StatusNotFound, "DELETE", "/api/v1/events/"+id+"/registration/delegates/"+delegateID, nil)
	other.client.expect(http.StatusNotFound, "POST", "/api/v1/events/"+id+"/registration/cancel", nil)

	// Delegates: add (up to the type's 3), edit, the last cannot go.
	d2 := sup.client.expect(http.StatusCreated, "POST", "/api/v1/events/"+id+"/registration/delegates", delegateInput("Paul Martin")).body
	edited := delegateInput("Paul Martin")
	edited["availability"] = []map[string]any{{"starts_at": rfc(eventDay().Add(14 * time.Hour)), "ends_at": rfc(eventDay().Add(16 * time.Hour))}}
	upd := sup.client.expect(http.StatusOK, "PUT", "/api/v1/events/"+id+"/registration/delegates/"+d2["id"].(string), edited).body
	if len(upd["availability"].([]any)) != 1 {
		t.Errorf("availability not kept: %v", upd)
	}
	sup.client.expect(http.StatusNoContent, "DELETE", "/api/v1/events/"+id+"/registration/delegates/"+delegateID, nil)
	sup.client.expect(http.StatusConflict, "DELETE", "/api/v1/events/"+id+"/registration/delegates/"+d2["id"].(string), nil)

	// The organisers list it, with its delegate.
	regs := mod.expect(http.StatusOK, "GET", "/api/v1/events/"+id+"/registrations", nil).body["items"].([]any)
	if len(regs) != 1 || len(regs[0].(map[string]any)["delegates"].([]any)) != 1 {
		t.Errorf("organisers' list: %v", regs)
	}

	// Cancelled (free: no refund), then registered again.
	c := sup.client.expect(http.StatusOK, "POST", "/api/v1/events/"+id+"/registration/cancel", nil).body
	if c["state"] != "cancelled" || c["refund_state"] != nil {
		t.Errorf("cancelled: %v", c)
	}
	sup.client.expect(http.StatusCreated, "POST", "/api/v1/events/"+id+"/registrations",
		map[string]any{"participation_type_id": typeID(t, ev, "sse_supplier"), "delegates": []any{delegateInput("Claire Martin")}})
}

func TestRegistrationClosedAfterTheDeadlineAndDraftsHidden(t *testing.T) {
	e := newEnv(t, domainLimits())
	mod, _ := e.moderatorClient()
	draft := mod.expect(http.StatusCreated, "POST", "/api/v1/events", eventInput()).body
	sup := e.newEventMember(domain.OrgSSESupplier)
	// A draft is the organisers' only.
	e.client().expect(http.StatusNotFound, "GET", "/api/v1/events/"+draft["id"].(string), nil)
	sup.client.expect(http.StatusNotFound, "POST", "/api/v1/events/"+draft["id"].(string)+"/registrations",
		map[string]any{"participation_type_id": typeID(t, draft, "sse_supplier"), "delegates": []any{delegateInput("Claire Martin")}})
	if n := len(e.client().expect(http.StatusOK, "GET", "/api/v1/events", nil).body["items"].([]any)); n != 0 {
		t.Errorf("the public sees %d events, want 0", n)
	}
	if n := len(mod.expect(http.StatusOK, "GET", "/api/v1/events?state=draft", nil).body["items"].([]any)); n != 1 {
		t.Errorf("organisers see %d drafts, want 1", n)
	}

	ev, _ := e.publishedEvent(eventInput())
	e.clock.advance(29 * 24 * time.Hour) // past the deadline (two days before the event)
	r := sup.client.expect(http.StatusConflict, "POST", "/api/v1/events/"+ev["id"].(string)+"/registrations",
		map[string]any{"participation_type_id": typeID(t, ev, "sse_supplier"), "delegates": []any{delegateInput("Claire Martin")}})
	if !strings.Contains(r.raw, "closed") {
		t.Errorf("409 without the reason: %s", r.raw)
	}
}

func TestEventUpdateKeepsUsedTypes(t *testing.T) {
	e := newEnv(t, domainLimits())
	ev, mod := e.publishedEvent(eventInput())
	id := ev["id"].(string)
	sup := e.newEventMember(domain.OrgSSESupplier)
	sup.client.expect(http.StatusCreated, "POST", "/api/v1/events/"+id+"/registrations",
		map[string]any{"participation_type_id": typeID(t, ev, "sse_supplier"), "delegates": []any{delegateInput("Claire Martin")}})
	// Types replaced without the used one: 409 event-locked.
	r := mod.expect(http.StatusConflict, "PUT", "/api/v1/events/"+id, eventInput(paidType(9000)))
	if r.body["type"] != ProblemEventLocked {
		t.Errorf("problem type %v, want %s", r.body["type"], ProblemEventLocked)
	}
	// Kept by id (renamed), with a new paid type: accepted.
	kept := map[string]any{"id": typeID(t, ev, "sse_supplier"), "for_kind": "sse_supplier", "fee_cents": 0,
		"names": map[string]string{"fr": "ESS", "de": "Sozialwirtschaft", "en": "SSE", "nl": "Sociale economie"}}
	in := eventInput(kept, paidType(9000))
	in["name"] = "Rencontres renommées"
	got := mod.expect(http.StatusOK, "PUT", "/api/v1/events/"+id, in).body
	if got["name"] != "Rencontres renommées" || len(got["participation_types"].([]any)) != 2 || typeID(t, got, "sse_supplier") != kept["id"] {
		t.Errorf("updated: %v", got)
	}
	// The registration still names its type.
	reg := sup.client.expect(http.StatusOK, "GET", "/api/v1/events/"+id+"/registration", nil, "Accept-Language", "de").body
	if reg["participation_type_name"] != "Sozialwirtschaft" {
		t.Errorf("type name %v", reg["participation_type_name"])
	}
}

// TestScheduledEventIsLocked: once a meeting is scheduled the sessions'
// times cannot change (their names can), and once the final agenda is
// sent a delegate with meetings cannot be removed.
func TestScheduledEventIsLocked(t *testing.T) {
	e := newEnv(t, domainLimits())
	ev, mod := e.publishedEvent(eventInput())
	id := ev["id"].(string)
	register := func(kind domain.OrganisationKind, forKind string, names ...string) (eventMember, []string) {
		m := e.newEventMember(kind)
		var ds []any
		for _, n := range names {
			ds = append(ds, delegateInput(n))
		}
		reg := m.client.expect(http.StatusCreated, "POST", "/api/v1/events/"+id+"/registrations",
			map[string]any{"participation_type_id": typeID(t, ev, forKind), "delegates": ds}).body["registration"].(map[string]any)
		var ids []string
		for _, d := range reg["delegates"].([]any) {
			ids = append(ids, d.(map[string]any)["id"].(string))
		}
		return m, ids
	}
	sup, supDelegates := register(domain.OrgSSESupplier, "sse_supplier", "Claire Martin", "Paul Martin")
	_, buyerDelegates := register(domain.OrgPublicBuyer, "buyer", "Sophie Muller")
	session := ev["sessions"].([]any)[0].(map[string]any)
	slot := session["slots"].([]any)[0].(map[string]any)
	ctx := t.Context()
	var requestID string
	if err := e.db.Store.Pool().QueryRow(ctx, `INSERT INTO meeting_requests (id, event_id, from_delegate_id, to_delegate_id, priority, state,
		created_at, expires_at) VALUES (gen_random_uuid(), $1, $2, $3, 'must_meet', 'accepted', now(), now() + interval '7 days') RETURNING id::text`,
		id, supDelegates[0], buyerDelegates[0]).Scan(&requestID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Store.Pool().Exec(ctx, `INSERT INTO event_meetings (id, event_id, request_id, session_id, starts_at, ends_at, table_no,
		created_at, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 1, now(), now())`,
		id, requestID, session["id"], slot["starts_at"], slot["ends_at"]); err != nil {
		t.Fatal(err)
	}

	moved := eventInput()
	moved["sessions"].([]map[string]any)[0]["ends_at"] = rfc(eventDay().Add(19 * time.Hour))
	if r := mod.expect(http.StatusConflict, "PUT", "/api/v1/events/"+id, moved); r.body["type"] != ProblemEventLocked {
		t.Errorf("sessions moved: %v", r.body)
	}
	renamed := eventInput()
	renamed["sessions"].([]map[string]any)[0]["name"] = "Rendez-vous de l'après-midi"
	renamed["participation_types"] = []any{ // kept by id: both are used
		map[string]any{"id": typeID(t, ev, "sse_supplier"), "for_kind": "sse_supplier", "fee_cents": 0, "names": map[string]string{"fr": "ESS", "de": "Sozialwirtschaft", "en": "SSE", "nl": "Sociale economie"}},
		map[string]any{"id": typeID(t, ev, "buyer"), "for_kind": "buyer", "fee_cents": 0, "names": map[string]string{"fr": "Acheteur", "de": "Einkäufer", "en": "Buyer", "nl": "Inkoper"}},
	}
	got := mod.expect(http.StatusOK, "PUT", "/api/v1/events/"+id, renamed).body
	if s := got["sessions"].([]any)[0].(map[string]any); s["id"] != session["id"] || s["name"] != "Rendez-vous de l'après-midi" {
		t.Errorf("renamed session: %v", s)
	}

	// Before the final agenda a delegate with a meeting may go; after, not.
	if _, err := e.db.Store.Pool().Exec(ctx, `UPDATE events SET agenda_state = 'final' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	r := sup.client.expect(http.StatusConflict, "DELETE", "/api/v1/events/"+id+"/registration/delegates/"+supDelegates[0], nil)
	if r.body["type"] != ProblemEventLocked {
		t.Errorf("delete a scheduled delegate: %v", r.body)
	}
	sup.client.expect(http.StatusNoContent, "DELETE", "/api/v1/events/"+id+"/registration/delegates/"+supDelegates[1], nil)
}

// TestSessionsGivenInAnotherOrderKeepTheirIDs: renaming sessions given in
// another order than they are stored keeps each session's id (a meeting
// stays in its session).
func TestSessionsGivenInAnotherOrderKeepTheirIDs(t *testing.T) {
	e := newEnv(t, domainLimits())
	day := eventDay()
	session := func(name string, from, to time.Duration) map[string]any {
		return map[string]any{"name": name, "starts_at": rfc(day.Add(from)), "ends_at": rfc(day.Add(to))}
	}
	in := eventInput()
	in["sessions"] = []map[string]any{session("Matin", 9*time.Hour, 12*time.Hour), session("Après-midi", 14*time.Hour, 18*time.Hour)}
	ev, mod := e.publishedEvent(in)
	ids := map[string]string{} // start → id
	for _, s := range ev["sessions"].([]any) {
		ids[s.(map[string]any)["starts_at"].(string)] = s.(map[string]any)["id"].(string)
	}
	in["sessions"] = []map[string]any{session("Après-midi (salle B)", 14*time.Hour, 18*time.Hour), session("Matin (salle A)", 9*time.Hour, 12*time.Hour)}
	got := mod.expect(http.StatusOK, "PUT", "/api/v1/events/"+ev["id"].(string), in).body
	sessions := got["sessions"].([]any)
	if len(sessions) != 2 || sessions[0].(map[string]any)["name"] != "Matin (salle A)" {
		t.Fatalf("sessions not in time order: %v", sessions)
	}
	for _, s := range sessions {
		s := s.(map[string]any)
		if s["id"] != ids[s["starts_at"].(string)] {
			t.Errorf("session %q starting %s has id %v, want %s", s["name"], s["starts_at"], s["id"], ids[s["starts_at"].(string)])
		}
	}
}

// TestTablesCannotDropBelowTheTablesInUse: an event keeps at least as many
// tables as its meetings use.
func TestTablesCannotDropBelowTheTablesInUse(t *testing.T) {
	e := newEnv(t, domainLimits())
	ev, mod := e.publishedEvent(eventInput())
	id := ev["id"].(string)
	sup, buyer := e.newEventMember(domain.OrgSSESupplier), e.newEventMember(domain.OrgPublicBuyer)
	delegate := func(m eventMember, kind string) string {
		reg := m.client.expect(http.StatusCreated, "POST", "/api/v1/events/"+id+"/registrations",
			map[string]any{"participation_type_id": typeID(t, ev, kind), "delegates": []any{delegateInput("Claire Martin")}}).body["registration"].(map[string]any)
		return reg["delegates"].([]any)[0].(map[string]any)["id"].(string)
	}
	from, to := delegate(sup, "sse_supplier"), delegate(buyer, "buyer")
	session := ev["sessions"].([]any)[0].(map[string]any)
	slot := session["slots"].([]any)[0].(map[string]any)
	ctx := t.Context()
	var requestID string
	if err := e.db.Store.Pool().QueryRow(ctx, `INSERT INTO meeting_requests (id, event_id, from_delegate_id, to_delegate_id, priority, state,
		created_at, expires_at) VALUES (gen_random_uuid(), $1, $2, $3, 'must_meet', 'accepted', now(), now() + interval '7 days') RETURNING id::text`,
		id, from, to).Scan(&requestID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Store.Pool().Exec(ctx, `INSERT INTO event_meetings (id, event_id, request_id, session_id, starts_at, ends_at, table_no,
		created_at, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 7, now(), now())`,
		id, requestID, session["id"], slot["starts_at"], slot["ends_at"]); err != nil {
		t.Fatal(err)
	}
	in := eventInput()
	in["participation_types"] = []any{ // kept by id: both are used
		map[string]any{"id": typeID(t, ev, "sse_supplier"), "for_kind": "sse_supplier", "fee_cents": 0, "names": map[string]string{"fr": "ESS", "de": "Sozialwirtschaft", "en": "SSE", "nl": "Sociale economie"}},
		map[string]any{"id": typeID(t, ev, "buyer"), "for_kind": "buyer", "fee_cents": 0, "names": map[string]string{"fr": "Acheteur", "de": "Einkäufer", "en": "Buyer", "nl": "Inkoper"}},
	}
	in["tables"] = 6
	if r := mod.expect(http.StatusConflict, "PUT", "/api/v1/events/"+id, in, "Accept-Language", "fr"); r.body["type"] != ProblemEventLocked ||
		!strings.Contains(r.body["detail"].(string), "table 7") {
		t.Errorf("tables below the one in use: %v", r.body)
	}
	in["tables"] = 7
	if got := mod.expect(http.StatusOK, "PUT", "/api/v1/events/"+id, in).body; got["tables"] != float64(7) {
		t.Errorf("tables down to the one in use: %v", got)
	}
}
