package api

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"

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

// A sentinel error built from values (domain.Msg.Wrap) keeps the
// sentinel's status and is answered in the caller's language, as a sentence.
func TestLocalizedSentinelErrors(t *testing.T) {
	err := fmt.Errorf("erasing: %w", domain.Msg{
		EN: "%s is still in use", FR: "%s est encore utilisé", DE: "%s wird noch verwendet", NL: "%s is nog in gebruik",
	}.Wrap(domain.ErrConflict, "élan"))
	p, ok := toHTTP(err).(*problem)
	if !ok {
		t.Fatalf("toHTTP(LocalizedError) = %T, want *problem", toHTTP(err))
	}
	if p.Status != http.StatusConflict || p.Detail != "Élan is still in use." {
		t.Errorf("English: %d %q", p.Status, p.Detail)
	}
	for l, want := range map[domain.Language]string{
		domain.LangFR: "Élan est encore utilisé.", domain.LangDE: "Élan wird noch verwendet.", domain.LangNL: "Élan is nog in gebruik.",
	} {
		if got := p.localized(l); got.Detail != want || got.Title != translate("Conflict", l) {
			t.Errorf("%s: %q %q, want %q", l, got.Title, got.Detail, want)
		}
	}
	if p.localized(domain.LangEN).Detail != "Élan is still in use." {
		t.Errorf("the English problem must read as before: %q", p.localized(domain.LangEN).Detail)
	}
}

// The errors core exports, with the message they carry, are answered in
// every language: each rendered detail has a complete catalogue entry.
func TestCoreErrorsAreTranslated(t *testing.T) {
	for name, err := range map[string]error{
		"ErrEmailNotVerified": core.ErrEmailNotVerified, "ErrBadCredentials": core.ErrBadCredentials,
		"ErrTokenUsed": core.ErrTokenUsed, "ErrTokenExpired": core.ErrTokenExpired,
		"ErrLastOwner": core.ErrLastOwner, "ErrAlreadyMember": core.ErrAlreadyMember, "ErrNotMember": core.ErrNotMember,
		"ErrInvitationForSomeoneElse": core.ErrInvitationForSomeoneElse, "ErrInvitationAccepted": core.ErrInvitationAccepted,
		"ErrInvitationExpired": core.ErrInvitationExpired, "ErrInvitationRevoked": core.ErrInvitationRevoked,
	} {
		var m *huma.ErrorModel
		if !errors.As(toHTTP(err), &m) {
			t.Errorf("%s: toHTTP gives %T", name, toHTTP(err))
			continue
		}
		english := strings.TrimSuffix(m.Detail, ".")
		if !strings.HasSuffix(strings.ToLower(err.Error()), strings.ToLower(english)) {
			t.Errorf("%s: detail %q is a fallback, not the error's own message %q", name, m.Detail, err)
		}
		checkCatalogued(t, name, m.Detail)
	}
}

// checkCatalogued fails unless the catalogue translates english into every
// language, and the translation is what a response in that language says.
func checkCatalogued(t *testing.T, name, english string) {
	t.Helper()
	entry, ok := catalogue[english]
	if !ok {
		t.Errorf("%s: no catalogue entry for %q", name, english)
		return
	}
	for _, l := range domain.Languages {
		if got := translate(english, l); got == "" || got != entry[l] || (l != domain.LangEN && got == english) {
			t.Errorf("%s: %q in %s is %q", name, english, l, got)
		}
	}
}

