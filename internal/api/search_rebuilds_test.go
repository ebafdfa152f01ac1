package api

import (
	"net/http"
	"strings"
	"testing"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// TestSearchRebuildRoutes: an admin queues a rebuild (202, queued, its job
// enqueued in the same transaction), a second one while it waits is a
// localized conflict, its progress and the list are readable; a moderator
// is refused. The job itself runs in internal/jobs' tests (it needs the
// engine this harness does not open).
func TestSearchRebuildRoutes(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	admin := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformAdmin}).ID)
	moderator := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID)

	moderator.expect(http.StatusForbidden, "POST", "/api/v1/admin/search/rebuilds", nil)
	r := admin.expect(http.StatusAccepted, "POST", "/api/v1/admin/search/rebuilds", nil)
	id, _ := r.body["id"].(string)
	if r.body["state"] != "queued" || !strings.HasPrefix(r.body["index"].(string), core.SearchLiveIndex+"_v") || id == "" {
		t.Fatalf("rebuild: %s", r.raw)
	}
	var jobs int
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM river_job WHERE kind = 'rebuild_search' AND args->>'rebuild_id' = $1", id).Scan(&jobs); err != nil || jobs != 1 {
		t.Fatalf("want the rebuild's job enqueued once, got %d (%v)", jobs, err)
	}
	again := admin.expect(http.StatusConflict, "POST", "/api/v1/admin/search/rebuilds", nil, "Accept-Language", "de")
	if !strings.Contains(again.raw, "Neuaufbau des Suchindex") {
		t.Fatalf("the conflict names the rebuild in the caller's language: %s", again.raw)
	}
	if got := admin.expect(http.StatusOK, "GET", "/api/v1/admin/search/rebuilds/"+id, nil); got.body["id"] != id {
		t.Fatalf("get: %s", got.raw)
	}
	admin.expect(http.StatusNotFound, "GET", "/api/v1/admin/search/rebuilds/01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e", nil)
	moderator.expect(http.StatusForbidden, "GET", "/api/v1/admin/search/rebuilds/"+id, nil)
	list := admin.expect(http.StatusOK, "GET", "/api/v1/admin/search/rebuilds?limit=1", nil)
	items, _ := list.body["items"].([]any)
	if len(items) != 1 || list.body["next_cursor"] != "" {
		t.Fatalf("list: %s", list.raw)
	}
	admin.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/admin/search/rebuilds?cursor=nonsense", nil)
}
