package core

import "passerelle/internal/domain"

// Messages of the search use case, in every language (see domain.Msg).
var (
	msgSearchText = domain.Msg{
		EN: "the search text must be valid text of at most %d bytes",
		FR: "le texte recherché doit être un texte valide d'au plus %d octets",
		DE: "der Suchtext muss ein gültiger Text von höchstens %d Bytes sein",
		NL: "de zoektekst moet geldige tekst van hoogstens %d bytes zijn"}
	msgSearchLang = domain.Msg{
		EN: "%q is not a search language: fr, de, en or nl",
		FR: "%q n'est pas une langue de recherche : fr, de, en ou nl",
		DE: "%q ist keine Suchsprache: fr, de, en oder nl",
		NL: "%q is geen zoektaal: fr, de, en of nl"}
	msgSearchKind = domain.Msg{
		EN: "%q is not a kind of listing: offer, tender or supplier",
		FR: "%q n'est pas un type d'annonce : offer, tender ou supplier",
		DE: "%q ist keine Art von Eintrag: offer, tender oder supplier",
		NL: "%q is geen soort vermelding: offer, tender of supplier"}
	msgSearchCountry = domain.Msg{
		EN: "%q is not a country code (two letters, such as FR or LU)",
		FR: "%q n'est pas un code de pays (deux lettres, comme FR ou LU)",
		DE: "%q ist kein Ländercode (zwei Buchstaben, etwa FR oder LU)",
		NL: "%q is geen landcode (twee letters, zoals FR of LU)"}
	msgSearchNUTS = domain.Msg{
		EN: "%q is not a NUTS region code (such as FRF or FRF33)",
		FR: "%q n'est pas un code de région NUTS (comme FRF ou FRF33)",
		DE: "%q ist kein NUTS-Regionscode (etwa FRF oder FRF33)",
		NL: "%q is geen NUTS-regiocode (zoals FRF of FRF33)"}
	msgSearchSector = domain.Msg{
		EN: "%q is not a sector or group of the catalogue (see /api/v1/sectors)",
		FR: "%q n'est pas un secteur ni un groupe du catalogue (voir /api/v1/sectors)",
		DE: "%q ist keine Branche und keine Gruppe des Katalogs (siehe /api/v1/sectors)",
		NL: "%q is geen sector of groep van de catalogus (zie /api/v1/sectors)"}
	msgSearchCPV = domain.Msg{
		EN: "%q is not a CPV code or prefix: 2 to 8 digits, or a full code with its right check digit (45214200-2)",
		FR: "%q n'est pas un code ni un préfixe CPV : 2 à 8 chiffres, ou un code complet avec sa bonne clé de contrôle (45214200-2)",
		DE: "%q ist kein CPV-Code oder -Präfix: 2 bis 8 Ziffern oder ein vollständiger Code mit richtiger Prüfziffer (45214200-2)",
		NL: "%q is geen CPV-code of -voorvoegsel: 2 tot 8 cijfers, of een volledige code met het juiste controlecijfer (45214200-2)"}
	msgSearchStatusType = domain.Msg{
		EN: "%q is not an SSE status type (such as fr_esat or de_wfbm)",
		FR: "%q n'est pas un type de statut ESS (comme fr_esat ou de_wfbm)",
		DE: "%q ist keine Art von SSE-Status (etwa fr_esat oder de_wfbm)",
		NL: "%q is geen soort SSE-status (zoals fr_esat of de_wfbm)"}
	msgSearchFlag = domain.Msg{
		EN: "%q is neither true nor false",
		FR: "%q n'est ni true ni false",
		DE: "%q ist weder true noch false",
		NL: "%q is noch true noch false"}
	msgSearchDate = domain.Msg{
		EN: "%q is not a date (2026-12-31) or a time (2026-12-31T12:00:00Z)",
		FR: "%q n'est pas une date (2026-12-31) ni une heure (2026-12-31T12:00:00Z)",
		DE: "%q ist kein Datum (2026-12-31) und keine Uhrzeit (2026-12-31T12:00:00Z)",
		NL: "%q is geen datum (2026-12-31) of tijdstip (2026-12-31T12:00:00Z)"}
	msgSearchDeadlineRange = domain.Msg{
		EN: "the end of the deadline range comes before its start",
		FR: "la fin de la période d'échéance précède son début",
		DE: "das Ende des Fristzeitraums liegt vor seinem Beginn",
		NL: "het einde van de termijnperiode ligt vóór het begin"}
	msgSearchRadius = domain.Msg{
		EN: "the radius must be a number of kilometres above 0 and at most %d",
		FR: "le rayon doit être un nombre de kilomètres supérieur à 0 et d'au plus %d",
		DE: "der Umkreis muss eine Zahl von Kilometern über 0 und höchstens %d sein",
		NL: "de straal moet een aantal kilometers boven 0 en hoogstens %d zijn"}
	msgSearchRadiusAlone = domain.Msg{
		EN: "a radius needs a centre: give near or town too",
		FR: "un rayon demande un centre : indiquez aussi near ou town",
		DE: "ein Umkreis braucht einen Mittelpunkt: geben Sie auch near oder town an",
		NL: "een straal heeft een middelpunt nodig: geef ook near of town op"}
	msgSearchNearAndTown = domain.Msg{
		EN: "give either near or town, not both",
		FR: "indiquez near ou town, pas les deux",
		DE: "geben Sie near oder town an, nicht beides",
		NL: "geef near of town op, niet allebei"}
	msgSearchNear = domain.Msg{
		EN: "%q is not a position: write latitude,longitude in decimal degrees (49.12,6.18)",
		FR: "%q n'est pas une position : écrivez latitude,longitude en degrés décimaux (49.12,6.18)",
		DE: "%q ist keine Position: schreiben Sie Breite,Länge in Dezimalgrad (49.12,6.18)",
		NL: "%q is geen positie: schrijf breedte,lengte in decimale graden (49.12,6.18)"}
	msgSearchTownLength = domain.Msg{
		EN: "a town name has at most %d characters",
		FR: "un nom de ville compte au plus %d caractères",
		DE: "ein Ortsname hat höchstens %d Zeichen",
		NL: "een plaatsnaam heeft hoogstens %d tekens"}
	msgSearchTownUnknown = domain.Msg{
		EN: "Passerelle knows no town named %q: search around a position with near=latitude,longitude instead",
		FR: "Passerelle ne connaît aucune ville nommée %q : cherchez plutôt autour d'une position avec near=latitude,longitude",
		DE: "Passerelle kennt keinen Ort namens %q: suchen Sie stattdessen um eine Position mit near=Breite,Länge",
		NL: "Passerelle kent geen plaats met de naam %q: zoek in plaats daarvan rond een positie met near=breedte,lengte"}
	msgSearchTownHint = domain.Msg{
		EN: "Passerelle knows no town named %q; known towns that begin the same way: %s",
		FR: "Passerelle ne connaît aucune ville nommée %q ; villes connues qui commencent de même : %s",
		DE: "Passerelle kennt keinen Ort namens %q; bekannte Orte mit demselben Anfang: %s",
		NL: "Passerelle kent geen plaats met de naam %q; bekende plaatsen die zo beginnen: %s"}
	msgSearchTownAmbiguous = domain.Msg{
		EN: "there is a town named %q in several countries (%s): add country= to say which",
		FR: "une ville nommée %q existe dans plusieurs pays (%s) : ajoutez country= pour préciser",
		DE: "einen Ort namens %q gibt es in mehreren Ländern (%s): geben Sie mit country= an, welchen",
		NL: "er is een plaats met de naam %q in meerdere landen (%s): voeg country= toe om te zeggen welke"}
	msgSearchSort = domain.Msg{
		EN: "%q is not a sort: relevance, date, deadline or distance",
		FR: "%q n'est pas un tri : relevance, date, deadline ou distance",
		DE: "%q ist keine Sortierung: relevance, date, deadline oder distance",
		NL: "%q is geen sortering: relevance, date, deadline of distance"}
	msgSearchSortDistance = domain.Msg{
		EN: "sorting by distance needs a centre: give near or town",
		FR: "le tri par distance demande un centre : indiquez near ou town",
		DE: "die Sortierung nach Entfernung braucht einen Mittelpunkt: geben Sie near oder town an",
		NL: "sorteren op afstand vraagt een middelpunt: geef near of town op"}
	msgSearchFacet = domain.Msg{
		EN: "%q is not a facet: kind, country, nuts, sector, cpv, status_type or reserved_basis",
		FR: "%q n'est pas une facette : kind, country, nuts, sector, cpv, status_type ou reserved_basis",
		DE: "%q ist keine Facette: kind, country, nuts, sector, cpv, status_type oder reserved_basis",
		NL: "%q is geen facet: kind, country, nuts, sector, cpv, status_type of reserved_basis"}
	msgSearchLimit = domain.Msg{
		EN: "the page size must be a whole number from 1 to %d",
		FR: "la taille de page doit être un nombre entier de 1 à %d",
		DE: "die Seitengröße muss eine ganze Zahl von 1 bis %d sein",
		NL: "de paginagrootte moet een geheel getal van 1 tot %d zijn"}
	msgSearchCursor = domain.Msg{
		EN: "this cursor was not returned by this search: start again without it",
		FR: "ce curseur n'a pas été renvoyé par cette recherche : recommencez sans lui",
		DE: "dieser Cursor stammt nicht aus dieser Suche: beginnen Sie ohne ihn neu",
		NL: "deze cursor komt niet uit deze zoekopdracht: begin opnieuw zonder"}
	msgSearchTooMany = domain.Msg{
		EN: "at most %d values",
		FR: "au plus %d valeurs",
		DE: "höchstens %d Werte",
		NL: "hoogstens %d waarden"}
	msgSearchEligibleSupplier = domain.Msg{
		EN: "eligibility is that of the organisation you act for, which must be an SSE supplier: choose one of yours",
		FR: "l'éligibilité est celle de l'organisation pour laquelle vous agissez, qui doit être un fournisseur ESS : choisissez-en une des vôtres",
		DE: "die Berechtigung ist die der Organisation, für die Sie handeln; sie muss ein SSE-Anbieter sein: wählen Sie eine Ihrer Organisationen",
		NL: "de geschiktheid is die van de organisatie waarvoor u optreedt, en die moet een SSE-leverancier zijn: kies een van de uwe"}
	msgSearchUnavailable = domain.Msg{
		EN: "search is unavailable for a moment; try again shortly",
		FR: "la recherche est momentanément indisponible ; réessayez dans un instant",
		DE: "die Suche ist im Moment nicht verfügbar; versuchen Sie es gleich noch einmal",
		NL: "zoeken is even niet beschikbaar; probeer het zo opnieuw"}
)
