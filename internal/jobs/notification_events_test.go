package jobs_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store/storetest"
)

// eventWorld is a database, a running job runner that emails through a
// Mailpit of the test's own, and the periodic events run at a chosen
// instant. That instant is months ahead of the real clock, so the
// runner's own run of the events job (on start, at the real time) finds
// none of the test's subjects due and cannot race it.
type eventWorld struct {
	t      *testing.T
	db     *storetest.DB
	mail   *mailtest.Own
	runner *jobs.Runner
	events *core.NotificationEvents
	now    time.Time
}

func newEventWorld(t *testing.T) *eventWorld {
	db := storetest.New(t)
	own := mailtest.StartOwn(t)
	runner := newRunner(t, db, jobs.Options{Sender: newSender(t, own.SMTPURL),
		Notifications: core.NotificationsConfig{PublicURL: "http://localhost:8080", SecretKey: []byte(testSecretKey)}})
	startRunner(t, runner)
	return &eventWorld{t: t, db: db, mail: own, runner: runner, events: core.NewNotificationEvents(db.Store, runner.Notifications()),
		now: time.Now().Add(100 * 24 * time.Hour).Truncate(time.Minute)}
}

// member adds a member who can be notified (address confirmed) to org and
// returns their address.
func (w *eventWorld) member(orgID string, lang domain.Language) string {
	w.t.Helper()
	addr := mailtest.UniqueAddress(w.t)
	w.db.User(w.t, storetest.UserOptions{Organisation: orgID, Role: domain.RoleMember, Email: addr, Language: lang,
		DisplayName: "Member " + string(lang), EmailVerified: true})
	return addr
}

func (w *eventWorld) exec(sql string, args ...any) {
	w.t.Helper()
	if _, err := w.db.Pool.Exec(context.Background(), sql, args...); err != nil {
		w.t.Fatalf("%s: %v", sql, err)
	}
}

// route records that lotID of tenderID was routed to orgID, with answer
// ("" for none yet).
func (w *eventWorld) route(tenderID, lotID, orgID, answer string) {
	w.t.Helper()
	switch answer {
	case "":
		w.exec(`INSERT INTO lot_routes (lot_id, tender_id, organisation_id, batch, routed_at, score, explanation)
			VALUES ($1, $2, $3, 1, now(), 500, '[]')`, lotID, tenderID, orgID)
	case "interested":
		w.exec(`INSERT INTO lot_routes (lot_id, tender_id, organisation_id, batch, routed_at, score, explanation, answer, answered_at)
			VALUES ($1, $2, $3, 1, now(), 500, '[]', 'interested', now())`, lotID, tenderID, orgID)
	default:
		w.exec(`INSERT INTO lot_routes (lot_id, tender_id, organisation_id, batch, routed_at, score, explanation, answer, answered_at, decline_reason)
			VALUES ($1, $2, $3, 1, now(), 500, '[]', 'not_interested', now(), 'no_capacity')`, lotID, tenderID, orgID)
	}
}

// respond records a response of orgID to lotID: a draft, or one submitted
// and confirmed for substance version.
func (w *eventWorld) respond(tenderID, lotID, orgID string, draft bool, version int) {
	w.t.Helper()
	if draft {
		w.exec(`INSERT INTO responses (id, tender_id, lot_id, organisation_id, message) VALUES (gen_random_uuid(), $1, $2, $3, 'brouillon')`,
			tenderID, lotID, orgID)
		return
	}
	w.exec(`INSERT INTO responses (id, tender_id, lot_id, organisation_id, state, message, submitted_at, confirmed_version)
		VALUES (gen_random_uuid(), $1, $2, $3, 'submitted', 'offre', now(), $4)`, tenderID, lotID, orgID, version)
}

// settled waits until every email job queued so far has been worked.
func (w *eventWorld) settled() {
	w.t.Helper()
	poll(w.t, 30*time.Second, "emails sent", func() (bool, string) {
		var waiting int
		if err := w.db.Pool.QueryRow(context.Background(),
			"SELECT count(*) FROM river_job WHERE kind = 'send_email' AND state <> 'completed'").Scan(&waiting); err != nil {
			w.t.Fatal(err)
		}
		return waiting == 0, fmt.Sprintf("%d waiting", waiting)
	})
}

// inbox returns the subjects of the messages to addr, once sent.
func (w *eventWorld) inbox(addr string) []string {
	w.t.Helper()
	var out []string
	for _, m := range w.mail.Messages(w.t, addr) {
		out = append(out, m.Subject)
	}
	return out
}

