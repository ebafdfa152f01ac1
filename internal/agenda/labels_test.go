package agenda

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"
)

var languages = []string{"fr", "de", "en", "nl"}

// declaredLabels reads the label constants from the source, so that a label
// added without its translations fails here rather than printing English.
func declaredLabels(t *testing.T) []label {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "labels.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []label
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "label" {
				continue
			}
			for _, v := range vs.Values {
				s, err := strconv.Unquote(v.(*ast.BasicLit).Value)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, label(s))
			}
		}
	}
	if len(out) < 30 {
		t.Fatalf("found only %d label constants: the parser missed them", len(out))
	}
	return out
}

var verb = regexp.MustCompile(`%(\[\d+\])?[a-z]`)

func TestEveryLabelInFourLanguages(t *testing.T) {
	declared := declaredLabels(t)
	for _, lang := range languages {
		catalogue, ok := labels[lang]
		if !ok {
			t.Fatalf("no labels in %s", lang)
		}
		if len(catalogue) != len(declared) {
			t.Errorf("%s has %d labels, %d are declared", lang, len(catalogue), len(declared))
		}
		for _, l := range declared {
			s, ok := catalogue[l]
			if !ok || s == "" {
				t.Errorf("label %q missing in %s", l, lang)
				continue
			}
			// The same arguments in the same order as in English.
			want := verb.FindAllString(labels["en"][l], -1)
			if got := verb.FindAllString(s, -1); !slices.Equal(got, want) {
				t.Errorf("label %q in %s has verbs %v, English has %v", l, lang, got, want)
			}
		}
		for i, w := range weekdays[lang] {
			if w == "" {
				t.Errorf("weekday %d missing in %s", i, lang)
			}
		}
		for m := 1; m <= 12; m++ {
			if months[lang][m] == "" {
				t.Errorf("month %d missing in %s", m, lang)
			}
		}
	}
}

func TestLanguageChoice(t *testing.T) {
	for in, want := range map[string]string{"fr": "fr", "de-LU": "de", "NL_be": "nl", " en ": "en", "es": "en", "": "en", "lb": "en"} {
		if got := newText(in).lang; got != want {
			t.Errorf("newText(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestCountryNames(t *testing.T) {
	for _, tc := range []struct{ lang, code, want string }{
		{"fr", "DE", "Allemagne"},
		{"de", "FR", "Frankreich"},
		{"nl", "lu", "Luxemburg"},
		{"en", "BE", "Belgium"},
		{"fr", "", ""},
		{"fr", "??", "??"},
	} {
		if got := newText(tc.lang).country(tc.code); got != tc.want {
			t.Errorf("country(%s, %q) = %q, want %q", tc.lang, tc.code, got, tc.want)
		}
	}
}

func TestLongDates(t *testing.T) {
	day := time.Date(2026, 11, 26, 14, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{
		"fr": "jeudi 26 novembre 2026",
		"de": "Donnerstag, 26. November 2026",
		"en": "Thursday 26 November 2026",
		"nl": "donderdag 26 november 2026",
	} {
		if got := newText(lang).date(day); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
