package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReasonTemplatesInEveryLanguage(t *testing.T) {
	seen := map[string]bool{}
	for _, tpl := range ReasonTemplates() {
		if seen[tpl.Code] {
			t.Errorf("template %s twice", tpl.Code)
		}
		seen[tpl.Code] = true
		for _, lang := range Languages {
			if tpl.Title.With()[lang] == "" || tpl.Text.With()[lang] == "" {
				t.Errorf("template %s has no %s text", tpl.Code, lang)
			}
		}
	}
}

func TestDecisionReasonText(t *testing.T) {
	r := DecisionReason{Template: "duplicate", Note: "  Voir l’offre du 3 mars.  "}
	if got := r.Text(LangDE); !strings.HasPrefix(got, "Dieser Eintrag wiederholt") || !strings.HasSuffix(got, "\n\nVoir l’offre du 3 mars.") {
		t.Errorf("German text %q", got)
	}
	if got := (DecisionReason{Template: "duplicate"}).Text(LangNL); !strings.HasPrefix(got, "Deze publicatie herhaalt") || strings.Contains(got, "\n") {
		t.Errorf("Dutch text %q", got)
	}
	if got := (DecisionReason{Note: "Texte libre"}).Text(LangFR); got != "Texte libre" {
		t.Errorf("note only %q", got)
	}
}

func TestValidateDecisionReasonWith(t *testing.T) {
	fields := func(r DecisionReason, required bool) string {
		ve := ValidateDecisionReasonWith(r, required, "t", "n")
		var out []string
		for _, f := range ve.Fields {
			out = append(out, f.Field+":"+f.Code)
		}
		return strings.Join(out, ",")
	}
	long := strings.Repeat("x", MaxDecisionReason)
	for _, c := range []struct {
		r        DecisionReason
		required bool
		want     string
	}{
		{DecisionReason{}, true, "n:required"},
		{DecisionReason{}, false, ""},
		{DecisionReason{Template: "spam"}, true, ""},
		{DecisionReason{Note: "Texte"}, true, ""},
		{DecisionReason{Template: "rude"}, true, "t:invalid"},
		{DecisionReason{Note: long}, true, ""},
		{DecisionReason{Note: long + "x"}, true, "n:too_long"},
		// With a template, the note gets what the template leaves.
		{DecisionReason{Template: "spam", Note: long}, true, "n:too_long"},
	} {
		if got := fields(c.r, c.required); got != c.want {
			t.Errorf("%+v required=%v: %q, want %q", c.r, c.required, got, c.want)
		}
	}
	// The longest note a template allows fits the stored text exactly or less.
	for _, tpl := range ReasonTemplates() {
		for n := MaxDecisionReason; n > 0; n-- {
			r := DecisionReason{Template: tpl.Code, Note: strings.Repeat("é", n)}
			if ValidateDecisionReasonWith(r, true, "t", "n").Err() == nil {
				for _, lang := range Languages {
					if got := utf8.RuneCountInString(r.Text(lang)); got > MaxDecisionReason {
						t.Errorf("%s in %s: %d characters", tpl.Code, lang, got)
					}
				}
				break
			}
		}
	}
}
