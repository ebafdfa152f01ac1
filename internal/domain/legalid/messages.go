package legalid

import (
	"fmt"
	"strings"
)

// Localized returns a message for people in lang ("fr", "de", "en", "nl";
// region tags such as "fr-BE" use their language; anything else falls back
// to English). It names the identifier in that language and, for format and
// length errors, says what is expected.
func (e *Error) Localized(lang string) string {
	l := baseLanguage(lang)
	if e.Code == CodeUnknownKind {
		return unknownKindMessages[l]
	}
	template, ok := codeMessages[e.Code][l]
	if !ok {
		template = codeMessages[CodeFormat][l]
	}
	subject, ok := kindNames[e.Kind][l]
	if !ok {
		subject = genericNames[l]
	}
	return fmt.Sprintf(template, subject, kindFormats[e.Kind][l])
}

// baseLanguage maps a language tag to one of the four message languages.
func baseLanguage(lang string) string {
	l := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	switch l {
	case "fr", "de", "nl":
		return l
	}
	return "en"
}

// codeMessages holds one template per code and language: %[1]s is the
// identifier's name with its article, %[2]s what is expected.
var codeMessages = map[string]map[string]string{
	CodeEmpty: {
		"en": "%[1]s is missing.",
		"fr": "%[1]s est manquant.",
		"de": "%[1]s fehlt.",
		"nl": "%[1]s ontbreekt.",
	},
	CodeFormat: {
		"en": "%[1]s is not in the expected format: %[2]s.",
		"fr": "%[1]s n'a pas le format attendu : %[2]s.",
		"de": "%[1]s hat nicht das erwartete Format: %[2]s.",
		"nl": "%[1]s heeft niet het verwachte formaat: %[2]s.",
	},
	CodeLength: {
		"en": "%[1]s has the wrong length: expected %[2]s.",
		"fr": "%[1]s n'a pas la bonne longueur (attendu : %[2]s).",
		"de": "%[1]s hat die falsche Länge (erwartet: %[2]s).",
		"nl": "%[1]s heeft niet de juiste lengte (verwacht: %[2]s).",
	},
	CodeChecksum: {
		"en": "%[1]s is invalid: the check digits do not match.",
		"fr": "%[1]s est invalide : la clé de contrôle ne correspond pas.",
		"de": "%[1]s ist ungültig: Die Prüfziffer stimmt nicht.",
		"nl": "%[1]s is ongeldig: het controlegetal klopt niet.",
	},
	CodeCourt: {
		"en": "%[1]s is invalid: the register court is missing or not recognised (e.g. Amtsgericht Saarbrücken HRB 12345).",
		"fr": "%[1]s est invalide : le tribunal d'enregistrement (Registergericht) est manquant ou non reconnu (ex. Amtsgericht Saarbrücken HRB 12345).",
		"de": "%[1]s ist ungültig: Das Registergericht fehlt oder wurde nicht erkannt (z. B. Amtsgericht Saarbrücken HRB 12345).",
		"nl": "%[1]s is ongeldig: de registerrechtbank (Registergericht) ontbreekt of werd niet herkend (bijv. Amtsgericht Saarbrücken HRB 12345).",
	},
	CodeUnsupportedKey: {
		"en": "%[1]s has an alphanumeric key, which cannot be checked automatically yet.",
		"fr": "%[1]s comporte une clé alphanumérique, qui ne peut pas encore être vérifiée automatiquement.",
		"de": "%[1]s hat einen alphanumerischen Schlüssel, der noch nicht automatisch geprüft werden kann.",
		"nl": "%[1]s heeft een alfanumerieke sleutel, die nog niet automatisch kan worden gecontroleerd.",
	},
}

var unknownKindMessages = map[string]string{
	"en": "This type of identifier is not supported.",
	"fr": "Ce type d'identifiant n'est pas pris en charge.",
	"de": "Diese Art von Kennung wird nicht unterstützt.",
	"nl": "Dit type identificatienummer wordt niet ondersteund.",
}

// genericNames stand in for the name of a kind this package does not know.
var genericNames = map[string]string{
	"en": "The identifier",
	"fr": "L'identifiant",
	"de": "Die Kennung",
	"nl": "Het identificatienummer",
}
