package domain

import (
	"strings"
	"unicode/utf8"
)

// ReasonTemplate is a moderator's ready-made reason, written in the four
// languages: the author of a listing, or the members of a suspended
// organisation, read it in their own language whatever the moderator's.
//
// The templates are a catalogue in code rather than a table: every text
// of the product is reviewed with the code in its four languages and
// checked by the message tests, and a decision stores the code it used,
// which must keep meaning the same text.
type ReasonTemplate struct {
	Code string
	// Title names the template in the moderators' pick list.
	Title Msg
	// Text is what the author reads.
	Text Msg
}

// ReasonTemplates is the catalogue, in the order the pick list shows it.
func ReasonTemplates() []ReasonTemplate { return reasonTemplates }

// FindReasonTemplate returns the template of code.
func FindReasonTemplate(code string) (ReasonTemplate, bool) {
	for _, t := range reasonTemplates {
		if t.Code == code {
			return t, true
		}
	}
	return ReasonTemplate{}, false
}

var reasonTemplates = []ReasonTemplate{
	{Code: "incomplete_description",
		Title: Msg{EN: "Incomplete description", FR: "Description incomplète", DE: "Unvollständige Beschreibung", NL: "Onvolledige beschrijving"},
		Text: Msg{EN: "The description does not say clearly enough what is offered or needed, where and on what terms. Please complete it.",
			FR: "La description ne dit pas assez clairement ce qui est proposé ou recherché, où et à quelles conditions. Merci de la compléter.",
			DE: "Die Beschreibung sagt nicht klar genug, was angeboten oder gesucht wird, wo und zu welchen Bedingungen. Bitte ergänzen Sie sie.",
			NL: "De beschrijving zegt niet duidelijk genoeg wat wordt aangeboden of gezocht, waar en onder welke voorwaarden. Vul haar aan."}},
	{Code: "not_sse_activity",
		Title: Msg{EN: "Not an SSE activity", FR: "Activité hors ESS", DE: "Keine Tätigkeit der Sozialwirtschaft", NL: "Geen activiteit van de sociale economie"},
		Text: Msg{EN: "This activity does not fall within the social and solidarity economy that Passerelle is reserved for.",
			FR: "Cette activité ne relève pas de l’économie sociale et solidaire à laquelle Passerelle est réservée.",
			DE: "Diese Tätigkeit gehört nicht zur Sozial- und Solidarwirtschaft, der Passerelle vorbehalten ist.",
			NL: "Deze activiteit valt niet onder de sociale en solidaire economie waarvoor Passerelle is bedoeld."}},
	{Code: "duplicate",
		Title: Msg{EN: "Duplicate", FR: "Doublon", DE: "Duplikat", NL: "Duplicaat"},
		Text: Msg{EN: "This listing repeats another listing of your organisation. Please update the existing one instead.",
			FR: "Cette annonce reprend une autre annonce de votre organisation. Merci de mettre plutôt à jour celle qui existe.",
			DE: "Dieser Eintrag wiederholt einen anderen Eintrag Ihrer Organisation. Bitte aktualisieren Sie stattdessen den bestehenden.",
			NL: "Deze publicatie herhaalt een andere publicatie van uw organisatie. Werk liever de bestaande bij."}},
	{Code: "prohibited_content",
		Title: Msg{EN: "Prohibited content", FR: "Contenu interdit", DE: "Unzulässiger Inhalt", NL: "Verboden inhoud"},
		Text: Msg{EN: "The content breaks Passerelle’s terms of use (offensive, illegal or advertising unrelated to the listing).",
			FR: "Le contenu enfreint les conditions d’utilisation de Passerelle (propos choquants, illicites ou publicité sans rapport avec l’annonce).",
			DE: "Der Inhalt verstößt gegen die Nutzungsbedingungen von Passerelle (anstößig, rechtswidrig oder sachfremde Werbung).",
			NL: "De inhoud schendt de gebruiksvoorwaarden van Passerelle (aanstootgevend, onwettig of reclame zonder verband met de publicatie)."}},
	{Code: "misleading_information",
		Title: Msg{EN: "Misleading information", FR: "Informations trompeuses", DE: "Irreführende Angaben", NL: "Misleidende informatie"},
		Text: Msg{EN: "Some information is inaccurate or misleading (status, prices, capacity or area served). Please correct it.",
			FR: "Certaines informations sont inexactes ou trompeuses (statut, prix, capacité ou zone d’intervention). Merci de les corriger.",
			DE: "Einige Angaben sind ungenau oder irreführend (Status, Preise, Kapazität oder Einsatzgebiet). Bitte korrigieren Sie sie.",
			NL: "Sommige informatie is onjuist of misleidend (status, prijzen, capaciteit of werkgebied). Corrigeer die."}},
	{Code: "spam",
		Title: Msg{EN: "Spam", FR: "Spam", DE: "Spam", NL: "Spam"},
		Text: Msg{EN: "This content looks like unsolicited advertising (spam) and cannot be published.",
			FR: "Ce contenu ressemble à de la publicité non sollicitée (spam) et ne peut pas être publié.",
			DE: "Dieser Inhalt sieht nach unerwünschter Werbung (Spam) aus und kann nicht veröffentlicht werden.",
			NL: "Deze inhoud lijkt op ongevraagde reclame (spam) en kan niet worden gepubliceerd."}},
	{Code: "fraud",
		Title: Msg{EN: "Suspected fraud", FR: "Soupçon de fraude", DE: "Betrugsverdacht", NL: "Vermoeden van fraude"},
		Text: Msg{EN: "We have serious reasons to believe that the information given is false or that the account is used to deceive others.",
			FR: "Nous avons de sérieuses raisons de penser que les informations fournies sont fausses ou que le compte sert à tromper d’autres personnes.",
			DE: "Wir haben ernsthafte Gründe zu der Annahme, dass die Angaben falsch sind oder das Konto zur Täuschung anderer genutzt wird.",
			NL: "We hebben ernstige redenen om aan te nemen dat de gegeven informatie onjuist is of dat het account wordt gebruikt om anderen te misleiden."}},
	{Code: "repeated_violations",
		Title: Msg{EN: "Repeated violations", FR: "Manquements répétés", DE: "Wiederholte Verstöße", NL: "Herhaalde overtredingen"},
		Text: Msg{EN: "Despite earlier requests, your organisation’s listings keep breaking Passerelle’s rules.",
			FR: "Malgré des demandes précédentes, les annonces de votre organisation continuent d’enfreindre les règles de Passerelle.",
			DE: "Trotz früherer Hinweise verstoßen die Einträge Ihrer Organisation weiterhin gegen die Regeln von Passerelle.",
			NL: "Ondanks eerdere verzoeken blijven de publicaties van uw organisatie de regels van Passerelle overtreden."}},
}

