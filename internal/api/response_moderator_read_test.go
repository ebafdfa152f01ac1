package api

import (
	"net/http"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// TestModeratorReadOfResponseLimits: an open report opens the seal of a
// tender's responses to a moderator only if another user filed it, and
// never to a moderator who is a member of an organisation that responded
// to the tender (a competitor's bid) or of its buyer; neither refusal is
// audited as a read.
func TestModeratorReadOfResponseLimits(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	tenderID, lotID := w.publishedTender(time.Now().Add(10*24*time.Hour), nil)
	resp := w.respond(w.supplier, tenderID, lotID)
	w.respond(w.rival, tenderID, lotID)
	path := "/api/v1/responses/" + resp

	// The moderator's own report does not open the seal for them.
	w.moderator.expect(http.StatusCreated, "POST", "/api/v1/reports", map[string]any{"target_type": "tender", "target_id": tenderID,
		"reason": "fraud"})
	w.moderator.expect(http.StatusNotFound, "GET", path, nil)

	// For the others it is another user's report, but a moderator who is
	// a member of the rival (which responded) or of the buyer reads nothing.
	competitor := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator, Organisation: w.other.ID,
		Role: domain.RoleMember}).ID)
	competitor.expect(http.StatusNotFound, "GET", path, nil)
	buyerSide := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator, Organisation: w.buyerOrg.ID,
		Role: domain.RoleMember}).ID)
	buyerSide.expect(http.StatusNotFound, "GET", path, nil)
	if n := e.auditCount("response.read_by_moderator", w.supplierOrg.ID); n != 0 {
		t.Fatalf("%d reads audited, want none", n)
	}

	// An unrelated moderator handles the report: reads, audited.
	neutral := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID)
	neutral.expect(http.StatusOK, "GET", path, nil)
	if n := e.auditCount("response.read_by_moderator", w.supplierOrg.ID); n != 1 {
		t.Errorf("%d reads audited, want 1", n)
	}
}
