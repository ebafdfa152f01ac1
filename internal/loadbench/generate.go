package loadbench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"passerelle/internal/domain"
	"passerelle/internal/taxonomy"
)

// GeneratorVersion changes whenever Generate writes other rows from the
// same inputs, so that a cached database of an older version is generated
// again rather than measured as if it were this one's.
const GeneratorVersion = 1

// Volume is how much Generate adds.
type Volume struct {
	Organisations, Offers, Tenders int
}

// DefaultVolume is issue 11's: 10,000 organisations, 100,000 offers and
// 5,000 tenders.
var DefaultVolume = Volume{Organisations: 10000, Offers: 100000, Tenders: 5000}

// Shares of the generated organisations and listings.
const (
	supplierShare   = 0.8  // the rest are public and private buyers
	publicShare     = 0.7  // of the buyers
	verifiedShare   = 0.45 // suppliers with a verified SSE status
	translatedShare = 0.15 // listings with a second language
	crossBorder     = 0.5
)

// countries spread the organisations over the Grande Région, with the
// languages their texts are written in.
var countries = []struct {
	code  string
	share float64
	langs []domain.Language
}{
	{"FR", 0.35, []domain.Language{domain.LangFR, domain.LangFR, domain.LangFR, domain.LangDE}},
	{"DE", 0.30, []domain.Language{domain.LangDE, domain.LangDE, domain.LangDE, domain.LangEN}},
	{"BE", 0.15, []domain.Language{domain.LangFR, domain.LangFR, domain.LangNL, domain.LangDE}},
	{"LU", 0.20, []domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL}},
}

// Name parts of generated organisations, by country.
var (
	supplierPrefixes = map[string][]string{
		"FR": {"ESAT", "Entreprise adaptée", "Atelier et chantier d'insertion", "SCOP", "Régie de quartier"},
		"DE": {"Werkstätten", "Inklusionsbetrieb", "Integrationsfirma", "Sozialkaufhaus"},
		"BE": {"ETA", "Maatwerkbedrijf", "Entreprise d'insertion", "Coopérative"},
		"LU": {"Atelier protégé", "SIS", "Initiative sociale", "Fondation"},
	}
	buyerPrefixes = map[string][]string{
		"FR": {"Commune de", "Communauté de communes de", "Centre hospitalier de", "Syndicat mixte de"},
		"DE": {"Gemeinde", "Verbandsgemeinde", "Kreisverwaltung", "Stadtwerke"},
		"BE": {"Commune de", "Gemeente", "Intercommunale de", "CPAS de"},
		"LU": {"Commune de", "Syndicat intercommunal de", "Administration de"},
	}
)

// generated is an organisation as the listings need it.
type generated struct {
	id          [16]byte
	supplier    bool
	country     string
	region      domain.NUTSRegion
	langs       []domain.Language
	sectors     []domain.Sector
	crossBorder bool
}

