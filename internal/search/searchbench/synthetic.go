// Package searchbench measures the search at the scale the product must
// hold (100,000 listings on one small machine): it generates a synthetic but
// realistic set of listings from the real vocabulary of the shared inputs
// (the dev corpus's notices, the multilingual CPV labels, the Grande
// Région's NUTS regions, Passerelle's sector catalogue), read at run time and
// never copied into the repository, and runs a fixed mix of queries through
// search.Multilingual, reporting latency percentiles and throughput.
// `passerelle bench-search` and `make bench-search` drive it.
package searchbench

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/eval"
	"passerelle/internal/taxonomy"
)

// Sources are the shared input files the listings are drawn from.
type Sources struct {
	// Corpus is the dev corpus (shared/bench/search/corpus.jsonl): titles
	// and description sentences per language.
	Corpus string
	// CPV is the multilingual CPV list (cpv_2008_multilingual.csv).
	CPV string
	// NUTS is the Grande Région's NUTS list (nuts_grande_region.csv).
	NUTS string
}

// GeneratorVersion changes whenever Generator draws other documents from
// the same inputs and seed, so that a cached index built by an older
// version is rebuilt rather than measured as if it were this one's.
const GeneratorVersion = 2

// Generator draws listings. Document(i) depends only on the inputs, the
// seed and i, so any range of the set can be generated in any order.
type Generator struct {
	seed      uint64
	titles    map[domain.Language][]string
	sentences map[domain.Language][]string
	cpvLabels map[string]domain.Labels
	// cpvPool is the corpus's CPV codes, one entry per use, so that drawing
	// from it follows the real distribution of public procurement.
	cpvPool   []string
	sectors   []domain.Sector
	regions   map[string][]domain.NUTSRegion // level-3 regions by country
	regionFor map[string]string              // level-3 code → its name
}

// Organisations in the set: suppliers (each also indexed as a supplier
// document, one listing in supplierEvery) own the offers, buyers the
// tenders.
const (
	suppliers     = 6000
	buyers        = 2500
	supplierEvery = 17
)

// Shares of the listings that are not supplier documents.
const (
	tenderShare      = 0.4  // the rest are offers
	translatedShare  = 0.15 // listings with a second language
	reservedShare    = 0.12 // tenders reserved under a legal basis
	sseSupplierShare = 0.45 // suppliers with a verified SSE status
	crossBorderShare = 0.5
)

// countryShares spreads organisations over the Grande Région's four
// countries, roughly as its listings would be.
var countryShares = []struct {
	country string
	share   float64
}{{"FR", 0.35}, {"DE", 0.3}, {"BE", 0.15}, {"LU", 0.2}}

// languageShares are the languages listings are written in, per country.
var languageShares = map[string][]struct {
	lang  domain.Language
	share float64
}{
	"FR": {{domain.LangFR, 0.9}, {domain.LangDE, 0.05}, {domain.LangEN, 0.05}},
	"DE": {{domain.LangDE, 0.9}, {domain.LangEN, 0.06}, {domain.LangFR, 0.04}},
	"BE": {{domain.LangFR, 0.8}, {domain.LangNL, 0.12}, {domain.LangDE, 0.04}, {domain.LangEN, 0.04}},
	"LU": {{domain.LangFR, 0.45}, {domain.LangDE, 0.35}, {domain.LangEN, 0.15}, {domain.LangNL, 0.05}},
}

// centres are approximate centres of the NUTS-2 regions (or, for the ones
// not listed, of the NUTS-1 region), since the NUTS list has no positions;
// listings scatter around them.
var centres = map[string]search.GeoPoint{
	"FRF1": {Lat: 48.3, Lon: 7.45}, "FRF2": {Lat: 48.9, Lon: 4.4}, "FRF3": {Lat: 48.85, Lon: 6.2},
	"DEB1": {Lat: 50.4, Lon: 7.3}, "DEB2": {Lat: 49.9, Lon: 6.75}, "DEB3": {Lat: 49.45, Lon: 7.9},
	"DEC0": {Lat: 49.4, Lon: 6.95}, "BE31": {Lat: 50.65, Lon: 4.6}, "BE32": {Lat: 50.45, Lon: 3.95},
	"BE33": {Lat: 50.5, Lon: 5.6}, "BE34": {Lat: 49.95, Lon: 5.45}, "BE35": {Lat: 50.3, Lon: 4.85},
	"LU00": {Lat: 49.7, Lon: 6.1}, "DEB": {Lat: 49.9, Lon: 7.3}, "BE3": {Lat: 50.4, Lon: 4.9},
}

// epoch is the day the set is "now": publications spread over the 18
// months before it, deadlines after.
var epoch = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// Epoch is the set's "now", for queries that filter on deadlines.
func Epoch() time.Time { return epoch }