// only fails unless addr received exactly one message, whose subject and
// text contain each of wants; it returns the message.
func (w *eventWorld) only(addr string, wants ...string) mailtest.Message {
	w.t.Helper()
	msgs := w.mail.Messages(w.t, addr)
	if len(msgs) != 1 {
		w.t.Fatalf("%s received %d messages %v, want 1", addr, len(msgs), w.inbox(addr))
	}
	for _, want := range wants {
		if !strings.Contains(msgs[0].Subject+"\n"+msgs[0].Text, want) {
			w.t.Errorf("%s: %q missing from\n%s\n%s", addr, want, msgs[0].Subject, msgs[0].Text)
		}
	}
	return msgs[0]
}

func (w *eventWorld) inApp(addr string) []domain.Notification {
	w.t.Helper()
	var uid string
	if err := w.db.Pool.QueryRow(context.Background(), "SELECT id FROM users WHERE email = $1", addr).Scan(&uid); err != nil {
		w.t.Fatal(err)
	}
	page, _, err := w.db.Store.ListNotificationsPage(context.Background(), uid, false, "", 100)
	if err != nil {
		w.t.Fatal(err)
	}
	return page
}

// TestStatusExpiringToldOncePerDate: the members of a supplier whose
// verified status ends within 30 days are told once, each in their
// language; a status renewed to a new date is told again when that date
// nears; unverified statuses, and those further off, are not.
func TestStatusExpiringToldOncePerDate(t *testing.T) {
	w := newEventWorld(t)
	ctx := t.Context()
	org := w.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, LegalName: "Les Ateliers du Val"})
	fr, de := w.member(org.ID, domain.LangFR), w.member(org.ID, domain.LangDE)
	unconfirmed := mailtest.UniqueAddress(t)
	w.db.User(t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleMember, Email: unconfirmed})
	lastDay := w.now.AddDate(0, 0, 10)
	st := w.db.SSEStatus(t, org.ID, storetest.StatusOptions{Type: domain.SSEFrESAT, ValidUntil: lastDay})
	w.db.SSEStatus(t, org.ID, storetest.StatusOptions{Type: domain.SSEFrEA, ValidUntil: w.now.AddDate(0, 0, 45)})
	w.db.SSEStatus(t, org.ID, storetest.StatusOptions{Type: domain.SSEFrSCOP, ValidUntil: w.now.AddDate(0, 0, 5), State: domain.VerificationPending})
	other := w.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier})
	bystander := w.member(other.ID, domain.LangEN)

	for i, at := range []time.Time{w.now, w.now, w.now.Add(time.Hour)} {
		n, err := w.events.StatusesExpiring(ctx, at)
		if want := map[bool]int{true: 1, false: 0}[i == 0]; err != nil || n != want {
			t.Fatalf("run %d: %d statuses told (%v), want %d", i, n, err, want)
		}
	}
	w.settled()
	w.only(fr, "Votre statut « "+domain.SSEFrESAT.Label("fr")+" » expire le "+lastDay.Format("02/01/2006"), "Les Ateliers du Val",
		"http://localhost:8080/workspace/supplier/statuses")
	w.only(de, "Ihr Status „"+domain.SSEFrESAT.Label("de")+"“ läuft am "+lastDay.Format("02.01.2006")+" ab")
	if got := w.inbox(bystander); len(got) != 0 {
		t.Errorf("another organisation was told: %v", got)
	}
	if got := w.inApp(unconfirmed); len(got) != 0 {
		t.Errorf("a member without a confirmed address was notified: %v", got)
	}
	if in := w.inApp(fr); len(in) != 1 || in[0].Category != domain.NotifyStatusExpiring || in[0].Kind != "status_expiring" {
		t.Fatalf("in-app: %+v", in)
	}

	// Renewed (a later last day), then near its new date: told again.
	w.exec("UPDATE sse_statuses SET valid_until = $2 WHERE id = $1", st.ID, lastDay.AddDate(1, 0, 0))
	if n, err := w.events.StatusesExpiring(ctx, w.now); err != nil || n != 0 {
		t.Fatalf("renewed for a year: %d told (%v)", n, err)
	}
	if n, err := w.events.StatusesExpiring(ctx, w.now.AddDate(1, 0, 0)); err != nil || n != 1 {
		t.Fatalf("near the new date: %d told (%v)", n, err)
	}
	w.settled()
	if got := w.inbox(fr); len(got) != 2 {
		t.Errorf("after renewal: %v", got)
	}
}

