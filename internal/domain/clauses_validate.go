package domain

import (
	"fmt"
	"math"
	"net/mail"
	"slices"
	"strings"
	"unicode/utf8"
)

// Bounds of a lot's clauses.
const (
	MaxClauseJustificationRunes  = 2000
	MaxStrategicDescriptionRunes = 4000
	MaxExecutionConditionsRunes  = 10000
	MaxAwardCriteria             = 20
	MaxCriterionNameRunes        = 200
	MaxCriterionDescriptionRunes = 2000
	MaxInsertionHours            = 1_000_000
	maxFacilitatorNameRunes      = 200
	maxFacilitatorOrgRunes       = 300
	maxFacilitatorEmailLength    = 254
	maxFacilitatorPhoneRunes     = 30
	// weightSumTolerance absorbs float rounding in percentages that add up
	// to 100 (33.33 + 33.33 + 33.34).
	weightSumTolerance = 0.001
)

// ClauseContext is what Validate needs to know about the lot beyond its
// clauses.
type ClauseContext struct {
	// BuyerCountry is the ISO code of the buyer organisation's country:
	// it decides which national legal bases the lot may cite.
	BuyerCountry string
	// CPVCodes are the lot's CPV codes: an article 77 basis (FR_L2113_15,
	// EU_ART77) may only reserve the services that article lists.
	CPVCodes []string
}

// Normalize trims the clauses' texts.
func (c LotClauses) Normalize() LotClauses {
	c.ReservedExecutionJustification = strings.TrimSpace(c.ReservedExecutionJustification)
	c.StrategicDescription = strings.TrimSpace(c.StrategicDescription)
	c.AccessibilityJustification = strings.TrimSpace(c.AccessibilityJustification)
	c.ExecutionConditions = strings.TrimSpace(c.ExecutionConditions)
	if c.Insertion != nil {
		in := *c.Insertion
		if in.Facilitator != nil {
			f := *in.Facilitator
			f.Name = strings.Join(strings.Fields(f.Name), " ")
			f.Organisation = strings.Join(strings.Fields(f.Organisation), " ")
			f.Email = strings.TrimSpace(f.Email)
			f.Phone = strings.TrimSpace(f.Phone)
			in.Facilitator = &f
		}
		c.Insertion = &in
	}
	if len(c.AwardCriteria) > 0 {
		criteria := make([]AwardCriterion, len(c.AwardCriteria))
		for i, a := range c.AwardCriteria {
			a.Name = strings.Join(strings.Fields(a.Name), " ")
			a.Description = strings.TrimSpace(a.Description)
			criteria[i] = a
		}
		c.AwardCriteria = criteria
	}
	return c
}

// Validate checks c (normalized) for a lot in ctx and names every wrong
// field under prefix ("body.lots[0].clauses" gives
// "body.lots[0].clauses.reserved_participation"), with its explanation in
// fr, de, en and nl. The rules, beyond codes and lengths:
//   - a reserved lot (res-ws, res-pub-ser) cites one legal basis of that
//     reservation, available to the buyer's country (LegalBasis.AvailableTo),
//     or FR_L2113_12 with FR_L2113_13; an unreserved lot cites none;
//   - an article 77 basis needs the lot's CPV codes, all in that article's list;
//   - strategic procurement "none" stands alone; soc-obj needs social
//     objectives and env-imp green objectives, which need them in turn;
//   - n-inc-just needs its justification, which the other codes do not take;
//   - an insertion clause gives hours or a labour share (one of them), at
//     least one eligible group and one way to meet it;
//   - award criteria share one weight type; percentages add up to 100,
//     ranks are 1, 2, 3…; only a quality criterion may be social.
func (c LotClauses) Validate(ctx ClauseContext, prefix string) *ValidationError {
	ve := &ValidationError{}
	p := func(name string) string { return joinPath(prefix, name) }

	checkCode(ve, p("reserved_participation"), string(c.ReservedParticipation), c.ReservedParticipation.Valid(),
		codeStrings(reservedParticipationCodes))
	c.validateLegalBases(ve, ctx, p("legal_bases"))

	checkCode(ve, p("reserved_execution"), string(c.ReservedExecution), c.ReservedExecution.Valid(),
		codeStrings(reservedExecutionCodes))
	checkRunes(ve, p("reserved_execution_justification"), c.ReservedExecutionJustification, 0,
		MaxClauseJustificationRunes, nounJustification)

	c.validateStrategic(ve, prefix)

	checkCode(ve, p("accessibility"), string(c.Accessibility), c.Accessibility.Valid(), codeStrings(accessibilityCodes))
	switch {
	case c.Accessibility == AccessibilityNotJustified && c.AccessibilityJustification == "":
		ve.AddLocalized(p("accessibility_justification"), "required", msgRequired.With(nounJustification))
	case c.Accessibility.Valid() && c.Accessibility != AccessibilityNotJustified && c.AccessibilityJustification != "":
		ve.AddLocalized(p("accessibility_justification"), "not_allowed", msgOnlyWith.With("n-inc-just"))
	default:
		checkRunes(ve, p("accessibility_justification"), c.AccessibilityJustification, 0, MaxClauseJustificationRunes, nounJustification)
	}

	checkRunes(ve, p("execution_conditions"), c.ExecutionConditions, 0, MaxExecutionConditionsRunes, nounExecutionConditions)
	if c.Insertion != nil {
		c.Insertion.validate(ve, p("insertion"))
	}
	validateAwardCriteria(ve, c.AwardCriteria, p("award_criteria"))
	return ve
}

