package web_test

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
	"passerelle/internal/web"
)

func TestMain(m *testing.M) { storetest.Main(m) }

const base = "https://passerelle.example"

// index is frontend/index.html as Vite builds it, markers included.
const index = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <!--passerelle:head-->
    <title>Passerelle</title>
    <meta name="description" content="default" />
    <!--/passerelle:head-->
    <script type="module" crossorigin src="/assets/index-1.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`

func newHandler(t *testing.T, db *storetest.DB, perSitemap int) *web.Handler {
	t.Helper()
	pages := core.NewPublicPages(db.Store, core.NewOffers(db.Store, nil, nil, core.OffersConfig{}),
		core.NewTenders(db.Store, nil, nil, core.TendersConfig{}), core.NewOrganisations(db.Store, nil))
	return web.New(fstest.MapFS{"index.html": {Data: []byte(index)}}, true,
		web.Options{Pages: pages, PublicURL: base + "/", PerSitemap: perSitemap})
}

func get(h http.Handler, target, acceptLanguage string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if acceptLanguage != "" {
		req.Header.Set("Accept-Language", acceptLanguage)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// pageHead is what a crawler reads in a page's head.
type pageHead struct {
	Lang, Title, Description, Canonical string
	Alternates                          map[string]string
	OG                                  map[string]string
	Robots                              string
	JSONLD                              map[string]any
	scripts                             int
}

var (
	reHTMLLang   = regexp.MustCompile(`<html lang="([^"]*)"`)
	reTitle      = regexp.MustCompile(`<title>([^<]*)</title>`)
	reMeta       = regexp.MustCompile(`<meta (name|property)="([^"]+)" content="([^"]*)" />`)
	reCanonical  = regexp.MustCompile(`<link rel="canonical" href="([^"]*)" />`)
	reAlternate  = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]*)" />`)
	reJSONLD     = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	reAnyScript  = regexp.MustCompile(`<script\b`)
	reTitleCount = regexp.MustCompile(`<title>`)
)

func parseHead(t *testing.T, body string) pageHead {
	t.Helper()
	h := pageHead{Alternates: map[string]string{}, OG: map[string]string{}}
	if m := reHTMLLang.FindStringSubmatch(body); m != nil {
		h.Lang = m[1]
	}
	if n := len(reTitleCount.FindAllString(body, -1)); n != 1 {
		t.Fatalf("%d <title> elements in\n%s", n, body)
	}
	h.Title = html.UnescapeString(reTitle.FindStringSubmatch(body)[1])
	for _, m := range reMeta.FindAllStringSubmatch(body, -1) {
		v := html.UnescapeString(m[3])
		switch {
		case m[2] == "description":
			h.Description = v
		case m[2] == "robots":
			h.Robots = v
		case strings.HasPrefix(m[2], "og:"):
			h.OG[m[2]] = v
		}
	}
	if m := reCanonical.FindStringSubmatch(body); m != nil {
		h.Canonical = html.UnescapeString(m[1])
	}
	for _, m := range reAlternate.FindAllStringSubmatch(body, -1) {
		h.Alternates[m[1]] = html.UnescapeString(m[2])
	}
	if m := reJSONLD.FindStringSubmatch(body); m != nil {
		if err := json.Unmarshal([]byte(m[1]), &h.JSONLD); err != nil {
			t.Fatalf("JSON-LD: %v\n%s", err, m[1])
		}
	}
	h.scripts = len(reAnyScript.FindAllString(body, -1))
	return h
}

