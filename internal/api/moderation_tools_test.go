package api

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/search"
	"passerelle/internal/store/storetest"
)

// problemFields are the field names of a 422 problem.
func problemFields(r response) []string {
	var out []string
	errs, _ := r.body["errors"].([]any)
	for _, x := range errs {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m["location"].(string))
		}
	}
	slices.Sort(out)
	return out
}

// The report flow end to end: filed by two users on a published offer,
// listed in the queue, resolved by a moderator, the author told in the app.
func TestReportFlow(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	offer := e.db.Offer(t, w.supplierOrg.ID, storetest.OfferOptions{Title: "Nettoyage de bureaux", PublishedAt: time.Now().Add(-time.Hour)})
	draft := e.db.Offer(t, w.supplierOrg.ID, storetest.OfferOptions{State: domain.OfferDraft, Title: "Brouillon"})

	// Bad input: every wrong field named, nothing written.
	r := w.rival.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/reports", map[string]any{"target_type": "user",
		"target_id": "nope", "reason": "boring", "note": strings.Repeat("n", domain.MaxReportNote+1)})
	if got := problemFields(r); !slices.Equal(got, []string{"body.note", "body.reason", "body.target_id", "body.target_type"}) {
		t.Errorf("fields %v: %s", got, r.raw)
	}
	w.rival.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/reports", map[string]any{"target_type": "offer",
		"target_id": offer.ID, "reason": "other"}) // other needs a note
	if got := items(w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/reports", nil)); len(got) != 0 {
		t.Fatalf("bad reports were written: %v", got)
	}
	// What the reporter cannot see does not exist for them.
	w.rival.expect(http.StatusNotFound, "POST", "/api/v1/reports", map[string]any{"target_type": "offer", "target_id": draft.ID, "reason": "spam"})

	first := w.rival.expect(http.StatusCreated, "POST", "/api/v1/reports", map[string]any{"target_type": "offer", "target_id": offer.ID,
		"reason": "misleading", "note": "Les photos ne correspondent pas."})
	if first.body["state"] != "open" || first.body["reason_label"] != "Misleading" {
		t.Errorf("report %v", first.body)
	}
	// Neither the reporter's id nor the target's organisation: reporting
	// an anonymous tender must not reveal its buyer.
	for _, hidden := range []string{"reporter_user_id", "organisation_id"} {
		if _, shown := first.body[hidden]; shown {
			t.Errorf("%s is shown to the reporter: %v", hidden, first.body)
		}
	}
	w.rival.expect(http.StatusConflict, "POST", "/api/v1/reports", map[string]any{"target_type": "offer", "target_id": offer.ID, "reason": "spam"})
	e.clock.advance(time.Minute)
	w.buyer.expect(http.StatusCreated, "POST", "/api/v1/reports", map[string]any{"target_type": "organisation", "target_id": w.supplierOrg.ID,
		"reason": "not_sse"})

	// Both in the queue, oldest first, with what they are about.
	q := items(w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?kind=report", nil))
	if len(q) != 2 || q[0]["id"] != first.body["id"] || q[0]["target_type"] != "offer" || q[0]["target_id"] != offer.ID ||
		q[0]["report_reason"] != "misleading" || q[1]["target_type"] != "organisation" {
		t.Fatalf("queue %v", q)
	}
	id := first.body["id"].(string)
	if paths := q[0]["decision_paths"].([]any); len(paths) != 1 || paths[0] != "/api/v1/moderation/reports/"+id+"/resolution" {
		t.Errorf("decision paths %v", paths)
	}
	listed := items(w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/reports?state=open&target_type=offer", nil))
	if len(listed) != 1 || listed[0]["reporter_user_id"] == "" || listed[0]["organisation_id"] != w.supplierOrg.ID ||
		listed[0]["note"] != "Les photos ne correspondent pas." {
		t.Errorf("moderator's list %v", listed)
	}
	r = w.moderator.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/moderation/reports?state=closed&target_type=x&target_id=y", nil)
	if got := problemFields(r); !slices.Equal(got, []string{"query.state", "query.target_id", "query.target_type"}) {
		t.Errorf("filter fields %v", got)
	}

	// Resolution: the reporter is told the outcome, never the note.
	w.moderator.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/moderation/reports/"+id+"/resolution", map[string]any{"outcome": "closed"})
	res := w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/reports/"+id+"/resolution",
		map[string]any{"outcome": "action_taken", "note": "Photos retirées, organisation avertie."})
	if res.body["state"] != "action_taken" || res.body["resolution_note"] != "Photos retirées, organisation avertie." {
		t.Errorf("resolved %v", res.body)
	}
	w.moderator.expect(http.StatusConflict, "POST", "/api/v1/moderation/reports/"+id+"/resolution", map[string]any{"outcome": "dismissed"})
	notes := items(w.rival.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))
	if len(notes) != 1 || notes[0]["category"] != "moderation_notices" || notes[0]["kind"] != "report_outcome" ||
		!strings.Contains(notes[0]["title"].(string), "Nettoyage de bureaux") || strings.Contains(fmt.Sprint(notes[0]), "avertie") {
		t.Errorf("reporter's notification %v", notes)
	}
	if got := items(w.buyer.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil)); len(got) != 0 {
		t.Errorf("the other reporter was told: %v", got)
	}
	if q := items(w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?kind=report", nil)); len(q) != 1 {
		t.Errorf("queue after resolution %v", q)
	}
	audit := items(w.moderator.expect(http.StatusOK, "GET", "/api/v1/admin/audit?action=report.", nil))
	if len(audit) != 3 || audit[0]["action"] != "report.action_taken" {
		t.Errorf("audit %v", audit)
	}
}

