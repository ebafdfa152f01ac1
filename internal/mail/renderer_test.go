package mail_test

import (
	"strings"
	"testing"

	"passerelle/internal/mail"
)

// sampleData returns data for kind in which every field is recognisable.
func sampleData(kind mail.Kind, name string) any {
	const link = "https://passerelle.example/t/AbC123?x=1&y=2"
	switch kind {
	case mail.KindVerifyEmail:
		return mail.VerifyEmailData{Name: name, Link: link}
	case mail.KindResetPassword:
		return mail.ResetPasswordData{Name: name, Link: link, ValidFor: 60}
	case mail.KindEmailChange:
		return mail.EmailChangeData{Name: name, Link: link}
	case mail.KindEmailChangedNotice:
		return mail.EmailChangedNoticeData{Name: name, NewEmail: "new-address@example.org"}
	case mail.KindInvitation:
		return mail.InvitationData{InviterName: name, OrganisationName: "Coopérative Les Ateliers", Link: link}
	case mail.KindSetPassword:
		return mail.SetPasswordData{Name: name, Link: link}
	case mail.KindAccountExists:
		return mail.AccountExistsData{Name: name, Link: link}
	case mail.KindListingDecision:
		return mail.ListingDecisionData{Name: name, OrganisationName: "Coopérative Les Ateliers", Title: "Nettoyage de bureaux",
			Decision: "request_changes", Reason: "Add the intervention area <b>please</b>", Link: link}
	case mail.KindTenderDecision:
		return mail.TenderDecisionData{Name: name, TenderTitle: "Nettoyage de l'hôtel de ville", Decision: "changes_requested",
			Reason: "Précisez le lieu.", Link: link}
	case mail.KindVerificationResult:
		return mail.VerificationResultData{Name: name, OrganisationName: "Coopérative Les Ateliers", StatusName: "ESAT",
			Decision: "rejected", ValidUntil: "31/12/2027", Reason: "The agreement <b>is</b> unreadable", Link: link}
	case mail.KindNotificationDigest:
		return mail.NotificationDigestData{Name: name, Link: link, Items: []mail.DigestItem{
			{Category: "Nouveaux besoins", Title: "Nettoyage de l'hôtel de ville", Link: "https://passerelle.example/tenders/1"},
			{Category: "Questions et réponses", Title: "Quel lieu ?", Link: "https://passerelle.example/tenders/2"}}}
	case mail.KindNewMatchingNeed:
		return mail.NewMatchingNeedData{Name: name, OrganisationName: "ESAT du Val", TenderTitle: "Nettoyage des bureaux municipaux",
			BuyerName: "Ville de Thionville", Deadline: "31/12/2027 à 12:00 UTC", Link: link, AnswerLink: "https://passerelle.example/organisations/1/needs",
			Lots: []mail.NeedLot{{Title: "Bureaux", Reasons: []string{"votre offre porte le code CPV 90910000-9 du lot"}}}, MoreLots: 3}
	case mail.KindTenderInterest:
		return mail.TenderInterestData{Name: name, TenderTitle: "Nettoyage de l'hôtel de ville", Count: 5, Link: link}
	case mail.KindQuestionAsked:
		return mail.QuestionAskedData{Name: name, TenderTitle: "Nettoyage de la mairie", Question: "Quel lieu <exactement> ?", Link: link}
	case mail.KindQuestionAnswered:
		return mail.QuestionAnsweredData{Name: name, TenderTitle: "Nettoyage de la mairie", Question: "Quel lieu ?",
			Answer: "La mairie <b>annexe</b>.", Yours: true, Link: link}
	case mail.KindResponsesReceived:
		return mail.ResponsesReceivedData{Name: name, TenderTitle: "Grünpflege", Total: 3, Link: link,
			Lots: []mail.LotResponses{{Position: 1, Title: "Park", Responses: 2}, {Position: 2, Title: "Friedhof", Responses: 1}}}
	case mail.KindStatusExpiring:
		return mail.StatusExpiringData{Name: name, OrganisationName: "Coopérative Les Ateliers", StatusName: "ESAT", ValidUntil: "31/12/2026", Link: link}
	case mail.KindDeadlineReminder:
		return mail.DeadlineReminderData{Name: name, TenderTitle: "Grünpflege", Deadline: "28.11.2026, 12:00 UTC", DaysLeft: 3, Link: link}
	case mail.KindOutcomeQuestion:
		return mail.OutcomeQuestionData{Name: name, TenderTitle: "Grünpflege", Deadline: "28.11.2026", Pending: 2, Link: link}
	case mail.KindSavedSearchAlert:
		return mail.SavedSearchAlertData{Name: name, SearchName: "Reinigung Büro", Count: 7, More: 5, Link: link, Items: []mail.SavedSearchAlertItem{
			{Title: "Nettoyage de bureaux", Kind: "offer", Organisation: "Les Tilleuls", Link: "https://passerelle.example/offers/1"},
			{Title: "Nettoyage des écoles", Kind: "tender", Link: "https://passerelle.example/tenders/2"}}}
	case mail.KindReportOutcome:
		return mail.ReportOutcomeData{Name: name, TargetName: "Nettoyage <b>express</b>", Outcome: "action_taken", Link: link}
	case mail.KindOrganisationStatus:
		return mail.OrganisationStatusData{Name: name, OrganisationName: "Coopérative Les Ateliers", Decision: "suspended",
			Reason: "Fraud <b>suspected</b>", Link: link}
	case mail.KindRegistrationConfirmed, mail.KindRegistrationReceipt, mail.KindRegistrationCancelled, mail.KindRefundSucceeded,
		mail.KindRefundFailed, mail.KindEventCancelled:
		return mail.EventEmailData{Name: name, EventName: "Rencontres de Metz", EventDate: "14/01/2027 14:00",
			Venue: "Metz", TypeName: "Entreprise conventionnelle", Fee: "90,00 EUR", Refund: "pending", Organisation: "Les <b>Tilleuls</b>", Link: link}
	case mail.KindMeetingRequestReceived, mail.KindMeetingRequestAccepted, mail.KindMeetingRequestDeclined, mail.KindMeetingRequestExpired:
		return mail.MeetingRequestData{Name: name, EventName: "Rencontres d’affaires", FromName: "Claire Weber", FromOrganisation: "ESAT du Saulnois",
			ToName: "Jürgen Maaß", ToOrganisation: "Gemeinde Saarhausen", Message: "Nettoyage <b>des</b> locaux", Priority: "must meet",
			Reason: "Déjà <i>fournisseur</i>", Link: link}
	case mail.KindAgendaSent:
		return mail.AgendaSentData{Name: name, EventName: "Rencontres d’affaires", Venue: "Metz", TimeZone: "Europe/Paris", Final: true, Version: 2,
			Meetings: []map[string]any{{"Time": "12/03/2027 09:00–09:20", "Table": 4, "Organisation": "Gemeinde <b>Saarhausen</b>",
				"Delegate": "Jürgen Maaß", "Country": "DE"}}, Link: link, ICSLink: link + "&ics"}
	case mail.KindOutcomeRequest:
		return mail.OutcomeRequestData{Name: name, EventName: "Rencontres d’affaires", Meetings: 3, Link: link}
	}
	panic("no sample data for " + kind)
}

