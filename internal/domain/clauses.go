package domain

// The social-clause model of a tender lot (DOMAIN.md, "Reserved contracts
// and social clauses"). Codes are the eForms SDK code-list values, so that a
// lot can be exchanged with TED and national platforms as it is; the JSON
// names are the API's and the storage's, and the field paths of
// LotClauses.Validate follow them.

// ReservedParticipation is eForms BT-71 (code list reserved-procurement):
// whether taking part in the procedure is reserved, and to whom.
type ReservedParticipation string

// The BT-71 codes.
const (
	// ReservedNone means anyone may take part.
	ReservedNone ReservedParticipation = "none"
	// ReservedShelteredWorkshops reserves participation to sheltered
	// workshops and social integration operators (Directive 2014/24/EU art. 20).
	ReservedShelteredWorkshops ReservedParticipation = "res-ws"
	// ReservedPublicService reserves participation to organisations with a
	// public-service mission (Directive 2014/24/EU art. 77).
	ReservedPublicService ReservedParticipation = "res-pub-ser"
)

// ReservedExecution is eForms BT-736 (code list applicability): whether the
// contract must be performed within sheltered employment programmes.
type ReservedExecution string

// The BT-736 codes.
const (
	ReservedExecutionYes      ReservedExecution = "yes"
	ReservedExecutionNo       ReservedExecution = "no"
	ReservedExecutionNotKnown ReservedExecution = "not-known"
)

// StrategicProcurement is eForms BT-06 (code list strategic-procurement):
// what the purchase pursues beyond the purchase itself. A lot carries one
// or more codes; "none" stands alone.
type StrategicProcurement string

// The BT-06 codes.
const (
	StrategicEnvironment StrategicProcurement = "env-imp"
	StrategicInnovation  StrategicProcurement = "inn-pur"
	StrategicSocial      StrategicProcurement = "soc-obj"
	StrategicNone        StrategicProcurement = "none"
)

// SocialObjective is eForms BT-775 (code list social-objective), given
// when the lot pursues social objectives (BT-06 soc-obj).
type SocialObjective string

// The BT-775 codes.
const (
	SocialAccessibility     SocialObjective = "acc-all"
	SocialEthnicEquality    SocialObjective = "et-eq"
	SocialGenderEquality    SocialObjective = "gen-eq"
	SocialHumanRights       SocialObjective = "hum-right"
	SocialOpportunities     SocialObjective = "opp"
	SocialWorkingConditions SocialObjective = "work-cond"
	SocialOther             SocialObjective = "other"
)

// GreenObjective is eForms BT-774 (code list environmental-impact), given
// when the lot pursues environmental objectives (BT-06 env-imp).
type GreenObjective string

// The BT-774 codes.
const (
	GreenBiodiversity      GreenObjective = "biodiv-eco"
	GreenCircularEconomy   GreenObjective = "circ-econ"
	GreenClimateAdaptation GreenObjective = "clim-adapt"
	GreenClimateMitigation GreenObjective = "clim-mitig"
	GreenPollution         GreenObjective = "pollu-prev"
	GreenWaterMarine       GreenObjective = "water-mar"
	GreenOther             GreenObjective = "other"
)

// Accessibility is eForms BT-754 (code list accessibility): whether
// accessibility criteria for persons with disabilities are included.
type Accessibility string

// The BT-754 codes.
const (
	AccessibilityIncluded      Accessibility = "inc"
	AccessibilityNotForPersons Accessibility = "n-inc"
	AccessibilityNotJustified  Accessibility = "n-inc-just"
)

// EligibleGroup is a group of people an insertion clause (BT-70) hires or
// trains. The codes are ours: eForms carries the clause as free text.
type EligibleGroup string

// The eligible groups, those French, German, Belgian and Luxembourg
// insertion clauses commonly name.
const (
	GroupLongTermUnemployed      EligibleGroup = "long_term_unemployed"
	GroupMinimumIncomeRecipients EligibleGroup = "minimum_income_recipients"
	GroupDisabledWorkers         EligibleGroup = "disabled_workers"
	GroupYoungLowQualified       EligibleGroup = "young_low_qualified"
	GroupSeniorJobSeekers        EligibleGroup = "senior_job_seekers"
	GroupIntegrationPathway      EligibleGroup = "integration_pathway"
	GroupRefugees                EligibleGroup = "refugees"
	GroupOther                   EligibleGroup = "other"
)