// Must-show 4: suspending an organisation removes its offers, tenders and
// supplier profile from search results, through the index jobs of a
// running jobs.Runner into the real on-disk index, within a bounded wait;
// reinstating brings them back. The lag is printed (and is a benchmark
// figure elsewhere: BenchmarkPublishToSearchable), not asserted.
func TestSuspensionLeavesSearch(t *testing.T) {
	e := newEnvWith(t, core.RateLimits{}, envOptions{indexJobs: true})
	w := e.searchWorld()
	mod := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID)
	germanAddr := mailtest.UniqueAddress(t)
	german := e.db.User(t, storetest.UserOptions{Organisation: w.supFR.ID, Role: domain.RoleMember, Email: germanAddr, Language: domain.LangDE,
		EmailVerified: true})
	frenchAddr := mailtest.UniqueAddress(t)
	e.db.User(t, storetest.UserOptions{Organisation: w.supFR.ID, Role: domain.RoleOwner, Email: frenchAddr, Language: domain.LangFR,
		EmailVerified: true})
	anon := e.client()
	gone := []string{w.offerFR.ID, w.laundryFR.ID, w.windows.ID, w.supFR.ID}
	stays := w.laundryLU.ID

	visible := func() (api, index []string) {
		for _, q := range []string{"q=nettoyage", "q=blanchisserie", "q=wäscherei", "kind=supplier"} {
			api = append(api, hitIDs(searchFor(anon, http.StatusOK, q))...)
		}
		err := e.search.ListIDs(t.Context(), core.SearchLiveIndex, func(hs []search.Hit) error {
			for _, h := range hs {
				index = append(index, h.ID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return api, index
	}
	anyOf := func(ids, of []string) bool {
		return slices.ContainsFunc(ids, func(id string) bool { return slices.Contains(of, id) })
	}
	apiIDs, indexIDs := visible()
	if !anyOf(apiIDs, gone) || !slices.Contains(indexIDs, w.supFR.ID) {
		t.Fatalf("before: %v / %v", apiIDs, indexIDs)
	}

	// A reason is required; a wrong template is named.
	r := mod.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/moderation/organisations/"+w.supFR.ID+"/suspension",
		map[string]any{"reason_template": "rude"})
	if got := problemFields(r); !slices.Equal(got, []string{"body.reason_template"}) {
		t.Errorf("fields %v", got)
	}
	mod.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/moderation/organisations/"+w.supFR.ID+"/suspension", map[string]any{})

	start := time.Now()
	r = mod.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+w.supFR.ID+"/suspension",
		map[string]any{"reason_template": "fraud", "reason": "Numéro SIRET inexistant."})
	if r.body["status"] != "suspended" {
		t.Fatalf("suspend %v", r.body)
	}
	poll := func(what string, done func(api, index []string) bool) time.Duration {
		deadline := time.Now().Add(10 * time.Second)
		for {
			api, index := visible()
			if done(api, index) {
				return time.Since(start)
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 10 s: search shows %v, the index holds %v", what, api, index)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	lag := poll("suspension", func(api, index []string) bool { return !anyOf(api, gone) && !anyOf(index, gone) })
	t.Logf("suspension → gone from search and from the index after %v", lag)
	if api, _ := visible(); !slices.Contains(api, stays) {
		t.Errorf("another organisation's offer left search: %v", api)
	}
	mod.expect(http.StatusConflict, "POST", "/api/v1/moderation/organisations/"+w.supFR.ID+"/suspension", map[string]any{"reason": "encore"})

	// Each member is told, in their language, with the template in it.
	de := e.mail.WaitFor(t, germanAddr, 1, 20*time.Second)[0]
	if !strings.Contains(de.Subject, "ist gesperrt") || !strings.Contains(de.Text, "Wir haben ernsthafte Gründe") ||
		!strings.Contains(de.Text, "Numéro SIRET inexistant.") || len(de.Headers["List-Unsubscribe"]) != 0 {
		t.Errorf("German email %q: %s", de.Subject, de.Text)
	}
	fr := e.mail.WaitFor(t, frenchAddr, 1, 20*time.Second)[0]
	if !strings.Contains(fr.Subject, "est suspendue") || !strings.Contains(fr.Text, "Nous avons de sérieuses raisons") {
		t.Errorf("French email %q: %s", fr.Subject, fr.Text)
	}
	member := e.as(german.ID)
	notes := items(member.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))
	if len(notes) != 1 || notes[0]["category"] != "moderation_notices" || !strings.Contains(notes[0]["title"].(string), "gesperrt") {
		t.Errorf("in-app %v", notes)
	}
	// Nobody can switch these off.
	r = member.expect(http.StatusUnprocessableEntity, "PUT", "/api/v1/me/notification-preferences",
		map[string]any{"preferences": map[string]any{"moderation_notices": "off"}})

	// The members still sign in and read their data, but cannot submit.
	member.expect(http.StatusOK, "GET", "/api/v1/organisations/"+w.supFR.ID+"/offers", nil)
	e.verifiedStatus(w.supFR.ID, time.Now().AddDate(1, 0, 0))
	e.db.CPVCodes(t, "90919200-4")
	draft := member.createOffer(w.supFR.ID, offerInput())
	r = member.expect(http.StatusForbidden, "POST", "/api/v1/offers/"+draft+"/submit", nil, "Accept-Language", "fr")
	if !strings.Contains(r.raw, "suspendue") {
		t.Errorf("refusal not localized: %s", r.raw)
	}

	start = time.Now()
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+w.supFR.ID+"/reinstatement", map[string]any{})
	lag = poll("reinstatement", func(api, index []string) bool {
		for _, id := range gone {
			if !slices.Contains(api, id) || !slices.Contains(index, id) {
				return false
			}
		}
		return true
	})
	t.Logf("reinstatement → back in search after %v", lag)
	e.mail.WaitFor(t, germanAddr, 2, 20*time.Second)
	member.expect(http.StatusOK, "POST", "/api/v1/offers/"+draft+"/submit", nil)
	mod.expect(http.StatusConflict, "POST", "/api/v1/moderation/organisations/"+w.supFR.ID+"/reinstatement", map[string]any{})
}

// A suspended buyer cannot submit tenders, a suspended supplier cannot
// respond, and a pending listing of a suspended organisation cannot be
// approved.
func TestSuspendedOrganisationsCannotPublish(t *testing.T) {
	w := newQueueWorld(t)
	e := w.e
	// A response sent before the suspension, by the LU supplier.
	tenderID, lotID := w.publishedTender(e.clock.now().Add(20*24*time.Hour), nil)
	sent := w.respond(w.rival, tenderID, lotID)
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+w.other.ID+"/suspension", map[string]any{"reason_template": "spam"})
	w.rival.expect(http.StatusOK, "POST", "/api/v1/responses/"+sent+"/withdraw", nil)
	r := w.rival.expect(http.StatusForbidden, "POST", "/api/v1/responses/"+sent+"/submit", nil, "Accept-Language", "de")
	if !strings.Contains(r.raw, "gesperrt") {
		t.Errorf("refusal %s", r.raw)
	}
	w.rival.expect(http.StatusOK, "GET", "/api/v1/responses/"+sent, nil)

	suspend := func(orgID string) {
		w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+orgID+"/suspension", map[string]any{"reason": "Enquête en cours."})
	}
	suspend(w.supplierOrg.ID)
	suspend(w.buyerOrg.ID)
	r = w.moderator.expect(http.StatusConflict, "POST", "/api/v1/moderation/offers/"+w.offerA+"/decision", map[string]any{"decision": "approve"})
	if !strings.Contains(r.raw, "suspended") {
		t.Errorf("approval refusal: %s", r.raw)
	}
	w.moderator.expect(http.StatusConflict, "POST", "/api/v1/moderation/tenders/"+w.tender+"/decision", map[string]any{"decision": "approve"})
	// Rejecting stays possible.
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+w.offerA+"/decision", map[string]any{"decision": "reject",
		"reason_template": "fraud"})

	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	id := w.buyer.expect(http.StatusCreated, "POST", base, tenderInput(e.clock.now().Add(30*24*time.Hour))).body["id"].(string)
	w.buyer.expect(http.StatusCreated, "POST", base+"/"+id+"/lots", lotInput())
	if r = w.buyer.expect(http.StatusForbidden, "POST", base+"/"+id+"/submit", nil); !strings.Contains(r.raw, "suspended") {
		t.Errorf("tender refusal %s", r.raw)
	}

	published := e.db.Tender(t, e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer}).ID,
		storetest.TenderOptions{Deadline: time.Now().AddDate(0, 0, 20), PublishedAt: time.Now().Add(-time.Hour)})
	r = w.supplier.expect(http.StatusForbidden, "POST", "/api/v1/tenders/"+published.ID+"/lots/"+published.Lots[0].ID+"/responses",
		map[string]any{"message": "Nous pouvons.", "price_text": "Sur devis"})
	if !strings.Contains(r.raw, "suspended") {
		t.Errorf("response refusal %s", r.raw)
	}
}

