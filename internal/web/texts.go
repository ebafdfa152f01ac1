package web

import "passerelle/internal/domain"

// The few texts the server writes into a page's head, in every language;
// the app's own texts are in frontend/src (react-i18next).
var (
	msgSiteTagline = domain.Msg{
		EN: "responsible purchasing in the Greater Region",
		FR: "achats responsables dans la Grande Région",
		DE: "verantwortungsvoller Einkauf in der Großregion",
		NL: "verantwoord inkopen in de Grote Regio",
	}
	msgSiteDescription = domain.Msg{
		EN: "Passerelle connects public and private buyers with social and solidarity economy enterprises of the Greater Region: offers, tenders with social clauses, verified suppliers, in four languages.",
		FR: "Passerelle met en relation acheteurs publics et privés et entreprises de l'économie sociale et solidaire de la Grande Région : offres, marchés à clauses sociales, fournisseurs vérifiés, en quatre langues.",
		DE: "Passerelle bringt öffentliche und private Auftraggeber mit Unternehmen der Sozial- und Solidarwirtschaft der Großregion zusammen: Angebote, Ausschreibungen mit Sozialklauseln, geprüfte Anbieter, in vier Sprachen.",
		NL: "Passerelle brengt publieke en private inkopers samen met ondernemingen uit de sociale en solidaire economie van de Grote Regio: aanbod, aanbestedingen met sociale clausules, geverifieerde leveranciers, in vier talen.",
	}
	msgSearchTitle = domain.Msg{EN: "Search", FR: "Recherche", DE: "Suche", NL: "Zoeken"}
	// msgSearchQueryTitle is the title of a search for a query (%s).
	msgSearchQueryTitle = domain.Msg{
		EN: "“%s”: search", FR: "« %s » : recherche", DE: "„%s“: Suche", NL: "‘%s’: zoeken",
	}
	msgNotFoundTitle    = domain.Msg{EN: "Page not found", FR: "Page introuvable", DE: "Seite nicht gefunden", NL: "Pagina niet gevonden"}
	msgUnavailableTitle = domain.Msg{
		EN: "Temporarily unavailable", FR: "Momentanément indisponible", DE: "Vorübergehend nicht verfügbar", NL: "Tijdelijk niet beschikbaar",
	}
	msgLoginTitle  = domain.Msg{EN: "Sign in", FR: "Connexion", DE: "Anmelden", NL: "Inloggen"}
	msgSignupTitle = domain.Msg{EN: "Create an account", FR: "Créer un compte", DE: "Konto erstellen", NL: "Account aanmaken"}
	msgResetTitle  = domain.Msg{
		EN: "Reset your password", FR: "Réinitialiser le mot de passe", DE: "Passwort zurücksetzen", NL: "Wachtwoord opnieuw instellen",
	}
	msgVerifyTitle = domain.Msg{
		EN: "Confirm your email address", FR: "Confirmer votre adresse e-mail", DE: "E-Mail-Adresse bestätigen", NL: "E-mailadres bevestigen",
	}
	// msgTenderSummary opens a tender's description: its place (%[1]s)
	// and the last day for responses (%[2]s).
	msgTenderSummary = domain.Msg{
		EN: "Tender, %[1]s, responses by %[2]s.",
		FR: "Marché, %[1]s, réponses avant le %[2]s.",
		DE: "Ausschreibung, %[1]s, Angebote bis %[2]s.",
		NL: "Aanbesteding, %[1]s, inschrijven tot %[2]s.",
	}
	// msgOfferSummary opens an offer's description: its supplier (%s).
	msgOfferSummary = domain.Msg{
		EN: "Offer by %s.", FR: "Offre de %s.", DE: "Angebot von %s.", NL: "Aanbod van %s.",
	}
	// msgSupplierSummary opens a supplier's description: its town (%s).
	msgSupplierSummary = domain.Msg{
		EN: "Social and solidarity economy enterprise, %s.",
		FR: "Entreprise de l'économie sociale et solidaire, %s.",
		DE: "Unternehmen der Sozial- und Solidarwirtschaft, %s.",
		NL: "Onderneming uit de sociale en solidaire economie, %s.",
	}
	// msgBuyerSummary opens a buyer's description: its town (%s).
	msgBuyerSummary = domain.Msg{
		EN: "Buyer, %s.", FR: "Acheteur, %s.", DE: "Auftraggeber, %s.", NL: "Inkoper, %s.",
	}
)

// text returns m in lang with args substituted.
func text(m domain.Msg, lang domain.Language, args ...any) string {
	return m.With(args...)[lang]
}
