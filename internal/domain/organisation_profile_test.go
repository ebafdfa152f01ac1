package domain

import (
	"math"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"passerelle/internal/domain/legalid"
)

func validOrganisation() Organisation {
	return Organisation{
		Kind: OrgSSESupplier, Country: " fr ", LegalName: "  ESAT Les Tilleuls ", StreetLines: []string{" 12  rue des Jardins ", "", "Bâtiment B"},
		Postcode: "57000", Town: " Metz ", NUTS3: "frf33", Location: &GeoPoint{Latitude: 49.1193, Longitude: 6.1757},
		Website: "Tilleuls.Example.FR/accueil", Phone: "+33 3 87 12 34 56", Languages: []string{"FR", "de", "fr"},
		Descriptions: []LocalizedText{{Lang: "fr", Text: " Blanchisserie et espaces verts. "}, {Lang: "de", Text: "Wäscherei"}},
		Identifiers:  []LegalIdentifier{{Kind: legalid.FRSIRET, Value: "732 829 320 00074"}},
	}
}

func TestNormalizeOrganisationCanonicalForm(t *testing.T) {
	o, ve := NormalizeOrganisation(validOrganisation())
	if err := ve.Err(); err != nil {
		t.Fatal(err)
	}
	want := Organisation{
		Kind: OrgSSESupplier, Country: "FR", LegalName: "ESAT Les Tilleuls", StreetLines: []string{"12 rue des Jardins", "Bâtiment B"},
		Postcode: "57000", Town: "Metz", NUTS3: "FRF33", Location: &GeoPoint{Latitude: 49.1193, Longitude: 6.1757},
		Website: "https://tilleuls.example.fr/accueil", Phone: "+33 3 87 12 34 56", Languages: []string{"fr", "de"},
		Descriptions: []LocalizedText{{Lang: "fr", Text: "Blanchisserie et espaces verts."}, {Lang: "de", Text: "Wäscherei"}},
		Identifiers:  []LegalIdentifier{{Kind: legalid.FRSIRET, Value: "73282932000074"}},
	}
	if !reflect.DeepEqual(o, want) {
		t.Fatalf("got  %+v\nwant %+v", o, want)
	}
}

func TestNormalizeOrganisationPostcodes(t *testing.T) {
	for _, c := range []struct {
		country, in, want string
		ok                bool
	}{
		{"FR", "57000", "57000", true},
		{"FR", "5700", "5700", false},
		{"DE", "66111", "66111", true},
		{"DE", "D-66111", "D-66111", false},
		{"BE", "4700", "4700", true},
		{"BE", "0470", "0470", false},
		{"LU", "1234", "L-1234", true},
		{"LU", "l-1234", "L-1234", true},
		{"LU", "L 1234", "L-1234", true},
		{"LU", "12345", "L-12345", false},
		{"NL", "1012 ab", "1012 AB", true},
		{"IT", "!", "!", false},
		{"FR", "  ", "", false},
	} {
		in := Organisation{Kind: OrgPublicBuyer, Country: c.country, LegalName: "X", Town: "Y", Postcode: c.in}
		o, ve := NormalizeOrganisation(in)
		if o.Postcode != c.want || (ve.Err() == nil) != c.ok {
			t.Errorf("%s %q: got %q, %v; want %q, ok %v", c.country, c.in, o.Postcode, ve.Err(), c.want, c.ok)
		}
		if !c.ok && fieldCodes(ve)["body.postcode"] == "" {
			t.Errorf("%s %q: the error is not on body.postcode: %v", c.country, c.in, ve.Err())
		}
	}
}

func elevenDescriptions() []LocalizedText {
	var out []LocalizedText
	for _, l := range strings.Fields("fr de en nl lb it es pt pl cs sk") {
		out = append(out, LocalizedText{Lang: l, Text: "Texte " + l})
	}
	return out
}

func fieldCodes(ve *ValidationError) map[string]string {
	m := map[string]string{}
	for _, f := range ve.Fields {
		m[f.Field] = f.Code
	}
	return m
}

