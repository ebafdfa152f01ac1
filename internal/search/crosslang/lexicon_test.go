package crosslang

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/taxonomy/taxonomytest"
)

func TestLexiconAlignsWords(t *testing.T) {
	concepts := []Concept{
		{ID: "a", Labels: domain.Labels{FR: "Nettoyage de bâtiments", DE: "Gebäudereinigung", EN: "Building cleaning", NL: "Reiniging van gebouwen"}},
		{ID: "b", Labels: domain.Labels{FR: "Nettoyage de bureaux", DE: "Büroreinigung", EN: "Office cleaning", NL: "Schoonmaken van kantoren"}},
		{ID: "c", Labels: domain.Labels{FR: "Nettoyage de fenêtres", DE: "Fensterreinigung", EN: "Window cleaning", NL: "Glazenwassen"}},
		{ID: "d", Labels: domain.Labels{FR: "Mobilier de bureau", DE: "Büromöbel", EN: "Office furniture", NL: "Kantoormeubilair"}},
		{ID: "e", Labels: domain.Labels{FR: "Construction de bâtiments", DE: "Bau von Gebäuden", EN: "Building construction", NL: "Bouw van gebouwen"}},
	}
	de := NewSplitter(domain.LangDE, []string{"gebaude", "reinigung", "buro", "fenster", "mobel", "bau"})
	lx := NewLexicon(concepts, [4]*Splitter{nil, de, nil, nil})
	if lx.Concepts() != 5 {
		t.Fatalf("Concepts = %d", lx.Concepts())
	}
	first := func(w string, from, to domain.Language) string {
		tr := lx.WordTranslations(w, from, to)
		if len(tr) == 0 {
			return ""
		}
		return tr[0].Text
	}
	for _, tc := range []struct {
		word     string
		from, to domain.Language
		want     string
	}{
		// "reinigung" only appears inside compounds: splitting aligns it.
		{"reinigung", domain.LangDE, domain.LangFR, "nettoyage"},
		{"nettoyage", domain.LangFR, domain.LangEN, "cleaning"},
		{"cleaning", domain.LangEN, domain.LangDE, "reinigung"},
		{"batiments", domain.LangFR, domain.LangEN, "building"},
		{"gebouwen", domain.LangNL, domain.LangFR, "batiments"},
		{"office", domain.LangEN, domain.LangFR, "bureau"}, // tie of surface forms: the first in order
	} {
		if got := first(tc.word, tc.from, tc.to); got != tc.want {
			t.Errorf("%s→%s %q: first alignment %q (all %+v), want %q", tc.from, tc.to, tc.word, got, lx.WordTranslations(tc.word, tc.from, tc.to), tc.want)
		}
	}
	// Two rare words seen together align; a rare word and a frequent one
	// seen together once do not: for the frequent word that is chance.
	var got []string
	for _, tr := range lx.WordTranslations("glazenwassen", domain.LangNL, domain.LangFR) {
		got = append(got, tr.Text)
	}
	if !slices.Equal(got, []string{"fenetres"}) {
		t.Errorf("glazenwassen aligns with %q, want fenetres only (not nettoyage)", got)
	}
	if tr := lx.WordTranslations("nettoyage", domain.LangFR, domain.Language("it")); tr != nil {
		t.Errorf("an unsupported language aligned: %+v", tr)
	}
	// Label level: the concept's key is order-free and stop-word-free.
	if got := lx.labels[0][labelKey([]string{"nettoyag", "bureau"})]; !slices.Equal(got, []int{1}) {
		t.Errorf("label index of nettoyage de bureaux: %v", got)
	}
}

func TestLexiconFromReferenceData(t *testing.T) {
	x := expander(t)
	for _, tc := range []struct {
		word     string
		from, to domain.Language
		want     string
	}{
		{"reinigung", domain.LangDE, domain.LangFR, "nettoyage"},
		{"reinigung", domain.LangDE, domain.LangEN, "cleaning"},
		{"reinigung", domain.LangDE, domain.LangNL, "reiniging"},
		{"nettoyage", domain.LangFR, domain.LangDE, "reinigung"},
		{"abfall", domain.LangDE, domain.LangFR, "dechets"},
		{"onderhoud", domain.LangNL, domain.LangEN, "maintenance"},
	} {
		var got []string
		for _, tr := range x.lexicon.WordTranslations(tc.word, tc.from, tc.to) {
			got = append(got, tr.Text)
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("%s→%s %q: %q, want %q among them", tc.from, tc.to, tc.word, got, tc.want)
		}
	}
}

func TestReadNACEConcepts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("nace.csv", "code,level,parent,fr,de,en,nl,it\n"+
		"81.21,4,81.2,Nettoyage courant des bâtiments,Allgemeine Gebäudereinigung,General cleaning of buildings,Interieurreiniging van gebouwen,Pulizia\n"+
		"99,2,U,Activités,,Activities,Activiteiten,Attività\n")
	got, err := ReadNACEConcepts(good)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "nace:81.21" || got[0].Labels.DE != "Allgemeine Gebäudereinigung" {
		t.Errorf("ReadNACEConcepts = %+v, want the one fully labelled row", got)
	}
	for name, content := range map[string]string{
		"noheader.csv": "",
		"nolabel.csv":  "code,fr,de,en\n01,a,b,c\n",
		"empty.csv":    "code,fr,de,en,nl\n",
	} {
		if _, err := ReadNACEConcepts(write(name, content)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := ReadNACEConcepts(filepath.Join(dir, "absent.csv")); err == nil {
		t.Error("a missing file: no error")
	}
	// The real file reads whole.
	real, err := ReadNACEConcepts(taxonomytest.DataFile(t, "nace_rev2_1_multilingual.csv"))
	if err != nil || len(real) < 1000 {
		t.Errorf("the NACE reference file: %d concepts, %v", len(real), err)
	}
}

func TestSectorConcepts(t *testing.T) {
	cs := SectorConcepts()
	if len(cs) < 20 {
		t.Fatalf("%d sector concepts", len(cs))
	}
	for _, c := range cs {
		if c.Labels.FR == "" || c.Labels.DE == "" || c.Labels.EN == "" || c.Labels.NL == "" {
			t.Errorf("sector concept %s lacks a label: %+v", c.ID, c.Labels)
		}
	}
}
