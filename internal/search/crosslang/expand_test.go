package crosslang

import (
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/taxonomy/taxonomytest"
)

// loaded is the expander built from the reference data and the installed
// dictionaries, once for the package's tests (it takes about a second).
var (
	loadOnce sync.Once
	loaded   *Expander
	loadErr  error
)

// requireDictionaries skips (or fails, with PASSERELLE_TEST_REQUIRE_TOOLS=1)
// when the FreeDict packages are not installed.
func requireDictionaries(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(DefaultDictDir + "/freedict-deu-fra.index"); err != nil {
		if os.Getenv("PASSERELLE_TEST_REQUIRE_TOOLS") == "1" {
			tb.Fatalf("FreeDict dictionaries missing in %s: run make deps-dict", DefaultDictDir)
		}
		tb.Skipf("FreeDict dictionaries missing in %s (make deps-dict installs them)", DefaultDictDir)
	}
}

func expander(tb testing.TB) *Expander {
	tb.Helper()
	requireDictionaries(tb)
	cpv := taxonomytest.DataFile(tb, "cpv_2008_multilingual.csv")
	nace := taxonomytest.DataFile(tb, "nace_rev2_1_multilingual.csv")
	loadOnce.Do(func() {
		loaded, loadErr = Load(Sources{CPVPath: cpv, NACEPath: nace, DictDir: DefaultDictDir})
	})
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return loaded
}

// terms returns the texts of exp's terms in lang.
func terms(exp Expansion, lang domain.Language) map[string]Term {
	out := map[string]Term{}
	for _, q := range exp.Queries {
		if q.Lang == lang {
			for _, t := range q.Terms {
				out[t.Text] = t
			}
		}
	}
	return out
}

// containsWord reports whether one of the terms is, or has as a word, w.
func containsWord(ts map[string]Term, w string) bool {
	for text := range ts {
		for _, tw := range strings.Fields(text) {
			if tw == w {
				return true
			}
		}
	}
	return false
}

func TestExpandTranslates(t *testing.T) {
	x := expander(t)
	for _, tc := range []struct {
		query string
		lang  domain.Language
		want  map[domain.Language][]string // words some term must contain
	}{
		{"Büroreinigung", domain.LangDE, map[domain.Language][]string{
			domain.LangFR: {"nettoyage", "bureaux"},
			domain.LangEN: {"cleaning", "office"},
			domain.LangNL: {"schoonmaak", "kantoor"},
		}},
		{"entretien des espaces verts", domain.LangFR, map[domain.Language][]string{
			domain.LangDE: {"grunflachenpflege", "grunflachen", "wartung"},
			domain.LangEN: {"green", "maintenance"},
			domain.LangNL: {"groenonderhoud", "onderhoud"},
		}},
		{"Grünflächenpflege", domain.LangDE, map[domain.Language][]string{
			domain.LangFR: {"entretien", "espaces", "verts"},
			domain.LangEN: {"green", "maintenance"},
			domain.LangNL: {"groenonderhoud"},
		}},
		{"office cleaning", domain.LangEN, map[domain.Language][]string{
			domain.LangFR: {"nettoyage", "bureau"},
			domain.LangDE: {"buroreinigung", "reinigung"},
			// "schoonmaak" is the third alignment of "cleaning", beyond
			// maxAlignments; a label carries "schoonmaken kantoren".
			domain.LangNL: {"kantoor", "reiniging", "schoonmaken"},
		}},
		{"schoonmaak van kantoren", domain.LangNL, map[domain.Language][]string{
			domain.LangFR: {"nettoyage", "bureaux"},
			domain.LangDE: {"reinigung", "buro"},
			domain.LangEN: {"cleaning", "office"},
		}},
		{"afvalinzameling", domain.LangNL, map[domain.Language][]string{
			domain.LangFR: {"collecte", "dechets"},
			domain.LangDE: {"abfallsammlung"},
			domain.LangEN: {"waste", "collection"},
		}},
		{"collecte des déchets", domain.LangFR, map[domain.Language][]string{
			domain.LangDE: {"abfall"},
			domain.LangEN: {"waste", "collection"},
			domain.LangNL: {"afval"},
		}},
	} {
		exp := x.Expand(tc.query, tc.lang, Options{})
		if exp.Lang != tc.lang || exp.Detected {
			t.Errorf("Expand(%q).Lang = %q (detected %v), want %q as given", tc.query, exp.Lang, exp.Detected, tc.lang)
		}
		for lang, words := range tc.want {
			ts := terms(exp, lang)
			for _, w := range words {
				if !containsWord(ts, w) {
					t.Errorf("Expand(%q, %s) in %s lacks %q; has %v", tc.query, tc.lang, lang, w, ts)
				}
			}
		}
	}
}

