package core

import (
	"fmt"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"passerelle/internal/domain"
	"passerelle/internal/taxonomy"
)

// The dimensions of the impact figures, as the exports and the API name them.
const (
	ImpactDimCountry = "country"
	ImpactDimSector  = "sector"
	ImpactDimStatus  = "status"
	ImpactDimMonth   = "month"
)

// ImpactLabel names a key of a dimension in lang: a country ("DE" →
// "Allemagne"), a sector group, an SSE status type or "none", a month
// ("2026-03" → "mars 2026"). An unknown key is returned as given.
func ImpactLabel(dimension, key string, lang domain.Language) string {
	switch dimension {
	case ImpactDimCountry:
		if region, err := language.ParseRegion(key); err == nil {
			if name := display.Regions(language.Make(string(lang))).Name(region); name != "" {
				return name
			}
		}
	case ImpactDimSector:
		if key == ImpactUnclassified {
			return impactText(labImpactUnclassified, lang)
		}
		for _, g := range taxonomy.SectorGroups() {
			if g.Code == key {
				return g.Labels.In(lang)
			}
		}
	case ImpactDimStatus:
		if key == ImpactNoStatus {
			return impactText(labImpactNoStatus, lang)
		}
		if l := domain.SSEStatusType(key).Label(string(lang)); l != "" {
			return l
		}
	case ImpactDimMonth:
		if t, err := time.Parse("2006-01", key); err == nil {
			return impactMonthNames[lang][t.Month()-1] + " " + t.Format("2006")
		}
	}
	return key
}

