package core

import (
	"cmp"
	"slices"

	"passerelle/internal/domain"
	"passerelle/internal/routing"
)

// The texts of routing's notifications, in the recipient's language.
var (
	msgNewNeedTitle = domain.Msg{
		EN: "A new need matches your offers: “%s”", FR: "Un nouveau besoin correspond à vos offres : « %s »",
		DE: "Ein neuer Bedarf passt zu Ihren Angeboten: „%s“", NL: "Een nieuwe behoefte past bij uw aanbod: ‘%s’",
	}
	msgTenderInterestTitle = domain.Msg{
		EN: "%d suppliers are interested in your tender “%s”", FR: "%d fournisseurs sont intéressés par votre appel d’offres « %s »",
		DE: "%d Anbieter interessieren sich für Ihre Ausschreibung „%s“", NL: "%d leveranciers zijn geïnteresseerd in uw aanbesteding ‘%s’",
	}
	msgTenderFirstInterestTitle = domain.Msg{
		EN: "A first supplier is interested in your tender “%s”", FR: "Un premier fournisseur est intéressé par votre appel d’offres « %s »",
		DE: "Ein erster Anbieter interessiert sich für Ihre Ausschreibung „%s“", NL: "Een eerste leverancier is geïnteresseerd in uw aanbesteding ‘%s’",
	}
	msgAnonymousBuyer = domain.Msg{
		EN: "a buyer who keeps its name private", FR: "un acheteur qui garde son nom confidentiel",
		DE: "ein Auftraggeber, der seinen Namen nicht nennt", NL: "een koper die zijn naam niet bekendmaakt",
	}
)

// msgMatchReason says a routing.Reason in plain words; the values named by
// reasonArgs fill its verbs. Reasons without one are left out of emails
// (the app shows every reason from its code).
var msgMatchReason = map[string]domain.Msg{
	routing.ReasonCPVExact: {EN: "your offer has the lot’s CPV code %s", FR: "votre offre porte le code CPV %s du lot",
		DE: "Ihr Angebot hat den CPV-Code %s des Loses", NL: "uw aanbod heeft de CPV-code %s van het perceel"},
	routing.ReasonCPVAncestor: {EN: "your offer’s CPV code %s covers the lot’s code %s", FR: "le code CPV %s de votre offre couvre le code %s du lot",
		DE: "der CPV-Code %s Ihres Angebots umfasst den Code %s des Loses", NL: "de CPV-code %s van uw aanbod omvat code %s van het perceel"},
	routing.ReasonCPVDescendant: {EN: "your offer’s CPV code %s is part of the lot’s code %s", FR: "le code CPV %s de votre offre fait partie du code %s du lot",
		DE: "der CPV-Code %s Ihres Angebots gehört zum Code %s des Loses", NL: "de CPV-code %s van uw aanbod valt onder code %s van het perceel"},
	routing.ReasonCPVDivision: {EN: "your offer is in the lot’s CPV division %s", FR: "votre offre relève de la division CPV %s du lot",
		DE: "Ihr Angebot liegt in der CPV-Abteilung %s des Loses", NL: "uw aanbod valt in CPV-afdeling %s van het perceel"},
	routing.ReasonSector: {EN: "your offer’s sector covers the lot’s CPV code %s", FR: "le secteur de votre offre couvre le code CPV %s du lot",
		DE: "die Branche Ihres Angebots umfasst den CPV-Code %s des Loses", NL: "de sector van uw aanbod omvat CPV-code %s van het perceel"},
	routing.ReasonAreaCountry: {EN: "the work is done in your country", FR: "la prestation a lieu dans votre pays",
		DE: "die Leistung wird in Ihrem Land erbracht", NL: "het werk wordt in uw land uitgevoerd"},
	routing.ReasonAreaCrossBorder: {EN: "you accept cross-border work in %s", FR: "vous acceptez les prestations transfrontalières en %s",
		DE: "Sie arbeiten auch grenzüberschreitend in %s", NL: "u aanvaardt grensoverschrijdend werk in %s"},
	routing.ReasonAreaRadius: {EN: "the place is %s km from you, within your %s km", FR: "le lieu est à %s km de vous, dans vos %s km",
		DE: "der Ort ist %s km von Ihnen entfernt, innerhalb Ihrer %s km", NL: "de plaats ligt op %s km van u, binnen uw %s km"},
	routing.ReasonAreaRegion: {EN: "your area %s includes the place of performance", FR: "votre zone %s comprend le lieu d’exécution",
		DE: "Ihr Gebiet %s umfasst den Leistungsort", NL: "uw gebied %s omvat de plaats van uitvoering"},
	routing.ReasonAreaSubRegion: {EN: "your area %s lies within the place of performance", FR: "votre zone %s se trouve dans le lieu d’exécution",
		DE: "Ihr Gebiet %s liegt im Leistungsort", NL: "uw gebied %s ligt binnen de plaats van uitvoering"},
	routing.ReasonEligible: {EN: "you are eligible for this reserved lot (%s)", FR: "vous êtes éligible à ce lot réservé (%s)",
		DE: "Sie sind für dieses vorbehaltene Los teilnahmeberechtigt (%s)", NL: "u komt in aanmerking voor dit voorbehouden perceel (%s)"},
	routing.ReasonLanguageTender: {EN: "you speak the tender’s language", FR: "vous parlez la langue de l’appel d’offres",
		DE: "Sie sprechen die Sprache der Ausschreibung", NL: "u spreekt de taal van de aanbesteding"},
	routing.ReasonLanguageOther: {EN: "you may answer in a language you speak", FR: "vous pouvez répondre dans une langue que vous parlez",
		DE: "Sie können in einer Sprache antworten, die Sie sprechen", NL: "u kunt antwoorden in een taal die u spreekt"},
}

// reasonArgs names, per reason code, the values that fill its message.
var reasonArgs = map[string][]string{
	routing.ReasonCPVExact:        {"lot_cpv"},
	routing.ReasonCPVAncestor:     {"offer_cpv", "lot_cpv"},
	routing.ReasonCPVDescendant:   {"offer_cpv", "lot_cpv"},
	routing.ReasonCPVDivision:     {"division"},
	routing.ReasonSector:          {"lot_cpv"},
	routing.ReasonAreaCrossBorder: {"place_country"},
	routing.ReasonAreaRadius:      {"distance_km", "radius_km"},
	routing.ReasonAreaRegion:      {"region"},
	routing.ReasonAreaSubRegion:   {"region"},
	routing.ReasonEligible:        {"legal_bases"},
}

// MaxReasonsInNotice is how many reasons a new-need notification gives:
// the strongest, so that the email says why in one glance.
const MaxReasonsInNotice = 3

// matchReasonsIn says the strongest reasons of a match (most points first)
// in plain words in every language.
func matchReasonsIn(reasons []routing.Reason) []map[domain.Language]string {
	sorted := slices.Clone(reasons)
	slices.SortStableFunc(sorted, func(a, b routing.Reason) int { return cmp.Compare(b.Points, a.Points) })
	var out []map[domain.Language]string
	for _, r := range sorted {
		m, ok := msgMatchReason[r.Code]
		if !ok || r.Points <= 0 {
			continue
		}
		args := make([]any, len(reasonArgs[r.Code]))
		for i, k := range reasonArgs[r.Code] {
			args[i] = r.Values[k]
		}
		out = append(out, m.With(args...))
		if len(out) == MaxReasonsInNotice {
			break
		}
	}
	return out
}
