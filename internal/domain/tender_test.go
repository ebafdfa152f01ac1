package domain

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestLotClausesValidate(t *testing.T) {
	pct := func(ws ...float64) []AwardCriterion {
		out := make([]AwardCriterion, len(ws))
		for i, w := range ws {
			out[i] = AwardCriterion{Type: "quality", Name: "c", WeightType: "percentage", Weight: w}
		}
		return out
	}
	for name, tc := range map[string]struct {
		c    LotClauses
		want map[string]string
	}{
		"empty is no reservation":   {LotClauses{}, map[string]string{}},
		"reserved FR EA/ESAT":       {LotClauses{ReservedParticipation: "res-ws", LegalBasis: "FR_L2113_12"}, map[string]string{}},
		"reserved DE":               {LotClauses{ReservedParticipation: "res-ws", LegalBasis: "DE_GWB_118"}, map[string]string{}},
		"public service FR":         {LotClauses{ReservedParticipation: "res-pub-ser", LegalBasis: "FR_L2113_15"}, map[string]string{}},
		"unknown reservation":       {LotClauses{ReservedParticipation: "yes"}, map[string]string{"c.reserved_participation": "invalid"}},
		"reserved without basis":    {LotClauses{ReservedParticipation: "res-ws"}, map[string]string{"c.legal_basis": "required"}},
		"basis without reservation": {LotClauses{LegalBasis: "FR_L2113_12"}, map[string]string{"c.legal_basis": "not_reserved"}},
		"unknown basis":             {LotClauses{ReservedParticipation: "res-ws", LegalBasis: "FR_L9999"}, map[string]string{"c.legal_basis": "invalid"}},
		"art. 77 is not res-ws":     {LotClauses{ReservedParticipation: "res-ws", LegalBasis: "EU_ART77"}, map[string]string{"c.legal_basis": "wrong_basis"}},
		"art. 20 is not res-pub-ser": {LotClauses{ReservedParticipation: "res-pub-ser", LegalBasis: "EU_ART20"},
			map[string]string{"c.legal_basis": "wrong_basis"}},
		"weights sum to 100":     {LotClauses{AwardCriteria: pct(60, 40)}, map[string]string{}},
		"weights sum to 90":      {LotClauses{AwardCriteria: pct(60, 30)}, map[string]string{"c.award_criteria": "weights_not_100"}},
		"weights sum to 110":     {LotClauses{AwardCriteria: pct(60, 50)}, map[string]string{"c.award_criteria": "weights_not_100"}},
		"decimal weights to 100": {LotClauses{AwardCriteria: pct(33.3, 33.3, 33.4)}, map[string]string{}},
		"points need no sum": {LotClauses{AwardCriteria: []AwardCriterion{{Type: "price", Name: "p", WeightType: "points", Weight: 30}}},
			map[string]string{}},
		"bad criterion": {LotClauses{AwardCriteria: []AwardCriterion{{Type: "beauty", Name: "", WeightType: "kg", Weight: -1}}},
			map[string]string{"c.award_criteria[0].type": "invalid", "c.award_criteria[0].name": "required",
				"c.award_criteria[0].weight_type": "invalid", "c.award_criteria[0].weight": "out_of_range"}},
		"long name": {LotClauses{AwardCriteria: []AwardCriterion{{Type: "price", Name: strings.Repeat("n", 201), WeightType: "order", Weight: 1}}},
			map[string]string{"c.award_criteria[0].name": "too_long"}},
		"too many": {LotClauses{AwardCriteria: make([]AwardCriterion, 21)}, map[string]string{"c.award_criteria": "too_many"}},
	} {
		got := fieldCodes(tc.c.Normalize().Validate("c."))
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", name, got, tc.want)
			continue
		}
		for f, code := range tc.want {
			if got[f] != code {
				t.Errorf("%s: %s = %q, want %q (all: %v)", name, f, got[f], code, got)
			}
		}
	}
}

func goodTender(now time.Time) Tender {
	return NormalizeTender(Tender{Kind: TenderFormal, OriginalLanguage: LangFR, PlaceNUTS: "frf33", PlaceTown: " Thionville ",
		QuestionsDeadline: now.Add(24 * time.Hour), ResponsesDeadline: now.Add(48 * time.Hour), ResponseLanguages: []Language{LangFR},
		Texts: []TenderText{{Language: LangFR, Title: "Nettoyage"}, {Language: LangDE, Title: "Reinigung"}}})
}

