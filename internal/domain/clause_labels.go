package domain

import "slices"

// Labels of the clause codes in fr, de, en and nl. The eForms codes carry
// the official eForms SDK 1.15.1 labels (code lists reserved-procurement,
// strategic-procurement, social-objective, environmental-impact,
// accessibility; CC BY 4.0, © European Union), copied here so that nothing
// is read at run time; clause_labels_test.go compares them with the file
// when ../shared/data is present. Codes without an official multilingual
// label (BT-736, award criteria, weights) and our own codes (eligible
// groups, insertion means) are labelled in the same register.

var reservedParticipationLabels = map[ReservedParticipation]Msg{
	ReservedNone: {
		EN: "Participation is not reserved.",
		FR: "La participation n’est pas réservée.",
		DE: "Teilnahme ist nicht vorbehalten.",
		NL: "Deelname is niet voorbehouden.",
	},
	ReservedShelteredWorkshops: {
		EN: "Participation is reserved to sheltered workshops and economic operators aiming at the social and professional integration of disabled or disadvantaged persons.",
		FR: "La participation est réservée à des ateliers protégés et à des opérateurs économiques dont l’objet principal est l’intégration sociale et professionnelle de personnes handicapées ou défavorisées.",
		DE: "Die Teilnahme ist geschützten Werkstätten und Wirtschaftsteilnehmern, die auf die soziale und berufliche Integration von Menschen mit Behinderungen oder benachteiligten Personen abzielen, vorbehalten.",
		NL: "Deelname is voorbehouden aan beschutte werkplaatsen en ondernemers die de maatschappelijke en professionele integratie van gehandicapten of kansarmen tot doel hebben.",
	},
	ReservedPublicService: {
		EN: "Participation is reserved to organisations pursuing a public service mission and fulfilling other relevant conditions in the legislation.",
		FR: "La participation est réservée à des organisations qui poursuivent une mission de service public et respectent d’autres conditions pertinentes énoncées dans la législation.",
		DE: "Die Teilnahme ist Organisationen vorbehalten, die zur Erfüllung von Gemeinwohlaufgaben tätig werden und andere einschlägige Bestimmungen der Rechtsvorschriften erfüllen.",
		NL: "Deelname is voorbehouden aan organisaties die een openbaredienstverleningstaak vervullen en aan andere relevante voorwaarden in de wetgeving voldoen.",
	},
}

var reservedExecutionLabels = map[ReservedExecution]Msg{
	ReservedExecutionYes: {
		EN: "The contract must be performed within sheltered employment programmes",
		FR: "Le marché doit être exécuté dans le cadre de programmes d’emplois protégés",
		DE: "Der Auftrag ist im Rahmen von Programmen mit geschützten Beschäftigungsverhältnissen auszuführen",
		NL: "De opdracht moet worden uitgevoerd in het kader van programma’s voor beschutte arbeid",
	},
	ReservedExecutionNo: {
		EN: "The execution of the contract is not reserved",
		FR: "L’exécution du marché n’est pas réservée",
		DE: "Die Ausführung des Auftrags ist nicht vorbehalten",
		NL: "De uitvoering van de opdracht is niet voorbehouden",
	},
	ReservedExecutionNotKnown: {
		EN: "Not known whether the execution is reserved",
		FR: "On ne sait pas si l’exécution est réservée",
		DE: "Nicht bekannt, ob die Ausführung vorbehalten ist",
		NL: "Niet bekend of de uitvoering voorbehouden is",
	},
}

var strategicProcurementLabels = map[StrategicProcurement]Msg{
	StrategicEnvironment: {EN: "Reduction of environmental impacts", FR: "Réduction des incidences sur l’environnement",
		DE: "Verringerung der Auswirkungen auf die Umwelt", NL: "Vermindering van milieueffecten"},
	StrategicInnovation: {EN: "Innovative purchase", FR: "Achat innovant", DE: "Innovative Beschaffung", NL: "Innovatieve aankoop"},
	StrategicSocial: {EN: "Fulfilment of social objectives", FR: "Réalisation d’objectifs sociaux",
		DE: "Erfüllung sozialer Zielsetzungen", NL: "Verwezenlijking van sociale doelstellingen"},
	StrategicNone: {EN: "No strategic procurement", FR: "Pas de passation de marché stratégique",
		DE: "Keine strategische Beschaffung", NL: "Geen strategische aanbesteding"},
}

