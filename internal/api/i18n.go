package api

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/validation"
	"github.com/gin-gonic/gin"

	"passerelle/internal/domain"
)

// Error messages are written in English where they arise (core, huma,
// middleware) and translated here, once, when the response is written: the
// caller's language is known only then. Two sources:
//   - messages that carry their own translations, being built from values
//     (domain.FieldError.Messages, e.g. legal identifier errors, and
//     domain.LocalizedError): a *problem keeps them beside the English;
//   - fixed English messages: looked up in the catalogue below. Anything not
//     in it stays in English rather than failing.

// languageFor picks the language of a response: the best supported
// language of Accept-Language (the web app sends the one the user chose),
// else the signed-in user's language, else English.
func languageFor(acceptLanguage string, user domain.Language) domain.Language {
	if l, ok := negotiate(acceptLanguage); ok {
		return l
	}
	if user.Valid() {
		return user
	}
	return domain.LangEN
}

// negotiate returns the supported language preferred by an
// Accept-Language header (domain.NegotiateLanguage).
func negotiate(header string) (domain.Language, bool) { return domain.NegotiateLanguage(header) }

// requestLanguage is the response language of a request.
func requestLanguage(ctx context.Context, acceptLanguage string) domain.Language {
	return languageFor(acceptLanguage, authFrom(ctx).user.Language)
}

// problem is a huma error whose texts are known in every language.
type problem struct {
	*huma.ErrorModel
	// detail holds Detail in each language; empty means "use the catalogue".
	detail map[domain.Language]string
	// fields holds, per entry of Errors, its message in each language.
	fields []map[domain.Language]string
	// allowed, when not nil, are the lifecycle events possible instead of
	// a refused one (domain.TransitionError): sent as "allowed".
	allowed []string
}

// transitionProblem is a problem for a refused lifecycle transition: the
// usual fields plus the events that are allowed from the current state.
type transitionProblem struct {
	*huma.ErrorModel
	Allowed []string `json:"allowed"`
}

// Unwrap lets errors.As find the English model.
func (p *problem) Unwrap() error { return p.ErrorModel }

// localized returns the whole problem in lang.
func (p *problem) localized(lang domain.Language) *huma.ErrorModel {
	out := localizeModel(p.ErrorModel, lang)
	if m, ok := p.detail[lang]; ok {
		out.Detail = m
	}
	for i, msgs := range p.fields {
		if m, ok := msgs[lang]; ok && i < len(out.Errors) {
			out.Errors[i].Message = m
		}
	}
	return out
}

// localizeModel translates a problem's title, detail and field messages
// through the catalogue, leaving the original untouched.
func localizeModel(m *huma.ErrorModel, lang domain.Language) *huma.ErrorModel {
	out := *m
	out.Title = translate(m.Title, lang)
	out.Detail = translate(m.Detail, lang)
	if len(m.Errors) > 0 {
		out.Errors = make([]*huma.ErrorDetail, len(m.Errors))
		for i, d := range m.Errors {
			c := *d
			c.Message = translate(d.Message, lang)
			out.Errors[i] = &c
		}
	}
	return &out
}

// localizeErrors is a huma transformer: it rewrites every problem body in
// the caller's language just before it is written.
func localizeErrors(ctx huma.Context, _ string, v any) (any, error) {
	lang := requestLanguage(ctx.Context(), ctx.Header("Accept-Language"))
	switch e := v.(type) {
	case *problem:
		if e.allowed != nil {
			return &transitionProblem{ErrorModel: e.localized(lang), Allowed: e.allowed}, nil
		}
		return e.localized(lang), nil
	case *huma.ErrorModel:
		if lang == domain.LangEN {
			return e, nil
		}
		return localizeModel(e, lang), nil
	}
	return v, nil
}

// ginLanguage is the response language of a plain gin request.
func ginLanguage(c *gin.Context) domain.Language {
	return requestLanguage(c.Request.Context(), c.GetHeader("Accept-Language"))
}