func TestTenderPageDescribesTheTenderInTheAskedLanguage(t *testing.T) {
	db := storetest.New(t)
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Ville de Metz"})
	deadline := time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC)
	tender := db.Tender(t, buyer.ID, storetest.TenderOptions{Deadline: deadline, PlaceTown: "Metz", Texts: []domain.TenderText{
		{Language: domain.LangFR, Title: "Entretien des espaces verts", Description: "Tonte et **taille** des haies du parc."},
		{Language: domain.LangDE, Title: "Grünflächenpflege", Description: "Mähen und *Heckenschnitt* im Park."},
	}})
	h := newHandler(t, db, 0)
	url := base + "/tenders/" + tender.ID

	rec := get(h, "/tenders/"+tender.ID+"?lang=de", "fr")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("Cache-Control %q", cc)
	}
	hd := parseHead(t, rec.Body.String())
	if hd.Lang != "de" || hd.Title != "Grünflächenpflege · Passerelle" {
		t.Errorf("lang %q, title %q", hd.Lang, hd.Title)
	}
	if hd.Description != "Ausschreibung, Metz, Angebote bis 31.12.2026. Mähen und Heckenschnitt im Park." {
		t.Errorf("description %q", hd.Description)
	}
	if hd.Canonical != url {
		t.Errorf("canonical %q, want %q", hd.Canonical, url)
	}
	want := map[string]string{"fr": url + "?lang=fr", "de": url + "?lang=de", "en": url + "?lang=en", "nl": url + "?lang=nl", "x-default": url}
	if !maps.Equal(hd.Alternates, want) {
		t.Errorf("alternates %v", hd.Alternates)
	}
	if hd.OG["og:title"] != hd.Title || hd.OG["og:description"] != hd.Description || hd.OG["og:url"] != url ||
		hd.OG["og:locale"] != "de_DE" || hd.OG["og:site_name"] != "Passerelle" || hd.OG["og:type"] != "website" {
		t.Errorf("OpenGraph %v", hd.OG)
	}
	if hd.Robots != "" {
		t.Errorf("a public tender is to be indexed: robots %q", hd.Robots)
	}
	ld := hd.JSONLD
	if ld["@context"] != "https://schema.org" || ld["@type"] != "Demand" || ld["name"] != "Grünflächenpflege" ||
		ld["url"] != url || ld["description"] != hd.Description || ld["validThrough"] != "2026-12-31T12:00:00Z" {
		t.Errorf("JSON-LD %v", ld)
	}
	seeker := ld["@reverse"].(map[string]any)["seeks"].(map[string]any)
	if seeker["@type"] != "Organization" || seeker["name"] != "Ville de Metz" || seeker["url"] != base+"/organisations/"+buyer.ID {
		t.Errorf("buyer %v", seeker)
	}
	if place := ld["areaServed"].(map[string]any); place["name"] != "Metz" {
		t.Errorf("place %v", place)
	}
	if lots := ld["itemOffered"].([]any); len(lots) != 1 || lots[0].(map[string]any)["name"] != "Lot 1" {
		t.Errorf("lots %v", lots)
	}

	// Without ?lang=, Accept-Language chooses; a language the tender has
	// no text in gets its original text under a head in that language.
	hd = parseHead(t, get(h, "/tenders/"+tender.ID, "nl-BE,nl;q=0.9").Body.String())
	if hd.Lang != "nl" || hd.Title != "Entretien des espaces verts · Passerelle" ||
		!strings.HasPrefix(hd.Description, "Aanbesteding, Metz, inschrijven tot 31-12-2026. Tonte et taille") {
		t.Errorf("nl: lang %q, title %q, description %q", hd.Lang, hd.Title, hd.Description)
	}
	// Neither: English.
	if hd = parseHead(t, get(h, "/tenders/"+tender.ID+"?lang=xx", "").Body.String()); hd.Lang != "en" || hd.OG["og:locale"] != "en_GB" {
		t.Errorf("default: lang %q", hd.Lang)
	}
}

func TestAnonymousBuyerIsNotNamed(t *testing.T) {
	db := storetest.New(t)
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Secret Buyer"})
	tender := db.Tender(t, buyer.ID, storetest.TenderOptions{Anonymous: true})
	body := get(newHandler(t, db, 0), "/tenders/"+tender.ID, "").Body.String()
	hd := parseHead(t, body)
	if _, ok := hd.JSONLD["@reverse"]; ok || strings.Contains(body, "Secret Buyer") || strings.Contains(body, buyer.ID) {
		t.Errorf("the anonymous buyer shows:\n%s", body)
	}
}