// TestDeadlineRemindersOncePerReminder: the suppliers routed to a tender
// that neither declined nor responded, and those with a draft, are
// reminded 3 days and 1 day before its deadline, once each, in their
// language and with the tender's title in it when the buyer wrote one.
func TestDeadlineRemindersOncePerReminder(t *testing.T) {
	w := newEventWorld(t)
	ctx := t.Context()
	buyer := w.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	buyerMember := w.member(buyer.ID, domain.LangFR)
	deadline := w.now.Add(60 * time.Hour)
	tn := w.db.Tender(t, buyer.ID, storetest.TenderOptions{Deadline: deadline, Texts: []domain.TenderText{
		{Language: domain.LangFR, Title: "Entretien des espaces verts"}, {Language: domain.LangDE, Title: "Grünpflege"}},
		Lots: []domain.TenderLot{{Title: "Parcs"}, {Title: "Cimetières"}}})
	lot1, lot2 := tn.Lots[0].ID, tn.Lots[1].ID
	supplier := func() (string, string) {
		o := w.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier})
		return o.ID, w.member(o.ID, domain.LangDE)
	}
	silent, silentAddr := supplier() // routed, no answer: reminded
	w.route(tn.ID, lot1, silent, "")
	keen, keenAddr := supplier() // interested, no response yet: reminded
	w.route(tn.ID, lot1, keen, "interested")
	declined, declinedAddr := supplier()
	w.route(tn.ID, lot1, declined, "not_interested")
	sent, sentAddr := supplier()
	w.route(tn.ID, lot1, sent, "interested")
	w.respond(tn.ID, lot1, sent, false, 1)
	half, halfAddr := supplier() // responded to one of its two lots: reminded
	w.route(tn.ID, lot1, half, "")
	w.route(tn.ID, lot2, half, "")
	w.respond(tn.ID, lot1, half, false, 1)
	drafter, drafterAddr := supplier() // not routed, a draft: reminded
	w.respond(tn.ID, lot2, drafter, true, 0)
	notForUs, notForUsAddr := supplier()
	w.route(tn.ID, lot1, notForUs, "")
	w.exec("INSERT INTO tender_not_interested (tender_id, organisation_id, reason) VALUES ($1, $2, 'trop loin')", tn.ID, notForUs)
	stale, staleAddr := supplier() // sent for an earlier version of the tender: reminded
	w.route(tn.ID, lot2, stale, "")
	w.respond(tn.ID, lot2, stale, false, 1)
	w.exec("UPDATE tenders SET substance_version = 2 WHERE id = $1", tn.ID)
	w.exec("UPDATE responses SET confirmed_version = 2 WHERE tender_id = $1 AND organisation_id IN ($2, $3)", tn.ID, sent, half)
	suspended, suspendedAddr := supplier() // routed, no answer, but suspended: cannot respond, not reminded
	w.route(tn.ID, lot1, suspended, "")
	w.exec("UPDATE organisations SET status = 'suspended' WHERE id = $1", suspended)
	// A suspended buyer's tender is hidden: nobody is reminded of it.
	hiddenBuyer := w.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	hidden := w.db.Tender(t, hiddenBuyer.ID, storetest.TenderOptions{Deadline: deadline, Lots: []domain.TenderLot{{Title: "Parcs"}}})
	hiddenRouted, hiddenRoutedAddr := supplier()
	w.route(hidden.ID, hidden.Lots[0].ID, hiddenRouted, "")
	w.exec("UPDATE organisations SET status = 'suspended' WHERE id = $1", hiddenBuyer.ID)
	reminded := []string{silentAddr, keenAddr, halfAddr, drafterAddr, staleAddr}

	runs := []struct {
		at   time.Time
		want int
	}{{deadline.Add(-73 * time.Hour), 0}, {w.now, 5}, {w.now, 0}, {w.now.Add(10 * time.Hour), 0}, {deadline.Add(-20 * time.Hour), 5},
		{deadline.Add(-time.Hour), 0}, {deadline.Add(time.Minute), 0}}
	for i, r := range runs {
		if n, err := w.events.DeadlineReminders(ctx, r.at); err != nil || n != r.want {
			t.Fatalf("run %d at deadline%+v: %d reminded (%v), want %d", i, r.at.Sub(deadline), n, err, r.want)
		}
	}
	w.settled()
	for _, addr := range reminded {
		got := w.mail.Messages(t, addr)
		if len(got) != 2 {
			t.Fatalf("%s received %v, want two reminders", addr, w.inbox(addr))
		}
		// 60 hours before the deadline: 2 whole days left (not 3).
		if got[1].Subject != "Noch 2 Tage für ein Angebot zu „Grünpflege“ — Passerelle" ||
			got[0].Subject != "Weniger als ein Tag für ein Angebot zu „Grünpflege“ — Passerelle" {
			t.Errorf("%s: %q then %q", addr, got[1].Subject, got[0].Subject)
		}
		if !strings.Contains(got[0].Text, deadline.UTC().Format("02.01.2006, 15:04")+" Uhr UTC") ||
			!strings.Contains(got[0].Text, "http://localhost:8080/workspace/supplier/tenders/"+tn.ID) {
			t.Errorf("%s: the deadline or link is missing:\n%s", addr, got[0].Text)
		}
		draft := strings.Contains(got[0].Text, "noch nicht abgegeben")
		if draft != (addr == drafterAddr) {
			t.Errorf("%s: draft wording %v", addr, draft)
		}
	}
	for _, addr := range []string{declinedAddr, sentAddr, notForUsAddr, buyerMember, suspendedAddr, hiddenRoutedAddr} {
		if got := w.inbox(addr); len(got) != 0 {
			t.Errorf("%s was reminded: %v", addr, got)
		}
	}
}

