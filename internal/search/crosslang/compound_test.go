package crosslang

import (
	"slices"
	"testing"

	"passerelle/internal/domain"
)

func TestSplitterSmallVocabulary(t *testing.T) {
	de := NewSplitter(domain.LangDE, []string{"buro", "reinigung", "grun", "flache", "pflege", "abfall", "entsorgung", "strasse", "bau", "gebaude", "mittel", "rein"})
	nl := NewSplitter(domain.LangNL, []string{"afval", "inzameling", "kantoor", "ruimte", "kan", "toor", "groen", "onderhoud"})
	for _, tc := range []struct {
		s    *Splitter
		word string
		want []string
	}{
		{de, "buroreinigung", []string{"buro", "reinigung"}},
		{de, "grunflachenpflege", []string{"grun", "flache", "pflege"}}, // linking n
		{de, "abfallentsorgung", []string{"abfall", "entsorgung"}},
		{de, "strassenbau", []string{"strasse", "bau"}},
		{de, "reinigungsmittel", []string{"reinigung", "mittel"}},  // linking s
		{de, "gebaudereinigung", []string{"gebaude", "reinigung"}}, // not "gebaude"+"rein"+"igung"
		{de, "reinigung", nil},   // a simple word
		{de, "xylophonbau", nil}, // an unknown part
		{de, "bau", nil},         // too short to be a compound
		{nl, "afvalinzameling", []string{"afval", "inzameling"}},
		{nl, "kantoorruimte", []string{"kantoor", "ruimte"}},
		{nl, "kantoor", nil}, // known as a whole: never "kan" + "toor"
		{nl, "groenonderhoud", []string{"groen", "onderhoud"}},
	} {
		if got := tc.s.Split(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("%s Split(%q) = %q, want %q", tc.s.lang, tc.word, got, tc.want)
		}
	}
	var none *Splitter // French and English have no splitter
	if got := none.Split("buroreinigung"); got != nil {
		t.Errorf("a nil splitter split: %q", got)
	}
}

func TestSplitterLoadedVocabulary(t *testing.T) {
	x := expander(t)
	for _, tc := range []struct {
		lang domain.Language
		word string
		want []string
	}{
		{domain.LangDE, "buroreinigung", []string{"buro", "reinigung"}},
		{domain.LangDE, "grunflachenpflege", []string{"grunflachen", "pflege"}},
		{domain.LangDE, "abfallentsorgung", []string{"abfall", "entsorgung"}},
		{domain.LangDE, "elektroinstallation", []string{"elektro", "installation"}},
		{domain.LangDE, "kantinenverpflegung", []string{"kantinen", "verpflegung"}},
		{domain.LangNL, "afvalinzameling", []string{"afval", "inzameling"}},
		{domain.LangNL, "groenonderhoud", []string{"groen", "onderhoud"}},
		{domain.LangNL, "kantoor", nil},
		{domain.LangFR, "nettoyage", nil},
		// Suffixes and prefixes are no parts, though dictionaries list them.
		{domain.LangDE, "europaischen", nil},
		{domain.LangDE, "regierung", nil},
		{domain.LangNL, "verlening", nil},
	} {
		if got := x.SplitCompound(tc.word, tc.lang); !slices.Equal(got, tc.want) {
			t.Errorf("%s SplitCompound(%q) = %q, want %q", tc.lang, tc.word, got, tc.want)
		}
	}
}
