package api

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
	"passerelle/internal/taxonomy"
	"passerelle/internal/taxonomy/taxonomytest"
)

// importCPV loads the official CPV list into the env's database.
func (e *env) importCPV() {
	e.t.Helper()
	f, err := os.Open(taxonomytest.DataFile(e.t, "cpv_2008_multilingual.csv"))
	if err != nil {
		e.t.Fatal(err)
	}
	defer f.Close()
	codes, err := taxonomy.ReadCPV(f)
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := core.ImportCPV(e.t.Context(), e.db.Store, codes); err != nil {
		e.t.Fatal(err)
	}
}

func codesOf(r response) []string {
	var out []string
	for _, it := range items(r) {
		out = append(out, it["code"].(string))
	}
	return out
}

func TestSectorsInTheCallersLanguage(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()
	for lang, want := range map[string][2]string{
		"fr":           {"Propreté et hygiène", "Nettoyage de bureaux"},
		"de-DE,de;q=1": {"Reinigung und Hygiene", "Büroreinigung"},
		"nl-BE":        {"Schoonmaak en hygiëne", "Kantoorschoonmaak"},
		"en":           {"Cleaning and hygiene", "Office cleaning"},
		"es":           {"Cleaning and hygiene", "Office cleaning"}, // unsupported: English
	} {
		r := c.expect(http.StatusOK, "GET", "/api/v1/sectors", nil, "Accept-Language", lang)
		groups := items(r)
		if len(groups) < 18 {
			t.Fatalf("%s: %d groups", lang, len(groups))
		}
		first := groups[0]
		sector := first["sectors"].([]any)[0].(map[string]any)
		if first["code"] != "cleaning" || first["label"] != want[0] || sector["code"] != "cleaning.offices" || sector["label"] != want[1] ||
			sector["cpv"].([]any)[0] != "90919200-4" {
			t.Errorf("%s: first group %v", lang, first)
		}
	}
	// Without Accept-Language, the signed-in user's language.
	u := e.db.User(t, storetest.UserOptions{Email: "einkauf@stadt.example", Language: domain.LangDE})
	r := e.as(u.ID).expect(http.StatusOK, "GET", "/api/v1/sectors", nil, "Accept-Language", "")
	if items(r)[0]["label"] != "Reinigung und Hygiene" || r.header.Get("Content-Language") != "de" {
		t.Errorf("user's language: %v %q", items(r)[0]["label"], r.header.Get("Content-Language"))
	}
}

