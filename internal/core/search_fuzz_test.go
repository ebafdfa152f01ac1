package core

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"passerelle/internal/domain"
)

// searchQuerySeeds are query strings as the web app and saved searches
// send them, one for every parameter and its edge cases.
var searchQuerySeeds = []string{
	"", "?", "q=Reinigung+B%C3%BCro&kind=offer&kind=tender,supplier&eligible=true&town=Metz",
	"q=a&q=b", "q=a&colour=red", "q=%zz", "q=blanchisserie&lang=FR&sort=relevance&limit=50",
	"kind=offer,TENDER&country=fr,de&nuts=FRF3,DEC&sector=laundry&cpv=45,90911200-8,909112008&status_type=esat,ea",
	"deadline_from=2026-01-01&deadline_to=2026-12-31", "deadline_from=2026-12-31T10:00:00%2B01:00&deadline_to=2026-01-01",
	"near=49.1,6.2&radius_km=25&sort=distance", "near=91,0", "near=49.1,6.2&town=Metz", "radius_km=10",
	"town=" + strings.Repeat("x", 201), "sort=distance", "facets=kind,country,nuts,sector,cpv,status_type,reserved_basis",
	"facets=colour", "limit=0", "limit=101", "limit=+7", "cursor=eyJzIjoiZGF0ZSIsImEiOlsiMSJdfQ", "cross_border=1&eligible=FALSE",
	"cpv=00&cpv=4&cpv=45a&cpv=90911200-7", "kind=" + strings.Repeat("offer,", 30), "q=%FF%FE", "lang=xx", "radius_km=NaN&near=0,0",
	"radius_km=1e3&near=-90,-180", "q=" + strings.Repeat("é", 260), "near=%20%2049.1%20,%206.2%20",
}

// FuzzParseSearchQuery reads arbitrary query strings as a saved search
// stores them and checks what the search route relies on:
//   - no panic; every error names a field and explains itself in the four
//     languages;
//   - a readable query string round-trips: encoding the request again and
//     reading it back gives the same request;
//   - a request the parser accepts is a query every engine accepts
//     (search.Query.Normalized), so that a user's mistake is a 400 naming
//     the parameter, never an engine error.
func FuzzParseSearchQuery(f *testing.F) {
	for _, s := range searchQuerySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		r, ve, readable := ParseSearchQuery(raw, "body.query")
		checkFieldErrors(t, raw, ve, "body.query")
		if !readable {
			if len(ve.Fields) != 1 || ve.Fields[0].Field != "body.query" {
				t.Fatalf("%q unreadable, errors %+v", raw, ve.Fields)
			}
			return
		}
		again, ve2, ok := ParseSearchQuery(encodeSearchRequest(r), "body.query")
		if !ok || len(ve2.Fields) != 0 && len(ve.Fields) == 0 || !reflect.DeepEqual(again, r) {
			t.Fatalf("%q read as %+v; encoded again %q reads as %+v (%+v)", raw, r, encodeSearchRequest(r), again, ve2.Fields)
		}

		p, pve := r.parse()
		checkFieldErrors(t, raw, pve, "query.")
		if len(ve.Fields) > 0 || len(pve.Fields) > 0 {
			return
		}
		q, err := p.q.Normalized()
		if err != nil {
			t.Fatalf("%q passes the parser but not the engines: %v (query %+v)", raw, err, p.q)
		}
		if !utf8.ValidString(q.Text) || q.Limit < 1 || len(q.Cursor) > MaxSearchCursor {
			t.Fatalf("%q: query out of bounds: %+v", raw, q)
		}
	})
}

// checkFieldErrors: every field error is on a field under prefix, has a
// code and a message in every language.
func checkFieldErrors(t *testing.T, raw string, ve *domain.ValidationError, prefix string) {
	t.Helper()
	for _, fe := range ve.Fields {
		if !strings.HasPrefix(fe.Field, prefix) || fe.Code == "" {
			t.Fatalf("%q: error %+v not under %s", raw, fe, prefix)
		}
		for _, l := range domain.Languages {
			if fe.Messages[l] == "" {
				t.Fatalf("%q: error %+v has no %s message", raw, fe, l)
			}
		}
	}
}

// encodeSearchRequest writes r as the query string it was read from
// (parameters in searchParams' names).
func encodeSearchRequest(r SearchRequest) string {
	v := url.Values{}
	for name, target := range searchParams {
		single, multi := target(&r)
		switch {
		case multi != nil && *multi != nil:
			v[name] = *multi
		case single != nil && *single != "":
			v.Set(name, *single)
		}
	}
	return v.Encode()
}
