package api

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store/storetest"
)

// notified is a supplier whose owner signs in, to receive the decisions on
// its offers as notifications.
type notified struct {
	orgID, email string
	owner        *client
}

func (e *env) notifiedSupplier(lang domain.Language) notified {
	e.t.Helper()
	org := e.db.Organisation(e.t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "FR"})
	e.db.CPVCodes(e.t, "90911200-8", "90919200-4")
	owner := e.db.User(e.t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleOwner, EmailVerified: true,
		Email: mailtest.UniqueAddress(e.t), Language: lang, DisplayName: "Zoé Owner"})
	e.verifiedStatus(org.ID, time.Now().AddDate(1, 0, 0))
	return notified{orgID: org.ID, email: owner.Email, owner: e.as(owner.ID)}
}

// decide creates, submits and has mod decide on an offer of s.
func (s notified) decide(mod *client, decision string) string {
	s.owner.e.t.Helper()
	id := s.owner.createOffer(s.orgID, offerInput())
	s.owner.expect(http.StatusOK, "POST", "/api/v1/offers/"+id+"/submit", nil)
	body := map[string]any{"decision": decision}
	if decision != "approve" {
		body["reason"] = "Précisez la zone d’intervention."
	}
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/offers/"+id+"/decision", body)
	return id
}

func notificationItems(r response) []map[string]any {
	var out []map[string]any
	items, _ := r.body["items"].([]any)
	for _, it := range items {
		out = append(out, it.(map[string]any))
	}
	return out
}

