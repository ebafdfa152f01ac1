package api

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
	"passerelle/internal/search/crosslang"
	"passerelle/internal/store/storetest"
)

// testExpander is the query expander of the tests: the sector catalogue's
// lexicon only (no CPV file, no dictionaries), loaded once: it is
// read-only.
var testExpander = sync.OnceValues(func() (*crosslang.Expander, error) { return crosslang.Load(crosslang.Sources{}) })

// newSearchEngine opens a real on-disk Bleve engine with an empty live
// index, for the search route of newEnv.
func newSearchEngine(t *testing.T) (*bleve.Engine, *search.Multilingual) {
	t.Helper()
	engine, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = engine.Close() })
	if err := engine.EnsureIndex(context.Background(), core.SearchLiveIndex, search.Settings{}); err != nil {
		t.Fatal(err)
	}
	x, err := testExpander()
	if err != nil {
		t.Fatal(err)
	}
	return engine, &search.Multilingual{Engine: engine, Index: core.SearchLiveIndex, Expander: x}
}

// searchWorld is a small marketplace indexed through core.EachSearchDocument
// (what reindex does; the indexing jobs are tested with them).
type searchWorld struct {
	supFR, supLU, buyer                                 domain.Organisation
	supFRUser, supLUUser, buyerUser                     string
	offerFR, laundryFR, laundryLU, windows              domain.Offer
	tenderFR, tenderLU                                  domain.Tender
	metz, luxembourg                                    domain.GeoPoint
	offerFRDate, laundryFRDate, laundryLUDate, tendDate time.Time
}