func newRenderer(t *testing.T) *mail.Renderer {
	t.Helper()
	r, err := mail.NewRenderer()
	if err != nil {
		t.Fatalf("NewRenderer: %v", err)
	}
	return r
}

func TestRenderEveryKindInEveryLanguage(t *testing.T) {
	t.Parallel()
	r := newRenderer(t)
	for _, kind := range mail.Kinds() {
		subjects := map[string]string{}
		for _, lang := range mail.Languages() {
			subject, text, html, err := r.Render(kind, lang, sampleData(kind, "Zoé"))
			if err != nil {
				t.Errorf("%s/%s: %v", kind, lang, err)
				continue
			}
			if subject == "" || strings.ContainsAny(subject, "\r\n") || !strings.Contains(subject, "Passerelle") {
				t.Errorf("%s/%s: subject %q", kind, lang, subject)
			}
			for _, part := range []struct{ name, body string }{{"text", text}, {"html", html}} {
				if strings.Contains(part.body, "<no value>") || strings.Contains(part.body, "{{") {
					t.Errorf("%s/%s %s: unfilled template:\n%s", kind, lang, part.name, part.body)
				}
				if !strings.Contains(part.body, "Passerelle") || !strings.Contains(part.body, "Zoé") {
					t.Errorf("%s/%s %s: missing the product or the name:\n%s", kind, lang, part.name, part.body)
				}
			}
			if kind == mail.KindEmailChangedNotice {
				if !strings.Contains(text, "new-address@example.org") || !strings.Contains(html, "new-address@example.org") {
					t.Errorf("%s/%s: new address missing", kind, lang)
				}
			} else if !strings.Contains(text, "https://passerelle.example/t/AbC123?x=1&y=2") ||
				!strings.Contains(html, `href="https://passerelle.example/t/AbC123?x=1&amp;y=2"`) {
				t.Errorf("%s/%s: link missing from text or html:\n%s\n%s", kind, lang, text, html)
			}
			if !strings.Contains(html, `<html lang="`+lang+`"`) || !strings.Contains(html, "<title>"+subject+"</title>") {
				t.Errorf("%s/%s: html lacks lang or title", kind, lang)
			}
			if strings.Contains(html, "<img") {
				t.Errorf("%s/%s: html has images; it must read without them", kind, lang)
			}
			if !strings.Contains(text, "\n-- \n") {
				t.Errorf("%s/%s: text lacks the footer", kind, lang)
			}
			for other, s := range subjects {
				if s == subject {
					t.Errorf("%s: %s and %s share the subject %q", kind, other, lang, subject)
				}
			}
			subjects[lang] = subject
		}
	}
}