// TestExpandGroupsTranslationsByWord checks the structure the engines
// score by: every term names the query words it stands for, a word's
// translations share its group, and a label matching two words stands for
// both.
func TestExpandGroupsTranslationsByWord(t *testing.T) {
	x := expander(t)
	exp := x.Expand("nettoyage des bureaux", domain.LangFR, Options{})
	fr, en := terms(exp, domain.LangFR), terms(exp, domain.LangEN)
	for w, want := range map[string][]int{"nettoyage": {1}, "bureaux": {2}} {
		if !slices.Equal(fr[w].Groups, want) {
			t.Errorf("typed %q in groups %v, want %v", w, fr[w].Groups, want)
		}
	}
	for w, want := range map[string][]int{"cleaning": {1}, "office": {2}, "office cleaning": {1, 2}} {
		got := slices.Clone(en[w].Groups)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("English %q in groups %v, want %v", w, en[w].Groups, want)
		}
	}
	for _, q := range exp.Queries {
		for _, term := range q.Terms {
			if len(term.Groups) == 0 {
				t.Errorf("%s term %+v stands for no word of the query", q.Lang, term)
			}
		}
	}
}

func TestExpandRanksOwnLanguageFirst(t *testing.T) {
	x := expander(t)
	exp := x.Expand("Büroreinigung", domain.LangDE, Options{TranslationBoost: 0.5})
	if len(exp.Queries) != 4 {
		t.Fatalf("got %d language queries, want 4", len(exp.Queries))
	}
	own := exp.Queries[0]
	if own.Lang != domain.LangDE || own.Boost != 1 {
		t.Fatalf("first query is %s boosted %.2f, want de boosted 1", own.Lang, own.Boost)
	}
	// The compound stands for both of its parts, which are the query's
	// words (groups 1 and 2).
	if got := own.Terms[0]; got.Text != "buroreinigung" || got.Weight != 1 || got.Origin != OriginQuery || !slices.Equal(got.Groups, []int{1, 2}) {
		t.Errorf("first term %+v, want the typed word at weight 1 standing for words 1 and 2", own.Terms[0])
	}
	ownTerms := terms(exp, domain.LangDE)
	for i, part := range []string{"buro", "reinigung"} {
		if ownTerms[part].Origin != OriginCompound || ownTerms[part].Weight >= 1 || !slices.Equal(ownTerms[part].Groups, []int{i + 1}) {
			t.Errorf("compound part %q: %+v, want a compound term below the typed word, word %d", part, ownTerms[part], i+1)
		}
	}
	for _, q := range exp.Queries[1:] {
		if q.Boost != 0.5 {
			t.Errorf("%s boosted %.2f, want the translation boost 0.5", q.Lang, q.Boost)
		}
		for i, term := range q.Terms {
			if term.Weight >= 1 || term.Weight <= 0 {
				t.Errorf("%s term %+v: a translation weighs in (0, 1)", q.Lang, term)
			}
			if i > 0 && term.Weight > q.Terms[i-1].Weight {
				t.Errorf("%s terms not sorted by weight: %+v after %+v", q.Lang, term, q.Terms[i-1])
			}
		}
	}
	// A whole label matched outranks single words, and the lexicon outranks
	// the dictionary.
	fr := terms(exp, domain.LangFR)
	if l, w := fr["nettoyage bureaux"], fr["nettoyage"]; !l.Phrase || l.Origin != OriginLabel || l.Weight <= w.Weight {
		t.Errorf("label phrase %+v should outrank the word %+v", l, w)
	}
	for _, term := range fr {
		if term.Origin == OriginDictionary && term.Weight >= fr["nettoyage"].Weight {
			t.Errorf("dictionary term %+v outranks the lexicon's nettoyage %+v", term, fr["nettoyage"])
		}
	}
}

