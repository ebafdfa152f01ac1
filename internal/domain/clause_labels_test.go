package domain

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"passerelle/internal/taxonomy/taxonomytest"
)

// labelled is any clause code with labels.
type labelled interface {
	~string
	Valid() bool
	Label(lang string) string
}

func checkLabels[C labelled](t *testing.T, list string, codes []C) {
	t.Helper()
	for _, c := range codes {
		if !c.Valid() {
			t.Errorf("%s %q is listed but not valid", list, c)
		}
		seen := map[string]bool{}
		for _, l := range Languages {
			label := c.Label(string(l))
			if label == "" {
				t.Errorf("%s %q has no %s label", list, c, l)
			}
			seen[label] = true
		}
		// Each language has its own text, except codes whose official
		// labels coincide (none here has all four equal).
		if len(seen) < 2 {
			t.Errorf("%s %q has the same label in every language", list, c)
		}
		if c.Label("fr-BE") != c.Label("fr") || c.Label("it") != c.Label("en") {
			t.Errorf("%s %q: language tags are not mapped", list, c)
		}
	}
	var zero C
	if zero.Valid() || C("bogus").Valid() || C("bogus").Label("en") != "" {
		t.Errorf("%s accepts unknown codes", list)
	}
}

func TestClauseLabels(t *testing.T) {
	checkLabels(t, "reserved participation", ReservedParticipationCodes())
	checkLabels(t, "reserved execution", ReservedExecutionCodes())
	checkLabels(t, "strategic procurement", StrategicProcurementCodes())
	checkLabels(t, "social objective", SocialObjectiveCodes())
	checkLabels(t, "green objective", GreenObjectiveCodes())
	checkLabels(t, "accessibility", AccessibilityCodes())
	checkLabels(t, "eligible group", EligibleGroupCodes())
	checkLabels(t, "insertion means", InsertionMeansCodes())
	checkLabels(t, "award criterion type", AwardCriterionTypeCodes())
	checkLabels(t, "weight type", WeightTypeCodes())
	for _, pair := range []struct{ listed, labelled int }{
		{len(ReservedParticipationCodes()), len(reservedParticipationLabels)},
		{len(ReservedExecutionCodes()), len(reservedExecutionLabels)},
		{len(StrategicProcurementCodes()), len(strategicProcurementLabels)},
		{len(SocialObjectiveCodes()), len(socialObjectiveLabels)},
		{len(GreenObjectiveCodes()), len(greenObjectiveLabels)},
		{len(AccessibilityCodes()), len(accessibilityLabels)},
		{len(EligibleGroupCodes()), len(eligibleGroupLabels)},
		{len(InsertionMeansCodes()), len(insertionMeansLabels)},
		{len(AwardCriterionTypeCodes()), len(awardCriterionTypeLabels)},
		{len(WeightTypeCodes()), len(weightTypeLabels)},
	} {
		if pair.listed != pair.labelled {
			t.Errorf("a code list has %d codes and %d labels", pair.listed, pair.labelled)
		}
	}
}