// Generate adds v to the database conn is connected to, in one
// transaction, with COPY: organisations (with descriptions, and verified
// SSE statuses for some suppliers), published offers of the suppliers and
// published tenders of the buyers with one lot each. The NUTS regions must
// be imported. The search index is not touched: reindex afterwards.
func Generate(ctx context.Context, conn *pgx.Conn, voc *Vocabulary, v Volume, seed uint64, now time.Time) error {
	r := rand.New(rand.NewPCG(seed, GeneratorVersion))
	orgs := make([]generated, v.Organisations)
	var suppliers, buyers []int
	for i := range orgs {
		orgs[i] = voc.organisation(r, float64(i) < float64(v.Organisations)*supplierShare)
		if orgs[i].supplier {
			suppliers = append(suppliers, i)
		} else {
			buyers = append(buyers, i)
		}
	}
	if len(suppliers) == 0 || len(buyers) == 0 {
		return fmt.Errorf("loadbench: %d organisations are too few for both suppliers and buyers", v.Organisations)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	ago := func(maxDays int) time.Time {
		return now.Add(-time.Duration(1+r.IntN(maxDays*24*60)) * time.Minute)
	}

	// Organisations.
	var descRows, statusRows [][]any
	if err := copyRows(ctx, tx, "organisations", []string{"id", "kind", "country", "legal_name", "street_lines", "postcode", "town",
		"nuts3", "latitude", "longitude", "website", "phone", "languages", "created_at", "updated_at"}, len(orgs), func(i int) []any {
		o := orgs[i]
		kind, prefixes := "sse_supplier", supplierPrefixes[o.country]
		if !o.supplier {
			kind, prefixes = "public_buyer", buyerPrefixes[o.country]
			if r.Float64() > publicShare {
				kind = "private_buyer"
			}
		}
		town := strings.TrimPrefix(strings.TrimPrefix(o.region.Name, "Arr. "), "Landkreis ")
		name := fmt.Sprintf("%s %s %d", pick(r, prefixes), town, i+1)
		created := ago(900)
		var langs []string
		for _, l := range o.langs {
			langs = append(langs, string(l))
		}
		for _, l := range o.langs {
			nace := pick(r, voc.nace).In(l)
			descRows = append(descRows, []any{o.id, string(l), nace + ". " + voc.sentencesIn(r, l, 1+r.IntN(2), 4000)})
		}
		if o.supplier && r.Float64() < verifiedShare {
			if types := domain.SSEStatusTypesFor(o.country); len(types) > 0 {
				at := created.Add(time.Hour)
				statusRows = append(statusRows, []any{[16]byte(uuid.Must(uuid.NewV7())), o.id, string(pick(r, types)),
					fmt.Sprintf("REG-%s-%06d", o.country, i), now.AddDate(1+r.IntN(3), 0, 0).Truncate(24 * time.Hour), "verified", at, at.Add(time.Hour)})
			}
		}
		lat, lon := 49.5+(r.Float64()-0.5)*1.6, 6.3+(r.Float64()-0.5)*2.4
		return []any{o.id, kind, o.country, name, []string{fmt.Sprintf("%d rue de l'Économie sociale", 1+r.IntN(120))},
			fmt.Sprintf("%05d", 1000+r.IntN(90000)), town, o.region.Code, lat, lon,
			fmt.Sprintf("https://org-%d.load.passerelle.example", i+1), fmt.Sprintf("+33 3 87 %02d %02d %02d", r.IntN(100), r.IntN(100), r.IntN(100)),
			langs, created, created}
	}); err != nil {
		return err
	}
	if err := copySlice(ctx, tx, "organisation_descriptions", []string{"organisation_id", "language", "text"}, descRows); err != nil {
		return err
	}
	if err := copySlice(ctx, tx, "sse_statuses", []string{"id", "organisation_id", "type", "registration_number", "valid_until", "state", "submitted_at", "reviewed_at"}, statusRows); err != nil {
		return err
	}

	// Offers, by the suppliers.
	var textRows [][]any
	types := []string{"supplies", "services", "services", "works"}
	if err := copyRows(ctx, tx, "offers", []string{"id", "organisation_id", "state", "type", "original_language", "sectors", "cpv_codes",
		"area_mode", "accepts_cross_border", "lead_time_days", "submitted_at", "decided_at", "published_at", "created_at", "updated_at"}, v.Offers, func(int) []any {
		o := orgs[pick(r, suppliers)]
		id := [16]byte(uuid.Must(uuid.NewV7()))
		sector := pick(r, o.sectors)
		code := voc.cpvFor(r, sector)
		langs := o.langs[:1]
		if len(o.langs) > 1 && r.Float64() < translatedShare {
			langs = o.langs[:2]
		}
		for j, l := range langs {
			title := code.Labels.In(l) + " – " + o.region.Name
			if r.IntN(3) == 0 {
				title = pick(r, voc.titles[l])
			}
			textRows = append(textRows, []any{id, string(l), j == 0, clip(title, 200), voc.sentencesIn(r, l, 2+r.IntN(4), 3000)})
		}
		published := ago(540)
		return []any{id, o.id, "published", pick(r, types), string(langs[0]), []string{sector.Code}, []string{code.Code},
			"country", o.crossBorder, r.IntN(30), published.Add(-time.Hour), published, published, published.Add(-2 * time.Hour), published}
	}); err != nil {
		return err
	}
	if err := copySlice(ctx, tx, "offer_texts", []string{"offer_id", "language", "is_original", "title", "description"}, textRows); err != nil {
		return err
	}

	// Tenders, by the buyers, each with one lot, open for answers.
	textRows = textRows[:0]
	var lotRows [][]any
	kinds := []string{"formal_tender", "quote_request", "quote_request", "sourcing"}
	if err := copyRows(ctx, tx, "tenders", []string{"id", "organisation_id", "kind", "state", "original_language", "place_nuts", "place_town",
		"questions_deadline", "responses_deadline", "response_languages", "submitted_at", "decided_at", "published_at", "created_at", "updated_at"}, v.Tenders, func(int) []any {
		o := orgs[pick(r, buyers)]
		id := [16]byte(uuid.Must(uuid.NewV7()))
		code := voc.cpvFor(r, pick(r, voc.sectors))
		lang := o.langs[0]
		textRows = append(textRows, []any{id, string(lang), true, clip(pick(r, voc.titles[lang]), 200), voc.sentencesIn(r, lang, 3+r.IntN(5), 6000)})
		if len(o.langs) > 1 && r.Float64() < translatedShare {
			l := o.langs[1]
			textRows = append(textRows, []any{id, string(l), false, clip(code.Labels.In(l)+" – "+o.region.Name, 200), voc.sentencesIn(r, l, 3, 6000)})
		}
		lotRows = append(lotRows, []any{[16]byte(uuid.Must(uuid.NewV7())), id, 1, clip("Lot 1 – "+code.Labels.In(lang), 200),
			voc.sentencesIn(r, lang, 2, 4000), []string{code.Code}})
		published := ago(60)
		deadline := now.Add(time.Duration(30+r.IntN(120)) * 24 * time.Hour).Truncate(time.Hour)
		return []any{id, o.id, pick(r, kinds), "published", string(lang), o.region.Code, strings.TrimPrefix(o.region.Name, "Arr. "),
			deadline.Add(-7 * 24 * time.Hour), deadline, []string{string(lang)}, published.Add(-time.Hour), published, published, published.Add(-2 * time.Hour), published}
	}); err != nil {
		return err
	}
	if err := copySlice(ctx, tx, "tender_texts", []string{"tender_id", "language", "original", "title", "description"}, textRows); err != nil {
		return err
	}
	if err := copySlice(ctx, tx, "tender_lots", []string{"id", "tender_id", "position", "title", "description", "cpv"}, lotRows); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "ANALYZE")
	return err
}