// NewGenerator reads the inputs. Missing files are an error: a benchmark
// on made-up words would not measure what buyers type.
func NewGenerator(src Sources, seed uint64) (*Generator, error) {
	g := &Generator{
		seed:      seed,
		titles:    map[domain.Language][]string{},
		sentences: map[domain.Language][]string{},
		cpvLabels: map[string]domain.Labels{},
		regions:   map[string][]domain.NUTSRegion{},
		regionFor: map[string]string{},
	}
	if err := g.readCPV(src.CPV); err != nil {
		return nil, err
	}
	if err := g.readCorpus(src.Corpus); err != nil {
		return nil, err
	}
	if err := g.readNUTS(src.NUTS); err != nil {
		return nil, err
	}
	for _, grp := range taxonomy.SectorGroups() {
		for _, s := range grp.Sectors {
			if len(s.CPV) > 0 {
				g.sectors = append(g.sectors, s)
			}
		}
	}
	if len(g.sectors) == 0 {
		return nil, errors.New("searchbench: the sector catalogue has no sector with CPV codes")
	}
	return g, nil
}

func (g *Generator) readCPV(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("searchbench: CPV list: %w", err)
	}
	defer f.Close()
	codes, err := taxonomy.ReadCPV(f)
	if err != nil {
		return fmt.Errorf("searchbench: %w", err)
	}
	for _, c := range codes {
		g.cpvLabels[c.Code8] = c.Labels
	}
	return nil
}

