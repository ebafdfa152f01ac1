package api

import (
	"context"
	"net/http"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
	"passerelle/internal/taxonomy"
)

// TestStatisticsKnownAnswers seeds a small marketplace and checks every
// figure of GET /api/v1/statistics against the count made by hand.
func TestStatisticsKnownAnswers(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	newOpenDataWorld(t, e) // 3 public tenders (1 with a reserved lot, 1 with a social lot), 4 lots; 2 awarded lots
	// Suppliers: FR has the world's supplier, a verified ESAT and one with
	// an expired status; DE a verified WfbM; a suspended one counts nowhere.
	esat := e.db.Organisation(t, storetest.OrganisationOptions{Country: "FR"})
	e.db.SSEStatus(t, esat.ID, storetest.StatusOptions{Type: domain.SSEFrESAT})
	expired := e.db.Organisation(t, storetest.OrganisationOptions{Country: "FR"})
	e.db.SSEStatus(t, expired.ID, storetest.StatusOptions{Type: domain.SSEFrEA, ValidUntil: time.Now().AddDate(0, 0, -2)})
	wfbm := e.db.Organisation(t, storetest.OrganisationOptions{Country: "DE"})
	e.db.SSEStatus(t, wfbm.ID, storetest.StatusOptions{Type: domain.SSEDeWfbM})
	pending := e.db.Organisation(t, storetest.OrganisationOptions{Country: "DE"})
	e.db.SSEStatus(t, pending.ID, storetest.StatusOptions{Type: domain.SSEDeInklusionsbetrieb, State: domain.VerificationPending})
	suspended := e.db.Organisation(t, storetest.OrganisationOptions{Country: "LU", Status: domain.OrgSuspended})
	e.db.SSEStatus(t, suspended.ID, storetest.StatusOptions{Type: domain.SSELuSIS})

	// Offers: two sectors of the first group count once; one of another
	// group; a draft and a suspended supplier's offer do not count.
	groups := taxonomy.SectorGroups()
	g1a, g1b, g2 := groups[0].Sectors[0].Code, groups[0].Sectors[1].Code, groups[1].Sectors[0].Code
	e.db.Offer(t, esat.ID, storetest.OfferOptions{Sectors: []string{g1a, g1b}})
	e.db.Offer(t, wfbm.ID, storetest.OfferOptions{Sectors: []string{g1a, g2}})
	e.db.Offer(t, wfbm.ID, storetest.OfferOptions{Sectors: []string{g2}, State: domain.OfferDraft})
	e.db.Offer(t, suspended.ID, storetest.OfferOptions{Sectors: []string{g2}})

	// Meetings of a published event: one held, one with a deal, one where
	// nobody came; a draft event's meeting does not count.
	meetings(t, e, "published", []string{"held"}, []string{"deal", "held"}, []string{"no_show"})
	meetings(t, e, "draft", []string{"held"})

	r := e.client().expect(http.StatusOK, "GET", "/api/v1/statistics", nil, "Accept-Language", "fr")
	b := r.body
	num := func(k string) float64 { return b[k].(float64) }
	checks := map[string]float64{"tenders": 3, "reserved_tenders": 1, "social_tenders": 1, "lots": 4, "offers": 2,
		"suppliers": 5, "meetings_held": 2, "meeting_deals": 1}
	for k, want := range checks {
		if num(k) != want {
			t.Errorf("%s = %v, want %v", k, num(k), want)
		}
	}
	if r.header.Get("Content-Language") != "fr" || r.header.Get("Cache-Control") != "public, max-age=300" {
		t.Errorf("headers = %v", r.header)
	}

	byCountry := map[string][2]float64{}
	for _, c := range b["suppliers_by_country"].([]any) {
		c := c.(map[string]any)
		byCountry[c["country"].(string)] = [2]float64{c["suppliers"].(float64), c["verified"].(float64)}
	}
	// FR: the world's supplier (no status), the ESAT, the expired EA; DE:
	// the WfbM and the pending one.
	if byCountry["FR"] != [2]float64{3, 1} || byCountry["DE"] != [2]float64{2, 1} || len(byCountry) != 2 {
		t.Errorf("suppliers by country = %v", byCountry)
	}
	byStatus := map[string]string{}
	counts := map[string]float64{}
	for _, c := range b["suppliers_by_status"].([]any) {
		c := c.(map[string]any)
		byStatus[c["code"].(string)] = c["label"].(string)
		counts[c["code"].(string)] = c["count"].(float64)
	}
	if len(byStatus) != 2 || counts[string(domain.SSEFrESAT)] != 1 || counts[string(domain.SSEDeWfbM)] != 1 ||
		byStatus[string(domain.SSEFrESAT)] != domain.SSEFrESAT.Label("fr") {
		t.Errorf("suppliers by status = %v %v", byStatus, counts)
	}
	sectors := b["offers_by_sector"].([]any)
	if len(sectors) != 2 {
		t.Fatalf("offers by sector = %v", sectors)
	}
	first, second := sectors[0].(map[string]any), sectors[1].(map[string]any)
	if first["code"] != groups[0].Code || first["count"] != 2.0 || first["label"] != groups[0].Labels.In(domain.LangFR) ||
		second["code"] != groups[1].Code || second["count"] != 1.0 {
		t.Errorf("offers by sector = %v", sectors)
	}
	awards := map[string][2]float64{}
	for _, a := range b["awards"].([]any) {
		a := a.(map[string]any)
		awards[a["result"].(string)] = [2]float64{a["lots"].(float64), a["amount_cents"].(float64)}
	}
	if awards["awarded_passerelle"] != [2]float64{1, 1234550} || awards["awarded_other"] != [2]float64{1, 800000} {
		t.Errorf("awards = %v", awards)
	}
	months := b["tenders_by_month"].([]any)
	var total float64
	for _, m := range months {
		total += m.(map[string]any)["tenders"].(float64)
	}
	if total != 3 {
		t.Errorf("tenders by month = %v", months)
	}
}