// TestNotificationDeliveries follows one owner through the three
// deliveries of listing decisions: immediately (the default: an email with
// the RFC 8058 headers and an in-app notification), daily digest (no email
// until the digest, which goes out once a day), and off (in-app only).
func TestNotificationDeliveries(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.notifiedSupplier(domain.LangFR)
	mod, _ := e.moderatorClient()
	ctx := t.Context()

	// Immediately, by default.
	first := s.decide(mod, "approve")
	msgs := e.mail.WaitFor(t, s.email, 1, 20*time.Second)
	m := msgs[0]
	if !strings.Contains(m.Subject, "Votre offre « Nettoyage de bureaux en Moselle » est publiée") ||
		!strings.Contains(m.Text, "http://localhost:8080/workspace/supplier/offers/"+first) {
		t.Errorf("the decision email lost its content: %q\n%s", m.Subject, m.Text)
	}
	unsub := m.Header("List-Unsubscribe")
	if !strings.HasPrefix(unsub, "<http://localhost:8080/api/v1/unsubscribe?token=") || !strings.HasSuffix(unsub, ">") ||
		m.Header("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Fatalf("RFC 8058 headers: %q %q", unsub, m.Header("List-Unsubscribe-Post"))
	}
	link := strings.Trim(unsub, "<>")
	if !strings.Contains(m.Text, link) || !strings.Contains(m.Text, "Décisions de modération sur vos publications") ||
		!strings.Contains(m.HTML, strings.ReplaceAll(link, "&", "&amp;")) {
		t.Errorf("the bodies lack the unsubscribe link or the category:\n%s", m.Text)
	}
	r := s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil)
	items := notificationItems(r)
	if len(items) != 1 || items[0]["category"] != "listing_decisions" || items[0]["kind"] != "listing_decision" ||
		items[0]["title"] != "Votre offre « Nettoyage de bureaux en Moselle » est publiée" || items[0]["email_state"] != "sent" ||
		items[0]["read_at"] != nil || items[0]["link"] != "http://localhost:8080/workspace/supplier/offers/"+first {
		t.Fatalf("in-app notification: %s", r.raw)
	}
	if r := s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications/unread-count", nil); r.body["unread"] != float64(1) {
		t.Errorf("unread count: %s", r.raw)
	}

	// Bad preferences are refused whole, naming each wrong field.
	r = s.owner.expect(http.StatusUnprocessableEntity, "PUT", "/api/v1/me/notification-preferences",
		map[string]any{"preferences": map[string]string{"nope": "off", "listing_decisions": "sometimes", "questions_answers": "off"}})
	if !strings.Contains(r.raw, `"location":"body.preferences.nope"`) || !strings.Contains(r.raw, `"location":"body.preferences.listing_decisions"`) {
		t.Errorf("422 does not name both fields: %s", r.raw)
	}
	r = s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notification-preferences", nil, "Accept-Language", "de")
	if !strings.Contains(r.raw, `{"category":"questions_answers","label":"Fragen und Antworten","delivery":"immediately","default":true}`) ||
		!strings.Contains(r.raw, `"category":"new_matching_need","label":"Neue Bedarfe passend zu Ihren Angeboten","delivery":"daily_digest","default":true`) {
		t.Errorf("a refused change was written, or defaults are wrong: %s", r.raw)
	}

	// Daily digest: nothing until the digest, then one email, once a day.
	r = s.owner.expect(http.StatusOK, "PUT", "/api/v1/me/notification-preferences",
		map[string]any{"preferences": map[string]string{"listing_decisions": "daily_digest"}})
	if !strings.Contains(r.raw, `"category":"listing_decisions","label":"Moderation decisions on your listings","delivery":"daily_digest","default":false`) {
		t.Errorf("preference not recorded: %s", r.raw)
	}
	s.decide(mod, "reject")
	s.decide(mod, "approve")
	items = notificationItems(s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))
	if len(items) != 3 || items[0]["email_state"] != "digest_pending" || items[1]["email_state"] != "digest_pending" {
		t.Fatalf("digest notifications: %v", items)
	}
	if n, err := e.notes.SendDigests(ctx); err != nil || n != 1 {
		t.Fatalf("SendDigests = %d, %v; want one digest", n, err)
	}
	msgs = e.mail.WaitFor(t, s.email, 2, 20*time.Second)
	digest := msgs[0]
	if msgs[1].MessageID != m.MessageID {
		digest = msgs[1]
	}
	if !strings.Contains(digest.Subject, "2 nouvelles notifications") || !strings.Contains(digest.Text, "n’a pas été acceptée") ||
		!strings.Contains(digest.Text, "Décisions de modération sur vos publications : Votre offre") ||
		digest.Header("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" || !strings.Contains(digest.HTML, "<ul>") {
		t.Errorf("digest: %q\n%s", digest.Subject, digest.Text)
	}
	// The same day: nothing more, even with a new notification pending,
	// which waits for tomorrow's digest.
	if n, err := e.notes.SendDigests(ctx); err != nil || n != 0 {
		t.Errorf("second SendDigests = %d, %v; want none", n, err)
	}
	s.decide(mod, "approve")
	if n, err := e.notes.SendDigests(ctx); err != nil || n != 0 {
		t.Errorf("a second digest the same day: %d, %v", n, err)
	}
	items = notificationItems(s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))
	if items[0]["email_state"] != "digest_pending" || items[1]["email_state"] != "digested" || items[2]["email_state"] != "digested" {
		t.Errorf("email states after the digest: %v", items)
	}
	time.Sleep(time.Second) // let any wrongly queued email arrive
	if got := e.mail.Messages(t, s.email); len(got) != 2 {
		t.Errorf("%d emails, want the immediate one and one digest", len(got))
	}

	// Off, through the email's one-click link, without sign-in.
	anon := e.client()
	u, _ := url.Parse(link)
	token := u.Query().Get("token")
	forged := e.notes.UnsubscribeToken(s.owner.expect(http.StatusOK, "GET", "/api/v1/me", nil).body["id"].(string), "questions_answers")
	forged = token[:strings.IndexByte(token, '.')] + forged[strings.IndexByte(forged, '.'):] // right payload, another's signature
	altered := token[:len(token)-2] + "AA"
	if altered == token { // the signature happened to end so (1 run in 4096)
		altered = token[:len(token)-2] + "BB"
	}
	for _, bad := range []string{forged, altered, "x" + token, "garbage", strings.Replace(token, ".", "", 1)} {
		r := anon.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/unsubscribe?token="+url.QueryEscape(bad), nil)
		if !strings.Contains(r.raw, `"location":"query.token"`) {
			t.Errorf("forged token %q: %s", bad, r.raw)
		}
	}
	r = anon.expect(http.StatusOK, "GET", "/api/v1/unsubscribe?token="+url.QueryEscape(token), nil, "Accept-Language", "fr")
	if r.body["label"] != "Décisions de modération sur vos publications" || r.body["done"] != false ||
		fmt.Sprint(r.body["categories"]) != "[listing_decisions]" {
		t.Errorf("GET unsubscribe: %s", r.raw)
	}
	if !strings.Contains(s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notification-preferences", nil).raw, `"category":"listing_decisions","label":"Moderation decisions on your listings","delivery":"daily_digest"`) {
		t.Error("GET unsubscribe changed the preference")
	}
	// A mail provider's one-click POST: form body, no cookie, no Origin.
	link = strings.Replace(link, "http://localhost:8080", e.srv.URL, 1) // the test server stands for the public URL
	req, _ := http.NewRequest(http.MethodPost, link, strings.NewReader("List-Unsubscribe=One-Click"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("one-click POST: %d", resp.StatusCode)
	}
	if !strings.Contains(s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notification-preferences", nil).raw, `"category":"listing_decisions","label":"Moderation decisions on your listings","delivery":"off"`) {
		t.Error("one-click unsubscribe did not switch the category off")
	}
	s.decide(mod, "approve")
	items = notificationItems(s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))
	if len(items) != 5 || items[0]["email_state"] != "none" {
		t.Errorf("off: the in-app notification must still be written, without email: %v", items)
	}
}

