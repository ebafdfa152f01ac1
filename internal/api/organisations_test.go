package api

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/taxonomy"
	"passerelle/internal/taxonomy/taxonomytest"
)

// withNUTS loads the reference NUTS regions into the test's database.
func (e *env) withNUTS() {
	e.t.Helper()
	f, err := os.Open(taxonomytest.DataFile(e.t, "nuts_grande_region.csv"))
	if err != nil {
		e.t.Fatal(err)
	}
	defer f.Close()
	regions, err := taxonomy.ReadNUTS(f)
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := core.ImportNUTS(e.t.Context(), e.db.Store, regions); err != nil {
		e.t.Fatal(err)
	}
}

func supplierBody() map[string]any {
	return map[string]any{
		"kind": "sse_supplier", "country": "FR", "legal_name": "ESAT Les Tilleuls", "trade_name": "Les Tilleuls",
		"street_lines": []string{"12 rue des Jardins"}, "postcode": "57000", "town": "Metz", "nuts3": "FRF33",
		"latitude": 49.1193, "longitude": 6.1757, "website": "tilleuls.example.fr", "phone": "+33 3 87 12 34 56",
		"languages":    []string{"fr", "de"},
		"descriptions": []map[string]string{{"lang": "fr", "text": "Blanchisserie et espaces verts."}, {"lang": "de", "text": "Wäscherei."}},
		"identifiers":  []map[string]string{{"kind": "fr_siret", "value": "732 829 320 00074"}},
	}
}

func with(body map[string]any, changes map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range body {
		out[k] = v
	}
	for k, v := range changes {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = v
	}
	return out
}

// problemField returns the location, code and message of a 422's only error.
func problemField(t *testing.T, r response) (location, code, message string) {
	t.Helper()
	if r.status != http.StatusUnprocessableEntity || !strings.HasPrefix(r.header.Get("Content-Type"), "application/problem+json") {
		t.Fatalf("status %d (%s), want a 422 problem: %s", r.status, r.header.Get("Content-Type"), r.raw)
	}
	errs, _ := r.body["errors"].([]any)
	if len(errs) != 1 {
		t.Fatalf("want one field error: %s", r.raw)
	}
	f := errs[0].(map[string]any)
	code, _ = f["value"].(string)
	return f["location"].(string), code, f["message"].(string)
}

func TestOrganisationProfileAPI(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	e.withNUTS()
	owner := e.signedUpUser("direction@tilleuls.example")

	created := owner.expect(http.StatusCreated, "POST", "/api/v1/organisations", supplierBody()).body
	id := created["id"].(string)
	public := e.client().expect(http.StatusOK, "GET", "/api/v1/organisations/"+id, nil).body
	for field, want := range map[string]any{
		"kind": "sse_supplier", "country": "FR", "legal_name": "ESAT Les Tilleuls", "trade_name": "Les Tilleuls", "status": "active",
		"postcode": "57000", "town": "Metz", "nuts3": "FRF33", "latitude": 49.1193, "longitude": 6.1757,
		"website": "https://tilleuls.example.fr", "phone": "+33 3 87 12 34 56",
		"street_lines": []any{"12 rue des Jardins"}, "languages": []any{"fr", "de"},
		"descriptions": []any{map[string]any{"lang": "de", "text": "Wäscherei."}, map[string]any{"lang": "fr", "text": "Blanchisserie et espaces verts."}},
		"identifiers":  []any{map[string]any{"kind": "fr_siret", "value": "73282932000074"}},
	} {
		if !reflect.DeepEqual(public[field], want) {
			t.Errorf("%s = %#v, want %#v", field, public[field], want)
		}
	}
	if _, ok := public["logo_url"]; ok {
		t.Errorf("logo_url without a logo: %v", public["logo_url"])
	}

	mine := owner.expect(http.StatusOK, "GET", "/api/v1/me/organisations", nil).body["items"].([]any)
	if len(mine) != 1 || mine[0].(map[string]any)["id"] != id || mine[0].(map[string]any)["role"] != "owner" {
		t.Fatalf("my organisations: %v", mine)
	}

	patched := owner.expect(http.StatusOK, "PATCH", "/api/v1/organisations/"+id, map[string]any{
		"town": "Thionville", "postcode": "57100", "languages": []string{}, "clear_location": true,
	}).body
	if patched["town"] != "Thionville" || len(patched["languages"].([]any)) != 0 || patched["latitude"] != nil || patched["legal_name"] != "ESAT Les Tilleuls" {
		t.Fatalf("patched: %v", patched)
	}

	outsider := e.signedUpUser("achats@ville.example")
	outsider.expect(http.StatusForbidden, "PATCH", "/api/v1/organisations/"+id, map[string]any{"legal_name": "Pirate"})
	outsider.expect(http.StatusForbidden, "DELETE", "/api/v1/organisations/"+id+"/logo", nil)
	e.client().expect(http.StatusUnauthorized, "POST", "/api/v1/organisations", supplierBody())

	// One SIRET, one organisation, however it is written.
	dup := outsider.expect(http.StatusConflict, "POST", "/api/v1/organisations", with(supplierBody(), map[string]any{
		"legal_name": "Usurpateur SARL", "identifiers": []map[string]string{{"kind": "fr_siret", "value": "73282932000074"}},
	}))
	if !strings.Contains(dup.raw, "73282932000074") {
		t.Errorf("the conflict does not say which identifier: %s", dup.raw)
	}
	outsider.expect(http.StatusForbidden, "POST", "/api/v1/organisations", with(supplierBody(), map[string]any{"kind": "cluster", "identifiers": nil}))
}

