package api

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// testRoutingConfig routes in batches of 2 until 3 suppliers of a lot are
// interested: tests see several batches with a handful of suppliers.
func testRoutingConfig() core.RoutingConfig {
	return core.RoutingConfig{BatchSize: 2, TargetInterested: 3, PublicURL: "http://localhost:8080"}
}

// routedSupplier is a supplier organisation with one owner.
type routedSupplier struct {
	orgID, email string
	lang         domain.Language
	owner        *client
}

// eligibleSupplier creates a French ESAT (80 % disabled workers) with a
// published offer relevant to the tender world's lots (CPV 90911200-8),
// and its owner speaking lang, who gets new needs at once when immediate
// (else in the daily digest, the category's default).
func (w *tenderWorld) eligibleSupplier(lang domain.Language, immediate bool) routedSupplier {
	w.e.t.Helper()
	return w.supplierWith(storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "FR", LegalName: "ESAT " + string(lang)},
		domain.SSEFrESAT, lang, immediate)
}

func (w *tenderWorld) supplierWith(opts storetest.OrganisationOptions, status domain.SSEStatusType, lang domain.Language, immediate bool) routedSupplier {
	t, db := w.e.t, w.e.db
	t.Helper()
	org := db.Organisation(t, opts)
	share := 80.0
	db.SSEStatus(t, org.ID, storetest.StatusOptions{Type: status, DisabledShare: &share})
	db.Offer(t, org.ID, storetest.OfferOptions{CPV: []string{"90911200-8"}})
	u := db.User(t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleOwner, EmailVerified: true,
		Email: mailtest.UniqueAddress(t), Language: lang, DisplayName: "Owner " + string(lang)})
	s := routedSupplier{orgID: org.ID, email: u.Email, lang: lang, owner: w.e.as(u.ID)}
	if immediate {
		s.owner.expect(http.StatusOK, "PUT", "/api/v1/me/notification-preferences",
			map[string]any{"preferences": map[string]string{"new_matching_need": "immediately"}})
	}
	return s
}