func (e *env) searchWorld() *searchWorld {
	t := e.t
	t.Helper()
	w := &searchWorld{metz: domain.GeoPoint{Latitude: 49.1193, Longitude: 6.1757},
		luxembourg: domain.GeoPoint{Latitude: 49.6116, Longitude: 6.1319}}
	db := e.db
	db.CPVCodes(t, "90911200-8", "98311000-6")
	eighty, forty := 80.0, 40.0
	day := func(d int) time.Time { return time.Date(2026, 10, d, 8, 0, 0, 0, time.UTC) }

	w.supFR = db.Organisation(t, storetest.OrganisationOptions{LegalName: "ESAT Les Tilleuls", TradeName: "Les Tilleuls"})
	db.Place(t, w.supFR.ID, "Metz", "FRF33", &w.metz)
	db.SSEStatus(t, w.supFR.ID, storetest.StatusOptions{Type: "fr_esat", DisabledShare: &eighty})
	w.supFRUser = db.User(t, storetest.UserOptions{Organisation: w.supFR.ID}).ID
	w.supLU = db.Organisation(t, storetest.OrganisationOptions{Country: "LU", LegalName: "Atelier Nord"})
	db.Place(t, w.supLU.ID, "Luxembourg", "LU000", &w.luxembourg)
	db.SSEStatus(t, w.supLU.ID, storetest.StatusOptions{Type: "lu_atelier_protege", DisabledShare: &forty})
	w.supLUUser = db.User(t, storetest.UserOptions{Organisation: w.supLU.ID}).ID

	w.offerFRDate, w.laundryLUDate, w.laundryFRDate, w.tendDate = day(1), day(3), day(5), day(2)
	// No code and no sector: found from German only through the
	// translation of its words.
	w.offerFR = db.Offer(t, w.supFR.ID, storetest.OfferOptions{Title: "Nettoyage de bureaux",
		Description: "Nettoyage quotidien des bureaux et des sanitaires.", CrossBorder: true, PublishedAt: w.offerFRDate})
	w.laundryFR = db.Offer(t, w.supFR.ID, storetest.OfferOptions{Title: "Blanchisserie pour hôpitaux",
		Description: "Linge plat et tenues de travail.", CPV: []string{"98311000-6"}, PublishedAt: w.laundryFRDate})
	w.laundryLU = db.Offer(t, w.supLU.ID, storetest.OfferOptions{Language: domain.LangDE, Title: "Wäscherei für Pflegeheime",
		Description: "Bettwäsche und Arbeitskleidung.", CPV: []string{"98311000-6"}, CrossBorder: true, PublishedAt: w.laundryLUDate})
	// Public when indexed, archived afterwards (see TestSearchShowsOnlyPublicListings).
	w.windows = db.Offer(t, w.supFR.ID, storetest.OfferOptions{Title: "Nettoyage de vitres", PublishedAt: day(6)})
	db.Offer(t, w.supFR.ID, storetest.OfferOptions{State: domain.OfferDraft, Title: "Nettoyage en brouillon"})

	w.buyer = db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Ville de Metz"})
	db.Place(t, w.buyer.ID, "Metz", "FRF33", &w.metz)
	w.buyerUser = db.User(t, storetest.UserOptions{Organisation: w.buyer.ID}).ID
	reserved := func(b domain.LegalBasis, cpv ...string) []domain.TenderLot {
		return []domain.TenderLot{{Title: "Lot unique", CPV: cpv, Clauses: domain.LotClauses{
			ReservedParticipation: domain.ReservedShelteredWorkshops, LegalBases: []domain.LegalBasis{b}}}}
	}
	now := time.Now()
	w.tenderFR = db.Tender(t, w.buyer.ID, storetest.TenderOptions{Deadline: now.AddDate(0, 0, 20), PublishedAt: w.tendDate,
		Texts: []domain.TenderText{{Language: domain.LangFR, Title: "Nettoyage des écoles", Description: "Trois groupes scolaires."}},
		Lots:  reserved(domain.BasisFRL211312, "90911200-8")})
	w.tenderLU = db.Tender(t, w.buyer.ID, storetest.TenderOptions{Deadline: now.AddDate(0, 0, 40), PublishedAt: day(4),
		PlaceNUTS: "LU000", PlaceTown: "Luxembourg",
		Texts: []domain.TenderText{{Language: domain.LangFR, Title: "Entretien des espaces verts", Description: "Parcs de la ville."}},
		Lots:  reserved(domain.BasisLU2018Art20)})

	err := core.EachSearchDocument(t.Context(), db.Store, time.Now(), 100, func(docs []search.Document) error {
		return e.search.Index(t.Context(), core.SearchLiveIndex, docs)
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// searchFor runs GET /api/v1/search with query (url-encoded here).
func searchFor(c *client, status int, query string, headers ...string) response {
	c.e.t.Helper()
	v, err := url.ParseQuery(query)
	if err != nil {
		c.e.t.Fatal(err)
	}
	return c.expect(status, "GET", "/api/v1/search?"+v.Encode(), nil, headers...)
}

func hits(r response) []map[string]any {
	items, _ := r.body["items"].([]any)
	out := make([]map[string]any, len(items))
	for i, x := range items {
		out[i] = x.(map[string]any)
	}
	return out
}

func hitIDs(r response) []string {
	var out []string
	for _, h := range hits(r) {
		out = append(out, h["id"].(string))
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestSearchFindsListingsAcrossLanguages(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.searchWorld()
	c := e.client()

	r := searchFor(c, http.StatusOK, "q=Reinigung&lang=de")
	var found map[string]any
	for _, h := range hits(r) {
		if h["id"] == w.offerFR.ID {
			found = h
		}
	}
	if found == nil {
		t.Fatalf("a German query does not find the French offer: %s", r.raw)
	}
	if found["kind"] != "offer" || found["matched_language"] != "fr" || found["translated"] != true ||
		found["language"] != "fr" || found["title"] != "Nettoyage de bureaux" || found["organisation_name"] != "Les Tilleuls" ||
		found["country"] != "FR" || found["town"] != "Metz" {
		t.Errorf("French offer hit: %v", found)
	}
	if s, _ := found["snippet"].(string); !strings.Contains(s, "<mark>Nettoyage</mark>") {
		t.Errorf("snippet %q has no highlighted match", s)
	}
	if r.body["language"] != "de" || r.body["language_detected"] != false {
		t.Errorf("language %v detected %v", r.body["language"], r.body["language_detected"])
	}

	// The same words in their own language: matched, not translated,
	// ranked first.
	r = searchFor(c, http.StatusOK, "q=nettoyage de bureaux")
	if h := hits(r); len(h) == 0 || h[0]["id"] != w.offerFR.ID || h[0]["translated"] != false || r.body["language_detected"] != true {
		t.Errorf("French query: %s", r.raw)
	}

	// A tender shows its deadline; a snippet is escaped HTML.
	r = searchFor(c, http.StatusOK, "q=écoles&kind=tender")
	if h := hits(r); len(h) != 1 || h[0]["id"] != w.tenderFR.ID || h[0]["deadline"] == nil || h[0]["organisation_name"] != "Ville de Metz" {
		t.Errorf("tender hit: %s", r.raw)
	}
}

func TestSearchFiltersNarrow(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.searchWorld()
	c := e.client()
	all := []string{w.supFR.ID, w.supLU.ID, w.offerFR.ID, w.laundryFR.ID, w.laundryLU.ID, w.windows.ID, w.tenderFR.ID, w.tenderLU.ID}
	soon := time.Now().AddDate(0, 0, 30).Format(time.DateOnly)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", all},
		{"kind=tender", []string{w.tenderFR.ID, w.tenderLU.ID}},
		{"kind=offer,supplier&country=LU", []string{w.laundryLU.ID, w.supLU.ID}},
		{"country=LU", []string{w.laundryLU.ID, w.supLU.ID, w.tenderLU.ID}},
		// A region matches its sub-regions.
		{"nuts=FRF", []string{w.supFR.ID, w.offerFR.ID, w.laundryFR.ID, w.windows.ID, w.tenderFR.ID}},
		{"nuts=lu000&kind=tender", []string{w.tenderLU.ID}},
		{"sector=laundry.laundry", []string{w.laundryFR.ID, w.laundryLU.ID, w.supFR.ID, w.supLU.ID}},
		{"sector=laundry&kind=offer", []string{w.laundryFR.ID, w.laundryLU.ID}},
		// CPV prefixes of any length, or full codes with the check digit.
		{"cpv=98&kind=offer", []string{w.laundryFR.ID, w.laundryLU.ID}},
		{"cpv=9831&kind=offer", []string{w.laundryFR.ID, w.laundryLU.ID}},
		{"cpv=98311000-6&kind=offer", []string{w.laundryFR.ID, w.laundryLU.ID}},
		{"cpv=909", []string{w.tenderFR.ID}},
		{"cpv=909112008", []string{w.tenderFR.ID}},
		{"status_type=lu_atelier_protege", []string{w.laundryLU.ID, w.supLU.ID}},
		{"deadline_to=" + soon, []string{w.tenderFR.ID}},
		{"deadline_from=" + soon, []string{w.tenderLU.ID}},
		{"cross_border=false", []string{w.laundryFR.ID, w.windows.ID}},
		{"cross_border=true&kind=offer", []string{w.offerFR.ID, w.laundryLU.ID}},
		// The supplier through the labels of its offers' sectors.
		{"q=blanchisserie&country=FR", []string{w.laundryFR.ID, w.supFR.ID}},
	} {
		r := searchFor(c, http.StatusOK, tc.query)
		if got := hitIDs(r); !sameSet(got, tc.want) {
			t.Errorf("%q: %d hits %v, want %d %v", tc.query, len(got), got, len(tc.want), tc.want)
		}
	}
}

func TestSearchEligibility(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.searchWorld()
	// An ESAT with 80 % qualifies under FR_L2113_12 and the Luxembourg
	// basis; a Luxembourg atelier protégé with 40 % under the Luxembourg
	// one only (the French floor is 50 %).
	r := searchFor(e.as(w.supFRUser), http.StatusOK, "eligible=true&facets=reserved_basis")
	if got := hitIDs(r); !sameSet(got, []string{w.tenderFR.ID, w.tenderLU.ID}) {
		t.Errorf("French ESAT sees %v", got)
	}
	r = searchFor(e.as(w.supLUUser), http.StatusOK, "eligible=true")
	if got := hitIDs(r); !sameSet(got, []string{w.tenderLU.ID}) {
		t.Errorf("Luxembourg atelier sees %v, want the Luxembourg tender only", got)
	}
	r = searchFor(e.client(), http.StatusUnauthorized, "eligible=true")
	if !strings.Contains(r.header.Get("Content-Type"), "problem+json") {
		t.Errorf("anonymous: %s", r.raw)
	}
	r = searchFor(e.as(w.buyerUser), http.StatusUnprocessableEntity, "eligible=true", "Accept-Language", "fr")
	if !strings.Contains(r.raw, `"location":"query.eligible"`) || !strings.Contains(r.raw, "fournisseur ESS") {
		t.Errorf("a buyer asking for eligibility: %s", r.raw)
	}
	// eligible=false does not filter.
	if got := hitIDs(searchFor(e.as(w.buyerUser), http.StatusOK, "eligible=false&kind=tender")); len(got) != 2 {
		t.Errorf("eligible=false: %v", got)
	}
}

func TestSearchAroundPointOrTown(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.searchWorld()
	c := e.client()
	inMetz := []string{w.supFR.ID, w.offerFR.ID, w.laundryFR.ID, w.windows.ID, w.tenderFR.ID}
	inLuxembourg := []string{w.supLU.ID, w.laundryLU.ID, w.tenderLU.ID}
	for query, want := range map[string][]string{
		"near=49.1193,6.1757&radius_km=10": inMetz,
		"town=metz&radius_km=10":           inMetz,
		"town=Luxembourg&radius_km=10":     inLuxembourg,
		"town=Luxembourg&country=LU":       inLuxembourg,
		"near=49.1193,6.1757&radius_km=80": append(slices.Clone(inMetz), inLuxembourg...),
	} {
		r := searchFor(c, http.StatusOK, query)
		if got := hitIDs(r); !sameSet(got, want) {
			t.Errorf("%s: %v, want %v", query, got, want)
		}
		for _, h := range hits(r) {
			if _, ok := h["distance_km"].(float64); !ok {
				t.Errorf("%s: hit %v has no distance", query, h)
			}
			// Every listing found around a point has a place, for the map.
			if lat, ok := h["latitude"].(float64); !ok || lat < 49 || lat > 50 {
				t.Errorf("%s: hit %v has no latitude in the Grande Région", query, h)
			}
			if _, ok := h["longitude"].(float64); !ok {
				t.Errorf("%s: hit %v has no longitude", query, h)
			}
		}
	}
	r := searchFor(c, http.StatusUnprocessableEntity, "town=Metzz", "Accept-Language", "de")
	if !strings.Contains(r.raw, `"location":"query.town"`) || !strings.Contains(r.raw, "Metz") || !strings.Contains(r.raw, "kennt keinen Ort") {
		t.Errorf("unknown town: %s", r.raw)
	}
	r = searchFor(c, http.StatusUnprocessableEntity, "town=Metz&country=LU")
	if !strings.Contains(r.raw, `"location":"query.town"`) {
		t.Errorf("a town of another country: %s", r.raw)
	}
}

func TestSearchSorts(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.searchWorld()
	c := e.client()
	if got, want := hitIDs(searchFor(c, http.StatusOK, "kind=offer&sort=date")), []string{w.windows.ID, w.laundryFR.ID, w.laundryLU.ID, w.offerFR.ID}; !slices.Equal(got, want) {
		t.Errorf("newest first: %v, want %v", got, want)
	}
	// Without text, date is the default.
	if got, want := hitIDs(searchFor(c, http.StatusOK, "kind=offer")), []string{w.windows.ID, w.laundryFR.ID, w.laundryLU.ID, w.offerFR.ID}; !slices.Equal(got, want) {
		t.Errorf("default without text: %v, want %v", got, want)
	}
	if got, want := hitIDs(searchFor(c, http.StatusOK, "sort=deadline&kind=tender")), []string{w.tenderFR.ID, w.tenderLU.ID}; !slices.Equal(got, want) {
		t.Errorf("soonest deadline first: %v, want %v", got, want)
	}
	r := searchFor(c, http.StatusOK, "sort=distance&town=Luxembourg&radius_km=100&kind=offer,tender")
	if got, want := hitIDs(r), []string{w.laundryLU.ID, w.tenderLU.ID}; len(got) != 6 || !sameSet(got[:2], want) {
		t.Errorf("nearest first: %v, want %v first", got, want)
	}
	last := -1.0
	for _, h := range hits(r) {
		d := h["distance_km"].(float64)
		if d < last {
			t.Errorf("distances not ascending: %s", r.raw)
		}
		last = d
	}
	if h := hits(searchFor(c, http.StatusOK, "q=blanchisserie hôpitaux&sort=relevance")); len(h) == 0 || h[0]["id"] != w.laundryFR.ID {
		t.Errorf("most relevant first: %v", h)
	}
}

func TestSearchFacetsAndPages(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.searchWorld()
	c := e.client()
	r := searchFor(c, http.StatusOK, "facets=kind,country&facets=sector&limit=1", "Accept-Language", "fr")
	facets, _ := r.body["facets"].(map[string]any)
	count := func(facet, value string) (float64, string) {
		vs, _ := facets[facet].([]any)
		for _, v := range vs {
			m := v.(map[string]any)
			if m["value"] == value {
				label, _ := m["label"].(string)
				return m["count"].(float64), label
			}
		}
		return 0, ""
	}
	for _, tc := range []struct {
		facet, value string
		count        float64
		label        string
	}{
		{"kind", "offer", 4, "Offres"}, {"kind", "tender", 2, "Appels d'offres"}, {"kind", "supplier", 2, "Fournisseurs"},
		{"country", "FR", 5, ""}, {"country", "LU", 3, ""},
		{"sector", "laundry.laundry", 4, "Blanchisserie"},
	} {
		if n, label := count(tc.facet, tc.value); n != tc.count || label != tc.label {
			t.Errorf("facet %s=%s: %v %q, want %v %q", tc.facet, tc.value, n, label, tc.count, tc.label)
		}
	}
	// Labels of codes in the caller's language, from the catalogues and
	// the CPV table (storetest's placeholder labels).
	r2 := searchFor(c, http.StatusOK, "facets=cpv,status_type,reserved_basis&kind=offer,tender", "Accept-Language", "de")
	facets, _ = r2.body["facets"].(map[string]any)
	for _, tc := range []struct {
		facet, value string
		count        float64
		label        string
	}{
		{"cpv", "98311000", 2, "CPV 98311000-6"}, {"cpv", "98000000", 2, "CPV 98000000-3"},
		{"status_type", "lu_atelier_protege", 1, domain.SSELuAtelierProtege.Label("de")},
		{"reserved_basis", "FR_L2113_12", 1, domain.BasisFRL211312.Label("de")},
	} {
		if n, label := count(tc.facet, tc.value); n != tc.count || label != tc.label || label == "" {
			t.Errorf("facet %s=%s: %v %q, want %v %q", tc.facet, tc.value, n, label, tc.count, tc.label)
		}
	}
	if r.body["total"] != 8.0 || len(hits(r)) != 1 {
		t.Errorf("total %v, %d hits", r.body["total"], len(hits(r)))
	}

	// Pages of 3 by date: every listing once, in order, then no cursor.
	var seen []string
	cursor := ""
	for range 5 {
		r := searchFor(c, http.StatusOK, "limit=3&sort=date&cursor="+url.QueryEscape(cursor))
		seen = append(seen, hitIDs(r)...)
		cursor, _ = r.body["next_cursor"].(string)
		if cursor == "" {
			break
		}
	}
	want := []string{w.supFR.ID, w.supLU.ID, w.offerFR.ID, w.laundryFR.ID, w.laundryLU.ID, w.windows.ID, w.tenderFR.ID, w.tenderLU.ID}
	if len(seen) != len(want) || !sameSet(seen, want) || cursor != "" {
		t.Errorf("pages gave %d listings %v (last cursor %q), want each of %d once", len(seen), seen, cursor, len(want))
	}
	// A cursor of another sort is refused, as a field.
	first := searchFor(c, http.StatusOK, "limit=1&sort=date")
	r = searchFor(c, http.StatusUnprocessableEntity, "limit=1&sort=deadline&cursor="+url.QueryEscape(first.body["next_cursor"].(string)))
	if !strings.Contains(r.raw, `"location":"query.cursor"`) {
		t.Errorf("cursor of another sort: %s", r.raw)
	}
}

func TestSearchShowsOnlyPublicListings(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.searchWorld()
	c := e.client()
	if got := hitIDs(searchFor(c, http.StatusOK, "q=nettoyage vitres")); !slices.Contains(got, w.windows.ID) {
		t.Fatalf("the offer is found while published: %v", got)
	}
	// Archived after indexing: still in the index, never shown.
	if _, err := e.db.Pool.Exec(t.Context(), `UPDATE offers SET state = 'archived', archived_at = now() WHERE id = $1`, w.windows.ID); err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(searchFor(c, http.StatusOK, "q=nettoyage vitres")); slices.Contains(got, w.windows.ID) {
		t.Errorf("an archived offer is shown: %v", got)
	}
	// Past its deadline, a tender is no longer shown, though indexed.
	e.clock.advance(21 * 24 * time.Hour)
	if got := hitIDs(searchFor(c, http.StatusOK, "kind=tender")); !slices.Equal(got, []string{w.tenderLU.ID}) {
		t.Errorf("after the first deadline: %v", got)
	}
	// Never-published drafts are not in the index at all.
	for _, h := range hits(searchFor(c, http.StatusOK, "q=brouillon")) {
		t.Errorf("a draft is shown: %v", h)
	}
}

// A buyer who stays anonymous is named nowhere in search, and its tender
// is placed at the town of performance, never at the buyer's address.
func TestSearchHidesAnonymousBuyers(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.searchWorld()
	hidden := e.db.Tender(t, w.buyer.ID, storetest.TenderOptions{Anonymous: true, PlaceNUTS: "LU000", PlaceTown: "luxembourg",
		Texts: []domain.TenderText{{Language: domain.LangFR, Title: "Marché discret de jardinage"}}})
	docs, _, err := core.SearchDocuments(t.Context(), e.db.Store, []core.SearchRef{{Kind: search.KindTender, ID: hidden.ID}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := e.search.Index(t.Context(), core.SearchLiveIndex, docs); err != nil {
		t.Fatal(err)
	}
	r := searchFor(e.client(), http.StatusOK, "q=jardinage discret&town=Luxembourg&radius_km=5")
	h := hits(r)
	if len(h) != 1 || h[0]["id"] != hidden.ID || h[0]["organisation_name"] != "" || h[0]["town"] != "luxembourg" ||
		h[0]["distance_km"] != 0.0 || strings.Contains(r.raw, "Ville de Metz") {
		t.Errorf("anonymous tender: %s", r.raw)
	}
}

func TestSearchBadInput(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()
	q := url.Values{
		"q": {strings.Repeat("a", 501)}, "lang": {"xx"}, "kind": {"offer", "event"}, "country": {"France"},
		"nuts": {"F-1"}, "sector": {"nope"}, "cpv": {"4", "45214200-3"}, "status_type": {"fr_nope"}, "eligible": {"yes"},
		"deadline_from": {"tomorrow"}, "deadline_to": {"2026-13-01"}, "cross_border": {"maybe"}, "near": {"north"},
		"radius_km": {"-2"}, "sort": {"price"}, "facets": {"colour"}, "limit": {"0"}, "cursor": {strings.Repeat("x", 2001)},
	}
	r := c.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/search?"+q.Encode(), nil, "Accept-Language", "nl")
	got := map[string]bool{}
	errs, _ := r.body["errors"].([]any)
	for _, x := range errs {
		f := x.(map[string]any)
		got[f["location"].(string)] = true
		if m, _ := f["message"].(string); m == "" || strings.HasPrefix(m, "the ") || strings.Contains(m, " is not a ") {
			t.Errorf("%s: message %q is not in Dutch", f["location"], m)
		}
	}
	for _, field := range []string{"q", "lang", "kind", "country", "nuts", "sector", "cpv", "status_type", "eligible",
		"deadline_from", "deadline_to", "cross_border", "near", "radius_km", "sort", "facets", "limit", "cursor"} {
		if !got["query."+field] {
			t.Errorf("query.%s is not named: %s", field, r.raw)
		}
	}
	for query, field := range map[string]string{
		"sort=distance":      "query.sort",
		"radius_km=5":        "query.radius_km",
		"near=1,2&town=Metz": "query.town",
		"near=91,0":          "query.near",
		"deadline_from=2026-12-02&deadline_to=2026-12-01": "query.deadline_to",
		"country=" + manyCountries:                        "query.country",
		"cursor=bm90LWEtY3Vyc29y":                         "query.cursor",
	} {
		r := c.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/search?"+query, nil)
		if !strings.Contains(r.raw, `"location":"`+field+`"`) {
			t.Errorf("%s: %s", query, r.raw)
		}
	}
}

// What only the database can tell is named with the rest: an unknown
// town beside a wrong sort, a buyer asking for eligibility beside a wrong
// limit.
func TestSearchBadInputNeedingTheDatabase(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.searchWorld()
	for _, tc := range []struct {
		c     *client
		query string
		want  []string
	}{
		{e.client(), "town=Nowhere&sort=price", []string{"query.town", "query.sort"}},
		{e.as(w.buyerUser), "eligible=true&limit=500", []string{"query.eligible", "query.limit"}},
	} {
		r := searchFor(tc.c, http.StatusUnprocessableEntity, tc.query)
		for _, f := range tc.want {
			if !strings.Contains(r.raw, `"location":"`+f+`"`) {
				t.Errorf("%s: %s not named: %s", tc.query, f, r.raw)
			}
		}
	}
}

// manyCountries is one value more than a parameter takes.
var manyCountries = func() string {
	var cs []string
	for i := range core.MaxSearchValues + 1 {
		cs = append(cs, "A"+string(rune('A'+i)))
	}
	return strings.Join(cs, ",")
}()

func TestSearchEngineDown(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	e.searchWorld()
	if err := e.search.Close(); err != nil {
		t.Fatal(err)
	}
	r := searchFor(e.client(), http.StatusServiceUnavailable, "q=nettoyage", "Accept-Language", "fr")
	if r.body["detail"] != "La recherche est momentanément indisponible ; réessayez dans un instant." ||
		!strings.Contains(r.header.Get("Content-Type"), "problem+json") {
		t.Errorf("engine down: %s", r.raw)
	}
}

// TestSearchRanksOwnWordsAboveTranslatedLabels reproduces the demo's
// "Reinigung": a German query finds German, English and French cleaning
// offers of the same sector, whose German sector label ("Büroreinigung")
// every one of them carries. The German offer, whose own description says
// "Reinigung", comes first; the French one is found too but flagged as a
// translation, matched in its own French words (the German label is a
// translation of its classification, not its text).
func TestSearchRanksOwnWordsAboveTranslatedLabels(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	db := e.db
	org := db.Organisation(t, storetest.OrganisationOptions{LegalName: "Lorraine Services Adaptés"})
	de := db.Offer(t, org.ID, storetest.OfferOptions{Language: domain.LangDE, Sectors: []string{"cleaning.offices"},
		Title:       "Unterhaltsreinigung von Büros und Verwaltungsgebäuden",
		Description: "Wöchentliche Reinigung Ihrer Büros, tagsüber oder außerhalb der Geschäftszeiten, durch betreute Teams."})
	en := db.Offer(t, org.ID, storetest.OfferOptions{Language: domain.LangEN, Sectors: []string{"cleaning.offices"},
		Title:       "Office and administrative building cleaning",
		Description: "Daily or weekly cleaning of your offices, during the day or outside working hours, by supervised teams."})
	fr := db.Offer(t, org.ID, storetest.OfferOptions{Language: domain.LangFR, Sectors: []string{"cleaning.offices"},
		Title:       "Nettoyage de bureaux et de locaux administratifs",
		Description: "Nettoyage quotidien ou hebdomadaire de vos bureaux, en journée ou en dehors des heures de travail."})
	// "Grünflächenpflege" is the German label of their sector: the
	// French offer has it as a translation only (none of its own words
	// translates the query), the German one in its title.
	greenFR := db.Offer(t, org.ID, storetest.OfferOptions{Language: domain.LangFR, Sectors: []string{"green_spaces.maintenance"},
		Title: "Tonte et taille de haies", Description: "Désherbage sans produits chimiques."})
	greenDE := db.Offer(t, org.ID, storetest.OfferOptions{Language: domain.LangDE, Sectors: []string{"green_spaces.maintenance"},
		Title: "Grünflächenpflege", Description: "Rasenmähen, Heckenschnitt und Unkrautbeseitigung ohne Chemie."})
	err := core.EachSearchDocument(t.Context(), db.Store, time.Now(), 100, func(docs []search.Document) error {
		return e.search.Index(t.Context(), core.SearchLiveIndex, docs)
	})
	if err != nil {
		t.Fatal(err)
	}

	r := searchFor(e.client(), http.StatusOK, "q=Grünflächenpflege&lang=de")
	if got := hitIDs(r); !slices.Equal(got, []string{greenDE.ID, greenFR.ID}) {
		t.Errorf("Grünflächenpflege: want the German offer, then the French one: %s", r.raw)
	} else if h := hits(r); h[0]["translated"] != false || h[0]["matched_language"] != "de" ||
		h[1]["translated"] != true || h[1]["matched_language"] != "fr" || h[1]["language"] != "fr" {
		// The French offer matched the labels of its sector only: its
		// own French label (met by the query's French translation) is
		// reported before the German one (a translation of its
		// classification); either way, a translation.
		t.Errorf("Grünflächenpflege: flags %s", r.raw)
	}

	r = searchFor(e.client(), http.StatusOK, "q=Reinigung&lang=de")
	got := hits(r)
	if len(got) != 3 || got[0]["id"] != de.ID {
		t.Fatalf("want the German offer first of the three: %s", r.raw)
	}
	byID := map[string]map[string]any{}
	for _, h := range got {
		byID[h["id"].(string)] = h
	}
	if h := byID[de.ID]; h["matched_language"] != "de" || h["translated"] != false {
		t.Errorf("German offer: %v", h)
	}
	for _, c := range []struct {
		id   string
		lang string
	}{{fr.ID, "fr"}, {en.ID, "en"}} {
		if h := byID[c.id]; h["matched_language"] != c.lang || h["translated"] != true || h["language"] != c.lang {
			t.Errorf("%s offer: %v", c.lang, h)
		}
	}
}