func (c LotClauses) validateLegalBases(ve *ValidationError, ctx ClauseContext, field string) {
	if !c.Reserved() {
		if len(c.LegalBases) > 0 && c.ReservedParticipation.Valid() {
			ve.AddLocalized(field, "not_allowed", Msg{
				EN: "participation is not reserved: remove the legal basis, or reserve the lot",
				FR: "la participation n'est pas réservée : retirez le fondement juridique, ou réservez le lot",
				DE: "die Teilnahme ist nicht vorbehalten: entfernen Sie die Rechtsgrundlage oder behalten Sie das Los vor",
				NL: "deelname is niet voorbehouden: verwijder de rechtsgrond of behoud het perceel voor",
			}.With())
		}
		return
	}
	if len(c.LegalBases) == 0 {
		ve.AddLocalized(field, "required", Msg{
			EN: "a reserved lot needs its legal basis (%[1]s)",
			FR: "un lot réservé doit indiquer son fondement juridique (%[1]s)",
			DE: "ein vorbehaltenes Los braucht seine Rechtsgrundlage (%[1]s)",
			NL: "een voorbehouden perceel heeft een rechtsgrond nodig (%[1]s)",
		}.With(strings.Join(codeStrings(LegalBasesFor(ctx.BuyerCountry, c.ReservedParticipation)), ", ")))
		return
	}
	if len(c.LegalBases) > 2 || len(c.LegalBases) == 2 && !c.LegalBases[0].CombinableWith(c.LegalBases[1]) {
		ve.AddLocalized(field, "not_combinable", Msg{
			EN: "cite one legal basis; only FR_L2113_12 and FR_L2113_13 may be combined",
			FR: "indiquez un seul fondement juridique ; seuls FR_L2113_12 et FR_L2113_13 peuvent être combinés",
			DE: "geben Sie eine Rechtsgrundlage an; nur FR_L2113_12 und FR_L2113_13 lassen sich verbinden",
			NL: "geef één rechtsgrond op; alleen FR_L2113_12 en FR_L2113_13 mogen worden gecombineerd",
		}.With())
	}
	for i, b := range c.LegalBases {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !b.Valid():
			ve.AddLocalized(f, "invalid", msgNotOneOf.With(string(b), strings.Join(codeStrings(legalBasisOrder), ", ")))
		case slices.Index(c.LegalBases, b) < i:
			ve.AddLocalized(f, "duplicate", msgDuplicate.With(string(b)))
		case b.Reservation() != c.ReservedParticipation:
			ve.AddLocalized(f, "wrong_reservation", Msg{
				EN: "%[1]s goes with reserved participation %[2]q, not %[3]q",
				FR: "%[1]s va avec la participation réservée %[2]q, et non %[3]q",
				DE: "%[1]s gehört zur vorbehaltenen Teilnahme %[2]q, nicht %[3]q",
				NL: "%[1]s hoort bij voorbehouden deelname %[2]q, niet %[3]q",
			}.With(string(b), string(b.Reservation()), string(c.ReservedParticipation)))
		case !b.AvailableTo(ctx.BuyerCountry):
			ve.AddLocalized(f, "wrong_country", Msg{
				EN: "%[1]s is the law of %[2]s; a buyer from %[3]s cites %[4]s",
				FR: "%[1]s relève du droit d'un autre pays (%[2]s) ; un acheteur de ce pays (%[3]s) indique %[4]s",
				DE: "%[1]s ist Recht eines anderen Landes (%[2]s); ein Auftraggeber aus diesem Land (%[3]s) nennt %[4]s",
				NL: "%[1]s is het recht van een ander land (%[2]s); een aankoper uit dit land (%[3]s) vermeldt %[4]s",
			}.With(string(b), countryMsg(b.Country()), countryMsg(strings.ToUpper(ctx.BuyerCountry)),
				strings.Join(codeStrings(LegalBasesFor(ctx.BuyerCountry, b.Reservation())), ", ")))
		case b.SocialServicesOnly():
			if len(ctx.CPVCodes) == 0 {
				ve.AddLocalized(f, "cpv_required", Msg{
					EN: "%[1]s only reserves the health, social and cultural services of article 77: give the lot's CPV codes",
					FR: "%[1]s ne réserve que les services de santé, sociaux et culturels de l'article 77 : indiquez les codes CPV du lot",
					DE: "%[1]s erlaubt nur Gesundheits-, Sozial- und kulturelle Dienstleistungen nach Artikel 77: geben Sie die CPV-Codes des Loses an",
					NL: "%[1]s behoudt alleen de gezondheids-, sociale en culturele diensten van artikel 77 voor: geef de CPV-codes van het perceel",
				}.With(string(b)))
				continue
			}
			for _, code := range ctx.CPVCodes {
				if !IsArticle77CPV(code) {
					ve.AddLocalized(f, "not_social_service", Msg{
						EN: "%[1]s only reserves the health, social and cultural services of article 77, and CPV %[2]s is not one of them",
						FR: "%[1]s ne réserve que les services de santé, sociaux et culturels de l'article 77, et le CPV %[2]s n'en fait pas partie",
						DE: "%[1]s erlaubt nur Gesundheits-, Sozial- und kulturelle Dienstleistungen nach Artikel 77, und CPV %[2]s gehört nicht dazu",
						NL: "%[1]s behoudt alleen de gezondheids-, sociale en culturele diensten van artikel 77 voor, en CPV %[2]s hoort daar niet bij",
					}.With(string(b), code))
					break
				}
			}
		}
	}
}