func TestPagesThatMayNotBeSeenAreNotFound(t *testing.T) {
	db := storetest.New(t)
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	suspended := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, Status: domain.OrgSuspended})
	supplier := db.Organisation(t, storetest.OrganisationOptions{Status: domain.OrgSuspended})
	draft := db.Tender(t, buyer.ID, storetest.TenderOptions{State: domain.TenderDraft, Texts: []domain.TenderText{
		{Language: domain.LangFR, Title: "Brouillon secret"}}})
	hidden := db.Tender(t, suspended.ID, storetest.TenderOptions{Texts: []domain.TenderText{
		{Language: domain.LangFR, Title: "Marché suspendu"}}})
	pending := db.Offer(t, supplier.ID, storetest.OfferOptions{State: domain.OfferPending, Title: "Offre en attente"})
	h := newHandler(t, db, 0)
	for _, path := range []string{"/tenders/" + draft.ID, "/tenders/" + hidden.ID, "/offers/" + pending.ID,
		"/organisations/" + suspended.ID, "/organisations/" + supplier.ID, "/tenders/not-an-id", "/offers/0190d0e4-0000-7000-8000-000000000000"} {
		rec := get(h, path+"?lang=fr", "")
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d", path, rec.Code)
			continue
		}
		body := rec.Body.String()
		hd := parseHead(t, body)
		if hd.Title != "Page introuvable · Passerelle" || hd.Robots != "noindex" || hd.Canonical != "" || hd.JSONLD != nil ||
			strings.Contains(body, "secret") || strings.Contains(body, "suspendu") || strings.Contains(body, "attente") {
			t.Errorf("%s: %+v", path, hd)
		}
		if !strings.Contains(body, `<div id="root"></div>`) || !strings.Contains(body, "/assets/index-1.js") {
			t.Errorf("%s: not the app shell:\n%s", path, body)
		}
	}
}

func TestTitlesCannotInjectMarkup(t *testing.T) {
	db := storetest.New(t)
	evil := `</script><script>alert(1)</script>"><b>`
	supplier := db.Organisation(t, storetest.OrganisationOptions{LegalName: evil})
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: evil})
	tender := db.Tender(t, buyer.ID, storetest.TenderOptions{Texts: []domain.TenderText{
		{Language: domain.LangFR, Title: evil, Description: evil + " <img src=x onerror=alert(2)>"}}})
	offer := db.Offer(t, supplier.ID, storetest.OfferOptions{Title: evil, Description: evil})
	h := newHandler(t, db, 0)
	for _, path := range []string{"/tenders/" + tender.ID, "/offers/" + offer.ID, "/organisations/" + supplier.ID,
		"/search?q=" + strings.ReplaceAll(evil, "<", "%3C")} {
		body := get(h, path, "").Body.String()
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>") || strings.Contains(body, "<img") {
			t.Errorf("%s: markup injected:\n%s", path, body)
		}
		hd := parseHead(t, body)
		// One JSON-LD script and the app's: nothing more.
		if hd.scripts != 2 && !strings.HasPrefix(path, "/search") {
			t.Errorf("%s: %d script elements", path, hd.scripts)
		}
		if !strings.Contains(hd.Title, evil) {
			t.Errorf("%s: title %q lost the text", path, hd.Title)
		}
		if name, _ := hd.JSONLD["name"].(string); !strings.HasPrefix(path, "/search") && name != evil &&
			!strings.HasPrefix(path, "/organisations/") {
			t.Errorf("%s: JSON-LD name %q", path, name)
		}
	}
}

