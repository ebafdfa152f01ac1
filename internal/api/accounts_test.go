package api

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/mail/mailtest"
)

func TestSignUpVerifyLoginLogout(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	addr := mailtest.UniqueAddress(t)
	c := e.client()
	c.expect(http.StatusAccepted, "POST", "/api/v1/auth/signup", map[string]any{"email": addr, "password": goodPassword, "display_name": "Anne Muller", "language": "fr"})
	token, msg := e.tokenFrom(addr, 1, "")
	if !strings.Contains(msg.Subject, "Passerelle") || !strings.Contains(msg.Text, "http://localhost:8080/verify-email#token=") {
		t.Fatalf("unexpected verification email %q:\n%s", msg.Subject, msg.Text)
	}
	if !strings.Contains(msg.Subject, "adresse") { // the user chose French
		t.Errorf("verification email not in French: %q", msg.Subject)
	}
	// Not verified yet: no login.
	r := c.expect(http.StatusForbidden, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": goodPassword})
	if !strings.Contains(r.raw, "Verify your email") {
		t.Errorf("unclear refusal: %s", r.raw)
	}
	c.expect(http.StatusOK, "POST", "/api/v1/auth/verify-email", map[string]any{"token": token})
	r = c.expect(http.StatusGone, "POST", "/api/v1/auth/verify-email", map[string]any{"token": token})
	if !strings.Contains(r.raw, "already been used") {
		t.Errorf("reused token: %s", r.raw)
	}
	c.expect(http.StatusNotFound, "POST", "/api/v1/auth/verify-email", map[string]any{"token": "made-up-token"})

	c.expect(http.StatusUnauthorized, "GET", "/api/v1/me", nil)
	r = c.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": strings.ToUpper(addr), "password": goodPassword})
	ck := r.header.Get("Set-Cookie")
	for _, want := range []string{"passerelle_session=", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(ck, want) {
			t.Errorf("session cookie %q lacks %s", ck, want)
		}
	}
	me := c.expect(http.StatusOK, "GET", "/api/v1/me", nil)
	if me.body["email"] != addr || me.body["language"] != "fr" || me.body["email_verified"] != true {
		t.Fatalf("me: %s", me.raw)
	}
	c.expect(http.StatusOK, "PATCH", "/api/v1/me", map[string]any{"language": "de", "display_name": "Anne M."})
	if me := c.expect(http.StatusOK, "GET", "/api/v1/me", nil); me.body["language"] != "de" || me.body["display_name"] != "Anne M." {
		t.Fatalf("profile not updated: %s", me.raw)
	}
	c.expect(http.StatusUnprocessableEntity, "PATCH", "/api/v1/me", map[string]any{"language": "it"})
	c.expect(http.StatusNoContent, "POST", "/api/v1/auth/logout", nil)
	c.expect(http.StatusUnauthorized, "GET", "/api/v1/me", nil)

	var n int
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM audit_log WHERE action IN ('user.signed_up','user.email_verified','user.logged_in','user.logged_out')").Scan(&n); err != nil || n != 4 {
		t.Fatalf("audit entries: %d, %v", n, err)
	}
}

func TestLoginRotatesSession(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	addr := mailtest.UniqueAddress(t)
	c := e.signedUpUser(addr)
	first := sessionCookie(t, c)
	c.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": goodPassword})
	second := sessionCookie(t, c)
	if first == second {
		t.Fatal("login must issue a new session token")
	}
	// The old token no longer works.
	old := e.client()
	old.http.Jar.SetCookies(mustURL(t, e.srv.URL), []*http.Cookie{{Name: insecureCookieName, Value: first}})
	old.expect(http.StatusUnauthorized, "GET", "/api/v1/me", nil)
}

