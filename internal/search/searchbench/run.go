package searchbench

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/crosslang"
)

// queryTexts are two-word queries as buyers type them, in the four
// languages, on the subjects of the sector catalogue.
var queryTexts = []struct {
	lang domain.Language
	text string
}{
	{domain.LangFR, "nettoyage bureaux"}, {domain.LangFR, "entretien espaces verts"},
	{domain.LangFR, "restauration collective"}, {domain.LangFR, "travaux peinture"},
	{domain.LangFR, "transport scolaire"}, {domain.LangFR, "fournitures bureau"},
	{domain.LangFR, "maintenance informatique"}, {domain.LangFR, "collecte déchets"},
	{domain.LangFR, "menuiserie bois"}, {domain.LangFR, "blanchisserie linge"},
	{domain.LangFR, "impression documents"}, {domain.LangFR, "services traiteur"},
	{domain.LangDE, "Reinigung Büro"}, {domain.LangDE, "Grünflächen Pflege"},
	{domain.LangDE, "Verpflegung Schulen"}, {domain.LangDE, "Malerarbeiten Gebäude"},
	{domain.LangDE, "Schülerbeförderung Bus"}, {domain.LangDE, "Büromaterial Lieferung"},
	{domain.LangDE, "Software Wartung"}, {domain.LangDE, "Abfall Entsorgung"},
	{domain.LangDE, "Tischlerarbeiten Holz"}, {domain.LangDE, "Wäscherei Textilien"},
	{domain.LangDE, "Druck Broschüren"}, {domain.LangDE, "Catering Veranstaltungen"},
	{domain.LangEN, "office cleaning"}, {domain.LangEN, "grounds maintenance"},
	{domain.LangEN, "school catering"}, {domain.LangEN, "painting works"},
	{domain.LangEN, "school transport"}, {domain.LangEN, "office supplies"},
	{domain.LangEN, "software maintenance"}, {domain.LangEN, "waste collection"},
	{domain.LangEN, "joinery works"}, {domain.LangEN, "laundry services"},
	{domain.LangEN, "printing services"}, {domain.LangEN, "event catering"},
	{domain.LangNL, "schoonmaak kantoren"}, {domain.LangNL, "groenonderhoud tuinen"},
	{domain.LangNL, "catering scholen"}, {domain.LangNL, "schilderwerken gebouwen"},
	{domain.LangNL, "leerlingenvervoer bus"}, {domain.LangNL, "kantoorbenodigdheden levering"},
	{domain.LangNL, "software onderhoud"}, {domain.LangNL, "afval inzameling"},
	{domain.LangNL, "timmerwerk hout"}, {domain.LangNL, "wasserij linnen"},
	{domain.LangNL, "drukwerk brochures"}, {domain.LangNL, "catering evenementen"},
}

// filterSets are the filter combinations of the mix, three filters each,
// as a buyer narrows a search on the search page.
func filterSets() []search.Filters {
	yes := true
	open := epoch
	var ssefr []string
	for _, c := range []string{"FR", "LU"} {
		for _, t := range domain.SSEStatusTypesFor(c) {
			ssefr = append(ssefr, string(t))
		}
	}
	var bases []string
	for _, b := range domain.LegalBases() {
		if b.AvailableTo("FR") || b.AvailableTo("BE") {
			bases = append(bases, string(b))
		}
	}
	return []search.Filters{
		{Countries: []string{"FR", "LU"}, Kinds: []search.Kind{search.KindOffer, search.KindSupplier}, CrossBorder: &yes},
		{NUTS: []string{"FRF3", "LU0"}, StatusTypes: ssefr, Kinds: []search.Kind{search.KindOffer}},
		{Kinds: []search.Kind{search.KindTender}, Countries: []string{"DE"}, DeadlineFrom: &open},
		{Countries: []string{"BE", "FR"}, Kinds: []search.Kind{search.KindTender}, ReservedBases: bases},
		{NUTS: []string{"DEC", "DEB2"}, CPV: []string{"90000000", "77000000", "45000000"}, CrossBorder: &yes},
	}
}