func TestOfferAndOrganisationPages(t *testing.T) {
	db := storetest.New(t)
	supplier := db.Organisation(t, storetest.OrganisationOptions{LegalName: "Les Ateliers du Saulnois SCOP", TradeName: "Ateliers du Saulnois"})
	supplier = db.Place(t, supplier.ID, "Château-Salins", "FRF33", &domain.GeoPoint{Latitude: 48.82, Longitude: 6.51})
	offer := db.Offer(t, supplier.ID, storetest.OfferOptions{Title: "Nettoyage de bureaux", Description: "Nettoyage écologique.",
		Translations: []domain.OfferText{{Lang: domain.LangEN, Title: "Office cleaning", Description: "Green cleaning."}}})
	h := newHandler(t, db, 0)

	hd := parseHead(t, get(h, "/offers/"+offer.ID+"?lang=en", "").Body.String())
	if hd.Title != "Office cleaning · Passerelle" || hd.Description != "Offer by Ateliers du Saulnois. Green cleaning." ||
		hd.Canonical != base+"/offers/"+offer.ID {
		t.Errorf("offer: %+v", hd)
	}
	ld := hd.JSONLD
	provider := ld["provider"].(map[string]any)
	if ld["@type"] != "Service" || ld["name"] != "Office cleaning" || provider["name"] != "Ateliers du Saulnois" ||
		provider["@type"] != "Organization" || ld["offers"].(map[string]any)["@type"] != "Offer" {
		t.Errorf("offer JSON-LD %v", ld)
	}
	if hd = parseHead(t, get(h, "/offers/"+offer.ID+"?lang=fr", "").Body.String()); hd.Title != "Nettoyage de bureaux · Passerelle" {
		t.Errorf("offer in French: %q", hd.Title)
	}

	hd = parseHead(t, get(h, "/organisations/"+supplier.ID+"?lang=fr", "").Body.String())
	if hd.Title != "Ateliers du Saulnois · Passerelle" ||
		hd.Description != "Entreprise de l'économie sociale et solidaire, Château-Salins." {
		t.Errorf("organisation: %+v", hd)
	}
	ld = hd.JSONLD
	addr := ld["address"].(map[string]any)
	if ld["@type"] != "Organization" || ld["legalName"] != "Les Ateliers du Saulnois SCOP" || addr["addressLocality"] != "Château-Salins" ||
		addr["addressCountry"] != "FR" || ld["areaServed"].(map[string]any)["identifier"] != "FRF33" ||
		ld["geo"].(map[string]any)["latitude"] != 48.82 {
		t.Errorf("organisation JSON-LD %v", ld)
	}
}

func TestHomeAndSearchPages(t *testing.T) {
	db := storetest.New(t)
	h := newHandler(t, db, 0)
	hd := parseHead(t, get(h, "/", "de-DE").Body.String())
	if hd.Lang != "de" || hd.Canonical != base+"/" || hd.Alternates["fr"] != base+"/?lang=fr" || hd.Robots != "" {
		t.Errorf("home: %+v", hd)
	}
	action := hd.JSONLD["potentialAction"].(map[string]any)
	if hd.JSONLD["@type"] != "WebSite" || action["@type"] != "SearchAction" ||
		action["target"].(map[string]any)["urlTemplate"] != base+"/search?q={search_term_string}" {
		t.Errorf("home JSON-LD %v", hd.JSONLD)
	}

	hd = parseHead(t, get(h, "/search?q=v%C3%A9lo&lang=fr&cursor=abc&country=LU", "").Body.String())
	if hd.Title != "« vélo » : recherche · Passerelle" || hd.Canonical != base+"/search?country=LU&q=v%C3%A9lo" ||
		hd.Alternates["de"] != base+"/search?country=LU&q=v%C3%A9lo&lang=de" || hd.Robots != "noindex" {
		t.Errorf("search: %+v", hd)
	}
	if hd = parseHead(t, get(h, "/search", "").Body.String()); hd.Canonical != base+"/search" || hd.Robots != "" {
		t.Errorf("bare search: %+v", hd)
	}
	// Other app routes: the generic head, not to be indexed.
	rec := get(h, "/account/settings", "fr")
	if hd = parseHead(t, rec.Body.String()); rec.Code != http.StatusOK || hd.Title != "Passerelle" || hd.Lang != "fr" ||
		hd.Robots != "noindex" || hd.Canonical != "" || hd.JSONLD != nil {
		t.Errorf("app route: %d %+v", rec.Code, hd)
	}
	// Token links get neither canonical nor alternates: the token must
	// not travel into them.
	hd = parseHead(t, get(h, "/reset-password?token=secret-token&lang=nl", "").Body.String())
	if hd.Title != "Wachtwoord opnieuw instellen · Passerelle" || hd.Canonical != "" || len(hd.Alternates) != 0 || hd.Robots != "noindex" {
		t.Errorf("reset: %+v", hd)
	}
}

