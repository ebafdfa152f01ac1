package domain

import (
	"slices"
	"strings"
	"testing"
)

// fullClauses is a French lot that uses every clause: reserved to EA/ESAT
// and SIAE, social and green objectives, an insertion clause, four criteria.
func fullClauses() LotClauses {
	hours := 1200
	return LotClauses{
		ReservedParticipation:      ReservedShelteredWorkshops,
		LegalBases:                 []LegalBasis{BasisFRL211312, BasisFRL211313},
		ReservedExecution:          ReservedExecutionNo,
		StrategicProcurement:       []StrategicProcurement{StrategicSocial, StrategicEnvironment},
		StrategicDescription:       "Insertion et réduction des déchets",
		SocialObjectives:           []SocialObjective{SocialOpportunities, SocialWorkingConditions},
		GreenObjectives:            []GreenObjective{GreenCircularEconomy},
		Accessibility:              AccessibilityNotJustified,
		AccessibilityJustification: "Entretien d'espaces verts sans usagers",
		ExecutionConditions:        "Le titulaire réserve **1 200 heures** à des personnes en insertion.",
		Insertion: &InsertionClause{
			Hours:          &hours,
			EligibleGroups: []EligibleGroup{GroupLongTermUnemployed, GroupYoungLowQualified},
			Means:          []InsertionMeans{MeansDirectHire, MeansStaffProvision},
			Facilitator:    &Facilitator{Name: "Claire Martin", Organisation: "Maison de l'emploi de Metz", Email: "clauses@mde-metz.example", Phone: "+33 3 87 00 00 00"},
		},
		AwardCriteria: []AwardCriterion{
			{Type: CriterionPrice, Name: "Prix", WeightType: WeightPercentExact, Weight: 40},
			{Type: CriterionQuality, Name: "Valeur technique", WeightType: WeightPercentExact, Weight: 33.33},
			{Type: CriterionQuality, Name: "Insertion", WeightType: WeightPercentExact, Weight: 16.67, Social: true},
			{Type: CriterionQuality, Name: "Environnement", WeightType: WeightPercentExact, Weight: 10},
		},
	}
}

