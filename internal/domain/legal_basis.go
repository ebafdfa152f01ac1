package domain

import (
	"slices"
	"strings"
)

// LegalBasis is the national (or EU Directive) provision a reserved lot
// rests on (DOMAIN.md, "The national legal basis decides who is
// eligible"). It decides which statuses are accepted and the minimum share
// of disabled or disadvantaged workers.
//
// Which basis a buyer may cite: the national bases of the buyer's own
// country (a French buyer cites the Code de la commande publique, a German
// one the GWB, …), and the Directive's own articles (EU_ART20, EU_ART77)
// for a buyer of any EU member state who cites the Directive directly.
// Which basis goes with which BT-71 code: res-ws takes the article 20
// bases (FR_L2113_12, FR_L2113_13, DE_GWB_118, BE_2016_ART15,
// LU_2018_ART20, EU_ART20); res-pub-ser takes the article 77 bases
// (FR_L2113_15, EU_ART77). A lot cites one basis, or FR_L2113_12 together
// with FR_L2113_13 (combinable since 2020).
type LegalBasis string

// The legal bases.
const (
	BasisFRL211312   LegalBasis = "FR_L2113_12"
	BasisFRL211313   LegalBasis = "FR_L2113_13"
	BasisFRL211315   LegalBasis = "FR_L2113_15"
	BasisDEGWB118    LegalBasis = "DE_GWB_118"
	BasisBE2016Art15 LegalBasis = "BE_2016_ART15"
	BasisLU2018Art20 LegalBasis = "LU_2018_ART20"
	BasisEUArt20     LegalBasis = "EU_ART20"
	BasisEUArt77     LegalBasis = "EU_ART77"
)

// RepeatAwardBarYears is how long an organisation that won a contract
// reserved under article 77 (FR_L2113_15, EU_ART77) may not win another
// from the same buyer on that basis.
const RepeatAwardBarYears = 3

type legalBasisInfo struct {
	reservation ReservedParticipation
	// country is the ISO code of the country whose law it is; "" for the
	// Directive, which any EU buyer may cite.
	country string
	// minShare is the minimum share of disabled or disadvantaged workers,
	// in percent; 0 when the basis sets none.
	minShare float64
	// categories are the SSE status categories the basis accepts.
	categories []string
	// article77 bases are for the social, health and cultural services
	// listed in the Directive's article 77 only, and bar a repeat award
	// from the same buyer for RepeatAwardBarYears.
	article77 bool
	label     Msg
	explain   Msg
}

var legalBasisOrder = []LegalBasis{
	BasisFRL211312, BasisFRL211313, BasisFRL211315, BasisDEGWB118, BasisBE2016Art15, BasisLU2018Art20, BasisEUArt20, BasisEUArt77,
}

// shelteredOrIntegration is what an article 20 basis accepts when the law
// names both kinds: sheltered workshops and integration operators.
var shelteredOrIntegration = []string{SSECategorySheltered, SSECategoryIntegration}