// waitRouted waits until a lot is routed to n suppliers (the routing job
// runs after publication) and returns them.
func (e *env) waitRouted(lotID string, n int) map[string]bool {
	e.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := e.db.Store.CountLotRoutes(e.t.Context(), lotID)
		if err != nil {
			e.t.Fatal(err)
		}
		if c.Routed >= n {
			break
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("lot %s routed to %d suppliers, want %d", lotID, c.Routed, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
	routed, err := e.db.Store.LotRoutedOrganisations(e.t.Context(), lotID)
	if err != nil {
		e.t.Fatal(err)
	}
	if len(routed) != n {
		e.t.Fatalf("lot %s routed to %d suppliers, want %d", lotID, len(routed), n)
	}
	return routed
}

// routesByBatch counts a lot's routes per batch.
func (e *env) routesByBatch(lotID string) map[int]int {
	e.t.Helper()
	routes, _, err := e.db.Store.ListLotRoutesPage(e.t.Context(), lotID, "", 100)
	if err != nil {
		e.t.Fatal(err)
	}
	out := map[int]int{}
	for _, r := range routes {
		out[r.Batch]++
	}
	return out
}

func categoryItems(c *client, category string) []map[string]any {
	var out []map[string]any
	for _, n := range notificationItems(c.expect(http.StatusOK, "GET", "/api/v1/me/notifications?limit=100", nil)) {
		if n["category"] == category {
			out = append(out, n)
		}
	}
	return out
}

// TestRoutingReachesEligibleSuppliersInBatches (issue 6, must-show 1): a
// published lot reserved to sheltered workshops (FR_L2113_12) reaches
// exactly the eligible matching suppliers, two at a time, each told in
// their language by email or in the digest as they chose; the daily
// top-up routes the next batch, never a supplier twice, at most one batch
// a day, until none remains; a retried routing routes and tells nobody.
func TestRoutingReachesEligibleSuppliersInBatches(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	ctx := t.Context()
	langs := []domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL, domain.LangFR}
	suppliers := map[string]routedSupplier{}
	var digest routedSupplier
	for i, l := range langs {
		s := w.eligibleSupplier(l, i < 4)
		suppliers[s.orgID] = s
		if i == 4 {
			digest = s
		}
	}
	// Same sector and code, but an insertion company: not eligible for a
	// lot reserved to sheltered workshops. And a suspended ESAT.
	siae := w.supplierWith(storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "FR"}, domain.SSEFrSIAEEI, domain.LangFR, true)
	suspended := w.supplierWith(storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "FR", Status: domain.OrgSuspended},
		domain.SSEFrESAT, domain.LangFR, true)

	tenderID, lotID := w.publishedTender(time.Now().Add(20*24*time.Hour), nil)
	first := e.waitRouted(lotID, 2)
	for org := range first {
		if _, ok := suppliers[org]; !ok {
			t.Fatalf("routed to %s, not an eligible supplier", org)
		}
	}

	// Top-ups: none the same day; then one batch a day, new suppliers only.
	if n, err := e.routing.TopUp(ctx); err != nil || n != 0 {
		t.Fatalf("a second batch the same day: %d %v", n, err)
	}
	for day, want := range []int{2, 1, 0} {
		e.clock.advance(24 * time.Hour)
		n, err := e.routing.TopUp(ctx)
		if err != nil || n != want {
			t.Fatalf("top-up of day %d: %d suppliers (%v), want %d", day+2, n, err, want)
		}
	}
	routed := e.waitRouted(lotID, 5)
	for org := range suppliers {
		if !routed[org] {
			t.Errorf("eligible supplier %s never routed", org)
		}
	}
	if b := e.routesByBatch(lotID); b[1] != 2 || b[2] != 2 || b[3] != 1 || len(b) != 3 {
		t.Errorf("batches: %v", b)
	}

	// Each in their language; the immediate ones by email.
	subjects := map[domain.Language]string{domain.LangFR: "Nouveau besoin pour", domain.LangDE: "Neuer Bedarf für",
		domain.LangEN: "New need for", domain.LangNL: "Nieuwe behoefte voor"}
	reserved := map[domain.Language]string{domain.LangFR: "lot réservé (FR_L2113_12)", domain.LangDE: "vorbehaltene Los teilnahmeberechtigt (FR_L2113_12)",
		domain.LangEN: "reserved lot (FR_L2113_12)", domain.LangNL: "voorbehouden perceel (FR_L2113_12)"}
	for _, s := range suppliers {
		title := "Nettoyage de l'hôtel de ville"
		if s.lang == domain.LangDE {
			title = "Reinigung des Rathauses"
		}
		notes := categoryItems(s.owner, "new_matching_need")
		if len(notes) != 1 || !strings.Contains(notes[0]["title"].(string), title) {
			t.Errorf("%s (%s): in-app notifications %v", s.orgID, s.lang, notes)
		}
		if s.orgID == digest.orgID {
			if notes[0]["email_state"] != "digest_pending" {
				t.Errorf("the digest supplier's notification: %v", notes[0])
			}
			continue
		}
		m := e.mail.WaitFor(t, s.email, 1, 20*time.Second)[0]
		if !strings.Contains(m.Subject, subjects[s.lang]) || !strings.Contains(m.Subject, title) ||
			!strings.Contains(m.Text, "Bureaux") || !strings.Contains(m.Text, reserved[s.lang]) ||
			!strings.Contains(m.Text, "http://localhost:8080/tenders/"+tenderID) ||
			!strings.Contains(m.Text, "http://localhost:8080/workspace/supplier/needs") ||
			!strings.Contains(m.Text, "Ville de Thionville") || m.Header("List-Unsubscribe") == "" {
			t.Errorf("%s email: %q\n%s", s.lang, m.Subject, m.Text)
		}
	}
	if got := e.mail.Messages(t, digest.email); len(got) != 0 {
		t.Fatalf("the digest supplier was emailed at once: %q", got[0].Subject)
	}
	if _, err := e.notes.SendDigests(ctx); err != nil {
		t.Fatal(err)
	}
	m := e.mail.WaitFor(t, digest.email, 1, 20*time.Second)[0]
	if !strings.Contains(m.Text, "Un nouveau besoin correspond à vos offres : « Nettoyage de l'hôtel de ville »") {
		t.Errorf("digest: %q\n%s", m.Subject, m.Text)
	}
	for _, s := range []routedSupplier{siae, suspended} {
		if n := categoryItems(s.owner, "new_matching_need"); len(n) != 0 || len(e.mail.Messages(t, s.email)) != 0 {
			t.Errorf("a supplier that may not be routed was told: %v", n)
		}
	}

	// A retried routing (the job's work, run again) routes and tells
	// nobody more.
	if n, err := e.routing.RouteTender(ctx, tenderID); err != nil || n != 0 {
		t.Fatalf("retried routing: %d %v", n, err)
	}
	for _, s := range suppliers {
		if n := categoryItems(s.owner, "new_matching_need"); len(n) != 1 {
			t.Errorf("%s told %d times", s.orgID, len(n))
		}
	}
}