func (c LotClauses) validateStrategic(ve *ValidationError, prefix string) {
	field := joinPath(prefix, "strategic_procurement")
	if len(c.StrategicProcurement) == 0 {
		ve.AddLocalized(field, "required", msgRequired.With(Msg{
			EN: "the strategic procurement (or none)", FR: "la passation de marché stratégique (ou none)",
			DE: "die strategische Beschaffung (oder none)", NL: "de strategische aanbesteding (of none)",
		}))
	}
	for i, s := range c.StrategicProcurement {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !s.Valid():
			ve.AddLocalized(f, "invalid", msgNotOneOf.With(string(s), strings.Join(codeStrings(strategicProcurementCodes), ", ")))
		case slices.Index(c.StrategicProcurement, s) < i:
			ve.AddLocalized(f, "duplicate", msgDuplicate.With(string(s)))
		case s == StrategicNone && len(c.StrategicProcurement) > 1:
			ve.AddLocalized(f, "exclusive", Msg{
				EN: "“none” cannot go with other strategic procurement codes",
				FR: "« none » ne peut pas accompagner d'autres codes de passation stratégique",
				DE: "„none“ kann nicht mit anderen Codes der strategischen Beschaffung stehen",
				NL: "„none” kan niet samengaan met andere codes voor strategische aanbesteding",
			}.With())
		}
	}
	checkRunes(ve, joinPath(prefix, "strategic_description"), c.StrategicDescription, 0, MaxStrategicDescriptionRunes,
		Msg{EN: "the description", FR: "la description", DE: "die Beschreibung", NL: "de beschrijving"})

	social := slices.Contains(c.StrategicProcurement, StrategicSocial)
	green := slices.Contains(c.StrategicProcurement, StrategicEnvironment)
	validateObjectives(ve, joinPath(prefix, "social_objectives"), codeStrings(c.SocialObjectives), social, "soc-obj",
		func(s string) bool { return SocialObjective(s).Valid() }, codeStrings(socialObjectiveCodes))
	validateObjectives(ve, joinPath(prefix, "green_objectives"), codeStrings(c.GreenObjectives), green, "env-imp",
		func(s string) bool { return GreenObjective(s).Valid() }, codeStrings(greenObjectiveCodes))
}

