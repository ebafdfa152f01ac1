package api

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/search"
	"passerelle/internal/store/storetest"
)

// alertWorld is a French supplier whose offers the tests publish, and a
// German-speaking buyer who saves searches.
type alertWorld struct {
	supplier domain.Organisation
	buyer    domain.User
	c        *client
}

func (e *env) alertWorld() alertWorld {
	t := e.t
	t.Helper()
	metz := domain.GeoPoint{Latitude: 49.1193, Longitude: 6.1757}
	eighty := 80.0
	w := alertWorld{}
	w.supplier = e.db.Organisation(t, storetest.OrganisationOptions{LegalName: "ESAT Les Tilleuls", TradeName: "Les Tilleuls"})
	e.db.Place(t, w.supplier.ID, "Metz", "FRF33", &metz)
	e.db.SSEStatus(t, w.supplier.ID, storetest.StatusOptions{Type: "fr_esat", DisabledShare: &eighty})
	buyerOrg := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, Country: "DE", LegalName: "Stadt Saarbrücken"})
	w.buyer = e.db.User(t, storetest.UserOptions{Organisation: buyerOrg.ID, Language: domain.LangDE, EmailVerified: true,
		Email: mailtest.UniqueAddress(t), DisplayName: "Jonas Becker"})
	w.c = e.as(w.buyer.ID)
	// Saving starts the alert window: a minute later than everything
	// above, so that the supplier's own document (public since its
	// status) is old news to the search.
	e.clock.advance(time.Minute)
	return w
}