var socialObjectiveLabels = map[SocialObjective]Msg{
	SocialAccessibility:  {EN: "Accessibility for all", FR: "Accessibilité pour tous", DE: "Zugang für alle", NL: "Toegankelijkheid voor iedereen"},
	SocialEthnicEquality: {EN: "Ethnic equality", FR: "Égalité des ethnies", DE: "Gleichstellung von ethnischen Gruppen", NL: "Etnische gelijkheid"},
	SocialGenderEquality: {EN: "Gender equality", FR: "Égalité hommes-femmes", DE: "Gleichstellung der Geschlechter", NL: "Gendergelijkheid"},
	SocialHumanRights: {
		EN: "Human rights due diligence in global supply chains",
		FR: "Devoir de diligence en matière de droits de l’homme dans les chaînes d’approvisionnement mondiales",
		DE: "Sorgfaltspflicht im Bereich der Menschenrechte in globalen Wertschöpfungsketten",
		NL: "Zorgvuldigheid inzake de mensenrechten in wereldwijde toeleveringsketens",
	},
	SocialOpportunities: {
		EN: "Employment opportunities for the long-term unemployed, disadvantaged and/or for persons with disabilities",
		FR: "Possibilités d’emploi des chômeurs de longue durée, des personnes défavorisées et/ou des personnes handicapées",
		DE: "Beschäftigungsmöglichkeiten für Langzeitarbeitslose, Benachteiligte und/oder für Menschen mit Behinderungen.",
		NL: "Werkgelegenheidskansen voor langdurig werklozen, kansarmen en/of personen met een handicap",
	},
	SocialWorkingConditions: {EN: "Fair working conditions", FR: "Conditions de travail équitables", DE: "Faire Arbeitsbedingungen",
		NL: "Billijke arbeidsvoorwaarden"},
	SocialOther: {EN: "Other", FR: "Autre", DE: "Sonstiges", NL: "Andere"},
}

var greenObjectiveLabels = map[GreenObjective]Msg{
	GreenBiodiversity: {
		EN: "The protection and restoration of biodiversity and ecosystems",
		FR: "La protection et la restauration de la biodiversité et des écosystèmes",
		DE: "Der Schutz und Wiederherstellung der Biodiversität und der Ökosysteme",
		NL: "De bescherming en het herstel van de biodiversiteit en ecosystemen",
	},
	GreenCircularEconomy: {EN: "The transition to a circular economy", FR: "La transition vers une économie circulaire",
		DE: "Der Übergang zu einer Kreislaufwirtschaft", NL: "De transitie naar een circulaire economie"},
	GreenClimateAdaptation: {EN: "Climate change adaptation", FR: "L’adaptation au changement climatique",
		DE: "Anpassung an den Klimawandel", NL: "De adaptatie aan klimaatverandering"},
	GreenClimateMitigation: {EN: "Climate change mitigation", FR: "L’atténuation du changement climatique", DE: "Klimaschutz",
		NL: "De mitigatie van klimaatverandering"},
	GreenPollution: {EN: "Pollution prevention and control", FR: "La prévention et la réduction de la pollution",
		DE: "Vermeidung und Verminderung der Umweltverschmutzung", NL: "De preventie en bestrijding van verontreiniging"},
	GreenWaterMarine: {
		EN: "The sustainable use and protection of water and marine resources",
		FR: "L’utilisation durable et la protection des ressources aquatiques et marines",
		DE: "Die nachhaltige Nutzung und Schutz von Wasser- und Meeresressourcen",
		NL: "Het duurzaam gebruik en de bescherming van water en mariene hulpbronnen",
	},
	GreenOther: {EN: "Other", FR: "Autre", DE: "Sonstiges", NL: "Andere"},
}

