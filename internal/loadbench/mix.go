package loadbench

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/domain"
)

// The shares of the mix (issue 11): searches, listing pages, writes.
const (
	SearchShare  = 0.70
	ListingShare = 0.20
)

// Targets are the ids the listing pages and writes use, read from the
// database before the run.
type Targets struct {
	Offers, Organisations []string
	// Tenders are published tenders open for questions and answers, with
	// their first lot.
	Tenders []TenderLot
	// Users are the accounts of the signed-in pool: members of exactly one
	// active supplier or buyer organisation, with the demo password.
	Users []PoolUser
}

// TenderLot is a tender and one of its lots.
type TenderLot struct{ Tender, Lot string }

// PoolUser is an account the writes sign in as.
type PoolUser struct {
	Email, OrganisationID string
	Supplier              bool
}

// ReadTargets samples the database: published offers and organisations,
// the open tenders, and the demo accounts of the pool.
func ReadTargets(ctx context.Context, conn *pgx.Conn, sample int) (Targets, error) {
	var t Targets
	var err error
	if t.Offers, err = strings1(ctx, conn, `SELECT id::text FROM offers WHERE state = 'published' ORDER BY random() LIMIT $1`, sample); err != nil {
		return t, err
	}
	if t.Organisations, err = strings1(ctx, conn, `SELECT id::text FROM organisations WHERE status = 'active' AND kind <> 'cluster' ORDER BY random() LIMIT $1`, sample); err != nil {
		return t, err
	}
	rows, err := conn.Query(ctx, `SELECT t.id::text, l.id::text FROM tenders t JOIN tender_lots l ON l.tender_id = t.id
		WHERE t.state = 'published' AND t.questions_deadline > now() + interval '1 day'
		  AND NOT EXISTS (SELECT 1 FROM tender_lots l2 WHERE l2.tender_id = t.id AND l2.clauses <> '{}')
		ORDER BY t.id, l.position`)
	if err != nil {
		return t, err
	}
	t.Tenders, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (TenderLot, error) {
		var tl TenderLot
		return tl, r.Scan(&tl.Tender, &tl.Lot)
	})
	if err != nil {
		return t, err
	}
	rows, err = conn.Query(ctx, `SELECT u.email, m.organisation_id::text, o.kind = 'sse_supplier'
		FROM users u JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.organisation_id
		WHERE u.email LIKE '%@demo.passerelle.example' AND u.disabled_at IS NULL AND u.email_verified_at IS NOT NULL
		  AND u.platform_role = 'user' AND o.status = 'active' AND o.kind IN ('sse_supplier', 'public_buyer', 'private_buyer')
		  AND (SELECT count(*) FROM memberships m2 WHERE m2.user_id = u.id) = 1
		ORDER BY u.email`)
	if err != nil {
		return t, err
	}
	t.Users, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (PoolUser, error) {
		var u PoolUser
		return u, r.Scan(&u.Email, &u.OrganisationID, &u.Supplier)
	})
	if err != nil {
		return t, err
	}
	switch {
	case len(t.Offers) == 0 || len(t.Organisations) == 0 || len(t.Tenders) == 0:
		return t, fmt.Errorf("loadbench: the database has %d offers, %d organisations and %d open tenders: generate the volume first",
			len(t.Offers), len(t.Organisations), len(t.Tenders))
	case len(t.Users) == 0:
		return t, fmt.Errorf("loadbench: no demo account to sign in with: seed the demonstration data first")
	}
	return t, nil
}