// publish writes published offers of the world's supplier at the test
// clock's time plus at, and indexes every public listing (what the index
// jobs do when an engine runs).
func (e *env) publish(w alertWorld, at time.Duration, titles ...string) []domain.Offer {
	e.t.Helper()
	var out []domain.Offer
	for _, title := range titles {
		out = append(out, e.db.Offer(e.t, w.supplier.ID, storetest.OfferOptions{Title: title,
			Description: title + ", par une équipe formée.", PublishedAt: e.clock.now().Add(at)}))
	}
	err := core.EachSearchDocument(e.t.Context(), e.db.Store, time.Now(), 100, func(docs []search.Document) error {
		return e.search.Index(e.t.Context(), core.SearchLiveIndex, docs)
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

func (e *env) sendAlerts(want int) {
	e.t.Helper()
	n, err := e.saved.SendAlerts(e.t.Context())
	if err != nil {
		e.t.Fatal(err)
	}
	if n != want {
		e.t.Fatalf("SendAlerts wrote %d notifications, want %d", n, want)
	}
}

func alertNotifications(c *client) []map[string]any {
	var out []map[string]any
	for _, n := range notificationItems(c.expect(http.StatusOK, "GET", "/api/v1/me/notifications?limit=100", nil)) {
		if n["category"] == "saved_search_alerts" {
			out = append(out, n)
		}
	}
	return out
}

// TestSavedSearchAlertAcrossLanguages is the scenario: a German
// query saved; a French offer that matches it (through translation) and
// one that does not are published; the daily run writes one notification
// naming only the match, which the daily digest emails; a second run has
// nothing new; a later match, delivered immediately, gets its own email.
func TestSavedSearchAlertAcrossLanguages(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.alertWorld()
	// Published before the search was saved: not news.
	e.publish(w, -time.Hour, "Nettoyage de vitres")

	r := w.c.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches",
		map[string]any{"name": "Reinigung", "query": "q=Reinigung&lang=de"}, "Accept-Language", "de")
	id, _ := r.body["id"].(string)
	if r.body["search_url"] != "/api/v1/search?q=Reinigung&lang=de" || r.body["alerts"] != true || r.body["lang"] != "de" {
		t.Fatalf("saved: %s", r.raw)
	}
	// The URL it gives runs the search.
	w.c.expect(http.StatusOK, "GET", r.body["search_url"].(string), nil)

	e.publish(w, time.Minute, "Nettoyage de bureaux", "Blanchisserie pour hôpitaux")
	e.clock.advance(time.Hour)
	e.sendAlerts(1)

	alerts := alertNotifications(w.c)
	if len(alerts) != 1 {
		t.Fatalf("want one alert, got %v", alerts)
	}
	a := alerts[0]
	title, _ := a["title"].(string)
	if title != "Gespeicherte Suche „Reinigung“: 1 neuer Eintrag: Nettoyage de bureaux" || a["email_state"] != "digest_pending" ||
		a["link"] != "http://localhost:8080/search?q=Reinigung&lang=de" {
		t.Fatalf("alert: %v", a)
	}

	// Joins the daily digest (the category's default delivery).
	if _, err := e.notes.SendDigests(t.Context()); err != nil {
		t.Fatal(err)
	}
	msgs := e.mail.WaitFor(t, w.buyer.Email, 1, 20*time.Second)
	if m := msgs[0]; !strings.Contains(m.Subject, "1 neue Benachrichtigung") || !strings.Contains(m.Text, "Nettoyage de bureaux") ||
		strings.Contains(m.Text, "Blanchisserie") || !strings.Contains(m.Text, "Neue Einträge zu Ihren gespeicherten Suchen") {
		t.Fatalf("digest: %q\n%s", m.Subject, m.Text)
	}

	// Again: nothing new, nothing written, the window moved on.
	e.sendAlerts(0)
	if n := len(alertNotifications(w.c)); n != 1 {
		t.Fatalf("a second run repeated the alert: %d alerts", n)
	}
	after := w.c.expect(http.StatusOK, "GET", "/api/v1/me/saved-searches/"+id, nil)
	if after.body["last_alert_at"] == r.body["last_alert_at"] {
		t.Fatalf("last_alert_at did not move: %s", after.raw)
	}

	// A later match, with the category delivered immediately: its own
	// email, naming only the new listing.
	w.c.expect(http.StatusOK, "PUT", "/api/v1/me/notification-preferences",
		map[string]any{"preferences": map[string]string{"saved_search_alerts": "immediately"}})
	e.publish(w, time.Minute, "Nettoyage de cantines")
	e.clock.advance(time.Hour)
	e.sendAlerts(1)
	msgs = e.mail.WaitFor(t, w.buyer.Email, 2, 20*time.Second)
	var found bool
	for _, m := range msgs {
		if m.Subject == "1 neuer Eintrag für „Reinigung“ — Passerelle" {
			found = true
			if !strings.Contains(m.Text, "Nettoyage de cantines") || strings.Contains(m.Text, "Nettoyage de bureaux") ||
				!strings.Contains(m.Text, "http://localhost:8080/search?q=Reinigung&lang=de") ||
				!strings.Contains(m.HTML, "Nettoyage de cantines") || m.Headers["List-Unsubscribe"] == nil {
				t.Fatalf("alert email: %q\n%s", m.Subject, m.Text)
			}
		}
	}
	if !found {
		t.Fatalf("no immediate alert email: %+v", msgs)
	}
}

// failingSearch is an engine whose searches fail, as when the server is
// down: indexing is not involved.
type failingSearch struct{ search.Engine }

func (failingSearch) Search(context.Context, string, search.Query) (search.Result, error) {
	return search.Result{}, fmt.Errorf("%w: connection refused", search.ErrEngine)
}

// TestSavedSearchAlertSurvivesEngineOutage: a run while the engine is
// down fails (the job is retried) and leaves the window where it was; the
// next run tells of the listing.
func TestSavedSearchAlertSurvivesEngineOutage(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.alertWorld()
	r := w.c.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "Reinigung", "query": "q=Reinigung&lang=de"})
	e.publish(w, time.Minute, "Nettoyage de bureaux")
	e.clock.advance(time.Hour)

	x, err := testExpander()
	if err != nil {
		t.Fatal(err)
	}
	down := &search.Multilingual{Engine: failingSearch{e.search}, Index: core.SearchLiveIndex, Expander: x}
	broken := core.NewSavedSearches(e.db.Store, core.NewSearch(e.db.Store, down, e.clock.now), e.clock.now).WithAlerts(e.notes, nil)
	if _, err := broken.SendAlerts(t.Context()); err == nil {
		t.Fatal("a run with the engine down succeeded")
	}
	if n := len(alertNotifications(w.c)); n != 0 {
		t.Fatalf("%d alerts written while the engine was down", n)
	}
	after := w.c.expect(http.StatusOK, "GET", "/api/v1/me/saved-searches/"+r.body["id"].(string), nil)
	if after.body["last_alert_at"] != r.body["last_alert_at"] {
		t.Fatalf("the window moved during the outage: %v → %v", r.body["last_alert_at"], after.body["last_alert_at"])
	}

	e.sendAlerts(1)
	if a := alertNotifications(w.c); len(a) != 1 || !strings.Contains(a[0]["title"].(string), "Nettoyage de bureaux") {
		t.Fatalf("after the outage: %v", a)
	}
}