// translate returns the catalogue's translation of an English message, or
// the message itself.
func translate(english string, lang domain.Language) string {
	if lang == domain.LangEN || english == "" {
		return english
	}
	if t, ok := catalogue[english][lang]; ok {
		return t
	}
	if t, ok := translateSchemaMessage(english, lang); ok {
		return t
	}
	return english
}

// allLanguages returns an English message in every language of the
// catalogue (English where it has no entry).
func allLanguages(english string) map[domain.Language]string {
	out := make(map[domain.Language]string, len(domain.Languages))
	for _, l := range domain.Languages {
		out[l] = translate(english, l)
	}
	return out
}

// tr is one catalogue entry: the French, German and Dutch of an English text.
type tr struct{ fr, de, nl string }

// catalogue translates the fixed English messages of the API. Keys are the
// exact English texts; TestCatalogue checks every entry is complete.
var catalogue = func() map[string]map[domain.Language]string {
	out := map[string]map[domain.Language]string{}
	for en, t := range map[string]tr{
		// Problem titles (RFC 9457 "title": the status, for people).
		"Bad Request":              {"Requête incorrecte", "Ungültige Anfrage", "Ongeldig verzoek"},
		"Unauthorized":             {"Non authentifié", "Nicht angemeldet", "Niet aangemeld"},
		"Forbidden":                {"Interdit", "Verboten", "Verboden"},
		"Not Found":                {"Introuvable", "Nicht gefunden", "Niet gevonden"},
		"Method Not Allowed":       {"Méthode non autorisée", "Methode nicht erlaubt", "Methode niet toegestaan"},
		"Conflict":                 {"Conflit", "Konflikt", "Conflict"},
		"Gone":                     {"Expiré", "Nicht mehr verfügbar", "Niet meer beschikbaar"},
		"Request Entity Too Large": {"Contenu trop volumineux", "Inhalt zu groß", "Inhoud te groot"},
		"Unsupported Media Type":   {"Type de contenu non pris en charge", "Nicht unterstützter Inhaltstyp", "Niet-ondersteund inhoudstype"},
		"Unprocessable Entity":     {"Saisie invalide", "Ungültige Eingabe", "Ongeldige invoer"},
		"Too Many Requests":        {"Trop de tentatives", "Zu viele Versuche", "Te veel pogingen"},
		"Internal Server Error":    {"Erreur interne", "Interner Fehler", "Interne fout"},
		"Service Unavailable":      {"Service indisponible", "Dienst nicht verfügbar", "Dienst niet beschikbaar"},

		// Generic details (api/errors.go, rules.go, middleware).
		"The input is not valid.":            {"La saisie n'est pas valide.", "Die Eingabe ist ungültig.", "De invoer is ongeldig."},
		"validation failed":                  {"La saisie n'est pas valide.", "Die Eingabe ist ungültig.", "De invoer is ongeldig."},
		"Not found.":                         {"Introuvable.", "Nicht gefunden.", "Niet gevonden."},
		"No longer available.":               {"N'est plus disponible.", "Nicht mehr verfügbar.", "Niet meer beschikbaar."},
		"This conflicts with existing data.": {"Cela entre en conflit avec des données existantes.", "Das widerspricht vorhandenen Daten.", "Dit is in strijd met bestaande gegevens."},
		"Sign in first.":                     {"Connectez-vous d'abord.", "Bitte melden Sie sich zuerst an.", "Meld u eerst aan."},
		"You may not do this.":               {"Vous n'avez pas le droit de faire cela.", "Das dürfen Sie nicht.", "Dat mag u niet doen."},
		"A service Passerelle needs is unavailable; try again shortly.": {
			"Un service dont Passerelle a besoin est indisponible ; réessayez dans un instant.",
			"Ein von Passerelle benötigter Dienst ist nicht erreichbar; versuchen Sie es gleich noch einmal.",
			"Een dienst die Passerelle nodig heeft is niet beschikbaar; probeer het zo opnieuw."},
		"An unexpected error occurred.": {"Une erreur inattendue s'est produite.", "Ein unerwarteter Fehler ist aufgetreten.", "Er is een onverwachte fout opgetreden."},
		"Your session could not be checked; try again shortly.": {
			"Votre session n'a pas pu être vérifiée ; réessayez dans un instant.",
			"Ihre Sitzung konnte nicht geprüft werden; versuchen Sie es gleich noch einmal.",
			"Uw sessie kon niet worden gecontroleerd; probeer het zo opnieuw."},
		"Cross-origin request refused: forms must be sent from Passerelle's own pages.": {
			"Requête d'origine externe refusée : les formulaires doivent être envoyés depuis les pages de Passerelle.",
			"Anfrage fremder Herkunft abgelehnt: Formulare müssen von Passerelles eigenen Seiten gesendet werden.",
			"Verzoek van een andere oorsprong geweigerd: formulieren moeten vanaf de eigen pagina's van Passerelle worden verzonden."},

		// Accounts (core/accounts.go, core/admin.go).
		"Verify your email address first (see the link we sent you).": {
			"Vérifiez d'abord votre adresse e-mail (voir le lien que nous vous avons envoyé).",
			"Bestätigen Sie zuerst Ihre E-Mail-Adresse (siehe den Link, den wir Ihnen geschickt haben).",
			"Bevestig eerst uw e-mailadres (zie de link die we u hebben gestuurd)."},
		"Wrong email or password.":                          {"E-mail ou mot de passe incorrect.", "E-Mail-Adresse oder Passwort falsch.", "Verkeerd e-mailadres of wachtwoord."},
		"This link is not valid.":                           {"Ce lien n'est pas valide.", "Dieser Link ist ungültig.", "Deze link is niet geldig."},
		"This link has already been used.":                  {"Ce lien a déjà été utilisé.", "Dieser Link wurde bereits verwendet.", "Deze link is al gebruikt."},
		"This link has expired; ask for a new one.":         {"Ce lien a expiré ; demandez-en un nouveau.", "Dieser Link ist abgelaufen; fordern Sie einen neuen an.", "Deze link is verlopen; vraag een nieuwe aan."},
		"You cannot change your own role.":                  {"Vous ne pouvez pas changer votre propre rôle.", "Sie können Ihre eigene Rolle nicht ändern.", "U kunt uw eigen rol niet wijzigen."},
		"An admin's role is changed from the command line.": {"Le rôle d'un administrateur se change en ligne de commande.", "Die Rolle eines Administrators wird über die Kommandozeile geändert.", "De rol van een beheerder wordt via de opdrachtregel gewijzigd."},
		"a name of 1 to 200 characters is required":         {"un nom de 1 à 200 caractères est requis", "ein Name mit 1 bis 200 Zeichen ist erforderlich", "een naam van 1 tot 200 tekens is vereist"},
		"email and password are required":                   {"l'e-mail et le mot de passe sont requis", "E-Mail-Adresse und Passwort sind erforderlich", "e-mailadres en wachtwoord zijn vereist"},
		"the password is wrong":                             {"le mot de passe est incorrect", "das Passwort ist falsch", "het wachtwoord is onjuist"},
		"the current password is wrong":                     {"le mot de passe actuel est incorrect", "das aktuelle Passwort ist falsch", "het huidige wachtwoord is onjuist"},
		"this is already your email address":                {"c'est déjà votre adresse e-mail", "das ist bereits Ihre E-Mail-Adresse", "dit is al uw e-mailadres"},
		"language must be one of fr, de, en, nl":            {"la langue doit être fr, de, en ou nl", "die Sprache muss fr, de, en oder nl sein", "de taal moet fr, de, en of nl zijn"},
		"a valid email address is required":                 {"une adresse e-mail valide est requise", "eine gültige E-Mail-Adresse ist erforderlich", "een geldig e-mailadres is vereist"},
		"role must be user or moderator (admins are made from the command line)": {
			"le rôle doit être user ou moderator (les administrateurs se créent en ligne de commande)",
			"die Rolle muss user oder moderator sein (Administratoren werden über die Kommandozeile angelegt)",
			"de rol moet user of moderator zijn (beheerders worden via de opdrachtregel aangemaakt)"},

		// Organisations and memberships (api/organisations.go, core/organisations.go, core/memberships.go).
		"latitude and longitude go together": {
			"indiquez la latitude et la longitude ensemble",
			"geben Sie Breiten- und Längengrad zusammen an",
			"geef de breedtegraad en de lengtegraad samen op"},
		"Confirm your email address before creating an organisation.": {
			"Confirmez votre adresse e-mail avant de créer une organisation.",
			"Bestätigen Sie Ihre E-Mail-Adresse, bevor Sie eine Organisation anlegen.",
			"Bevestig uw e-mailadres voordat u een organisatie aanmaakt."},
		"Only a platform admin may create a cluster.": {
			"Seul un administrateur de la plateforme peut créer un cluster.",
			"Nur ein Administrator der Plattform darf einen Cluster anlegen.",
			"Alleen een beheerder van het platform mag een cluster aanmaken."},
		"This organisation has no logo.": {"Cette organisation n'a pas de logo.", "Diese Organisation hat kein Logo.", "Deze organisatie heeft geen logo."},
		"The last owner of an organisation cannot leave, be removed or become a plain member: make another member an owner first.": {
			"Le dernier propriétaire d'une organisation ne peut ni la quitter, ni en être retiré, ni devenir simple membre : nommez d'abord un autre membre propriétaire.",
			"Der letzte Inhaber einer Organisation kann sie weder verlassen noch entfernt werden noch zum einfachen Mitglied werden: Machen Sie zuerst ein anderes Mitglied zum Inhaber.",
			"De laatste eigenaar van een organisatie kan haar niet verlaten, niet worden verwijderd en geen gewoon lid worden: maak eerst een ander lid eigenaar."},
		"This person is already a member of the organisation.": {
			"Cette personne est déjà membre de l'organisation.",
			"Diese Person ist bereits Mitglied der Organisation.",
			"Deze persoon is al lid van de organisatie."},
		"This user is not a member of the organisation.": {
			"Cet utilisateur n'est pas membre de l'organisation.",
			"Dieser Benutzer ist kein Mitglied der Organisation.",
			"Deze gebruiker is geen lid van de organisatie."},
		"This invitation was sent to another email address: sign in with that address to accept it.": {
			"Cette invitation a été envoyée à une autre adresse e-mail : connectez-vous avec cette adresse pour l'accepter.",
			"Diese Einladung wurde an eine andere E-Mail-Adresse gesendet: Melden Sie sich mit dieser Adresse an, um sie anzunehmen.",
			"Deze uitnodiging is naar een ander e-mailadres gestuurd: meld u met dat adres aan om de uitnodiging te accepteren."},
		"This invitation has already been accepted.": {
			"Cette invitation a déjà été acceptée.",
			"Diese Einladung wurde bereits angenommen.",
			"Deze uitnodiging is al geaccepteerd."},
		"This invitation has expired; ask for a new one.": {
			"Cette invitation a expiré ; demandez-en une nouvelle.",
			"Diese Einladung ist abgelaufen; bitten Sie um eine neue.",
			"Deze uitnodiging is verlopen; vraag een nieuwe aan."},
		"This invitation was withdrawn.": {
			"Cette invitation a été retirée.",
			"Diese Einladung wurde zurückgezogen.",
			"Deze uitnodiging is ingetrokken."},
		"This invitation link is not valid.": {
			"Ce lien d'invitation n'est pas valide.",
			"Dieser Einladungslink ist ungültig.",
			"Deze uitnodigingslink is niet geldig."},
		"You are not a member of this organisation.": {
			"Vous n'êtes pas membre de cette organisation.",
			"Sie sind kein Mitglied dieser Organisation.",
			"U bent geen lid van deze organisatie."},
		"No such invitation in this organisation.": {
			"Cette invitation n'existe pas dans cette organisation.",
			"Diese Einladung gibt es in dieser Organisation nicht.",
			"Deze uitnodiging bestaat niet in deze organisatie."},
		"This invitation was already accepted: remove the member instead.": {
			"Cette invitation a déjà été acceptée : retirez plutôt le membre.",
			"Diese Einladung wurde bereits angenommen: Entfernen Sie stattdessen das Mitglied.",
			"Deze uitnodiging is al geaccepteerd: verwijder in plaats daarvan het lid."},

		// Lists (store/cursor.go).
		"this cursor was not returned by this list: start again without it": {
			"ce curseur ne provient pas de cette liste : recommencez sans lui",
			"dieser Cursor stammt nicht aus dieser Liste: Beginnen Sie ohne ihn von vorn",
			"deze cursor komt niet uit deze lijst: begin opnieuw zonder"},

		// SSE statuses (core/sse_statuses.go).
		"This status waits for a moderator's decision and cannot change until then.": {
			"Ce statut attend la décision d'un modérateur et ne peut pas être modifié d'ici là.",
			"Dieser Status wartet auf die Entscheidung eines Moderators und kann bis dahin nicht geändert werden.",
			"Deze status wacht op de beslissing van een moderator en kan tot dan niet worden gewijzigd."},
		"You are a member of this organisation: another moderator must decide on its status.": {
			"Vous êtes membre de cette organisation : un autre modérateur doit se prononcer sur son statut.",
			"Sie sind Mitglied dieser Organisation: Ein anderer Moderator muss über ihren Status entscheiden.",
			"U bent lid van deze organisatie: een andere moderator moet over haar status beslissen."},
		"Only SSE supplier organisations hold SSE statuses.": {
			"Seules les organisations fournisseurs de l'économie sociale et solidaire peuvent détenir ces statuts.",
			"Nur Anbieter der Sozial- und Solidarwirtschaft können solche Status haben.",
			"Alleen leveranciers uit de sociale en solidaire economie kunnen zo'n status hebben."},
		"the queue lists pending, verified or rejected statuses": {
			"la file d'attente liste les statuts en attente (pending), vérifiés (verified) ou refusés (rejected)",
			"die Warteschlange listet Status in Prüfung (pending), geprüfte (verified) oder abgelehnte (rejected) auf",
			"de wachtrij toont statussen in afwachting (pending), geverifieerd (verified) of geweigerd (rejected)"},
		"either clear the share or set it, not both": {
			"effacez la part ou indiquez-la, mais pas les deux",
			"löschen Sie den Anteil oder geben Sie ihn an, nicht beides",
			"wis het aandeel of vul het in, niet allebei"},
	} {
		out[en] = map[domain.Language]string{domain.LangEN: en, domain.LangFR: t.fr, domain.LangDE: t.de, domain.LangNL: t.nl}
	}
	return out
}()

