package crosslang

import (
	"testing"

	"passerelle/internal/domain"
)

func TestStem(t *testing.T) {
	for _, tc := range []struct {
		lang       domain.Language
		word, stem string
	}{
		{domain.LangFR, "bureaux", "bureau"},
		{domain.LangFR, "bureau", "bureau"},
		{domain.LangFR, "espaces", "espac"},
		{domain.LangFR, "espace", "espac"},
		{domain.LangFR, "verts", "vert"},
		{domain.LangFR, "vertes", "vert"},
		{domain.LangFR, "travaux", "traval"},
		{domain.LangFR, "amenagee", "amenag"},
		{domain.LangFR, "nettoyage", "nettoyag"},
		{domain.LangDE, "flachen", "flach"},
		{domain.LangDE, "flache", "flach"},
		{domain.LangDE, "pflege", "pfleg"},
		{domain.LangDE, "dienstleistungen", "dienstleistung"},
		{domain.LangDE, "gebaudes", "gebaud"},
		{domain.LangDE, "reinigung", "reinigung"},
		{domain.LangDE, "kindern", "kind"},
		{domain.LangEN, "offices", "office"},
		{domain.LangEN, "cleaning", "clean"},
		{domain.LangEN, "services", "service"},
		{domain.LangEN, "supplies", "supply"},
		{domain.LangEN, "boxes", "box"},
		{domain.LangEN, "glass", "glass"},
		{domain.LangEN, "bus", "bus"},
		{domain.LangEN, "analysis", "analysis"},
		{domain.LangEN, "running", "run"},
		{domain.LangEN, "planned", "plan"},
		{domain.LangEN, "dressing", "dress"},
		{domain.LangEN, "installing", "install"},
		{domain.LangNL, "kantoren", "kantor"},
		{domain.LangNL, "kantoor", "kantor"},
		{domain.LangNL, "bossen", "bos"},
		{domain.LangNL, "diensten", "dienst"},
		{domain.LangNL, "mogelijkheden", "mogelijkheid"},
		{domain.LangNL, "groene", "groen"},
		{domain.LangNL, "werken", "werk"},
		// Short words and codes are left alone, and so are other languages.
		{domain.LangFR, "eau", "eau"},
		{domain.LangDE, "90911200", "90911200"},
		{domain.Language("it"), "uffici", "uffici"},
	} {
		if got := Stem(tc.word, tc.lang); got != tc.stem {
			t.Errorf("Stem(%q, %s) = %q, want %q", tc.word, tc.lang, got, tc.stem)
		}
	}
}

func TestAnalyze(t *testing.T) {
	got := Analyze("L'entretien des Espaces verts — Hauts-de-France", domain.LangFR)
	want := []Token{
		{Word: "l", Stem: "l", Stop: true},
		{Word: "entretien", Stem: "entretien"},
		{Word: "des", Stem: "des", Stop: true},
		{Word: "espaces", Stem: "espac"},
		{Word: "verts", Stem: "vert"},
		{Word: "hauts", Stem: "haut"},
		{Word: "de", Stem: "de", Stop: true},
		{Word: "france", Stem: "franc"},
	}
	if len(got) != len(want) {
		t.Fatalf("Analyze = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if w := Tokenize("Straße, Grünflächen & Œuvre"); len(w) != 3 || w[0] != "strasse" || w[1] != "grunflachen" || w[2] != "oeuvre" {
		t.Errorf("Tokenize folds and splits: %q", w)
	}
}

func TestStopWordsAreFoldedAndLowercase(t *testing.T) {
	// Tokens are folded before the stop-word test: a list entry with an
	// accent or a capital would never match.
	for l, words := range stopWords {
		for w := range words {
			if tok := Tokenize(w); len(tok) != 1 || tok[0] != w {
				t.Errorf("stop word %q of %s is not a folded word", w, langs[l])
			}
		}
	}
}