var accessibilityLabels = map[Accessibility]Msg{
	AccessibilityIncluded: {
		EN: "Accessibility criteria for persons with disabilities are included",
		FR: "Des critères d’accessibilité pour les personnes handicapées sont appliqués",
		DE: "Zugänglichkeitskriterien für Menschen mit Behinderungen wurden berücksichtigt",
		NL: "Er zijn criteria opgenomen inzake de toegankelijkheid voor personen met een handicap",
	},
	AccessibilityNotForPersons: {
		EN: "Accessibility criteria for persons with disabilities are not included because the procurement is not intended for use by natural persons",
		FR: "Des critères d’accessibilité pour les personnes handicapées ne sont pas appliqués parce que le marché n’est pas destiné aux personnes physiques",
		DE: "Kriterien für die Zugänglichkeit für Menschen mit Behinderungen wurden nicht berücksichtigt, da die Beschaffung nicht für die Nutzung durch natürliche Personen vorgesehen ist",
		NL: "Er zijn geen criteria opgenomen inzake de toegankelijkheid voor personen met een handicap, omdat de aanbesteding niet bestemd is voor gebruik door natuurlijke personen",
	},
	AccessibilityNotJustified: {
		EN: "Accessibility criteria for persons with disabilities are not included with the following justification",
		FR: "Des critères d’accessibilité pour les personnes handicapées ne sont pas appliqués avec la justification suivante",
		DE: "Zugänglichkeitskriterien für Menschen mit Behinderungen wurden mit folgender Begründung nicht berücksichtigt",
		NL: "Er zijn geen criteria opgenomen inzake de toegankelijkheid voor personen met een handicap, om de volgende reden",
	},
}

var eligibleGroupLabels = map[EligibleGroup]Msg{
	GroupLongTermUnemployed: {EN: "Long-term unemployed people", FR: "Demandeurs d’emploi de longue durée",
		DE: "Langzeitarbeitslose", NL: "Langdurig werklozen"},
	GroupMinimumIncomeRecipients: {EN: "Recipients of minimum income benefits", FR: "Bénéficiaires des minima sociaux",
		DE: "Bezieher von Grundsicherungsleistungen", NL: "Leefloners en ontvangers van een minimuminkomen"},
	GroupDisabledWorkers: {EN: "Workers with disabilities", FR: "Travailleurs handicapés",
		DE: "Beschäftigte mit Behinderungen", NL: "Werknemers met een handicap"},
	GroupYoungLowQualified: {EN: "Young people with few or no qualifications", FR: "Jeunes peu ou pas qualifiés",
		DE: "Junge Menschen ohne oder mit geringer Qualifikation", NL: "Laag- of ongeschoolde jongeren"},
	GroupSeniorJobSeekers: {EN: "Job seekers over 50", FR: "Demandeurs d’emploi de plus de 50 ans",
		DE: "Arbeitsuchende über 50", NL: "Werkzoekenden ouder dan 50"},
	GroupIntegrationPathway: {EN: "People in a work-integration pathway", FR: "Personnes en parcours d’insertion",
		DE: "Personen in einer Eingliederungsmaßnahme", NL: "Personen in een inschakelingstraject"},
	GroupRefugees: {EN: "Refugees and beneficiaries of international protection", FR: "Réfugiés et bénéficiaires d’une protection internationale",
		DE: "Geflüchtete und Personen mit internationalem Schutz", NL: "Vluchtelingen en begunstigden van internationale bescherming"},
	GroupOther: {EN: "Other people far from employment", FR: "Autres personnes éloignées de l’emploi",
		DE: "Andere arbeitsmarktferne Personen", NL: "Andere mensen met een grote afstand tot de arbeidsmarkt"},
}

var insertionMeansLabels = map[InsertionMeans]Msg{
	MeansDirectHire:     {EN: "Direct hire", FR: "Embauche directe", DE: "Direkte Einstellung", NL: "Rechtstreekse aanwerving"},
	MeansSubcontracting: {EN: "Subcontracting to a social enterprise", FR: "Sous-traitance à une structure de l’ESS", DE: "Unterauftrag an ein Sozialunternehmen", NL: "Onderaanneming door een sociale onderneming"},
	MeansCoContracting:  {EN: "Co-contracting with a social enterprise", FR: "Cotraitance avec une structure de l’ESS", DE: "Bietergemeinschaft mit einem Sozialunternehmen", NL: "Combinatie met een sociale onderneming"},
	MeansStaffProvision: {EN: "Staff made available by an integration structure", FR: "Mise à disposition de personnel par une structure d’insertion", DE: "Personalüberlassung durch eine Eingliederungseinrichtung", NL: "Terbeschikkingstelling van personeel door een inschakelingsstructuur"},
}

var awardCriterionTypeLabels = map[AwardCriterionType]Msg{
	CriterionPrice:   {EN: "Price", FR: "Prix", DE: "Preis", NL: "Prijs"},
	CriterionCost:    {EN: "Cost", FR: "Coût", DE: "Kosten", NL: "Kosten"},
	CriterionQuality: {EN: "Quality", FR: "Qualité", DE: "Qualität", NL: "Kwaliteit"},
}

