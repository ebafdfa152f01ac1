package domain

import "strings"

// SSEStatusType is a kind of social and solidarity economy status a supplier
// can hold (DOMAIN.md, "SSE statuses"). Each type belongs to one country.
// The values are stable snake-case codes, stored and sent over the API.
type SSEStatusType string

// The SSE status types, by country.
const (
	// SSEFrESAT is a French établissement et service d'aide par le travail.
	SSEFrESAT SSEStatusType = "fr_esat"
	// SSEFrEA is a French entreprise adaptée.
	SSEFrEA SSEStatusType = "fr_ea"
	// SSEFrEATT is a French entreprise adaptée de travail temporaire.
	SSEFrEATT SSEStatusType = "fr_eatt"
	// SSEFrSIAEEI is a French entreprise d'insertion (SIAE).
	SSEFrSIAEEI SSEStatusType = "fr_siae_ei"
	// SSEFrSIAEACI is a French atelier et chantier d'insertion (SIAE).
	SSEFrSIAEACI SSEStatusType = "fr_siae_aci"
	// SSEFrSIAEAI is a French association intermédiaire (SIAE).
	SSEFrSIAEAI SSEStatusType = "fr_siae_ai"
	// SSEFrSIAEETTI is a French entreprise de travail temporaire d'insertion (SIAE).
	SSEFrSIAEETTI SSEStatusType = "fr_siae_etti"
	// SSEFrSIAEEITI is a French entreprise d'insertion par le travail indépendant (SIAE).
	SSEFrSIAEEITI SSEStatusType = "fr_siae_eiti"
	// SSEFrGEIQ is a French groupement d'employeurs pour l'insertion et la qualification.
	SSEFrGEIQ SSEStatusType = "fr_geiq"
	// SSEFrESUS is the French ESUS agreement (entreprise solidaire d'utilité sociale).
	SSEFrESUS SSEStatusType = "fr_esus"
	// SSEFrSCOP is a French société coopérative et participative.
	SSEFrSCOP SSEStatusType = "fr_scop"
	// SSEFrSCIC is a French société coopérative d'intérêt collectif.
	SSEFrSCIC SSEStatusType = "fr_scic"
	// SSEFrAssociation is a French association.
	SSEFrAssociation SSEStatusType = "fr_association"
	// SSEDeWfbM is a German Werkstatt für behinderte Menschen.
	SSEDeWfbM SSEStatusType = "de_wfbm"
	// SSEDeInklusionsbetrieb is a German Inklusionsbetrieb.
	SSEDeInklusionsbetrieb SSEStatusType = "de_inklusionsbetrieb"
	// SSEDeSozialunternehmen is a German Sozialunternehmen.
	SSEDeSozialunternehmen SSEStatusType = "de_sozialunternehmen"
	// SSEDeGemeinnuetzig is a German gemeinnützige GmbH or eG.
	SSEDeGemeinnuetzig SSEStatusType = "de_gemeinnuetzig"
	// SSEBeETA is a Belgian entreprise de travail adapté (Wallonia) or maatwerkbedrijf (Flanders).
	SSEBeETA SSEStatusType = "be_eta"
	// SSEBeEntrepriseInsertion is a Belgian entreprise d'insertion.
	SSEBeEntrepriseInsertion SSEStatusType = "be_entreprise_insertion"
	// SSEBeEntrepriseSociale is the Belgian social enterprise approval.
	SSEBeEntrepriseSociale SSEStatusType = "be_entreprise_sociale"
	// SSEBeCooperativeAgreee is a Belgian approved cooperative.
	SSEBeCooperativeAgreee SSEStatusType = "be_cooperative_agreee"
	// SSELuSIS is a Luxembourg société d'impact sociétal.
	SSELuSIS SSEStatusType = "lu_sis"
	// SSELuAtelierProtege is a Luxembourg atelier protégé.
	SSELuAtelierProtege SSEStatusType = "lu_atelier_protege"
	// SSELuInitiativeSocialeEmploi is a Luxembourg initiative sociale en faveur de l'emploi.
	SSELuInitiativeSocialeEmploi SSEStatusType = "lu_initiative_sociale_emploi"
	// SSELuAssociationFondation is a Luxembourg association (asbl) or foundation.
	SSELuAssociationFondation SSEStatusType = "lu_association_fondation"
)