var legalBases = map[LegalBasis]legalBasisInfo{
	BasisFRL211312: {
		reservation: ReservedShelteredWorkshops, country: "FR", minShare: 50, categories: []string{SSECategorySheltered},
		label: Msg{
			EN: "France – Code de la commande publique, art. L2113-12 (EA, ESAT)",
			FR: "France – Code de la commande publique, art. L2113-12 (EA, ESAT)",
			DE: "Frankreich – Code de la commande publique, Art. L2113-12 (EA, ESAT)",
			NL: "Frankrijk – Code de la commande publique, art. L2113-12 (EA, ESAT)",
		},
		explain: Msg{
			EN: "Reserved for sheltered employers of disabled people: French adapted enterprises (EA) and ESAT, and equivalent structures from other countries (Code de la commande publique, art. L2113-12). At least 50 % of their workers must be disabled. A Belgian, German or Luxembourg structure takes part if its own status is equivalent and it reaches this 50 % share.",
			FR: "Réservé aux structures employant des travailleurs handicapés : entreprises adaptées (EA), ESAT et structures équivalentes d'autres pays (Code de la commande publique, art. L2113-12). Au moins 50 % de leurs travailleurs doivent être handicapés. Une structure belge, allemande ou luxembourgeoise peut candidater si son statut est équivalent et qu'elle atteint cette part de 50 %.",
			DE: "Vorbehalten für Einrichtungen, die Menschen mit Behinderungen beschäftigen: französische entreprises adaptées (EA), ESAT und gleichwertige Einrichtungen anderer Länder (Code de la commande publique, Art. L2113-12). Mindestens 50 % ihrer Beschäftigten müssen Menschen mit Behinderungen sein. Einrichtungen aus Belgien, Deutschland oder Luxemburg können teilnehmen, wenn ihr Status gleichwertig ist und sie diesen Anteil von 50 % erreichen.",
			NL: "Voorbehouden aan structuren die mensen met een handicap tewerkstellen: Franse aangepaste bedrijven (EA), ESAT en gelijkwaardige structuren uit andere landen (Code de la commande publique, art. L2113-12). Minstens 50 % van hun werknemers moet een handicap hebben. Een Belgische, Duitse of Luxemburgse structuur kan meedoen als haar status gelijkwaardig is en ze dat aandeel van 50 % haalt.",
		},
	},
	BasisFRL211313: {
		reservation: ReservedShelteredWorkshops, country: "FR", minShare: 50, categories: []string{SSECategoryIntegration},
		label: Msg{
			EN: "France – Code de la commande publique, art. L2113-13 (SIAE)",
			FR: "France – Code de la commande publique, art. L2113-13 (SIAE)",
			DE: "Frankreich – Code de la commande publique, Art. L2113-13 (SIAE)",
			NL: "Frankrijk – Code de la commande publique, art. L2113-13 (SIAE)",
		},
		explain: Msg{
			EN: "Reserved for work-integration structures (SIAE: EI, ACI, AI, ETTI, EITI) and equivalent structures from other countries (Code de la commande publique, art. L2113-13). At least 50 % of their workers must be disadvantaged people in integration. Since 2020 a buyer may combine it with art. L2113-12, opening the lot to both kinds.",
			FR: "Réservé aux structures d'insertion par l'activité économique (SIAE : EI, ACI, AI, ETTI, EITI) et aux structures équivalentes d'autres pays (Code de la commande publique, art. L2113-13). Au moins 50 % de leurs travailleurs doivent être des personnes défavorisées en parcours d'insertion. Depuis 2020, l'acheteur peut le combiner avec l'article L2113-12 pour ouvrir le lot aux deux types de structures.",
			DE: "Vorbehalten für Einrichtungen der Arbeitsmarktintegration (SIAE: EI, ACI, AI, ETTI, EITI) und gleichwertige Einrichtungen anderer Länder (Code de la commande publique, Art. L2113-13). Mindestens 50 % ihrer Beschäftigten müssen benachteiligte Personen in einer Eingliederungsmaßnahme sein. Seit 2020 kann der Auftraggeber dies mit Art. L2113-12 verbinden und das Los für beide Arten öffnen.",
			NL: "Voorbehouden aan inschakelingsstructuren (SIAE: EI, ACI, AI, ETTI, EITI) en gelijkwaardige structuren uit andere landen (Code de la commande publique, art. L2113-13). Minstens 50 % van hun werknemers moeten kansarmen in een inschakelingstraject zijn. Sinds 2020 mag de aankoper dit combineren met art. L2113-12, zodat het perceel voor beide soorten openstaat.",
		},
	},
	BasisFRL211315: {
		reservation: ReservedPublicService, country: "FR", categories: []string{SSECategorySocialEconomy}, article77: true,
		label: Msg{
			EN: "France – Code de la commande publique, art. L2113-15 (ESS companies)",
			FR: "France – Code de la commande publique, art. L2113-15 (entreprises de l'ESS)",
			DE: "Frankreich – Code de la commande publique, Art. L2113-15 (ESS-Unternehmen)",
			NL: "Frankrijk – Code de la commande publique, art. L2113-15 (ESS-ondernemingen)",
		},
		explain: Msg{
			EN: "Reserved for social and solidarity economy companies (ESS), and only for the health, social and cultural services the law lists (Code de la commande publique, art. L2113-15, transposing art. 77 of Directive 2014/24/EU). The contract lasts at most 3 years, and a company that won such a contract from this buyer may not win another on this basis for 3 years.",
			FR: "Réservé aux entreprises de l'économie sociale et solidaire (ESS), et seulement pour les services de santé, sociaux et culturels énumérés par la loi (Code de la commande publique, art. L2113-15, qui transpose l'article 77 de la directive 2014/24/UE). Le marché dure 3 ans au plus, et une entreprise qui a remporté un tel marché auprès de cet acheteur ne peut en remporter un autre sur ce fondement pendant 3 ans.",
			DE: "Vorbehalten für Unternehmen der Sozial- und Solidarwirtschaft (ESS), und nur für die gesetzlich aufgezählten Gesundheits-, Sozial- und kulturellen Dienstleistungen (Code de la commande publique, Art. L2113-15, Umsetzung von Art. 77 der Richtlinie 2014/24/EU). Der Auftrag läuft höchstens 3 Jahre, und ein Unternehmen, das einen solchen Auftrag dieses Auftraggebers erhalten hat, kann auf dieser Grundlage 3 Jahre lang keinen weiteren erhalten.",
			NL: "Voorbehouden aan ondernemingen van de sociale en solidaire economie (ESS), en alleen voor de gezondheids-, sociale en culturele diensten die de wet opsomt (Code de la commande publique, art. L2113-15, omzetting van art. 77 van Richtlijn 2014/24/EU). De opdracht duurt hoogstens 3 jaar, en een onderneming die zo'n opdracht van deze aankoper kreeg, kan er op deze grond 3 jaar lang geen nieuwe krijgen.",
		},
	},
	BasisDEGWB118: {
		reservation: ReservedShelteredWorkshops, country: "DE", minShare: 30, categories: shelteredOrIntegration,
		label: Msg{
			EN: "Germany – § 118 GWB (Werkstätten and social enterprises)",
			FR: "Allemagne – § 118 GWB (ateliers protégés et entreprises sociales)",
			DE: "Deutschland – § 118 GWB (Werkstätten und Sozialunternehmen)",
			NL: "Duitsland – § 118 GWB (beschutte werkplaatsen en sociale ondernemingen)",
		},
		explain: Msg{
			EN: "Reserved for workshops for disabled people (Werkstätten) and for enterprises whose main aim is the social and professional integration of disabled or disadvantaged people, or to be performed within protected-employment programmes (§ 118 GWB; below the EU thresholds § 1(3) UVgO). At least 30 % of the workers must be disabled or disadvantaged. The buyer may not restrict the lot to one of the two kinds, and equivalent structures from other countries take part too.",
			FR: "Réservé aux ateliers pour personnes handicapées (Werkstätten) et aux entreprises dont l'objet principal est l'intégration sociale et professionnelle de personnes handicapées ou défavorisées, ou à exécuter dans le cadre de programmes d'emplois protégés (§ 118 GWB ; sous les seuils européens, § 1, al. 3 UVgO). Au moins 30 % des travailleurs doivent être handicapés ou défavorisés. L'acheteur ne peut pas limiter le lot à l'une des deux catégories, et les structures équivalentes d'autres pays peuvent aussi candidater.",
			DE: "Vorbehalten für Werkstätten für Menschen mit Behinderungen und für Unternehmen, deren Hauptzweck die soziale und berufliche Integration von Menschen mit Behinderungen oder benachteiligten Personen ist, oder auszuführen im Rahmen von Programmen mit geschützten Beschäftigungsverhältnissen (§ 118 GWB; unterhalb der EU-Schwellenwerte § 1 Abs. 3 UVgO). Mindestens 30 % der Beschäftigten müssen Menschen mit Behinderungen oder benachteiligte Personen sein. Der Auftraggeber darf das Los nicht auf eine der beiden Arten beschränken; gleichwertige Einrichtungen anderer Länder nehmen ebenfalls teil.",
			NL: "Voorbehouden aan beschutte werkplaatsen voor mensen met een handicap (Werkstätten) en aan ondernemingen die vooral de maatschappelijke en professionele integratie van mensen met een handicap of kansarmen beogen, of uit te voeren in het kader van programma's voor beschutte arbeid (§ 118 GWB; onder de EU-drempels § 1 lid 3 UVgO). Minstens 30 % van de werknemers moet een handicap hebben of kansarm zijn. De aankoper mag het perceel niet tot één van beide soorten beperken, en gelijkwaardige structuren uit andere landen mogen ook meedoen.",
		},
	},
	BasisBE2016Art15: {
		reservation: ReservedShelteredWorkshops, country: "BE", minShare: 30, categories: shelteredOrIntegration,
		label: Msg{
			EN: "Belgium – law of 17 June 2016, art. 15 (ETA, integration enterprises)",
			FR: "Belgique – loi du 17 juin 2016, art. 15 (ETA, entreprises d'insertion)",
			DE: "Belgien – Gesetz vom 17. Juni 2016, Art. 15 (ETA, Eingliederungsunternehmen)",
			NL: "België – wet van 17 juni 2016, art. 15 (maatwerkbedrijven, inschakelingsondernemingen)",
		},
		explain: Msg{
			EN: "Reserved for sheltered workshops (ETA / maatwerkbedrijf) and work-integration enterprises, or to be performed within protected-employment programmes (law of 17 June 2016 on public procurement, art. 15). At least 30 % of the workers must be disabled or disadvantaged. Equivalent structures from other countries must be accepted.",
			FR: "Réservé aux entreprises de travail adapté (ETA / maatwerkbedrijf) et aux entreprises d'insertion, ou à exécuter dans le cadre de programmes d'emplois protégés (loi du 17 juin 2016 relative aux marchés publics, art. 15). Au moins 30 % des travailleurs doivent être handicapés ou défavorisés. Les structures équivalentes d'autres pays doivent être acceptées.",
			DE: "Vorbehalten für Unternehmen für angepasste Arbeit (ETA / Maatwerkbedrijf) und Eingliederungsunternehmen, oder auszuführen im Rahmen von Programmen mit geschützten Beschäftigungsverhältnissen (Gesetz vom 17. Juni 2016 über die öffentlichen Aufträge, Art. 15). Mindestens 30 % der Beschäftigten müssen Menschen mit Behinderungen oder benachteiligte Personen sein. Gleichwertige Einrichtungen anderer Länder müssen zugelassen werden.",
			NL: "Voorbehouden aan maatwerkbedrijven (ETA) en inschakelingsondernemingen, of uit te voeren in het kader van programma's voor beschutte arbeid (wet van 17 juni 2016 inzake overheidsopdrachten, art. 15). Minstens 30 % van de werknemers moet een handicap hebben of kansarm zijn. Gelijkwaardige structuren uit andere landen moeten worden aanvaard.",
		},
	},
	BasisLU2018Art20: {
		reservation: ReservedShelteredWorkshops, country: "LU", minShare: 30, categories: shelteredOrIntegration,
		label: Msg{
			EN: "Luxembourg – law of 8 April 2018, art. 20 (reserved contracts)",
			FR: "Luxembourg – loi du 8 avril 2018, art. 20 (marchés réservés)",
			DE: "Luxemburg – Gesetz vom 8. April 2018, Art. 20 (vorbehaltene Aufträge)",
			NL: "Luxemburg – wet van 8 april 2018, art. 20 (voorbehouden opdrachten)",
		},
		explain: Msg{
			EN: "Reserved for sheltered workshops (ateliers protégés) and economic operators whose main aim is the social and professional integration of disabled or disadvantaged people, or to be performed within protected-employment programmes (law of 8 April 2018 on public procurement, art. 20). At least 30 % of the workers must be disabled or disadvantaged, the Directive's floor. Equivalent structures from other countries take part too.",
			FR: "Réservé aux ateliers protégés et aux opérateurs économiques dont l'objet principal est l'intégration sociale et professionnelle de personnes handicapées ou défavorisées, ou à exécuter dans le cadre de programmes d'emplois protégés (loi du 8 avril 2018 sur les marchés publics, art. 20). Au moins 30 % des travailleurs doivent être handicapés ou défavorisés, le seuil de la directive. Les structures équivalentes d'autres pays peuvent aussi candidater.",
			DE: "Vorbehalten für beschützende Werkstätten (ateliers protégés) und Wirtschaftsteilnehmer, deren Hauptzweck die soziale und berufliche Integration von Menschen mit Behinderungen oder benachteiligten Personen ist, oder auszuführen im Rahmen von Programmen mit geschützten Beschäftigungsverhältnissen (Gesetz vom 8. April 2018 über das öffentliche Auftragswesen, Art. 20). Mindestens 30 % der Beschäftigten müssen Menschen mit Behinderungen oder benachteiligte Personen sein, die Untergrenze der Richtlinie. Gleichwertige Einrichtungen anderer Länder nehmen ebenfalls teil.",
			NL: "Voorbehouden aan beschutte werkplaatsen (ateliers protégés) en ondernemers die vooral de maatschappelijke en professionele integratie van mensen met een handicap of kansarmen beogen, of uit te voeren in het kader van programma's voor beschutte arbeid (wet van 8 april 2018 inzake overheidsopdrachten, art. 20). Minstens 30 % van de werknemers moet een handicap hebben of kansarm zijn, de ondergrens van de richtlijn. Gelijkwaardige structuren uit andere landen mogen ook meedoen.",
		},
	},
	BasisEUArt20: {
		reservation: ReservedShelteredWorkshops, minShare: 30, categories: shelteredOrIntegration,
		label: Msg{
			EN: "EU – Directive 2014/24/EU, art. 20 (reserved contracts)",
			FR: "UE – directive 2014/24/UE, art. 20 (marchés réservés)",
			DE: "EU – Richtlinie 2014/24/EU, Art. 20 (vorbehaltene Aufträge)",
			NL: "EU – Richtlijn 2014/24/EU, art. 20 (voorbehouden opdrachten)",
		},
		explain: Msg{
			EN: "Reserved under article 20 of Directive 2014/24/EU, cited directly: for sheltered workshops and economic operators whose main aim is the social and professional integration of disabled or disadvantaged people, or to be performed within protected-employment programmes. At least 30 % of the workers must be disabled or disadvantaged. Structures from every EU country take part.",
			FR: "Réservé au titre de l'article 20 de la directive 2014/24/UE, cité directement : aux ateliers protégés et aux opérateurs économiques dont l'objet principal est l'intégration sociale et professionnelle de personnes handicapées ou défavorisées, ou à exécuter dans le cadre de programmes d'emplois protégés. Au moins 30 % des travailleurs doivent être handicapés ou défavorisés. Les structures de tous les pays de l'UE peuvent candidater.",
			DE: "Vorbehalten nach Artikel 20 der Richtlinie 2014/24/EU, unmittelbar angeführt: für geschützte Werkstätten und Wirtschaftsteilnehmer, deren Hauptzweck die soziale und berufliche Integration von Menschen mit Behinderungen oder benachteiligten Personen ist, oder auszuführen im Rahmen von Programmen mit geschützten Beschäftigungsverhältnissen. Mindestens 30 % der Beschäftigten müssen Menschen mit Behinderungen oder benachteiligte Personen sein. Einrichtungen aus allen EU-Ländern nehmen teil.",
			NL: "Voorbehouden op grond van artikel 20 van Richtlijn 2014/24/EU, rechtstreeks aangehaald: aan beschutte werkplaatsen en ondernemers die vooral de maatschappelijke en professionele integratie van mensen met een handicap of kansarmen beogen, of uit te voeren in het kader van programma's voor beschutte arbeid. Minstens 30 % van de werknemers moet een handicap hebben of kansarm zijn. Structuren uit alle EU-landen mogen meedoen.",
		},
	},
	BasisEUArt77: {
		reservation: ReservedPublicService, categories: []string{SSECategorySocialEconomy}, article77: true,
		label: Msg{
			EN: "EU – Directive 2014/24/EU, art. 77 (public-service mission organisations)",
			FR: "UE – directive 2014/24/UE, art. 77 (organisations ayant une mission de service public)",
			DE: "EU – Richtlinie 2014/24/EU, Art. 77 (Organisationen mit Gemeinwohlaufgabe)",
			NL: "EU – Richtlijn 2014/24/EU, art. 77 (organisaties met een openbaredienstverleningstaak)",
		},
		explain: Msg{
			EN: "Reserved under article 77 of Directive 2014/24/EU, cited directly: for organisations with a public-service mission in the health, social and cultural services that article lists, which reinvest their profits and are owned or run by their employees or users. The contract lasts at most 3 years, and an organisation that won such a contract from this buyer may not win another on this basis for 3 years.",
			FR: "Réservé au titre de l'article 77 de la directive 2014/24/UE, cité directement : aux organisations ayant une mission de service public pour les services de santé, sociaux et culturels énumérés par cet article, qui réinvestissent leurs bénéfices et sont détenues ou dirigées par leurs salariés ou leurs usagers. Le marché dure 3 ans au plus, et une organisation qui a remporté un tel marché auprès de cet acheteur ne peut en remporter un autre sur ce fondement pendant 3 ans.",
			DE: "Vorbehalten nach Artikel 77 der Richtlinie 2014/24/EU, unmittelbar angeführt: für Organisationen mit einer Gemeinwohlaufgabe bei den dort aufgezählten Gesundheits-, Sozial- und kulturellen Dienstleistungen, die ihre Gewinne reinvestieren und ihren Beschäftigten oder Nutzern gehören oder von ihnen geführt werden. Der Auftrag läuft höchstens 3 Jahre, und eine Organisation, die einen solchen Auftrag dieses Auftraggebers erhalten hat, kann auf dieser Grundlage 3 Jahre lang keinen weiteren erhalten.",
			NL: "Voorbehouden op grond van artikel 77 van Richtlijn 2014/24/EU, rechtstreeks aangehaald: aan organisaties met een openbaredienstverleningstaak voor de gezondheids-, sociale en culturele diensten die dat artikel opsomt, die hun winst herinvesteren en eigendom zijn van of geleid worden door hun werknemers of gebruikers. De opdracht duurt hoogstens 3 jaar, en een organisatie die zo'n opdracht van deze aankoper kreeg, kan er op deze grond 3 jaar lang geen nieuwe krijgen.",
		},
	},
}