// TestOutcomeQuestionAskedOnce: 7 days after the deadline of a closed
// tender some of whose lots lack an outcome, its buyer's members are
// asked how it ended, once, with the link to record outcomes; not before,
// not when every lot has one, not for tenders closed long ago.
func TestOutcomeQuestionAskedOnce(t *testing.T) {
	w := newEventWorld(t)
	ctx := t.Context()
	buyer := w.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	en, nl := w.member(buyer.ID, domain.LangEN), w.member(buyer.ID, domain.LangNL)
	closed := func(deadline time.Time, state domain.TenderState, title string) domain.Tender {
		return w.db.Tender(t, buyer.ID, storetest.TenderOptions{State: state, Deadline: deadline, Language: domain.LangEN,
			Texts: []domain.TenderText{{Language: domain.LangEN, Title: title}}, Lots: []domain.TenderLot{{Title: "A"}, {Title: "B"}}})
	}
	due := closed(w.now.Add(-8*24*time.Hour), domain.TenderClosed, "Catering")
	w.exec("INSERT INTO lot_outcomes (lot_id, result) VALUES ($1, 'not_awarded')", due.Lots[0].ID)
	early := closed(w.now.Add(-3*24*time.Hour), domain.TenderClosed, "Too early")
	closed(w.now.Add(-60*24*time.Hour), domain.TenderClosed, "Long ago")
	done := closed(w.now.Add(-8*24*time.Hour), domain.TenderAwarded, "Done")
	for _, l := range done.Lots {
		w.exec("INSERT INTO lot_outcomes (lot_id, result) VALUES ($1, 'awarded_other')", l.ID)
	}
	for i, want := range []int{1, 0} {
		if n, err := w.events.OutcomeQuestions(ctx, w.now); err != nil || n != want {
			t.Fatalf("run %d: %d asked (%v), want %d", i, n, err, want)
		}
	}
	w.settled()
	m := w.only(en, "How did your tender “Catering” end?", "http://localhost:8080/workspace/buyer/tenders/"+due.ID)
	if !strings.Contains(m.Text, "One lot has no outcome yet") {
		t.Errorf("one lot pending: %s", m.Text)
	}
	w.only(nl, "Hoe is uw aanbesteding ‘Catering’ afgelopen?")

	// The early one, once its 7 days have passed; every lot recorded
	// meanwhile means no question.
	for _, l := range early.Lots {
		w.exec("INSERT INTO lot_outcomes (lot_id, result) VALUES ($1, 'not_awarded')", l.ID)
	}
	if n, err := w.events.OutcomeQuestions(ctx, w.now.Add(5*24*time.Hour)); err != nil || n != 0 {
		t.Fatalf("every lot recorded: %d asked (%v)", n, err)
	}
}

