package api

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// The principals of the authorization matrix.
const (
	anon      = "anonymous"
	member    = "member of the owning organisation"
	outsider  = "member of another organisation"
	moderator = "moderator"
	admin     = "admin"
)

var (
	everyone = []string{anon, member, outsider, moderator, admin}
	signedIn = []string{member, outsider, moderator, admin}
)

// expectedAccess is the exact set of principals allowed on every route.
// A new route fails TestAuthorizationMatrix until it is listed here.
var expectedAccess = map[string][]string{
	"GET /healthz":                             everyone,
	"GET /readyz":                              everyone,
	"GET /metrics":                             everyone,
	"GET /api/openapi.json":                    everyone,
	"GET /api/openapi.yaml":                    everyone,
	"GET /api/openapi-3.0.json":                everyone,
	"GET /api/openapi-3.0.yaml":                everyone,
	"GET /api/schemas/{schema}":                everyone,
	"GET /api/v1/meta":                         everyone,
	"POST /api/v1/auth/signup":                 everyone,
	"POST /api/v1/auth/verify-email":           everyone,
	"POST /api/v1/auth/resend-verification":    everyone,
	"POST /api/v1/auth/login":                  everyone,
	"POST /api/v1/auth/logout":                 everyone,
	"POST /api/v1/auth/password-reset":         everyone,
	"POST /api/v1/auth/password-reset/confirm": everyone,
	"POST /api/v1/auth/confirm-email-change":   everyone,
	"GET /api/v1/me":                           signedIn,
	// Notifications (notifications.go): one's own only; unsubscribe works
	// without sign-in, by its signed token.
	"GET /api/v1/me/notifications":                  signedIn,
	"GET /api/v1/me/notifications/unread-count":     signedIn,
	"POST /api/v1/me/notifications/{id}/read":       signedIn,
	"POST /api/v1/me/notifications/read-all":        signedIn,
	"GET /api/v1/me/notification-preferences":       signedIn,
	"PUT /api/v1/me/notification-preferences":       signedIn,
	"GET /api/v1/unsubscribe":                       everyone,
	"POST /api/v1/unsubscribe":                      everyone,
	"PATCH /api/v1/me":                              signedIn,
	"POST /api/v1/me/password":                      signedIn,
	"POST /api/v1/me/email":                         signedIn,
	"GET /api/v1/me/export":                         signedIn,
	"DELETE /api/v1/me":                             signedIn,
	"PUT /api/v1/admin/users/{userID}/role":         {admin},
	"POST /api/v1/admin/search/rebuilds":            {admin},
	"GET /api/v1/admin/search/rebuilds":             {admin},
	"GET /api/v1/admin/search/rebuilds/{rebuildID}": {admin},
	// Memberships. The matrix's member has role member, not owner: owner-only
	// routes refuse every principal here (owners are tested in
	// memberships_test.go). Removing a member is allowed to owners and to
	// the member themself; the matrix names another user, so nobody here.
	"GET /api/v1/organisations/{orgID}/members":                       {member, moderator, admin},
	"POST /api/v1/organisations/{orgID}/invitations":                  {},
	"GET /api/v1/organisations/{orgID}/invitations":                   {},
	"DELETE /api/v1/organisations/{orgID}/invitations/{invitationID}": {},
	"POST /api/v1/invitations/accept":                                 signedIn,
	"PATCH /api/v1/organisations/{orgID}/members/{userID}":            {},
	"DELETE /api/v1/organisations/{orgID}/members/{userID}":           {},
	"PUT /api/v1/me/active-organisation":                              signedIn,

	// Organisations (organisations.go).
	"POST /api/v1/organisations":                signedIn,
	"GET /api/v1/organisations/{orgID}":         everyone,
	"PATCH /api/v1/organisations/{orgID}":       {member},
	"PUT /api/v1/organisations/{orgID}/logo":    {member},
	"DELETE /api/v1/organisations/{orgID}/logo": {member},
	"GET /api/v1/organisations/{orgID}/logo":    everyone,
	"GET /api/v1/me/organisations":              signedIn,
	"GET /api/v1/nuts-regions":                  everyone,

	"POST /api/v1/organisations/{orgID}/documents": {member},
	"GET /api/v1/organisations/{orgID}/documents":  {member, moderator, admin},
	// Not scoped by an organisation in the path: core answers 404 to
	// anyone but members of the owning organisation (and moderators).
	"GET /api/v1/documents/{docID}":          signedIn,
	"GET /api/v1/documents/{docID}/download": signedIn,
	"DELETE /api/v1/documents/{docID}":       signedIn,

	"GET /api/v1/sse-status-types": everyone,

	// Taxonomy (taxonomy.go): public reference data.
	"GET /api/v1/sectors":    everyone,
	"GET /api/v1/cpv":        everyone,
	"GET /api/v1/cpv/{code}": everyone,
	// Public: non-members see only the statuses that count.
	"GET /api/v1/organisations/{orgID}/sse-statuses":                                     everyone,
	"POST /api/v1/organisations/{orgID}/sse-statuses":                                    {member},
	"PATCH /api/v1/organisations/{orgID}/sse-statuses/{statusID}":                        {member},
	"DELETE /api/v1/organisations/{orgID}/sse-statuses/{statusID}":                       {member},
	"PUT /api/v1/organisations/{orgID}/sse-statuses/{statusID}/evidence/{documentID}":    {member},
	"DELETE /api/v1/organisations/{orgID}/sse-statuses/{statusID}/evidence/{documentID}": {member},
	"POST /api/v1/organisations/{orgID}/sse-statuses/{statusID}/verification-request":    {member},
	"GET /api/v1/moderation/sse-statuses":                                                {moderator, admin},
	"POST /api/v1/moderation/sse-statuses/{statusID}/verify":                             {moderator, admin},
	"POST /api/v1/moderation/sse-statuses/{statusID}/reject":                             {moderator, admin},

	// Offers (offers.go). Routes without orgID in the path authorize in
	// core: an offer that is not published is 404 to outsiders.
	"POST /api/v1/organisations/{orgID}/offers":              {member},
	"GET /api/v1/organisations/{orgID}/offers":               everyone,
	"GET /api/v1/offers":                                     everyone,
	"GET /api/v1/offers/{offerID}":                           everyone,
	"PATCH /api/v1/offers/{offerID}":                         signedIn,
	"DELETE /api/v1/offers/{offerID}":                        signedIn,
	"POST /api/v1/offers/{offerID}/submit":                   signedIn,
	"POST /api/v1/offers/{offerID}/archive":                  signedIn,
	"PUT /api/v1/offers/{offerID}/documents/{documentID}":    signedIn,
	"DELETE /api/v1/offers/{offerID}/documents/{documentID}": signedIn,
	"GET /api/v1/moderation/offers":                          {moderator, admin},
	"POST /api/v1/moderation/offers/{offerID}/decision":      {moderator, admin},
	// Tenders (tenders.go). The matrix's owning organisation is a supplier,
	// which core refuses tenders (403, after the body is checked: the
	// matrix's empty body is refused first); buyers are tested in
	// tenders_test.go. The other routes name a tender that does not exist.
	"POST /api/v1/organisations/{orgID}/tenders":                                     {member},
	"GET /api/v1/organisations/{orgID}/tenders":                                      {member, moderator, admin},
	"PATCH /api/v1/organisations/{orgID}/tenders/{tenderID}":                         {member},
	"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/submit":                   {member},
	"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/cancel":                   {member},
	"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/lots":                     {member},
	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}":              {member},
	"DELETE /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}":           {member},
	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/documents/{documentID}":    {member},
	"DELETE /api/v1/organisations/{orgID}/tenders/{tenderID}/documents/{documentID}": {member},
	"GET /api/v1/tenders":            everyone,
	"GET /api/v1/search":             everyone,
	"GET /api/v1/tenders/{tenderID}": everyone,
	"GET /api/v1/moderation/tenders": {moderator, admin},
	// Responses (responses.go): sealed; routes without an organisation in
	// the path authorize in core and answer 404 to whoever may not see.
	"POST /api/v1/tenders/{tenderID}/lots/{lotID}/responses":                                signedIn,
	"GET /api/v1/responses/{responseID}":                                                    signedIn,
	"PUT /api/v1/responses/{responseID}":                                                    signedIn,
	"POST /api/v1/responses/{responseID}/submit":                                            signedIn,
	"POST /api/v1/responses/{responseID}/withdraw":                                          signedIn,
	"POST /api/v1/responses/{responseID}/confirm":                                           signedIn,
	"PUT /api/v1/responses/{responseID}/documents/{documentID}":                             signedIn,
	"DELETE /api/v1/responses/{responseID}/documents/{documentID}":                          signedIn,
	"GET /api/v1/tenders/{tenderID}/documents/{documentID}/download":                        everyone,
	"GET /api/v1/responses/{responseID}/documents/{documentID}/download":                    signedIn,
	"GET /api/v1/organisations/{orgID}/responses":                                           {member},
	"GET /api/v1/organisations/{orgID}/tenders/{tenderID}/responses":                        {member},
	"POST /api/v1/organisations/{orgID}/tenders/{tenderID}/responses/{responseID}/decision": {member},
	"PUT /api/v1/tenders/{tenderID}/not-interested":                                         signedIn,
	"GET /api/v1/organisations/{orgID}/tenders/{tenderID}/not-interested":                   {member},
	// Questions and outcomes (tender_questions.go).
	"POST /api/v1/tenders/{tenderID}/questions":                                          signedIn,
	"GET /api/v1/tenders/{tenderID}/questions":                                           everyone,
	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/questions/{questionID}/answer": {member},
	"PUT /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}/outcome":          {member},
	// Routing (routing.go).
	"GET /api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}/matches": {member, moderator, admin},
	// Needs routed to a supplier (needs.go): its members only.
	"GET /api/v1/organisations/{orgID}/needs":                {member},
	"PUT /api/v1/organisations/{orgID}/needs/{lotID}/answer": {member},
	// Favourites (favourites.go): the buyer's private business.
	"GET /api/v1/organisations/{orgID}/favourite-lists":                                    {member},
	"POST /api/v1/organisations/{orgID}/favourite-lists":                                   {member},
	"PATCH /api/v1/organisations/{orgID}/favourite-lists/{listID}":                         {member},
	"DELETE /api/v1/organisations/{orgID}/favourite-lists/{listID}":                        {member},
	"GET /api/v1/organisations/{orgID}/favourite-lists/{listID}/suppliers":                 {member},
	"PUT /api/v1/organisations/{orgID}/favourite-lists/{listID}/suppliers/{supplierID}":    {member},
	"DELETE /api/v1/organisations/{orgID}/favourite-lists/{listID}/suppliers/{supplierID}": {member},
	"POST /api/v1/moderation/tenders/{tenderID}/decision":                                  {moderator, admin},
	// The moderators' queue across kinds (moderation.go).
	"GET /api/v1/moderation/queue": {moderator, admin},
	// Saved searches (saved_searches.go): one's own only (another user's
	// id is 404).
	"GET /api/v1/me/saved-searches":         signedIn,
	"POST /api/v1/me/saved-searches":        signedIn,
	"GET /api/v1/me/saved-searches/{id}":    signedIn,
	"PATCH /api/v1/me/saved-searches/{id}":  signedIn,
	"DELETE /api/v1/me/saved-searches/{id}": signedIn,
	// Moderation tools (issue 6): anyone signed in reports; moderators
	// handle reports, suspend and reinstate, read the audit log and the
	// figures; admins manage the blocked words.
	"POST /api/v1/reports":                                        signedIn,
	"GET /api/v1/moderation/reports":                              {moderator, admin},
	"POST /api/v1/moderation/reports/{reportID}/resolution":       {moderator, admin},
	"POST /api/v1/moderation/organisations/{orgID}/suspension":    {moderator, admin},
	"POST /api/v1/moderation/organisations/{orgID}/reinstatement": {moderator, admin},
	"GET /api/v1/moderation/reason-templates":                     {moderator, admin},
	"GET /api/v1/moderation/metrics":                              {moderator, admin},
	"GET /api/v1/admin/audit":                                     {moderator, admin},
	"GET /api/v1/admin/audit/export":                              {moderator, admin},
	"GET /api/v1/admin/blocked-words":                             {admin},
	"POST /api/v1/admin/blocked-words":                            {admin},
	"DELETE /api/v1/admin/blocked-words/{wordID}":                 {admin},
	// The business convention's events (events.go, registrations.go):
	// organisers are moderators and admins; registrations act for the
	// caller's active organisation and core answers 404 for an event that
	// does not exist (the matrix's ids name none). Stripe's webhook is
	// public: its signature authenticates it.
	"GET /api/v1/events":                                                  everyone,
	"GET /api/v1/events/{eventID}":                                        everyone,
	"POST /api/v1/events":                                                 {moderator, admin},
	"PUT /api/v1/events/{eventID}":                                        {moderator, admin},
	"POST /api/v1/events/{eventID}/publish":                               {moderator, admin},
	"POST /api/v1/events/{eventID}/cancel":                                {moderator, admin},
	"GET /api/v1/events/{eventID}/registrations":                          {moderator, admin},
	"POST /api/v1/events/{eventID}/registrations":                         signedIn,
	"GET /api/v1/events/{eventID}/registration":                           signedIn,
	"GET /api/v1/events/{eventID}/registration/prefill":                   signedIn,
	"POST /api/v1/events/{eventID}/registration/checkout":                 signedIn,
	"POST /api/v1/events/{eventID}/registration/cancel":                   signedIn,
	"POST /api/v1/events/{eventID}/registration/delegates":                signedIn,
	"PUT /api/v1/events/{eventID}/registration/delegates/{delegateID}":    signedIn,
	"DELETE /api/v1/events/{eventID}/registration/delegates/{delegateID}": signedIn,
	"POST /api/v1/billing/stripe/webhook":                                 everyone,

	// Impact figures and their exports (impact.go): the cluster's for
	// moderators and admins; a buyer's for its members and moderators, core
	// answering 404 to anyone else and for an organisation that is not a
	// buyer (the matrix's owning organisation is a supplier).
	"GET /api/v1/impact":                            {moderator, admin},
	"GET /api/v1/impact.csv":                        {moderator, admin},
	"GET /api/v1/impact.xlsx":                       {moderator, admin},
	"GET /api/v1/impact.pdf":                        {moderator, admin},
	"GET /api/v1/organisations/{orgID}/impact":      signedIn,
	"GET /api/v1/organisations/{orgID}/impact.csv":  signedIn,
	"GET /api/v1/organisations/{orgID}/impact.xlsx": signedIn,
	"GET /api/v1/organisations/{orgID}/impact.pdf":  signedIn,

	// Convention meetings (meetings.go, meetings_schedule.go, agendas.go):
	// participants are checked by core (a confirmed registration of the
	// active organisation: 403 otherwise, 404 for an unknown event);
	// organisers are moderators and admins.
	"GET /api/v1/events/{eventID}/delegates":                              signedIn,
	"GET /api/v1/events/{eventID}/suggestions":                            signedIn,
	"POST /api/v1/events/{eventID}/meeting-requests":                      signedIn,
	"GET /api/v1/events/{eventID}/meeting-requests":                       signedIn,
	"POST /api/v1/events/{eventID}/meeting-requests/{requestID}/accept":   signedIn,
	"POST /api/v1/events/{eventID}/meeting-requests/{requestID}/decline":  signedIn,
	"POST /api/v1/events/{eventID}/meeting-requests/{requestID}/withdraw": signedIn,
	"GET /api/v1/events/{eventID}/exclusions":                             signedIn,
	"POST /api/v1/events/{eventID}/exclusions":                            signedIn,
	"DELETE /api/v1/events/{eventID}/exclusions/{organisationID}":         signedIn,
	"GET /api/v1/events/{eventID}/agenda":                                 signedIn,
	"GET /api/v1/events/{eventID}/agenda.ics":                             signedIn,
	"GET /api/v1/events/{eventID}/agenda.pdf":                             signedIn,
	"PUT /api/v1/events/{eventID}/meetings/{meetingID}/outcome":           signedIn,
	"POST /api/v1/events/{eventID}/schedule":                              {moderator, admin},
	"GET /api/v1/events/{eventID}/schedule":                               {moderator, admin},
	"GET /api/v1/events/{eventID}/meetings":                               {moderator, admin},
	"PATCH /api/v1/events/{eventID}/meetings/{meetingID}":                 {moderator, admin},
	"GET /api/v1/events/{eventID}/table-plan":                             {moderator, admin},
	"GET /api/v1/events/{eventID}/table-plan.pdf":                         {moderator, admin},
	"POST /api/v1/events/{eventID}/agendas/send":                          {moderator, admin},

	// Open data (ocds.go, statistics.go): public; a tender that is not
	// public is 404 to everyone.
	"GET /api/v1/ocds/releases":           everyone,
	"GET /api/v1/ocds/tenders/{tenderID}": everyone,
	"GET /api/v1/statistics":              everyone,
	// Purchase ledgers and levy offsets (purchases.go): members only,
	// never moderators (business data).
	"POST /api/v1/organisations/{orgID}/purchases/imports":                      {member},
	"GET /api/v1/organisations/{orgID}/purchases/imports":                       {member},
	"GET /api/v1/organisations/{orgID}/purchases/imports/{importID}":            {member},
	"DELETE /api/v1/organisations/{orgID}/purchases/imports/{importID}":         {member},
	"GET /api/v1/organisations/{orgID}/purchases/imports/{importID}/errors.csv": {member},
	"GET /api/v1/organisations/{orgID}/purchases":                               {member},
	"PATCH /api/v1/organisations/{orgID}/purchases/{purchaseID}":                {member},
	"GET /api/v1/organisations/{orgID}/purchases/sse-share":                     {member},
	"GET /api/v1/organisations/{orgID}/purchases/levy-offset":                   {member},
	"GET /api/v1/organisations/{orgID}/purchases/levy-offset.pdf":               {member},
}