// validateObjectives checks BT-775 or BT-774: required when the lot's BT-06
// carries trigger, refused otherwise.
func validateObjectives(ve *ValidationError, field string, codes []string, wanted bool, trigger string,
	valid func(string) bool, all []string) {
	switch {
	case wanted && len(codes) == 0:
		ve.AddLocalized(field, "required", Msg{
			EN: "strategic procurement %[1]q needs at least one objective",
			FR: "la passation stratégique %[1]q demande au moins un objectif",
			DE: "die strategische Beschaffung %[1]q braucht mindestens ein Ziel",
			NL: "strategische aanbesteding %[1]q vraagt minstens één doelstelling",
		}.With(trigger))
		return
	case !wanted && len(codes) > 0:
		ve.AddLocalized(field, "not_allowed", msgOnlyWith.With(trigger))
		return
	}
	for i, c := range codes {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !valid(c):
			ve.AddLocalized(f, "invalid", msgNotOneOf.With(c, strings.Join(all, ", ")))
		case slices.Index(codes, c) < i:
			ve.AddLocalized(f, "duplicate", msgDuplicate.With(c))
		}
	}
}

func (in InsertionClause) validate(ve *ValidationError, prefix string) {
	switch {
	case in.Hours == nil && in.LabourShare == nil:
		ve.AddLocalized(joinPath(prefix, "hours"), "required", msgHoursOrShare.With())
	case in.Hours != nil && in.LabourShare != nil:
		ve.AddLocalized(joinPath(prefix, "labour_share"), "not_allowed", msgHoursOrShare.With())
	case in.Hours != nil && (*in.Hours < 1 || *in.Hours > MaxInsertionHours):
		ve.AddLocalized(joinPath(prefix, "hours"), "out_of_range", msgRange.With(1, MaxInsertionHours))
	case in.LabourShare != nil && (math.IsNaN(*in.LabourShare) || *in.LabourShare <= 0 || *in.LabourShare > 100):
		ve.AddLocalized(joinPath(prefix, "labour_share"), "out_of_range", Msg{
			EN: "a percentage above 0 and at most 100", FR: "un pourcentage supérieur à 0 et au plus égal à 100",
			DE: "ein Prozentsatz über 0 und höchstens 100", NL: "een percentage boven 0 en hoogstens 100",
		}.With())
	}
	checkCodes(ve, joinPath(prefix, "eligible_groups"), codeStrings(in.EligibleGroups),
		func(s string) bool { return EligibleGroup(s).Valid() }, codeStrings(eligibleGroupCodes),
		Msg{EN: "at least one eligible group", FR: "au moins un public éligible", DE: "mindestens eine Zielgruppe", NL: "minstens één doelgroep"})
	checkCodes(ve, joinPath(prefix, "means"), codeStrings(in.Means),
		func(s string) bool { return InsertionMeans(s).Valid() }, codeStrings(insertionMeansCodes),
		Msg{EN: "at least one way to meet the clause", FR: "au moins une modalité de mise en œuvre",
			DE: "mindestens eine Art der Umsetzung", NL: "minstens één manier om de clausule na te komen"})
	if f := in.Facilitator; f != nil {
		fp := joinPath(prefix, "facilitator")
		checkRunes(ve, joinPath(fp, "name"), f.Name, 1, maxFacilitatorNameRunes, Msg{EN: "the name", FR: "le nom", DE: "der Name", NL: "de naam"})
		checkRunes(ve, joinPath(fp, "organisation"), f.Organisation, 0, maxFacilitatorOrgRunes,
			Msg{EN: "the organisation", FR: "l'organisation", DE: "die Organisation", NL: "de organisatie"})
		switch {
		case f.Email == "" && f.Phone == "":
			ve.AddLocalized(joinPath(fp, "email"), "required", Msg{
				EN: "give an email address or a phone number", FR: "indiquez une adresse e-mail ou un numéro de téléphone",
				DE: "geben Sie eine E-Mail-Adresse oder eine Telefonnummer an", NL: "geef een e-mailadres of een telefoonnummer",
			}.With())
		case f.Email != "" && !validEmail(f.Email):
			ve.AddLocalized(joinPath(fp, "email"), "invalid", Msg{
				EN: "not a valid email address", FR: "adresse e-mail non valide", DE: "keine gültige E-Mail-Adresse", NL: "geen geldig e-mailadres",
			}.With())
		}
		if f.Phone != "" && !validPhone(f.Phone) {
			ve.AddLocalized(joinPath(fp, "phone"), "invalid", Msg{
				EN: "a phone number of 6 to 15 digits, e.g. +33 3 87 00 00 00",
				FR: "un numéro de téléphone de 6 à 15 chiffres, p. ex. +33 3 87 00 00 00",
				DE: "eine Telefonnummer mit 6 bis 15 Ziffern, z. B. +49 681 000000",
				NL: "een telefoonnummer van 6 tot 15 cijfers, bv. +32 4 000 00 00",
			}.With())
		}
	}
}