var impactMonthNames = map[domain.Language][12]string{
	domain.LangEN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	domain.LangFR: {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	domain.LangDE: {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	domain.LangNL: {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
}

// impactLabel is a text of the impact exports.
type impactLabel string

// The texts of the impact exports (CSV labels, spreadsheet sheets and
// headers, the PDF report).
const (
	labImpactTitle         impactLabel = "title"
	labImpactTitleOrg      impactLabel = "title_org"
	labImpactPeriod        impactLabel = "period"
	labImpactAllTime       impactLabel = "all_time"
	labImpactCountryFilter impactLabel = "country_filter"
	labImpactGenerated     impactLabel = "generated"
	labImpactPage          impactLabel = "page"
	labImpactSummary       impactLabel = "summary"
	labImpactFigure        impactLabel = "figure"
	labImpactValue         impactLabel = "value"
	labImpactTotal         impactLabel = "total"
	labImpactAwards        impactLabel = "awards"
	labImpactDeals         impactLabel = "deals"
	labImpactCrossBorder   impactLabel = "cross_border"
	labImpactShareAmount   impactLabel = "share_amount"
	labImpactShareCount    impactLabel = "share_count"
	labImpactReached       impactLabel = "reached"
	labImpactInterested    impactLabel = "interested"
	labImpactResponding    impactLabel = "responding"
	labImpactMeetingsHeld  impactLabel = "meetings_held"
	labImpactMeetingDeals  impactLabel = "meeting_deals"
	labImpactPublished     impactLabel = "tenders_published"
	labImpactWithInterest  impactLabel = "tenders_with_interest"
	labImpactMedianHours   impactLabel = "median_hours"
	labImpactP90Hours      impactLabel = "p90_hours"
	labImpactByCountry     impactLabel = "by_country"
	labImpactBySector      impactLabel = "by_sector"
	labImpactByStatus      impactLabel = "by_status"
	labImpactByMonth       impactLabel = "by_month"
	labImpactKey           impactLabel = "key"
	labImpactAmount        impactLabel = "amount"
	labImpactCount         impactLabel = "count"
	labImpactUnclassified  impactLabel = "unclassified"
	labImpactNoStatus      impactLabel = "no_status"
	labImpactNothing       impactLabel = "nothing"
	labImpactStatusNote    impactLabel = "status_note"
	labImpactRules         impactLabel = "rules"
)

var impactTexts = map[impactLabel]domain.Msg{
	labImpactTitle:         {EN: "Impact report — Passerelle cluster", FR: "Rapport d'impact — cluster Passerelle", DE: "Wirkungsbericht — Cluster Passerelle", NL: "Impactrapport — cluster Passerelle"},
	labImpactTitleOrg:      {EN: "Impact report — %s", FR: "Rapport d'impact — %s", DE: "Wirkungsbericht — %s", NL: "Impactrapport — %s"},
	labImpactPeriod:        {EN: "Period: %s to %s", FR: "Période : du %s au %s", DE: "Zeitraum: %s bis %s", NL: "Periode: %s tot en met %s"},
	labImpactAllTime:       {EN: "Period: since the start", FR: "Période : depuis le début", DE: "Zeitraum: seit Beginn", NL: "Periode: vanaf het begin"},
	labImpactCountryFilter: {EN: "Buyers in: %s", FR: "Acheteurs situés en : %s", DE: "Auftraggeber in: %s", NL: "Kopers in: %s"},
	labImpactGenerated:     {EN: "Generated on %s", FR: "Établi le %s", DE: "Erstellt am %s", NL: "Opgesteld op %s"},
	labImpactPage:          {EN: "Page %d / %s", FR: "Page %d / %s", DE: "Seite %d / %s", NL: "Pagina %d / %s"},
	labImpactSummary:       {EN: "Summary", FR: "Synthèse", DE: "Überblick", NL: "Overzicht"},
	labImpactFigure:        {EN: "Figure", FR: "Indicateur", DE: "Kennzahl", NL: "Indicator"},
	labImpactValue:         {EN: "Value", FR: "Valeur", DE: "Wert", NL: "Waarde"},
	labImpactTotal:         {EN: "Purchases from SSE suppliers", FR: "Achats auprès de structures de l'ESS", DE: "Einkäufe bei Anbietern der Sozialwirtschaft", NL: "Aankopen bij leveranciers uit de sociale economie"},
	labImpactAwards:        {EN: "Awarded tender lots", FR: "Lots de marchés attribués", DE: "Vergebene Lose", NL: "Gegunde percelen"},
	labImpactDeals:         {EN: "Convention deals", FR: "Accords conclus aux rencontres d'affaires", DE: "Abschlüsse der Kontaktbörse", NL: "Akkoorden op de zakenbeurs"},
	labImpactCrossBorder:   {EN: "Cross-border purchases", FR: "Achats transfrontaliers", DE: "Grenzüberschreitende Einkäufe", NL: "Grensoverschrijdende aankopen"},
	labImpactShareAmount:   {EN: "Cross-border share by amount", FR: "Part transfrontalière en montant", DE: "Grenzüberschreitender Anteil nach Betrag", NL: "Grensoverschrijdend aandeel in bedrag"},
	labImpactShareCount:    {EN: "Cross-border share by number", FR: "Part transfrontalière en nombre", DE: "Grenzüberschreitender Anteil nach Anzahl", NL: "Grensoverschrijdend aandeel in aantal"},
	labImpactReached:       {EN: "Suppliers reached", FR: "Fournisseurs sollicités", DE: "Erreichte Anbieter", NL: "Bereikte leveranciers"},
	labImpactInterested:    {EN: "Suppliers interested", FR: "Fournisseurs intéressés", DE: "Interessierte Anbieter", NL: "Geïnteresseerde leveranciers"},
	labImpactResponding:    {EN: "Suppliers who responded", FR: "Fournisseurs ayant répondu", DE: "Anbieter mit Angebot", NL: "Leveranciers die inschreven"},
	labImpactMeetingsHeld:  {EN: "Meetings held", FR: "Rendez-vous tenus", DE: "Geführte Gespräche", NL: "Gehouden gesprekken"},
	labImpactMeetingDeals:  {EN: "Meetings ending in a deal", FR: "Rendez-vous conclus par un accord", DE: "Gespräche mit Abschluss", NL: "Gesprekken met een akkoord"},
	labImpactPublished:     {EN: "Tenders published", FR: "Consultations publiées", DE: "Veröffentlichte Ausschreibungen", NL: "Gepubliceerde aanbestedingen"},
	labImpactWithInterest:  {EN: "Tenders with an interested supplier", FR: "Consultations avec un fournisseur intéressé", DE: "Ausschreibungen mit interessiertem Anbieter", NL: "Aanbestedingen met een geïnteresseerde leverancier"},
	labImpactMedianHours:   {EN: "Hours from publication to first interest (median)", FR: "Heures de la publication au premier intérêt (médiane)", DE: "Stunden von der Veröffentlichung bis zum ersten Interesse (Median)", NL: "Uren van publicatie tot eerste interesse (mediaan)"},
	labImpactP90Hours:      {EN: "Hours from publication to first interest (90th percentile)", FR: "Heures de la publication au premier intérêt (90e centile)", DE: "Stunden von der Veröffentlichung bis zum ersten Interesse (90. Perzentil)", NL: "Uren van publicatie tot eerste interesse (90e percentiel)"},
	labImpactByCountry:     {EN: "By supplier country", FR: "Par pays du fournisseur", DE: "Nach Land des Anbieters", NL: "Per land van de leverancier"},
	labImpactBySector:      {EN: "By sector", FR: "Par secteur", DE: "Nach Branche", NL: "Per sector"},
	labImpactByStatus:      {EN: "By SSE status", FR: "Par statut ESS", DE: "Nach Status der Sozialwirtschaft", NL: "Per statuut sociale economie"},
	labImpactByMonth:       {EN: "By month", FR: "Par mois", DE: "Nach Monat", NL: "Per maand"},
	labImpactKey:           {EN: "Code", FR: "Code", DE: "Code", NL: "Code"},
	labImpactAmount:        {EN: "Amount (EUR)", FR: "Montant (EUR)", DE: "Betrag (EUR)", NL: "Bedrag (EUR)"},
	labImpactCount:         {EN: "Number", FR: "Nombre", DE: "Anzahl", NL: "Aantal"},
	labImpactUnclassified:  {EN: "Unclassified", FR: "Non classé", DE: "Nicht zugeordnet", NL: "Niet ingedeeld"},
	labImpactNoStatus:      {EN: "No verified status", FR: "Aucun statut vérifié", DE: "Kein geprüfter Status", NL: "Geen geverifieerd statuut"},
	labImpactNothing:       {EN: "No purchase in this period.", FR: "Aucun achat sur cette période.", DE: "Keine Einkäufe in diesem Zeitraum.", NL: "Geen aankopen in deze periode."},
	labImpactStatusNote:    {EN: "A purchase counts under each verified status of its supplier.", FR: "Un achat compte sous chacun des statuts vérifiés de son fournisseur.", DE: "Ein Einkauf zählt unter jedem geprüften Status seines Anbieters.", NL: "Een aankoop telt mee onder elk geverifieerd statuut van de leverancier."},
	labImpactRules: {EN: "Purchases are tender lots awarded to SSE suppliers of Passerelle and deals made at the business convention (counted once per meeting, the buyer's amount first), in euros.",
		FR: "Les achats sont les lots attribués à des structures de l'ESS inscrites sur Passerelle et les accords conclus aux rencontres d'affaires (comptés une fois par rendez-vous, le montant de l'acheteur d'abord), en euros.",
		DE: "Einkäufe sind an Anbieter der Sozialwirtschaft auf Passerelle vergebene Lose und Abschlüsse der Kontaktbörse (einmal je Gespräch gezählt, vorrangig mit dem Betrag des Auftraggebers), in Euro.",
		NL: "Aankopen zijn percelen gegund aan leveranciers uit de sociale economie op Passerelle en akkoorden van de zakenbeurs (één keer per gesprek geteld, met voorrang voor het bedrag van de koper), in euro."},
}

// impactText is a text of the exports in lang, filled with args.
func impactText(l impactLabel, lang domain.Language, args ...any) string {
	m, ok := impactTexts[l]
	if !ok {
		return fmt.Sprint(l)
	}
	return m.With(args...)[lang]
}
