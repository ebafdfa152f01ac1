package web

import "passerelle/internal/domain"

// openDataHead is the head of a public open data page (/statistics,
// /developers): indexed, with its canonical URL.
func (h *Handler) openDataHead(lang domain.Language, path string, title, description domain.Msg) head {
	return head{Lang: lang, Title: text(title, lang) + " · Passerelle", Description: text(description, lang), Canonical: h.base + path}
}

var (
	msgStatisticsTitle = domain.Msg{
		EN: "Public statistics", FR: "Statistiques publiques", DE: "Öffentliche Statistik", NL: "Openbare statistieken",
	}
	msgStatisticsDescription = domain.Msg{
		EN: "Tenders, reserved contracts, social and solidarity economy suppliers, offers, awards and convention meetings on Passerelle, in figures.",
		FR: "Marchés, marchés réservés, fournisseurs de l'économie sociale et solidaire, offres, attributions et rendez-vous de la convention sur Passerelle, en chiffres.",
		DE: "Ausschreibungen, vorbehaltene Aufträge, Anbieter der Sozial- und Solidarwirtschaft, Angebote, Zuschläge und Termine der Kontaktbörse auf Passerelle in Zahlen.",
		NL: "Aanbestedingen, voorbehouden opdrachten, leveranciers uit de sociale en solidaire economie, aanbiedingen, gunningen en afspraken op de zakenbeurs van Passerelle in cijfers.",
	}
	msgDevelopersTitle = domain.Msg{
		EN: "API documentation", FR: "Documentation de l'API", DE: "API-Dokumentation", NL: "API-documentatie",
	}
	msgDevelopersDescription = domain.Msg{
		EN: "Passerelle's HTTP API and its open data: published tenders and their results as OCDS 1.1 release packages under CC BY 4.0.",
		FR: "L'API HTTP de Passerelle et ses données ouvertes : les marchés publiés et leurs résultats en paquets OCDS 1.1, sous licence CC BY 4.0.",
		DE: "Die HTTP-API von Passerelle und ihre offenen Daten: veröffentlichte Ausschreibungen und ihre Ergebnisse als OCDS-1.1-Pakete unter CC BY 4.0.",
		NL: "De HTTP-API van Passerelle en haar open data: gepubliceerde aanbestedingen en hun resultaten als OCDS 1.1-pakketten onder CC BY 4.0.",
	}
)