// TestRoutingOneNoticePerTender: a supplier matching twelve lots of a
// tender gets one notification for them all, not one per lot; its email
// lists ten and counts the others (a notification's data is bounded).
//
// Members who cannot be notified are left out: a disabled account and an
// unconfirmed address get nothing.
func TestRoutingOneNoticePerTender(t *testing.T) {
	w := newTenderWorld(t)
	s := w.eligibleSupplier(domain.LangEN, true)
	disabled := w.e.db.User(t, storetest.UserOptions{Organisation: s.orgID, Role: domain.RoleMember, EmailVerified: true,
		Email: mailtest.UniqueAddress(t), Language: domain.LangEN})
	unconfirmed := w.e.db.User(t, storetest.UserOptions{Organisation: s.orgID, Role: domain.RoleMember,
		Email: mailtest.UniqueAddress(t), Language: domain.LangEN})
	if _, err := w.e.db.Pool.Exec(t.Context(), "UPDATE users SET disabled_at = now() WHERE id = $1", disabled.ID); err != nil {
		t.Fatal(err)
	}
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	r := w.buyer.expect(http.StatusCreated, "POST", base, tenderInput(time.Now().Add(20*24*time.Hour)))
	tenderID := r.body["id"].(string)
	var lots []string
	for i := 1; i <= 12; i++ {
		in := lotInput()
		in["title"] = fmt.Sprintf("Site %02d", i)
		lots = append(lots, w.buyer.expect(http.StatusCreated, "POST", base+"/"+tenderID+"/lots", in).body["id"].(string))
	}
	w.buyer.expect(http.StatusOK, "POST", base+"/"+tenderID+"/submit", nil)
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/tenders/"+tenderID+"/decision", map[string]any{"decision": "approve"})
	for _, l := range lots {
		w.e.waitRouted(l, 1)
	}
	if notes := categoryItems(s.owner, "new_matching_need"); len(notes) != 1 {
		t.Fatalf("%d notifications for one tender", len(notes))
	}
	m := w.e.mail.WaitFor(t, s.email, 1, 20*time.Second)[0]
	if !strings.Contains(m.Text, "Site 01") || !strings.Contains(m.Text, "Site 10") || strings.Contains(m.Text, "Site 11") ||
		!strings.Contains(m.Text, "and 2 more lots") || !strings.Contains(m.HTML, "and 2 more lots") {
		t.Errorf("the email lists the wrong lots:\n%s", m.Text)
	}
	for _, u := range []domain.User{disabled, unconfirmed} {
		var n int
		if err := w.e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM notifications WHERE user_id = $1", u.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		// Their notification would have been written with the owner's,
		// in the same transaction, whose email arrived above.
		if n != 0 || len(w.e.mail.Messages(t, u.Email)) != 0 {
			t.Errorf("%s (disabled or unconfirmed) got %d notifications", u.Email, n)
		}
	}
}

// reservedTender inserts a published tender of the world's buyer with one
// lot reserved to sheltered workshops (no routing job: tests route it).
func (w *tenderWorld) reservedTender(buyerID string, deadline time.Time) (tenderID, lotID string) {
	w.e.t.Helper()
	tn := w.e.db.Tender(w.e.t, buyerID, storetest.TenderOptions{Deadline: deadline, Lots: []domain.TenderLot{{Title: "Bureaux",
		CPV: []string{"90910000-9"}, Clauses: domain.LotClauses{ReservedParticipation: domain.ReservedShelteredWorkshops,
			LegalBases: []domain.LegalBasis{domain.BasisFRL211312}}}}})
	return tn.ID, tn.Lots[0].ID
}