func TestValidateClausesAccepts(t *testing.T) {
	frCtx := ClauseContext{BuyerCountry: "FR"}
	share := 5.5
	rank := func(c LotClauses) LotClauses {
		c.AwardCriteria = []AwardCriterion{
			{Type: CriterionQuality, Name: "Qualität", WeightType: WeightOrder, Weight: 2},
			{Type: CriterionPrice, Name: "Preis", WeightType: WeightOrder, Weight: 1},
		}
		return c
	}
	cases := []struct {
		name    string
		clauses LotClauses
		ctx     ClauseContext
	}{
		{"default clauses", DefaultLotClauses(), frCtx},
		{"every clause of a French lot", fullClauses(), frCtx},
		{"German lot under § 118 GWB, ranked criteria", rank(func() LotClauses {
			c := DefaultLotClauses()
			c.ReservedParticipation, c.LegalBases = ReservedShelteredWorkshops, []LegalBasis{BasisDEGWB118}
			return c
		}()), ClauseContext{BuyerCountry: "de"}},
		{"Belgian lot citing the Directive, insertion by share", func() LotClauses {
			c := DefaultLotClauses()
			c.ReservedParticipation, c.LegalBases = ReservedShelteredWorkshops, []LegalBasis{BasisEUArt20}
			c.ReservedExecution = ReservedExecutionYes
			c.Insertion = &InsertionClause{LabourShare: &share, EligibleGroups: []EligibleGroup{GroupOther}, Means: []InsertionMeans{MeansCoContracting}}
			return c
		}(), ClauseContext{BuyerCountry: "BE"}},
		{"French social services lot under L2113-15", func() LotClauses {
			c := DefaultLotClauses()
			c.ReservedParticipation, c.LegalBases = ReservedPublicService, []LegalBasis{BasisFRL211315}
			return c
		}(), ClauseContext{BuyerCountry: "FR", CPVCodes: []string{"85311000-2", "85320000-8"}}},
		{"points that need not add up to 100", func() LotClauses {
			c := DefaultLotClauses()
			c.AwardCriteria = []AwardCriterion{{Type: CriterionPrice, Name: "Price", WeightType: WeightPointsExact, Weight: 60},
				{Type: CriterionQuality, Name: "Quality", WeightType: WeightPointsExact, Weight: 60}}
			return c
		}(), frCtx},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.clauses.Normalize().Validate(tc.ctx, "body.lots[0].clauses").Err(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestValidateClausesRefuses(t *testing.T) {
	type fieldCode struct{ field, code string }
	cases := []struct {
		name   string
		ctx    ClauseContext
		change func(c *LotClauses)
		want   []fieldCode
	}{
		{"missing codes", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			*c = LotClauses{}
		}, []fieldCode{{"reserved_participation", "required"}, {"reserved_execution", "required"},
			{"strategic_procurement", "required"}, {"accessibility", "required"}}},
		{"unknown codes", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.ReservedParticipation, c.ReservedExecution, c.Accessibility = "res-all", "maybe", "full"
			c.StrategicProcurement = []StrategicProcurement{"soc-obj", "green"}
			c.SocialObjectives = []SocialObjective{"opp", "happiness"}
		}, []fieldCode{{"reserved_participation", "invalid"}, {"reserved_execution", "invalid"},
			{"strategic_procurement[1]", "invalid"}, {"social_objectives[1]", "invalid"}, {"accessibility", "invalid"},
			{"green_objectives", "not_allowed"}}},
		{"reserved without a basis", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.LegalBases = nil
		}, []fieldCode{{"legal_bases", "required"}}},
		{"basis on an unreserved lot", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.ReservedParticipation = ReservedNone
		}, []fieldCode{{"legal_bases", "not_allowed"}}},
		{"unknown and duplicated bases", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.LegalBases = []LegalBasis{BasisFRL211312, "FR_L2113_14", BasisFRL211312}
		}, []fieldCode{{"legal_bases", "not_combinable"}, {"legal_bases[1]", "invalid"}, {"legal_bases[2]", "duplicate"}}},
		{"bases that cannot be combined", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.LegalBases = []LegalBasis{BasisFRL211312, BasisEUArt20}
		}, []fieldCode{{"legal_bases", "not_combinable"}}},
		{"basis of the other reservation", ClauseContext{BuyerCountry: "FR", CPVCodes: []string{"85311000-2"}}, func(c *LotClauses) {
			c.LegalBases = []LegalBasis{BasisFRL211315}
		}, []fieldCode{{"legal_bases[0]", "wrong_reservation"}}},
		{"French basis cited by a German buyer", ClauseContext{BuyerCountry: "DE"}, func(c *LotClauses) {
			c.LegalBases = []LegalBasis{BasisFRL211312}
		}, []fieldCode{{"legal_bases[0]", "wrong_country"}}},
		{"German basis cited by a Luxembourg buyer", ClauseContext{BuyerCountry: "LU"}, func(c *LotClauses) {
			c.LegalBases = []LegalBasis{BasisDEGWB118}
		}, []fieldCode{{"legal_bases[0]", "wrong_country"}}},
		{"article 77 basis without CPV codes", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.ReservedParticipation, c.LegalBases = ReservedPublicService, []LegalBasis{BasisFRL211315}
		}, []fieldCode{{"legal_bases[0]", "cpv_required"}}},
		{"article 77 basis for cleaning services", ClauseContext{BuyerCountry: "BE", CPVCodes: []string{"85311000-2", "90911200-8"}}, func(c *LotClauses) {
			c.ReservedParticipation, c.LegalBases = ReservedPublicService, []LegalBasis{BasisEUArt77}
		}, []fieldCode{{"legal_bases[0]", "not_social_service"}}},
		{"none with other strategic codes, duplicates", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.StrategicProcurement = []StrategicProcurement{StrategicSocial, StrategicNone, StrategicSocial}
			c.GreenObjectives = nil
		}, []fieldCode{{"strategic_procurement[1]", "exclusive"}, {"strategic_procurement[2]", "duplicate"}}},
		{"objectives without their strategic code", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.StrategicProcurement = []StrategicProcurement{StrategicInnovation}
		}, []fieldCode{{"social_objectives", "not_allowed"}, {"green_objectives", "not_allowed"}}},
		{"strategic codes without their objectives", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.SocialObjectives, c.GreenObjectives = nil, []GreenObjective{GreenOther, GreenOther}
		}, []fieldCode{{"social_objectives", "required"}, {"green_objectives[1]", "duplicate"}}},
		{"texts too long", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.ReservedExecutionJustification = strings.Repeat("é", MaxClauseJustificationRunes+1)
			c.StrategicDescription = strings.Repeat("x", MaxStrategicDescriptionRunes+1)
			c.AccessibilityJustification = strings.Repeat("x", MaxClauseJustificationRunes+1)
			c.ExecutionConditions = strings.Repeat("x", MaxExecutionConditionsRunes+1)
		}, []fieldCode{{"reserved_execution_justification", "too_long"}, {"strategic_description", "too_long"},
			{"accessibility_justification", "too_long"}, {"execution_conditions", "too_long"}}},
		{"accessibility justification missing", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.AccessibilityJustification = "  "
		}, []fieldCode{{"accessibility_justification", "required"}}},
		{"accessibility justification not wanted", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.Accessibility = AccessibilityIncluded
		}, []fieldCode{{"accessibility_justification", "not_allowed"}}},
		{"insertion: hours and share, bad codes, facilitator unreachable", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			share := 10.0
			c.Insertion.LabourShare = &share
			c.Insertion.EligibleGroups = []EligibleGroup{"students"}
			c.Insertion.Means = nil
			c.Insertion.Facilitator = &Facilitator{Name: " "}
		}, []fieldCode{{"insertion.labour_share", "not_allowed"}, {"insertion.eligible_groups[0]", "invalid"},
			{"insertion.means", "required"}, {"insertion.facilitator.name", "required"}, {"insertion.facilitator.email", "required"}}},
		{"insertion: neither hours nor share, bad contact", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.Insertion.Hours = nil
			c.Insertion.Means = []InsertionMeans{MeansDirectHire, MeansDirectHire}
			c.Insertion.Facilitator.Email, c.Insertion.Facilitator.Phone = "claire@", "call me"
		}, []fieldCode{{"insertion.hours", "required"}, {"insertion.means[1]", "duplicate"},
			{"insertion.facilitator.email", "invalid"}, {"insertion.facilitator.phone", "invalid"}}},
		{"insertion: hours out of range", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			zero := 0
			c.Insertion.Hours = &zero
		}, []fieldCode{{"insertion.hours", "out_of_range"}}},
		{"insertion: share out of range", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			share := 100.5
			c.Insertion.Hours, c.Insertion.LabourShare = nil, &share
		}, []fieldCode{{"insertion.labour_share", "out_of_range"}}},
		{"percentages that do not add up to 100", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.AwardCriteria[0].Weight = 50
		}, []fieldCode{{"award_criteria", "weights_sum"}}},
		{"criteria with missing and wrong fields", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.AwardCriteria[0] = AwardCriterion{Type: "value", Name: "", WeightType: "", Weight: 40, Social: true}
			c.AwardCriteria[1].Description = strings.Repeat("x", MaxCriterionDescriptionRunes+1)
			c.AwardCriteria[1].Name = strings.Repeat("x", MaxCriterionNameRunes+1)
			c.AwardCriteria[2].Weight = -16.67
		}, []fieldCode{{"award_criteria[0].type", "invalid"}, {"award_criteria[0].name", "required"},
			{"award_criteria[0].weight_type", "required"}, {"award_criteria[1].name", "too_long"},
			{"award_criteria[1].description", "too_long"}, {"award_criteria[2].weight", "out_of_range"}}},
		{"mixed weight types, a social price", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.AwardCriteria[3].WeightType = WeightPointsExact
			c.AwardCriteria[0].Social = true
		}, []fieldCode{{"award_criteria[0].social", "social_not_quality"}, {"award_criteria[3].weight_type", "mixed"}}},
		{"percentage above 100", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.AwardCriteria = []AwardCriterion{{Type: CriterionPrice, Name: "Prix", WeightType: WeightPercentMiddle, Weight: 120}}
		}, []fieldCode{{"award_criteria[0].weight", "out_of_range"}, {"award_criteria", "weights_sum"}}},
		{"ranks used twice or beyond the count", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.AwardCriteria = []AwardCriterion{{Type: CriterionPrice, Name: "Prix", WeightType: WeightOrder, Weight: 1},
				{Type: CriterionQuality, Name: "Qualité", WeightType: WeightOrder, Weight: 1},
				{Type: CriterionQuality, Name: "Délais", WeightType: WeightOrder, Weight: 4}}
		}, []fieldCode{{"award_criteria[1].weight", "invalid_rank"}, {"award_criteria[2].weight", "invalid_rank"}}},
		{"too many criteria", ClauseContext{BuyerCountry: "FR"}, func(c *LotClauses) {
			c.AwardCriteria = make([]AwardCriterion, MaxAwardCriteria+1)
		}, []fieldCode{{"award_criteria", "too_many"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := fullClauses()
			tc.change(&c)
			ve := c.Normalize().Validate(tc.ctx, "body.lots[2].clauses")
			var got []fieldCode
			for _, f := range ve.Fields {
				field, ok := strings.CutPrefix(f.Field, "body.lots[2].clauses.")
				if !ok {
					t.Errorf("field %q lacks the prefix", f.Field)
				}
				got = append(got, fieldCode{field, f.Code})
				for _, l := range Languages {
					if m := f.Messages[l]; m == "" || strings.Contains(m, "%!") {
						t.Errorf("%s in %s: %q", f.Field, l, m)
					}
				}
			}
			sortFC := func(a, b fieldCode) int { return strings.Compare(a.field+a.code, b.field+b.code) }
			slices.SortFunc(got, sortFC)
			want := slices.Clone(tc.want)
			slices.SortFunc(want, sortFC)
			if !slices.Equal(got, want) {
				t.Errorf("got  %v\nwant %v", got, want)
			}
		})
	}
}

