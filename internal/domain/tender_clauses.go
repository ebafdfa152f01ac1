package domain

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// LotClauses is the clause set of a tender lot, stored as JSON. It is a
// deliberately minimal model (reserved participation BT-71 with its
// national legal basis, award criteria with their weights): the shared
// clause model of DOMAIN.md replaces this file, keeping the JSON shape of
// the fields it has.
type LotClauses struct {
	// ReservedParticipation is the eForms BT-71 code: none, res-ws or res-pub-ser.
	ReservedParticipation string `json:"reserved_participation,omitempty"`
	// LegalBasis is the national legal basis of a reservation (FR_L2113_12, DE_GWB_118, …).
	LegalBasis    string           `json:"legal_basis,omitempty"`
	AwardCriteria []AwardCriterion `json:"award_criteria,omitempty"`
}

// AwardCriterion is one award criterion (BT-539/734/540/5421/541).
type AwardCriterion struct {
	// Type is price, cost or quality.
	Type string `json:"type"`
	Name string `json:"name"`
	// WeightType is percentage, points or order (of importance).
	WeightType string  `json:"weight_type"`
	Weight     float64 `json:"weight"`
	// Social marks a criterion that rewards a social objective.
	Social bool `json:"social,omitempty"`
}

// The codes a clause set uses.
var (
	ReservedParticipationCodes = []string{"none", "res-ws", "res-pub-ser"}
	LegalBasisCodes            = []string{"FR_L2113_12", "FR_L2113_13", "FR_L2113_15", "DE_GWB_118", "BE_2016_ART15", "LU_2018_ART20", "EU_ART20", "EU_ART77"}
	AwardCriterionTypes        = []string{"price", "cost", "quality"}
	WeightTypes                = []string{"percentage", "points", "order"}
)

// publicServiceBases are the legal bases of res-pub-ser reservations
// (Directive art. 77 and its French transposition); every other basis
// reserves for sheltered workshops and integration operators (res-ws).
var publicServiceBases = map[string]bool{"FR_L2113_15": true, "EU_ART77": true}

// MaxAwardCriteria bounds the criteria of a lot; MaxCriterionNameLength a criterion's name.
const (
	MaxAwardCriteria       = 20
	MaxCriterionNameLength = 200
)

// Normalize fills the defaults: no reservation unless one is stated.
func (c LotClauses) Normalize() LotClauses {
	c.ReservedParticipation = strings.TrimSpace(c.ReservedParticipation)
	c.LegalBasis = strings.TrimSpace(c.LegalBasis)
	if c.ReservedParticipation == "" {
		c.ReservedParticipation = "none"
	}
	for i := range c.AwardCriteria {
		c.AwardCriteria[i].Name = strings.TrimSpace(c.AwardCriteria[i].Name)
	}
	return c
}