func validateAwardCriteria(ve *ValidationError, criteria []AwardCriterion, field string) {
	if len(criteria) > MaxAwardCriteria {
		ve.AddLocalized(field, "too_many", Msg{
			EN: "at most %d award criteria", FR: "%d critères d'attribution au plus",
			DE: "höchstens %d Zuschlagskriterien", NL: "hoogstens %d gunningscriteria",
		}.With(MaxAwardCriteria))
		return
	}
	var sum float64
	percentages, consistent := true, true
	ranks := map[float64]bool{}
	for i, a := range criteria {
		f := fmt.Sprintf("%s[%d]", field, i)
		checkCode(ve, f+".type", string(a.Type), a.Type.Valid(), codeStrings(awardCriterionTypeCodes))
		checkRunes(ve, f+".name", a.Name, 1, MaxCriterionNameRunes, Msg{EN: "the name", FR: "le nom", DE: "der Name", NL: "de naam"})
		checkRunes(ve, f+".description", a.Description, 0, MaxCriterionDescriptionRunes,
			Msg{EN: "the description", FR: "la description", DE: "die Beschreibung", NL: "de beschrijving"})
		checkCode(ve, f+".weight_type", string(a.WeightType), a.WeightType.Valid(), codeStrings(weightTypeCodes))
		if a.WeightType.Valid() && criteria[0].WeightType.Valid() && a.WeightType != criteria[0].WeightType {
			consistent = false
			ve.AddLocalized(f+".weight_type", "mixed", Msg{
				EN: "all criteria of a lot use the same weight type (here %[1]q)",
				FR: "tous les critères d'un lot utilisent le même type de pondération (ici %[1]q)",
				DE: "alle Kriterien eines Loses verwenden dieselbe Gewichtungsart (hier %[1]q)",
				NL: "alle criteria van een perceel gebruiken hetzelfde soort weging (hier %[1]q)",
			}.With(string(criteria[0].WeightType)))
		}
		percentages = percentages && a.WeightType.Percentage()
		switch {
		case math.IsNaN(a.Weight) || math.IsInf(a.Weight, 0) || a.Weight <= 0:
			ve.AddLocalized(f+".weight", "out_of_range", Msg{
				EN: "the weight must be above 0", FR: "la pondération doit être supérieure à 0",
				DE: "die Gewichtung muss über 0 liegen", NL: "de weging moet boven 0 liggen",
			}.With())
		case a.WeightType.Percentage() && a.Weight > 100:
			ve.AddLocalized(f+".weight", "out_of_range", msgRange.With(0, 100))
		case a.WeightType == WeightOrder && (a.Weight != math.Trunc(a.Weight) || a.Weight > float64(len(criteria)) || ranks[a.Weight]):
			ve.AddLocalized(f+".weight", "invalid_rank", Msg{
				EN: "ranks are 1, 2, 3… up to the number of criteria, each used once",
				FR: "les rangs vont de 1 au nombre de critères, chacun une seule fois",
				DE: "Ränge sind 1, 2, 3 … bis zur Zahl der Kriterien, jeder nur einmal",
				NL: "rangen gaan van 1 tot het aantal criteria, elk één keer",
			}.With())
		}
		ranks[a.Weight] = true
		sum += a.Weight
		if a.Social && a.Type.Valid() && a.Type != CriterionQuality {
			ve.AddLocalized(f+".social", "social_not_quality", Msg{
				EN: "only a quality criterion can be a social criterion",
				FR: "seul un critère de qualité peut être un critère social",
				DE: "nur ein Qualitätskriterium kann ein soziales Kriterium sein",
				NL: "alleen een kwaliteitscriterium kan een sociaal criterium zijn",
			}.With())
		}
	}
	if len(criteria) > 0 && percentages && consistent && math.Abs(sum-100) > weightSumTolerance {
		ve.AddLocalized(field, "weights_sum", Msg{
			EN: "percentage weights must add up to 100 (now %[1]s)",
			FR: "les pondérations en pourcentage doivent totaliser 100 (actuellement %[1]s)",
			DE: "Gewichtungen in Prozent müssen zusammen 100 ergeben (jetzt %[1]s)",
			NL: "wegingen in procent moeten samen 100 zijn (nu %[1]s)",
		}.With(percent(math.Round(sum*1000)/1000)))
	}
}

