package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store/storetest"
)

// notifiable adds to org a member who can be notified (address confirmed)
// and returns their address.
func (w *tenderWorld) notifiable(orgID string, lang domain.Language) string {
	w.e.t.Helper()
	addr := mailtest.UniqueAddress(w.e.t)
	w.e.db.User(w.e.t, storetest.UserOptions{Organisation: orgID, Role: domain.RoleMember, Email: addr, Language: lang,
		DisplayName: "Member " + string(lang), EmailVerified: true})
	return addr
}

// TestQuestionsAndAnswersNotified: a question reaches the buyer's members
// in their language (with the tender's title in it when the buyer wrote
// one), without naming who asked; its answer reaches the asking
// supplier's members as theirs, and the members of the suppliers that
// follow the tender (interested, or responding) as an answer published,
// never naming the asker; other suppliers hear nothing.
func TestQuestionsAndAnswersNotified(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, lotID := w.publishedTender(time.Now().Add(10*24*time.Hour), nil)
	buyerDE := w.notifiable(w.buyerOrg.ID, domain.LangDE)
	askerFR := w.notifiable(w.supplierOrg.ID, domain.LangFR)
	// The rival follows the tender: routed to it and interested.
	followerNL := w.notifiable(w.other.ID, domain.LangNL)
	if _, err := w.e.db.Pool.Exec(t.Context(), `INSERT INTO lot_routes (lot_id, tender_id, organisation_id, batch, routed_at, score,
		explanation, answer, answered_at) VALUES ($1, $2, $3, 1, now(), 500, '[]', 'interested', now())`, lotID, tenderID, w.other.ID); err != nil {
		t.Fatal(err)
	}
	third := w.e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, LegalName: "Régie de quartier"})
	bystander := w.notifiable(third.ID, domain.LangEN)

	q := w.supplier.expect(http.StatusCreated, "POST", "/api/v1/tenders/"+tenderID+"/questions",
		map[string]any{"question": "Les vitres sont-elles comprises ?"}).body["id"].(string)
	m := w.e.mail.WaitFor(t, buyerDE, 1, 20*time.Second)[0]
	if m.Subject != "Neue Frage zu Ihrer Ausschreibung „Reinigung des Rathauses“ — Passerelle" ||
		!strings.Contains(m.Text, "Les vitres sont-elles comprises ?") || !strings.Contains(m.Text, "http://localhost:8080/workspace/buyer/tenders/"+tenderID) {
		t.Errorf("question to the buyer: %q\n%s", m.Subject, m.Text)
	}
	if strings.Contains(m.Text, "ESAT du Val") || strings.Contains(m.Text, w.supplierOrg.ID) {
		t.Errorf("the email names the asker: %s", m.Text)
	}

	w.buyer.expect(http.StatusOK, "PUT", "/api/v1/organisations/"+w.buyerOrg.ID+"/tenders/"+tenderID+"/questions/"+q+"/answer",
		map[string]any{"answer": "Oui, deux fois par an."})
	mine := w.e.mail.WaitFor(t, askerFR, 1, 20*time.Second)[0]
	if mine.Subject != "Votre question sur « Nettoyage de l'hôtel de ville » a reçu une réponse — Passerelle" ||
		!strings.Contains(mine.Text, "Oui, deux fois par an.") || !strings.Contains(mine.Text, "posée par votre organisation") {
		t.Errorf("answer to the asker: %q\n%s", mine.Subject, mine.Text)
	}
	theirs := w.e.mail.WaitFor(t, followerNL, 1, 20*time.Second)[0]
	if theirs.Subject != "Nieuw antwoord bij de aanbesteding ‘Nettoyage de l'hôtel de ville’ — Passerelle" ||
		!strings.Contains(theirs.Text, "Les vitres sont-elles comprises ?") || !strings.Contains(theirs.Text, "Oui, deux fois par an.") {
		t.Errorf("answer to a follower: %q\n%s", theirs.Subject, theirs.Text)
	}
	for _, leak := range []string{"ESAT du Val", w.supplierOrg.ID, "uw organisatie stelde"} {
		if strings.Contains(theirs.Text+theirs.HTML, leak) {
			t.Errorf("the follower's email gives away the asker (%q): %s", leak, theirs.Text)
		}
	}

	// A corrected answer is told again, as an update.
	w.buyer.expect(http.StatusOK, "PUT", "/api/v1/organisations/"+w.buyerOrg.ID+"/tenders/"+tenderID+"/questions/"+q+"/answer",
		map[string]any{"answer": "Oui, trois fois par an."})
	if got := w.e.mail.WaitFor(t, askerFR, 2, 20*time.Second)[0]; !strings.Contains(got.Subject, "(modifiée)") ||
		!strings.Contains(got.Text, "trois fois") {
		t.Errorf("updated answer: %q", got.Subject)
	}
	w.e.mail.WaitFor(t, followerNL, 2, 20*time.Second)

	// The longest answer, in characters that JSON writes with six bytes
	// each, is still answered and told: the notification quotes its start.
	long := strings.Repeat("<é>", domain.MaxAnswerLength/3)
	w.buyer.expect(http.StatusOK, "PUT", "/api/v1/organisations/"+w.buyerOrg.ID+"/tenders/"+tenderID+"/questions/"+q+"/answer",
		map[string]any{"answer": long})
	if got := w.e.mail.WaitFor(t, askerFR, 3, 20*time.Second)[0]; !strings.Contains(got.Text, "<é><é>") || strings.Contains(got.Text, long) {
		t.Errorf("the long answer's email does not quote its start only:\n%.300s", got.Text)
	}
	w.e.mail.WaitFor(t, followerNL, 3, 20*time.Second)

	// In the app too, in each recipient's language.
	in := w.e.as(userByEmail(t, w.e, askerFR)).expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil)
	items := notificationItems(in)
	if len(items) != 3 || items[1]["category"] != "questions_answers" || items[1]["kind"] != "question_answered" ||
		items[1]["title"] != "Votre question sur « Nettoyage de l'hôtel de ville » a reçu une réponse" {
		t.Errorf("asker's notifications: %s", in.raw)
	}
	if got := w.e.mail.Messages(t, bystander); len(got) != 0 {
		t.Errorf("a supplier that does not follow the tender was told: %v", got[0].Subject)
	}
	if got := w.e.mail.Messages(t, buyerDE); len(got) != 1 {
		t.Errorf("the buyer is told of questions, not of its own answers: %d messages", len(got))
	}
}

