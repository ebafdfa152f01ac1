package domain

import (
	"fmt"
	"slices"
	"strings"
)

// Lifecycles (DOMAIN.md, "Lifecycles") are pure state machines: a table of
// (from, event, to) transitions per entity. Offer, tender and response
// states are typed strings with Can, Next and Events; whoever applies an
// event (core) checks who may do it and the guards that need time or data
// (a deadline passed, a reason given) before asking Next.

// Transition is one edge of a lifecycle: event moves an entity from From to To.
type Transition struct {
	From, Event, To string
}

// TransitionError is an event refused in the entity's current state. It
// wraps ErrConflict (the API answers 409) and lists the events allowed
// from that state, so that the client can offer them instead.
type TransitionError struct {
	// Entity is "offer", "tender" or "response".
	Entity string
	From   string
	Event  string
	// Allowed are the events possible from From, in table order; empty in
	// a final state.
	Allowed []string
}

// Error reads as a LocalizedError of ErrConflict would, in English.
func (e *TransitionError) Error() string {
	return ErrConflict.Error() + ": " + e.Messages()[LangEN]
}

// Unwrap makes errors.Is(err, ErrConflict) hold.
func (e *TransitionError) Unwrap() error { return ErrConflict }

// Messages explains the refusal in every supported language, lower case
// and without a final period like LocalizedError.Messages.
func (e *TransitionError) Messages() map[Language]string {
	out := make(map[Language]string, len(Languages))
	for _, l := range Languages {
		allowed := make([]string, 0, len(e.Allowed))
		for _, a := range e.Allowed {
			allowed = append(allowed, fmt.Sprintf(quotes.in(l), eventLabel(a, l)))
		}
		list := msgNoEvent.in(l)
		if len(allowed) > 0 {
			list = strings.Join(allowed, ", ")
		}
		out[l] = msgTransitionRefused.With(entityNoun(e.Entity), stateLabel(e.From, l), eventLabel(e.Event, l), list)[l]
	}
	return out
}

var (
	msgTransitionRefused = Msg{
		EN: "%[1]s is in state “%[2]s”: “%[3]s” is not possible (possible now: %[4]s)",
		FR: "%[1]s est à l'état « %[2]s » : « %[3]s » n'est pas possible (possible maintenant : %[4]s)",
		DE: "%[1]s hat den Status „%[2]s“: „%[3]s“ ist nicht möglich (jetzt möglich: %[4]s)",
		NL: "%[1]s heeft de status „%[2]s”: „%[3]s” is niet mogelijk (nu mogelijk: %[4]s)",
	}
	msgNoEvent = Msg{EN: "nothing", FR: "rien", DE: "nichts", NL: "niets"}
	quotes     = Msg{EN: "“%s”", FR: "« %s »", DE: "„%s“", NL: "„%s”"}
)

func entityNoun(entity string) Msg {
	switch entity {
	case "offer":
		return Msg{EN: "this offer", FR: "cette offre", DE: "dieses Angebot", NL: "dit aanbod"}
	case "tender":
		return Msg{EN: "this tender", FR: "cet appel d'offres", DE: "diese Ausschreibung", NL: "deze aanbesteding"}
	case "response":
		return Msg{EN: "this response", FR: "cette réponse", DE: "diese Antwort", NL: "dit antwoord"}
	}
	return Msg{EN: entity}
}

// stateLabels name every state of every lifecycle; a French label agrees
// with "état" (masculine), whatever the entity's gender.
var stateLabels = map[string]Msg{
	"draft":                   {EN: "draft", FR: "brouillon", DE: "Entwurf", NL: "concept"},
	"pending":                 {EN: "awaiting moderation", FR: "en attente de modération", DE: "wartet auf Moderation", NL: "wacht op moderatie"},
	"published":               {EN: "published", FR: "publié", DE: "veröffentlicht", NL: "gepubliceerd"},
	"archived":                {EN: "archived", FR: "archivé", DE: "archiviert", NL: "gearchiveerd"},
	"rejected":                {EN: "rejected", FR: "refusé", DE: "abgelehnt", NL: "geweigerd"},
	"changes_requested":       {EN: "changes requested", FR: "modifications demandées", DE: "Änderungen angefordert", NL: "wijzigingen gevraagd"},
	"closed":                  {EN: "closed", FR: "clos", DE: "geschlossen", NL: "gesloten"},
	"awarded":                 {EN: "awarded", FR: "attribué", DE: "vergeben", NL: "gegund"},
	"not_awarded":             {EN: "not awarded", FR: "non attribué", DE: "nicht vergeben", NL: "niet gegund"},
	"cancelled":               {EN: "cancelled", FR: "annulé", DE: "aufgehoben", NL: "geannuleerd"},
	"submitted":               {EN: "submitted", FR: "envoyé", DE: "eingereicht", NL: "ingediend"},
	"withdrawn":               {EN: "withdrawn", FR: "retiré", DE: "zurückgezogen", NL: "ingetrokken"},
	"reconfirmation_required": {EN: "to be re-confirmed", FR: "à reconfirmer", DE: "erneut zu bestätigen", NL: "opnieuw te bevestigen"},
	"shortlisted":             {EN: "shortlisted", FR: "présélectionné", DE: "in der engeren Wahl", NL: "op de shortlist"},
	"accepted":                {EN: "accepted", FR: "retenu", DE: "angenommen", NL: "aanvaard"},
	"declined":                {EN: "declined", FR: "écarté", DE: "nicht berücksichtigt", NL: "afgewezen"},
}

