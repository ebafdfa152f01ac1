package core

import (
	"net/url"
	"slices"
	"strings"

	"passerelle/internal/domain"
)

// searchParams are the parameters of GET /api/v1/search (api.SearchInput
// declares the same names), each with where its values go in a request.
var searchParams = map[string]func(r *SearchRequest) (single *string, multi *[]string){
	"q":             func(r *SearchRequest) (*string, *[]string) { return &r.Text, nil },
	"lang":          func(r *SearchRequest) (*string, *[]string) { return &r.Lang, nil },
	"kind":          func(r *SearchRequest) (*string, *[]string) { return nil, &r.Kinds },
	"country":       func(r *SearchRequest) (*string, *[]string) { return nil, &r.Countries },
	"nuts":          func(r *SearchRequest) (*string, *[]string) { return nil, &r.NUTS },
	"sector":        func(r *SearchRequest) (*string, *[]string) { return nil, &r.Sectors },
	"cpv":           func(r *SearchRequest) (*string, *[]string) { return nil, &r.CPV },
	"status_type":   func(r *SearchRequest) (*string, *[]string) { return nil, &r.StatusTypes },
	"eligible":      func(r *SearchRequest) (*string, *[]string) { return &r.Eligible, nil },
	"deadline_from": func(r *SearchRequest) (*string, *[]string) { return &r.DeadlineFrom, nil },
	"deadline_to":   func(r *SearchRequest) (*string, *[]string) { return &r.DeadlineTo, nil },
	"cross_border":  func(r *SearchRequest) (*string, *[]string) { return &r.CrossBorder, nil },
	"near":          func(r *SearchRequest) (*string, *[]string) { return &r.Near, nil },
	"town":          func(r *SearchRequest) (*string, *[]string) { return &r.Town, nil },
	"radius_km":     func(r *SearchRequest) (*string, *[]string) { return &r.RadiusKm, nil },
	"sort":          func(r *SearchRequest) (*string, *[]string) { return &r.Sort, nil },
	"facets":        func(r *SearchRequest) (*string, *[]string) { return nil, &r.Facets },
	"limit":         func(r *SearchRequest) (*string, *[]string) { return &r.Limit, nil },
	"cursor":        func(r *SearchRequest) (*string, *[]string) { return &r.Cursor, nil },
}

var (
	msgSearchQueryString = domain.Msg{
		EN: "is not a query string of the search (name=value pairs joined by &, URL-encoded)",
		FR: "n’est pas une chaîne de requête de la recherche (paires nom=valeur reliées par &, encodées pour une URL)",
		DE: "ist keine Abfragezeichenfolge der Suche (Paare name=wert, mit & verbunden, URL-kodiert)",
		NL: "is geen zoekquerystring (paren naam=waarde verbonden met &, URL-gecodeerd)",
	}
	msgSearchUnknownParam = domain.Msg{
		EN: "%q is not a parameter of the search", FR: "%q n’est pas un paramètre de la recherche",
		DE: "%q ist kein Parameter der Suche", NL: "%q is geen parameter van de zoekopdracht",
	}
	msgSearchRepeatedParam = domain.Msg{
		EN: "%q can be given only once", FR: "%q ne peut être donné qu’une fois",
		DE: "%q darf nur einmal angegeben werden", NL: "%q mag maar één keer worden opgegeven",
	}
	msgSearchQueryLength = domain.Msg{
		EN: "must be at most %d bytes", FR: "doit faire au plus %d octets",
		DE: "darf höchstens %d Bytes lang sein", NL: "mag hoogstens %d bytes lang zijn",
	}
	msgSavedSearchCursor = domain.Msg{
		EN: "a saved search starts at the first page: leave cursor out",
		FR: "une recherche enregistrée commence à la première page : retirez cursor",
		DE: "eine gespeicherte Suche beginnt auf der ersten Seite: lassen Sie cursor weg",
		NL: "een bewaarde zoekopdracht begint op de eerste pagina: laat cursor weg",
	}
)

// ParseSearchQuery reads raw, the query string of GET /api/v1/search
// (a leading "?" is allowed), into a request, for saved searches. An
// unknown parameter is a field error on field, a repeated one on
// field.<parameter>; the values are checked by Search, like those of the
// route. readable is false when raw is too long or no query string at
// all (a field error on field): there are no values to check then.
func ParseSearchQuery(raw, field string) (r SearchRequest, ve *domain.ValidationError, readable bool) {
	ve = &domain.ValidationError{}
	if len(raw) > domain.MaxSavedSearchQuery {
		ve.AddLocalized(field, "too_long", msgSearchQueryLength.With(domain.MaxSavedSearchQuery))
		return r, ve, false
	}
	values, err := url.ParseQuery(strings.TrimPrefix(strings.TrimSpace(raw), "?"))
	if err != nil {
		ve.AddLocalized(field, "invalid", msgSearchQueryString.With())
		return r, ve, false
	}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	slices.Sort(names) // one answer, always in the same order
	for _, name := range names {
		target, ok := searchParams[name]
		if !ok {
			ve.AddLocalized(field, "unknown_parameter", msgSearchUnknownParam.With(name))
			continue
		}
		single, multi := target(&r)
		switch vs := values[name]; {
		case multi != nil:
			*multi = vs
		case len(vs) > 1:
			ve.AddLocalized(field+"."+name, "repeated", msgSearchRepeatedParam.With(name))
		default:
			*single = vs[0]
		}
	}
	return r, ve, true
}