// checkCode reports an empty or unknown code.
func checkCode(ve *ValidationError, field, code string, valid bool, all []string) {
	switch {
	case code == "":
		ve.AddLocalized(field, "required", msgChooseOne.With(strings.Join(all, ", ")))
	case !valid:
		ve.AddLocalized(field, "invalid", msgNotOneOf.With(code, strings.Join(all, ", ")))
	}
}

// checkCodes reports an empty list, unknown codes and duplicates.
func checkCodes(ve *ValidationError, field string, codes []string, valid func(string) bool, all []string, atLeastOne Msg) {
	if len(codes) == 0 {
		ve.AddLocalized(field, "required", msgRequired.With(atLeastOne))
		return
	}
	for i, c := range codes {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !valid(c):
			ve.AddLocalized(f, "invalid", msgNotOneOf.With(c, strings.Join(all, ", ")))
		case slices.Index(codes, c) < i:
			ve.AddLocalized(f, "duplicate", msgDuplicate.With(c))
		}
	}
}

func codeStrings[C ~string](codes []C) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = string(c)
	}
	return out
}

// joinPath appends name to a field path prefix, with a dot when the
// prefix does not end in one.
func joinPath(prefix, name string) string {
	if prefix == "" || strings.HasSuffix(prefix, ".") {
		return prefix + name
	}
	return prefix + "." + name
}

func validEmail(s string) bool {
	if len(s) > maxFacilitatorEmailLength {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".")
}

func validPhone(s string) bool {
	if utf8.RuneCountInString(s) > maxFacilitatorPhoneRunes {
		return false
	}
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '.', r == '-', r == '(', r == ')', r == '/':
		default:
			return false
		}
	}
	return digits >= 6 && digits <= 15
}

var (
	nounJustification       = Msg{EN: "the justification", FR: "la justification", DE: "die Begründung", NL: "de motivering"}
	nounExecutionConditions = Msg{EN: "the execution conditions", FR: "les conditions d'exécution", DE: "die Ausführungsbedingungen",
		NL: "de uitvoeringsvoorwaarden"}
	msgChooseOne = Msg{EN: "choose one of %s", FR: "choisissez l'une des valeurs %s", DE: "wählen Sie einen der Werte %s", NL: "kies een van %s"}
	msgNotOneOf  = Msg{
		EN: "%[1]q is not allowed: use one of %[2]s",
		FR: "%[1]q n'est pas admis : utilisez l'une des valeurs %[2]s",
		DE: "%[1]q ist nicht zulässig: verwenden Sie einen der Werte %[2]s",
		NL: "%[1]q is niet toegestaan: gebruik een van %[2]s",
	}
	msgDuplicate = Msg{EN: "%q is given twice", FR: "%q figure deux fois", DE: "%q ist doppelt angegeben", NL: "%q staat er twee keer"}
	msgOnlyWith  = Msg{
		EN: "only given with %q", FR: "seulement avec %q", DE: "nur zusammen mit %q", NL: "alleen samen met %q",
	}
	msgHoursOrShare = Msg{
		EN: "give either the hours of work or the share of labour, not both",
		FR: "indiquez soit le nombre d'heures, soit la part de la main-d'œuvre, pas les deux",
		DE: "geben Sie entweder die Arbeitsstunden oder den Anteil der Arbeitsleistung an, nicht beides",
		NL: "geef het aantal werkuren of het aandeel van het werk, niet beide",
	}
	msgRange = Msg{
		EN: "a number from %d to %d", FR: "un nombre de %d à %d", DE: "eine Zahl von %d bis %d", NL: "een getal van %d tot %d",
	}
)