// InsertionMeans is one way a contractor may meet an insertion clause.
type InsertionMeans string

// The ways of meeting an insertion clause.
const (
	// MeansDirectHire: the contractor hires people of the eligible groups.
	MeansDirectHire InsertionMeans = "direct_hire"
	// MeansSubcontracting: part of the work goes to an SSE structure.
	MeansSubcontracting InsertionMeans = "subcontracting"
	// MeansCoContracting: an SSE structure bids with the contractor.
	MeansCoContracting InsertionMeans = "co_contracting"
	// MeansStaffProvision: an integration structure makes staff available
	// (mise à disposition, e.g. by an AI, ETTI or GEIQ).
	MeansStaffProvision InsertionMeans = "staff_provision"
)

// AwardCriterionType is eForms BT-539 (code list award-criterion-type).
type AwardCriterionType string

// The BT-539 codes.
const (
	CriterionPrice   AwardCriterionType = "price"
	CriterionCost    AwardCriterionType = "cost"
	CriterionQuality AwardCriterionType = "quality"
)

// WeightType is eForms BT-5421 (code list number-weight): how an award
// criterion's number (BT-541) is meant.
type WeightType string

// The BT-5421 codes.
const (
	WeightPercentExact  WeightType = "per-exa"
	WeightPercentMiddle WeightType = "per-mid"
	WeightPointsExact   WeightType = "poi-exa"
	WeightPointsMiddle  WeightType = "poi-mid"
	WeightDecimalExact  WeightType = "dec-exa"
	WeightDecimalMiddle WeightType = "dec-mid"
	WeightOrder         WeightType = "ord-imp"
)

// Percentage reports whether weights of type w are percentages, which
// must then add up to 100 across a lot's criteria.
func (w WeightType) Percentage() bool { return w == WeightPercentExact || w == WeightPercentMiddle }

// LotClauses is the set of social and environmental clauses of one tender
// lot. The zero value is not valid: see DefaultLotClauses.
type LotClauses struct {
	// ReservedParticipation is BT-71. (The doc and example tags describe the
	// fields for an API that embeds the type; validation is Validate's.)
	ReservedParticipation ReservedParticipation `json:"reserved_participation" doc:"BT-71: none, res-ws (art. 20) or res-pub-ser (art. 77)" example:"res-ws"`
	// LegalBases are the national (or Directive) provisions the
	// reservation rests on: required when participation is reserved, empty
	// otherwise. Two only for FR_L2113_12 with FR_L2113_13.
	LegalBases []LegalBasis `json:"legal_bases,omitempty" doc:"National or Directive legal bases of the reservation" example:"[\"FR_L2113_12\",\"FR_L2113_13\"]"`
	// ReservedExecution is BT-736, with its justification.
	ReservedExecution              ReservedExecution `json:"reserved_execution" doc:"BT-736: yes, no or not-known" example:"no"`
	ReservedExecutionJustification string            `json:"reserved_execution_justification,omitempty" doc:"Why execution is (not) reserved" example:"Prestation réalisable en ESAT"`
	// StrategicProcurement is BT-06; StrategicDescription is BT-777.
	StrategicProcurement []StrategicProcurement `json:"strategic_procurement" doc:"BT-06: env-imp, inn-pur, soc-obj, or none alone" example:"[\"soc-obj\"]"`
	StrategicDescription string                 `json:"strategic_description,omitempty" doc:"BT-777: what the strategic procurement aims at" example:"Heures d'insertion pour des demandeurs d'emploi de longue durée"`
	// SocialObjectives is BT-775 (when soc-obj), GreenObjectives BT-774 (when env-imp).
	SocialObjectives []SocialObjective `json:"social_objectives,omitempty" doc:"BT-775, with soc-obj" example:"[\"opp\"]"`
	GreenObjectives  []GreenObjective  `json:"green_objectives,omitempty" doc:"BT-774, with env-imp" example:"[\"circ-econ\"]"`
	// Accessibility is BT-754; AccessibilityJustification is BT-755,
	// required with n-inc-just.
	Accessibility              Accessibility `json:"accessibility" doc:"BT-754: inc, n-inc or n-inc-just" example:"inc"`
	AccessibilityJustification string        `json:"accessibility_justification,omitempty" doc:"BT-755, required with n-inc-just" example:"Travaux sans usagers"`
	// ExecutionConditions is BT-70 as text (Markdown).
	ExecutionConditions string `json:"execution_conditions,omitempty" doc:"BT-70 as Markdown text" example:"Le titulaire réserve **1 200 heures** à des personnes en insertion."`
	// Insertion is the structured part of BT-70: an insertion clause.
	Insertion *InsertionClause `json:"insertion,omitempty" doc:"Structured insertion clause (part of BT-70)"`
	// AwardCriteria are BT-539/734/540/5421/541, in the buyer's order.
	AwardCriteria []AwardCriterion `json:"award_criteria,omitempty" doc:"Award criteria; percentage weights add up to 100"`
}

