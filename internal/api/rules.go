package api

import (
	"context"
	"net/http"
	"regexp"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gin-gonic/gin"

	"passerelle/internal/domain"
)

// Rule is the authorization a route requires: an action of the one policy
// (domain.Can), on the organisation named by a path parameter when the
// action is organisation-scoped.
type Rule struct {
	Action domain.Action
	// OrgParam is the path parameter holding the owning organisation's id.
	OrgParam string
	// UserParam is the path parameter holding the id of the user acted
	// upon, for actions about one (domain.ActRemoveMember).
	UserParam string
}

// The rules routes use most.
var (
	Public   = Rule{Action: domain.ActPublic}
	SignedIn = Rule{Action: domain.ActManageOwnAccount}
)

// RouteInfo is one row of the route table: what the matrix test walks.
type RouteInfo struct {
	Method, Path string
	Rule         Rule
}

// routes registers operations together with their rule, so that no route
// exists without one.
type routes struct {
	api   huma.API
	table []RouteInfo
	// gin and bodyLimits serve the streamed routes (see stream).
	gin        *gin.Engine
	bodyLimits map[string]int64
}

// handle registers a huma operation guarded by rule.
func handle[I, O any](r *routes, rule Rule, op huma.Operation, h func(context.Context, *I) (*O, error)) {
	op.Middlewares = append(huma.Middlewares{enforce(r.api, rule)}, op.Middlewares...)
	if rule.Action != domain.ActPublic {
		op.Security = []map[string][]string{{"session": {}}}
	}
	if op.Metadata == nil {
		op.Metadata = map[string]any{}
	}
	op.Metadata["rule"] = rule
	huma.Register(r.api, op, h)
	r.table = append(r.table, RouteInfo{Method: op.Method, Path: op.Path, Rule: rule})
}

// plain records a route served outside huma (health, metrics, OpenAPI).
func (r *routes) plain(method, path string, rule Rule) {
	r.table = append(r.table, RouteInfo{Method: method, Path: path, Rule: rule})
}

// stream registers a plain gin handler for an operation whose body must be
// read as a stream (uploads): huma would buffer it whole. The operation is
// still documented in the OpenAPI document, guarded by rule exactly like
// huma operations, and its body is bounded by maxBody bytes instead of the
// general limit (see limitBody).
func (r *routes) stream(rule Rule, op huma.Operation, maxBody int64, h gin.HandlerFunc) {
	if rule.Action != domain.ActPublic {
		op.Security = []map[string][]string{{"session": {}}}
	}
	if op.Metadata == nil {
		op.Metadata = map[string]any{}
	}
	op.Metadata["rule"] = rule
	r.api.OpenAPI().AddOperation(&op)
	ginPath := openAPIParam.ReplaceAllString(op.Path, ":$1")
	r.gin.Handle(op.Method, ginPath, enforceGin(rule), h)
	r.bodyLimits[op.Method+" "+ginPath] = maxBody
	r.table = append(r.table, RouteInfo{Method: op.Method, Path: op.Path, Rule: rule})
}

var openAPIParam = regexp.MustCompile(`\{([A-Za-z]+)\}`)

// enforceGin is enforce for plain gin routes: same policy, same answers.
func enforceGin(rule Rule) gin.HandlerFunc {
	return func(c *gin.Context) {
		ra := authFrom(c.Request.Context())
		res := domain.Resource{}
		if rule.OrgParam != "" {
			res.OrganisationID = c.Param(rule.OrgParam)
		}
		switch {
		case domain.Can(ra.principal, rule.Action, res):
			c.Next()
			return
		case ra.principal.Anonymous():
			writeProblem(c, http.StatusUnauthorized, "Sign in first.")
		default:
			writeProblem(c, http.StatusForbidden, "You may not do this.")
		}
		c.Abort()
	}
}

// enforce answers 401 to anonymous callers and 403 to signed-in ones that
// the policy refuses, or that name an organisation they are not in with
// OrganisationHeader, before the input is even parsed.
func enforce(api huma.API, rule Rule) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		ra := authFrom(ctx.Context())
		if ra.foreignOrganisation && rule.Action != domain.ActPublic {
			_ = huma.WriteErr(api, ctx, http.StatusForbidden, "You are not a member of the organisation named by "+OrganisationHeader+".")
			return
		}
		res := domain.Resource{}
		if rule.OrgParam != "" {
			res.OrganisationID = ctx.Param(rule.OrgParam)
		}
		if rule.UserParam != "" {
			res.UserID = ctx.Param(rule.UserParam)
		}
		if domain.Can(ra.principal, rule.Action, res) {
			next(ctx)
			return
		}
		if ra.principal.Anonymous() {
			_ = huma.WriteErr(api, ctx, http.StatusUnauthorized, "Sign in first.")
			return
		}
		_ = huma.WriteErr(api, ctx, http.StatusForbidden, "You may not do this.")
	}
}