// LegalBases lists every legal basis, national ones first.
func LegalBases() []LegalBasis { return slices.Clone(legalBasisOrder) }

// LegalBasesFor lists the bases a buyer of country may cite for a lot
// reserved with r: its own country's and the Directive's.
func LegalBasesFor(country string, r ReservedParticipation) []LegalBasis {
	var out []LegalBasis
	for _, b := range legalBasisOrder {
		if b.Reservation() == r && b.AvailableTo(country) {
			out = append(out, b)
		}
	}
	return out
}

// Valid reports whether b is a known basis.
func (b LegalBasis) Valid() bool { _, ok := legalBases[b]; return ok }

// Reservation is the BT-71 code the basis goes with.
func (b LegalBasis) Reservation() ReservedParticipation { return legalBases[b].reservation }

// Country is the ISO code of the country whose law b is, "" for the Directive.
func (b LegalBasis) Country() string { return legalBases[b].country }

// AvailableTo reports whether a buyer of country (ISO code) may cite b:
// a national basis in its own country, the Directive in any EU country.
func (b LegalBasis) AvailableTo(country string) bool {
	info, ok := legalBases[b]
	if !ok {
		return false
	}
	country = strings.ToUpper(strings.TrimSpace(country))
	if info.country == "" {
		return IsEUCountry(country)
	}
	return info.country == country
}