// TestClauseLabelsMatchEForms compares the labels written into Go with
// the official eForms code lists, when the reference file is present.
func TestClauseLabelsMatchEForms(t *testing.T) {
	f, err := os.Open(taxonomytest.DataFile(t, "eforms_responsible_codelists.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	label := map[string]func(code, lang string) string{
		"reserved-procurement":  func(c, l string) string { return ReservedParticipation(c).Label(l) },
		"strategic-procurement": func(c, l string) string { return StrategicProcurement(c).Label(l) },
		"social-objective":      func(c, l string) string { return SocialObjective(c).Label(l) },
		"environmental-impact":  func(c, l string) string { return GreenObjective(c).Label(l) },
		"accessibility":         func(c, l string) string { return Accessibility(c).Label(l) },
	}
	header := rows[0]
	compared := map[string]int{}
	for _, row := range rows[1:] {
		fn, ok := label[row[0]]
		if !ok {
			continue // main-activity: a buyer's field, not a clause
		}
		compared[row[0]]++
		for i, col := range header {
			if col != "fr" && col != "de" && col != "en" && col != "nl" {
				continue
			}
			if got := fn(row[1], col); got != strings.TrimSpace(row[i]) {
				t.Errorf("%s %s %s:\n got %q\nwant %q", row[0], row[1], col, got, row[i])
			}
		}
	}
	want := map[string]int{"reserved-procurement": 3, "strategic-procurement": 4, "social-objective": 7,
		"environmental-impact": 7, "accessibility": 3}
	for list, n := range want {
		if compared[list] != n {
			t.Errorf("%s: %d codes in the file, %d expected", list, compared[list], n)
		}
	}
}

func TestArticle77CPV(t *testing.T) {
	f, err := os.Open(taxonomytest.DataFile(t, "cpv_social_services_eforms.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		if !IsArticle77CPV(row[0]) || !IsArticle77CPV(row[1]) {
			t.Errorf("%s is not recognised", row[0])
		}
	}
	if len(rows)-1 != len(article77CPV) {
		t.Errorf("%d codes in the file, %d in Go", len(rows)-1, len(article77CPV))
	}
}

func TestArticle77CPVWithoutFile(t *testing.T) {
	for code, want := range map[string]bool{
		"85311000-2": true, "85311000": true, " 92500000-6 ": true,
		"90911200-8": false, "85": false, "": false, "8531100": false,
	} {
		if IsArticle77CPV(code) != want {
			t.Errorf("IsArticle77CPV(%q) != %v", code, want)
		}
	}
}

func TestLegalBases(t *testing.T) {
	for _, b := range LegalBases() {
		for _, l := range []string{"en", "fr", "de", "nl"} {
			if b.Label(l) == "" || len(b.Explain(l)) < 150 {
				t.Errorf("%s in %s: label %q, explanation %q", b, l, b.Label(l), b.Explain(l))
			}
		}
		if b.Explain("fr") == b.Explain("en") || b.Explain("de") == b.Explain("nl") {
			t.Errorf("%s: explanations not translated", b)
		}
		if len(b.AcceptedCategories()) == 0 {
			t.Errorf("%s accepts nothing", b)
		}
	}
	minimum := map[LegalBasis]float64{BasisFRL211312: 50, BasisFRL211313: 50, BasisFRL211315: 0, BasisDEGWB118: 30,
		BasisBE2016Art15: 30, BasisLU2018Art20: 30, BasisEUArt20: 30, BasisEUArt77: 0}
	for b, want := range minimum {
		got, ok := b.MinimumShare()
		if got != want || ok != (want > 0) {
			t.Errorf("%s minimum %v %v, want %v", b, got, ok, want)
		}
	}
	for country, want := range map[string]map[ReservedParticipation][]LegalBasis{
		"FR": {ReservedShelteredWorkshops: {BasisFRL211312, BasisFRL211313, BasisEUArt20}, ReservedPublicService: {BasisFRL211315, BasisEUArt77}},
		"de": {ReservedShelteredWorkshops: {BasisDEGWB118, BasisEUArt20}, ReservedPublicService: {BasisEUArt77}},
		"BE": {ReservedShelteredWorkshops: {BasisBE2016Art15, BasisEUArt20}, ReservedPublicService: {BasisEUArt77}},
		"LU": {ReservedShelteredWorkshops: {BasisLU2018Art20, BasisEUArt20}, ReservedPublicService: {BasisEUArt77}},
		"NL": {ReservedShelteredWorkshops: {BasisEUArt20}, ReservedPublicService: {BasisEUArt77}},
		"CH": {ReservedShelteredWorkshops: nil, ReservedPublicService: nil},
	} {
		for r, bases := range want {
			if got := LegalBasesFor(country, r); !equalBases(got, bases) {
				t.Errorf("%s %s: %v, want %v", country, r, got, bases)
			}
		}
		if got := LegalBasesFor(country, ReservedNone); len(got) != 0 {
			t.Errorf("%s none: %v", country, got)
		}
	}
	if !BasisFRL211312.CombinableWith(BasisFRL211313) || !BasisFRL211313.CombinableWith(BasisFRL211312) ||
		BasisFRL211312.CombinableWith(BasisFRL211315) || BasisDEGWB118.CombinableWith(BasisEUArt20) {
		t.Error("combinations")
	}
	if !BasisDEGWB118.Accepts(SSELuAtelierProtege) || !BasisDEGWB118.Accepts(SSEFrSIAEEI) || BasisFRL211312.Accepts(SSEFrSIAEEI) ||
		BasisFRL211315.Accepts(SSEFrESAT) || !BasisEUArt77.Accepts(SSELuSIS) {
		t.Error("accepted categories")
	}
	if LegalBasis("FR_L2113_14").Valid() || LegalBasis("FR_L2113_14").Explain("fr") != "" {
		t.Error("unknown basis")
	}
}

func equalBases(a, b []LegalBasis) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
