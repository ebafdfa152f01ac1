package domain

import (
	"strconv"
	"strings"
	"time"
)

// EligibilityResult says whether a supplier may take part in a lot.
type EligibilityResult string

// The eligibility results.
const (
	// Eligible: a verified status opens the lot to the supplier.
	Eligible EligibilityResult = "eligible"
	// NotEligible: no verified status does.
	NotEligible EligibilityResult = "not_eligible"
	// EligibilityUnknown: a status might, but a fact is missing (the share
	// of disabled or disadvantaged workers, or the lot's legal basis).
	EligibilityUnknown EligibilityResult = "unknown"
)

// Reason codes of an eligibility verdict (Reason.Code), stable for clients.
const (
	ReasonNotReserved         = "not_reserved"
	ReasonExecutionReserved   = "execution_reserved"
	ReasonNoLegalBasis        = "no_legal_basis"
	ReasonNoVerifiedStatus    = "no_verified_status"
	ReasonQualifies           = "qualifies"
	ReasonEquivalentStructure = "equivalent_structure"
	ReasonShareBelowMinimum   = "share_below_minimum"
	ReasonShareUnknown        = "share_unknown"
	ReasonCategoryNotAccepted = "category_not_accepted"
	ReasonRepeatAwardBarred   = "repeat_award_barred"
)

// EligibilitySupplier is what eligibility is decided from: the supplier's
// country, its verified statuses and its past reserved awards.
type EligibilitySupplier struct {
	// Country is the ISO code of the supplier organisation's country; a
	// supplier from another country than a national basis's takes part as
	// an equivalent structure (ReasonEquivalentStructure). Empty: the
	// country of each status is used.
	Country string
	// VerifiedStatuses are the statuses a moderator verified (from
	// core.VerifiedStatuses); Eligibility still ignores any that does not
	// count at the instant asked (SSEStatus.Counts).
	VerifiedStatuses []SSEStatus
	// ReservedAwardsFromBuyer are the contracts the supplier won from the
	// lot's buyer under an article 77 basis (FR_L2113_15, EU_ART77): such
	// a winner may not win again on that basis for RepeatAwardBarYears.
	ReservedAwardsFromBuyer []ReservedAward
}

// ReservedAward is a contract a supplier won under a legal basis.
type ReservedAward struct {
	Basis     LegalBasis
	AwardedAt time.Time
}

// Reason is one fact behind an eligibility verdict, in every language.
type Reason struct {
	Code string
	// Basis and StatusType name what the reason is about, when it is
	// about one legal basis or one status.
	Basis      LegalBasis
	StatusType SSEStatusType
	Messages   map[Language]string
}

// Text is the reason in lang (fr, de, en, nl; others: English).
func (r Reason) Text(lang string) string { return r.Messages[languageOf(lang)] }

// EligibilityVerdict is the answer for one supplier and one lot.
type EligibilityVerdict struct {
	Result  EligibilityResult
	Reasons []Reason
}

