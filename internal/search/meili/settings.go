package meili

import (
	"fmt"
	"strings"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// Attribute names in the Meilisearch documents; text attributes are
// "<field>_<lang>" like in the embedded engine, so both share the
// snippet keys of search.Hit.
const (
	fieldID            = "id"
	fieldKind          = "kind"
	fieldOrganisation  = "organisation"
	fieldCountry       = "country"
	fieldNUTS          = "nuts"
	fieldSector        = "sector"
	fieldCPV           = "cpv"
	fieldStatusType    = "status_type"
	fieldReservedBasis = "reserved_basis"
	fieldDeadline      = "deadline"
	fieldDeadlineSort  = "deadline_sort"
	fieldPublished     = "published"
	fieldCrossBorder   = "cross_border"
	fieldGeo           = "_geo"
)

// noDeadline sorts documents without a deadline last (unix seconds of year
// 9999), as in the embedded engine.
const noDeadline = 253402300799

// locales maps our languages to Meilisearch's ISO 639-3 locales.
var locales = map[domain.Language]string{
	domain.LangFR: "fra",
	domain.LangDE: "deu",
	domain.LangEN: "eng",
	domain.LangNL: "nld",
}

// facetFields maps each facet to the attribute it counts.
var facetFields = map[search.Facet]string{
	search.FacetKind:       fieldKind,
	search.FacetCountry:    fieldCountry,
	search.FacetNUTS:       fieldNUTS,
	search.FacetSector:     fieldSector,
	search.FacetCPV:        fieldCPV,
	search.FacetStatusType: fieldStatusType,
	search.FacetReserved:   fieldReservedBasis,
}

// stopWords are the function words of the four languages. Meilisearch has
// no per-language stop lists, so one list serves every attribute; a word
// that is a stop word in one language and content in another is rare in
// procurement text.
var stopWords = map[domain.Language][]string{
	domain.LangFR: strings.Fields("au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y été être à"),
	domain.LangDE: strings.Fields("aber als am an auch auf aus bei bin bis bist da damit dann das dass dem den der des die dies doch dort du durch ein eine einem einen einer eines er es für hat hatte ich ihr im in ist ja kein mit nach nicht noch nur oder sich sie sind so um und uns von vor war wir zu zum zur über"),
	domain.LangEN: strings.Fields("a an and are as at be but by for from has have in into is it its of on or such that the their then there these they this to was will with"),
	domain.LangNL: strings.Fields("aan al als bij dan dat de den der des die dit door een en er het hij hun in is je maar met naar niet of om ook op te tot uit van voor was wat we wij zij zijn"),
}

// isStopWord reports whether w (lower case) is a stop word in any language.
func isStopWord(w string) bool {
	for _, ws := range stopWords {
		for _, s := range ws {
			if s == w {
				return true
			}
		}
	}
	return false
}

// settings declares the whole index configuration. Searchable attributes
// are ordered title, concepts, description (Meilisearch's attribute ranking
// rule follows this order), each in every language with its locale so that
// the right tokenizer and normalizer apply.
func settings(s search.Settings) *meilisearch.Settings {
	var searchable []string
	for _, f := range search.Fields {
		for _, lang := range domain.Languages {
			searchable = append(searchable, textField(f, lang))
		}
	}
	var localized []*meilisearch.LocalizedAttributes
	for _, lang := range domain.Languages {
		localized = append(localized, &meilisearch.LocalizedAttributes{
			Locales:           []string{locales[lang]},
			AttributePatterns: []string{"*_" + string(lang)},
		})
	}
	var stops []string
	for _, lang := range domain.Languages {
		stops = append(stops, stopWords[lang]...)
	}
	synonyms := map[string][]string{}
	for k, v := range s.Synonyms {
		synonyms[k] = append([]string(nil), v...)
	}
	return &meilisearch.Settings{
		SearchableAttributes: searchable,
		DisplayedAttributes:  []string{"*"},
		FilterableAttributes: []string{fieldKind, fieldOrganisation, fieldCountry, fieldNUTS, fieldSector, fieldCPV, fieldStatusType, fieldReservedBasis, fieldDeadline, fieldCrossBorder, fieldGeo, fieldPublished},
		SortableAttributes:   []string{fieldID, fieldPublished, fieldDeadlineSort, fieldGeo},
		RankingRules:         []string{"words", "typo", "proximity", "attribute", "sort", "exactness"},
		LocalizedAttributes:  localized,
		StopWords:            stops,
		Synonyms:             synonyms,
		// Sent in full: the client always sends Enabled and the word
		// sizes, and zero values would switch typo tolerance off.
		TypoTolerance: &meilisearch.TypoTolerance{
			Enabled:             true,
			MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: 5, TwoTypos: 9},
			DisableOnWords:      []string{},
			DisableOnAttributes: []string{},
		},
		Faceting: &meilisearch.Faceting{
			MaxValuesPerFacet: search.MaxFacetSize,
			SortFacetValuesBy: map[string]meilisearch.SortFacetType{"*": meilisearch.SortFacetTypeCount},
		},
		// Cursor pages are offsets: this bounds how deep they reach.
		Pagination: &meilisearch.Pagination{MaxTotalHits: maxTotalHits},
	}
}

// maxTotalHits is the deepest hit a query can page to.
const maxTotalHits = 10000

func textField(f search.Field, lang domain.Language) string {
	return string(f) + "_" + string(lang)
}

// toMeili flattens a document; "_geo" is Meilisearch's reserved geo field.
func toMeili(d search.Document) map[string]any {
	m := map[string]any{
		fieldID:            d.ID,
		fieldKind:          string(d.Kind),
		fieldCountry:       d.Country,
		fieldNUTS:          nonNil(d.NUTS),
		fieldSector:        nonNil(d.Sectors),
		fieldCPV:           nonNil(d.CPV),
		fieldStatusType:    nonNil(d.StatusTypes),
		fieldReservedBasis: nonNil(d.ReservedBases),
		fieldCrossBorder:   d.AcceptsCrossBorder,
		fieldPublished:     d.PublishedAt.Unix(),
		fieldDeadlineSort:  int64(noDeadline),
	}
	if d.OrganisationID != "" {
		m[fieldOrganisation] = d.OrganisationID
	}
	if d.Deadline != nil {
		m[fieldDeadline] = d.Deadline.Unix()
		m[fieldDeadlineSort] = d.Deadline.Unix()
	}
	if d.Geo != nil {
		m[fieldGeo] = map[string]float64{"lat": d.Geo.Lat, "lng": d.Geo.Lon}
	}
	for lang, t := range d.Text {
		if t.Title != "" {
			m[textField(search.FieldTitle, lang)] = t.Title
		}
		if t.Description != "" {
			m[textField(search.FieldDescription, lang)] = t.Description
		}
	}
	for lang, labels := range d.Concepts {
		if len(labels) > 0 {
			m[textField(d.ConceptField(lang), lang)] = labels
		}
	}
	return m
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// quote writes a filter value as a Meilisearch string literal.
func quote(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

// inList is the filter "attribute IN [values]".
func inList(attr string, values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = quote(v)
	}
	return fmt.Sprintf("%s IN [%s]", attr, strings.Join(q, ", "))
}