// MinimumShare is the minimum share of disabled or disadvantaged workers
// (percent) a supplier needs under b; ok is false when b sets none.
func (b LegalBasis) MinimumShare() (share float64, ok bool) {
	s := legalBases[b].minShare
	return s, s > 0
}

// AcceptedCategories are the SSE status categories (SSECategory…) b opens the lot to.
func (b LegalBasis) AcceptedCategories() []string { return slices.Clone(legalBases[b].categories) }

// Accepts reports whether a status of type t is of a kind b accepts,
// wherever it was granted: equivalent structures of other member states
// are accepted by law.
func (b LegalBasis) Accepts(t SSEStatusType) bool {
	return slices.Contains(legalBases[b].categories, t.Category())
}

// SocialServicesOnly reports whether b may only reserve the health, social
// and cultural services of the Directive's article 77 (see IsArticle77CPV).
func (b LegalBasis) SocialServicesOnly() bool { return legalBases[b].article77 }

// BarsRepeatAward reports whether a winner under b may not win again from
// the same buyer on b for RepeatAwardBarYears.
func (b LegalBasis) BarsRepeatAward() bool { return legalBases[b].article77 }

// CombinableWith reports whether a lot may cite b and other together: only
// FR_L2113_12 with FR_L2113_13 (ordonnance of 2020 opening a lot to EA/ESAT
// and SIAE at once).
func (b LegalBasis) CombinableWith(other LegalBasis) bool {
	return b == BasisFRL211312 && other == BasisFRL211313 || b == BasisFRL211313 && other == BasisFRL211312
}

// Label is the short name of b in lang (fr, de, en, nl; others: English).
func (b LegalBasis) Label(lang string) string {
	info, ok := legalBases[b]
	if !ok {
		return ""
	}
	return info.label.in(languageOf(lang))
}

// Explain says in plain words, in lang, what b reserves, to whom, with
// which minimum share and under which provision: what a reader of a
// tender is shown beside the clause.
func (b LegalBasis) Explain(lang string) string {
	info, ok := legalBases[b]
	if !ok {
		return ""
	}
	return info.explain.in(languageOf(lang))
}

// languageOf maps a language tag ("de", "fr-BE", "NL") to a supported
// language, English when it is none of them.
func languageOf(tag string) Language {
	l := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	if lang := Language(l); lang.Valid() {
		return lang
	}
	return LangEN
}