// Queries is the fixed mix: every text with one filter combination (in
// turn), every facet, highlighted snippets and a page of 20, by relevance:
// what the search page asks for.
func Queries() []search.Query {
	sets := filterSets()
	out := make([]search.Query, len(queryTexts))
	for i, t := range queryTexts {
		out[i] = search.Query{
			Text: t.text, Language: t.lang, Filters: sets[i%len(sets)],
			Facets: search.Facets, Limit: 20, Highlight: true,
		}
	}
	return out
}

// Figures summarise a run.
type Figures struct {
	Searches      int
	P50, P95, P99 time.Duration
	Max           time.Duration
	// PerSecond is searches per second of wall time.
	PerSecond float64
	// MeanHits is the mean Result.Total: a check that the mix finds
	// something (a benchmark of empty results measures nothing).
	MeanHits float64
	// Empty counts searches that matched nothing.
	Empty int
	// CPU is the process's CPU time (user and system) per search: unlike
	// latencies, it barely depends on what else the machine runs, and
	// cores divided by it bounds the throughput.
	CPU time.Duration
}

func (f Figures) String() string {
	return fmt.Sprintf("%5d searches  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  %6.1f searches/s  cpu %5.2f ms/search  mean hits %.0f",
		f.Searches, ms(f.P50), ms(f.P95), ms(f.P99), ms(f.Max), f.PerSecond, ms(f.CPU), f.MeanHits)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(i, 0)]
}

// Run runs n searches of the mix, in turn, from clients concurrent
// clients, after one unmeasured pass over the mix (the first search of a
// query warms the index's caches and the expansion's dictionaries).
func Run(ctx context.Context, s *search.Multilingual, queries []search.Query, clients, n int) (Figures, error) {
	for _, q := range queries {
		if _, err := s.Search(ctx, q); err != nil {
			return Figures{}, fmt.Errorf("searchbench: %q: %w", q.Text, err)
		}
	}
	took := make([]time.Duration, n)
	totals := make([]int, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	cpu := cpuTime()
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				t := time.Now()
				res, err := s.Search(ctx, queries[i%len(queries)])
				took[i] = time.Since(t)
				if err != nil {
					errs <- fmt.Errorf("searchbench: %q: %w", queries[i%len(queries)].Text, err)
					next.Store(int64(n))
					return
				}
				totals[i] = res.Total
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu = cpuTime() - cpu
	close(errs)
	if err := <-errs; err != nil {
		return Figures{}, err
	}
	if err := ctx.Err(); err != nil {
		return Figures{}, err
	}
	f := Figures{Searches: n, PerSecond: float64(n) / elapsed.Seconds(), CPU: cpu / time.Duration(n)}
	sum := 0
	for _, t := range totals {
		sum += t
		if t == 0 {
			f.Empty++
		}
	}
	f.MeanHits = float64(sum) / float64(n)
	slices.Sort(took)
	f.P50, f.P95, f.P99, f.Max = percentile(took, 0.5), percentile(took, 0.95), percentile(took, 0.99), took[n-1]
	return f, nil
}

// Expansion times the cross-language expansion alone over n texts of the
// mix, with the options search.Multilingual uses by default: the share of
// a search's time that is not the engine's.
func Expansion(x *crosslang.Expander, queries []search.Query, n int) Figures {
	opts := crosslang.Options{TranslationBoost: search.DefaultTranslationBoost, MaxTerms: search.DefaultMaxTerms}
	for _, q := range queries {
		x.Expand(q.Text, q.Language, opts)
	}
	took := make([]time.Duration, n)
	start := time.Now()
	for i := range n {
		q := queries[i%len(queries)]
		t := time.Now()
		x.Expand(q.Text, q.Language, opts)
		took[i] = time.Since(t)
	}
	f := Figures{Searches: n, PerSecond: float64(n) / time.Since(start).Seconds()}
	slices.Sort(took)
	f.P50, f.P95, f.P99, f.Max = percentile(took, 0.5), percentile(took, 0.95), percentile(took, 0.99), took[n-1]
	return f
}

// cpuTime is the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
