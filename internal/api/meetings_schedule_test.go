package api

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// meetingsOf lists an event's meetings as organisers see them.
func (w *conventionWorld) meetings() []map[string]any {
	w.e.t.Helper()
	r := w.mod.expect(http.StatusOK, "GET", w.path("/meetings?limit=200"), nil)
	var out []map[string]any
	for _, it := range r.body["items"].([]any) {
		out = append(out, it.(map[string]any))
	}
	return out
}

// checkSchedule fails on any meeting that breaks a rule of a schedule: a
// delegate twice in a slot, a table twice in a slot, a table out of range,
// a slot outside a delegate's availability (allowed gives the slots, by
// index, of the delegates limited to some).
func (w *conventionWorld) checkSchedule(tables int, allowed map[string][]int) {
	t := w.e.t
	t.Helper()
	busy, seated := map[string]bool{}, map[string]bool{}
	for _, m := range w.meetings() {
		start, _ := time.Parse(time.RFC3339, m["starts_at"].(string))
		slot := int(start.Sub(w.start) / (20 * time.Minute))
		table := int(m["table"].(float64))
		if table < 1 || table > tables {
			t.Errorf("meeting %s at table %d of %d", m["id"], table, tables)
		}
		if key := fmt.Sprint(slot, "/", table); seated[key] {
			t.Errorf("two meetings at table %d in slot %d", table, slot)
		} else {
			seated[key] = true
		}
		for _, side := range []string{"a", "b"} {
			d := m[side].(map[string]any)["delegate_id"].(string)
			if key := fmt.Sprint(slot, "/", d); busy[key] {
				t.Errorf("delegate %s twice in slot %d", d, slot)
			} else {
				busy[key] = true
			}
			if slots, limited := allowed[d]; limited && !containsInt(slots, slot) {
				t.Errorf("delegate %s scheduled in slot %d, outside their availability %v", d, slot, slots)
			}
		}
	}
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// TestScheduleAgendasOutcomes runs the organisers' whole path on a small
// event: schedule (valid, reasons for what is left out, availability
// respected), lock and move (conflicts are 409), re-runs (locked and
// confirmed meetings kept), agendas (emails, JSON, .ics parsed by a real
// iCalendar decoder, PDF), table plan, outcomes (409 before the meeting),
// and the after-event question.
func TestScheduleAgendasOutcomes(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.conventionWorld(conventionOptions{tables: 2, slots: 4})
	s1 := w.register("Atelier", domain.OrgSSESupplier, 1)
	s2 := w.register("Brasserie", domain.OrgSSESupplier, 1)
	b1 := w.register("Mairie", domain.OrgPublicBuyer, 1)
	b2 := w.register("Gemeinde", domain.OrgPublicBuyer, 1)
	b3 := w.register("Firma", domain.OrgPrivateBuyer, 1)
	late := w.register("Spät", domain.OrgPrivateBuyer, 1)
	// Spät's delegate is there for the last two slots only.
	w.available(late.delegates[0], 2, 3)

	for _, s := range []*conventionOrg{s1, s2} {
		for _, b := range []*conventionOrg{b1, b2, b3, late} {
			w.accepted(s, s.delegates[0], b, b.delegates[0], "would_like", "ok")
		}
	}
	// Firma and Brasserie exclude each other after accepting: never scheduled.
	b3.member.expect(http.StatusOK, "POST", w.path("/exclusions"), map[string]any{"organisation_id": s2.org.ID, "kind": "met_before"})

	b1.member.expect(http.StatusForbidden, "POST", w.path("/schedule"), nil)
	w.mod.expect(http.StatusNotFound, "GET", w.path("/schedule"), nil)
	run := w.mod.expect(http.StatusOK, "POST", w.path("/schedule"), nil, "Accept-Language", "de").body
	meetings := w.meetings()
	if run["requests"] != float64(8) || int(run["meetings"].(float64)) != len(meetings) || len(meetings) == 0 {
		t.Fatalf("run: %v, %d meetings", run, len(meetings))
	}
	if run["upper_bound"].(float64) < run["weight"].(float64) {
		t.Errorf("weight %v above its upper bound %v", run["weight"], run["upper_bound"])
	}
	left := run["left_out"].([]any)
	if len(left)+len(meetings) != 8 {
		t.Errorf("%d left out + %d meetings, want 8 requests", len(left), len(meetings))
	}
	excluded := false
	for _, l := range left {
		l := l.(map[string]any)
		if l["reason"] == core.ReasonExcluded {
			excluded = true
			if !strings.Contains(l["reason_text"].(string), "ausgeschlossen") {
				t.Errorf("reason text not in German: %v", l)
			}
		}
	}
	if !excluded {
		t.Errorf("the excluded pair is not among the left-out requests: %v", left)
	}
	allowed := map[string][]int{late.delegates[0]: {2, 3}}
	w.checkSchedule(2, allowed)
	for _, m := range meetings {
		if m["a"].(map[string]any)["organisation_id"] == s2.org.ID && m["b"].(map[string]any)["organisation_id"] == b3.org.ID {
			t.Errorf("the excluded pair was scheduled: %v", m)
		}
	}
	// The request says why it was left out, or where it is scheduled.
	outgoing := s2.member.expect(http.StatusOK, "GET", w.path("/meeting-requests?box=outgoing&state=accepted"), nil)
	if !strings.Contains(outgoing.raw, `"unscheduled_reason":"One of the two organisations excluded meeting the other"`) &&
		!strings.Contains(outgoing.raw, "excluded meeting the other") {
		t.Errorf("left-out reason missing from the request: %s", outgoing.raw)
	}

	// Lock one meeting; moves that break a rule are refused with the reason.
	locked := meetings[0]
	lockedID := locked["id"].(string)
	w.mod.expect(http.StatusOK, "PATCH", w.path("/meetings/"+lockedID), map[string]any{"locked": true})
	if r := w.mod.expect(http.StatusConflict, "PATCH", w.path("/meetings/"+lockedID), map[string]any{"starts_at": w.slot(0).Add(5 * time.Minute)}); !strings.Contains(problemDetail(r), "slot") {
		t.Errorf("move to no slot: %s", r.raw)
	}
	w.mod.expect(http.StatusConflict, "PATCH", w.path("/meetings/"+lockedID), map[string]any{"table": 3})
	// A move where one of the two already meets someone else.
	var busyMove map[string]any
	for _, m := range meetings[1:] {
		if m["starts_at"] != locked["starts_at"] && (m["a"].(map[string]any)["delegate_id"] == locked["a"].(map[string]any)["delegate_id"] ||
			m["b"].(map[string]any)["delegate_id"] == locked["b"].(map[string]any)["delegate_id"]) {
			busyMove = m
			break
		}
	}
	if busyMove == nil {
		t.Errorf("no meeting to move onto a busy delegate among %v", meetings)
	} else {
		if r := w.mod.expect(http.StatusConflict, "PATCH", w.path("/meetings/"+busyMove["id"].(string)), map[string]any{"starts_at": locked["starts_at"]}); !strings.Contains(problemDetail(r), "already has a meeting") {
			t.Errorf("move onto a busy delegate: %s", r.raw)
		}
	}
	// A move of Spät's meeting before they arrive.
	lateMeetings := 0
	for _, m := range meetings {
		if m["b"].(map[string]any)["delegate_id"] == late.delegates[0] {
			lateMeetings++
			if r := w.mod.expect(http.StatusConflict, "PATCH", w.path("/meetings/"+m["id"].(string)), map[string]any{"starts_at": w.slot(0)}); !strings.Contains(problemDetail(r), "not available") {
				t.Errorf("move outside the availability: %s", r.raw)
			}
		}
	}
	if lateMeetings == 0 {
		t.Errorf("Spät has no meeting: %v", meetings)
	}
	// Another organisation's meeting id, or another event's, is 404.
	w.mod.expect(http.StatusNotFound, "PATCH", "/api/v1/events/"+s1.org.ID+"/meetings/"+lockedID, map[string]any{"locked": false})

	// A re-run keeps the locked meeting where it is.
	w.mod.expect(http.StatusOK, "POST", w.path("/schedule"), nil)
	found := false
	for _, m := range w.meetings() {
		if m["id"] == lockedID {
			found = true
			if m["starts_at"] != locked["starts_at"] || m["table"] != locked["table"] || m["locked"] != true {
				t.Errorf("locked meeting moved: %v, was %v", m, locked)
			}
		}
	}
	if !found {
		t.Errorf("locked meeting %s gone after a re-run", lockedID)
	}
	w.checkSchedule(2, allowed)

	// Before any agenda, members see an empty one.
	if a := s1.member.expect(http.StatusOK, "GET", w.path("/agenda"), nil); a.body["agenda_state"] != "none" || len(a.body["meetings"].([]any)) != 0 {
		t.Errorf("agenda before sending: %s", a.raw)
	}
	// Final agendas: every meeting confirmed, one email per delegate.
	sent := w.mod.expect(http.StatusOK, "POST", w.path("/agendas/send"), map[string]any{"kind": "final"}).body
	if sent["agenda_state"] != "final" || sent["agenda_version"] != float64(1) || sent["emails"] != float64(6) {
		t.Errorf("agendas sent: %v", sent)
	}
	w.mod.expect(http.StatusConflict, "POST", w.path("/agendas/send"), map[string]any{"kind": "preliminary"})
	before := w.meetings()
	for _, m := range before {
		if m["confirmed"] != true {
			t.Errorf("meeting not confirmed by the final agenda: %v", m)
		}
	}
	// A re-run keeps every confirmed meeting as it is.
	rerun := w.mod.expect(http.StatusOK, "POST", w.path("/schedule"), nil).body
	after := w.meetings()
	if rerun["kept"] != float64(len(before)) || len(after) != len(before) {
		t.Errorf("re-run after the final agenda: %v; %d meetings, were %d", rerun, len(after), len(before))
	}
	for i := range before {
		if before[i]["id"] != after[i]["id"] || before[i]["starts_at"] != after[i]["starts_at"] || before[i]["table"] != after[i]["table"] {
			t.Errorf("confirmed meeting changed: %v → %v", before[i], after[i])
		}
	}

	// The agenda email, in the delegate's language (de), links the agenda.
	var delegateEmail string
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT email FROM event_delegates WHERE id = $1", s1.delegates[0]).Scan(&delegateEmail); err != nil {
		t.Fatal(err)
	}
	msgs := e.mail.WaitFor(t, delegateEmail, 1, 20*time.Second)
	if !strings.Contains(msgs[0].Subject, "endgültiger Terminplan") || !strings.Contains(msgs[0].Text, "/workspace/convention/"+w.eventID+"/agenda") {
		t.Errorf("agenda email: %q\n%s", msgs[0].Subject, msgs[0].Text)
	}

	// The agenda: JSON, iCalendar (parsed), PDF.
	agenda := s1.member.expect(http.StatusOK, "GET", w.path("/agenda"), nil)
	mine := agenda.body["meetings"].([]any)
	if len(mine) == 0 || agenda.body["agenda_state"] != "final" {
		t.Fatalf("agenda: %s", agenda.raw)
	}
	ics := s1.member.expect(http.StatusOK, "GET", w.path("/agenda.ics"), nil)
	if !strings.HasPrefix(ics.header.Get("Content-Type"), "text/calendar") || !strings.Contains(ics.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("ics headers: %v", ics.header)
	}
	cal, err := ical.NewDecoder(bytes.NewReader([]byte(ics.raw))).Decode()
	if err != nil {
		t.Fatalf("the .ics does not parse: %v\n%s", err, ics.raw)
	}
	events := cal.Events()
	if len(events) != len(mine) {
		t.Fatalf("%d VEVENTs, %d meetings", len(events), len(mine))
	}
	for i, ev := range events {
		m := mine[i].(map[string]any)
		uid, _ := ev.Props.Text(ical.PropUID)
		status, _ := ev.Props.Text(ical.PropStatus)
		start, err := ev.DateTimeStart(time.UTC)
		if !strings.HasPrefix(uid, m["id"].(string)) || status != "CONFIRMED" || err != nil || start.Format(time.RFC3339) != m["starts_at"] {
			t.Errorf("VEVENT %d: uid %q status %q start %v (%v), meeting %v", i, uid, status, start, err, m)
		}
	}
	if pdf := s1.member.expect(http.StatusOK, "GET", w.path("/agenda.pdf"), nil); !strings.HasPrefix(pdf.raw, "%PDF") || pdf.header.Get("Content-Type") != "application/pdf" {
		t.Errorf("agenda PDF: %v %.20q", pdf.header, pdf.raw)
	}
	if pdf := w.mod.expect(http.StatusOK, "GET", w.path("/table-plan.pdf"), nil); !strings.HasPrefix(pdf.raw, "%PDF") {
		t.Errorf("table plan PDF: %.20q", pdf.raw)
	}
	plan := w.mod.expect(http.StatusOK, "GET", w.path("/table-plan"), nil)
	if slots := plan.body["slots"].([]any); len(slots) != 4 {
		t.Errorf("table plan: %s", plan.raw)
	}
	// Another organisation's delegate's agenda is 404; organisers read any.
	s1.member.expect(http.StatusNotFound, "GET", w.path("/agenda?delegate_id="+b1.delegates[0]), nil)
	s1.member.expect(http.StatusNotFound, "GET", w.path("/agenda.ics?delegate_id="+b1.delegates[0]), nil)
	w.mod.expect(http.StatusOK, "GET", w.path("/agenda?delegate_id="+b1.delegates[0]), nil)

	// Outcomes: 409 before the meeting, then stored per side.
	first := mine[0].(map[string]any)
	meetingID := first["id"].(string)
	other := first["other"].(map[string]any)["organisation_id"].(string)
	var otherSide *conventionOrg
	for _, o := range w.orgs {
		if o.org.ID == other {
			otherSide = o
		}
	}
	if r := s1.member.expect(http.StatusConflict, "PUT", w.path("/meetings/"+meetingID+"/outcome"), map[string]any{"outcome": "held"}); !strings.Contains(problemDetail(r), "not started") {
		t.Errorf("outcome before the meeting: %s", r.raw)
	}
	e.clock.advance(31 * 24 * time.Hour)
	s1.member.expect(http.StatusUnprocessableEntity, "PUT", w.path("/meetings/"+meetingID+"/outcome"), map[string]any{"outcome": "deal"})
	s1.member.expect(http.StatusOK, "PUT", w.path("/meetings/"+meetingID+"/outcome"), map[string]any{"outcome": "deal", "amount_cents": 1250000})
	otherSide.member.expect(http.StatusOK, "PUT", w.path("/meetings/"+meetingID+"/outcome"), map[string]any{"outcome": "follow_up", "note": "Devis à envoyer"})
	// A third organisation cannot record one.
	var third *conventionOrg
	for _, o := range []*conventionOrg{b1, b2, b3, late} {
		if o != otherSide {
			third = o
			break
		}
	}
	third.member.expect(http.StatusNotFound, "PUT", w.path("/meetings/"+meetingID+"/outcome"), map[string]any{"outcome": "held"})
	agenda = s1.member.expect(http.StatusOK, "GET", w.path("/agenda"), nil)
	m0 := agenda.body["meetings"].([]any)[0].(map[string]any)
	if o, _ := m0["outcome"].(map[string]any); o["outcome"] != "deal" || o["amount_cents"] != float64(1250000) || o["currency"] != "EUR" || m0["other_outcome_recorded"] != true {
		t.Errorf("agenda after outcomes: %v", m0)
	}

	// After the event, each delegate with meetings is asked once.
	n, err := e.meetings.AskOutcomes(t.Context())
	if err != nil || n != 6 {
		t.Errorf("outcome questions: %d, %v; want 6", n, err)
	}
	if n, _ := e.meetings.AskOutcomes(t.Context()); n != 0 {
		t.Errorf("asked again: %d", n)
	}
}