func TestNormalizeOrganisationRefusals(t *testing.T) {
	for name, c := range map[string]struct {
		change      func(*Organisation)
		field, code string
	}{
		"kind":                  {func(o *Organisation) { o.Kind = "charity" }, "body.kind", "invalid"},
		"country outside EU":    {func(o *Organisation) { o.Country = "CH" }, "body.country", "not_eu"},
		"no country":            {func(o *Organisation) { o.Country = "" }, "body.country", "required"},
		"no legal name":         {func(o *Organisation) { o.LegalName = " " }, "body.legal_name", "required"},
		"long legal name":       {func(o *Organisation) { o.LegalName = strings.Repeat("é", 301) }, "body.legal_name", "too_long"},
		"no town":               {func(o *Organisation) { o.Town = "" }, "body.town", "required"},
		"four street lines":     {func(o *Organisation) { o.StreetLines = []string{"a", "b", "c", "d"} }, "body.street_lines", "too_many"},
		"latitude 91":           {func(o *Organisation) { o.Location.Latitude = 91 }, "body.latitude", "out_of_range"},
		"longitude -180.5":      {func(o *Organisation) { o.Location.Longitude = -180.5 }, "body.longitude", "out_of_range"},
		"latitude NaN":          {func(o *Organisation) { o.Location.Latitude = math.NaN() }, "body.latitude", "out_of_range"},
		"website ftp":           {func(o *Organisation) { o.Website = "ftp://example.org" }, "body.website", "invalid"},
		"website no host":       {func(o *Organisation) { o.Website = "https://localhost" }, "body.website", "invalid"},
		"website credentials":   {func(o *Organisation) { o.Website = "https://a:b@example.org" }, "body.website", "invalid"},
		"website words":         {func(o *Organisation) { o.Website = "not a website" }, "body.website", "invalid"},
		"phone letters":         {func(o *Organisation) { o.Phone = "03 87 CALL ME" }, "body.phone", "invalid"},
		"phone short":           {func(o *Organisation) { o.Phone = "12 34" }, "body.phone", "invalid"},
		"unknown language":      {func(o *Organisation) { o.Languages = []string{"fr", "xx"} }, "body.languages[1]", "unknown_language"},
		"three-letter language": {func(o *Organisation) { o.Languages = []string{"fra"} }, "body.languages[0]", "unknown_language"},
		"description language":  {func(o *Organisation) { o.Descriptions[1].Lang = "german" }, "body.descriptions[1].lang", "unknown_language"},
		"two French texts":      {func(o *Organisation) { o.Descriptions[1].Lang = "FR" }, "body.descriptions[1].lang", "duplicate"},
		"empty description":     {func(o *Organisation) { o.Descriptions[0].Text = "  " }, "body.descriptions[0].text", "required"},
		"SIRET checksum":        {func(o *Organisation) { o.Identifiers[0].Value = "73282932000075" }, "body.identifiers[0].value", legalid.CodeChecksum},
		"German kind in FR":     {func(o *Organisation) { o.Identifiers[0].Kind = legalid.DEVAT }, "body.identifiers[0].kind", "kind_not_allowed"},
		"two SIRETs": {func(o *Organisation) {
			o.Identifiers = append(o.Identifiers, LegalIdentifier{Kind: legalid.FRSIRET, Value: "30206838200050"})
		}, "body.identifiers[1].kind", "duplicate"},
		"identifier in Italy": {func(o *Organisation) {
			o.Country, o.Postcode = "IT", "00184"
		}, "body.identifiers[0].kind", "kind_not_allowed"},
		"long trade name":  {func(o *Organisation) { o.TradeName = strings.Repeat("x", 301) }, "body.trade_name", "too_long"},
		"long street line": {func(o *Organisation) { o.StreetLines[0] = strings.Repeat("x", 201) }, "body.street_lines[0]", "too_long"},
		"no postcode":      {func(o *Organisation) { o.Postcode = " " }, "body.postcode", "required"},
		"French postcode":  {func(o *Organisation) { o.Postcode = "5700" }, "body.postcode", "invalid"},
		"Dutch postcode":   {func(o *Organisation) { o.Country, o.Postcode, o.Identifiers = "NL", "!", nil }, "body.postcode", "invalid"},
		"long website":     {func(o *Organisation) { o.Website = "https://example.org/" + strings.Repeat("a", 300) }, "body.website", "too_long"},
		"phone too long":   {func(o *Organisation) { o.Phone = "+33 3 87 12 34 56 78 90 12" }, "body.phone", "invalid"},
		"21 languages": {func(o *Organisation) {
			o.Languages = strings.Fields("aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs")
		}, "body.languages", "too_many"},
		"11 descriptions":      {func(o *Organisation) { o.Descriptions = elevenDescriptions() }, "body.descriptions", "too_many"},
		"description too long": {func(o *Organisation) { o.Descriptions[0].Text = strings.Repeat("x", 5001) }, "body.descriptions[0].text", "too_long"},
	} {
		o := validOrganisation()
		c.change(&o)
		_, ve := NormalizeOrganisation(o)
		if got := fieldCodes(ve); len(got) != 1 || got[c.field] != c.code {
			t.Errorf("%s: got %v, want only %s: %s", name, got, c.field, c.code)
		}
		for _, f := range ve.Fields {
			checkLocalized(t, name, f)
		}
	}
}

