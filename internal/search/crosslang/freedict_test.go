package crosslang

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"passerelle/internal/domain"
)

// encodeBase64Number writes n the way dictd indexes do.
func encodeBase64Number(n int) string {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	if n == 0 {
		return "A"
	}
	var s []byte
	for ; n > 0; n /= 64 {
		s = append([]byte{digits[n%64]}, s...)
	}
	return string(s)
}

// writeDictionary writes a dictd dictionary (index + gzip-compressed
// entries, as dictzip files are read) of entries, headword → body, in dir.
func writeDictionary(t *testing.T, dir, pair string, entries [][2]string) {
	t.Helper()
	var data bytes.Buffer
	var index strings.Builder
	index.WriteString("00databaseshort\tA\tB\n")
	data.WriteString("x")
	for _, e := range entries {
		off := data.Len()
		data.WriteString(e[1])
		index.WriteString(strings.ToLower(e[0]) + "\t" + encodeBase64Number(off) + "\t" + encodeBase64Number(len(e[1])) + "\n")
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	if _, err := zw.Write(data.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "freedict-"+pair)
	if err := os.WriteFile(base+".index", []byte(index.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(base+".dict.dz", z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDictionaryFormat(t *testing.T) {
	dir := t.TempDir()
	// Entries as FreeDict writes them (taken from fra-deu, deu-fra and deu-eng).
	writeDictionary(t, dir, "deu-fra", [][2]string{
		{"Büro", "Büro /byˈʁoː/ <n, neut>\nbureau 2.\nDienststelle oder Geschäftsräumlichkeit, in der Arbeiten erledigt werden\n 3.\nGesamtheit der Angestellten eines Büros [1]\n"},
		{"Büros", "Büros /byˈʁoːs/ <n, pl>\nbureaux\n"},
		{"Pflege", "Pflege /ˈp͡fleːɡə/ <n, fem>\n1. soins, soin\nFürsorge, Betreuung und Versorgung von Menschen\n2. entretien, maintenance, soins\nsämtliche Maßnahmen, die dazu dienen, etwas zu erhalten\n"},
		{"Reinigung", "Reinigung /ˈʁaɪ̯nɪɡʊŋ/ ([+ gen]) <fem, n, sg>\n [chem.] nettoyage <n>\n         Note: of sth.\n   Synonyms: {Putzen}, {Reinigen}\n\n"},
		{"chemische Reinigung", "chemische Reinigung <n, fem>\nnettoyage à sec\n"},
		{"Erklärung", "Erklärung <n, fem>\nune phrase bien trop longue pour une traduction, en vérité\n"},
	})
	d, err := OpenDictionary(dir, domain.LangDE, domain.LangFR)
	if err != nil {
		t.Fatal(err)
	}
	texts := func(tr []Translation) []string {
		var out []string
		for _, x := range tr {
			out = append(out, x.Text)
		}
		return out
	}
	for _, tc := range []struct {
		word string
		want []string
	}{
		// The numbered senses, first sense first; definitions dropped.
		{"pflege", []string{"soins", "soin", "entretien", "maintenance"}},
		// Annotations and indented notes and synonyms dropped.
		{"reinigung", []string{"nettoyage"}},
		// The headword itself is preferred over others of its stem...
		{"buros", []string{"bureaux"}},
		{"buro", []string{"bureau"}},
		// ...which are used when it is missing ("pflegen" → "pfleg").
		{"pflegen", []string{"soins", "soin", "entretien", "maintenance"}},
		// An explanation is no translation; multi-word headwords are not indexed.
		{"erklarung", nil},
		{"chemische", nil},
		{"unbekannt", nil},
	} {
		if got := texts(d.Lookup(tc.word)); !slices.Equal(got, tc.want) {
			t.Errorf("Lookup(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
	if got := d.Lookup("pflege"); got[2].Rank != 0 && got[2].Rank <= got[0].Rank {
		t.Errorf("the second sense ranks %d, the first %d", got[2].Rank, got[0].Rank)
	}
	if hw := d.Headwords(); !slices.Equal(hw, []string{"buro", "buros", "erklarung", "pfleg", "reinigung"}) {
		t.Errorf("Headwords = %q, want the stems of the single-word headwords", hw)
	}

	if _, err := OpenDictionary(dir, domain.LangNL, domain.LangFR); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing pair: %v, want os.ErrNotExist", err)
	}
	// An index pointing past the data is refused, not read out of bounds.
	if err := os.WriteFile(filepath.Join(dir, "freedict-deu-fra.index"), []byte("wort\tA\tZZZZ\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenDictionary(dir, domain.LangDE, domain.LangFR); err == nil {
		t.Error("an index beyond the data was accepted")
	}
	if err := os.WriteFile(filepath.Join(dir, "freedict-deu-fra.dict.dz"), []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenDictionary(dir, domain.LangDE, domain.LangFR); err == nil {
		t.Error("a corrupt dict.dz was accepted")
	}
}

func TestDecodeBase64Number(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 4095, 123456789} {
		if got, ok := decodeBase64Number([]byte(encodeBase64Number(n))); !ok || got != uint64(n) {
			t.Errorf("round trip of %d: %d, %v", n, got, ok)
		}
	}
	for _, bad := range []string{"", "A-B", "é"} {
		if _, ok := decodeBase64Number([]byte(bad)); ok {
			t.Errorf("decodeBase64Number(%q) accepted", bad)
		}
	}
}

func TestInstalledDictionaries(t *testing.T) {
	requireDictionaries(t)
	for _, tc := range []struct {
		from, to domain.Language
		word     string
		want     string // among the first translations
	}{
		{domain.LangDE, domain.LangFR, "reinigung", "nettoyage"},
		{domain.LangFR, domain.LangDE, "nettoyage", "reinigung"},
		{domain.LangEN, domain.LangNL, "office", "kantoor"},
		{domain.LangNL, domain.LangDE, "kantoor", "buro"},
		{domain.LangDE, domain.LangEN, "reinigung", "cleaning"},
		{domain.LangFR, domain.LangEN, "bureaux", "office"},
	} {
		d, err := OpenDictionary(DefaultDictDir, tc.from, tc.to)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tr := range d.Lookup(tc.word) {
			got = append(got, tr.Text)
		}
		if !slices.Contains(got[:min(len(got), 10)], tc.want) {
			t.Errorf("%s→%s %q: %q, want %q among the first", tc.from, tc.to, tc.word, got, tc.want)
		}
	}
}