// TestStatisticsAreCached: a figure computed once is served until the TTL
// passes, then computed again.
func TestStatisticsAreCached(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()
	first := c.expect(http.StatusOK, "GET", "/api/v1/statistics", nil).body
	e.db.Organisation(t, storetest.OrganisationOptions{Country: "BE"})
	if again := c.expect(http.StatusOK, "GET", "/api/v1/statistics", nil).body; again["suppliers"] != first["suppliers"] {
		t.Errorf("recomputed before the TTL: %v then %v", first["suppliers"], again["suppliers"])
	}
	e.clock.advance(6 * time.Minute)
	if later := c.expect(http.StatusOK, "GET", "/api/v1/statistics", nil).body; later["suppliers"] != first["suppliers"].(float64)+1 {
		t.Errorf("not recomputed after the TTL: %v then %v", first["suppliers"], later["suppliers"])
	}
}

// meetings inserts an event in state with one meeting per outcome list,
// each side of a meeting recording the outcomes given in order.
func meetings(t *testing.T, e *env, state string, outcomes ...[]string) {
	t.Helper()
	ctx := context.Background()
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := e.db.Pool.Exec(ctx, sql, args...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	now := time.Now()
	event, session, ptype := store.NewID(), store.NewID(), store.NewID()
	exec(`INSERT INTO events (id, state, name, lang, venue, tables, registration_deadline, cancellation_cutoff, created_at, updated_at)
	      VALUES ($1, $2, 'Convention', 'fr', 'Metz', 10, $3, $3, $3, $3)`, event, state, now)
	exec(`INSERT INTO event_sessions (id, event_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, session, event, now, now.Add(4*time.Hour))
	exec(`INSERT INTO event_participation_types (id, event_id, names) VALUES ($1, $2, '{"fr":"Standard"}')`, ptype, event)
	delegate := func() (string, string) {
		org := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer})
		reg, del := store.NewID(), store.NewID()
		exec(`INSERT INTO event_registrations (id, event_id, organisation_id, participation_type_id, state, fee_cents, currency, created_at, updated_at)
		      VALUES ($1, $2, $3, $4, 'confirmed', 0, 'EUR', $5, $5)`, reg, event, org.ID, ptype, now)
		exec(`INSERT INTO event_delegates (id, registration_id, event_id, organisation_id, name, email, lang, profile_lang, created_at, updated_at)
		      VALUES ($1, $2, $3, $4, 'Délégué', 'd@example.org', 'fr', 'fr', $5, $5)`, del, reg, event, org.ID, now)
		return org.ID, del
	}
	for i, outs := range outcomes {
		orgA, a := delegate()
		orgB, b := delegate()
		req, meeting := store.NewID(), store.NewID()
		exec(`INSERT INTO meeting_requests (id, event_id, from_delegate_id, to_delegate_id, priority, state, created_at, expires_at)
		      VALUES ($1, $2, $3, $4, 'must_meet', 'accepted', $5, $5)`, req, event, a, b, now)
		exec(`INSERT INTO event_meetings (id, event_id, request_id, session_id, starts_at, ends_at, table_no, created_at, updated_at)
		      VALUES ($1, $2, $3, $4, $5, $6, $7, $5, $5)`, meeting, event, req, session, now, now.Add(20*time.Minute), i+1)
		for j, out := range outs {
			org := []string{orgA, orgB}[j]
			var amount any
			if out == "deal" {
				amount = int64(500000)
			}
			exec(`INSERT INTO event_meeting_outcomes (meeting_id, organisation_id, outcome, amount_cents, currency, recorded_at)
			      VALUES ($1, $2, $3, $4, 'EUR', $5)`, meeting, org, out, amount, now)
		}
	}
}