// Reason templates reach each author in their own language, with the
// moderator's note after them.
func TestDecisionReasonTemplates(t *testing.T) {
	w := newQueueWorld(t)
	e := w.e
	templates := items(w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/reason-templates", nil, "Accept-Language", "nl"))
	if len(templates) < 5 || templates[0]["code"] != "incomplete_description" || !strings.HasPrefix(templates[0]["text"].(string), "De beschrijving") {
		t.Fatalf("templates %v", templates)
	}
	r := w.moderator.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/moderation/tenders/"+w.tender+"/decision",
		map[string]any{"decision": "request_changes", "reason_template": "nope"})
	if got := problemFields(r); !slices.Equal(got, []string{"body.reason_template"}) {
		t.Errorf("fields %v", got)
	}
	// The buyer's member reads German (see newTenderWorld).
	r = w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/tenders/"+w.tender+"/decision",
		map[string]any{"decision": "request_changes", "reason_template": "incomplete_description", "reason": "Lot 2 : surface ?"})
	if reason, _ := r.body["reason"].(string); !strings.HasPrefix(reason, "La description ne dit pas") || !strings.HasSuffix(reason, "Lot 2 : surface ?") {
		t.Errorf("the tender keeps the reason in its own language (fr): %q", reason)
	}
	var found bool
	for _, m := range e.mail.WaitFor(t, w.buyerEmail, 1, 20*time.Second) {
		if strings.Contains(m.Text, "Die Beschreibung sagt nicht klar genug") && strings.Contains(m.Text, "Lot 2 : surface ?") {
			found = true
		}
	}
	if !found {
		t.Error("no German email with the template and the note")
	}
	// Offers: the template alone is a reason.
	r = w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+w.offerB+"/decision",
		map[string]any{"decision": "reject", "reason_template": "duplicate"})
	if reason, _ := r.body["decision_reason"].(string); !strings.HasPrefix(reason, "Cette annonce reprend") {
		t.Errorf("offer reason %q", reason)
	}
}