// Every message a use case (core), the store or a route (api) writes
// reaches a caller in their language:
//   - a fixed message wrapped around a domain sentinel
//     (fmt.Errorf("%w: …", domain.ErrX)), exported or not, has a catalogue
//     entry under the detail toHTTP renders; one built from values cannot be
//     looked up by its text and is refused: it must carry its translations
//     (domain.Msg.Wrap). ErrUnavailable is exempt: its answer is fixed.
//   - the message of ValidationError.Add is a literal with a catalogue
//     entry; a computed one is refused (it belongs in AddLocalized).
//   - every domain.Msg literal is written in all four languages.
func TestCoreMessagesAreCatalogued(t *testing.T) {
	fset := token.NewFileSet()
	sentinels, fields, msgs := 0, 0, 0
	// Every non-test file of core, store and api: a new file is scanned
	// without anyone having to remember to list it.
	var sources []string
	for _, dir := range []string{"core", "store", "api"} {
		names, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if !strings.HasSuffix(n, "_test.go") {
				sources = append(sources, dir+"/"+filepath.Base(n))
			}
		}
	}
	for _, file := range sources {
		f, err := parser.ParseFile(fset, filepath.Join("..", filepath.FromSlash(file)), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok && isMsgType(lit.Type) {
				msgs++
				checkMsgLiteral(t, fset, lit)
				return true
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			switch {
			case ok && sel.Sel.Name == "Errorf" && len(call.Args) > 1 && isDomainSentinel(call.Args[1]):
				format, where, ok := stringLiteral(fset, call.Args[0])
				if !ok || !strings.HasPrefix(format, "%w: ") {
					return true
				}
				if strings.Contains(format[len("%w: "):], "%") || len(call.Args) != 2 {
					t.Errorf("%s: %q is built from values: the catalogue cannot translate it", where, format)
					return true
				}
				sentinels++
				checkCatalogued(t, where, detail(fmt.Errorf(format, domain.ErrConflict), domain.ErrConflict, ""))
			case ok && sel.Sel.Name == "Add" && len(call.Args) == 3: // ValidationError.Add(field, code, message)
				msg, where, ok := stringLiteral(fset, call.Args[2])
				if !ok {
					t.Errorf("%s: a computed field message cannot be catalogued: use AddLocalized", fset.Position(call.Pos()))
					return true
				}
				fields++
				checkCatalogued(t, where, msg)
			}
			return true
		})
	}
	if sentinels < 20 || fields < 12 || msgs < 45 {
		t.Errorf("found only %d sentinel, %d field and %d Msg messages: is the scan still reading the sources?", sentinels, fields, msgs)
	}
}

// isDomainSentinel reports whether e names a domain error the API answers
// with its message (domain.ErrConflict, …; not domain.ErrUnavailable).
func isDomainSentinel(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "domain" && strings.HasPrefix(sel.Sel.Name, "Err") && sel.Sel.Name != "ErrUnavailable"
}

// isMsgType reports whether e is the type domain.Msg.
func isMsgType(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "domain" && sel.Sel.Name == "Msg"
}

// checkMsgLiteral fails unless a domain.Msg literal names EN, FR, DE and
// NL, each a non-empty string literal, the translations taking arguments
// when the English does.
func checkMsgLiteral(t *testing.T, fset *token.FileSet, lit *ast.CompositeLit) {
	t.Helper()
	where := fset.Position(lit.Pos())
	texts := map[string]string{}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			t.Errorf("%s: a Msg names its languages (EN: …, FR: …)", where)
			return
		}
		key, _ := kv.Key.(*ast.Ident)
		v, _, ok := stringLiteral(fset, kv.Value)
		if key == nil || !ok {
			continue // a computed text (a constraint's own name) is checked where it is used
		}
		texts[key.Name] = v
	}
	if len(texts) == 0 {
		return
	}
	for _, l := range []string{"EN", "FR", "DE", "NL"} {
		if strings.TrimSpace(texts[l]) == "" {
			t.Errorf("%s: %q has no %s text", where, texts["EN"], l)
		} else if strings.Contains(texts["EN"], "%") != strings.Contains(texts[l], "%") {
			t.Errorf("%s: %q in %s (%q) does not take the same arguments", where, texts["EN"], l, texts[l])
		}
	}
}

// stringLiteral returns the value and position of e if it is a string literal.
func stringLiteral(fset *token.FileSet, e ast.Expr) (value, where string, ok bool) {
	lit, isLit := e.(*ast.BasicLit)
	if !isLit || lit.Kind != token.STRING {
		return "", "", false
	}
	v, err := strconv.Unquote(lit.Value)
	return v, fset.Position(lit.Pos()).String(), err == nil
}