// schemaMessage is one of huma's schema validation messages (package
// huma/v2/validation), as a pattern, with its translations; %[n]s are the
// pattern's captured values.
type schemaMessage struct {
	re *regexp.Regexp
	tr tr
}

// schemaMessages translates the validation messages the API's schemas
// produce most: huma writes them in English before any handler runs.
var schemaMessages = func() []schemaMessage {
	var out []schemaMessage
	add := func(format string, t tr) {
		pattern := regexp.QuoteMeta(format)
		for _, verb := range []string{"%v", "%d", "%s"} {
			pattern = strings.ReplaceAll(pattern, regexp.QuoteMeta(verb), "(.*)")
		}
		out = append(out, schemaMessage{regexp.MustCompile("^" + pattern + "$"), t})
	}
	add(validation.MsgExpectedRequiredProperty, tr{"le champ %[1]s est requis", "das Feld %[1]s ist erforderlich", "het veld %[1]s is vereist"})
	add(validation.MsgUnexpectedProperty, tr{"champ inattendu", "unerwartetes Feld", "onverwacht veld"})
	add(validation.MsgExpectedMinLength, tr{"au moins %[1]s caractères sont attendus", "mindestens %[1]s Zeichen erwartet", "minstens %[1]s tekens verwacht"})
	add(validation.MsgExpectedMaxLength, tr{"au plus %[1]s caractères sont attendus", "höchstens %[1]s Zeichen erwartet", "hoogstens %[1]s tekens verwacht"})
	add(validation.MsgExpectedMinItems, tr{"au moins %[1]s éléments sont attendus", "mindestens %[1]s Einträge erwartet", "minstens %[1]s elementen verwacht"})
	add(validation.MsgExpectedMaxItems, tr{"au plus %[1]s éléments sont attendus", "höchstens %[1]s Einträge erwartet", "hoogstens %[1]s elementen verwacht"})
	add(validation.MsgExpectedMinimumNumber, tr{"un nombre supérieur ou égal à %[1]s est attendu", "eine Zahl größer oder gleich %[1]s erwartet", "een getal groter dan of gelijk aan %[1]s verwacht"})
	add(validation.MsgExpectedMaximumNumber, tr{"un nombre inférieur ou égal à %[1]s est attendu", "eine Zahl kleiner oder gleich %[1]s erwartet", "een getal kleiner dan of gelijk aan %[1]s verwacht"})
	add(validation.MsgExpectedOneOf, tr{"une de ces valeurs est attendue : %[1]s", "einer dieser Werte erwartet: %[1]s", "een van deze waarden verwacht: %[1]s"})
	add(validation.MsgExpectedString, tr{"un texte est attendu", "ein Text erwartet", "een tekst verwacht"})
	add(validation.MsgExpectedNumber, tr{"un nombre est attendu", "eine Zahl erwartet", "een getal verwacht"})
	add(validation.MsgExpectedInteger, tr{"un nombre entier est attendu", "eine ganze Zahl erwartet", "een geheel getal verwacht"})
	add(validation.MsgExpectedBoolean, tr{"vrai ou faux est attendu", "wahr oder falsch erwartet", "waar of onwaar verwacht"})
	add(validation.MsgExpectedArray, tr{"une liste est attendue", "eine Liste erwartet", "een lijst verwacht"})
	add(validation.MsgExpectedObject, tr{"un objet est attendu", "ein Objekt erwartet", "een object verwacht"})
	add(validation.MsgExpectedRFC5322Email, tr{"une adresse e-mail valide est attendue", "eine gültige E-Mail-Adresse erwartet", "een geldig e-mailadres verwacht"})
	add(validation.MsgExpectedRFC4122UUID, tr{"un identifiant (UUID) est attendu", "eine Kennung (UUID) erwartet", "een identificatie (UUID) verwacht"})
	add(validation.MsgExpectedRFC3986URI, tr{"une adresse web (URL) valide est attendue", "eine gültige Webadresse (URL) erwartet", "een geldig webadres (URL) verwacht"})
	add(validation.MsgExpectedRFC3339Date, tr{"une date (AAAA-MM-JJ) est attendue", "ein Datum (JJJJ-MM-TT) erwartet", "een datum (JJJJ-MM-DD) verwacht"})
	add(validation.MsgExpectedRFC3339DateTime, tr{"une date et une heure (RFC 3339) sont attendues", "Datum und Uhrzeit (RFC 3339) erwartet", "een datum en tijd (RFC 3339) verwacht"})
	add(validation.MsgExpectedMatchPattern, tr{"le format attendu est %[1]s", "erwartetes Format: %[1]s", "verwacht formaat: %[1]s"})
	return out
}()

// translateSchemaMessage translates one of huma's validation messages.
func translateSchemaMessage(msg string, lang domain.Language) (string, bool) {
	for _, sm := range schemaMessages {
		m := sm.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, a := range m[1:] {
			args[i] = a
		}
		format := map[domain.Language]string{domain.LangFR: sm.tr.fr, domain.LangDE: sm.tr.de, domain.LangNL: sm.tr.nl}[lang]
		return fmt.Sprintf(format, args...), true
	}
	return "", false
}
