package api

import (
	"net/http"
	"strings"
	"testing"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
)

func TestFirstAdminManagesModerators(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	acc := core.NewAccounts(e.db.Store, nil, e.clock.now, core.AccountsConfig{PublicURL: "http://localhost:8080"})
	adminAddr := mailtest.UniqueAddress(t)
	u, link, err := acc.CreateAdmin(t.Context(), adminAddr, "Cluster Admin", domain.LangFR)
	if err != nil || u.PlatformRole != domain.PlatformAdmin {
		t.Fatalf("create admin: %v %+v", err, u)
	}
	token := tokenInLink.FindStringSubmatch(link)
	if token == nil {
		t.Fatalf("no token in %s", link)
	}
	c := e.client()
	c.expect(http.StatusNoContent, "POST", "/api/v1/auth/password-reset/confirm", map[string]any{"token": token[1], "password": goodPassword})
	c.expect(http.StatusGone, "POST", "/api/v1/auth/password-reset/confirm", map[string]any{"token": token[1], "password": goodPassword})
	c.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": adminAddr, "password": goodPassword})
	if me := c.expect(http.StatusOK, "GET", "/api/v1/me", nil); me.body["platform_role"] != "admin" {
		t.Fatalf("me: %s", me.raw)
	}

	// The admin makes a user a moderator; that user's session ends.
	modAddr := mailtest.UniqueAddress(t)
	mod := e.signedUpUser(modAddr)
	modID := mod.expect(http.StatusOK, "GET", "/api/v1/me", nil).body["id"].(string)
	r := c.expect(http.StatusOK, "PUT", "/api/v1/admin/users/"+modID+"/role", map[string]any{"role": "moderator"})
	if r.body["platform_role"] != "moderator" {
		t.Fatalf("role: %s", r.raw)
	}
	mod.expect(http.StatusUnauthorized, "GET", "/api/v1/me", nil)
	mod.expect(http.StatusOK, "POST", "/api/v1/auth/login", map[string]any{"email": modAddr, "password": goodPassword})
	if me := mod.expect(http.StatusOK, "GET", "/api/v1/me", nil); me.body["platform_role"] != "moderator" {
		t.Fatalf("moderator me: %s", me.raw)
	}
	// A moderator cannot hand out roles; nobody makes admins over the API.
	mod.expect(http.StatusForbidden, "PUT", "/api/v1/admin/users/"+modID+"/role", map[string]any{"role": "user"})
	c.expect(http.StatusUnprocessableEntity, "PUT", "/api/v1/admin/users/"+modID+"/role", map[string]any{"role": "admin"})
	adminID := c.expect(http.StatusOK, "GET", "/api/v1/me", nil).body["id"].(string)
	if r := c.expect(http.StatusForbidden, "PUT", "/api/v1/admin/users/"+adminID+"/role", map[string]any{"role": "user"}); !strings.Contains(r.raw, "own role") {
		t.Errorf("self demotion: %s", r.raw)
	}
	var n int
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM audit_log WHERE action IN ('user.made_admin','user.role_changed')").Scan(&n); err != nil || n != 2 {
		t.Fatalf("audit: %d %v", n, err)
	}
}