// Duplicate and spam flags on known inputs: the submission goes through,
// the flags show in the queue.
func TestListingFlags(t *testing.T) {
	w := newQueueWorld(t)
	w.admin.expect(http.StatusCreated, "POST", "/api/v1/admin/blocked-words", map[string]any{"word": "Argent facile"})
	w.admin.expect(http.StatusConflict, "POST", "/api/v1/admin/blocked-words", map[string]any{"word": "ARGENT  façile"})
	r := w.admin.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/admin/blocked-words", map[string]any{"word": "!!!"})
	if got := problemFields(r); !slices.Equal(got, []string{"body.word"}) {
		t.Errorf("fields %v", got)
	}
	words := items(w.admin.expect(http.StatusOK, "GET", "/api/v1/admin/blocked-words", nil))
	if len(words) != 1 || words[0]["folded"] != "argent facile" {
		t.Fatalf("words %v", words)
	}

	body := offerInput()
	body["title"] = "NETTOYAGE de bureaux, en Moselle !"
	body["description"] = "Argent FACILE : https://a.example https://b.example www.c.example http://d.example"
	id := w.supplier.createOffer(w.supplierOrg.ID, body)
	w.supplier.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)

	flags := map[string][]any{}
	for _, it := range items(w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?kind=offer", nil)) {
		flags[it["id"].(string)] = it["flags"].([]any)
	}
	got := flags[id]
	if len(got) != 3 {
		t.Fatalf("flags %v", got)
	}
	dup, links, word := got[0].(map[string]any), got[1].(map[string]any), got[2].(map[string]any)
	if dup["kind"] != "duplicate" || dup["other_listing_id"] != w.offerA || links["kind"] != "links" || links["detail"] != "4" ||
		word["kind"] != "blocked_word" || word["detail"] != "argent facile" {
		t.Errorf("flags %v", got)
	}
	if len(flags[w.offerA]) != 0 || len(flags[w.offerB]) != 0 {
		t.Errorf("clean offers flagged: %v", flags)
	}
	w.admin.expect(http.StatusNoContent, "DELETE", "/api/v1/admin/blocked-words/"+words[0]["id"].(string), nil)
	w.admin.expect(http.StatusNotFound, "DELETE", "/api/v1/admin/blocked-words/"+words[0]["id"].(string), nil)

	// Tenders too: the buyer submits a second tender of the same title.
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	again := w.buyer.expect(http.StatusCreated, "POST", base, tenderInput(w.e.clock.now().Add(30*24*time.Hour))).body["id"].(string)
	w.buyer.expect(http.StatusCreated, "POST", base+"/"+again+"/lots", lotInput())
	w.buyer.expect(http.StatusOK, "POST", base+"/"+again+"/submit", nil)
	seen := 0
	for _, it := range items(w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/queue?kind=tender", nil)) {
		f := it["flags"].([]any)
		if it["id"] == again || it["id"] == w.tender {
			seen++
		}
		switch it["id"] {
		case again:
			if len(f) != 1 || f[0].(map[string]any)["kind"] != "duplicate" || f[0].(map[string]any)["other_listing_id"] != w.tender {
				t.Errorf("second tender's flags %v", f)
			}
		case w.tender:
			if len(f) != 0 {
				t.Errorf("first tender's flags %v", f)
			}
		}
	}
	if seen != 2 {
		t.Errorf("%d of the two tenders in the queue", seen)
	}
}

