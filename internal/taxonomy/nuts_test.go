package taxonomy

import (
	"os"
	"strings"
	"testing"

	"passerelle/internal/taxonomy/taxonomytest"
)

func TestReadNUTSReferenceFile(t *testing.T) {
	f, err := os.Open(taxonomytest.DataFile(t, "nuts_grande_region.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	regions, err := ReadNUTS(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(regions) != 105 {
		t.Fatalf("%d regions, want the file's 105", len(regions))
	}
	byCode := map[string]int{}
	retired := 0
	for i, r := range regions {
		byCode[r.Code] = i
		if r.Retired {
			retired++
		}
	}
	if retired != 6 {
		t.Errorf("%d retired regions, want 6 (BE321, BE322, BE324–BE327)", retired)
	}
	for code, want := range map[string]struct {
		name, parent string
		level        int
		retired      bool
	}{
		"FRF33": {"Moselle", "FRF3", 3, false},
		"DEB11": {"Koblenz, Kreisfreie Stadt", "DEB1", 3, false},
		"BE321": {"Arr. Ath", "BE32", 3, true},
		"BE32A": {"Arr. Ath", "BE32", 3, false},
		"LU":    {"LUXEMBOURG", "", 0, false},
	} {
		i, ok := byCode[code]
		if !ok {
			t.Errorf("%s missing", code)
			continue
		}
		r := regions[i]
		if r.Name != want.name || r.Parent != want.parent || r.Level != want.level || r.Retired != want.retired {
			t.Errorf("%s = %+v, want %+v", code, r, want)
		}
	}
	if r := regions[byCode["LUZZZ"]]; r.Assignable() || !r.ExtraRegio() {
		t.Errorf("LUZZZ is Extra-Regio: %+v", r)
	}
	if r := regions[byCode["FRF33"]]; !r.Assignable() {
		t.Errorf("FRF33 must be assignable")
	}
}

func TestReadNUTSRefusesWrongRows(t *testing.T) {
	const header = "code,level,name_native,country,parent\n"
	for name, c := range map[string]struct{ csv, want string }{
		"missing column": {"code,level,name\nFR,0,France\n", `no "country" column`},
		"level mismatch": {header + "FRF3,3,Lorraine,FR,FRF\n", "cannot be of level 3"},
		"bad level":      {header + "FR,x,France,FR,\n", `level "x"`},
		"wrong country":  {header + "FRF,1,Grand Est,DE,FR\n", `not a code of country "DE"`},
		"wrong parent":   {header + "FRF3,2,Lorraine,FR,FRG\n", `cannot have "FRG" as its parent`},
		"country parent": {header + "FR,0,France,FR,EU\n", "has no parent"},
		"twice":          {header + "FR,0,France,FR,\nFR,0,France,FR,\n", "listed twice"},
		"bad code":       {header + "fr-1,1,X,FR,FR\n", "not a NUTS code"},
		"no name":        {header + "FR,0,,FR,\n", "needs a name"},
		"empty":          {header, "no regions"},
	} {
		_, err := ReadNUTS(strings.NewReader(c.csv))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, c.want)
		}
	}
}

func TestReadNUTSGreeceAndColumnOrder(t *testing.T) {
	regions, err := ReadNUTS(strings.NewReader("name,parent,code,country,level\nELLADA,,EL,EL,0\nAttiki,EL,EL3,EL,1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(regions) != 2 || regions[1].Country != "GR" || regions[1].Name != "Attiki" || regions[1].Parent != "EL" {
		t.Fatalf("got %+v", regions)
	}
}
