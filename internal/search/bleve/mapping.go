package bleve

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// Field names in the bleve documents. Text fields are named
// "<field>_<lang>" (title_fr, description_de, concepts_nl, ...).
const (
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
	fieldGeo           = "geo"
)

// noDeadline sorts documents without a deadline after every real one (unix
// seconds of year 9999); a separate sort field keeps them out of deadline
// range filters while keeping search_after values numeric.
const noDeadline = 253402300799.0

// facetFields maps each facet to the keyword field it counts.
var facetFields = map[search.Facet]string{
	search.FacetKind:       fieldKind,
	search.FacetCountry:    fieldCountry,
	search.FacetNUTS:       fieldNUTS,
	search.FacetSector:     fieldSector,
	search.FacetCPV:        fieldCPV,
	search.FacetStatusType: fieldStatusType,
	search.FacetReserved:   fieldReservedBasis,
}

// textField is the bleve field of a text field in a language.
func textField(f search.Field, lang domain.Language) string {
	return string(f) + "_" + string(lang)
}

// analyzerName is the custom analyzer of a language.
func analyzerName(lang domain.Language) string { return "passerelle_" + string(lang) }

// mappingVersion numbers the mapping and analysis declared here: change it
// with any change that analyses documents differently. An index built with
// another version is replaced by an empty one when it is next ensured (see
// EnsureIndex), and reconciliation fills it again.
//
// Version 2 folds accents per token (foldName) instead of with a char
// filter before the tokenizer, which shifted the offsets of every term
// after an accented character and so the <mark> of snippets.
//
// Version 3 indexes the concept labels in the languages a listing is not
// written in apart (search.FieldTranslatedConcepts), so that they weigh
// less than its own words and count as a translation.
const mappingVersion = 3

// MappingVersion is mappingVersion, for caches of built indexes (the
// benchmark's) that must be built again when the analysis changes.
const MappingVersion = mappingVersion

// languageFilters are the token filters, per language: accent folding,
// lower-casing, stop words then a light stemmer, so that "nettoyages"
// meets "nettoyage" without the over-stemming of the full snowball
// stemmers on short words (English keeps snowball: its light "plural"
// stemmer misses -ing forms). Accents are folded first (foldName), so that
// "electricite" typed without accents meets "électricité": the French
// light stemmer and the German normalizer fold most accents themselves, but
// not ligatures ("œuvre") nor accents in English or Dutch text ("café").
// The stemmers work on folded text because both sides are folded alike.
var languageFilters = map[domain.Language][]string{
	domain.LangFR: {foldName, fr.ElisionName, lowercase.Name, fr.StopName, fr.LightStemmerName},
	domain.LangDE: {foldName, lowercase.Name, de.StopName, de.NormalizeName, de.LightStemmerName},
	domain.LangEN: {foldName, lowercase.Name, en.PossessiveName, en.StopName, en.SnowballStemmerName},
	domain.LangNL: {foldName, lowercase.Name, nl.StopName, nl.SnowballStemmerName},
}

// newMapping declares the whole index mapping in code: nothing is dynamic,
// so a field missing here is a compile-time decision, not a surprise.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	for _, lang := range domain.Languages {
		err := im.AddCustomAnalyzer(analyzerName(lang), map[string]any{
			"type":          custom.Name,
			"tokenizer":     unicode.Name,
			"token_filters": languageFilters[lang],
		})
		if err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", lang, err)
		}
	}

	dm := bleve.NewDocumentMapping()
	dm.Dynamic = false
	keyword := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = true
		return f
	}
	numeric := func() *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = true
		return f
	}
	dm.AddFieldMappingsAt(fieldKind, keyword(true))
	for _, name := range []string{fieldOrganisation, fieldCountry, fieldNUTS, fieldSector, fieldCPV, fieldStatusType, fieldReservedBasis} {
		dm.AddFieldMappingsAt(name, keyword(false))
	}
	dm.AddFieldMappingsAt(fieldDeadline, numeric())
	dm.AddFieldMappingsAt(fieldDeadlineSort, numeric())
	dm.AddFieldMappingsAt(fieldPublished, numeric())
	b := bleve.NewBooleanFieldMapping()
	b.Store = false
	b.IncludeInAll = false
	dm.AddFieldMappingsAt(fieldCrossBorder, b)
	g := bleve.NewGeoPointFieldMapping()
	g.Store = false
	g.IncludeInAll = false
	g.DocValues = true
	dm.AddFieldMappingsAt(fieldGeo, g)
	for _, lang := range domain.Languages {
		for _, f := range search.Fields {
			t := bleve.NewTextFieldMapping()
			t.Analyzer = analyzerName(lang)
			// Stored with term vectors for highlighting snippets.
			t.Store = true
			t.IncludeTermVectors = true
			t.IncludeInAll = false
			t.DocValues = false
			dm.AddFieldMappingsAt(textField(f, lang), t)
		}
	}
	im.DefaultMapping = dm
	return im, nil
}

// toBleve flattens a document into the map the mapping above indexes.
func toBleve(d search.Document) map[string]any {
	m := map[string]any{
		fieldKind:         string(d.Kind),
		fieldCountry:      d.Country,
		fieldNUTS:         d.NUTS,
		fieldSector:       d.Sectors,
		fieldCPV:          d.CPV,
		fieldStatusType:   d.StatusTypes,
		fieldCrossBorder:  d.AcceptsCrossBorder,
		fieldPublished:    float64(d.PublishedAt.Unix()),
		fieldDeadlineSort: noDeadline,
	}
	if d.OrganisationID != "" {
		m[fieldOrganisation] = d.OrganisationID
	}
	if len(d.ReservedBases) > 0 {
		m[fieldReservedBasis] = d.ReservedBases
	}
	if d.Deadline != nil {
		m[fieldDeadline] = float64(d.Deadline.Unix())
		m[fieldDeadlineSort] = float64(d.Deadline.Unix())
	}
	if d.Geo != nil {
		m[fieldGeo] = map[string]any{"lat": d.Geo.Lat, "lon": d.Geo.Lon}
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