func TestOrganisationValidationProblems(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	e.withNUTS()
	c := e.signedUpUser("contact@atelier.example")
	for name, tc := range map[string]struct {
		changes        map[string]any
		location, code string
	}{
		"bad postcode":           {map[string]any{"postcode": "5700"}, "body.postcode", "invalid"},
		"Luxembourg postcode":    {map[string]any{"country": "LU", "postcode": "L-12", "nuts3": "LU000", "identifiers": nil}, "body.postcode", "invalid"},
		"NUTS of another land":   {map[string]any{"nuts3": "DEC01"}, "body.nuts3", "wrong_country"},
		"retired NUTS":           {map[string]any{"country": "BE", "postcode": "7800", "nuts3": "BE321", "identifiers": nil}, "body.nuts3", "not_assignable"},
		"NUTS missing":           {map[string]any{"nuts3": nil}, "body.nuts3", "required"},
		"latitude out of range":  {map[string]any{"latitude": 91.5}, "body.latitude", "out_of_range"},
		"longitude out of range": {map[string]any{"longitude": 181}, "body.longitude", "out_of_range"},
		"latitude alone":         {map[string]any{"longitude": nil}, "body.longitude", "required"},
		"bad website":            {map[string]any{"website": "javascript:alert(1)"}, "body.website", "invalid"},
		"unknown language":       {map[string]any{"languages": []string{"fr", "zz"}}, "body.languages[1]", "unknown_language"},
		"description language":   {map[string]any{"descriptions": []map[string]string{{"lang": "xx", "text": "?"}}}, "body.descriptions[0].lang", "unknown_language"},
		"not in the EU":          {map[string]any{"country": "CH", "nuts3": nil, "identifiers": nil}, "body.country", "not_eu"},
		"kind for another land":  {map[string]any{"identifiers": []map[string]string{{"kind": "de_vat", "value": "DE136695976"}}}, "body.identifiers[0].kind", "kind_not_allowed"},
	} {
		r := c.do("POST", "/api/v1/organisations", with(supplierBody(), tc.changes))
		if loc, code, _ := problemField(t, r); loc != tc.location || code != tc.code {
			t.Errorf("%s: %s %s, want %s %s", name, loc, code, tc.location, tc.code)
		}
	}
}

// A wrong identifier of each of the four countries is a field-level
// problem naming the field, the legalid code and what is wrong.
func TestOrganisationIdentifierProblems(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	e.withNUTS()
	c := e.signedUpUser("contact@grande-region.example")
	for _, tc := range []struct {
		country, postcode, nuts3, kind, value, code, message string
	}{
		{"FR", "57000", "FRF33", "fr_siret", "732 829 320 00075", "checksum", "The SIRET number is invalid: the check digits do not match."},
		{"BE", "4700", "BE336", "be_enterprise", "2403.170.701", "format", "The Belgian enterprise number (CBE) is not in the expected format"},
		{"LU", "L-1234", "LU000", "lu_vat", "LU2637524", "length", "The Luxembourg VAT number has the wrong length"},
		{"LU", "L-1234", "LU000", "lu_rcs", "Z123", "format", "The Luxembourg RCS number is not in the expected format"},
		{"DE", "66111", "DEC01", "de_vat", "DE136695978", "checksum", "The German VAT number (USt-IdNr.) is invalid"},
		{"DE", "66111", "DEC01", "de_hr", "HRB 12345", "court", "the register court is missing"},
	} {
		body := with(supplierBody(), map[string]any{"country": tc.country, "postcode": tc.postcode, "nuts3": tc.nuts3,
			"identifiers": []map[string]string{{"kind": tc.kind, "value": tc.value}}})
		loc, code, msg := problemField(t, c.do("POST", "/api/v1/organisations", body))
		if loc != "body.identifiers[0].value" || code != tc.code || !strings.Contains(msg, tc.message) {
			t.Errorf("%s %q: %s %s %q", tc.kind, tc.value, loc, code, msg)
		}
	}
}