// The audit log view: filters, pages, and the CSV export with its quoting
// and formula guard.
func TestAuditLogViewAndExport(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	modID := e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID
	mod := e.as(modID)
	tricky := "=HYPERLINK(\"http://evil\"), \"quoted\"\nnext line"
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+w.other.ID+"/suspension", map[string]any{"reason": tricky})
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+w.other.ID+"/reinstatement", map[string]any{})
	w.admin.expect(http.StatusCreated, "POST", "/api/v1/admin/blocked-words", map[string]any{"word": "-casino"})

	list := func(query string) []map[string]any {
		return items(mod.expect(http.StatusOK, "GET", "/api/v1/admin/audit?"+query, nil))
	}
	byOrg := list("organisation=" + w.other.ID)
	if len(byOrg) != 2 || byOrg[0]["action"] != "organisation.reinstated" || byOrg[1]["action"] != "organisation.suspended" {
		t.Fatalf("by organisation %v", byOrg)
	}
	if after := byOrg[1]["after"].(map[string]any); after["reason"] != tricky || after["status"] != "suspended" {
		t.Errorf("after %v", after)
	}
	if got := list("actor=" + modID + "&action=organisation.suspended"); len(got) != 1 {
		t.Errorf("actor and action %v", got)
	}
	if got := list("subject_type=organisation&subject_id=" + w.other.ID + "&action=organisation."); len(got) != 2 {
		t.Errorf("subject %v", got)
	}
	// "_" is no wildcard: "organisation_" matches nothing here.
	if got := list("action=organisation_"); len(got) != 0 {
		t.Errorf("action prefix with _ %v", got)
	}
	// Responses and users' personal settings are for admins only: a
	// moderator may belong to a competing supplier.
	if _, err := e.db.Pool.Exec(t.Context(), `INSERT INTO audit_log (actor_user_id, actor_kind, action, subject_type, subject_id, organisation_id)
		VALUES ($1, 'user', 'response.submitted', 'response', 'r1', $2), ($1, 'user', 'saved_search.created', 'saved_search', 's1', NULL)`,
		modID, w.other.ID); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"action=response.", "action=saved_search.", "organisation=" + w.other.ID + "&action=response"} {
		if got := list(q); len(got) != 0 {
			t.Errorf("a moderator sees %s: %v", q, got)
		}
		if got := items(w.admin.expect(http.StatusOK, "GET", "/api/v1/admin/audit?"+q, nil)); len(got) != 1 {
			t.Errorf("the admin sees %d entries for %s, want 1", len(got), q)
		}
	}
	if csv := mod.expect(http.StatusOK, "GET", "/api/v1/admin/audit/export?action=response.", nil); strings.Contains(csv.raw, "response.submitted") {
		t.Errorf("the moderator's export holds a response entry: %s", csv.raw)
	}
	future := url.QueryEscape(time.Now().Add(time.Hour).Format(time.RFC3339))
	if got := list("from=" + future); len(got) != 0 {
		t.Errorf("from the future %v", got)
	}
	// Pages, newest first.
	page := mod.expect(http.StatusOK, "GET", "/api/v1/admin/audit?limit=1&organisation="+w.other.ID, nil)
	next := page.body["next_cursor"].(string)
	page2 := items(mod.expect(http.StatusOK, "GET", "/api/v1/admin/audit?limit=1&organisation="+w.other.ID+"&cursor="+url.QueryEscape(next), nil))
	if items(page)[0]["action"] != "organisation.reinstated" || len(page2) != 1 || page2[0]["action"] != "organisation.suspended" {
		t.Errorf("pages %v / %v", items(page), page2)
	}
	r := mod.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/admin/audit?action=Bad%20One&actor=x&from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", nil)
	if got := problemFields(r); !slices.Equal(got, []string{"query.action", "query.actor", "query.to"}) {
		t.Errorf("fields %v", got)
	}
	mod.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/admin/audit/export?organisation=nope", nil)

	// The export: the same filters, a header row, RFC 4180 quoting.
	csvResp := mod.expect(http.StatusOK, "GET", "/api/v1/admin/audit/export?organisation="+w.other.ID, nil)
	if ct := csvResp.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") || csvResp.header.Get("X-Export-Row-Limit") != "100000" {
		t.Errorf("headers %v", csvResp.header)
	}
	rows, err := csv.NewReader(strings.NewReader(csvResp.raw)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, csvResp.raw)
	}
	if len(rows) != 3 || !slices.Equal(rows[0], auditCSVHeader) || rows[1][4] != "organisation.reinstated" || !strings.Contains(rows[2][10], `\n`) {
		t.Errorf("rows %q", rows)
	}
	// A cell starting with a formula character is defused.
	blocked := mod.expect(http.StatusOK, "GET", "/api/v1/admin/audit/export?action=blocked_word.", nil)
	rows, err = csv.NewReader(strings.NewReader(blocked.raw)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows %q %v", rows, err)
	}
	if got := rows[1][10]; got != `{"word": "-casino"}` && got != `{"word":"-casino"}` {
		t.Errorf("after cell %q", got)
	}
	for in, want := range map[string]string{"=1+1": "'=1+1", "+33 6": "'+33 6", "-casino": "'-casino", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "plain": "plain", "": ""} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// The figures on known data: counts by kind, and the median time to a