// SSE status categories group types by the reserved contracts they may open
// (sheltered workshops, work integration, social economy at large).
const (
	// SSECategorySheltered is protected employment of disabled workers.
	SSECategorySheltered = "sheltered"
	// SSECategoryIntegration is work integration of disadvantaged people.
	SSECategoryIntegration = "integration"
	// SSECategorySocialEconomy is the social economy at large.
	SSECategorySocialEconomy = "social_economy"
)

// sseStatusInfo describes one type. Labels keep national proper names in
// their own language and explain them in the others.
type sseStatusInfo struct {
	country  string
	category string
	labels   map[Language]string
}

// SSEStatusTypes lists every type, grouped by country.
func SSEStatusTypes() []SSEStatusType {
	types := make([]SSEStatusType, len(sseStatusOrder))
	copy(types, sseStatusOrder)
	return types
}

// SSEStatusTypesFor lists the types of one country (FR, DE, BE, LU,
// case-insensitive); it is empty for any other country.
func SSEStatusTypesFor(country string) []SSEStatusType {
	country = strings.ToUpper(strings.TrimSpace(country))
	var types []SSEStatusType
	for _, t := range sseStatusOrder {
		if sseStatuses[t].country == country {
			types = append(types, t)
		}
	}
	return types
}

// Valid reports whether t is a known type.
func (t SSEStatusType) Valid() bool {
	_, ok := sseStatuses[t]
	return ok
}

// Country returns the ISO country code of t, or "" when t is unknown.
func (t SSEStatusType) Country() string { return sseStatuses[t].country }

// Category returns SSECategorySheltered, SSECategoryIntegration or
// SSECategorySocialEconomy, or "" when t is unknown.
func (t SSEStatusType) Category() string { return sseStatuses[t].category }

// Label returns the name of t in lang (fr, de, en, nl; a region tag such as
// "fr-BE" uses its language; others fall back to English), or "" when t is unknown.
func (t SSEStatusType) Label(lang string) string {
	info, ok := sseStatuses[t]
	if !ok {
		return ""
	}
	l := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	if label, ok := info.labels[Language(l)]; ok {
		return label
	}
	return info.labels[LangEN]
}

var sseStatusOrder = []SSEStatusType{
	SSEFrESAT, SSEFrEA, SSEFrEATT, SSEFrSIAEEI, SSEFrSIAEACI, SSEFrSIAEAI, SSEFrSIAEETTI, SSEFrSIAEEITI,
	SSEFrGEIQ, SSEFrESUS, SSEFrSCOP, SSEFrSCIC, SSEFrAssociation,
	SSEDeWfbM, SSEDeInklusionsbetrieb, SSEDeSozialunternehmen, SSEDeGemeinnuetzig,
	SSEBeETA, SSEBeEntrepriseInsertion, SSEBeEntrepriseSociale, SSEBeCooperativeAgreee,
	SSELuSIS, SSELuAtelierProtege, SSELuInitiativeSocialeEmploi, SSELuAssociationFondation,
}