func TestExpandOffAndLimits(t *testing.T) {
	x := expander(t)
	exp := x.Expand("Nettoyage des bureaux", domain.LangFR, Options{Off: true})
	if len(exp.Queries) != 1 || exp.Queries[0].Lang != domain.LangFR {
		t.Fatalf("with expansion off, got %+v, want the French query only", exp.Queries)
	}
	got := terms(exp, domain.LangFR)
	if len(got) != 2 || got["nettoyage"].Weight != 1 || got["bureaux"].Weight != 1 {
		t.Errorf("off: terms %v, want nettoyage and bureaux (stop word des dropped)", got)
	}

	exp = x.Expand("Büroreinigung", domain.LangDE, Options{MaxTerms: 3})
	for _, q := range exp.Queries {
		if len(q.Terms) > 3 {
			t.Errorf("%s has %d terms, want at most 3", q.Lang, len(q.Terms))
		}
	}

	noDict := x.Expand("Büroreinigung", domain.LangDE, Options{NoDictionary: true})
	for _, q := range noDict.Queries {
		for _, term := range q.Terms {
			if term.Origin == OriginDictionary {
				t.Errorf("NoDictionary: %s term %+v comes from a dictionary", q.Lang, term)
			}
		}
	}

	// Nothing to search: no panic, the typed stop words are kept.
	if exp := x.Expand("", domain.LangFR, Options{}); len(exp.Queries) != 0 {
		t.Errorf("empty query expanded to %+v", exp.Queries)
	}
	if got := terms(x.Expand("the who", domain.LangEN, Options{Off: true}), domain.LangEN); len(got) != 2 {
		t.Errorf("a query of stop words only: %v, want them kept", got)
	}
	// A pasted page is cut at maxQueryRunes.
	long := strings.Repeat("nettoyage ", 1000)
	if n := len(Tokenize(long)); n > maxQueryRunes/len("nettoyage ")+1 {
		t.Errorf("a long text gave %d tokens", n)
	}
}

func TestExpandCarriesNames(t *testing.T) {
	x := expander(t)
	exp := x.Expand("Réacteur Jules Horowitz (JHR) pour Euratom", domain.LangFR, Options{})
	for _, lang := range []domain.Language{domain.LangDE, domain.LangEN, domain.LangNL} {
		ts := terms(exp, lang)
		for _, name := range []string{"horowitz", "jhr", "euratom"} {
			if ts[name].Origin != OriginCarried || ts[name].Weight != weightCarried {
				t.Errorf("%s: %q is %+v, want carried as it is", lang, name, ts[name])
			}
		}
		if ts["reacteur"].Origin == OriginCarried {
			t.Errorf("%s: reacteur translates, it must not be carried", lang)
		}
	}
}

func TestExpandDetectsUntaggedQueries(t *testing.T) {
	x := expander(t)
	for query, want := range map[string]domain.Language{
		"Büroreinigung":               domain.LangDE,
		"entretien des espaces verts": domain.LangFR,
		"grounds maintenance":         domain.LangEN,
		"afvalinzameling":             domain.LangNL,
	} {
		exp := x.Expand(query, "", Options{})
		if exp.Lang != want || !exp.Detected {
			t.Errorf("Expand(%q) untagged: language %q (detected %v), want %q detected", query, exp.Lang, exp.Detected, want)
		}
		if len(exp.Queries) == 0 || exp.Queries[0].Lang != want {
			t.Errorf("Expand(%q) untagged: the detected language's query must come first", query)
		}
	}
}