func TestCPVSearch(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()
	search := func(lang string, query url.Values) response {
		t.Helper()
		return c.expect(http.StatusOK, "GET", "/api/v1/cpv?"+query.Encode(), nil, "Accept-Language", lang)
	}
	// Before the import, the list is empty, and nothing fails.
	if r := search("fr", url.Values{"q": {"nettoyage"}}); len(items(r)) != 0 || r.body["next_cursor"] != "" {
		t.Fatalf("before the import: %s", r.raw)
	}
	e.importCPV()

	// French words, any order, accents and case ignored.
	r := search("fr", url.Values{"q": {"BATIMENTS nettoyage"}})
	if got := codesOf(r); !slices.Contains(got, "90911200-8") || slices.Contains(got, "90911300-9") {
		t.Errorf("fr search: %v", got)
	}
	for _, it := range items(r) {
		if l := taxonomy.Fold(it["label"].(string)); !strings.Contains(l, "nettoyage") || !strings.Contains(l, "batiments") {
			t.Errorf("fr search returned %v", it)
		}
	}
	if r.header.Get("Content-Language") != "fr" {
		t.Errorf("Content-Language %q", r.header.Get("Content-Language"))
	}

	// German: a word inside compounds (Gebäudereinigung, Fensterreinigung…),
	// labels in German; the same words in French find nothing.
	r = search("de", url.Values{"q": {"reinigung"}, "prefix": {"909"}})
	if got := codesOf(r); !slices.Contains(got, "90911200-8") || !slices.Contains(got, "90911300-9") {
		t.Errorf("de search: %v", got)
	}
	for _, it := range items(r) {
		if it["code"] == "90911200-8" && (it["label"] != "Gebäudereinigung" || it["level"] != 5.0 || it["parent"] != "90911000" || it["type"] != "services") {
			t.Errorf("90911200-8 in German: %v", it)
		}
	}
	if r := search("fr", url.Values{"q": {"reinigung"}}); len(items(r)) != 0 {
		t.Errorf("German word in a French search: %v", codesOf(r))
	}
	if r := search("de", url.Values{"q": {"strassenreinigung"}}); !slices.Contains(codesOf(r), "90611000-3") {
		t.Errorf("ß folded to ss: %v", codesOf(r))
	}

	// A code or its beginning in q; prefix and level narrow.
	if got := codesOf(search("en", url.Values{"q": {"90911200-8"}})); len(got) != 1 || got[0] != "90911200-8" {
		t.Errorf("full code: %v", got)
	}
	if got := codesOf(search("en", url.Values{"q": {"9091"}, "level": {"4"}})); strings.Join(got, ",") !=
		"90911000-6,90912000-3,90913000-0,90914000-7,90915000-4,90916000-1,90917000-8,90918000-5,90919000-2" {
		t.Errorf("level 4 under 9091: %v", got)
	}
	if got := codesOf(search("en", url.Values{"q": {"9091"}, "prefix": {"45"}})); len(got) != 0 {
		t.Errorf("contradicting prefixes: %v", got)
	}
	if got := codesOf(search("en", url.Values{"level": {"1"}, "limit": {"100"}})); len(got) != 45 || got[0] != "03000000-1" {
		t.Errorf("divisions: %d %v", len(got), got)
	}

	// Pagination: pages follow each other by code, without overlap.
	var all []string
	cursor := ""
	for range 10 {
		q := url.Values{"prefix": {"909"}, "limit": {"7"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		r := search("nl", q)
		all = append(all, codesOf(r)...)
		if cursor = r.body["next_cursor"].(string); cursor == "" {
			break
		}
	}
	whole := codesOf(search("nl", url.Values{"prefix": {"909"}, "limit": {"100"}}))
	if len(all) < 20 || strings.Join(all, ",") != strings.Join(whole, ",") {
		t.Errorf("paged %d codes, whole list %d", len(all), len(whole))
	}
	for i := 1; i < len(all); i++ {
		if all[i-1] >= all[i] {
			t.Fatalf("not sorted by code: %s before %s", all[i-1], all[i])
		}
	}
}

func TestCPVSearchRefusesBadInput(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()
	r := c.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/cpv?prefix=90a&level=9&limit=500&q="+strings.Repeat("x", 201), nil)
	for _, field := range []string{"query.prefix", "query.level", "query.limit", "query.q"} {
		if !strings.Contains(r.raw, field) {
			t.Errorf("no error on %s: %s", field, r.raw)
		}
	}
	r = c.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/cpv?cursor=bm9wZQ", nil, "Accept-Language", "de")
	if !strings.Contains(r.raw, "query.cursor") || !strings.Contains(r.raw, "dieser Cursor stammt nicht aus dieser Liste") {
		t.Errorf("bad cursor: %s", r.raw)
	}
}

func TestCPVCode(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()
	r := c.expect(http.StatusNotFound, "GET", "/api/v1/cpv/90911200-8", nil, "Accept-Language", "fr")
	if !strings.Contains(r.raw, "Le code CPV 90911200-8 ne figure pas dans la liste importée.") {
		t.Errorf("not imported: %s", r.raw)
	}
	e.importCPV()

	for _, code := range []string{"90911200-8", "90911200"} {
		r := c.expect(http.StatusOK, "GET", "/api/v1/cpv/"+code, nil, "Accept-Language", "de")
		if r.body["code"] != "90911200-8" || r.body["label"] != "Gebäudereinigung" {
			t.Errorf("%s: %s", code, r.raw)
		}
		var chain []string
		for _, p := range r.body["parents"].([]any) {
			chain = append(chain, p.(map[string]any)["code"].(string))
		}
		if strings.Join(chain, " ") != "90000000-7 90900000-6 90910000-9 90911000-6" {
			t.Errorf("%s: parents %v", code, chain)
		}
		sectors := r.body["sectors"].([]any)
		if len(sectors) != 1 || sectors[0].(map[string]any)["code"] != "cleaning.buildings" || sectors[0].(map[string]any)["label"] != "Gebäudereinigung" {
			t.Errorf("%s: sectors %v", code, sectors)
		}
	}
	if r := c.expect(http.StatusOK, "GET", "/api/v1/cpv/03000000-1", nil); len(r.body["parents"].([]any)) != 0 || r.body["parent"] != nil {
		t.Errorf("a division has no parents: %s", r.raw)
	}
	// Published with a digit other than the algorithm's: found as published.
	c.expect(http.StatusOK, "GET", "/api/v1/cpv/03300000-2", nil)
	for _, bad := range []string{"90911200-9", "9091120", "cleaning", "03300000-4"} {
		r := c.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/cpv/"+bad, nil, "Accept-Language", "nl")
		if !strings.Contains(r.raw, "path.code") || !strings.Contains(r.raw, "is geen CPV-code") {
			t.Errorf("%s: %s", bad, r.raw)
		}
	}
	c.expect(http.StatusNotFound, "GET", "/api/v1/cpv/99999999-8", nil)
}

func TestCPVExists(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	codes := []string{"90911200-8", "90911200", "99999999-8", "45000000"}
	missing, err := e.db.Store.CPVExists(t.Context(), codes)
	if err != nil || strings.Join(missing, ",") != strings.Join(codes, ",") {
		t.Fatalf("before the import: %v %v", missing, err)
	}
	e.importCPV()
	missing, err = e.db.Store.CPVExists(t.Context(), codes)
	if err != nil || strings.Join(missing, ",") != "99999999-8" {
		t.Fatalf("after the import: %v %v", missing, err)
	}
	if missing, err := e.db.Store.CPVExists(t.Context(), nil); err != nil || len(missing) != 0 {
		t.Fatalf("no codes: %v %v", missing, err)
	}
}

// TestTaxonomyOperationsDocumented checks that the taxonomy operations
// carry what the OpenAPI document promises: summary, description, and
// examples on parameters and response fields.
func TestTaxonomyOperationsDocumented(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	var doc struct {
		Paths map[string]map[string]struct {
			Summary     string `json:"summary"`
			Description string `json:"description"`
			Parameters  []struct {
				Name   string `json:"name"`
				Schema struct {
					Examples []any `json:"examples"`
				} `json:"schema"`
			} `json:"parameters"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Examples []any `json:"examples"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	raw := e.client().expect(http.StatusOK, "GET", "/api/openapi.json", nil).raw
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/v1/sectors", "/api/v1/cpv", "/api/v1/cpv/{code}"} {
		op, ok := doc.Paths[path]["get"]
		if !ok || op.Summary == "" || op.Description == "" {
			t.Errorf("%s: %+v", path, op)
		}
		for _, p := range op.Parameters {
			if len(p.Schema.Examples) == 0 && p.Name != "cursor" {
				t.Errorf("%s: parameter %s has no example", path, p.Name)
			}
		}
	}
	for schema, props := range map[string][]string{
		"CPVBody": {"code", "code8", "level", "type", "label"}, "SectorBody": {"code", "label", "cpv"}, "SectorGroupBody": {"code", "label"},
	} {
		for _, p := range props {
			if len(doc.Components.Schemas[schema].Properties[p].Examples) == 0 {
				t.Errorf("%s.%s has no example", schema, p)
			}
		}
	}
}