var sseStatuses = map[SSEStatusType]sseStatusInfo{
	SSEFrESAT: {"FR", SSECategorySheltered, map[Language]string{
		LangFR: "ESAT (établissement et service d'aide par le travail)",
		LangDE: "ESAT (französische Werkstatt für Menschen mit Behinderungen)",
		LangEN: "ESAT (French sheltered work establishment for disabled people)",
		LangNL: "ESAT (Franse beschutte werkplaats voor mensen met een handicap)",
	}},
	SSEFrEA: {"FR", SSECategorySheltered, map[Language]string{
		LangFR: "EA (entreprise adaptée)",
		LangDE: "EA (französisches Inklusionsunternehmen, entreprise adaptée)",
		LangEN: "EA (French adapted enterprise employing mainly disabled workers)",
		LangNL: "EA (Frans aangepast bedrijf met vooral werknemers met een handicap)",
	}},
	SSEFrEATT: {"FR", SSECategorySheltered, map[Language]string{
		LangFR: "EATT (entreprise adaptée de travail temporaire)",
		LangDE: "EATT (französisches Inklusions-Zeitarbeitsunternehmen)",
		LangEN: "EATT (French adapted temporary-work agency)",
		LangNL: "EATT (Frans aangepast uitzendbureau)",
	}},
	SSEFrSIAEEI: {"FR", SSECategoryIntegration, map[Language]string{
		LangFR: "EI (entreprise d'insertion), SIAE",
		LangDE: "EI (französisches Integrationsunternehmen, entreprise d'insertion)",
		LangEN: "EI (French work-integration enterprise)",
		LangNL: "EI (Frans inschakelingsbedrijf, entreprise d'insertion)",
	}},
	SSEFrSIAEACI: {"FR", SSECategoryIntegration, map[Language]string{
		LangFR: "ACI (atelier et chantier d'insertion), SIAE",
		LangDE: "ACI (französische Beschäftigungs- und Qualifizierungswerkstatt zur Eingliederung)",
		LangEN: "ACI (French integration workshop and worksite)",
		LangNL: "ACI (Franse werkplaats en bouwplaats voor inschakeling)",
	}},
	SSEFrSIAEAI: {"FR", SSECategoryIntegration, map[Language]string{
		LangFR: "AI (association intermédiaire), SIAE",
		LangDE: "AI (französischer gemeinnütziger Verein, der Menschen zur Eingliederung an Arbeitgeber vermittelt)",
		LangEN: "AI (French intermediary association placing people in integration work)",
		LangNL: "AI (Franse intermediaire vereniging die mensen in inschakelingswerk plaatst)",
	}},
	SSEFrSIAEETTI: {"FR", SSECategoryIntegration, map[Language]string{
		LangFR: "ETTI (entreprise de travail temporaire d'insertion), SIAE",
		LangDE: "ETTI (französisches Integrations-Zeitarbeitsunternehmen)",
		LangEN: "ETTI (French work-integration temporary-work agency)",
		LangNL: "ETTI (Frans uitzendbureau voor inschakeling)",
	}},
	SSEFrSIAEEITI: {"FR", SSECategoryIntegration, map[Language]string{
		LangFR: "EITI (entreprise d'insertion par le travail indépendant), SIAE",
		LangDE: "EITI (französisches Integrationsunternehmen über selbstständige Tätigkeit)",
		LangEN: "EITI (French integration enterprise through self-employment)",
		LangNL: "EITI (Frans inschakelingsbedrijf via zelfstandig werk)",
	}},
	SSEFrGEIQ: {"FR", SSECategoryIntegration, map[Language]string{
		LangFR: "GEIQ (groupement d'employeurs pour l'insertion et la qualification)",
		LangDE: "GEIQ (französischer Arbeitgeberzusammenschluss für Eingliederung und Qualifizierung)",
		LangEN: "GEIQ (French employers' group for integration and qualification)",
		LangNL: "GEIQ (Franse werkgeversgroepering voor inschakeling en kwalificatie)",
	}},
	SSEFrESUS: {"FR", SSECategorySocialEconomy, map[Language]string{
		LangFR: "Agrément ESUS (entreprise solidaire d'utilité sociale)",
		LangDE: "ESUS-Anerkennung (französisches solidarisches Unternehmen von sozialem Nutzen)",
		LangEN: "ESUS approval (French solidarity enterprise of social utility)",
		LangNL: "ESUS-erkenning (Franse solidaire onderneming van maatschappelijk nut)",
	}},
	SSEFrSCOP: {"FR", SSECategorySocialEconomy, map[Language]string{
		LangFR: "SCOP (société coopérative et participative)",
		LangDE: "SCOP (französische Produktivgenossenschaft der Beschäftigten)",
		LangEN: "SCOP (French worker cooperative)",
		LangNL: "SCOP (Franse werknemerscoöperatie)",
	}},
	SSEFrSCIC: {"FR", SSECategorySocialEconomy, map[Language]string{
		LangFR: "SCIC (société coopérative d'intérêt collectif)",
		LangDE: "SCIC (französische Genossenschaft von kollektivem Interesse)",
		LangEN: "SCIC (French multi-stakeholder cooperative of collective interest)",
		LangNL: "SCIC (Franse coöperatie van collectief belang)",
	}},
	SSEFrAssociation: {"FR", SSECategorySocialEconomy, map[Language]string{
		LangFR: "Association (loi de 1901 ou droit local d'Alsace-Moselle)",
		LangDE: "Französischer Verein (Gesetz von 1901 oder Lokalrecht Elsass-Mosel)",
		LangEN: "French association (1901 law or Alsace-Moselle local law)",
		LangNL: "Franse vereniging (wet van 1901 of lokaal recht van de Elzas en de Moezel)",
	}},
	SSEDeWfbM: {"DE", SSECategorySheltered, map[Language]string{
		LangFR: "WfbM (atelier allemand pour personnes handicapées, Werkstatt für behinderte Menschen)",
		LangDE: "WfbM (Werkstatt für behinderte Menschen)",
		LangEN: "WfbM (German sheltered workshop for disabled people)",
		LangNL: "WfbM (Duitse beschutte werkplaats voor mensen met een handicap)",
	}},
	SSEDeInklusionsbetrieb: {"DE", SSECategorySheltered, map[Language]string{
		LangFR: "Inklusionsbetrieb (entreprise inclusive allemande)",
		LangDE: "Inklusionsbetrieb",
		LangEN: "Inklusionsbetrieb (German inclusion enterprise)",
		LangNL: "Inklusionsbetrieb (Duits inclusiebedrijf)",
	}},
	SSEDeSozialunternehmen: {"DE", SSECategorySocialEconomy, map[Language]string{
		LangFR: "Sozialunternehmen (entreprise sociale allemande)",
		LangDE: "Sozialunternehmen",
		LangEN: "Sozialunternehmen (German social enterprise)",
		LangNL: "Sozialunternehmen (Duitse sociale onderneming)",
	}},
	SSEDeGemeinnuetzig: {"DE", SSECategorySocialEconomy, map[Language]string{
		LangFR: "Société ou coopérative allemande d'intérêt général (gemeinnützige GmbH / eG)",
		LangDE: "Gemeinnützige GmbH / eG",
		LangEN: "German public-benefit company or cooperative (gemeinnützige GmbH / eG)",
		LangNL: "Duitse vennootschap of coöperatie van algemeen nut (gemeinnützige GmbH / eG)",
	}},
	SSEBeETA: {"BE", SSECategorySheltered, map[Language]string{
		LangFR: "ETA (entreprise de travail adapté) / maatwerkbedrijf",
		LangDE: "ETA / Maatwerkbedrijf (belgisches Unternehmen für angepasste Arbeit)",
		LangEN: "ETA / maatwerkbedrijf (Belgian adapted-work enterprise)",
		LangNL: "Maatwerkbedrijf / ETA (entreprise de travail adapté)",
	}},
	SSEBeEntrepriseInsertion: {"BE", SSECategoryIntegration, map[Language]string{
		LangFR: "Entreprise d'insertion",
		LangDE: "Eingliederungsunternehmen (Belgien, entreprise d'insertion)",
		LangEN: "Work-integration enterprise (Belgium, entreprise d'insertion)",
		LangNL: "Inschakelingsonderneming (entreprise d'insertion)",
	}},
	SSEBeEntrepriseSociale: {"BE", SSECategorySocialEconomy, map[Language]string{
		LangFR: "Agrément entreprise sociale",
		LangDE: "Anerkennung als Sozialunternehmen (Belgien)",
		LangEN: "Social enterprise approval (Belgium)",
		LangNL: "Erkenning als sociale onderneming",
	}},
	SSEBeCooperativeAgreee: {"BE", SSECategorySocialEconomy, map[Language]string{
		LangFR: "Société coopérative agréée",
		LangDE: "Anerkannte Genossenschaft (Belgien)",
		LangEN: "Approved cooperative (Belgium)",
		LangNL: "Erkende coöperatieve vennootschap",
	}},
	SSELuSIS: {"LU", SSECategorySocialEconomy, map[Language]string{
		LangFR: "SIS (société d'impact sociétal)",
		LangDE: "SIS (luxemburgische Gesellschaft mit gesellschaftlicher Wirkung, société d'impact sociétal)",
		LangEN: "SIS (Luxembourg societal impact company)",
		LangNL: "SIS (Luxemburgse vennootschap met maatschappelijke impact)",
	}},
	SSELuAtelierProtege: {"LU", SSECategorySheltered, map[Language]string{
		LangFR: "Atelier protégé",
		LangDE: "Beschützende Werkstätte (Luxemburg, atelier protégé)",
		LangEN: "Sheltered workshop (Luxembourg, atelier protégé)",
		LangNL: "Beschutte werkplaats (Luxemburg, atelier protégé)",
	}},
	SSELuInitiativeSocialeEmploi: {"LU", SSECategoryIntegration, map[Language]string{
		LangFR: "Initiative sociale en faveur de l'emploi",
		LangDE: "Soziale Beschäftigungsinitiative (Luxemburg, initiative sociale en faveur de l'emploi)",
		LangEN: "Social employment initiative (Luxembourg, initiative sociale en faveur de l'emploi)",
		LangNL: "Sociaal werkgelegenheidsinitiatief (Luxemburg, initiative sociale en faveur de l'emploi)",
	}},
	SSELuAssociationFondation: {"LU", SSECategorySocialEconomy, map[Language]string{
		LangFR: "Association sans but lucratif (asbl) ou fondation",
		LangDE: "Vereinigung ohne Gewinnzweck (asbl) oder Stiftung (Luxemburg)",
		LangEN: "Non-profit association (asbl) or foundation (Luxembourg)",
		LangNL: "Vereniging zonder winstoogmerk (asbl) of stichting (Luxemburg)",
	}},
}

