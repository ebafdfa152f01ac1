package taxonomy

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"passerelle/internal/taxonomy/taxonomytest"
)

func TestCPVCheckDigit(t *testing.T) {
	for code8, want := range map[string]byte{
		"90911200": '8', // building-cleaning services
		"03000000": '1', // agricultural products
		"45000000": '7', // construction work
		"90910000": '9', // cleaning services
		"77310000": '6', // planting and maintenance services of green areas
		"79810000": '5', // printing services
		"55520000": '1', // catering services
		"98311000": '6', // laundry-collection services
		"00000000": '0',
		"99999999": '8', // 9 × (3+7+1+3+7+1+3+7) = 288
	} {
		if got, ok := CPVCheckDigit(code8); !ok || got != want {
			t.Errorf("CPVCheckDigit(%s) = %c, %v; want %c", code8, got, ok, want)
		}
	}
	for _, bad := range []string{"", "9091120", "909112000", "9091120a", "90911200-8"} {
		if _, ok := CPVCheckDigit(bad); ok {
			t.Errorf("CPVCheckDigit(%q) accepted", bad)
		}
	}
}

func TestValidCPV(t *testing.T) {
	for code, want := range map[string]bool{
		"90911200-8":  true,
		"03000000-1":  true,
		"45000000-7":  true,
		"90911200-9":  false, // wrong check digit
		"90911200-0":  false,
		"03000000-2":  false,
		"45000000-1":  false,
		"90911200":    false, // no check digit
		"909112008":   false, // no hyphen
		"90911200_8":  false,
		"9091120-08":  false,
		"":            false,
		" 90911200-8": false,
		// Published with a digit other than the algorithm's (4): valid as
		// published, and only so.
		"03300000-2": true,
		"03300000-4": false,
		"72212100-0": true, // industry-specific software development services
	} {
		if got := ValidCPV(code); got != want {
			t.Errorf("ValidCPV(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestNormalizeCPV(t *testing.T) {
	for in, want := range map[string]string{
		"90911200-8":   "90911200",
		" 909112008 ":  "90911200",
		"90911200":     "90911200",
		"03300000-2":   "03300000",
		"90911200-9":   "",
		"909112009":    "",
		"9091120":      "",
		"cleaning":     "",
		"90911200-8-1": "",
	} {
		got, ok := NormalizeCPV(in)
		if got != want || ok != (want != "") {
			t.Errorf("NormalizeCPV(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got := FullCPV("90911200"); got != "90911200-8" {
		t.Errorf("FullCPV = %q", got)
	}
	if got := FullCPV("0330000"); got != "" {
		t.Errorf("FullCPV of 7 digits = %q", got)
	}
	for code8, level := range map[string]int{"03000000": 1, "03100000": 2, "03110000": 3, "03111000": 4, "90911200": 5, "30192121": 7, "45000000": 1} {
		if got := CPVLevel(code8); got != level {
			t.Errorf("CPVLevel(%s) = %d, want %d", code8, got, level)
		}
	}
}

// TestPublishedCheckDigitsMatchTheFile checks the exceptions table against
// the official list: every code of the list is valid as published, and
// every exception is a code of the list whose published digit it records.
func TestPublishedCheckDigitsMatchTheFile(t *testing.T) {
	f, err := os.Open(taxonomytest.DataFile(t, "cpv_2008_multilingual.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	published := map[string]byte{}
	for _, r := range rows[1:] {
		if !ValidCPV(r[0]) {
			t.Errorf("%s is in the official list but not valid", r[0])
		}
		published[r[0][:8]] = r[0][9]
	}
	for code8, d := range publishedCheckDigits {
		if published[code8] != d {
			t.Errorf("exception %s-%c: the list publishes %q", code8, d, published[code8])
		}
		if alg, _ := CPVCheckDigit(code8); alg == d {
			t.Errorf("exception %s-%c agrees with the algorithm: not an exception", code8, d)
		}
	}
}

func TestReadCPVReferenceFile(t *testing.T) {
	f, err := os.Open(taxonomytest.DataFile(t, "cpv_2008_multilingual.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	codes, err := ReadCPV(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != 9454 {
		t.Fatalf("%d codes, want the file's 9454", len(codes))
	}
	var found bool
	for _, c := range codes {
		if c.Code8 == "90911200" {
			found = true
			if c.Code != "90911200-8" || c.Level != 5 || c.Parent != "90911000" || c.Type != "services" ||
				c.Labels.FR != "Services de nettoyage de bâtiments" || c.Labels.DE != "Gebäudereinigung" ||
				c.Labels.EN != "Building-cleaning services" || c.Labels.NL != "Reiniging van gebouwen" {
				t.Errorf("90911200-8 read as %+v", c)
			}
		}
	}
	if !found {
		t.Error("90911200-8 missing")
	}
}

func TestReadCPVRefusesWrongRows(t *testing.T) {
	const header = "code,code8,level,parent,type,fr,de,en,nl\n"
	const division = "90000000-7,90000000,1,,services,Services,Dienste,Services,Diensten\n"
	for name, c := range map[string]struct{ csv, want string }{
		"missing column": {"code,level,parent,type,fr,de,en\n", `no "nl" column`},
		"check digit":    {header + division + "90911200-9,90911200,5,90000000-7,services,a,b,c,d\n", "line 3: 90911200-9 has a wrong check digit (90911200-8 is right)"},
		"bad code":       {header + "9000000-07,9000000,1,,services,a,b,c,d\n", "line 2: \"9000000-07\" is not a CPV code"},
		"code8":          {header + "90000000-7,90000001,1,,services,a,b,c,d\n", "does not match"},
		"level":          {header + division + "90911200-8,90911200,4,90000000-7,services,a,b,c,d\n", "line 3: 90911200-8 cannot be of level 4"},
		"bad level":      {header + "90000000-7,90000000,x,,services,a,b,c,d\n", `level "x"`},
		"no parent row":  {header + division + "90911200-8,90911200,5,90911000-6,services,a,b,c,d\n", "line 3: the parent 90911000-6 of 90911200-8 is not in the file"},
		"wrong parent":   {header + "45000000-7,45000000,1,,works,a,b,c,d\n" + division + "90911200-8,90911200,5,45000000-7,services,a,b,c,d\n", "line 4: 90911200-8 cannot have 45000000-7 as its parent"},
		"parent digit":   {header + division + "90911200-8,90911200,5,90000000-1,services,a,b,c,d\n", "line 3: the parent \"90000000-1\""},
		"orphan":         {header + "90911200-8,90911200,5,,services,a,b,c,d\n", "needs a parent"},
		"division":       {header + division + "45000000-7,45000000,1,90000000-7,works,a,b,c,d\n", "division and has no parent"},
		"type":           {header + "90000000-7,90000000,1,,goods,a,b,c,d\n", `type "goods"`},
		"no label":       {header + "90000000-7,90000000,1,,services,a,b,,d\n", "needs a en label"},
		"long label":     {header + "90000000-7,90000000,1,,services,a," + strings.Repeat("x", 401) + ",c,d\n", "needs a de label"},
		"twice":          {header + division + division, "line 3: 90000000-7 is listed twice (first on line 2)"},
		"empty":          {header, "no codes"},
	} {
		_, err := ReadCPV(strings.NewReader(c.csv))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, c.want)
		}
	}
}

func TestReadCPVParentAfterChildAndColumnOrder(t *testing.T) {
	codes, err := ReadCPV(strings.NewReader("en,nl,fr,de,type,parent,level,code\n" +
		"Building-cleaning services,Reiniging van gebouwen,Services de nettoyage de bâtiments,Gebäudereinigung,services,90000000-7,5,90911200-8\n" +
		"Services,Diensten,Services,Dienste,services,,1,90000000-7\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != 2 || codes[0].Parent != "90000000" || codes[0].Labels.DE != "Gebäudereinigung" {
		t.Fatalf("got %+v", codes)
	}
}

func TestFoldAndSearchWords(t *testing.T) {
	if got := Fold("Straßenreinigung ÉLAGAGE Œuvre"); got != "strassenreinigung elagage oeuvre" {
		t.Errorf("Fold = %q", got)
	}
	if got := strings.Join(SearchWords("  Nettoyage, bâtiments; l’hôpital "), "|"); got != "nettoyage|batiments|l|hopital" {
		t.Errorf("SearchWords = %q", got)
	}
}