func TestValidateTender(t *testing.T) {
	now := time.Now()
	if ve := ValidateTender(goodTender(now), now); ve.Err() != nil {
		t.Fatalf("good tender: %v", ve)
	}
	for name, tc := range map[string]struct {
		change func(*Tender)
		want   map[string]string
	}{
		"kind":             {func(t *Tender) { t.Kind = "auction" }, map[string]string{"body.kind": "invalid"}},
		"nuts":             {func(t *Tender) { t.PlaceNUTS = "F-33" }, map[string]string{"body.place_nuts": "invalid"}},
		"town":             {func(t *Tender) { t.PlaceTown = strings.Repeat("x", 201) }, map[string]string{"body.place_town": "too_long"}},
		"responses passed": {func(t *Tender) { t.ResponsesDeadline = now.Add(-time.Minute) }, map[string]string{"body.responses_deadline": "in_past", "body.questions_deadline": "after_responses"}},
		"questions after":  {func(t *Tender) { t.QuestionsDeadline = now.Add(72 * time.Hour) }, map[string]string{"body.questions_deadline": "after_responses"}},
		"no deadlines": {func(t *Tender) { t.QuestionsDeadline, t.ResponsesDeadline = time.Time{}, time.Time{} },
			map[string]string{"body.questions_deadline": "required", "body.responses_deadline": "required"}},
		"languages":      {func(t *Tender) { t.ResponseLanguages = []Language{"fr", "fr", "xx"} }, map[string]string{"body.response_languages[1]": "invalid", "body.response_languages[2]": "invalid"}},
		"no language":    {func(t *Tender) { t.ResponseLanguages = nil }, map[string]string{"body.response_languages": "required"}},
		"no title":       {func(t *Tender) { t.Texts[0].Title = "" }, map[string]string{"body.title": "required"}},
		"long text":      {func(t *Tender) { t.Texts[1].Description = strings.Repeat("d", 20001) }, map[string]string{"body.texts[1].description": "too_long"}},
		"twice the same": {func(t *Tender) { t.Texts[1].Language = LangFR }, map[string]string{"body.texts[1].language": "invalid", "body.language": "invalid"}},
	} {
		tn := goodTender(now)
		tc.change(&tn)
		got := fieldCodes(ValidateTender(NormalizeTender(tn), now))
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", name, got, tc.want)
			continue
		}
		for f, code := range tc.want {
			if got[f] != code {
				t.Errorf("%s: %s = %q, want %q", name, f, got[f], code)
			}
		}
	}
}

func TestValidateLot(t *testing.T) {
	one, two := int64(100), int64(50)
	l := NormalizeLot(TenderLot{Title: "Lot", CPV: []string{"90910000-9", "90910000-9", "9091000-9"}, ValueMin: &one, ValueMax: &two, Currency: "eur"})
	got := fieldCodes(ValidateLot(l, "body."))
	want := map[string]string{"body.cpv[1]": "invalid", "body.value_max_cents": "out_of_range"}
	if len(got) != len(want) || got["body.cpv[1]"] != "invalid" || got["body.value_max_cents"] != "out_of_range" {
		t.Errorf("got %v, want %v (duplicate CPV codes merged)", got, want)
	}
	l = NormalizeLot(TenderLot{Title: "Lot", ValueMin: &one, Currency: "euro"})
	if got := fieldCodes(ValidateLot(l, "")); got["value_max_cents"] != "required" || got["currency"] != "invalid" {
		t.Errorf("half a band, bad currency: %v", got)
	}
}

func TestSubstantialChange(t *testing.T) {
	now := time.Now()
	base := goodTender(now)
	base.Lots = []TenderLot{{ID: "l1", Title: "Lot", Clauses: LotClauses{ReservedParticipation: "none"}}}
	for name, tc := range map[string]struct {
		change func(*Tender)
		want   bool
	}{
		"nothing":            {func(*Tender) {}, false},
		"deadline extended":  {func(t *Tender) { t.ResponsesDeadline = t.ResponsesDeadline.Add(time.Hour) }, false},
		"deadline shortened": {func(t *Tender) { t.ResponsesDeadline = t.ResponsesDeadline.Add(-time.Hour) }, true},
		"questions earlier":  {func(t *Tender) { t.QuestionsDeadline = t.QuestionsDeadline.Add(-time.Hour) }, true},
		"town":               {func(t *Tender) { t.PlaceTown = "Metz" }, false},
		"lot added":          {func(t *Tender) { t.Lots = append(t.Lots, TenderLot{ID: "l2"}) }, true},
		"clauses": {func(t *Tender) {
			t.Lots = []TenderLot{{ID: "l1", Title: "Lot", Clauses: LotClauses{ReservedParticipation: "res-ws", LegalBasis: "DE_GWB_118"}}}
		}, true},
		"lot title": {func(t *Tender) {
			t.Lots = []TenderLot{{ID: "l1", Title: "Autre", Clauses: LotClauses{ReservedParticipation: "none"}}}
		}, true},
	} {
		after := base
		tc.change(&after)
		if got := SubstantialChange(base, after); got != tc.want {
			t.Errorf("%s: %v, want %v", name, got, tc.want)
		}
	}
	if err := SubstantialEditAllowed(now.Add(7*24*time.Hour), now); err != nil {
		t.Errorf("7 days are enough: %v", err)
	}
	if err := SubstantialEditAllowed(now.Add(7*24*time.Hour-time.Minute), now); !errors.Is(err, ErrConflict) {
		t.Errorf("less than 7 days: %v", err)
	}
}