// TestResponsesReceivedAtClose: when the close job closes a tender at its
// deadline, its buyer's members learn how many responses each lot
// received (only those sent and confirmed count); closing again tells
// nothing more. A buyer who records an outcome before the job ran is
// told too, once.
func TestResponsesReceivedAtClose(t *testing.T) {
	w := newEventWorld(t)
	ctx := t.Context()
	a := newTenderActors(t, w.db)
	tenders := core.NewTenders(w.db.Store, w.runner, time.Now, core.TendersConfig{}).WithNotifications(w.runner.Notifications())
	// A few seconds: the responses below must be in before the deadline.
	deadline := time.Now().Add(5 * time.Second)
	tn := draftTender(t, tenders, a, deadline)
	lot := tn.Lots[0].ID
	if _, err := tenders.Decide(ctx, a.moderAct, a.moderator, tn.ID, core.DecisionApprove, ""); err != nil {
		t.Fatal(err)
	}
	de := w.member(a.org.ID, domain.LangDE) // after the publication, whose notice is not this test's
	for i := range 3 {
		o := w.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier})
		w.respond(tn.ID, lot, o.ID, i == 2, 1) // two sent, one draft
	}
	waitState(t, w.db, tn.ID, domain.TenderClosed, 30*time.Second)
	if again, err := core.CloseTenderAtDeadline(ctx, w.db.Store, nil, w.runner.Notifications(), tn.ID, time.Now()); err != nil || again {
		t.Fatalf("closing again: %v %v", again, err)
	}
	w.settled()
	w.only(de, "2 Angebote zu Ihrer Ausschreibung „Grünpflege“", "Los 1, Park: 2", "http://localhost:8080/workspace/buyer/tenders/"+tn.ID)
	if in := w.inApp(de); len(in) != 1 || in[0].Title != "2 Angebote zu Ihrer Ausschreibung „Grünpflege“" ||
		in[0].Category != domain.NotifyResponsesReceived {
		t.Fatalf("in-app: %+v", in)
	}

	// Past its deadline, not closed by the job yet: the buyer records an
	// outcome, which closes it, and is told of the (no) responses.
	late := w.db.Tender(t, a.org.ID, storetest.TenderOptions{Deadline: time.Now().Add(-time.Hour), Language: domain.LangDE,
		Texts: []domain.TenderText{{Language: domain.LangDE, Title: "Winterdienst"}}})
	if _, err := tenders.RecordOutcome(ctx, a.buyerAct, a.buyer, a.org.ID, late.ID, late.Lots[0].ID,
		domain.LotOutcome{Result: domain.LotNotAwarded}); err != nil {
		t.Fatal(err)
	}
	if closed, err := core.CloseTenderAtDeadline(ctx, w.db.Store, nil, w.runner.Notifications(), late.ID, time.Now()); err != nil || closed {
		t.Fatalf("the job after the outcome: %v %v", closed, err)
	}
	w.settled()
	if got := w.inbox(de); len(got) != 2 || !strings.Contains(got[0], "Keine Angebote zu Ihrer Ausschreibung „Winterdienst“") {
		t.Fatalf("after the outcome: %v", got)
	}
}

// TestNotificationEventsJobRunsOnStart: the runner's periodic job tells
// what is due as soon as it starts, at the real time: a status verified
// until 10 days from now reaches its supplier's member by email.
func TestNotificationEventsJobRunsOnStart(t *testing.T) {
	db := storetest.New(t)
	own := mailtest.StartOwn(t)
	org := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, LegalName: "Atelier du Parc"})
	addr := mailtest.UniqueAddress(t)
	db.User(t, storetest.UserOptions{Organisation: org.ID, Email: addr, Language: domain.LangEN, EmailVerified: true})
	lastDay := time.Now().UTC().AddDate(0, 0, 10)
	db.SSEStatus(t, org.ID, storetest.StatusOptions{Type: domain.SSEDeWfbM, ValidUntil: lastDay})
	runner := newRunner(t, db, jobs.Options{Sender: newSender(t, own.SMTPURL),
		Notifications: core.NotificationsConfig{PublicURL: "http://localhost:8080", SecretKey: []byte(testSecretKey)}})
	startRunner(t, runner)
	m := own.WaitFor(t, addr, 1, 30*time.Second)[0]
	if want := "Your status “" + domain.SSEDeWfbM.Label("en") + "” expires on " + lastDay.Format(time.DateOnly); !strings.HasPrefix(m.Subject, want) {
		t.Errorf("subject %q, want %q…", m.Subject, want)
	}
}