// Validate checks c, normalized; field paths start with prefix
// ("body.clauses."). Weights given as percentages must sum to 100.
func (c LotClauses) Validate(prefix string) *ValidationError {
	ve := &ValidationError{}
	switch rp := c.ReservedParticipation; {
	case !contains(ReservedParticipationCodes, rp):
		ve.AddLocalized(prefix+"reserved_participation", "invalid", msgClauseUnknownCode.With(rp, strings.Join(ReservedParticipationCodes, ", ")))
	case rp == "none" && c.LegalBasis != "":
		ve.AddLocalized(prefix+"legal_basis", "not_reserved", msgClauseBasisWithoutReservation.With())
	case rp != "none" && c.LegalBasis == "":
		ve.AddLocalized(prefix+"legal_basis", "required", msgClauseBasisRequired.With())
	case rp != "none" && !contains(LegalBasisCodes, c.LegalBasis):
		ve.AddLocalized(prefix+"legal_basis", "invalid", msgClauseUnknownCode.With(c.LegalBasis, strings.Join(LegalBasisCodes, ", ")))
	case rp == "res-pub-ser" && !publicServiceBases[c.LegalBasis], rp == "res-ws" && publicServiceBases[c.LegalBasis]:
		ve.AddLocalized(prefix+"legal_basis", "wrong_basis", msgClauseBasisMismatch.With(c.LegalBasis, rp))
	}
	if len(c.AwardCriteria) > MaxAwardCriteria {
		ve.AddLocalized(prefix+"award_criteria", "too_many", msgClauseTooMany.With(MaxAwardCriteria))
		return ve
	}
	percent, sum := 0, 0.0
	for i, a := range c.AwardCriteria {
		p := fmt.Sprintf("%saward_criteria[%d].", prefix, i)
		if !contains(AwardCriterionTypes, a.Type) {
			ve.AddLocalized(p+"type", "invalid", msgClauseUnknownCode.With(a.Type, strings.Join(AwardCriterionTypes, ", ")))
		}
		switch n := utf8.RuneCountInString(a.Name); {
		case n == 0:
			ve.AddLocalized(p+"name", "required", msgClauseNameRequired.With())
		case n > MaxCriterionNameLength:
			ve.AddLocalized(p+"name", "too_long", MsgTooLong.With(MaxCriterionNameLength))
		}
		if !contains(WeightTypes, a.WeightType) {
			ve.AddLocalized(p+"weight_type", "invalid", msgClauseUnknownCode.With(a.WeightType, strings.Join(WeightTypes, ", ")))
		}
		if math.IsNaN(a.Weight) || a.Weight < 0 || a.Weight > 1000 {
			ve.AddLocalized(p+"weight", "out_of_range", msgClauseWeightRange.With())
		}
		if a.WeightType == "percentage" {
			percent++
			sum += a.Weight
		}
	}
	if percent > 0 && math.Abs(sum-100) > 1e-9 {
		ve.AddLocalized(prefix+"award_criteria", "weights_not_100", msgClauseWeightsSum.With(formatWeight(sum)))
	}
	return ve
}

func formatWeight(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// MsgTooLong is the refusal of a text longer than its limit (%d characters).
var MsgTooLong = Msg{EN: "at most %d characters", FR: "%d caractères au plus", DE: "höchstens %d Zeichen", NL: "hoogstens %d tekens"}

var (
	msgClauseUnknownCode = Msg{
		EN: "%q is not one of: %s", FR: "%q ne fait pas partie de : %s",
		DE: "%q ist keiner der Werte: %s", NL: "%q is niet een van: %s",
	}
	msgClauseBasisWithoutReservation = Msg{
		EN: "a legal basis goes with a reserved participation only",
		FR: "une base légale ne s'indique qu'avec une participation réservée",
		DE: "eine Rechtsgrundlage gehört nur zu einer vorbehaltenen Teilnahme",
		NL: "een rechtsgrond hoort alleen bij een voorbehouden deelname",
	}
	msgClauseBasisRequired = Msg{
		EN: "a reserved lot needs its national legal basis",
		FR: "un lot réservé doit indiquer sa base légale nationale",
		DE: "ein vorbehaltenes Los braucht seine nationale Rechtsgrundlage",
		NL: "een voorbehouden perceel heeft zijn nationale rechtsgrond nodig",
	}
	msgClauseBasisMismatch = Msg{
		EN: "the legal basis %s does not allow the reservation %s",
		FR: "la base légale %s ne permet pas la réservation %s",
		DE: "die Rechtsgrundlage %s erlaubt den Vorbehalt %s nicht",
		NL: "de rechtsgrond %s laat het voorbehoud %s niet toe",
	}
	msgClauseTooMany = Msg{
		EN: "at most %d award criteria", FR: "%d critères d'attribution au plus",
		DE: "höchstens %d Zuschlagskriterien", NL: "hoogstens %d gunningscriteria",
	}
	msgClauseNameRequired = Msg{
		EN: "name the criterion", FR: "nommez le critère", DE: "benennen Sie das Kriterium", NL: "geef het criterium een naam",
	}
	msgClauseWeightRange = Msg{
		EN: "a weight from 0 to 1000", FR: "un poids de 0 à 1000", DE: "eine Gewichtung von 0 bis 1000", NL: "een gewicht van 0 tot 1000",
	}
	msgClauseWeightsSum = Msg{
		EN: "the percentage weights must sum to 100, not %s",
		FR: "les pondérations en pourcentage doivent totaliser 100, et non %s",
		DE: "die prozentualen Gewichtungen müssen zusammen 100 ergeben, nicht %s",
		NL: "de gewichten in procent moeten samen 100 zijn, niet %s",
	}
)
