package domain

import (
	"slices"
	"testing"
)

func TestSSEStatusTypes(t *testing.T) {
	want := map[SSEStatusType]struct{ country, category string }{
		SSEFrESAT:                    {"FR", SSECategorySheltered},
		SSEFrEA:                      {"FR", SSECategorySheltered},
		SSEFrEATT:                    {"FR", SSECategorySheltered},
		SSEFrSIAEEI:                  {"FR", SSECategoryIntegration},
		SSEFrSIAEACI:                 {"FR", SSECategoryIntegration},
		SSEFrSIAEAI:                  {"FR", SSECategoryIntegration},
		SSEFrSIAEETTI:                {"FR", SSECategoryIntegration},
		SSEFrSIAEEITI:                {"FR", SSECategoryIntegration},
		SSEFrGEIQ:                    {"FR", SSECategoryIntegration},
		SSEFrESUS:                    {"FR", SSECategorySocialEconomy},
		SSEFrSCOP:                    {"FR", SSECategorySocialEconomy},
		SSEFrSCIC:                    {"FR", SSECategorySocialEconomy},
		SSEFrAssociation:             {"FR", SSECategorySocialEconomy},
		SSEDeWfbM:                    {"DE", SSECategorySheltered},
		SSEDeInklusionsbetrieb:       {"DE", SSECategorySheltered},
		SSEDeSozialunternehmen:       {"DE", SSECategorySocialEconomy},
		SSEDeGemeinnuetzig:           {"DE", SSECategorySocialEconomy},
		SSEBeETA:                     {"BE", SSECategorySheltered},
		SSEBeEntrepriseInsertion:     {"BE", SSECategoryIntegration},
		SSEBeEntrepriseSociale:       {"BE", SSECategorySocialEconomy},
		SSEBeCooperativeAgreee:       {"BE", SSECategorySocialEconomy},
		SSELuSIS:                     {"LU", SSECategorySocialEconomy},
		SSELuAtelierProtege:          {"LU", SSECategorySheltered},
		SSELuInitiativeSocialeEmploi: {"LU", SSECategoryIntegration},
		SSELuAssociationFondation:    {"LU", SSECategorySocialEconomy},
	}
	if got := SSEStatusTypes(); len(got) != len(want) {
		t.Fatalf("SSEStatusTypes has %d types, want %d", len(got), len(want))
	}
	for typ, w := range want {
		if !typ.Valid() {
			t.Errorf("%s must be valid", typ)
		}
		if got := typ.Country(); got != w.country {
			t.Errorf("%s: country %q, want %q", typ, got, w.country)
		}
		if got := typ.Category(); got != w.category {
			t.Errorf("%s: category %q, want %q", typ, got, w.category)
		}
		n := 0
		for _, c := range []string{"FR", "DE", "BE", "LU"} {
			if slices.Contains(SSEStatusTypesFor(c), typ) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s is listed for %d countries, want 1", typ, n)
		}
		labels := map[string]bool{}
		for _, l := range Languages {
			label := typ.Label(string(l))
			if label == "" {
				t.Errorf("%s: empty %s label", typ, l)
			}
			labels[label] = true
		}
		if len(labels) < 2 {
			t.Errorf("%s: labels are not translated", typ)
		}
	}
}

func TestSSEStatusTypesFor(t *testing.T) {
	for _, c := range []struct {
		country string
		want    []SSEStatusType
	}{
		{"FR", []SSEStatusType{
			SSEFrESAT, SSEFrEA, SSEFrEATT, SSEFrSIAEEI, SSEFrSIAEACI, SSEFrSIAEAI, SSEFrSIAEETTI,
			SSEFrSIAEEITI, SSEFrGEIQ, SSEFrESUS, SSEFrSCOP, SSEFrSCIC, SSEFrAssociation,
		}},
		{"de", []SSEStatusType{SSEDeWfbM, SSEDeInklusionsbetrieb, SSEDeSozialunternehmen, SSEDeGemeinnuetzig}},
		{" BE ", []SSEStatusType{SSEBeETA, SSEBeEntrepriseInsertion, SSEBeEntrepriseSociale, SSEBeCooperativeAgreee}},
		{"LU", []SSEStatusType{SSELuSIS, SSELuAtelierProtege, SSELuInitiativeSocialeEmploi, SSELuAssociationFondation}},
		{"NL", nil},
		{"", nil},
	} {
		if got := SSEStatusTypesFor(c.country); !slices.Equal(got, c.want) {
			t.Errorf("SSEStatusTypesFor(%q) = %v, want %v", c.country, got, c.want)
		}
	}
}

func TestSSEStatusTypeUnknown(t *testing.T) {
	for _, typ := range []SSEStatusType{"", "fr_esatt", "FR_ESAT", "it_cooperativa_sociale"} {
		if typ.Valid() || typ.Country() != "" || typ.Category() != "" || typ.Label("en") != "" {
			t.Errorf("%q must be invalid with no country, category or label", typ)
		}
	}
}

func TestSSEStatusTypeLabel(t *testing.T) {
	for _, c := range []struct {
		lang, want string
	}{
		{"fr", "ESAT (établissement et service d'aide par le travail)"},
		{"fr-FR", "ESAT (établissement et service d'aide par le travail)"},
		{"en", "ESAT (French sheltered work establishment for disabled people)"},
		{"it", "ESAT (French sheltered work establishment for disabled people)"},
		{"", "ESAT (French sheltered work establishment for disabled people)"},
	} {
		if got := SSEFrESAT.Label(c.lang); got != c.want {
			t.Errorf("Label(%q) = %q, want %q", c.lang, got, c.want)
		}
	}
}

func TestSSEStatusTypesIsACopy(t *testing.T) {
	SSEStatusTypes()[0] = "changed"
	if SSEStatusTypes()[0] != SSEFrESAT {
		t.Fatal("callers must not be able to change the list")
	}
}

func TestVerificationStateCanBecome(t *testing.T) {
	const (
		u = VerificationUnverified
		p = VerificationPending
		v = VerificationVerified
		r = VerificationRejected
	)
	allowed := map[[2]VerificationState]bool{
		{u, p}: true, // first submission
		{p, v}: true, // moderator accepts
		{p, r}: true, // moderator refuses
		{r, p}: true, // resubmission
		{v, p}: true, // evidence changed or renewed
	}
	states := []VerificationState{u, p, v, r, "expired", ""}
	for _, from := range states {
		for _, to := range states {
			want := allowed[[2]VerificationState{from, to}]
			if got := from.CanBecome(to); got != want {
				t.Errorf("%q.CanBecome(%q) = %v, want %v", from, to, got, want)
			}
		}
	}
	for _, s := range states {
		if want := s != "expired" && s != ""; s.Valid() != want {
			t.Errorf("%q.Valid() = %v, want %v", s, s.Valid(), want)
		}
	}
}

func TestVerificationStateName(t *testing.T) {
	for _, s := range []VerificationState{VerificationUnverified, VerificationPending, VerificationVerified, VerificationRejected} {
		n := s.Name()
		if n.EN != string(s) || n.FR == "" || n.DE == "" || n.NL == "" || n.FR == n.EN || n.DE == n.EN || n.NL == n.EN {
			t.Errorf("%s is not named in every language: %+v", s, n)
		}
	}
	if n := VerificationState("lapsed").Name(); n.With()[LangDE] != "lapsed" {
		t.Errorf("an unknown state is named as it is: %+v", n)
	}
}
