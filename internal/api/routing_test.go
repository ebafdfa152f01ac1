package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// TestLotMatches: the buyer and moderators see the suppliers a reserved
// lot would be routed to, eligible ones only, best first, with reasons,
// page by page; suppliers do not.
func TestLotMatches(t *testing.T) {
	w := newTenderWorld(t)
	db := w.e.db
	tenderID, lotID := w.publishedTender(time.Now().Add(20*24*time.Hour), nil) // reserved res-ws FR_L2113_12, CPV 90910000-9
	eligible := map[string]bool{}
	for range 3 {
		o := db.Organisation(t, storetest.OrganisationOptions{})
		share := 80.0
		db.SSEStatus(t, o.ID, storetest.StatusOptions{Type: domain.SSEFrESAT, DisabledShare: &share})
		db.Offer(t, o.ID, storetest.OfferOptions{CPV: []string{"90911200-8"}})
		eligible[o.ID] = true
	}
	// An insertion company: verified, relevant, but not eligible for a
	// lot reserved to sheltered workshops.
	siae := db.Organisation(t, storetest.OrganisationOptions{})
	db.SSEStatus(t, siae.ID, storetest.StatusOptions{Type: domain.SSEFrSIAEEI})
	db.Offer(t, siae.ID, storetest.OfferOptions{CPV: []string{"90911200-8"}})

	path := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders/" + tenderID + "/lots/" + lotID + "/matches"
	r := w.buyer.expect(http.StatusOK, "GET", path+"?limit=2", nil)
	items := r.body["items"].([]any)
	next, _ := r.body["next_cursor"].(string)
	if len(items) != 2 || next == "" {
		t.Fatalf("first page: %s", r.raw)
	}
	if !strings.Contains(r.raw, `"code":"cpv_descendant"`) || !strings.Contains(r.raw, `"code":"eligible"`) ||
		!strings.Contains(r.raw, `"legal_bases":"FR_L2113_12"`) {
		t.Errorf("explanation: %s", r.raw)
	}
	r2 := w.moderator.expect(http.StatusOK, "GET", path+"?limit=2&cursor="+next, nil)
	items = append(items, r2.body["items"].([]any)...)
	if len(items) != 3 || r2.body["next_cursor"] != "" {
		t.Fatalf("second page: %s", r2.raw)
	}
	seen := map[string]bool{}
	for _, it := range items {
		m := it.(map[string]any)
		id := m["organisation_id"].(string)
		if !eligible[id] || seen[id] {
			t.Errorf("unexpected or repeated match %s", id)
		}
		seen[id] = true
	}

	w.rival.expect(http.StatusForbidden, "GET", path, nil)
	w.anon.expect(http.StatusUnauthorized, "GET", path, nil)
	bad := w.buyer.expect(http.StatusUnprocessableEntity, "GET", path+"?cursor=forged", nil, "Accept-Language", "de")
	if !strings.Contains(bad.raw, "query.cursor") || !strings.Contains(bad.raw, "Cursor") {
		t.Errorf("forged cursor: %s", bad.raw)
	}
	// The tender under another organisation's path, another lot id: 404.
	w.moderator.expect(http.StatusNotFound, "GET",
		"/api/v1/organisations/"+w.supplierOrg.ID+"/tenders/"+tenderID+"/lots/"+lotID+"/matches", nil)
	w.buyer.expect(http.StatusNotFound, "GET",
		"/api/v1/organisations/"+w.buyerOrg.ID+"/tenders/"+tenderID+"/lots/"+tenderID+"/matches", nil)
}
