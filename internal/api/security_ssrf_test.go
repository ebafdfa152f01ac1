package api

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// No route fetches an address a user gives: a website, links and images
// in Markdown texts, a saved search's query are stored as text and shown,
// never requested by the server, by the request or by any job it queues.
// (The outbound connections the product makes are all configured by the
// operator: see the README's Security section.)
func TestUserGivenURLsAreNeverFetched(t *testing.T) {
	var hits atomic.Int64
	canary := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(canary.Close)

	e := newEnvWith(t, core.RateLimits{}, envOptions{indexJobs: true})
	org := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier})
	e.db.CPVCodes(t, "90911200-8", "90919200-4")
	e.db.SSEStatus(t, org.ID, storetest.StatusOptions{Type: domain.SSEFrESAT})
	owner := e.as(e.db.User(t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleOwner, EmailVerified: true}).ID)

	website := canary.URL + "/website"
	patched := owner.expect(http.StatusOK, "PATCH", "/api/v1/organisations/"+org.ID, map[string]any{"website": website, "town": "Metz", "postcode": "57000"})
	if patched.body["website"] != website {
		t.Fatalf("website stored as %v", patched.body["website"])
	}
	offer := offerInput()
	offer["description"] = "Voir ![photo](" + canary.URL + "/image.png) et [notre site](" + canary.URL + "/link). <img src=\"" + canary.URL + "/html.png\">"
	id := owner.createOffer(org.ID, offer)
	owner.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
	owner.expect(http.StatusCreated, "POST", "/api/v1/me/saved-searches", map[string]any{"name": "Alerte", "query": "q=" + canary.URL + "/search"})
	owner.expect(http.StatusOK, "GET", "/api/v1/offers/"+id, nil)
	e.client().expect(http.StatusOK, "GET", "/api/v1/organisations/"+org.ID, nil)

	// Let every job the requests queued (search indexing, notifications)
	// run to its end, then look at the canary.
	deadline := time.Now().Add(30 * time.Second)
	for {
		var pending int
		if err := e.db.Pool.QueryRow(t.Context(),
			`SELECT count(*) FROM river_job WHERE state IN ('available', 'running', 'retryable', 'scheduled') AND scheduled_at <= now()`).Scan(&pending); err != nil {
			t.Fatal(err)
		}
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d jobs still pending after 30 s", pending)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the server requested a user-given address %d time(s)", n)
	}
	// The canary itself answers (so that zero hits means something).
	resp, err := http.Get(website)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if hits.Load() != 1 {
		t.Fatal("the canary does not count requests")
	}
}