func TestSignUpValidationAndEnumeration(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()
	r := c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/auth/signup", map[string]any{"email": "not-an-email", "password": "password12345678", "display_name": "X"})
	if !strings.Contains(r.raw, "email") || !strings.Contains(r.raw, "password") {
		t.Errorf("want field errors for email and password: %s", r.raw)
	}
	c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/auth/signup", map[string]any{"email": "a@b.test", "password": "short", "display_name": "X"})

	addr := mailtest.UniqueAddress(t)
	e.signedUpUser(addr)
	fresh := mailtest.UniqueAddress(t)
	known := c.expect(http.StatusAccepted, "POST", "/api/v1/auth/signup", map[string]any{"email": addr, "password": goodPassword, "display_name": "Other"})
	unknown := c.expect(http.StatusAccepted, "POST", "/api/v1/auth/signup", map[string]any{"email": fresh, "password": goodPassword, "display_name": "Other"})
	if known.raw != unknown.raw {
		t.Fatalf("sign-up reveals known emails:\n%s\n%s", known.raw, unknown.raw)
	}
	msgs := e.mail.WaitFor(t, addr, 2, 20*time.Second) // verification + "account exists"
	if !strings.Contains(msgs[0].Subject+msgs[1].Subject, "tentative") && !strings.Contains(msgs[0].Subject+msgs[1].Subject, "Tentative") {
		t.Errorf("the owner was not told (in French) of the attempt: %q / %q", msgs[0].Subject, msgs[1].Subject)
	}
	// Reset answers the same for known and unknown emails too.
	a := c.expect(http.StatusAccepted, "POST", "/api/v1/auth/password-reset", map[string]any{"email": addr})
	b := c.expect(http.StatusAccepted, "POST", "/api/v1/auth/password-reset", map[string]any{"email": "nobody-" + fresh})
	if a.raw != b.raw {
		t.Fatalf("reset reveals known emails:\n%s\n%s", a.raw, b.raw)
	}
}

func TestWrongPasswordsLockOut(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	addr := mailtest.UniqueAddress(t)
	e.signedUpUser(addr)
	c := e.client()
	for i := 0; i < 5; i++ {
		r := c.expect(http.StatusUnauthorized, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": "wrong password " + strconv.Itoa(i)})
		if !strings.Contains(r.raw, "Wrong email or password") {
			t.Fatalf("attempt %d: %s", i, r.raw)
		}
	}
	// Unknown email: the same answer.
	u := c.expect(http.StatusUnauthorized, "POST", "/api/v1/auth/login", map[string]any{"email": "nobody@example.test", "password": "whatever12345"})
	if !strings.Contains(u.raw, "Wrong email or password") {
		t.Fatalf("unknown email: %s", u.raw)
	}
	// Locked out: even the right password waits.
	r := c.expect(http.StatusTooManyRequests, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": goodPassword})
	retry, err := strconv.Atoi(r.header.Get("Retry-After"))
	if err != nil || retry <= 0 || retry > 15*60 {
		t.Fatalf("Retry-After %q", r.header.Get("Retry-After"))
	}
	if r.header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("429 must be problem+json, got %s", r.header.Get("Content-Type"))
	}
	// After the window, the right password works again.
	e.clock.advance(16 * time.Minute)
	c.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": goodPassword})
	var failures int
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM audit_log WHERE action = 'user.login_failed'").Scan(&failures); err != nil || failures != 6 {
		t.Fatalf("login failures audited: %d, %v", failures, err)
	}
}

func TestSignUpRateLimitPerIP(t *testing.T) {
	e := newEnv(t, core.RateLimits{LoginPerAccount: 5, LoginPerIP: 100, SignUpPerIP: 2, ResetPerIP: 2})
	c := e.client()
	for i := 0; i < 2; i++ {
		c.expect(http.StatusAccepted, "POST", "/api/v1/auth/signup", map[string]any{"email": mailtest.UniqueAddress(t), "password": goodPassword, "display_name": "X"})
		c.expect(http.StatusAccepted, "POST", "/api/v1/auth/password-reset", map[string]any{"email": mailtest.UniqueAddress(t)})
	}
	r := c.expect(http.StatusTooManyRequests, "POST", "/api/v1/auth/signup", map[string]any{"email": mailtest.UniqueAddress(t), "password": goodPassword, "display_name": "X"})
	if r.header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	c.expect(http.StatusTooManyRequests, "POST", "/api/v1/auth/password-reset", map[string]any{"email": mailtest.UniqueAddress(t)})
}