// TestSavedSearchRejectsBadInput: every wrong field is named, in the
// caller's language, with the query's parameters under body.query, and
// nothing is saved.
func TestSavedSearchRejectsBadInput(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.alertWorld()
	r := w.c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/me/saved-searches", map[string]any{
		"name":  strings.Repeat("n", domain.MaxSavedSearchName+1),
		"query": "q=Reinigung&kind=gadget&radius_km=abc&near=49.1,6.2&town=Metz&sort=cheapest&colour=red&cursor=abc",
		"lang":  "xx",
	}, "Accept-Language", "fr")
	for _, f := range []string{"body.name", "body.lang", "body.query", "body.query.kind", "body.query.radius_km",
		"body.query.town", "body.query.sort", "body.query.cursor"} {
		if !strings.Contains(r.raw, `"location":"`+f+`"`) {
			t.Errorf("no error on %s: %s", f, r.raw)
		}
	}
	if !strings.Contains(r.raw, "n’est pas un paramètre de la recherche") {
		t.Errorf("not in French: %s", r.raw)
	}
	// Unreadable, empty or too long.
	for _, q := range []string{"q=%zz", "", "q=" + strings.Repeat("a", domain.MaxSavedSearchQuery)} {
		r := w.c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "x", "query": q})
		if !strings.Contains(r.raw, `"location":"body.query"`) {
			t.Errorf("query %.20q: %s", q, r.raw)
		}
	}
	// Eligibility needs to act for an SSE supplier, as in the search.
	r = w.c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "x", "query": "eligible=true"})
	if !strings.Contains(r.raw, `"location":"body.query.eligible"`) {
		t.Errorf("eligible for a buyer: %s", r.raw)
	}
	if items := w.c.expect(http.StatusOK, "GET", "/api/v1/me/saved-searches", nil).body["items"].([]any); len(items) != 0 {
		t.Fatalf("saved despite the errors: %v", items)
	}

	// A change is checked the same way, and changes nothing when wrong.
	r = w.c.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "Reinigung", "query": "q=Reinigung"})
	id := r.body["id"].(string)
	w.c.expect(http.StatusUnprocessableEntity, "PATCH", "/api/v1/me/saved-searches/"+id, map[string]any{"name": " ", "query": "kind=gadget"})
	got := w.c.expect(http.StatusOK, "GET", "/api/v1/me/saved-searches/"+id, nil)
	if got.body["name"] != "Reinigung" || got.body["query"] != "q=Reinigung" {
		t.Fatalf("a refused change was written: %s", got.raw)
	}
	// The same name twice is a conflict.
	r = w.c.expect(http.StatusConflict, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "Reinigung", "query": "q=Wäsche"}, "Accept-Language", "de")
	if !strings.Contains(r.raw, "bereits eine gespeicherte Suche") {
		t.Errorf("duplicate name: %s", r.raw)
	}
}

