package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/schedule"
)

// leftOutReasons maps a run's left-out requests to their reasons.
func leftOutReasons(run map[string]any) map[string]string {
	out := map[string]string{}
	for _, l := range run["left_out"].([]any) {
		l := l.(map[string]any)
		out[l["request_id"].(string)] = l["reason"].(string)
	}
	return out
}

// TestScheduleDropsImpossibleLocks: a locked meeting, then a confirmed
// one, that became impossible (the delegate is no longer there at its
// slot) is left out with its reason and removed, instead of failing every
// run; the meeting the solver puts at the table it held is stored (the
// impossible one is deleted first). The delegate's own availability
// change that would do this is refused (409).
func TestScheduleDropsImpossibleLocks(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.conventionWorld(conventionOptions{tables: 1, slots: 2})
	s1 := w.register("Atelier", domain.OrgSSESupplier, 1)
	s2 := w.register("Brasserie", domain.OrgSSESupplier, 1)
	b1 := w.register("Mairie", domain.OrgPublicBuyer, 1)
	b2 := w.register("Gemeinde", domain.OrgPublicBuyer, 1)
	first := w.accepted(s1, s1.delegates[0], b1, b1.delegates[0], "would_like", "ok")
	w.available(s1.delegates[0], 0, 0)
	w.mod.expect(http.StatusOK, "POST", w.path("/schedule"), nil)
	ms := w.meetings()
	if len(ms) != 1 {
		t.Fatalf("meetings: %v", ms)
	}
	w.mod.expect(http.StatusOK, "PATCH", w.path("/meetings/"+ms[0]["id"].(string)), map[string]any{"locked": true})

	// The delegate cannot narrow their availability away from it.
	in := delegateInput("Atelier delegate A")
	in["availability"] = []map[string]any{{"starts_at": w.slot(1), "ends_at": w.slot(2)}}
	if r := s1.member.expect(http.StatusConflict, "PUT", w.path("/registration/delegates/"+s1.delegates[0]), in, "Accept-Language", "fr"); !strings.Contains(problemDetail(r), "verrouillé") {
		t.Errorf("availability change away from a locked meeting: %s", r.raw)
	}
	in["availability"] = []map[string]any{{"starts_at": w.slot(0), "ends_at": w.slot(2)}}
	s1.member.expect(http.StatusOK, "PUT", w.path("/registration/delegates/"+s1.delegates[0]), in)

	// It happens anyway (here through the data): only slot 1 is left to
	// Atelier's delegate, and Brasserie–Gemeinde can only meet at slot 0.
	e.sql(`DELETE FROM event_delegate_availability WHERE delegate_id = $1`, s1.delegates[0])
	w.available(s1.delegates[0], 1, 1)
	second := w.accepted(s2, s2.delegates[0], b2, b2.delegates[0], "would_like", "ok")
	w.available(s2.delegates[0], 0, 0)
	run := w.mod.expect(http.StatusOK, "POST", w.path("/schedule"), nil).body
	reasons := leftOutReasons(run)
	if reasons[first] != string(schedule.ReasonLockUnavailable) {
		t.Errorf("impossible lock: left out %v, want %s for %s", reasons, schedule.ReasonLockUnavailable, first)
	}
	ms = w.meetings()
	if len(ms) != 1 || ms[0]["request_id"] != second || ms[0]["starts_at"] != w.slot(0).Format(time.RFC3339) {
		t.Fatalf("meetings after the run: %v", ms)
	}

	// The same with a confirmed meeting (after the final agenda): Gemeinde's
	// delegate now comes for slot 1 only.
	w.mod.expect(http.StatusOK, "POST", w.path("/agendas/send"), map[string]any{"kind": "final"})
	e.sql(`DELETE FROM event_delegate_availability WHERE delegate_id IN ($1, $2)`, s1.delegates[0], s2.delegates[0])
	w.available(b2.delegates[0], 1, 1)
	w.available(s1.delegates[0], 0, 0)
	run = w.mod.expect(http.StatusOK, "POST", w.path("/schedule"), nil).body
	if reasons := leftOutReasons(run); reasons[second] != string(schedule.ReasonLockUnavailable) {
		t.Errorf("impossible confirmed meeting: left out %v", reasons)
	}
	ms = w.meetings()
	if len(ms) != 1 || ms[0]["request_id"] != first || ms[0]["starts_at"] != w.slot(0).Format(time.RFC3339) || ms[0]["table"] != float64(1) {
		t.Fatalf("meetings after the second run: %v", ms)
	}
}