func userByEmail(t *testing.T, e *env, addr string) string {
	t.Helper()
	var id string
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT id FROM users WHERE email = $1", addr).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestQuestionsInTheDailyDigest: a buyer's member who takes questions as
// a daily digest gets no email per question, then one digest in their
// language listing the day's questions; its one-click link, read from the
// email in Mailpit, shows without sign-in what it switches off and does
// it on POST; an altered link is refused and changes nothing.
func TestQuestionsInTheDailyDigest(t *testing.T) {
	w := newTenderWorld(t)
	tenderID, _ := w.publishedTender(time.Now().Add(10*24*time.Hour), nil)
	addr := w.notifiable(w.buyerOrg.ID, domain.LangDE)
	member := w.e.as(userByEmail(t, w.e, addr))
	member.expect(http.StatusOK, "PUT", "/api/v1/me/notification-preferences",
		map[string]any{"preferences": map[string]string{"questions_answers": "daily_digest"}})
	for _, q := range []string{"Sind die Fenster inbegriffen?", "Wie viele Stunden pro Woche?"} {
		w.supplier.expect(http.StatusCreated, "POST", "/api/v1/tenders/"+tenderID+"/questions", map[string]any{"question": q})
	}
	if n, err := w.e.notes.SendDigests(t.Context()); err != nil || n != 1 {
		t.Fatalf("SendDigests = %d, %v", n, err)
	}
	msgs := w.e.mail.WaitFor(t, addr, 1, 20*time.Second)
	if len(msgs) != 1 {
		t.Fatalf("%d emails, want the digest only", len(msgs))
	}
	digest := msgs[0]
	line := "Fragen und Antworten: Neue Frage zu Ihrer Ausschreibung „Reinigung des Rathauses“"
	if !strings.Contains(digest.Subject, "2 neue Benachrichtigungen") || strings.Count(digest.Text, line) != 2 {
		t.Errorf("German digest of two questions: %q\n%s", digest.Subject, digest.Text)
	}

	link := strings.Replace(strings.Trim(digest.Header("List-Unsubscribe"), "<>"), "http://localhost:8080", w.e.srv.URL, 1)
	token := mustURL(t, link).Query().Get("token")
	payload, mac, _ := strings.Cut(token, ".")
	other := w.e.notes.UnsubscribeToken(userByEmail(t, w.e, askerOf(w)), "daily_digest")
	otherPayload, _, _ := strings.Cut(other, ".")
	anon := w.e.client()
	for _, bad := range []string{otherPayload + "." + mac, payload + "." + mac[:len(mac)-3] + "abc", payload} {
		r := anon.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/unsubscribe?token="+bad, nil)
		if !strings.Contains(r.raw, `"location":"query.token"`) {
			t.Errorf("altered token %q: %s", bad, r.raw)
		}
	}
	prefs := func() string {
		return member.expect(http.StatusOK, "GET", "/api/v1/me/notification-preferences", nil).raw
	}
	if !strings.Contains(prefs(), `"category":"questions_answers","label":"Questions and answers","delivery":"daily_digest"`) {
		t.Fatalf("an altered link changed the preferences: %s", prefs())
	}
	r := anon.expect(http.StatusOK, "GET", "/api/v1/unsubscribe?token="+token, nil, "Accept-Language", "de")
	if r.body["digest"] != true || !strings.Contains(r.raw, "questions_answers") || r.body["done"] != false {
		t.Errorf("GET shows what the link switches off: %s", r.raw)
	}
	req, _ := http.NewRequest(http.MethodPost, link, strings.NewReader("List-Unsubscribe=One-Click"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(prefs(), `"category":"questions_answers","label":"Questions and answers","delivery":"off"`) {
		t.Errorf("one-click POST: %d, %s", resp.StatusCode, prefs())
	}
}

// askerOf adds a member to the world's supplier and returns the address.
func askerOf(w *tenderWorld) string { return w.notifiable(w.supplierOrg.ID, domain.LangFR) }