// TestSavedSearchesAreTheirOwnersOnly: another user can neither read,
// change nor delete a saved search, nor see it listed.
func TestSavedSearchesAreTheirOwnersOnly(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.alertWorld()
	r := w.c.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "Reinigung", "query": "q=Reinigung"})
	path := "/api/v1/me/saved-searches/" + r.body["id"].(string)
	other := e.as(e.db.User(t, storetest.UserOptions{}).ID)
	other.expect(http.StatusNotFound, "GET", path, nil)
	other.expect(http.StatusNotFound, "PATCH", path, map[string]any{"name": "Mine now"})
	other.expect(http.StatusNotFound, "DELETE", path, nil)
	if items := other.expect(http.StatusOK, "GET", "/api/v1/me/saved-searches", nil).body["items"].([]any); len(items) != 0 {
		t.Fatalf("another user lists %v", items)
	}
	e.client().expect(http.StatusUnauthorized, "GET", "/api/v1/me/saved-searches", nil)
	// Its owner's data export holds it; the other's does not.
	export := func(c *client) []any {
		return c.expect(http.StatusOK, "GET", "/api/v1/me/export", nil).body["data"].(map[string]any)["saved_searches"].([]any)
	}
	if mine := export(w.c); len(mine) != 1 || mine[0].(map[string]any)["query"] != "q=Reinigung" {
		t.Errorf("export: %v", mine)
	}
	if theirs := export(other); len(theirs) != 0 {
		t.Errorf("another user's export: %v", theirs)
	}

	// Its owner changes and deletes it.
	r = w.c.expect(http.StatusOK, "PATCH", path, map[string]any{"name": "Reinigung Saar", "alerts": false})
	if r.body["name"] != "Reinigung Saar" || r.body["alerts"] != false || r.body["query"] != "q=Reinigung" {
		t.Fatalf("patched: %s", r.raw)
	}
	w.c.expect(http.StatusNoContent, "DELETE", path, nil)
	w.c.expect(http.StatusNotFound, "GET", path, nil)
}

// TestSavedSearchLimitAndPages: a user keeps at most 50 saved searches
// (a clear 409 beyond), listed oldest first a page at a time.
func TestSavedSearchLimitAndPages(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.alertWorld()
	var ids []string
	for i := range domain.MaxSavedSearchesPerUser {
		r := w.c.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches",
			map[string]any{"name": fmt.Sprintf("Suche %02d", i), "query": fmt.Sprintf("q=Reinigung&radius_km=%d&near=49.1,6.2", i+1)})
		ids = append(ids, r.body["id"].(string))
	}
	r := w.c.expect(http.StatusConflict, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "Eine zu viel", "query": "q=Reinigung"},
		"Accept-Language", "en")
	if !strings.Contains(r.raw, "You already have 50 saved searches") {
		t.Errorf("over the limit: %s", r.raw)
	}

	var got []string
	cursor, pages := "", 0
	for {
		r := w.c.expect(http.StatusOK, "GET", "/api/v1/me/saved-searches?limit=20&cursor="+cursor, nil)
		for _, it := range r.body["items"].([]any) {
			got = append(got, it.(map[string]any)["id"].(string))
		}
		pages++
		if cursor, _ = r.body["next_cursor"].(string); cursor == "" {
			break
		}
		if pages > 5 {
			t.Fatal("the pages never end")
		}
	}
	if pages != 3 || strings.Join(got, ",") != strings.Join(ids, ",") {
		t.Fatalf("%d pages, %d ids, in order %v", pages, len(got), strings.Join(got, ",") == strings.Join(ids, ","))
	}
	w.c.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/me/saved-searches?cursor=nonsense", nil)

	// Deleting one makes room again.
	w.c.expect(http.StatusNoContent, "DELETE", "/api/v1/me/saved-searches/"+ids[0], nil)
	w.c.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "Eine mehr", "query": "q=Reinigung"})
}