// VerificationState is where a supplier's SSE status stands in the
// moderators' verification (DOMAIN.md, "Supplier verification").
type VerificationState string

// The verification states.
const (
	// VerificationUnverified means no evidence has been submitted yet.
	VerificationUnverified VerificationState = "unverified"
	// VerificationPending means evidence waits for a moderator.
	VerificationPending VerificationState = "pending"
	// VerificationVerified means a moderator accepted the evidence; the status
	// carries a valid-until date.
	VerificationVerified VerificationState = "verified"
	// VerificationRejected means a moderator refused the evidence.
	VerificationRejected VerificationState = "rejected"
)

// Valid reports whether s is a known state.
func (s VerificationState) Valid() bool {
	switch s {
	case VerificationUnverified, VerificationPending, VerificationVerified, VerificationRejected:
		return true
	}
	return false
}

// Name names the state in every language, as an attribute of a status
// ("this status is already verified", "ce statut est déjà vérifié"). The
// English is the state itself; an unknown state is named as it is.
func (s VerificationState) Name() Msg {
	if m, ok := verificationStateNames[s]; ok {
		return m
	}
	return Msg{EN: string(s)}
}

var verificationStateNames = map[VerificationState]Msg{
	VerificationUnverified: {EN: "unverified", FR: "non vérifié", DE: "ungeprüft", NL: "niet geverifieerd"},
	VerificationPending:    {EN: "pending", FR: "en attente de vérification", DE: "in Prüfung", NL: "in afwachting van verificatie"},
	VerificationVerified:   {EN: "verified", FR: "vérifié", DE: "geprüft", NL: "geverifieerd"},
	VerificationRejected:   {EN: "rejected", FR: "refusé", DE: "abgelehnt", NL: "geweigerd"},
}

// CanBecome reports whether a status in state s may move to next:
// unverified → pending → verified | rejected; rejected → pending when the
// supplier resubmits; verified → pending when its evidence changes, since
// eligibility may only rest on evidence a moderator has seen. Expiry is not
// a transition: a verified status keeps its valid-until date and counts as
// lapsed after it; renewing it means new evidence, hence pending.
func (s VerificationState) CanBecome(next VerificationState) bool {
	switch s {
	case VerificationUnverified, VerificationRejected, VerificationVerified:
		return next == VerificationPending
	case VerificationPending:
		return next == VerificationVerified || next == VerificationRejected
	}
	return false
}
