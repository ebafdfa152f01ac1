package domain

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestEligibility(t *testing.T) {
	at := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	share := func(v float64) *float64 { return &v }
	status := func(typ SSEStatusType, s *float64) SSEStatus {
		return SSEStatus{Type: typ, State: VerificationVerified, ValidUntil: at.AddDate(1, 0, 0), DisabledShare: s}
	}
	reserved := func(bases ...LegalBasis) LotClauses {
		c := DefaultLotClauses()
		c.ReservedParticipation = ReservedShelteredWorkshops
		if len(bases) > 0 && bases[0].Reservation() == ReservedPublicService {
			c.ReservedParticipation = ReservedPublicService
		}
		c.LegalBases = bases
		return c
	}
	supplier := func(country string, statuses ...SSEStatus) EligibilitySupplier {
		return EligibilitySupplier{Country: country, VerifiedStatuses: statuses}
	}
	withAward := func(s EligibilitySupplier, b LegalBasis, on time.Time) EligibilitySupplier {
		s.ReservedAwardsFromBuyer = append(s.ReservedAwardsFromBuyer, ReservedAward{Basis: b, AwardedAt: on})
		return s
	}
	expired := status(SSEFrEA, share(80))
	expired.ValidUntil = at.AddDate(0, 0, -1)
	pending := status(SSEFrEA, share(80))
	pending.State = VerificationPending
	lastDay := status(SSEFrEA, share(80))
	lastDay.ValidUntil = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	executionReserved := DefaultLotClauses()
	executionReserved.ReservedExecution = ReservedExecutionYes
	noBasis := reserved()

	cases := []struct {
		name     string
		supplier EligibilitySupplier
		clauses  LotClauses
		want     EligibilityResult
		// reasons are the reason codes expected, in order.
		reasons []string
	}{
		// France, art. L2113-12: EA, ESAT and equivalents, 50 %.
		{"FR L2113-12, French EA at 80 %", supplier("FR", status(SSEFrEA, share(80))), reserved(BasisFRL211312), Eligible, []string{ReasonQualifies}},
		{"FR L2113-12, French ESAT at 100 %", supplier("FR", status(SSEFrESAT, share(100))), reserved(BasisFRL211312), Eligible, []string{ReasonQualifies}},
		{"FR L2113-12, French EATT without a share", supplier("FR", status(SSEFrEATT, nil)), reserved(BasisFRL211312), EligibilityUnknown, []string{ReasonShareUnknown}},
		{"FR L2113-12, French EA at 45 %", supplier("FR", status(SSEFrEA, share(45))), reserved(BasisFRL211312), NotEligible, []string{ReasonShareBelowMinimum}},
		{"FR L2113-12, French EA exactly at 50 %", supplier("FR", status(SSEFrEA, share(50))), reserved(BasisFRL211312), Eligible, []string{ReasonQualifies}},
		{"FR L2113-12, French EI is integration, not sheltered", supplier("FR", status(SSEFrSIAEEI, share(60))), reserved(BasisFRL211312), NotEligible, []string{ReasonCategoryNotAccepted}},
		{"FR L2113-12, Luxembourg atelier protégé at 40 % misses the French floor", supplier("LU", status(SSELuAtelierProtege, share(40))), reserved(BasisFRL211312), NotEligible, []string{ReasonShareBelowMinimum}},
		{"FR L2113-12, Luxembourg atelier protégé at 55 % is an equivalent structure", supplier("LU", status(SSELuAtelierProtege, share(55))), reserved(BasisFRL211312), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		{"FR L2113-12, German WfbM without a share", supplier("DE", status(SSEDeWfbM, nil)), reserved(BasisFRL211312), EligibilityUnknown, []string{ReasonShareUnknown}},
		{"FR L2113-12, Belgian ETA at 50 %", supplier("BE", status(SSEBeETA, share(50))), reserved(BasisFRL211312), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		// France, art. L2113-13: SIAE and equivalents, 50 %.
		{"FR L2113-13, French EI at 60 %", supplier("FR", status(SSEFrSIAEEI, share(60))), reserved(BasisFRL211313), Eligible, []string{ReasonQualifies}},
		{"FR L2113-13, French ACI at 30 %", supplier("FR", status(SSEFrSIAEACI, share(30))), reserved(BasisFRL211313), NotEligible, []string{ReasonShareBelowMinimum}},
		{"FR L2113-13, French ESAT is sheltered, not integration", supplier("FR", status(SSEFrESAT, share(100))), reserved(BasisFRL211313), NotEligible, []string{ReasonCategoryNotAccepted}},
		{"FR L2113-13, Belgian entreprise d'insertion at 49.99 %", supplier("BE", status(SSEBeEntrepriseInsertion, share(49.99))), reserved(BasisFRL211313), NotEligible, []string{ReasonShareBelowMinimum}},
		{"FR L2113-13, Luxembourg social employment initiative at 70 %", supplier("LU", status(SSELuInitiativeSocialeEmploi, share(70))), reserved(BasisFRL211313), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		// France, L2113-12 combined with L2113-13.
		{"FR L2113-12+13, French ETTI at 55 %", supplier("FR", status(SSEFrSIAEETTI, share(55))), reserved(BasisFRL211312, BasisFRL211313), Eligible, []string{ReasonQualifies}},
		{"FR L2113-12+13, French ESAT at 70 %", supplier("FR", status(SSEFrESAT, share(70))), reserved(BasisFRL211312, BasisFRL211313), Eligible, []string{ReasonQualifies}},
		{"FR L2113-12+13, French SCOP is neither kind", supplier("FR", status(SSEFrSCOP, nil)), reserved(BasisFRL211312, BasisFRL211313), NotEligible, []string{ReasonCategoryNotAccepted, ReasonCategoryNotAccepted}},
		// France, art. L2113-15: ESS companies, no share, repeat-award bar.
		{"FR L2113-15, French SCOP", supplier("FR", status(SSEFrSCOP, nil)), reserved(BasisFRL211315), Eligible, []string{ReasonQualifies}},
		{"FR L2113-15, French ESAT is not an ESS status", supplier("FR", status(SSEFrESAT, share(100))), reserved(BasisFRL211315), NotEligible, []string{ReasonCategoryNotAccepted}},
		{"FR L2113-15, French ESUS that won here 2 years ago", withAward(supplier("FR", status(SSEFrESUS, nil)), BasisFRL211315, at.AddDate(-2, 0, 0)), reserved(BasisFRL211315), NotEligible, []string{ReasonRepeatAwardBarred}},
		{"FR L2113-15, French ESUS that won here 3 years and a day ago", withAward(supplier("FR", status(SSEFrESUS, nil)), BasisFRL211315, at.AddDate(-3, 0, -1)), reserved(BasisFRL211315), Eligible, []string{ReasonQualifies}},
		{"FR L2113-15, a past award under an article 20 basis does not bar", withAward(supplier("FR", status(SSEFrSCIC, nil)), BasisFRL211312, at.AddDate(-1, 0, 0)), reserved(BasisFRL211315), Eligible, []string{ReasonQualifies}},
		{"FR L2113-15, Luxembourg SIS is an equivalent structure", supplier("LU", status(SSELuSIS, nil)), reserved(BasisFRL211315), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		// Germany, § 118 GWB: both kinds, 30 %.
		{"DE GWB 118, German WfbM at 90 %", supplier("DE", status(SSEDeWfbM, share(90))), reserved(BasisDEGWB118), Eligible, []string{ReasonQualifies}},
		{"DE GWB 118, German Inklusionsbetrieb at 35 %", supplier("DE", status(SSEDeInklusionsbetrieb, share(35))), reserved(BasisDEGWB118), Eligible, []string{ReasonQualifies}},
		{"DE GWB 118, German Inklusionsbetrieb at 25 %", supplier("DE", status(SSEDeInklusionsbetrieb, share(25))), reserved(BasisDEGWB118), NotEligible, []string{ReasonShareBelowMinimum}},
		{"DE GWB 118, Luxembourg atelier protégé at 40 %", supplier("LU", status(SSELuAtelierProtege, share(40))), reserved(BasisDEGWB118), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		{"DE GWB 118, French EI at 40 %: both kinds are open", supplier("FR", status(SSEFrSIAEEI, share(40))), reserved(BasisDEGWB118), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		{"DE GWB 118, German Sozialunternehmen", supplier("DE", status(SSEDeSozialunternehmen, nil)), reserved(BasisDEGWB118), NotEligible, []string{ReasonCategoryNotAccepted}},
		{"DE GWB 118, German WfbM without a share", supplier("DE", status(SSEDeWfbM, nil)), reserved(BasisDEGWB118), EligibilityUnknown, []string{ReasonShareUnknown}},
		{"DE GWB 118, gGmbH refused but WfbM at 30 % qualifies", supplier("DE", status(SSEDeGemeinnuetzig, nil), status(SSEDeWfbM, share(30))), reserved(BasisDEGWB118), Eligible, []string{ReasonQualifies}},
		// Belgium, law of 17 June 2016 art. 15: both kinds, 30 %, equivalents accepted.
		{"BE art. 15, supplier country unknown: the status's country counts", supplier("", status(SSELuAtelierProtege, share(40))), reserved(BasisBE2016Art15), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		{"BE art. 15, Belgian ETA at 60 %", supplier("BE", status(SSEBeETA, share(60))), reserved(BasisBE2016Art15), Eligible, []string{ReasonQualifies}},
		{"BE art. 15, Luxembourg atelier protégé at 40 %", supplier("LU", status(SSELuAtelierProtege, share(40))), reserved(BasisBE2016Art15), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		{"BE art. 15, Belgian social enterprise approval", supplier("BE", status(SSEBeEntrepriseSociale, nil)), reserved(BasisBE2016Art15), NotEligible, []string{ReasonCategoryNotAccepted}},
		{"BE art. 15, French ESAT without a share", supplier("FR", status(SSEFrESAT, nil)), reserved(BasisBE2016Art15), EligibilityUnknown, []string{ReasonShareUnknown}},
		{"BE art. 15, Belgian entreprise d'insertion at 29.5 %", supplier("BE", status(SSEBeEntrepriseInsertion, share(29.5))), reserved(BasisBE2016Art15), NotEligible, []string{ReasonShareBelowMinimum}},
		{"BE art. 15, German WfbM at 30 %", supplier("DE", status(SSEDeWfbM, share(30))), reserved(BasisBE2016Art15), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		// Luxembourg, law of 8 April 2018 art. 20: both kinds, 30 %.
		{"LU art. 20, Luxembourg atelier protégé at 40 %", supplier("LU", status(SSELuAtelierProtege, share(40))), reserved(BasisLU2018Art20), Eligible, []string{ReasonQualifies}},
		{"LU art. 20, Luxembourg social employment initiative at 35 %", supplier("LU", status(SSELuInitiativeSocialeEmploi, share(35))), reserved(BasisLU2018Art20), Eligible, []string{ReasonQualifies}},
		{"LU art. 20, Luxembourg SIS", supplier("LU", status(SSELuSIS, nil)), reserved(BasisLU2018Art20), NotEligible, []string{ReasonCategoryNotAccepted}},
		{"LU art. 20, French EA at 20 %", supplier("FR", status(SSEFrEA, share(20))), reserved(BasisLU2018Art20), NotEligible, []string{ReasonShareBelowMinimum}},
		{"LU art. 20, Belgian ETA at 45 %", supplier("BE", status(SSEBeETA, share(45))), reserved(BasisLU2018Art20), Eligible, []string{ReasonQualifies, ReasonEquivalentStructure}},
		// The Directive cited directly.
		{"EU art. 20, French EA at 35 %: no national floor", supplier("FR", status(SSEFrEA, share(35))), reserved(BasisEUArt20), Eligible, []string{ReasonQualifies}},
		{"EU art. 77, Belgian approved cooperative", supplier("BE", status(SSEBeCooperativeAgreee, nil)), reserved(BasisEUArt77), Eligible, []string{ReasonQualifies}},
		{"EU art. 77, French SCIC that won under L2113-15 a year ago", withAward(supplier("FR", status(SSEFrSCIC, nil)), BasisFRL211315, at.AddDate(-1, 0, 0)), reserved(BasisEUArt77), NotEligible, []string{ReasonRepeatAwardBarred}},
		// Which statuses count.
		{"expired status does not count", supplier("FR", expired), reserved(BasisFRL211312), NotEligible, []string{ReasonNoVerifiedStatus}},
		{"pending status does not count", supplier("FR", pending), reserved(BasisFRL211312), NotEligible, []string{ReasonNoVerifiedStatus}},
		{"status valid until today counts", supplier("FR", lastDay), reserved(BasisFRL211312), Eligible, []string{ReasonQualifies}},
		{"no status at all for a reserved lot", supplier("FR"), reserved(BasisDEGWB118), NotEligible, []string{ReasonNoVerifiedStatus}},
		{"expired qualifying status beside a low counting one", supplier("FR", expired, status(SSEFrEA, share(20))), reserved(BasisDEGWB118), NotEligible, []string{ReasonShareBelowMinimum}},
		{"a missing share outweighs a refusal", supplier("FR", status(SSEFrEA, share(40)), status(SSEFrESAT, nil)), reserved(BasisFRL211312), EligibilityUnknown, []string{ReasonShareUnknown, ReasonShareBelowMinimum}},
		// Lots without a reservation.
		{"unreserved lot, supplier without status", supplier("FR"), DefaultLotClauses(), Eligible, []string{ReasonNotReserved}},
		{"unreserved lot with reserved execution", supplier("DE", status(SSEDeWfbM, share(90))), executionReserved, Eligible, []string{ReasonNotReserved, ReasonExecutionReserved}},
		{"reserved lot without a legal basis", supplier("FR", status(SSEFrEA, share(80))), noBasis, EligibilityUnknown, []string{ReasonNoLegalBasis}},
	}
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Eligibility(tc.supplier, tc.clauses, at)
			codes := make([]string, len(got.Reasons))
			for i, r := range got.Reasons {
				codes[i] = r.Code
				for _, l := range Languages {
					if m := r.Messages[l]; m == "" || strings.Contains(m, "%!") {
						t.Errorf("reason %s in %s: %q", r.Code, l, m)
					}
				}
			}
			if got.Result != tc.want || !slices.Equal(codes, tc.reasons) {
				t.Errorf("got %s %v, want %s %v", got.Result, codes, tc.want, tc.reasons)
			}
		})
	}
}

func TestEligibilityReasonTexts(t *testing.T) {
	at := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	s := 40.5
	c := DefaultLotClauses()
	c.ReservedParticipation, c.LegalBases = ReservedShelteredWorkshops, []LegalBasis{BasisFRL211312}
	v := Eligibility(EligibilitySupplier{Country: "LU", VerifiedStatuses: []SSEStatus{{
		Type: SSELuAtelierProtege, State: VerificationVerified, ValidUntil: at, DisabledShare: &s,
	}}}, c, at)
	if len(v.Reasons) != 1 {
		t.Fatalf("reasons %+v", v.Reasons)
	}
	r := v.Reasons[0]
	for lang, want := range map[string]string{
		"en":    "Sheltered workshop (Luxembourg, atelier protégé) has 40.5 % disabled or disadvantaged workers, below the 50 % minimum of France – Code de la commande publique, art. L2113-12 (EA, ESAT)",
		"fr":    "statut « Atelier protégé » : 40,5 % de travailleurs handicapés ou défavorisés, moins que le minimum de 50 % fixé par France – Code de la commande publique, art. L2113-12 (EA, ESAT)",
		"de-LU": "Beschützende Werkstätte (Luxemburg, atelier protégé) hat 40,5 % behinderte oder benachteiligte Beschäftigte, weniger als die mindestens 50 % nach Frankreich – Code de la commande publique, Art. L2113-12 (EA, ESAT)",
		"it":    "Sheltered workshop (Luxembourg, atelier protégé) has 40.5 % disabled or disadvantaged workers, below the 50 % minimum of France – Code de la commande publique, art. L2113-12 (EA, ESAT)",
	} {
		if got := r.Text(lang); got != want {
			t.Errorf("%s:\n got %q\nwant %q", lang, got, want)
		}
	}
	if r.Basis != BasisFRL211312 || r.StatusType != SSELuAtelierProtege {
		t.Errorf("reason names %s / %s", r.Basis, r.StatusType)
	}
}
