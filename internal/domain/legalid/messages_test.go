package legalid

import (
	"errors"
	"strings"
	"testing"
)

var languages = []string{"fr", "de", "en", "nl"}

func TestLocalizedDiffersPerLanguage(t *testing.T) {
	codes := []string{CodeEmpty, CodeFormat, CodeLength, CodeChecksum, CodeCourt, CodeUnsupportedKey, CodeUnknownKind}
	for _, k := range Kinds() {
		for _, code := range codes {
			e := &Error{Kind: k, Code: code}
			seen := map[string]string{}
			for _, lang := range languages {
				msg := e.Localized(lang)
				if msg == "" || strings.Contains(msg, "%!") {
					t.Errorf("%s/%s/%s: bad message %q", k, code, lang, msg)
				}
				if other, dup := seen[msg]; dup {
					t.Errorf("%s/%s: %s and %s share %q", k, code, other, lang, msg)
				}
				seen[msg] = lang
			}
		}
	}
}

func TestLocalizedFromValidate(t *testing.T) {
	err := Validate(FRSIRET, "73282932000075")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v", err)
	}
	if got, want := e.Localized("fr"), "Le numéro SIRET est invalide : la clé de contrôle ne correspond pas."; got != want {
		t.Errorf("fr: got %q want %q", got, want)
	}
	if got, want := e.Localized("de"), "Die SIRET-Nummer ist ungültig: Die Prüfziffer stimmt nicht."; got != want {
		t.Errorf("de: got %q want %q", got, want)
	}
}

func TestLocalizedLanguageFallback(t *testing.T) {
	e := &Error{Kind: BEEnterprise, Code: CodeFormat}
	for _, c := range []struct{ lang, same string }{
		{"fr-BE", "fr"},
		{"nl_BE", "nl"},
		{"DE", "de"},
		{"it", "en"},
		{"", "en"},
	} {
		if got, want := e.Localized(c.lang), e.Localized(c.same); got != want {
			t.Errorf("Localized(%q) = %q, want the %s message %q", c.lang, got, c.same, want)
		}
	}
}

func TestEveryKindHasNamesAndFormats(t *testing.T) {
	for _, k := range Kinds() {
		for _, lang := range languages {
			if kindNames[k][lang] == "" || kindFormats[k][lang] == "" {
				t.Errorf("%s: missing %s name or format", k, lang)
			}
		}
	}
}