// organisation draws one organisation: its country, region, languages and
// (suppliers) sectors.
func (voc *Vocabulary) organisation(r *rand.Rand, supplier bool) generated {
	o := generated{id: [16]byte(uuid.Must(uuid.NewV7())), supplier: supplier, crossBorder: r.Float64() < crossBorder}
	x := r.Float64()
	c := countries[len(countries)-1]
	for _, cc := range countries {
		if x < cc.share {
			c = cc
			break
		}
		x -= cc.share
	}
	o.country = c.code
	o.region = pick(r, voc.regions[c.code])
	o.langs = []domain.Language{pick(r, c.langs)}
	if second := pick(r, domain.Languages); second != o.langs[0] {
		o.langs = append(o.langs, second)
	}
	for range 1 + r.IntN(3) {
		o.sectors = append(o.sectors, pick(r, voc.sectors))
	}
	return o
}

// cpvFor draws a CPV code of the sector (the catalogue's own codes when
// the list has them with labels), else any code.
func (voc *Vocabulary) cpvFor(r *rand.Rand, s domain.Sector) domain.CPVCode {
	if len(s.CPV) > 0 {
		if code8, ok := taxonomy.NormalizeCPV(pick(r, s.CPV)); ok {
			for _, c := range voc.cpvBy8(code8) {
				return c
			}
		}
	}
	return pick(r, voc.cpv)
}

// cpvBy8 finds the code with these eight digits, or a finer one under it.
func (voc *Vocabulary) cpvBy8(code8 string) []domain.CPVCode {
	if voc.byCode == nil {
		voc.byCode = map[string]domain.CPVCode{}
		for _, c := range voc.cpv {
			voc.byCode[c.Code8] = c
		}
	}
	if c, ok := voc.byCode[code8]; ok {
		return []domain.CPVCode{c}
	}
	return nil
}

// sentencesIn joins n sentences of the corpus in lang, at most max bytes.
func (voc *Vocabulary) sentencesIn(r *rand.Rand, lang domain.Language, n, max int) string {
	var b strings.Builder
	for ; n > 0; n-- {
		s := pick(r, voc.sentences[lang])
		if b.Len()+len(s)+1 > max {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	if b.Len() == 0 {
		return clip(pick(r, voc.sentences[lang]), max)
	}
	return b.String()
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// clip cuts s to at most n bytes, at a word.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	return strings.ToValidUTF8(s, "")
}

// copyRows COPYs n rows made by row(i) into table.
func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, n int, row func(i int) []any) error {
	i := 0
	_, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromFunc(func() ([]any, error) {
		if i >= n {
			return nil, nil
		}
		i++
		return row(i - 1), nil
	}))
	if err != nil {
		return fmt.Errorf("loadbench: copy into %s: %w", table, err)
	}
	return nil
}

func copySlice(ctx context.Context, tx pgx.Tx, table string, cols []string, rows [][]any) error {
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("loadbench: copy into %s: %w", table, err)
	}
	return nil
}