// Eligibility decides whether supplier may take part in a lot with
// clauses at instant at, from verified statuses only:
//   - a lot whose participation is not reserved is open to every supplier;
//   - a reserved lot is open to a supplier holding a status that counts at
//     at, of a category one of the lot's legal bases accepts (sheltered,
//     integration or social economy: SSEStatusType.Category), with at least
//     the basis's minimum share of disabled or disadvantaged workers. A
//     status missing its share, where a minimum applies, makes the answer
//     unknown rather than a refusal: the supplier may only have to add it;
//   - statuses of any EU country count as equivalent structures (a
//     Luxembourg atelier protégé with 40 % opens a Belgian or German lot,
//     not a French one, whose floor is 50 %);
//   - under an article 77 basis, a supplier that won from the same buyer on
//     such a basis in the last RepeatAwardBarYears is not eligible.
//
// Reasons explain the result: the qualifying facts when eligible, else
// every fact that stood in the way.
func Eligibility(supplier EligibilitySupplier, clauses LotClauses, at time.Time) EligibilityVerdict {
	var notes []Reason
	if clauses.ReservedExecution == ReservedExecutionYes {
		notes = append(notes, Reason{Code: ReasonExecutionReserved, Messages: msgReasonExecutionReserved.With()})
	}
	if !clauses.Reserved() {
		return EligibilityVerdict{Result: Eligible,
			Reasons: append([]Reason{{Code: ReasonNotReserved, Messages: msgReasonNotReserved.With()}}, notes...)}
	}
	var bases []LegalBasis
	for _, b := range clauses.LegalBases {
		if b.Valid() {
			bases = append(bases, b)
		}
	}
	if len(bases) == 0 {
		return EligibilityVerdict{Result: EligibilityUnknown,
			Reasons: append([]Reason{{Code: ReasonNoLegalBasis, Messages: msgReasonNoLegalBasis.With()}}, notes...)}
	}
	var counting []SSEStatus
	for _, s := range supplier.VerifiedStatuses {
		if s.Counts(at) && s.Type.Valid() {
			counting = append(counting, s)
		}
	}
	if len(counting) == 0 {
		return EligibilityVerdict{Result: NotEligible,
			Reasons: append([]Reason{{Code: ReasonNoVerifiedStatus, Messages: msgReasonNoVerifiedStatus.With()}}, notes...)}
	}

	var qualifying, unknown, refusals []Reason
	for _, b := range bases {
		if award, barred := repeatAwardBar(b, supplier.ReservedAwardsFromBuyer, at); barred {
			until := award.AwardedAt.AddDate(RepeatAwardBarYears, 0, 0)
			refusals = append(refusals, Reason{Code: ReasonRepeatAwardBarred, Basis: b, Messages: msgReasonRepeatAward.With(
				legalBases[b].label, award.Basis.label(), award.AwardedAt.UTC().Format(time.DateOnly), until.UTC().Format(time.DateOnly))})
			continue
		}
		minimum, hasMinimum := b.MinimumShare()
		for _, s := range counting {
			status, basis := s.Type.labelMsg(), legalBases[b].label
			switch {
			case !b.Accepts(s.Type):
				refusals = append(refusals, Reason{Code: ReasonCategoryNotAccepted, Basis: b, StatusType: s.Type,
					Messages: msgReasonCategory.With(status, basis, categoriesMsg(b))})
			case hasMinimum && s.DisabledShare == nil:
				unknown = append(unknown, Reason{Code: ReasonShareUnknown, Basis: b, StatusType: s.Type,
					Messages: msgReasonShareUnknown.With(status, basis, percent(minimum))})
			case hasMinimum && *s.DisabledShare < minimum:
				refusals = append(refusals, Reason{Code: ReasonShareBelowMinimum, Basis: b, StatusType: s.Type,
					Messages: msgReasonShareBelow.With(status, basis, percent(*s.DisabledShare), percent(minimum))})
			default:
				r := Reason{Code: ReasonQualifies, Basis: b, StatusType: s.Type, Messages: msgReasonQualifies.With(status, basis)}
				if hasMinimum {
					r.Messages = msgReasonQualifiesShare.With(status, basis, percent(*s.DisabledShare), percent(minimum))
				}
				qualifying = append(qualifying, r)
				if from := supplierCountry(supplier, s); b.Country() != "" && from != b.Country() {
					qualifying = append(qualifying, Reason{Code: ReasonEquivalentStructure, Basis: b, StatusType: s.Type,
						Messages: msgReasonEquivalent.With(status, countryMsg(from), basis)})
				}
			}
		}
	}
	switch {
	case len(qualifying) > 0:
		return EligibilityVerdict{Result: Eligible, Reasons: append(qualifying, notes...)}
	case len(unknown) > 0:
		return EligibilityVerdict{Result: EligibilityUnknown, Reasons: append(append(unknown, refusals...), notes...)}
	}
	return EligibilityVerdict{Result: NotEligible, Reasons: append(refusals, notes...)}
}

// supplierCountry is the country a supplier takes part from: its own, or
// failing that the one that granted the status.
func supplierCountry(supplier EligibilitySupplier, s SSEStatus) string {
	if c := strings.ToUpper(strings.TrimSpace(supplier.Country)); c != "" {
		return c
	}
	return s.Type.Country()
}

// repeatAwardBar finds an award that bars the supplier from winning again
// under b at instant at. The article 77 bases are one rule (FR_L2113_15
// transposes article 77), so an award under either bars both.
func repeatAwardBar(b LegalBasis, awards []ReservedAward, at time.Time) (ReservedAward, bool) {
	if !b.BarsRepeatAward() {
		return ReservedAward{}, false
	}
	for _, a := range awards {
		if a.Basis.BarsRepeatAward() && !a.AwardedAt.After(at) && at.Before(a.AwardedAt.AddDate(RepeatAwardBarYears, 0, 0)) {
			return a, true
		}
	}
	return ReservedAward{}, false
}

func (b LegalBasis) label() Msg { return legalBases[b].label }