// TestSavedSearchAlertStopsWhenMembershipEnds: an eligibility search acts
// for the supplier its user acted for when saving; once the user leaves
// it, the alert is switched off and the user told why.
func TestSavedSearchAlertStopsWhenMembershipEnds(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.alertWorld()
	member := e.db.User(t, storetest.UserOptions{Organisation: w.supplier.ID, Language: domain.LangFR})
	c := e.as(member.ID)
	r := c.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches",
		map[string]any{"name": "Marchés réservés", "query": "eligible=true&kind=tender"})
	if r.body["organisation_id"] != w.supplier.ID {
		t.Fatalf("eligibility acts for %v, want %s", r.body["organisation_id"], w.supplier.ID)
	}
	id := r.body["id"].(string)
	path := "/api/v1/me/saved-searches/" + id

	// Still a member: the run finds nothing new and keeps the alert on.
	e.clock.advance(time.Hour)
	e.sendAlerts(0)
	if got := c.expect(http.StatusOK, "GET", path, nil); got.body["alerts"] != true {
		t.Fatalf("alert switched off for a member: %s", got.raw)
	}

	if _, err := e.db.Pool.Exec(t.Context(), "DELETE FROM memberships WHERE user_id = $1", member.ID); err != nil {
		t.Fatal(err)
	}
	e.clock.advance(time.Hour)
	e.sendAlerts(1)
	if got := c.expect(http.StatusOK, "GET", path, nil); got.body["alerts"] != false {
		t.Fatalf("alert still on after the membership ended: %s", got.raw)
	}
	a := alertNotifications(c)
	if len(a) != 1 || !strings.Contains(a[0]["title"].(string), "« Marchés réservés » sont arrêtées") ||
		!strings.Contains(a[0]["title"].(string), "vous n’êtes plus membre") {
		t.Fatalf("notice: %v", a)
	}
	e.clock.advance(time.Hour)
	e.sendAlerts(0) // off: never run again, never told again

	// Switching them back on checks the query again, for the
	// organisation the user acts for now: none.
	r = c.expect(http.StatusUnprocessableEntity, "PATCH", path, map[string]any{"alerts": true})
	if !strings.Contains(r.raw, `"location":"body.query.eligible"`) {
		t.Fatalf("alerts back on without a supplier: %s", r.raw)
	}
	var audits int
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM audit_log WHERE action = 'saved_search.alerts_stopped' AND subject_id = $1",
		id).Scan(&audits); err != nil {
		t.Fatal(err)
	}
	if audits != 1 {
		t.Errorf("%d audit entries of the stop, want 1", audits)
	}
}

// backlogOf is an index that is behind by its value (what
// jobs.Runner.OldestPendingIndexJob measures).
type backlogOf time.Duration

func (b backlogOf) OldestPendingIndexJob(context.Context) (time.Duration, error) {
	return time.Duration(b), nil
}

// TestSavedSearchAlertWaitsForTheIndex: while the index is two hours
// behind, a listing published an hour ago may not be searchable yet: the
// window stops before the backlog, and the listing is told of once the
// index has caught up, not skipped.
func TestSavedSearchAlertWaitsForTheIndex(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.alertWorld()
	w.c.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "Reinigung", "query": "q=Reinigung&lang=de"})
	e.publish(w, time.Minute, "Nettoyage de bureaux")
	e.clock.advance(time.Hour)

	x, err := testExpander()
	if err != nil {
		t.Fatal(err)
	}
	searcher := &search.Multilingual{Engine: e.search, Index: core.SearchLiveIndex, Expander: x}
	behind := core.NewSavedSearches(e.db.Store, core.NewSearch(e.db.Store, searcher, e.clock.now), e.clock.now).
		WithAlerts(e.notes, backlogOf(2*time.Hour))
	if n, err := behind.SendAlerts(t.Context()); err != nil || n != 0 {
		t.Fatalf("with the index behind: %d alerts, %v", n, err)
	}
	e.sendAlerts(1) // caught up
}