// decision, in the route and in the Prometheus gauges.
func TestModerationMetrics(t *testing.T) {
	w := newQueueWorld(t)
	e := w.e
	kinds := func() map[string]map[string]any {
		out := map[string]map[string]any{}
		for _, k := range w.moderator.expect(http.StatusOK, "GET", "/api/v1/moderation/metrics", nil).body["kinds"].([]any) {
			m := k.(map[string]any)
			out[m["kind"].(string)] = m
		}
		return out
	}
	m := kinds()
	for kind, want := range map[string]float64{"offer": 2, "tender": 1, "sse_status": 1, "report": 0} {
		if m[kind]["pending"] != want {
			t.Errorf("%s: %v, want %v pending", kind, m[kind], want)
		}
	}
	for _, kind := range []string{"offer", "tender", "report"} {
		if m[kind]["median_decision_seconds"] != nil {
			t.Errorf("%s: %v, want no median before any decision", kind, m[kind])
		}
	}
	// The supplier's status was verified by the world's factory, without
	// a moderator (like the automatic rejection of a stale tender): it
	// says nothing of how fast moderators answer, and is not counted.
	if m["sse_status"]["median_decision_seconds"] != nil {
		t.Errorf("sse_status: %v", m["sse_status"])
	}
	// Decide both offers, one and three hours after their submission.
	decide := func(id string) float64 {
		r := w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+id+"/decision", map[string]any{"decision": "approve"})
		sub, _ := time.Parse(time.RFC3339Nano, r.body["submitted_at"].(string))
		dec, _ := time.Parse(time.RFC3339Nano, r.body["decided_at"].(string))
		return dec.Sub(sub).Seconds()
	}
	e.clock.advance(time.Hour)
	a := decide(w.offerA)
	e.clock.advance(2 * time.Hour)
	b := decide(w.offerB)
	m = kinds()
	median, _ := m["offer"]["median_decision_seconds"].(float64)
	if m["offer"]["pending"] != 0.0 || abs(median-(a+b)/2) > 0.01 {
		t.Errorf("offer figures %v, want the median of %.0f and %.0f", m["offer"], a, b)
	}
	metrics := e.client().expect(http.StatusOK, "GET", "/metrics", nil).raw
	for _, line := range []string{`passerelle_moderation_pending{kind="offer"} 0`, `passerelle_moderation_pending{kind="tender"} 1`,
		`passerelle_moderation_decision_median_seconds{kind="tender"} -1`} {
		if !strings.Contains(metrics, line) {
			t.Errorf("/metrics lacks %s", line)
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// Moderators never see responses, unless a report is open on the tender:
// they may then read its submitted responses, and no longer once the
// report is resolved. Other suppliers still never do.
func TestModeratorReadsResponsesOfAReportedTender(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, lotID := w.publishedTender(time.Now().Add(10*24*time.Hour), nil)
	mine := w.respond(w.supplier, tenderID, lotID)
	w.moderator.expect(http.StatusNotFound, "GET", "/api/v1/responses/"+mine, nil)

	report := w.rival.expect(http.StatusCreated, "POST", "/api/v1/reports", map[string]any{"target_type": "tender", "target_id": tenderID,
		"reason": "fraud", "note": "Le marché semble fictif."}).body["id"].(string)
	if r := w.moderator.expect(http.StatusOK, "GET", "/api/v1/responses/"+mine, nil); r.body["id"] != mine {
		t.Errorf("response %v", r.body)
	}
	w.rival.expect(http.StatusNotFound, "GET", "/api/v1/responses/"+mine, nil)
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/reports/"+report+"/resolution", map[string]any{"outcome": "dismissed"})
	w.moderator.expect(http.StatusNotFound, "GET", "/api/v1/responses/"+mine, nil)
}

// A status refused with a template: the owner reads it in their language,
// and the status keeps it in the first owner's language.
func TestStatusRejectionWithTemplate(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.notifiedSupplier(domain.LangDE)
	mod, _ := e.moderatorClient()
	base := "/api/v1/organisations/" + s.orgID + "/sse-statuses"
	r := s.owner.expect(http.StatusCreated, "POST", base, map[string]any{"type": "fr_esat",
		"registration_number": "ESAT-57-0099", "valid_until": time.Now().UTC().AddDate(1, 0, 0).Format(time.DateOnly)})
	id := r.body["id"].(string)
	up := s.owner.upload(s.orgID, "sse_evidence", "agrement.pdf", "application/pdf", bytes.NewReader(testPDF()))
	s.owner.expect(http.StatusOK, "PUT", base+"/"+id+"/evidence/"+up.body["id"].(string), nil)
	s.owner.expect(http.StatusOK, "POST", base+"/"+id+"/verification-request", nil)
	r = mod.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/moderation/sse-statuses/"+id+"/reject", map[string]any{})
	if got := problemFields(r); !slices.Equal(got, []string{"body.reason"}) {
		t.Errorf("fields %v", got)
	}
	r = mod.expect(http.StatusOK, "POST", "/api/v1/moderation/sse-statuses/"+id+"/reject",
		map[string]any{"reason_template": "misleading_information", "reason": "Anteil 2023?"})
	if reason, _ := r.body["rejection_reason"].(string); !strings.HasPrefix(reason, "Einige Angaben sind ungenau") || !strings.HasSuffix(reason, "Anteil 2023?") {
		t.Errorf("stored reason %q", reason)
	}
	m := e.mail.WaitFor(t, s.email, 1, 20*time.Second)[0]
	if !strings.Contains(m.Text, "Einige Angaben sind ungenau") || !strings.Contains(m.Text, "Anteil 2023?") {
		t.Errorf("email %s", m.Text)
	}
}

// Reports are rate-limited per author.
func TestReportsRateLimited(t *testing.T) {
	w := newTenderWorld(t)
	for i := 0; i <= core.ReportsPerHour; i++ {
		org := w.e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier})
		want := http.StatusCreated
		if i == core.ReportsPerHour {
			want = http.StatusTooManyRequests
		}
		w.rival.expect(want, "POST", "/api/v1/reports", map[string]any{"target_type": "organisation", "target_id": org.ID, "reason": "spam"})
	}
	// Another author is not held back.
	w.buyer.expect(http.StatusCreated, "POST", "/api/v1/reports", map[string]any{"target_type": "organisation", "target_id": w.supplierOrg.ID, "reason": "spam"})
}

// TestBlockedWordsBounded: every submission reads the whole list, so it
// is bounded; a full list refuses a new word with a 409 until one goes.
func TestBlockedWordsBounded(t *testing.T) {
	w := newTenderWorld(t)
	if _, err := w.e.db.Pool.Exec(t.Context(), `INSERT INTO blocked_words (id, word, folded, created_at)
		SELECT gen_random_uuid(), 'mot' || i, 'mot' || i, now() FROM generate_series(1, $1::int - 1) AS i`, core.MaxBlockedWords); err != nil {
		t.Fatal(err)
	}
	last := w.admin.expect(http.StatusCreated, "POST", "/api/v1/admin/blocked-words", map[string]any{"word": "dernier"}).body["id"].(string)
	r := w.admin.expect(http.StatusConflict, "POST", "/api/v1/admin/blocked-words", map[string]any{"word": "encore"})
	if !strings.Contains(r.raw, "2000") {
		t.Errorf("the refusal does not give the bound: %s", r.raw)
	}
	w.admin.expect(http.StatusNoContent, "DELETE", "/api/v1/admin/blocked-words/"+last, nil)
	w.admin.expect(http.StatusCreated, "POST", "/api/v1/admin/blocked-words", map[string]any{"word": "encore"})
}