var pathParam = regexp.MustCompile(`\{[^}]+\}`)

// TestAuthorizationMatrix calls every route as every kind of principal and
// checks that exactly the expected ones get past authorization (any status
// but 401 and 403), the others getting 401 (anonymous) or 403.
func TestAuthorizationMatrix(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	owning := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier})
	other := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	users := map[string]string{
		member:    e.db.User(t, storetest.UserOptions{Organisation: owning.ID, Role: domain.RoleMember}).ID,
		outsider:  e.db.User(t, storetest.UserOptions{Organisation: other.ID, Role: domain.RoleOwner}).ID,
		moderator: e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID,
		admin:     e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformAdmin}).ID,
	}

	seen := map[string]bool{}
	for _, rt := range e.routes {
		key := rt.Method + " " + rt.Path
		if seen[key] {
			t.Errorf("route %s declared twice", key)
		}
		seen[key] = true
		want, ok := expectedAccess[key]
		if !ok {
			t.Errorf("route %s (rule %s) has no expected access in the matrix", key, rt.Rule.Action)
			continue
		}
		allowed := map[string]bool{}
		for _, p := range want {
			allowed[p] = true
		}
		path := pathParam.ReplaceAllString(rt.Path, owning.ID)
		for _, who := range everyone {
			c := e.client()
			if who != anon {
				// A fresh session per call: some routes (logout) end it.
				token := "matrix-" + strings.NewReplacer(" ", "-", "/", "-", ":", "-", "{", "", "}", "").Replace(who+rt.Method+rt.Path)
				e.db.Session(t, storetest.SessionOptions{UserID: users[who], Token: token})
				c.http.Jar.SetCookies(mustURL(t, e.srv.URL), []*http.Cookie{{Name: insecureCookieName, Value: token}})
			}
			var body any
			if rt.Method != http.MethodGet {
				body = map[string]any{}
			}
			r := c.do(rt.Method, path, body)
			denied := r.status == http.StatusUnauthorized && strings.Contains(r.raw, "Sign in first") || r.status == http.StatusForbidden
			switch {
			case allowed[who] && denied:
				t.Errorf("%s as %s: refused (%d %s), want allowed", key, who, r.status, r.raw)
			case !allowed[who] && !denied:
				t.Errorf("%s as %s: got %d, want refused", key, who, r.status)
			case !allowed[who] && who == anon && r.status != http.StatusUnauthorized:
				t.Errorf("%s as %s: got %d, want 401", key, who, r.status)
			}
		}
	}
	for key := range expectedAccess {
		if !seen[key] {
			t.Errorf("the matrix lists %s, which is not a route", key)
		}
	}

	// Every route the server really serves is in the route table.
	engine := e.srv.Config.Handler.(*gin.Engine)
	ginParam := regexp.MustCompile(`:([A-Za-z]+)`)
	for _, ri := range engine.Routes() {
		if !seen[ri.Method+" "+ginParam.ReplaceAllString(ri.Path, "{$1}")] {
			t.Errorf("gin serves %s %s, which has no rule in the route table", ri.Method, ri.Path)
		}
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	raw := e.client().expect(http.StatusOK, "GET", "/api/openapi.json", nil).raw
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	var undocumented []string
	for path, ops := range doc.Paths {
		for method := range ops {
			if !seen[strings.ToUpper(method)+" "+path] {
				undocumented = append(undocumented, strings.ToUpper(method)+" "+path)
			}
		}
	}
	sort.Strings(undocumented)
	if len(undocumented) > 0 {
		t.Errorf("OpenAPI operations without a rule: %v", undocumented)
	}
}