// TestOutcomesOnlyForAnnouncedMeetings: meetings scheduled but never sent
// in an agenda are neither asked about nor open to an outcome (409); once
// the final agenda is sent, exclusions are refused (409).
func TestOutcomesOnlyForAnnouncedMeetings(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.conventionWorld(conventionOptions{tables: 2, slots: 2})
	s1 := w.register("Atelier", domain.OrgSSESupplier, 1)
	b1 := w.register("Mairie", domain.OrgPublicBuyer, 1)
	b2 := w.register("Gemeinde", domain.OrgPublicBuyer, 1)
	w.accepted(s1, s1.delegates[0], b1, b1.delegates[0], "would_like", "ok")
	w.mod.expect(http.StatusOK, "POST", w.path("/schedule"), nil)
	ms := w.meetings()
	if len(ms) != 1 {
		t.Fatalf("meetings: %v", ms)
	}
	// Before the final agenda an exclusion is taken.
	s1.member.expect(http.StatusOK, "POST", w.path("/exclusions"), map[string]any{"organisation_id": b2.org.ID, "kind": "met_before"})

	// The event is over, no agenda was ever sent.
	e.clock.advance(31 * 24 * time.Hour)
	if r := s1.member.expect(http.StatusConflict, "PUT", w.path("/meetings/"+ms[0]["id"].(string)+"/outcome"), map[string]any{"outcome": "held"},
		"Accept-Language", "de"); !strings.Contains(problemDetail(r), "Terminplan") {
		t.Errorf("outcome of an unannounced meeting: %s", r.raw)
	}
	if n, err := e.meetings.AskOutcomes(t.Context()); n != 0 || err != nil {
		t.Errorf("asked about unannounced meetings: %d, %v", n, err)
	}

	// Once the final agenda is sent, exclusions no longer change.
	e.sql(`UPDATE events SET agenda_state = 'final', agenda_version = 1 WHERE id = $1`, w.eventID)
	e.sql(`UPDATE event_meetings SET confirmed = true WHERE event_id = $1`, w.eventID)
	if r := b2.member.expect(http.StatusConflict, "POST", w.path("/exclusions"), map[string]any{"organisation_id": s1.org.ID, "kind": "no_thanks"},
		"Accept-Language", "fr"); !strings.Contains(problemDetail(r), "définitif") {
		t.Errorf("exclusion after the final agenda: %s", r.raw)
	}
	s1.member.expect(http.StatusOK, "PUT", w.path("/meetings/"+ms[0]["id"].(string)+"/outcome"), map[string]any{"outcome": "held"})
	if n, err := e.meetings.AskOutcomes(t.Context()); n != 2 || err != nil {
		t.Errorf("outcome questions after the final agenda: %d, %v; want 2", n, err)
	}
}

// TestCancelledRegistrationLeavesTheSchedule: an organisation that
// cancels its registration loses its meetings and its requests are
// withdrawn: the other side's agenda no longer lists them.
func TestCancelledRegistrationLeavesTheSchedule(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.conventionWorld(conventionOptions{tables: 2, slots: 2})
	s1 := w.register("Atelier", domain.OrgSSESupplier, 1)
	b1 := w.register("Mairie", domain.OrgPublicBuyer, 1)
	b2 := w.register("Gemeinde", domain.OrgPublicBuyer, 1)
	s2 := w.register("Brasserie", domain.OrgSSESupplier, 1)
	w.accepted(s1, s1.delegates[0], b1, b1.delegates[0], "would_like", "ok")
	kept := w.accepted(s1, s1.delegates[0], b2, b2.delegates[0], "would_like", "ok")
	pending := w.request(b1, b1.delegates[0], s2.delegates[0], "would_like")
	w.mod.expect(http.StatusOK, "POST", w.path("/schedule"), nil)
	w.mod.expect(http.StatusOK, "POST", w.path("/agendas/send"), map[string]any{"kind": "final"})
	if ms := w.meetings(); len(ms) != 2 {
		t.Fatalf("meetings: %v", ms)
	}

	b1.member.expect(http.StatusOK, "POST", w.path("/registration/cancel"), nil)
	ms := w.meetings()
	if len(ms) != 1 || ms[0]["request_id"] != kept {
		t.Errorf("meetings after Mairie cancelled: %v", ms)
	}
	if a := s1.member.expect(http.StatusOK, "GET", w.path("/agenda"), nil); len(a.body["meetings"].([]any)) != 1 {
		t.Errorf("Atelier's agenda still lists the cancelled organisation's meeting: %s", a.raw)
	}
	var state string
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT state FROM meeting_requests WHERE id = $1", pending).Scan(&state); err != nil || state != "withdrawn" {
		t.Errorf("Mairie's pending request: %q, %v; want withdrawn", state, err)
	}
	// A re-run does not bring it back.
	w.mod.expect(http.StatusOK, "POST", w.path("/schedule"), nil)
	if ms := w.meetings(); len(ms) != 1 {
		t.Errorf("meetings after a re-run: %v", ms)
	}
}

// TestDirectoryHidesTheOtherSidesExclusion: the organisation that excluded
// another sees its own kind; the excluded one sees only "unavailable".
func TestDirectoryHidesTheOtherSidesExclusion(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.conventionWorld(conventionOptions{})
	s1 := w.register("Atelier", domain.OrgSSESupplier, 1)
	b1 := w.register("Mairie", domain.OrgPublicBuyer, 1)
	b1.member.expect(http.StatusOK, "POST", w.path("/exclusions"), map[string]any{"organisation_id": s1.org.ID, "kind": "no_thanks"})
	excludedAs := func(c *client, delegateID string) any {
		t.Helper()
		r := c.expect(http.StatusOK, "GET", w.path("/delegates?limit=100"), nil)
		for _, it := range r.body["items"].([]any) {
			if it := it.(map[string]any); it["delegate_id"] == delegateID {
				return it["excluded"]
			}
		}
		t.Fatalf("delegate %s not in the directory: %s", delegateID, r.raw)
		return nil
	}
	if got := excludedAs(b1.member, s1.delegates[0]); got != "no_thanks" {
		t.Errorf("Mairie sees its own exclusion as %v", got)
	}
	if got := excludedAs(s1.member, b1.delegates[0]); got != "unavailable" {
		t.Errorf("Atelier sees Mairie's exclusion as %v, want unavailable", got)
	}
}