// An organisation refused for values of its own (postcode, website, NUTS
// region) is explained in the caller's language, with the values named as
// they were sent; codes and locations stay as they are.
func TestOrganisationProblemsInTheCallersLanguage(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	e.withNUTS()
	c := e.signedUpUser(mailtest.UniqueAddress(t)) // a French-speaking user: the header must win

	r := c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/organisations",
		with(supplierBody(), map[string]any{"postcode": "5700", "website": "javascript:alert(1)", "nuts3": "FRZ99"}),
		"Accept-Language", "de-DE,de;q=0.9")
	if r.body["detail"] != "Die Eingabe ist ungültig." || r.body["title"] != "Ungültige Eingabe" {
		t.Errorf("title and detail in German: %s", r.raw)
	}
	want := map[string]string{
		"body.postcode": `"5700" ist keine gültige Postleitzahl (Land: FR, z. B. 57000)` + "\x00invalid",
		"body.website":  "die Website muss eine http- oder https-Adresse sein, z. B. https://example.org\x00invalid",
		"body.nuts3":    `"FRZ99" ist keine bekannte NUTS-Region` + "\x00unknown_region",
	}
	got := map[string]string{}
	errs, _ := r.body["errors"].([]any)
	for _, v := range errs {
		f := v.(map[string]any)
		got[f["location"].(string)] = f["message"].(string) + "\x00" + f["value"].(string)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("German field errors:\n got %q\nwant %q", got, want)
	}

	// A region of another country names both countries as codes.
	r = c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/organisations",
		with(supplierBody(), map[string]any{"nuts3": "DEC01"}), "Accept-Language", "de")
	if loc, code, msg := problemField(t, r); loc != "body.nuts3" || code != "wrong_country" ||
		!strings.HasPrefix(msg, "DEC01 (") || !strings.HasSuffix(msg, ") ist eine Region des Landes DE, nicht des Landes FR") {
		t.Errorf("wrong country in German: %s %s %q", loc, code, msg)
	}
	// Without Accept-Language the user's own language (French) applies.
	r = c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/organisations",
		with(supplierBody(), map[string]any{"postcode": "5700"}), "Accept-Language", "")
	if _, _, msg := problemField(t, r); msg != `"5700" n'est pas un code postal valide (pays : FR, p. ex. 57000)` {
		t.Errorf("postcode in French: %q", msg)
	}
	// The API's own check of the coordinates comes from the catalogue.
	r = c.expect(http.StatusUnprocessableEntity, "POST", "/api/v1/organisations",
		with(supplierBody(), map[string]any{"longitude": nil}), "Accept-Language", "de")
	if loc, code, msg := problemField(t, r); loc != "body.longitude" || code != "required" || msg != "geben Sie Breiten- und Längengrad zusammen an" {
		t.Errorf("coordinates in German: %s %s %q", loc, code, msg)
	}
	// A conflict naming a value carries its own translations.
	c.expect(http.StatusCreated, "POST", "/api/v1/organisations", supplierBody())
	r = c.expect(http.StatusConflict, "POST", "/api/v1/organisations", with(supplierBody(), map[string]any{"legal_name": "Autre SARL"}),
		"Accept-Language", "de")
	if r.body["title"] != "Konflikt" ||
		r.body["detail"] != "Eine andere Organisation ist bereits mit der Kennung 73282932000074 (fr_siret) registriert." {
		t.Errorf("409 in German: %s", r.raw)
	}
	// A fixed refusal from core comes from the catalogue.
	r = c.expect(http.StatusForbidden, "POST", "/api/v1/organisations",
		with(supplierBody(), map[string]any{"kind": "cluster", "identifiers": nil}), "Accept-Language", "nl")
	if r.body["detail"] != "Alleen een beheerder van het platform mag een cluster aanmaken." {
		t.Errorf("403 in Dutch: %s", r.raw)
	}
}