func (g *Generator) readCorpus(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("searchbench: corpus: %w", err)
	}
	defer f.Close()
	err = eval.ReadCorpus(f, func(d eval.Document) error {
		lang := domain.Language(d.Lang)
		if t := strings.TrimSpace(d.Title); t != "" && len(t) <= search.MaxTitleLen {
			g.titles[lang] = append(g.titles[lang], t)
		}
		g.sentences[lang] = append(g.sentences[lang], splitSentences(d.Description)...)
		for _, c := range d.CPV {
			if code, ok := taxonomy.NormalizeCPV(c); ok && g.cpvLabels[code] != (domain.Labels{}) {
				g.cpvPool = append(g.cpvPool, code)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("searchbench: corpus: %w", err)
	}
	for _, lang := range domain.Languages {
		if len(g.titles[lang]) == 0 || len(g.sentences[lang]) == 0 {
			return fmt.Errorf("searchbench: the corpus has no %s text", lang)
		}
	}
	if len(g.cpvPool) == 0 {
		return errors.New("searchbench: the corpus has no CPV code found in the CPV list")
	}
	return nil
}

// splitSentences cuts a description into sentences of a useful length.
func splitSentences(s string) []string {
	var out []string
	for _, part := range strings.SplitAfter(s, ". ") {
		part = strings.TrimSpace(part)
		if n := utf8.RuneCountInString(part); n >= 20 && n <= 600 {
			out = append(out, part)
		}
	}
	return out
}

func (g *Generator) readNUTS(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("searchbench: NUTS list: %w", err)
	}
	defer f.Close()
	regions, err := taxonomy.ReadNUTS(f)
	if err != nil {
		return fmt.Errorf("searchbench: %w", err)
	}
	for _, r := range regions {
		if r.Level == 3 && r.Assignable() {
			g.regions[r.Country] = append(g.regions[r.Country], r)
			g.regionFor[r.Code] = r.Name
		}
	}
	for _, c := range countryShares {
		if len(g.regions[c.country]) == 0 {
			return fmt.Errorf("searchbench: the NUTS list has no level-3 region of %s", c.country)
		}
	}
	return nil
}

// organisation is what listings inherit from their owner.
type organisation struct {
	id          string
	country     string
	nuts        string
	geo         search.GeoPoint
	statusTypes []string
	sectors     []domain.Sector
	crossBorder bool
	langs       []domain.Language // main language first
}

// uuid draws a random-looking id in the shape of the product's UUIDs, so
// that ids sort in no meaningful order, as in production.
func uuid(r *rand.Rand) string {
	a, b := r.Uint64(), r.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, a>>16&0xffff, a&0xfff, b>>48&0x3fff|0x8000, b&0xffffffffffff)
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// organisation draws organisation n (suppliers first, then buyers).
func (g *Generator) organisation(n int) organisation {
	r := rand.New(rand.NewPCG(g.seed, 1<<40|uint64(n)))
	o := organisation{id: uuid(r)}
	x := r.Float64()
	for _, c := range countryShares {
		o.country = c.country
		if x < c.share {
			break
		}
		x -= c.share
	}
	reg := pick(r, g.regions[o.country])
	o.nuts = reg.Code
	c, ok := centres[reg.Code[:4]]
	if !ok {
		c = centres[reg.Code[:3]]
	}
	o.geo = search.GeoPoint{Lat: c.Lat + (r.Float64()-0.5)*0.5, Lon: c.Lon + (r.Float64()-0.5)*0.7}
	o.crossBorder = r.Float64() < crossBorderShare
	shares := languageShares[o.country]
	lang := shares[len(shares)-1].lang
	x = r.Float64()
	for _, l := range shares {
		if x < l.share {
			lang = l.lang
			break
		}
		x -= l.share
	}
	o.langs = []domain.Language{lang}
	if second := pick(r, domain.Languages); second != o.langs[0] {
		o.langs = append(o.langs, second)
	}
	if n < suppliers {
		for range 1 + r.IntN(3) {
			o.sectors = append(o.sectors, pick(r, g.sectors))
		}
		if types := domain.SSEStatusTypesFor(o.country); len(types) > 0 && r.Float64() < sseSupplierShare {
			o.statusTypes = append(o.statusTypes, string(pick(r, types)))
			if r.IntN(5) == 0 {
				if t := string(pick(r, types)); t != o.statusTypes[0] {
					o.statusTypes = append(o.statusTypes, t)
				}
			}
		}
	}
	return o
}

// Document draws listing i of the set: a supplier's own document, an offer
// or a tender, mixed so that any prefix of the set has all three.
func (g *Generator) Document(i int) search.Document {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	var o organisation
	kind := search.KindSupplier
	switch {
	case i%supplierEvery == 0 && i/supplierEvery < suppliers:
		o = g.organisation(i / supplierEvery)
	case r.Float64() < tenderShare:
		kind = search.KindTender
		o = g.organisation(suppliers + r.IntN(buyers))
		// Buyers publish on every subject, not only their own sectors.
		o.sectors = []domain.Sector{pick(r, g.sectors)}
	default:
		kind = search.KindOffer
		o = g.organisation(r.IntN(suppliers))
	}
	d := search.Document{
		ID: uuid(r), Kind: kind, OrganisationID: o.id, Country: o.country,
		NUTS:               search.NUTSAncestors(o.nuts),
		PublishedAt:        epoch.Add(-time.Duration(r.IntN(540*24*60)) * time.Minute),
		AcceptsCrossBorder: o.crossBorder,
		Text:               map[domain.Language]search.Text{},
		Concepts:           map[domain.Language][]string{},
	}
	geo := o.geo
	d.Geo = &geo
	if kind == search.KindSupplier {
		d.ID = o.id
	}
	if kind != search.KindTender {
		d.StatusTypes = o.statusTypes
	}

	// Codes: the sector's CPV codes, plus the real distribution's.
	sectors := o.sectors
	if kind != search.KindSupplier {
		sectors = []domain.Sector{pick(r, o.sectors)}
	}
	var cpv []string
	for _, s := range sectors {
		d.Sectors = append(d.Sectors, s.Code)
		if code, ok := taxonomy.NormalizeCPV(pick(r, s.CPV)); ok {
			cpv = append(cpv, code)
		}
	}
	for range r.IntN(3) {
		cpv = append(cpv, pick(r, g.cpvPool))
	}
	seen := map[string]bool{}
	for _, c := range cpv {
		for _, a := range search.CPVAncestors(c) {
			if !seen[a] {
				seen[a] = true
				d.CPV = append(d.CPV, a)
			}
		}
	}
	for _, lang := range domain.Languages {
		for _, s := range sectors {
			d.Concepts[lang] = append(d.Concepts[lang], s.Labels.In(lang))
		}
		for _, c := range d.CPV {
			if l := g.cpvLabels[c].In(lang); l != "" {
				d.Concepts[lang] = append(d.Concepts[lang], l)
			}
		}
	}

	// Text in the owner's language, sometimes translated.
	langs := o.langs[:1]
	if len(o.langs) > 1 && r.Float64() < translatedShare {
		langs = o.langs
	}
	for _, lang := range langs {
		d.Text[lang] = g.text(r, lang, cpv[0], o.nuts)
	}

	if kind == search.KindTender {
		dl := d.PublishedAt.AddDate(0, 0, 15+r.IntN(60))
		d.Deadline = &dl
		if r.Float64() < reservedShare {
			var bases []string
			for _, b := range domain.LegalBases() {
				if b.AvailableTo(o.country) {
					bases = append(bases, string(b))
				}
			}
			if len(bases) > 0 {
				d.ReservedBases = []string{pick(r, bases)}
			}
		}
	}
	return d
}

// text draws a title (a real notice's, or the label of the listing's main
// CPV code with a place) and a description of real sentences.
func (g *Generator) text(r *rand.Rand, lang domain.Language, cpv, nuts string) search.Text {
	var t search.Text
	if l := g.cpvLabels[cpv].In(lang); l != "" && r.IntN(2) == 0 {
		t.Title = l + " – " + g.regionFor[nuts]
	} else {
		t.Title = pick(r, g.titles[lang])
	}
	var b strings.Builder
	for n := 2 + r.IntN(5); n > 0; n-- {
		s := pick(r, g.sentences[lang])
		if b.Len()+len(s)+1 > search.MaxDescriptionLen {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	t.Description = b.String()
	if len(t.Title) > search.MaxTitleLen {
		t.Title = t.Title[:strings.LastIndexByte(t.Title[:search.MaxTitleLen], ' ')]
	}
	return t
}
