package api

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// Cookie names. The __Host- prefix makes browsers refuse the cookie unless
// it is Secure, host-only and for the whole site.
const (
	secureCookieName   = "__Host-passerelle_session"
	insecureCookieName = "passerelle_session"
)

// Sessions reads and writes the session cookie.
type Sessions struct {
	Accounts *core.Accounts
	Secure   bool
	MaxAge   time.Duration
}

func (s Sessions) cookieName() string {
	if s.Secure {
		return secureCookieName
	}
	return insecureCookieName
}

// cookie builds the session cookie; an empty token deletes it.
func (s Sessions) cookie(token string) http.Cookie {
	c := http.Cookie{Name: s.cookieName(), Value: token, Path: "/", HttpOnly: true, Secure: s.Secure, SameSite: http.SameSiteLaxMode}
	if token == "" {
		c.MaxAge = -1
	} else {
		c.MaxAge = int(s.MaxAge.Seconds())
	}
	return c
}

type principalKey struct{}

type requestAuth struct {
	principal domain.Principal
	user      domain.User
	session   domain.Session
	token     string
	// foreignOrganisation is set when the request's OrganisationHeader
	// names an organisation the user is not a member of.
	foreignOrganisation bool
}

// authenticate resolves the session cookie, if any, into a principal. It
// refuses nothing: each route's rule does.
func (s Sessions) authenticate(memberships func(context.Context, string) (map[string]domain.MembershipRole, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		ra := &requestAuth{}
		if ck, err := c.Request.Cookie(s.cookieName()); err == nil && ck.Value != "" {
			ra.token = ck.Value
			u, sess, err := s.Accounts.Authenticate(c.Request.Context(), ck.Value)
			switch {
			case err == nil:
				ms, err := memberships(c.Request.Context(), u.ID)
				if err != nil {
					writeProblem(c, http.StatusServiceUnavailable, "Your session could not be checked; try again shortly.")
					c.Abort()
					return
				}
				ra.user, ra.session = u, sess
				ra.principal = domain.Principal{UserID: u.ID, PlatformRole: u.PlatformRole, Memberships: ms}
				// A header naming an organisation the user is not in is
				// refused by enforce on every route that needs a signed-in
				// user; public ones (sign out) still work, so that a stale
				// header cannot lock a browser out.
				ra.principal.ActiveOrganisationID, ra.foreignOrganisation = activeOrganisation(c.GetHeader(OrganisationHeader), sess.ActiveOrganisationID, ms)
			case errors.Is(err, domain.ErrUnauthenticated):
				// An expired or unknown session: treat as anonymous.
			default:
				writeProblem(c, http.StatusServiceUnavailable, "Your session could not be checked; try again shortly.")
				c.Abort()
				return
			}
		}
		c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), principalKey{}, ra))
		c.Next()
	}
}

// OrganisationHeader names the organisation a signed-in user acts for in
// one request, overriding the session's choice.
const OrganisationHeader = "X-Passerelle-Organisation"

// activeOrganisation picks the organisation a request acts for: the one the
// header names (foreign when the user is not a member of it: then none),
// else the session's stored choice while the user is still a member, else
// the only organisation they belong to, else none.
func activeOrganisation(header, stored string, ms map[string]domain.MembershipRole) (active string, foreign bool) {
	if header != "" {
		if id, err := uuid.Parse(header); err == nil {
			header = id.String() // the canonical, lower-case form of the keys
		}
		if _, member := ms[header]; !member {
			return "", true
		}
		return header, false
	}
	if _, member := ms[stored]; member && stored != "" {
		return stored, false
	}
	if len(ms) == 1 {
		for id := range ms {
			return id, false
		}
	}
	return "", false
}

func authFrom(ctx context.Context) *requestAuth {
	if ra, ok := ctx.Value(principalKey{}).(*requestAuth); ok {
		return ra
	}
	return &requestAuth{}
}

// actorFrom describes the caller to core.
func actorFrom(ctx context.Context) core.Actor {
	ra := authFrom(ctx)
	return core.Actor{UserID: ra.principal.UserID, PlatformRole: ra.principal.PlatformRole, RequestID: RequestIDFrom(ctx), IP: clientIPFrom(ctx)}
}

type clientIPKey struct{}

func clientIPFrom(ctx context.Context) string {
	ip, _ := ctx.Value(clientIPKey{}).(string)
	return ip
}

// crossOriginProtection refuses unsafe cross-origin browser requests (CSRF)
// with Go's http.CrossOriginProtection: it trusts Sec-Fetch-Site, else
// compares Origin with Host. The bypass patterns ("POST /path") are
// exempt: server-to-server webhooks authenticated by their signature.
func crossOriginProtection(bypass []string, trusted ...string) gin.HandlerFunc {
	cop := http.NewCrossOriginProtection()
	for _, pattern := range bypass {
		cop.AddInsecureBypassPattern(pattern)
	}
	for _, o := range trusted {
		_ = cop.AddTrustedOrigin(o)
	}
	return func(c *gin.Context) {
		if err := cop.Check(c.Request); err != nil {
			writeProblem(c, http.StatusForbidden, "Cross-origin request refused: forms must be sent from Passerelle's own pages.")
			c.Abort()
			return
		}
		c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), clientIPKey{}, c.ClientIP()))
		c.Next()
	}
}