// labelMsg is the status type's name in every language, as a Msg to slot
// into a sentence.
func (t SSEStatusType) labelMsg() Msg {
	l := sseStatuses[t].labels
	return Msg{EN: l[LangEN], FR: l[LangFR], DE: l[LangDE], NL: l[LangNL]}
}

// percent writes a share with the decimal mark of each language.
func percent(v float64) Msg {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	c := strings.Replace(s, ".", ",", 1)
	return Msg{EN: s, FR: c, DE: c, NL: c}
}

var countryNames = map[string]Msg{
	"FR": {EN: "France", FR: "France", DE: "Frankreich", NL: "Frankrijk"},
	"DE": {EN: "Germany", FR: "Allemagne", DE: "Deutschland", NL: "Duitsland"},
	"BE": {EN: "Belgium", FR: "Belgique", DE: "Belgien", NL: "België"},
	"LU": {EN: "Luxembourg", FR: "Luxembourg", DE: "Luxemburg", NL: "Luxemburg"},
}

func countryMsg(code string) Msg {
	if m, ok := countryNames[code]; ok {
		return m
	}
	return Msg{EN: code}
}

var categoryNames = map[string]Msg{
	SSECategorySheltered:     {EN: "sheltered workshops", FR: "les structures de travail protégé", DE: "Werkstätten und Inklusionsbetriebe", NL: "beschutte werkplaatsen"},
	SSECategoryIntegration:   {EN: "work-integration structures", FR: "les structures d'insertion", DE: "Einrichtungen der Arbeitsmarktintegration", NL: "inschakelingsstructuren"},
	SSECategorySocialEconomy: {EN: "social economy companies", FR: "les entreprises de l'économie sociale", DE: "Unternehmen der Sozialwirtschaft", NL: "ondernemingen van de sociale economie"},
}

// categoriesMsg lists the categories b accepts, joined by "or" in each language.
func categoriesMsg(b LegalBasis) Msg {
	or := Msg{EN: " or ", FR: " ou ", DE: " oder ", NL: " of "}
	var out Msg
	for i, c := range legalBases[b].categories {
		n := categoryNames[c]
		if i > 0 {
			out.EN, out.FR, out.DE, out.NL = out.EN+or.EN, out.FR+or.FR, out.DE+or.DE, out.NL+or.NL
		}
		out.EN, out.FR, out.DE, out.NL = out.EN+n.EN, out.FR+n.FR, out.DE+n.DE, out.NL+n.NL
	}
	return out
}