func TestValidateClausesMessages(t *testing.T) {
	c := fullClauses()
	c.LegalBases = []LegalBasis{BasisDEGWB118}
	c.AwardCriteria[0].Weight = 30
	ve := c.Validate(ClauseContext{BuyerCountry: "FR"}, "")
	want := map[string]map[Language]string{
		"legal_bases[0]": {
			LangEN: "DE_GWB_118 is the law of Germany; a buyer from France cites FR_L2113_12, FR_L2113_13, EU_ART20",
			LangDE: "DE_GWB_118 ist Recht eines anderen Landes (Deutschland); ein Auftraggeber aus diesem Land (Frankreich) nennt FR_L2113_12, FR_L2113_13, EU_ART20",
		},
		"award_criteria": {
			LangEN: "percentage weights must add up to 100 (now 90)",
			LangFR: "les pondérations en pourcentage doivent totaliser 100 (actuellement 90)",
			LangNL: "wegingen in procent moeten samen 100 zijn (nu 90)",
		},
	}
	if len(ve.Fields) != len(want) {
		t.Fatalf("fields %+v", ve.Fields)
	}
	for _, f := range ve.Fields {
		for l, m := range want[f.Field] {
			if f.Messages[l] != m {
				t.Errorf("%s %s:\n got %q\nwant %q", f.Field, l, f.Messages[l], m)
			}
		}
		if f.Message != f.Messages[LangEN] {
			t.Errorf("%s: Message is not the English one", f.Field)
		}
	}
}

func TestJoinPath(t *testing.T) {
	for prefix, want := range map[string]string{"": "x", "body": "body.x", "body.": "body.x", "body.lots[0].clauses": "body.lots[0].clauses.x"} {
		if got := joinPath(prefix, "x"); got != want {
			t.Errorf("joinPath(%q) = %q", prefix, got)
		}
	}
}