// InsertionClause is an execution condition (BT-70) that sets work aside
// for people far from employment: a number of hours or a share of the
// contract's labour (exactly one), the groups that count, how the
// contractor may meet it, and the local facilitator who helps.
type InsertionClause struct {
	// Hours of work to set aside.
	Hours *int `json:"hours,omitempty" doc:"Hours of work set aside (or labour_share)" example:"1200"`
	// LabourShare is the share of the contract's labour hours, in percent.
	LabourShare    *float64         `json:"labour_share,omitempty" doc:"Share of the labour hours, in percent (or hours)" example:"5"`
	EligibleGroups []EligibleGroup  `json:"eligible_groups" doc:"Groups the clause hires or trains" example:"[\"long_term_unemployed\"]"`
	Means          []InsertionMeans `json:"means" doc:"How the contractor may meet the clause" example:"[\"direct_hire\",\"staff_provision\"]"`
	// Facilitator is whom bidders contact to find candidates and partners
	// (a "facilitateur de clauses sociales"); optional.
	Facilitator *Facilitator `json:"facilitator,omitempty" doc:"Local facilitator of social clauses"`
}

// Facilitator is the contact who helps contractors meet an insertion
// clause; at least an email address or a phone number.
type Facilitator struct {
	Name         string `json:"name" doc:"Facilitator's name" example:"Claire Martin"`
	Organisation string `json:"organisation,omitempty" doc:"Facilitator's organisation" example:"Maison de l'emploi de Metz"`
	Email        string `json:"email,omitempty" doc:"Email address (or phone)" example:"clauses@mde-metz.example"`
	Phone        string `json:"phone,omitempty" doc:"Phone number (or email)" example:"+33 3 87 00 00 00"`
}

// AwardCriterion is one criterion of a lot's award: BT-539 type, BT-734
// name, BT-540 description, BT-5421 weight type and BT-541 weight.
type AwardCriterion struct {
	Type        AwardCriterionType `json:"type" doc:"BT-539: price, cost or quality" example:"quality"`
	Name        string             `json:"name" doc:"BT-734" example:"Insertion professionnelle"`
	Description string             `json:"description,omitempty" doc:"BT-540" example:"Nombre d'heures d'insertion proposées au-delà du minimum"`
	WeightType  WeightType         `json:"weight_type" doc:"BT-5421: per-exa, per-mid, poi-exa, poi-mid, dec-exa, dec-mid, ord-imp" example:"per-exa"`
	// Weight is a percentage, points, a decimal factor or a rank (1 = most
	// important), per WeightType.
	Weight float64 `json:"weight" doc:"BT-541" example:"20"`
	// Social marks a criterion that rewards social performance (our flag,
	// for impact figures): only a quality criterion may carry it.
	Social bool `json:"social" doc:"Rewards social performance (quality criteria only)" example:"true"`
}

// DefaultLotClauses is a lot with no social clause: not reserved, no
// reserved execution, no strategic procurement, accessibility criteria
// included. A form starts from it.
func DefaultLotClauses() LotClauses {
	return LotClauses{
		ReservedParticipation: ReservedNone,
		ReservedExecution:     ReservedExecutionNo,
		StrategicProcurement:  []StrategicProcurement{StrategicNone},
		Accessibility:         AccessibilityIncluded,
	}
}

// Reserved reports whether participation in the lot is reserved.
func (c LotClauses) Reserved() bool {
	return c.ReservedParticipation == ReservedShelteredWorkshops || c.ReservedParticipation == ReservedPublicService
}
