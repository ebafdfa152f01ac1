package api

import (
	"net/http"
	"strings"
	"testing"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/mail/mailtest"
)

func TestNegotiate(t *testing.T) {
	for _, tc := range []struct {
		header string
		user   domain.Language
		want   domain.Language
	}{
		{"", "", domain.LangEN},
		{"", domain.LangNL, domain.LangNL},
		{"de-DE,de;q=0.9,en;q=0.8", domain.LangFR, domain.LangDE},
		{"es-ES,es;q=0.9", domain.LangFR, domain.LangFR}, // nothing supported: the user's language
		{"en;q=0.5, fr-BE;q=0.8", "", domain.LangFR},     // highest q wins
		{"nl-BE, fr;q=0.9", "", domain.LangNL},           // order breaks ties at q=1
		{"fr;q=0, de", "", domain.LangDE},                // q=0 means "not this one"
		{"fr;q=abc, en", "", domain.LangEN},              // a broken q-value is ignored
		{"*", domain.LangDE, domain.LangDE},
	} {
		if got := languageFor(tc.header, tc.user); got != tc.want {
			t.Errorf("languageFor(%q, %q) = %q, want %q", tc.header, tc.user, got, tc.want)
		}
	}
}

func TestCatalogueComplete(t *testing.T) {
	for en, tr := range catalogue {
		for _, l := range domain.Languages {
			if strings.TrimSpace(tr[l]) == "" {
				t.Errorf("catalogue entry %q has no %s text", en, l)
			}
		}
	}
	// The password messages core writes are all translated.
	for _, msg := range []string{
		"the password must have at least 12 characters", "the password is too long",
		"this password is among the most common ones: choose another",
		"this password is too easy to guess: use a longer phrase of unrelated words",
	} {
		if _, ok := catalogue[msg]; !ok {
			t.Errorf("no translation for %q", msg)
		}
	}
}

// TestErrorsInTheCallersLanguage: problems come back in the language of
// Accept-Language, else the signed-in user's, with field messages translated.
func TestErrorsInTheCallersLanguage(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	c := e.client()

	r := c.expect(http.StatusUnauthorized, "GET", "/api/v1/me", nil, "Accept-Language", "fr-FR,fr;q=0.9")
	if r.body["detail"] != "Connectez-vous d'abord." || r.body["title"] != "Non authentifié" {
		t.Errorf("401 in French: %s", r.raw)
	}
	r = c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/auth/signup",
		map[string]any{"email": mailtest.UniqueAddress(t), "password": "short", "display_name": "Jan", "language": "de"},
		"Accept-Language", "de")
	if r.body["detail"] != "Die Eingabe ist ungültig." || !strings.Contains(r.raw, "mindestens 12 Zeichen erwartet") {
		t.Errorf("422 in German: %s", r.raw)
	}
	// A weak but long enough password passes the schema and is refused by
	// core, with a message from the catalogue.
	r = c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/auth/signup",
		map[string]any{"email": mailtest.UniqueAddress(t), "password": "passwordpassword", "display_name": "Jan", "language": "de"},
		"Accept-Language", "de")
	if !strings.Contains(r.raw, "dieses Passwort gehört zu den häufigsten") && !strings.Contains(r.raw, "dieses Passwort ist zu leicht zu erraten") {
		t.Errorf("core's 422 in German: %s", r.raw)
	}
	// Without Accept-Language, a signed-in user gets their own language (fr
	// for signedUpUser).
	u := e.signedUpUser(mailtest.UniqueAddress(t))
	r = u.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/me/password",
		map[string]any{"current_password": "not the right one at all", "new_password": goodPassword + "x"}, "Accept-Language", "")
	if !strings.Contains(r.raw, "le mot de passe actuel est incorrect") {
		t.Errorf("422 in the user's language: %s", r.raw)
	}
	// Plain gin answers too (the API's 404).
	r = c.expect(http.StatusNotFound, "GET", "/api/v1/nothing-here", nil, "Accept-Language", "nl")
	if r.body["title"] != "Niet gevonden" {
		t.Errorf("404 in Dutch: %s", r.raw)
	}
}

// A field error that carries its own translations (legal identifiers) is
// answered with the caller's one.
func TestLocalizedFieldMessages(t *testing.T) {
	var ve domain.ValidationError
	ve.AddLocalized("body.siret", "checksum", map[domain.Language]string{
		domain.LangEN: "The SIRET number is wrong.", domain.LangFR: "Le numéro SIRET est faux.",
		domain.LangDE: "Die SIRET-Nummer ist falsch.", domain.LangNL: "Het SIRET-nummer is onjuist.",
	})
	ve.Add("body.email", "invalid_email", "a valid email address is required")
	p, ok := toHTTP(&ve).(*problem)
	if !ok {
		t.Fatalf("toHTTP(ValidationError) = %T, want *problem", toHTTP(&ve))
	}
	de := p.localized(domain.LangDE)
	if de.Errors[0].Message != "Die SIRET-Nummer ist falsch." || de.Errors[1].Message != "eine gültige E-Mail-Adresse ist erforderlich" {
		t.Errorf("German field messages: %q, %q", de.Errors[0].Message, de.Errors[1].Message)
	}
	if de.Errors[0].Value != "checksum" || de.Errors[0].Location != "body.siret" {
		t.Errorf("code and location must stay: %+v", de.Errors[0])
	}
	if p.Errors[0].Message != "The SIRET number is wrong." {
		t.Errorf("localizing must not change the original: %q", p.Errors[0].Message)
	}
}