func TestPasswordReset(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	addr := mailtest.UniqueAddress(t)
	signedIn := e.signedUpUser(addr)
	c := e.client()
	c.expect(http.StatusAccepted, "POST", "/api/v1/auth/password-reset", map[string]any{"email": addr})
	token, msg := e.tokenFrom(addr, 2, "")
	if !strings.Contains(msg.Text, "/reset-password#token=") || !strings.Contains(msg.Text, "une heure") {
		t.Fatalf("reset email:\n%s", msg.Text)
	}
	r := c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/auth/password-reset/confirm", map[string]any{"token": token, "password": "password1234"})
	if !strings.Contains(r.raw, "password_common") {
		t.Errorf("common password: %s", r.raw)
	}
	const next = "Mirabelles-de-Lorraine-1926"
	c.expect(http.StatusNoContent, "POST", "/api/v1/auth/password-reset/confirm", map[string]any{"token": token, "password": next})
	c.expect(http.StatusGone, "POST", "/api/v1/auth/password-reset/confirm", map[string]any{"token": token, "password": next + "x"})
	// Every session ended; the old password is gone.
	signedIn.expect(http.StatusUnauthorized, "GET", "/api/v1/me", nil)
	c.expect(http.StatusUnauthorized, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": goodPassword})
	c.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": next})

	// An expired link: one hour and one minute later.
	c.expect(http.StatusAccepted, "POST", "/api/v1/auth/password-reset", map[string]any{"email": addr})
	e.mail.WaitFor(t, addr, 3, 20*time.Second)
	e.clock.advance(61 * time.Minute)
	r = c.expect(http.StatusGone, "POST", "/api/v1/auth/password-reset/confirm", map[string]any{"token": latestToken(t, e, addr), "password": "Quetsches-et-Mirabelles-77"})
	if !strings.Contains(r.raw, "expired") {
		t.Errorf("expired token: %s", r.raw)
	}
}

// latestToken returns the token of the newest email to addr.
func latestToken(t *testing.T, e *env, addr string) string {
	t.Helper()
	msgs := e.mail.Messages(t, addr)
	if len(msgs) == 0 {
		t.Fatal("no email")
	}
	m := tokenInLink.FindStringSubmatch(msgs[0].Text)
	if m == nil {
		t.Fatalf("no token in %s", msgs[0].Text)
	}
	return m[1]
}

func TestChangePasswordRotatesAndEndsOtherSessions(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	addr := mailtest.UniqueAddress(t)
	c := e.signedUpUser(addr)
	other := e.client()
	other.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": addr, "password": goodPassword})
	before := sessionCookie(t, c)
	c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/me/password", map[string]any{"current_password": "wrong", "new_password": "Mirabelles-de-Lorraine-1926"})
	c.expect(http.StatusOK, "POST", "/api/v1/me/password", map[string]any{"current_password": goodPassword, "new_password": "Mirabelles-de-Lorraine-1926"})
	if sessionCookie(t, c) == before {
		t.Fatal("the session must rotate on password change")
	}
	c.expect(http.StatusOK, "GET", "/api/v1/me", nil)
	other.expect(http.StatusUnauthorized, "GET", "/api/v1/me", nil)
}

func TestChangeEmail(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	addr := mailtest.UniqueAddress(t)
	c := e.signedUpUser(addr)
	next := mailtest.UniqueAddress(t)
	c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/me/email", map[string]any{"current_password": "nope", "new_email": next})
	c.expect(http.StatusAccepted, "POST", "/api/v1/me/email", map[string]any{"current_password": goodPassword, "new_email": next})
	token, _ := e.tokenFrom(next, 1, "")
	// Until confirmed, the old address stays.
	if me := c.expect(http.StatusOK, "GET", "/api/v1/me", nil); me.body["email"] != addr {
		t.Fatalf("email changed before confirmation: %s", me.raw)
	}
	c.expect(http.StatusOK, "POST", "/api/v1/auth/confirm-email-change", map[string]any{"token": token})
	if me := c.expect(http.StatusOK, "GET", "/api/v1/me", nil); me.body["email"] != next {
		t.Fatalf("email not changed: %s", me.raw)
	}
	notice := e.mail.WaitFor(t, addr, 2, 20*time.Second)
	if !strings.Contains(notice[0].Text+notice[1].Text, next) {
		t.Error("the old address was not told of the change")
	}
	c.expect(http.StatusGone, "POST", "/api/v1/auth/confirm-email-change", map[string]any{"token": token})
	e.client().expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": next, "password": goodPassword})
}

func TestCrossOriginPostRefused(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()
	r := c.expect(http.StatusForbidden, "POST", "/api/v1/auth/login", map[string]any{"email": "a@b.test", "password": "x"},
		"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	if r.header.Get("Content-Type") != "application/problem+json" || !strings.Contains(r.raw, "Cross-origin") {
		t.Fatalf("got %s %s", r.header.Get("Content-Type"), r.raw)
	}
	c.expect(http.StatusForbidden, "POST", "/api/v1/auth/signup", map[string]any{}, "Origin", "https://evil.example")
	// Same-origin browser requests and GETs pass.
	c.expect(http.StatusUnauthorized, "POST", "/api/v1/auth/login", map[string]any{"email": "a@b.test", "password": "x"}, "Sec-Fetch-Site", "same-origin")
	c.expect(http.StatusOK, "GET", "/healthz", nil, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
}

func sessionCookie(t *testing.T, c *client) string {
	t.Helper()
	for _, ck := range c.http.Jar.Cookies(mustURL(t, c.e.srv.URL)) {
		if ck.Name == insecureCookieName {
			return ck.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}
