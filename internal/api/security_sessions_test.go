package api

import (
	"net/http"
	"testing"

	"passerelle/internal/core"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store/storetest"
)

// Session fixation: whatever cookie a victim's browser held before the
// login (a value an attacker chose, or the attacker's own session
// planted in it), the login issues a new session, and the old value never
// acts as the victim.
func TestPreLoginCookieIsNotValidAfterLogin(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	victim := mailtest.UniqueAddress(t)
	e.signedUpUser(victim)
	attackerID := e.db.User(t, storetest.UserOptions{EmailVerified: true}).ID
	attackerToken := uniqueToken()
	e.db.Session(t, storetest.SessionOptions{UserID: attackerID, Token: attackerToken})

	for name, planted := range map[string]string{"a chosen value": "attacker-chosen-session-value", "the attacker's session": attackerToken} {
		t.Run(name, func(t *testing.T) {
			browser := e.client()
			browser.http.Jar.SetCookies(mustURL(t, e.srv.URL), []*http.Cookie{{Name: insecureCookieName, Value: planted}})
			browser.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": victim, "password": goodPassword})
			if got := sessionCookie(t, browser); got == planted || got == "" {
				t.Fatalf("the login kept the planted session %q", got)
			}
			if me := browser.expect(http.StatusOK, "GET", "/api/v1/me", nil); me.body["email"] != victim {
				t.Fatalf("the new session is not the victim's: %s", me.raw)
			}
			attacker := e.client()
			attacker.http.Jar.SetCookies(mustURL(t, e.srv.URL), []*http.Cookie{{Name: insecureCookieName, Value: planted}})
			if r := attacker.do("GET", "/api/v1/me", nil); r.status == http.StatusOK && r.body["email"] == victim {
				t.Fatalf("the planted cookie acts as the victim after the login: %s", r.raw)
			}
		})
	}
}

// The login answers the same for an unknown email, a wrong password and
// an account without a password yet (invited): same status, same
// message, same fields, so that it does not tell who has an account.
func TestLoginAnswersTheSameForUnknownEmails(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	known := mailtest.UniqueAddress(t)
	e.signedUpUser(known)
	invited := e.db.User(t, storetest.UserOptions{EmailVerified: true})
	e.sql(`UPDATE users SET password_hash = NULL WHERE id = $1`, invited.ID)
	c := e.client()
	answers := map[string]response{
		"wrong password": c.do("POST", "/api/v1/auth/login", map[string]any{"email": known, "password": "not-the-password-42"}),
		"unknown email":  c.do("POST", "/api/v1/auth/login", map[string]any{"email": "nobody-" + known, "password": "not-the-password-42"}),
		"no password":    c.do("POST", "/api/v1/auth/login", map[string]any{"email": invited.Email, "password": "not-the-password-42"}),
	}
	ref := answers["wrong password"]
	if ref.status != http.StatusUnauthorized {
		t.Fatalf("wrong password: %d %s", ref.status, ref.raw)
	}
	for name, r := range answers {
		if r.status != ref.status || problemText(r) != problemText(ref) || r.body["title"] != ref.body["title"] || r.body["type"] != ref.body["type"] {
			t.Errorf("%s: %d %q, wrong password: %d %q", name, r.status, problemText(r), ref.status, problemText(ref))
		}
		if r.header.Get("Set-Cookie") != "" {
			t.Errorf("%s: a cookie was set", name)
		}
	}
}
