package domain

import (
	"slices"
	"strings"
	"testing"
)

func validOffer() OfferFields {
	return OfferFields{Type: OfferServices, Language: LangDE, Title: "Gartenpflege", Description: "Wir pflegen **Grünanlagen**.",
		Sectors: []string{"green_spaces.maintenance"}, CPVCodes: []string{"77310000"}, Area: OfferArea{Mode: AreaCountry}}
}

func fieldsOf(ve *ValidationError) []string {
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Field+":"+f.Code)
	}
	slices.Sort(out)
	return out
}

func TestValidateOffer(t *testing.T) {
	days := 4000
	cents := int64(-1)
	for _, tc := range []struct {
		name   string
		change func(*OfferFields)
		coords bool
		want   []string
	}{
		{"valid", func(*OfferFields) {}, false, nil},
		{"empty", func(f *OfferFields) { *f = OfferFields{} }, false, []string{"body.area.mode:required", "body.description:required",
			"body.language:required", "body.title:required", "body.type:required"}},
		{"enums", func(f *OfferFields) { f.Type, f.Language, f.Area.Mode = "goods", "es", "planet" }, false,
			[]string{"body.area.mode:invalid", "body.language:invalid", "body.type:invalid"}},
		{"too long", func(f *OfferFields) {
			f.Title, f.Description = strings.Repeat("ü", MaxOfferTitle+1), strings.Repeat("x", MaxOfferDescription+1)
			f.Capacity, f.MinimumOrder = strings.Repeat("c", MaxOfferCapacity+1), strings.Repeat("m", MaxOfferMinimumOrder+1)
			f.Price = OfferPrice{Text: strings.Repeat("p", MaxOfferPriceText+1), Unit: strings.Repeat("u", MaxOfferPriceUnit+1)}
		}, false, []string{"body.capacity:too_long", "body.description:too_long", "body.minimum_order:too_long",
			"body.price.text:too_long", "body.price.unit:too_long", "body.title:too_long"}},
		// Shapes only: the catalogue, the check digit and the imported list are core's.
		{"codes", func(f *OfferFields) { f.Sectors, f.CPVCodes = []string{"Green Spaces"}, []string{"7731000-1"} }, false,
			[]string{"body.cpv_codes[0]:invalid", "body.sectors[0]:invalid"}},
		{"radius without coordinates", func(f *OfferFields) { f.Area = OfferArea{Mode: AreaRadius, RadiusKM: 30} }, false,
			[]string{"body.area.radius_km:no_coordinates"}},
		{"radius with coordinates", func(f *OfferFields) { f.Area = OfferArea{Mode: AreaRadius, RadiusKM: 30} }, true, nil},
		{"radius out of range", func(f *OfferFields) { f.Area = OfferArea{Mode: AreaRadius, RadiusKM: 0} }, true,
			[]string{"body.area.radius_km:out_of_range"}},
		{"regions", func(f *OfferFields) { f.Area = OfferArea{Mode: AreaRegions} }, false, []string{"body.area.regions:required"}},
		{"regions with country", func(f *OfferFields) { f.Area = OfferArea{Mode: AreaCountry, Regions: []string{"DEC0"}} }, false,
			[]string{"body.area.regions:unexpected"}},
		{"region shape", func(f *OfferFields) { f.Area = OfferArea{Mode: AreaRegions, Regions: []string{"DEC0", "12AB"}} }, false,
			[]string{"body.area.regions[1]:invalid"}},
		{"translations", func(f *OfferFields) {
			f.Translations = []OfferText{{Lang: LangDE, Title: "x", Description: "y"}, {Lang: "it", Title: "", Description: "y"}}
		}, false, []string{"body.translations[0].lang:duplicate", "body.translations[1].lang:invalid", "body.translations[1].title:required"}},
		{"numbers", func(f *OfferFields) {
			f.LeadTimeDays, f.Price = &days, OfferPrice{AmountCents: &cents, Currency: "euro"}
		}, false, []string{"body.lead_time_days:out_of_range", "body.price.amount_cents:out_of_range", "body.price.currency:invalid"}},
		{"currency alone", func(f *OfferFields) { f.Price = OfferPrice{Currency: "EUR"} }, false, []string{"body.price.currency:unexpected"}},
		{"labels", func(f *OfferFields) { f.Labels = []string{"", strings.Repeat("l", MaxOfferLabel+1)} }, false,
			[]string{"body.labels[0]:required", "body.labels[1]:too_long"}},
	} {
		f := validOffer()
		tc.change(&f)
		got := fieldsOf(ValidateOffer(f.Normalize(), tc.coords))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestOfferNormalizeAndDedup(t *testing.T) {
	cents := int64(1200)
	f := OfferFields{Language: " FR ", Title: "  Nettoyage   de  bureaux ", Sectors: []string{" Cleaning.Offices", "cleaning.offices"},
		CPVCodes: []string{" 90911200-8", "90911200-8"}, Labels: []string{"Eco  label", "Eco label"},
		Area:  OfferArea{Mode: AreaRegions, RadiusKM: 5, Regions: []string{"lu000", "FRF33", "LU000"}},
		Price: OfferPrice{AmountCents: &cents}}.Normalize()
	if f.Language != LangFR || f.Title != "Nettoyage de bureaux" || f.Area.RadiusKM != 0 || f.Price.Currency != "EUR" ||
		len(f.CPVCodes) != 2 || len(f.Area.Regions) != 3 {
		t.Errorf("normalized: %+v", f)
	}
	f = f.Dedup()
	if !slices.Equal(f.Sectors, []string{"cleaning.offices"}) || !slices.Equal(f.CPVCodes, []string{"90911200-8"}) ||
		!slices.Equal(f.Labels, []string{"Eco label"}) || !slices.Equal(f.Area.Regions, []string{"FRF33", "LU000"}) {
		t.Errorf("deduplicated: %+v", f)
	}
}

func TestValidateOfferSubmissionAndReason(t *testing.T) {
	if ValidateOfferSubmission(validOffer()).Err() != nil {
		t.Error("a classified offer refused")
	}
	if got := fieldsOf(ValidateOfferSubmission(OfferFields{})); !slices.Equal(got, []string{"sectors:required"}) {
		t.Errorf("unclassified: %v", got)
	}
	if ValidateDecisionReason("", false, "body.reason").Err() != nil || ValidateDecisionReason("  ", true, "body.reason").Err() == nil ||
		ValidateDecisionReason(strings.Repeat("r", MaxDecisionReason+1), false, "body.reason").Err() == nil {
		t.Error("decision reasons")
	}
}
