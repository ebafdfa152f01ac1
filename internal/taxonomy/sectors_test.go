package taxonomy

import (
	"encoding/csv"
	"os"
	"regexp"
	"slices"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/taxonomy/taxonomytest"
)

var sectorCode = regexp.MustCompile(`^[a-z][a-z_]*\.[a-z][a-z_]*$`)

// TestSectorCatalogueIsComplete checks what offers, tenders and the API
// rely on: stable well-formed codes, unique; every label present in the
// four languages, unique within its language; valid CPV codes.
func TestSectorCatalogueIsComplete(t *testing.T) {
	groups := SectorGroups()
	if len(groups) < 18 {
		t.Errorf("%d groups, want about 20", len(groups))
	}
	codes := map[string]bool{}
	labels := map[domain.Language]map[string]string{}
	for _, l := range domain.Languages {
		labels[l] = map[string]string{}
	}
	unique := func(code string, ls domain.Labels) {
		for _, l := range domain.Languages {
			var text string
			switch l {
			case domain.LangEN:
				text = ls.EN
			case domain.LangFR:
				text = ls.FR
			case domain.LangDE:
				text = ls.DE
			case domain.LangNL:
				text = ls.NL
			}
			if text == "" || len([]rune(text)) > 100 {
				t.Errorf("%s: %s label %q must have 1 to 100 characters", code, l, text)
			}
			if other, dup := labels[l][text]; dup {
				t.Errorf("%s and %s share the %s label %q", other, code, l, text)
			}
			labels[l][text] = code
		}
	}
	n := 0
	for _, g := range groups {
		if codes[g.Code] || !regexp.MustCompile(`^[a-z][a-z_]*$`).MatchString(g.Code) {
			t.Errorf("group code %q is malformed or repeated", g.Code)
		}
		codes[g.Code] = true
		unique(g.Code, g.Labels)
		if len(g.Sectors) < 4 {
			t.Errorf("group %s has %d sectors", g.Code, len(g.Sectors))
		}
		for _, s := range g.Sectors {
			n++
			if codes[s.Code] || !sectorCode.MatchString(s.Code) || s.Group != g.Code || s.Code[:len(g.Code)+1] != g.Code+"." {
				t.Errorf("sector code %q (group %q) is malformed or repeated", s.Code, s.Group)
			}
			codes[s.Code] = true
			unique(s.Code, s.Labels)
			if len(s.CPV) == 0 {
				t.Errorf("%s has no CPV code", s.Code)
			}
			for _, c := range s.CPV {
				if !ValidCPV(c) {
					t.Errorf("%s: %q is not a valid CPV code", s.Code, c)
				}
			}
			if got, ok := Sector(s.Code); !ok || got.Code != s.Code || !slices.Equal(got.CPV, s.CPV) {
				t.Errorf("Sector(%q) = %+v, %v", s.Code, got, ok)
			}
		}
	}
	if n < 140 {
		t.Errorf("%d sectors, want about 150", n)
	}
	if _, ok := Sector("cleaning"); ok {
		t.Error("a group is not a sector")
	}
}

// TestSectorCPVCodesExist checks every CPV code of the catalogue against
// the official list.
func TestSectorCPVCodesExist(t *testing.T) {
	f, err := os.Open(taxonomytest.DataFile(t, "cpv_2008_multilingual.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	official := map[string]bool{}
	for _, r := range rows[1:] {
		official[r[0]] = true
	}
	for _, g := range SectorGroups() {
		for _, s := range g.Sectors {
			for _, c := range s.CPV {
				if !official[c] {
					t.Errorf("%s: %s is not in the official CPV 2008 list", s.Code, c)
				}
			}
		}
	}
}

func TestSectorsForCPV(t *testing.T) {
	codes := func(ss []domain.Sector) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.Code)
		}
		return out
	}
	for code, want := range map[string][]string{
		"90919200-4": {"cleaning.offices"},
		"90919200":   {"cleaning.offices"},
		"90911200-8": {"cleaning.buildings"},
		"90922000-6": {"cleaning.disinfection"}, // the second CPV code of its sector
		"77341000-2": {"green_spaces.pruning"},  // a descendant
		"63120000-6": {"packaging.storage_handling", "removals.storage"},
		"90910000-9": nil, // broader than any sector
		"90911200-9": nil, // wrong check digit
		"nonsense":   nil,
	} {
		if got := codes(SectorsForCPV(code)); !slices.Equal(got, want) {
			t.Errorf("SectorsForCPV(%q) = %v, want %v", code, got, want)
		}
		if got := SectorCodesForCPV(code); !slices.Equal(got, want) {
			t.Errorf("SectorCodesForCPV(%q) = %v, want %v", code, got, want)
		}
	}
	// The sectors returned are whole, and the caller's to change.
	got := SectorsForCPV("90922000-6")
	if len(got) != 1 || got[0].Labels.FR == "" || !slices.Equal(got[0].CPV, []string{"90921000-9", "90922000-6", "90923000-3"}) {
		t.Fatalf("SectorsForCPV = %+v", got)
	}
	got[0].CPV[0] = "changed"
	if s, _ := Sector("cleaning.disinfection"); s.CPV[0] == "changed" {
		t.Fatal("SectorsForCPV shares the catalogue's CPV codes")
	}
	s, _ := Sector("cleaning.disinfection")
	if got := CPVPrefixes(s); !slices.Equal(got, []string{"90921", "90922", "90923"}) {
		t.Errorf("CPVPrefixes = %v", got)
	}
}

func TestSectorGroupsIsACopy(t *testing.T) {
	g := SectorGroups()
	g[0].Sectors[0].Labels.EN = "changed"
	g[0].Sectors[0].CPV[0] = "changed"
	if again := SectorGroups(); again[0].Sectors[0].Labels.EN == "changed" || again[0].Sectors[0].CPV[0] == "changed" {
		t.Error("SectorGroups shares its data with callers")
	}
}