func strings1(ctx context.Context, conn *pgx.Conn, sql string, args ...any) ([]string, error) {
	rows, err := conn.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// Mix draws the requests of the load.
type Mix struct {
	voc      *Vocabulary
	targets  Targets
	queries  map[domain.Language][]string
	sessions []*Session
	// responded counts, per organisation, the lots it drafted a response
	// to: each draft goes to a lot it has not answered yet.
	responded map[string]*atomic.Int64

	mu      sync.Mutex
	r       *rand.Rand
	cursors []string // paths of second pages, from earlier answers
	nextCur int
}

// NewMix prepares the mix; sessions are the signed-in pool.
func NewMix(voc *Vocabulary, targets Targets, sessions []*Session, seed uint64) *Mix {
	m := &Mix{voc: voc, targets: targets, sessions: sessions, queries: map[domain.Language][]string{},
		responded: map[string]*atomic.Int64{}, r: rand.New(rand.NewPCG(seed, 2))}
	// What people type: a sector's name, or the first words of a CPV
	// label, in the four languages.
	for _, l := range domain.Languages {
		for _, s := range voc.sectors {
			m.queries[l] = append(m.queries[l], s.Labels.In(l))
		}
		for i := 0; i < len(voc.cpv); i += max(len(voc.cpv)/200, 1) {
			words := strings.Fields(voc.cpv[i].Labels.In(l))
			m.queries[l] = append(m.queries[l], strings.Join(words[:min(len(words), 2)], " "))
		}
	}
	for _, s := range sessions {
		if m.responded[s.OrganisationID] == nil {
			m.responded[s.OrganisationID] = new(atomic.Int64)
		}
	}
	return m
}

// Next draws the next request.
func (m *Mix) Next() Request {
	m.mu.Lock()
	defer m.mu.Unlock()
	x := m.r.Float64()
	switch {
	case x < SearchShare:
		return m.search()
	case x < SearchShare+ListingShare:
		return m.listing()
	default:
		return m.write()
	}
}

var searchFacets = "&facets=kind&facets=country&facets=nuts&facets=sector&facets=status_type"

// search is what the search page sends: a query (or none) with filters,
// every facet, 20 hits; sometimes the next page of an earlier search.
func (m *Mix) search() Request {
	r := m.r
	lang := pick(r, domain.Languages)
	if len(m.cursors) > 0 && r.Float64() < 0.15 {
		return Request{Kind: "search", Method: "GET", Path: pick(r, m.cursors), Language: string(lang)}
	}
	q := url.Values{}
	if r.Float64() < 0.9 {
		q.Set("q", pick(r, m.queries[lang]))
	}
	if r.Float64() < 0.35 {
		c := pick(r, countries)
		q.Add("country", c.code)
		if r.IntN(3) == 0 {
			q.Add("country", pick(r, countries).code)
		}
	}
	if r.Float64() < 0.25 {
		q.Set("kind", pick(r, []string{"offer", "tender", "supplier"}))
	}
	if r.Float64() < 0.15 {
		q.Set("sector", pick(r, m.voc.sectors).Code)
	}
	if r.Float64() < 0.1 {
		c := pick(r, countries).code
		q.Set("nuts", pick(r, m.voc.regions[c]).Code[:4])
	}
	if r.Float64() < 0.1 {
		q.Set("cross_border", "true")
	}
	path := "/api/v1/search?" + q.Encode() + searchFacets + "&limit=20"
	return Request{Kind: "search", Method: "GET", Path: path, Language: string(lang), Seen: func(b []byte) {
		var page struct {
			NextCursor string `json:"next_cursor"`
		}
		if json.Unmarshal(b, &page) == nil && page.NextCursor != "" {
			m.remember(path + "&cursor=" + url.QueryEscape(page.NextCursor))
		}
	}}
}

// remember keeps the last 500 second pages.
func (m *Mix) remember(path string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.cursors) < 500 {
		m.cursors = append(m.cursors, path)
		return
	}
	m.cursors[m.nextCur] = path
	m.nextCur = (m.nextCur + 1) % len(m.cursors)
}