var (
	msgReasonNotReserved = Msg{
		EN: "participation in this lot is not reserved: every supplier may respond",
		FR: "la participation à ce lot n'est pas réservée : tout fournisseur peut répondre",
		DE: "die Teilnahme an diesem Los ist nicht vorbehalten: jeder Anbieter kann antworten",
		NL: "deelname aan dit perceel is niet voorbehouden: elke leverancier mag antwoorden",
	}
	msgReasonExecutionReserved = Msg{
		EN: "the contract must be performed within sheltered employment programmes",
		FR: "le marché doit être exécuté dans le cadre de programmes d'emplois protégés",
		DE: "der Auftrag ist im Rahmen von Programmen mit geschützten Beschäftigungsverhältnissen auszuführen",
		NL: "de opdracht moet worden uitgevoerd in het kader van programma's voor beschutte arbeid",
	}
	msgReasonNoLegalBasis = Msg{
		EN: "the lot is reserved but names no legal basis, so eligibility cannot be decided",
		FR: "le lot est réservé mais n'indique aucun fondement juridique : l'éligibilité ne peut pas être déterminée",
		DE: "das Los ist vorbehalten, nennt aber keine Rechtsgrundlage: die Teilnahmeberechtigung lässt sich nicht feststellen",
		NL: "het perceel is voorbehouden maar noemt geen rechtsgrond: de toelaatbaarheid kan niet worden bepaald",
	}
	msgReasonNoVerifiedStatus = Msg{
		EN: "the supplier has no verified SSE status valid on this date, and the lot is reserved",
		FR: "le fournisseur n'a aucun statut ESS vérifié et valide à cette date, et le lot est réservé",
		DE: "der Anbieter hat keinen geprüften, zu diesem Zeitpunkt gültigen Status der Sozialwirtschaft, und das Los ist vorbehalten",
		NL: "de leverancier heeft geen geverifieerde status van de sociale economie die op deze datum geldig is, en het perceel is voorbehouden",
	}
	msgReasonQualifies = Msg{
		EN: "%[1]s is accepted under %[2]s",
		FR: "statut « %[1]s » : accepté au titre de %[2]s",
		DE: "%[1]s wird nach %[2]s zugelassen",
		NL: "%[1]s wordt aanvaard op grond van %[2]s",
	}
	msgReasonQualifiesShare = Msg{
		EN: "%[1]s, with %[3]s %% disabled or disadvantaged workers, meets %[2]s (minimum %[4]s %%)",
		FR: "statut « %[1]s » : avec %[3]s %% de travailleurs handicapés ou défavorisés, il remplit %[2]s (minimum %[4]s %%)",
		DE: "%[1]s erfüllt mit %[3]s %% behinderten oder benachteiligten Beschäftigten %[2]s (mindestens %[4]s %%)",
		NL: "%[1]s voldoet met %[3]s %% werknemers met een handicap of achterstand aan %[2]s (minimum %[4]s %%)",
	}
	msgReasonEquivalent = Msg{
		EN: "%[1]s (%[2]s) counts as an equivalent structure under %[3]s: the law accepts structures from other EU countries",
		FR: "statut « %[1]s » (%[2]s) : il compte comme structure équivalente au titre de %[3]s, la loi acceptant les structures des autres pays de l'UE",
		DE: "%[1]s (%[2]s) gilt nach %[3]s als gleichwertige Einrichtung: das Gesetz lässt Einrichtungen anderer EU-Länder zu",
		NL: "%[1]s (%[2]s) geldt als gelijkwaardige structuur op grond van %[3]s: de wet aanvaardt structuren uit andere EU-landen",
	}
	msgReasonShareBelow = Msg{
		EN: "%[1]s has %[3]s %% disabled or disadvantaged workers, below the %[4]s %% minimum of %[2]s",
		FR: "statut « %[1]s » : %[3]s %% de travailleurs handicapés ou défavorisés, moins que le minimum de %[4]s %% fixé par %[2]s",
		DE: "%[1]s hat %[3]s %% behinderte oder benachteiligte Beschäftigte, weniger als die mindestens %[4]s %% nach %[2]s",
		NL: "%[1]s heeft %[3]s %% werknemers met een handicap of achterstand, minder dan het minimum van %[4]s %% van %[2]s",
	}
	msgReasonShareUnknown = Msg{
		EN: "%[1]s is of a kind %[2]s accepts, but its share of disabled or disadvantaged workers is not known (minimum %[3]s %%): the supplier can add it to the status",
		FR: "statut « %[1]s » : d'un type accepté par %[2]s, mais sa part de travailleurs handicapés ou défavorisés n'est pas connue (minimum %[3]s %%) ; le fournisseur peut l'ajouter au statut",
		DE: "%[1]s ist eine nach %[2]s zugelassene Art, aber der Anteil behinderter oder benachteiligter Beschäftigter ist nicht bekannt (mindestens %[3]s %%): der Anbieter kann ihn beim Status ergänzen",
		NL: "%[1]s is een soort die %[2]s aanvaardt, maar het aandeel werknemers met een handicap of achterstand is niet bekend (minimum %[3]s %%): de leverancier kan het aan de status toevoegen",
	}
	msgReasonCategory = Msg{
		EN: "%[1]s is not of a kind %[2]s accepts: it is reserved for %[3]s",
		FR: "statut « %[1]s » : d'un type que %[2]s n'accepte pas (réservé à %[3]s)",
		DE: "%[1]s ist keine nach %[2]s zugelassene Art: vorbehalten sind %[3]s",
		NL: "%[1]s is geen soort die %[2]s aanvaardt: voorbehouden aan %[3]s",
	}
	msgReasonRepeatAward = Msg{
		EN: "%[1]s: the supplier won a contract from this buyer under %[2]s on %[3]s, and may not win another on this basis until %[4]s",
		FR: "%[1]s : le fournisseur a remporté un marché de cet acheteur au titre de %[2]s le %[3]s, et ne peut en remporter un autre sur ce fondement avant le %[4]s",
		DE: "%[1]s: der Anbieter hat am %[3]s einen Auftrag dieses Auftraggebers nach %[2]s erhalten und kann auf dieser Grundlage bis %[4]s keinen weiteren erhalten",
		NL: "%[1]s: de leverancier kreeg op %[3]s een opdracht van deze aankoper op grond van %[2]s, en kan op deze grond tot %[4]s geen nieuwe krijgen",
	}
)
