package domain

import (
	"strings"
	"testing"
	"time"
)

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
	fr := ClauseContext{BuyerCountry: "FR"}
	l := NormalizeLot(TenderLot{Title: "Lot", CPV: []string{"90910000-9", "90910000-9"}, ValueMin: &one, ValueMax: &two, Currency: "eur"})
	got := fieldCodes(ValidateLot(l, fr, "body."))
	if len(got) != 1 || got["body.value_max_cents"] != "out_of_range" || len(l.CPV) != 1 {
		t.Errorf("got %v (CPV %v), want a bad band only and duplicate CPV codes merged", got, l.CPV)
	}
	if l.Clauses.ReservedParticipation != ReservedNone || l.Clauses.Accessibility != AccessibilityIncluded {
		t.Errorf("omitted clause codes take the defaults: %+v", l.Clauses)
	}
	l = NormalizeLot(TenderLot{Title: "Lot", ValueMin: &one, Currency: "euro"})
	if got := fieldCodes(ValidateLot(l, fr, "")); got["value_max_cents"] != "required" || got["currency"] != "invalid" {
		t.Errorf("half a band, bad currency: %v", got)
	}
	// The clauses are the shared model's, checked for the buyer's country
	// and the lot's CPV codes, under "clauses".
	reserved := NormalizeLot(TenderLot{Title: "Lot", Currency: "EUR", Clauses: LotClauses{
		ReservedParticipation: ReservedShelteredWorkshops, LegalBases: []LegalBasis{"DE_GWB_118"}}})
	if got := fieldCodes(ValidateLot(reserved, fr, "body.")); got["body.clauses.legal_bases[0]"] == "" {
		t.Errorf("a German basis for a French buyer: %v", got)
	}
	if got := fieldCodes(ValidateLot(reserved, ClauseContext{BuyerCountry: "DE"}, "body.")); len(got) != 0 {
		t.Errorf("a German basis for a German buyer: %v", got)
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
			t.Lots = []TenderLot{{ID: "l1", Title: "Lot", Clauses: LotClauses{ReservedParticipation: "res-ws", LegalBases: []LegalBasis{"DE_GWB_118"}}}}
		}, true},
		"same clauses, lists left out": {func(t *Tender) {
			t.Lots = []TenderLot{{ID: "l1", Title: "Lot", Clauses: LotClauses{ReservedParticipation: "none", LegalBases: []LegalBasis{}}}}
		}, false},
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
}