// Identifier errors carry their explanation in the four languages, from
// legalid, for every country's schemes.
func TestNormalizeOrganisationLocalizesIdentifierErrors(t *testing.T) {
	for _, c := range []struct {
		country, postcode string
		id                LegalIdentifier
		code              string
	}{
		{"FR", "57000", LegalIdentifier{legalid.FRSIRET, "7328293200007A"}, legalid.CodeFormat},
		{"BE", "4700", LegalIdentifier{legalid.BEEnterprise, "0403.170.702"}, legalid.CodeChecksum},
		{"LU", "1234", LegalIdentifier{legalid.LUVAT, "LU2637524"}, legalid.CodeLength},
		{"LU", "1234", LegalIdentifier{legalid.LURCS, "123456"}, legalid.CodeFormat},
		{"DE", "66111", LegalIdentifier{legalid.DEVAT, "DE136695978"}, legalid.CodeChecksum},
		{"DE", "66111", LegalIdentifier{legalid.DEHandelsregister, "HRB 12345"}, legalid.CodeCourt},
	} {
		o := Organisation{Kind: OrgSSESupplier, Country: c.country, LegalName: "X", Town: "Y", Postcode: c.postcode,
			Identifiers: []LegalIdentifier{c.id}}
		_, ve := NormalizeOrganisation(o)
		if len(ve.Fields) != 1 || ve.Fields[0].Field != "body.identifiers[0].value" || ve.Fields[0].Code != c.code {
			t.Errorf("%s %s: got %+v", c.country, c.id.Value, ve.Fields)
			continue
		}
		f := ve.Fields[0]
		if len(f.Messages) != 4 || f.Message != f.Messages[LangEN] {
			t.Errorf("%s %s: messages %v", c.country, c.id.Value, f.Messages)
		}
		for _, l := range Languages {
			if f.Messages[l] == "" || (l != LangEN && f.Messages[l] == f.Messages[LangEN]) {
				t.Errorf("%s %s: no %s message: %v", c.country, c.id.Value, l, f.Messages)
			}
		}
	}
	// And valid ones of each country are stored canonical.
	for _, c := range []struct {
		country, postcode string
		id                LegalIdentifier
		want              string
	}{
		{"BE", "4700", LegalIdentifier{legalid.BEEnterprise, "BE 0403.170.701"}, "0403170701"},
		{"LU", "1234", LegalIdentifier{legalid.LURCS, "R.C.S. Luxembourg B 33.614"}, "B33614"},
		{"LU", "1234", LegalIdentifier{legalid.LUVAT, "LU 150 274 42"}, "LU15027442"},
		{"DE", "66111", LegalIdentifier{legalid.DEVAT, "de 136 695 976"}, "DE136695976"},
		{"DE", "66111", LegalIdentifier{legalid.DEHandelsregister, "HRB 12345, AG Saarbrücken"}, "Amtsgericht Saarbrücken HRB 12345"},
	} {
		o := Organisation{Kind: OrgSSESupplier, Country: c.country, LegalName: "X", Town: "Y", Postcode: c.postcode,
			Identifiers: []LegalIdentifier{c.id}}
		got, ve := NormalizeOrganisation(o)
		if err := ve.Err(); err != nil || len(got.Identifiers) != 1 || got.Identifiers[0].Value != c.want {
			t.Errorf("%s %q: got %+v, %v; want %q", c.country, c.id.Value, got.Identifiers, err, c.want)
		}
	}
}

func TestNUTSRegionAssignable(t *testing.T) {
	for _, c := range []struct {
		r    NUTSRegion
		want bool
	}{
		{NUTSRegion{Code: "FRF33", Level: 3}, true},
		{NUTSRegion{Code: "FRF3", Level: 2}, false},
		{NUTSRegion{Code: "BE321", Level: 3, Retired: true}, false},
		{NUTSRegion{Code: "LUZZZ", Level: 3}, false},
	} {
		if got := c.r.Assignable(); got != c.want {
			t.Errorf("%s: %v, want %v", c.r.Code, got, c.want)
		}
	}
	if !IsISO639_1("lb") || IsISO639_1("xx") || IsISO639_1("FR") || len(iso639_1) != 183 {
		t.Errorf("ISO 639-1 list: %d codes", len(iso639_1))
	}
	if len(EUCountries) != 27 || !IsEUCountry("GR") || IsEUCountry("GB") {
		t.Error("EU country list")
	}
}

// quotedOrNumber matches what a message names verbatim: quoted input and
// numbers (limits, examples).
var quotedOrNumber = regexp.MustCompile(`"[^"]*"|[0-9]+`)

// checkLocalized fails unless f explains itself in every language: a real
// translation (not the English, not empty, no fmt error such as
// "%!d(MISSING)") that names the same quoted values and numbers as the
// English.
func checkLocalized(t *testing.T, name string, f FieldError) {
	t.Helper()
	if len(f.Messages) != len(Languages) || f.Message == "" || f.Message != f.Messages[LangEN] {
		t.Errorf("%s: %s: Message %q, Messages %q", name, f.Field, f.Message, f.Messages)
		return
	}
	values := quotedOrNumber.FindAllString(f.Message, -1)
	for _, l := range Languages {
		m := f.Messages[l]
		switch {
		case strings.Contains(m, "%"):
			t.Errorf("%s: %s in %s has a formatting error: %q", name, f.Field, l, m)
		case l != LangEN && m == f.Message:
			t.Errorf("%s: %s has no %s translation: %q", name, f.Field, l, m)
		}
		for _, v := range values {
			if !strings.Contains(m, v) {
				t.Errorf("%s: %s in %s does not name %s: %q", name, f.Field, l, v, m)
			}
		}
	}
}