// DecisionReason is a moderator's reason: a template (its code), a free
// note, or both. The author reads the template in their own language,
// then the note as the moderator wrote it.
type DecisionReason struct {
	Template string
	Note     string
}

// Empty reports whether neither a template nor a note was given.
func (r DecisionReason) Empty() bool {
	return strings.TrimSpace(r.Template) == "" && strings.TrimSpace(r.Note) == ""
}

// Text is the reason as lang's reader sees it: the template's text in
// lang, a blank line, the note. An unknown template counts as none
// (ValidateDecisionReasonWith refuses it before anything is stored).
func (r DecisionReason) Text(lang Language) string {
	note := strings.TrimSpace(r.Note)
	t, ok := FindReasonTemplate(strings.TrimSpace(r.Template))
	if !ok {
		return note
	}
	text := t.Text.With()[lang]
	if note == "" {
		return text
	}
	return text + "\n\n" + note
}

// ValidateDecisionReasonWith checks a reason given as a template and a
// note (fields templateField and noteField): the template must exist, the
// note fit MaxDecisionReason, and one of them be given when required.
func ValidateDecisionReasonWith(r DecisionReason, required bool, templateField, noteField string) *ValidationError {
	ve := &ValidationError{}
	code := strings.TrimSpace(r.Template)
	// The template and the note are stored as one text of at most
	// MaxDecisionReason characters: the note gets what the template's
	// longest translation leaves.
	limit := MaxDecisionReason
	if code != "" {
		t, ok := FindReasonTemplate(code)
		if !ok {
			ve.AddLocalized(templateField, "invalid", msgReasonTemplateUnknown.With(code))
		}
		for _, text := range t.Text.With() {
			limit = min(limit, MaxDecisionReason-utf8.RuneCountInString(text)-2)
		}
	}
	switch n := utf8.RuneCountInString(strings.TrimSpace(r.Note)); {
	case n == 0 && code == "" && required:
		ve.AddLocalized(noteField, "required", msgReasonRequired.With())
	case n > limit:
		ve.AddLocalized(noteField, "too_long", msgReportTooLong.With(limit))
	}
	return ve
}

var (
	msgReasonTemplateUnknown = Msg{EN: "%q is not a reason template: see /api/v1/moderation/reason-templates",
		FR: "%q n’est pas un modèle de motif : voir /api/v1/moderation/reason-templates",
		DE: "%q ist keine Begründungsvorlage: siehe /api/v1/moderation/reason-templates",
		NL: "%q is geen redensjabloon: zie /api/v1/moderation/reason-templates"}
	msgReasonRequired = Msg{EN: "give a reason: a template, a text or both", FR: "donnez un motif : un modèle, un texte ou les deux",
		DE: "geben Sie einen Grund an: eine Vorlage, einen Text oder beides", NL: "geef een reden: een sjabloon, een tekst of beide"}
)