// TestNeedAnswersAndMilestones (issue 6, must-show 1): suppliers answer
// the lots routed to them; the buyer is told at the 1st, 2nd and 5th
// interested supplier (not the 3rd, 4th or 6th), once each although the
// answers race, and never again for a supplier that changes its mind back
// and forth; "not interested" with its reason is what the buyer sees and
// stops reminders; the tender-level "not interested" declines the lots.
func TestNeedAnswersAndMilestones(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	ctx := t.Context()
	deadline := time.Now().Add(20 * 24 * time.Hour)
	var sup []routedSupplier
	for range 7 {
		sup = append(sup, w.eligibleSupplier(domain.LangFR, false))
	}
	tenderID, lotID := w.reservedTender(w.buyerOrg.ID, deadline)
	all := core.NewRouting(e.db.Store, e.notes, e.clock.now, core.RoutingConfig{BatchSize: 10, PublicURL: "http://localhost:8080"})
	if n, err := all.RouteTender(ctx, tenderID); err != nil || n != 7 {
		t.Fatalf("routing: %d %v", n, err)
	}
	answer := func(s routedSupplier, body map[string]any) response {
		return s.owner.do("PUT", "/api/v1/organisations/"+s.orgID+"/needs/"+lotID+"/answer", body)
	}

	// Six say "interested" at once.
	var wg sync.WaitGroup
	statuses := make([]int, 6)
	for i := range 6 {
		wg.Go(func() { statuses[i] = answer(sup[i], map[string]any{"answer": "interested"}).status })
	}
	wg.Wait()
	for i, st := range statuses {
		if st != http.StatusOK {
			t.Fatalf("answer %d: %d", i, st)
		}
	}
	// One changes its mind twice: it still counts once.
	r := answer(sup[0], map[string]any{"answer": "not_interested", "reason": "no_capacity", "note": "  Équipes complètes.  "})
	if r.status != http.StatusOK || !strings.Contains(r.raw, `"note":"Équipes complètes."`) {
		t.Fatalf("not interested: %d %s", r.status, r.raw)
	}
	answer(sup[0], map[string]any{"answer": "interested"})
	milestones := categoryItems(w.buyer, "tender_interest")
	var titles []string
	for _, n := range milestones {
		titles = append(titles, n["title"].(string))
	}
	slices.Sort(titles)
	want := []string{"2 Anbieter interessieren sich für Ihre Ausschreibung „Nettoyage de bureaux“",
		"5 Anbieter interessieren sich für Ihre Ausschreibung „Nettoyage de bureaux“",
		"Ein erster Anbieter interessiert sich für Ihre Ausschreibung „Nettoyage de bureaux“"}
	tn, err := e.db.Store.GetTender(ctx, tenderID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		want[i] = strings.ReplaceAll(want[i], "Nettoyage de bureaux", tn.Original().Title)
	}
	if fmt.Sprint(titles) != fmt.Sprint(want) {
		t.Fatalf("milestones told to the buyer:\n%q\nwant\n%q", titles, want)
	}
	msgs := e.mail.WaitFor(t, w.buyerEmail, 3, 20*time.Second)
	var subjects []string
	for _, m := range msgs {
		subjects = append(subjects, m.Subject)
	}
	slices.Sort(subjects)
	if len(subjects) != 3 || !strings.HasPrefix(subjects[0], "2 Anbieter") || !strings.HasPrefix(subjects[1], "5 Anbieter") ||
		!strings.HasPrefix(subjects[2], "Ein erster Anbieter") {
		t.Errorf("milestone emails: %q", subjects)
	}

	// "Not interested" with a reason code: the buyer sees it, with the
	// note as the reason; interested again, it is gone.
	notInterested := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders/" + tenderID + "/not-interested"
	answer(sup[1], map[string]any{"answer": "not_interested", "reason": "too_small", "note": "Trop petit pour nous."})
	r = w.buyer.expect(http.StatusOK, "GET", notInterested, nil)
	if items := r.body["items"].([]any); len(items) != 1 || !strings.Contains(r.raw, `"decline_reason":"too_small"`) ||
		!strings.Contains(r.raw, `"reason":"Trop petit pour nous."`) || !strings.Contains(r.raw, sup[1].orgID) {
		t.Fatalf("the buyer's not-interested list: %s", r.raw)
	}
	answer(sup[2], map[string]any{"answer": "not_interested", "reason": "no_capacity"})
	answer(sup[1], map[string]any{"answer": "interested"})
	r = w.buyer.expect(http.StatusOK, "GET", notInterested, nil)
	if items := r.body["items"].([]any); len(items) != 1 || !strings.Contains(r.raw, sup[2].orgID) ||
		!strings.Contains(r.raw, `"reason":"no_capacity"`) {
		t.Fatalf("after a change of mind: %s", r.raw)
	}
	// The tender-level answer declines the lots routed to the supplier.
	sup[6].owner.expect(http.StatusNoContent, "PUT", "/api/v1/tenders/"+tenderID+"/not-interested",
		map[string]any{"reason": "Nous ne couvrons pas Thionville."}, OrganisationHeader, sup[6].orgID)
	r = sup[6].owner.expect(http.StatusOK, "GET", "/api/v1/organisations/"+sup[6].orgID+"/needs", nil)
	if !strings.Contains(r.raw, `"answer":"not_interested"`) || !strings.Contains(r.raw, `"reason":"other"`) ||
		!strings.Contains(r.raw, "Nous ne couvrons pas Thionville.") {
		t.Fatalf("the tender-level answer on the needs: %s", r.raw)
	}
	// Who the deadline reminders go to (the job's own query).
	var remind []string
	if err := e.db.Store.WithTx(ctx, func(tx *store.Tx) error {
		orgs, err := tx.ReminderOrganisations(ctx, tenderID)
		for _, o := range orgs {
			remind = append(remind, o.OrganisationID)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(remind)
	var wantRemind []string
	for i, s := range sup {
		if i != 2 && i != 6 {
			wantRemind = append(wantRemind, s.orgID)
		}
	}
	slices.Sort(wantRemind)
	if fmt.Sprint(remind) != fmt.Sprint(wantRemind) {
		t.Errorf("reminded: %v, want %v", remind, wantRemind)
	}
	if n := categoryItems(w.buyer, "tender_interest"); len(n) != 3 {
		t.Errorf("%d milestones after changes of mind, want 3", len(n))
	}
	// No new milestone and no route for a later batch to those not interested.
	if counts, _ := e.db.Store.CountLotRoutes(ctx, lotID); counts.Interested != 5 || counts.NotInterested != 2 {
		t.Errorf("counts: %+v", counts)
	}
}

// TestNeedRoutes: the supplier's list of needs (filters, pages, reasons)
// and the answer route's refusals: bad input names every wrong field and
// writes nothing; a lot not routed to the organisation is 404; after the
// deadline, 409.
func TestNeedRoutes(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	ctx := t.Context()
	s := w.eligibleSupplier(domain.LangFR, false)
	routing := core.NewRouting(e.db.Store, e.notes, e.clock.now, testRoutingConfig())
	deadline := time.Now().Add(20 * 24 * time.Hour)
	older, olderLot := w.reservedTender(w.buyerOrg.ID, deadline)
	if _, err := routing.RouteTender(ctx, older); err != nil {
		t.Fatal(err)
	}
	e.clock.advance(time.Minute) // newest first needs distinct instants
	newer, newerLot := w.reservedTender(w.buyerOrg.ID, deadline.Add(time.Hour))
	if _, err := routing.RouteTender(ctx, newer); err != nil {
		t.Fatal(err)
	}
	base := "/api/v1/organisations/" + s.orgID + "/needs"
	s.owner.expect(http.StatusOK, "PUT", base+"/"+olderLot+"/answer", map[string]any{"answer": "interested"})

	r := s.owner.expect(http.StatusOK, "GET", base+"?limit=1", nil)
	items, next := r.body["items"].([]any), r.body["next_cursor"].(string)
	if len(items) != 1 || next == "" || items[0].(map[string]any)["lot_id"] != newerLot ||
		!strings.Contains(r.raw, `"code":"eligible"`) || !strings.Contains(r.raw, `"name":"Ville de Thionville"`) ||
		!strings.Contains(r.raw, `"open":true`) || strings.Contains(r.raw, `"answer":{`) {
		t.Fatalf("first page: %s", r.raw)
	}
	r = s.owner.expect(http.StatusOK, "GET", base+"?limit=1&cursor="+next, nil)
	if items := r.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["lot_id"] != olderLot || r.body["next_cursor"] != "" {
		t.Fatalf("second page: %s", r.raw)
	}
	for filter, want := range map[string]string{"interested": olderLot, "unanswered": newerLot} {
		r = s.owner.expect(http.StatusOK, "GET", base+"?answer="+filter, nil)
		if items := r.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["lot_id"] != want {
			t.Errorf("filter %s: %s", filter, r.raw)
		}
	}
	s.owner.expect(http.StatusUnprocessableEntity, "GET", base+"?answer=maybe", nil)
	s.owner.expect(http.StatusUnprocessableEntity, "GET", base+"?cursor=forged", nil)

	// Bad input: every wrong field named, nothing written.
	answerPath := base + "/" + newerLot + "/answer"
	bad := s.owner.expect(http.StatusUnprocessableEntity, "PUT", answerPath,
		map[string]any{"answer": "maybe", "reason": "bored", "note": strings.Repeat("x", 501)})
	for _, f := range []string{"body.answer", "body.reason", "body.note"} {
		if !strings.Contains(bad.raw, f) {
			t.Errorf("%s not named: %s", f, bad.raw)
		}
	}
	bad = s.owner.expect(http.StatusUnprocessableEntity, "PUT", answerPath, map[string]any{"answer": "not_interested"}, "Accept-Language", "de")
	if !strings.Contains(bad.raw, "body.reason") || !strings.Contains(bad.raw, "Grund") {
		t.Errorf("missing reason: %s", bad.raw)
	}
	bad = s.owner.expect(http.StatusUnprocessableEntity, "PUT", answerPath, map[string]any{"answer": "interested", "reason": "too_small"})
	if !strings.Contains(bad.raw, "body.reason") {
		t.Errorf("a reason with interest: %s", bad.raw)
	}
	if rt, err := e.db.Store.GetLotRoute(ctx, newerLot, s.orgID); err != nil || rt.Answer != nil {
		t.Fatalf("bad input wrote an answer: %+v %v", rt.Answer, err)
	}

	// Not routed to this organisation: 404; another organisation's path: 403.
	other := w.eligibleSupplier(domain.LangEN, false)
	other.owner.expect(http.StatusNotFound, "PUT", "/api/v1/organisations/"+other.orgID+"/needs/"+newerLot+"/answer",
		map[string]any{"answer": "interested"})
	other.owner.expect(http.StatusForbidden, "PUT", answerPath, map[string]any{"answer": "interested"})
	other.owner.expect(http.StatusForbidden, "GET", base, nil)
	w.anon.expect(http.StatusUnauthorized, "GET", base, nil)

	// After the deadline: the answer is closed.
	e.clock.advance(time.Until(deadline) + 2*time.Hour)
	late := s.owner.expect(http.StatusConflict, "PUT", answerPath, map[string]any{"answer": "interested"}, "Accept-Language", "fr")
	if !strings.Contains(late.raw, "n’accepte plus de réponse") {
		t.Errorf("after the deadline: %s", late.raw)
	}
	r = s.owner.expect(http.StatusOK, "GET", base, nil)
	if strings.Contains(r.raw, `"open":true`) {
		t.Errorf("needs still open after the deadline: %s", r.raw)
	}
}

// TestRoutingLeavesOutSuspendedBuyers: a suspended buyer's published
// tender reaches nobody, neither at publication nor at a top-up, while
// the same tender of an active buyer is routed.
func TestRoutingLeavesOutSuspendedBuyers(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	ctx := t.Context()
	w.eligibleSupplier(domain.LangFR, false)
	suspended := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, Status: domain.OrgSuspended})
	deadline := time.Now().Add(20 * 24 * time.Hour)
	tenderID, lotID := w.reservedTender(suspended.ID, deadline)
	if n, err := e.routing.RouteTender(ctx, tenderID); err != nil || n != 0 {
		t.Fatalf("a suspended buyer's tender routed: %d %v", n, err)
	}
	e.clock.advance(24 * time.Hour)
	if _, err := e.routing.TopUp(ctx); err != nil {
		t.Fatal(err)
	}
	if c, _ := e.db.Store.CountLotRoutes(ctx, lotID); c.Routed != 0 {
		t.Fatalf("a suspended buyer's tender topped up: %+v", c)
	}
	activeTender, activeLot := w.reservedTender(w.buyerOrg.ID, deadline)
	if n, err := e.routing.RouteTender(ctx, activeTender); err != nil || n != 1 {
		t.Fatalf("an active buyer's tender: %d %v", n, err)
	}
	e.waitRouted(activeLot, 1)
}

// TestTopUpStopsAtTargetAndDeadline: top-ups stop while a lot has the
// target of interested suppliers (3 here), resume when one withdraws its
// interest, and stop at the deadline although candidates remain.
func TestTopUpStopsAtTargetAndDeadline(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	ctx := t.Context()
	bySupplier := map[string]routedSupplier{}
	for range 7 {
		s := w.eligibleSupplier(domain.LangFR, false)
		bySupplier[s.orgID] = s
	}
	deadline := time.Now().Add(5 * 24 * time.Hour)
	tenderID, lotID := w.reservedTender(w.buyerOrg.ID, deadline)
	answerAll := func(routed map[string]bool, answer string) {
		for org := range routed {
			s := bySupplier[org]
			s.owner.expect(http.StatusOK, "PUT", "/api/v1/organisations/"+org+"/needs/"+lotID+"/answer", map[string]any{"answer": answer})
		}
	}
	topUp := func(want int) {
		t.Helper()
		e.clock.advance(24 * time.Hour)
		if n, err := e.routing.TopUp(ctx); err != nil || n != want {
			t.Fatalf("top-up: %d suppliers (%v), want %d", n, err, want)
		}
	}
	if n, err := e.routing.RouteTender(ctx, tenderID); err != nil || n != 2 {
		t.Fatalf("first batch: %d %v", n, err)
	}
	first := e.waitRouted(lotID, 2)
	answerAll(first, "interested")
	topUp(2) // 2 interested < 3
	all := e.waitRouted(lotID, 4)
	var third string
	for org := range all {
		if !first[org] {
			third = org
			break
		}
	}
	answerAll(map[string]bool{third: true}, "interested")
	topUp(0) // 3 interested: enough
	s := bySupplier[third]
	s.owner.expect(http.StatusOK, "PUT", "/api/v1/organisations/"+third+"/needs/"+lotID+"/answer",
		map[string]any{"answer": "not_interested", "reason": "no_capacity"})
	topUp(2) // 2 interested again
	e.waitRouted(lotID, 6)
	e.clock.advance(deadline.Sub(e.clock.now()) + time.Hour)
	if n, err := e.routing.TopUp(ctx); err != nil || n != 0 {
		t.Fatalf("top-up after the deadline: %d %v (one candidate remains)", n, err)
	}
}

// TestSuspendedSupplierCannotAnswer: a supplier suspended after a lot was
// routed to it cannot answer it (403, in the member's language): its
// "interested" neither counts nor tells the buyer; once reinstated, it can.
func TestSuspendedSupplierCannotAnswer(t *testing.T) {
	w := newTenderWorld(t)
	e := w.e
	ctx := t.Context()
	s := w.eligibleSupplier(domain.LangFR, false)
	tenderID, lotID := w.reservedTender(w.buyerOrg.ID, time.Now().Add(20*24*time.Hour))
	if n, err := e.routing.RouteTender(ctx, tenderID); err != nil || n != 1 {
		t.Fatalf("routing: %d %v", n, err)
	}
	suspension := "/api/v1/moderation/organisations/" + s.orgID + "/suspension"
	w.moderator.expect(http.StatusOK, "POST", suspension, map[string]any{"reason_template": "fraud"})
	answerPath := "/api/v1/organisations/" + s.orgID + "/needs/" + lotID + "/answer"
	r := s.owner.expect(http.StatusForbidden, "PUT", answerPath, map[string]any{"answer": "interested"}, "Accept-Language", "fr")
	if !strings.Contains(r.raw, "suspendue") {
		t.Errorf("refusal: %s", r.raw)
	}
	if c, err := e.db.Store.CountLotRoutes(ctx, lotID); err != nil || c.Interested != 0 {
		t.Fatalf("interested counted for a suspended supplier: %+v %v", c, err)
	}
	if notes := categoryItems(w.buyer, "tender_interest"); len(notes) != 0 {
		t.Errorf("the buyer was told of a suspended supplier's interest: %v", notes)
	}
	w.moderator.expect(http.StatusOK, "POST", "/api/v1/moderation/organisations/"+s.orgID+"/reinstatement", map[string]any{})
	s.owner.expect(http.StatusOK, "PUT", answerPath, map[string]any{"answer": "interested"})
	if notes := categoryItems(w.buyer, "tender_interest"); len(notes) != 1 {
		t.Errorf("%d interest notices once reinstated, want 1", len(notes))
	}
}