var weightTypeLabels = map[WeightType]Msg{
	WeightPercentExact:  {EN: "Weight (percentage, exact)", FR: "Pondération (pourcentage, exacte)", DE: "Gewichtung (Prozentsatz, genau)", NL: "Weging (percentage, exact)"},
	WeightPercentMiddle: {EN: "Weight (percentage, middle of a range)", FR: "Pondération (pourcentage, milieu d’une fourchette)", DE: "Gewichtung (Prozentsatz, Mitte einer Spanne)", NL: "Weging (percentage, midden van een bereik)"},
	WeightPointsExact:   {EN: "Weight (points, exact)", FR: "Pondération (points, exacte)", DE: "Gewichtung (Punkte, genau)", NL: "Weging (punten, exact)"},
	WeightPointsMiddle:  {EN: "Weight (points, middle of a range)", FR: "Pondération (points, milieu d’une fourchette)", DE: "Gewichtung (Punkte, Mitte einer Spanne)", NL: "Weging (punten, midden van een bereik)"},
	WeightDecimalExact:  {EN: "Weight (decimal, exact)", FR: "Pondération (décimale, exacte)", DE: "Gewichtung (Dezimalzahl, genau)", NL: "Weging (decimaal, exact)"},
	WeightDecimalMiddle: {EN: "Weight (decimal, middle of a range)", FR: "Pondération (décimale, milieu d’une fourchette)", DE: "Gewichtung (Dezimalzahl, Mitte einer Spanne)", NL: "Weging (decimaal, midden van een bereik)"},
	WeightOrder:         {EN: "Order of importance", FR: "Ordre d’importance", DE: "Rangfolge nach Bedeutung", NL: "Volgorde van belangrijkheid"},
}

// Valid reports whether r is a BT-71 code.
func (r ReservedParticipation) Valid() bool { _, ok := reservedParticipationLabels[r]; return ok }

// Label is the eForms label of r in lang (fr, de, en, nl; others: English).
func (r ReservedParticipation) Label(lang string) string {
	return label(reservedParticipationLabels, r, lang)
}

// Valid reports whether r is a BT-736 code.
func (r ReservedExecution) Valid() bool { _, ok := reservedExecutionLabels[r]; return ok }

// Label is the label of r in lang.
func (r ReservedExecution) Label(lang string) string { return label(reservedExecutionLabels, r, lang) }

// Valid reports whether s is a BT-06 code.
func (s StrategicProcurement) Valid() bool { _, ok := strategicProcurementLabels[s]; return ok }

// Label is the eForms label of s in lang.
func (s StrategicProcurement) Label(lang string) string {
	return label(strategicProcurementLabels, s, lang)
}

// Valid reports whether o is a BT-775 code.
func (o SocialObjective) Valid() bool { _, ok := socialObjectiveLabels[o]; return ok }

// Label is the eForms label of o in lang.
func (o SocialObjective) Label(lang string) string { return label(socialObjectiveLabels, o, lang) }

// Valid reports whether o is a BT-774 code.
func (o GreenObjective) Valid() bool { _, ok := greenObjectiveLabels[o]; return ok }

// Label is the eForms label of o in lang.
func (o GreenObjective) Label(lang string) string { return label(greenObjectiveLabels, o, lang) }

// Valid reports whether a is a BT-754 code.
func (a Accessibility) Valid() bool { _, ok := accessibilityLabels[a]; return ok }

// Label is the eForms label of a in lang.
func (a Accessibility) Label(lang string) string { return label(accessibilityLabels, a, lang) }

// Valid reports whether g is a known group.
func (g EligibleGroup) Valid() bool { _, ok := eligibleGroupLabels[g]; return ok }

// Label is the name of g in lang.
func (g EligibleGroup) Label(lang string) string { return label(eligibleGroupLabels, g, lang) }

// Valid reports whether m is a known way of meeting an insertion clause.
func (m InsertionMeans) Valid() bool { _, ok := insertionMeansLabels[m]; return ok }

// Label is the name of m in lang.
func (m InsertionMeans) Label(lang string) string { return label(insertionMeansLabels, m, lang) }

// Valid reports whether t is a BT-539 code.
func (t AwardCriterionType) Valid() bool { _, ok := awardCriterionTypeLabels[t]; return ok }

// Label is the name of t in lang.
func (t AwardCriterionType) Label(lang string) string {
	return label(awardCriterionTypeLabels, t, lang)
}

