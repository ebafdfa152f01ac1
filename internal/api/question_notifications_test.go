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
		!strings.Contains(m.Text, "Les vitres sont-elles comprises ?") || !strings.Contains(m.Text, "http://localhost:8080/tenders/"+tenderID+"/questions") {
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

	// In the app too, in each recipient's language.
	in := w.e.as(userByEmail(t, w.e, askerFR)).expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil)
	items := notificationItems(in)
	if len(items) != 2 || items[1]["category"] != "questions_answers" || items[1]["kind"] != "question_answered" ||
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