// TestNotificationsReadAndPages covers the in-app list: pages, the unread
// filter, marking read, and that another user's notification is 404.
func TestNotificationsReadAndPages(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.notifiedSupplier(domain.LangEN)
	mod, _ := e.moderatorClient()
	s.owner.expect(http.StatusOK, "PUT", "/api/v1/me/notification-preferences",
		map[string]any{"preferences": map[string]string{"listing_decisions": "off"}})
	for range 3 {
		s.decide(mod, "approve")
	}
	r := s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications?limit=2", nil)
	page1 := notificationItems(r)
	next, _ := r.body["next_cursor"].(string)
	if len(page1) != 2 || next == "" || page1[0]["title"] != "Your offer “Nettoyage de bureaux en Moselle” is published" {
		t.Fatalf("first page: %s", r.raw)
	}
	r = s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications?limit=2&cursor="+next, nil)
	page2 := notificationItems(r)
	if len(page2) != 1 || r.body["next_cursor"] != "" || page2[0]["id"] == page1[1]["id"] {
		t.Fatalf("second page: %s", r.raw)
	}
	s.owner.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/me/notifications?cursor=nope", nil)
	s.owner.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/me/notifications?limit=101", nil)

	oldest := page2[0]["id"].(string)
	other := e.notifiedSupplier(domain.LangEN)
	other.owner.expect(http.StatusNotFound, "POST", "/api/v1/me/notifications/"+oldest+"/read", nil)
	other.owner.expect(http.StatusNotFound, "POST", "/api/v1/me/notifications/not-an-id/read", nil)
	r = s.owner.expect(http.StatusOK, "POST", "/api/v1/me/notifications/"+oldest+"/read", nil)
	readAt := r.body["read_at"]
	if readAt == nil {
		t.Fatalf("not marked read: %s", r.raw)
	}
	if r := s.owner.expect(http.StatusOK, "POST", "/api/v1/me/notifications/"+oldest+"/read", nil); r.body["read_at"] != readAt {
		t.Errorf("marking again moved read_at: %v → %v", readAt, r.body["read_at"])
	}
	if ids := itemIDs(s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications?unread=true", nil)); len(ids) != 2 {
		t.Errorf("unread filter: %v", ids)
	}
	if r := s.owner.expect(http.StatusOK, "POST", "/api/v1/me/notifications/read-all", nil); r.body["marked"] != float64(2) {
		t.Errorf("read-all: %s", r.raw)
	}
	if r := s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications/unread-count", nil); r.body["unread"] != float64(0) {
		t.Errorf("unread after read-all: %s", r.raw)
	}
	if ids := itemIDs(other.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil)); len(ids) != 0 {
		t.Errorf("another user sees notifications: %v", ids)
	}
}

// TestDigestOffAndDigestUnsubscribe: notifications waiting for a digest
// of a category switched off since are not emailed, and a digest's
// one-click link switches off every category delivered as a digest.
func TestDigestOffAndDigestUnsubscribe(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.notifiedSupplier(domain.LangNL)
	mod, _ := e.moderatorClient()
	ctx := t.Context()
	setDelivery := func(d string) {
		s.owner.expect(http.StatusOK, "PUT", "/api/v1/me/notification-preferences",
			map[string]any{"preferences": map[string]string{"listing_decisions": d}})
	}
	setDelivery("daily_digest")
	s.decide(mod, "approve")
	setDelivery("off")
	if n, err := e.notes.SendDigests(ctx); err != nil || n != 0 {
		t.Fatalf("SendDigests = %d, %v; want none for a category switched off", n, err)
	}
	items := notificationItems(s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))
	if len(items) != 1 || items[0]["email_state"] != "none" {
		t.Errorf("dropped from the digest: %v", items)
	}

	setDelivery("daily_digest")
	s.decide(mod, "request_changes")
	if n, err := e.notes.SendDigests(ctx); err != nil || n != 1 {
		t.Fatalf("SendDigests = %d, %v", n, err)
	}
	digest := e.mail.WaitFor(t, s.email, 1, 20*time.Second)[0]
	if !strings.Contains(digest.Subject, "1 nieuwe melding") || !strings.Contains(digest.Text, "Wijzigingen gevraagd aan uw aanbod") {
		t.Errorf("Dutch digest: %q\n%s", digest.Subject, digest.Text)
	}
	link := strings.Replace(strings.Trim(digest.Header("List-Unsubscribe"), "<>"), "http://localhost:8080", e.srv.URL, 1)
	u, _ := url.Parse(link)
	r := e.client().expect(http.StatusOK, "POST", "/api/v1/unsubscribe?"+u.RawQuery, nil)
	if r.body["digest"] != true || fmt.Sprint(r.body["categories"]) != "[new_matching_need listing_decisions saved_search_alerts]" || r.body["label"] != "Daily summary" {
		t.Errorf("digest unsubscribe: %s", r.raw)
	}
	prefs := s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notification-preferences", nil).raw
	if !strings.Contains(prefs, `"category":"new_matching_need","label":"New needs matching your offers","delivery":"off"`) ||
		!strings.Contains(prefs, `"category":"listing_decisions","label":"Moderation decisions on your listings","delivery":"off"`) ||
		!strings.Contains(prefs, `"category":"questions_answers","label":"Questions and answers","delivery":"immediately"`) ||
		!strings.Contains(prefs, `"category":"saved_search_alerts","label":"New listings for your saved searches","delivery":"off"`) {
		t.Errorf("after the digest's unsubscribe: %s", prefs)
	}
}