// eventLabels name every event of every lifecycle, as the action a person takes.
var eventLabels = map[string]Msg{
	"submit":          {EN: "submit", FR: "soumettre", DE: "einreichen", NL: "indienen"},
	"approve":         {EN: "approve", FR: "approuver", DE: "freigeben", NL: "goedkeuren"},
	"reject":          {EN: "reject", FR: "refuser", DE: "ablehnen", NL: "weigeren"},
	"request_changes": {EN: "request changes", FR: "demander des modifications", DE: "Änderungen anfordern", NL: "wijzigingen vragen"},
	"archive":         {EN: "archive", FR: "archiver", DE: "archivieren", NL: "archiveren"},
	"edit":            {EN: "edit", FR: "modifier", DE: "bearbeiten", NL: "bewerken"},
	"delete":          {EN: "delete", FR: "supprimer", DE: "löschen", NL: "verwijderen"},
	"close":           {EN: "close", FR: "clore", DE: "schließen", NL: "sluiten"},
	"award":           {EN: "award", FR: "attribuer", DE: "vergeben", NL: "gunnen"},
	"not_award":       {EN: "record as not awarded", FR: "déclarer non attribué", DE: "als nicht vergeben erfassen", NL: "als niet gegund registreren"},
	"cancel":          {EN: "cancel", FR: "annuler", DE: "aufheben", NL: "annuleren"},
	"expire_changes": {EN: "reject after 10 days without changes", FR: "refuser après 10 jours sans modification",
		DE: "nach 10 Tagen ohne Änderung ablehnen", NL: "weigeren na 10 dagen zonder wijziging"},
	"withdraw":   {EN: "withdraw", FR: "retirer", DE: "zurückziehen", NL: "intrekken"},
	"invalidate": {EN: "ask for re-confirmation", FR: "demander une reconfirmation", DE: "erneute Bestätigung verlangen", NL: "om herbevestiging vragen"},
	"reconfirm":  {EN: "re-confirm", FR: "reconfirmer", DE: "erneut bestätigen", NL: "opnieuw bevestigen"},
	"shortlist":  {EN: "shortlist", FR: "présélectionner", DE: "in die engere Wahl nehmen", NL: "op de shortlist zetten"},
	"accept":     {EN: "accept", FR: "retenir", DE: "annehmen", NL: "aanvaarden"},
	"decline":    {EN: "decline", FR: "écarter", DE: "nicht berücksichtigen", NL: "afwijzen"},
}

func stateLabel(s string, l Language) string {
	if m, ok := stateLabels[s]; ok {
		return m.in(l)
	}
	return s
}

func eventLabel(e string, l Language) string {
	if m, ok := eventLabels[e]; ok {
		return m.in(l)
	}
	return e
}

// StateLabel names a lifecycle state (of any entity) in lang; an unknown
// state is returned as is.
func StateLabel(state, lang string) string { return stateLabel(state, languageOf(lang)) }

// EventLabel names a lifecycle event (of any entity) in lang; an unknown
// event is returned as is.
func EventLabel(event, lang string) string { return eventLabel(event, languageOf(lang)) }

// lifecycle is the transition table of one entity.
type lifecycle[S ~string, E ~string] struct {
	entity string
	states []S
	events []E
	edges  []edge[S, E]
}

type edge[S ~string, E ~string] struct {
	from  S
	event E
	to    S
}

func (l *lifecycle[S, E]) next(from S, event E) (S, error) {
	for _, e := range l.edges {
		if e.from == from && e.event == event {
			return e.to, nil
		}
	}
	allowed := l.allowed(from)
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return from, &TransitionError{Entity: l.entity, From: string(from), Event: string(event), Allowed: names}
}

func (l *lifecycle[S, E]) allowed(from S) []E {
	var out []E
	for _, e := range l.edges {
		if e.from == from {
			out = append(out, e.event)
		}
	}
	return out
}

func (l *lifecycle[S, E]) transitions() []Transition {
	out := make([]Transition, len(l.edges))
	for i, e := range l.edges {
		out[i] = Transition{From: string(e.from), Event: string(e.event), To: string(e.to)}
	}
	return out
}

func (l *lifecycle[S, E]) validState(s S) bool { return slices.Contains(l.states, s) }
func (l *lifecycle[S, E]) validEvent(e E) bool { return slices.Contains(l.events, e) }