// sitemapURLSet is what the test reads of a sitemap.
type sitemapURLSet struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		Links   []struct {
			HrefLang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

type sitemapIndex struct {
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

func TestSitemapListsExactlyThePublicPages(t *testing.T) {
	db := storetest.New(t)
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	suspendedBuyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, Status: domain.OrgSuspended})
	supplier := db.Organisation(t, storetest.OrganisationOptions{})
	suspendedSupplier := db.Organisation(t, storetest.OrganisationOptions{Status: domain.OrgSuspended})
	open := db.Tender(t, buyer.ID, storetest.TenderOptions{})
	db.Tender(t, buyer.ID, storetest.TenderOptions{State: domain.TenderDraft})
	db.Tender(t, buyer.ID, storetest.TenderOptions{State: domain.TenderPending})
	db.Tender(t, suspendedBuyer.ID, storetest.TenderOptions{})
	published := db.Offer(t, supplier.ID, storetest.OfferOptions{})
	db.Offer(t, supplier.ID, storetest.OfferOptions{State: domain.OfferDraft})
	db.Offer(t, supplier.ID, storetest.OfferOptions{State: domain.OfferArchived})
	db.Offer(t, suspendedSupplier.ID, storetest.OfferOptions{})

	want := []string{base + "/", base + "/offers/" + published.ID, base + "/organisations/" + supplier.ID, base + "/tenders/" + open.ID}
	rec := get(newHandler(t, db, 0), "/sitemap.xml", "")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/xml") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	var set sitemapURLSet
	if err := xml.Unmarshal(rec.Body.Bytes(), &set); err != nil {
		t.Fatalf("%v\n%s", err, rec.Body.String())
	}
	var got []string
	for _, u := range set.URLs {
		got = append(got, u.Loc)
		if len(u.Links) != 5 || u.Links[0].HrefLang != "fr" || u.Links[0].Href != u.Loc+"?lang=fr" ||
			u.Links[4].HrefLang != "x-default" || u.Links[4].Href != u.Loc {
			t.Errorf("%s: alternates %+v", u.Loc, u.Links)
		}
		if u.Loc != base+"/" {
			if _, err := time.Parse(time.RFC3339, u.LastMod); err != nil {
				t.Errorf("%s: lastmod %q", u.Loc, u.LastMod)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("sitemap lists\n%v\nwant\n%v", got, want)
	}

	// Beyond PerSitemap URLs: an index of pages that together list the same.
	h := newHandler(t, db, 3)
	var idx sitemapIndex
	if err := xml.Unmarshal(get(h, "/sitemap.xml", "").Body.Bytes(), &idx); err != nil {
		t.Fatal(err)
	}
	if len(idx.Sitemaps) != 2 || idx.Sitemaps[1].Loc != base+"/sitemap.xml?page=2" {
		t.Fatalf("index %+v", idx)
	}
	got = nil
	for _, s := range idx.Sitemaps {
		var set sitemapURLSet
		if err := xml.Unmarshal(get(h, strings.TrimPrefix(s.Loc, base), "").Body.Bytes(), &set); err != nil {
			t.Fatal(err)
		}
		for _, u := range set.URLs {
			got = append(got, u.Loc)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("sitemap pages list\n%v\nwant\n%v", got, want)
	}
	if rec := get(h, "/sitemap.xml?page=3", ""); rec.Code != http.StatusNotFound {
		t.Errorf("page 3: status %d", rec.Code)
	}
}

func TestRobots(t *testing.T) {
	rec := get(web.New(fstest.MapFS{}, false, web.Options{PublicURL: base}), "/robots.txt", "")
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	for _, line := range []string{"User-agent: *", "Allow: /", "Disallow: /api/", "Disallow: /workspace", "Allow: /api/v1/search", "Allow: /api/v1/tenders",
		"Sitemap: " + base + "/sitemap.xml"} {
		if !slices.Contains(strings.Split(body, "\n"), line) {
			t.Errorf("robots.txt lacks %q:\n%s", line, body)
		}
	}
}