// Valid reports whether w is a BT-5421 code.
func (w WeightType) Valid() bool { _, ok := weightTypeLabels[w]; return ok }

// Label is the name of w in lang.
func (w WeightType) Label(lang string) string { return label(weightTypeLabels, w, lang) }

// Code lists in display order.
var (
	reservedParticipationCodes = []ReservedParticipation{ReservedNone, ReservedShelteredWorkshops, ReservedPublicService}
	reservedExecutionCodes     = []ReservedExecution{ReservedExecutionYes, ReservedExecutionNo, ReservedExecutionNotKnown}
	strategicProcurementCodes  = []StrategicProcurement{StrategicEnvironment, StrategicInnovation, StrategicSocial, StrategicNone}
	socialObjectiveCodes       = []SocialObjective{SocialAccessibility, SocialEthnicEquality, SocialGenderEquality, SocialHumanRights,
		SocialOpportunities, SocialWorkingConditions, SocialOther}
	greenObjectiveCodes = []GreenObjective{GreenBiodiversity, GreenCircularEconomy, GreenClimateAdaptation, GreenClimateMitigation,
		GreenPollution, GreenWaterMarine, GreenOther}
	accessibilityCodes = []Accessibility{AccessibilityIncluded, AccessibilityNotForPersons, AccessibilityNotJustified}
	eligibleGroupCodes = []EligibleGroup{GroupLongTermUnemployed, GroupMinimumIncomeRecipients, GroupDisabledWorkers,
		GroupYoungLowQualified, GroupSeniorJobSeekers, GroupIntegrationPathway, GroupRefugees, GroupOther}
	insertionMeansCodes     = []InsertionMeans{MeansDirectHire, MeansSubcontracting, MeansCoContracting, MeansStaffProvision}
	awardCriterionTypeCodes = []AwardCriterionType{CriterionPrice, CriterionCost, CriterionQuality}
	weightTypeCodes         = []WeightType{WeightPercentExact, WeightPercentMiddle, WeightPointsExact, WeightPointsMiddle,
		WeightDecimalExact, WeightDecimalMiddle, WeightOrder}
)

// ReservedParticipationCodes lists the ReservedParticipation codes in display order (for forms and OpenAPI enums).
func ReservedParticipationCodes() []ReservedParticipation {
	return slices.Clone(reservedParticipationCodes)
}

// ReservedExecutionCodes lists the ReservedExecution codes in display order (for forms and OpenAPI enums).
func ReservedExecutionCodes() []ReservedExecution { return slices.Clone(reservedExecutionCodes) }

// StrategicProcurementCodes lists the StrategicProcurement codes in display order (for forms and OpenAPI enums).
func StrategicProcurementCodes() []StrategicProcurement {
	return slices.Clone(strategicProcurementCodes)
}

// SocialObjectiveCodes lists the SocialObjective codes in display order (for forms and OpenAPI enums).
func SocialObjectiveCodes() []SocialObjective { return slices.Clone(socialObjectiveCodes) }

// GreenObjectiveCodes lists the GreenObjective codes in display order (for forms and OpenAPI enums).
func GreenObjectiveCodes() []GreenObjective { return slices.Clone(greenObjectiveCodes) }

// AccessibilityCodes lists the Accessibility codes in display order (for forms and OpenAPI enums).
func AccessibilityCodes() []Accessibility { return slices.Clone(accessibilityCodes) }

// EligibleGroupCodes lists the EligibleGroup codes in display order (for forms and OpenAPI enums).
func EligibleGroupCodes() []EligibleGroup { return slices.Clone(eligibleGroupCodes) }

// InsertionMeansCodes lists the InsertionMeans codes in display order (for forms and OpenAPI enums).
func InsertionMeansCodes() []InsertionMeans { return slices.Clone(insertionMeansCodes) }

// AwardCriterionTypeCodes lists the AwardCriterionType codes in display order (for forms and OpenAPI enums).
func AwardCriterionTypeCodes() []AwardCriterionType { return slices.Clone(awardCriterionTypeCodes) }

// WeightTypeCodes lists the WeightType codes in display order (for forms and OpenAPI enums).
func WeightTypeCodes() []WeightType { return slices.Clone(weightTypeCodes) }

func label[C ~string](m map[C]Msg, c C, lang string) string {
	msg, ok := m[c]
	if !ok {
		return ""
	}
	return msg.in(languageOf(lang))
}