func TestOrganisationLogoAPI(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	e.withNUTS()
	owner := e.signedUpUser("logo@tilleuls.example")
	id := owner.expect(http.StatusCreated, "POST", "/api/v1/organisations", supplierBody()).body["id"].(string)
	e.client().expect(http.StatusNotFound, "GET", "/api/v1/organisations/"+id+"/logo", nil)

	// The upload route is another part's; the use case stands in for it.
	me := owner.expect(http.StatusOK, "GET", "/api/v1/me", nil).body
	p := domain.Principal{UserID: me["id"].(string), Memberships: map[string]domain.MembershipRole{id: domain.RoleOwner}}
	img := image.NewRGBA(image.Rect(0, 0, 3, 3))
	var pngBytes bytes.Buffer
	if err := png.Encode(&pngBytes, img); err != nil {
		t.Fatal(err)
	}
	doc, err := core.NewDocuments(e.db.Store, e.objects, 0, nil).Upload(t.Context(), core.Actor{UserID: p.UserID}, p, id,
		domain.DocLogo, "logo.png", "image/png", bytes.NewReader(pngBytes.Bytes()))
	if err != nil {
		t.Fatal(err)
	}

	owner.expect(http.StatusUnprocessableEntity, "PUT", "/api/v1/organisations/"+id+"/logo", map[string]any{"document_id": "0193f7a0-0000-7000-8000-000000000000"})
	set := owner.expect(http.StatusOK, "PUT", "/api/v1/organisations/"+id+"/logo", map[string]any{"document_id": doc.ID}).body
	if set["logo_url"] != "/api/v1/organisations/"+id+"/logo" {
		t.Fatalf("logo_url = %v", set["logo_url"])
	}

	anon := e.client()
	anon.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	r := anon.expect(http.StatusSeeOther, "GET", "/api/v1/organisations/"+id+"/logo", nil)
	loc, err := url.Parse(r.header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	if secs, _ := strconv.Atoi(loc.Query().Get("X-Amz-Expires")); secs <= 0 || secs > 300 {
		t.Errorf("the link lives %d s, want at most 300: %s", secs, loc)
	}
	if cc := r.header.Get("Cache-Control"); !strings.HasPrefix(cc, "private, max-age=") {
		t.Errorf("Cache-Control %q", cc)
	}
	resp, err := http.Get(loc.String())
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, pngBytes.Bytes()) {
		t.Fatalf("the link serves %d, %d bytes", resp.StatusCode, len(got))
	}

	owner.expect(http.StatusNoContent, "DELETE", "/api/v1/organisations/"+id+"/logo", nil)
	anon.expect(http.StatusNotFound, "GET", "/api/v1/organisations/"+id+"/logo", nil)
}

func TestNUTSRegionsAPI(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	e.withNUTS()
	c := e.client()
	items := c.expect(http.StatusOK, "GET", "/api/v1/nuts-regions?country=FR&level=3", nil).body["items"].([]any)
	if len(items) != 10 {
		t.Fatalf("%d French level-3 regions, want 10", len(items))
	}
	var moselle map[string]any
	for _, it := range items {
		if m := it.(map[string]any); m["code"] == "FRF33" {
			moselle = m
		}
	}
	if want := map[string]any{"code": "FRF33", "level": 3.0, "name": "Moselle", "country": "FR", "parent": "FRF3", "assignable": true}; !reflect.DeepEqual(moselle, want) {
		t.Fatalf("FRF33 = %v", moselle)
	}
	be := c.expect(http.StatusOK, "GET", "/api/v1/nuts-regions?country=be&level=3", nil).body["items"].([]any)
	if len(be) != 21 || strings.Contains(c.do("GET", "/api/v1/nuts-regions?country=BE", nil).raw, "BE321") {
		t.Fatalf("%d Belgian level-3 regions (want 21, retired ones left out)", len(be))
	}
	if all := c.expect(http.StatusOK, "GET", "/api/v1/nuts-regions", nil).body["items"].([]any); len(all) != 99 {
		t.Fatalf("%d current regions, want 99", len(all))
	}
	c.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/nuts-regions?level=4", nil)
}