func TestLoadWithoutDictionariesOrData(t *testing.T) {
	// The product must work before any import: the sector catalogue alone
	// aligns its labels, and a missing dictionary directory is listed, not
	// fatal.
	x, err := Load(Sources{DictDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	st := x.Stats()
	if st.Dictionaries != 0 || len(st.MissingPairs) != 12 || st.Concepts == 0 {
		t.Errorf("stats %+v, want no dictionary, 12 missing pairs, the sector concepts", st)
	}
	exp := x.Expand("nettoyage", domain.LangFR, Options{})
	if len(exp.Queries) < 2 {
		t.Errorf("the sector catalogue alone should translate nettoyage: %+v", exp.Queries)
	}
	if _, err := Load(Sources{CPVPath: t.TempDir() + "/none.csv"}); err == nil {
		t.Error("Load with a CPV path that does not exist: no error")
	}
}

// TestLoadCost logs the load time and checks the memory the expander
// holds (a regression far beyond today's figure fails); the time is
// logged, never asserted: speed belongs to benchmarks.
func TestLoadCost(t *testing.T) {
	requireDictionaries(t)
	cpv := taxonomytest.DataFile(t, "cpv_2008_multilingual.csv")
	nace := taxonomytest.DataFile(t, "nace_rev2_1_multilingual.csv")
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	x, err := Load(Sources{CPVPath: cpv, NACEPath: nace, DictDir: DefaultDictDir})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("load: %v, heap held: %d MiB, %+v", took, held>>20, x.Stats())
	if held > 1<<30 {
		t.Errorf("the expander holds %d MiB", held>>20)
	}
	runtime.KeepAlive(x)
}

func BenchmarkExpand(b *testing.B) {
	x := expander(b)
	queries := []struct {
		q string
		l domain.Language
	}{
		{"Büroreinigung", domain.LangDE},
		{"entretien des espaces verts", domain.LangFR},
		{"electrical installation works in schools", domain.LangEN},
		{"schoonmaak van kantoren", domain.LangNL},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		x.Expand(q.q, q.l, Options{})
	}
}

func BenchmarkExpandUntagged(b *testing.B) {
	x := expander(b)
	b.ReportAllocs()
	for b.Loop() {
		x.Expand("Grünflächenpflege und Winterdienst", "", Options{})
	}
}

// TestExpandConcepts checks the concepts an expansion names: a label the
// typed words are, also without its generic head word ("Services de
// nettoyage de bureaux" for "nettoyage des bureaux"), first and at weight
// 1; then labels a translation of the words is ("imprimerie" → "printing",
// "Printing services"), weighted as the translation; none when off.
func TestExpandConcepts(t *testing.T) {
	x := expander(t)
	byID := func(exp Expansion) map[string]ConceptMatch {
		out := map[string]ConceptMatch{}
		for _, c := range exp.Concepts {
			out[c.ID] = c
		}
		return out
	}
	got := byID(x.Expand("nettoyage des bureaux", domain.LangFR, Options{}))
	if c := got["cpv:90919200"]; c.Weight != 1 || !slices.Equal(c.Groups, []int{1, 2}) {
		t.Errorf("office cleaning services: %+v, want words 1 and 2 at weight 1 (have %v)", c, got)
	}
	exp := x.Expand("imprimerie", domain.LangFR, Options{})
	got = byID(exp)
	if c := got["cpv:79810000"]; c.Weight <= 0 || c.Weight >= 1 || !slices.Equal(c.Groups, []int{1}) {
		t.Errorf("printing services through a translation: %+v, want word 1 below weight 1 (have %v)", c, got)
	}
	for i, c := range exp.Concepts {
		if i > 0 && c.Weight > exp.Concepts[i-1].Weight {
			t.Errorf("concepts not strongest first: %+v after %+v", c, exp.Concepts[i-1])
		}
	}
	if exp := x.Expand("nettoyage des bureaux", domain.LangFR, Options{Off: true}); len(exp.Concepts) != 0 {
		t.Errorf("expansion off names concepts %v", exp.Concepts)
	}
}