func TestRenderEscapesHTML(t *testing.T) {
	t.Parallel()
	r := newRenderer(t)
	const evil = `<script>alert("x")</script>`
	for _, kind := range mail.Kinds() {
		_, text, html, err := r.Render(kind, "fr", sampleData(kind, evil))
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if strings.Contains(html, "<script") || !strings.Contains(html, "&lt;script&gt;") {
			t.Errorf("%s: html does not escape data:\n%s", kind, html)
		}
		if !strings.Contains(text, evil) {
			t.Errorf("%s: text must keep data as it is:\n%s", kind, text)
		}
	}
	// A javascript: link must not survive into an href.
	_, _, html, err := r.Render(mail.KindVerifyEmail, "en", mail.VerifyEmailData{Name: "A", Link: "javascript:alert(1)"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html, `href="javascript:`) {
		t.Errorf("javascript: URL kept in href:\n%s", html)
	}
}

func TestRenderLanguageFallback(t *testing.T) {
	t.Parallel()
	r := newRenderer(t)
	data := sampleData(mail.KindVerifyEmail, "Ana")
	en, _, _, err := r.Render(mail.KindVerifyEmail, "en", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"es", "", "pt-BR", "klingon"} {
		got, _, html, err := r.Render(mail.KindVerifyEmail, lang, data)
		if err != nil || got != en || !strings.Contains(html, `lang="en"`) {
			t.Errorf("Render(%q) = %q, %v; want the English %q", lang, got, err, en)
		}
	}
	fr, _, _, _ := r.Render(mail.KindVerifyEmail, "fr", data)
	for _, lang := range []string{"fr-BE", "FR", "fr_LU"} {
		if got, _, _, err := r.Render(mail.KindVerifyEmail, lang, data); err != nil || got != fr {
			t.Errorf("Render(%q) = %q, %v; want the French %q", lang, got, err, fr)
		}
	}
}

func TestRenderValidity(t *testing.T) {
	t.Parallel()
	r := newRenderer(t)
	cases := []struct {
		lang    string
		minutes int
		want    string
	}{
		{"fr", 60, "valable une heure"},
		{"fr", 30, "valable 30 minutes"},
		{"fr", 120, "valable 2 heures"},
		{"de", 60, "ist eine Stunde gültig"},
		{"de", 15, "ist 15 Minuten gültig"},
		{"en", 60, "valid for one hour"},
		{"en", 180, "valid for 3 hours"},
		{"en", 90, "valid for 90 minutes"},
		{"nl", 60, "is één uur geldig"},
		{"nl", 45, "is 45 minuten geldig"},
	}
	for _, c := range cases {
		_, text, html, err := r.Render(mail.KindResetPassword, c.lang, mail.ResetPasswordData{Name: "A", Link: "https://p.example", ValidFor: c.minutes})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, c.want) || !strings.Contains(html, c.want) {
			t.Errorf("%s, %d minutes: want %q in:\n%s", c.lang, c.minutes, c.want, text)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	r := newRenderer(t)
	if _, _, _, err := r.Render("newsletter", "en", nil); err == nil {
		t.Error("unknown kind rendered")
	}
	if _, _, _, err := r.Render(mail.KindInvitation, "en", mail.VerifyEmailData{Name: "A", Link: "l"}); err == nil {
		t.Error("rendered with another kind's data")
	}
	if _, _, _, err := r.Render(mail.KindVerifyEmail, "en", map[string]any{"Name": "A"}); err == nil {
		t.Error("rendered with a missing key")
	}
	if _, _, _, err := r.Render(mail.KindVerifyEmail, "en", map[string]any{"Name": "A", "Link": "https://p.example"}); err != nil {
		t.Errorf("map data: %v", err)
	}
}

func TestRenderFoldsSubject(t *testing.T) {
	t.Parallel()
	subject, _, _, err := newRenderer(t).Render(mail.KindInvitation, "en",
		mail.InvitationData{InviterName: "Eve\r\nBcc: x@example.org", OrganisationName: "Coop", Link: "https://p.example"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(subject, "\r\n") {
		t.Errorf("subject spans lines: %q", subject)
	}
}

// Each decision of a listing reads differently, and the moderator's reason
// reaches the supplier, escaped in HTML.
func TestRenderListingDecisions(t *testing.T) {
	t.Parallel()
	r := newRenderer(t)
	for _, lang := range mail.Languages() {
		subjects := map[string]string{}
		for _, decision := range []string{"approve", "reject", "request_changes"} {
			data := mail.ListingDecisionData{Name: "Zoé", OrganisationName: "Les Ateliers", Title: "Nettoyage", Decision: decision,
				Reason: "Photos <missing>", Link: "https://passerelle.example/offers/1"}
			subject, text, html, err := r.Render(mail.KindListingDecision, lang, data)
			if err != nil {
				t.Fatalf("%s/%s: %v", lang, decision, err)
			}
			if !strings.Contains(subject, "Nettoyage") || !strings.Contains(text, "Photos <missing>") ||
				!strings.Contains(html, "Photos &lt;missing&gt;") {
				t.Errorf("%s/%s: title or reason missing:\n%s\n%s\n%s", lang, decision, subject, text, html)
			}
			for other, s := range subjects {
				if s == subject {
					t.Errorf("%s: %s and %s share the subject %q", lang, other, decision, s)
				}
			}
			subjects[decision] = subject
		}
		_, text, _, err := r.Render(mail.KindListingDecision, lang, mail.ListingDecisionData{Name: "Zoé", Title: "T", Decision: "approve", Link: "l"})
		if err != nil || strings.Contains(text, "\n\n\n\n") {
			t.Errorf("%s: approval without a reason: %v\n%s", lang, err, text)
		}
	}
}

// TestRenderNotificationAddsUnsubscribe checks that every kind, in every
// language, can carry the unsubscribe sentence and link in both bodies,
// and that a notification without them is refused rather than sent
// without a way out.
func TestRenderNotificationAddsUnsubscribe(t *testing.T) {
	t.Parallel()
	r := newRenderer(t)
	const link = "https://passerelle.example/api/v1/unsubscribe?token=a.b&x=1"
	for _, kind := range mail.Kinds() {
		for _, lang := range mail.Languages() {
			_, text, html, err := r.RenderNotification(kind, lang, sampleData(kind, "Zoé"), mail.Unsubscribe{Link: link, Category: "Catégorie <b>"})
			if err != nil {
				t.Fatalf("%s/%s: %v", kind, lang, err)
			}
			if !strings.Contains(text, link) || !strings.Contains(text, "Catégorie <b>") {
				t.Errorf("%s/%s: text lacks the unsubscribe link or category:\n%s", kind, lang, text)
			}
			if !strings.Contains(html, `href="https://passerelle.example/api/v1/unsubscribe?token=a.b&amp;x=1"`) || !strings.Contains(html, "Catégorie &lt;b&gt;") {
				t.Errorf("%s/%s: html lacks the unsubscribe link or escaped category:\n%s", kind, lang, html)
			}
			_, plain, _, err := r.Render(kind, lang, sampleData(kind, "Zoé"))
			if err != nil || strings.Contains(plain, "unsubscribe?token") {
				t.Errorf("%s/%s: a plain message must not carry an unsubscribe link: %v", kind, lang, err)
			}
		}
	}
	if _, _, _, err := r.RenderNotification(mail.KindListingDecision, "en", sampleData(mail.KindListingDecision, "Zoé"), mail.Unsubscribe{}); err == nil {
		t.Error("a notification without an unsubscribe link was rendered")
	}
}