// listing is a public page: the lists of offers and tenders, and one
// offer's, organisation's or tender's page.
func (m *Mix) listing() Request {
	r := m.r
	lang := string(pick(r, domain.Languages))
	get := func(path string) Request { return Request{Kind: "listing", Method: "GET", Path: path, Language: lang} }
	switch x := r.Float64(); {
	case x < 0.25:
		q := url.Values{"limit": {"20"}}
		if r.IntN(2) == 0 {
			q.Set("country", pick(r, countries).code)
		}
		if r.IntN(3) == 0 {
			q.Set("sector", pick(r, m.voc.sectors).Code)
		}
		return get("/api/v1/offers?" + q.Encode())
	case x < 0.40:
		return get("/api/v1/tenders?limit=20&sort=deadline")
	case x < 0.65:
		return get("/api/v1/offers/" + pick(r, m.targets.Offers))
	case x < 0.82:
		return get("/api/v1/organisations/" + pick(r, m.targets.Organisations))
	default:
		return get("/api/v1/tenders/" + pick(r, m.targets.Tenders).Tender)
	}
}

// write is a signed-in write: a draft offer, a draft tender, a question
// on a tender or a draft response to a lot.
func (m *Mix) write() Request {
	r := m.r
	var suppliers, buyers []*Session
	for _, s := range m.sessions {
		if s.Supplier {
			suppliers = append(suppliers, s)
		} else {
			buyers = append(buyers, s)
		}
	}
	x := r.Float64()
	if len(buyers) == 0 {
		x = max(x, 0.5)
	}
	if len(suppliers) == 0 {
		x = 0.4
	}
	lang := pick(r, domain.Languages)
	post := func(s *Session, path string, body any) Request {
		b, _ := json.Marshal(body)
		return Request{Kind: "write", Method: "POST", Path: path, Body: b, Session: s, Language: string(lang)}
	}
	text := func(n int) string { return m.voc.sentencesIn(r, lang, n, 2000) }
	switch {
	case x < 0.35:
		s := pick(r, suppliers)
		code := pick(r, m.voc.cpv)
		return post(s, "/api/v1/organisations/"+s.OrganisationID+"/offers", map[string]any{
			"type": pick(r, []string{"supplies", "services", "works"}), "language": lang,
			"title": clip(code.Labels.In(lang), 200), "description": text(3), "cpv_codes": []string{code.Code},
			"area": map[string]any{"mode": "country", "accepts_cross_border": r.IntN(2) == 0}})
	case x < 0.5:
		s := pick(r, buyers)
		c := pick(r, countries).code
		reg := pick(r, m.voc.regions[c])
		deadline := time.Now().Add(time.Duration(30+r.IntN(30)) * 24 * time.Hour).UTC().Truncate(time.Hour)
		return post(s, "/api/v1/organisations/"+s.OrganisationID+"/tenders", map[string]any{
			"kind": "quote_request", "language": lang, "title": clip(pick(r, m.voc.titles[lang]), 200), "description": text(4),
			"place_nuts": reg.Code, "place_town": reg.Name, "questions_deadline": deadline.Add(-7 * 24 * time.Hour).Format(time.RFC3339),
			"responses_deadline": deadline.Format(time.RFC3339), "response_languages": []string{string(lang)}})
	case x < 0.8:
		s := pick(r, suppliers)
		return post(s, "/api/v1/tenders/"+pick(r, m.targets.Tenders).Tender+"/questions", map[string]any{"question": text(2)})
	default:
		s := pick(r, suppliers)
		n := m.responded[s.OrganisationID].Add(1)
		// Each organisation walks the lots from its own starting point.
		start := int(hash(s.OrganisationID) % uint64(len(m.targets.Tenders)))
		tl := m.targets.Tenders[(start+int(n))%len(m.targets.Tenders)]
		return post(s, "/api/v1/tenders/"+tl.Tender+"/lots/"+tl.Lot+"/responses", map[string]any{
			"message": text(3), "price_cents": 100000 + r.IntN(5000000), "currency": "EUR"})
	}
}

func hash(s string) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}
