package taxonomy

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalizeCPV checks the CPV code forms people type (in search
// filters, tender lots, ledgers): NormalizeCPV accepts only eight digits,
// optionally with their right check digit, and its result is a fixed
// point; FullCPV writes a code NormalizeCPV reads back; any other check
// digit is refused.
func FuzzNormalizeCPV(f *testing.F) {
	for _, s := range []string{"90911200-8", "909112008", " 90911200 ", "90911200-9", "9091120", "45000000-7", "ab", "", "９０９１１２００", "90911200-８"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code8, ok := NormalizeCPV(s)
		if !ok {
			if code8 != "" {
				t.Fatalf("%q refused but gave %q", s, code8)
			}
			return
		}
		if !isDigits(code8, 8) {
			t.Fatalf("%q normalized to %q", s, code8)
		}
		full := FullCPV(code8)
		if !ValidCPV(full) || !strings.HasPrefix(full, code8+"-") {
			t.Fatalf("%q: FullCPV(%q) = %q is not valid", s, code8, full)
		}
		for _, form := range []string{code8, full, strings.Replace(full, "-", "", 1), " " + full + "\t"} {
			if again, ok := NormalizeCPV(form); !ok || again != code8 {
				t.Fatalf("%q: %q reads as %q, %v, want %q", s, form, again, ok, code8)
			}
		}
		for d := byte('0'); d <= '9'; d++ {
			if other := full[:9] + string(d); d != full[9] && ValidCPV(other) {
				t.Fatalf("%s and %s both valid", full, other)
			}
		}
		if l := CPVLevel(code8); l < 1 || l > 7 {
			t.Fatalf("level %d for %s", l, code8)
		}
	})
}

// FuzzReadCPV reads arbitrary files as the CPV import does: never a
// panic; what it accepts is a consistent tree (every code valid, of the
// level its digits give, its parent in the file, labels in four languages).
func FuzzReadCPV(f *testing.F) {
	const header = "code,code8,level,parent,type,fr,de,en,nl\n"
	const division = "90000000-7,90000000,1,,services,Services,Dienste,Services,Diensten\n"
	for _, s := range []string{
		header + division + "90911200-8,90911200,5,90000000-7,services,a,b,c,d\n", header + division + division, header,
		"en,nl,fr,de,type,parent,level,code\nB,R,S,G,services,90000000-7,5,90911200-8\nServices,Diensten,Services,Dienste,services,,1,90000000-7\n",
		header + "90000000-7,90000000,1,,services,\"a\n\"\"b\",b,c,d\n", header + "90000000-7,90000000,1,,services,a,b,c\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		codes, err := ReadCPV(strings.NewReader(s))
		if err != nil {
			return
		}
		in := map[string]bool{}
		for _, c := range codes {
			in[c.Code8] = true
		}
		for _, c := range codes {
			if !ValidCPV(c.Code) || c.Code[:8] != c.Code8 || c.Level != CPVLevel(c.Code8) || c.Parent != "" && !in[c.Parent] ||
				(c.Parent == "") != (c.Level == 1) || c.Type == "" {
				t.Fatalf("read %+v from %q", c, s)
			}
			for _, l := range []string{c.Labels.FR, c.Labels.DE, c.Labels.EN, c.Labels.NL} {
				if l == "" || utf8.RuneCountInString(l) > maxCPVLabel {
					t.Fatalf("label %q of %s", l, c.Code)
				}
			}
		}
	})
}

// FuzzReadNUTS reads arbitrary files as the NUTS import does: never a
// panic; what it accepts has codes of their level and country, named,
// under a parent one level up.
func FuzzReadNUTS(f *testing.F) {
	const header = "code,level,name_native,country,parent\n"
	for _, s := range []string{
		header + "FR,0,France,FR,\nFRF,1,Grand Est,FR,FR\nFRF3,2,Lorraine,FR,FRF\nFRF33,3,Moselle,FR,FRF3\n",
		"name,parent,code,country,level\nELLADA,,EL,EL,0\nAttiki,EL,EL3,EL,1\n", header + "FR,0,France,FR,\nFR,0,France,FR,\n",
		header + "fr-1,1,X,FR,FR\n", header + "FRZ,1,Extra-Regio,FR,FR\nFR,0,France,FR,\n", header,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		regions, err := ReadNUTS(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, r := range regions {
			if r.Name == "" || r.Level < 0 || r.Level > 3 || len(r.Country) != 2 ||
				r.Country != r.Code[:2] && (r.Country != "GR" || r.Code[:2] != "EL") || len(r.Code) != r.Level+2 ||
				(r.Level == 0) != (r.Parent == "") || r.Parent != "" && (len(r.Parent) != len(r.Code)-1 || !strings.HasPrefix(r.Code, r.Parent)) {
				t.Fatalf("read %+v from %q", r, s)
			}
		}
	})
}
