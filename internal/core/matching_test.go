package core_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/routing"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// TestMatchLot: against real PostgreSQL, a lot is matched with exactly the
// active verified suppliers whose published offers are relevant and cover
// the place, ranked with explanations; a reserved lot only with those
// eligible under its legal basis.
func TestMatchLot(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	now := time.Now()
	db.CPVCodes(t, "90919200-4", "90911200-8", "45000000-7")
	metz := domain.GeoPoint{Latitude: 49.1193, Longitude: 6.1757}

	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	db.Place(t, buyer.ID, "Metz", "FRF33", &metz) // makes Metz a known town
	tender := db.Tender(t, buyer.ID, storetest.TenderOptions{Lots: []domain.TenderLot{
		{Title: "Nettoyage des bureaux", CPV: []string{"90919200-4"}},
		{Title: "Nettoyage réservé", CPV: []string{"90919200-4"}, Clauses: domain.LotClauses{
			ReservedParticipation: domain.ReservedShelteredWorkshops, LegalBases: []domain.LegalBasis{domain.BasisFRL211312}}},
	}})
	open, reserved := tender.Lots[0].ID, tender.Lots[1].ID

	supplier := func(country string, st domain.SSEStatusType, share float64, state domain.VerificationState) string {
		o := db.Organisation(t, storetest.OrganisationOptions{Country: country})
		db.SSEStatus(t, o.ID, storetest.StatusOptions{Type: st, State: state, DisabledShare: &share})
		return o.ID
	}
	// esat: exact CPV, whole country, in Metz: the best match.
	esat := supplier("FR", domain.SSEFrESAT, 80, "")
	db.Place(t, esat, "Metz", "FRF33", &metz)
	err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
		o, err := tx.GetOrganisationForUpdate(ctx, esat)
		if err != nil {
			return err
		}
		o.Languages = []string{"de", "fr"}
		_, err = tx.UpdateOrganisationProfile(ctx, o)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Offer(t, esat, storetest.OfferOptions{CPV: []string{"90919200-4"}})
	// siae: another cleaning code (same division), listed region: matches
	// the open lot only, its status category does not open the reserved one.
	siae := supplier("FR", domain.SSEFrSIAEEI, 0, "")
	db.Offer(t, siae, storetest.OfferOptions{CPV: []string{"90911200-8"}, Regions: []string{"FRF3"}})
	// bySector: only a sector of the catalogue covering the lot's code.
	bySector := supplier("FR", domain.SSEFrEA, 60, "")
	db.Offer(t, bySector, storetest.OfferOptions{Sectors: []string{"cleaning.offices"}})

	// Never matched:
	draftOnly := supplier("FR", domain.SSEFrESAT, 80, "")
	db.Offer(t, draftOnly, storetest.OfferOptions{CPV: []string{"90919200-4"}, State: domain.OfferDraft})
	unverified := supplier("FR", domain.SSEFrESAT, 80, domain.VerificationPending)
	db.Offer(t, unverified, storetest.OfferOptions{CPV: []string{"90919200-4"}})
	works := supplier("FR", domain.SSEFrESAT, 80, "")
	db.Offer(t, works, storetest.OfferOptions{CPV: []string{"45000000-7"}})
	luNoCrossBorder := supplier("LU", domain.SSELuAtelierProtege, 80, "")
	db.Offer(t, luNoCrossBorder, storetest.OfferOptions{CPV: []string{"90919200-4"}})
	elsewhere := supplier("FR", domain.SSEFrESAT, 80, "")
	db.Offer(t, elsewhere, storetest.OfferOptions{CPV: []string{"90919200-4"}, Regions: []string{"FRI12"}})
	suspended := db.Organisation(t, storetest.OrganisationOptions{Status: domain.OrgSuspended})
	db.SSEStatus(t, suspended.ID, storetest.StatusOptions{Type: domain.SSEFrESAT})
	db.Offer(t, suspended.ID, storetest.OfferOptions{CPV: []string{"90919200-4"}})
	// luCrossBorder: a Luxembourg atelier protégé at 40 % that works across
	// the border: open lot yes; the French reserved basis asks for 50 %.
	luCrossBorder := supplier("LU", domain.SSELuAtelierProtege, 40, "")
	db.Offer(t, luCrossBorder, storetest.OfferOptions{CPV: []string{"90919200-4"}, CrossBorder: true})

	ids := func(ms []routing.Match) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.OrganisationID)
		}
		return out
	}
	got, err := core.MatchLot(ctx, db.Store, open, now)
	if err != nil {
		t.Fatal(err)
	}
	// esat 40+25+10 (speaks French)+3 (location) = 78; luCrossBorder
	// 40+15 = 55; bySector 28+25 = 53; siae 12+25 (region) = 37.
	want := []string{esat, luCrossBorder, bySector, siae}
	if !slices.Equal(ids(got), want) {
		t.Fatalf("open lot matched %v, want %v", ids(got), want)
	}
	for i, score := range []int{78, 55, 53, 37} {
		if got[i].Score != score {
			t.Errorf("%d: score %d, want %d: %+v", i, got[i].Score, score, got[i].Reasons)
		}
	}
	if got[0].Reasons[0].Code != routing.ReasonCPVExact || got[0].DistanceKM != 0 {
		t.Errorf("esat: %+v", got[0])
	}
	if got[2].Reasons[0].Code != routing.ReasonSector || got[2].Reasons[0].Values["sector"] != "cleaning.offices" {
		t.Errorf("bySector: %+v", got[2].Reasons)
	}
	if got[3].Reasons[1].Code != routing.ReasonAreaRegion || got[3].Reasons[1].Values["region"] != "FRF3" {
		t.Errorf("siae: %+v", got[3].Reasons)
	}

	got, err = core.MatchLot(ctx, db.Store, reserved, now)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{esat, bySector}; !slices.Equal(ids(got), want) {
		t.Fatalf("reserved lot matched %v, want %v", ids(got), want)
	}
	if r := got[0].Reasons[2]; r.Code != routing.ReasonEligible || r.Values["legal_bases"] != "FR_L2113_12" {
		t.Errorf("reserved: %+v", got[0].Reasons)
	}

	// Routing the open lot in batches of two: the second batch takes the
	// next best suppliers not yet routed, the first batch's explanations
	// are stored as computed.
	ranked, err := core.MatchLot(ctx, db.Store, open, now)
	if err != nil {
		t.Fatal(err)
	}
	var routed []string
	for batch := 1; batch <= 3; batch++ {
		skip, err := db.Store.LotRoutedOrganisations(ctx, open)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := core.RouteEntries(ranked, skip, 2)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Store.WithTx(ctx, func(tx *store.Tx) error {
			ids, err := tx.RecordRoutingBatch(ctx, tender.ID, open, batch, now, entries)
			routed = append(routed, ids...)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(routed, ids(ranked)) {
		t.Errorf("routed %v, want %v", routed, ids(ranked))
	}
	r, err := db.Store.GetLotRoute(ctx, open, esat)
	var stored []routing.Reason
	if err == nil {
		err = json.Unmarshal(r.Explanation, &stored)
	}
	if err != nil || r.Batch != 1 || r.Score != 78 || r.OfferID == "" || !reflect.DeepEqual(stored, ranked[0].Reasons) {
		t.Errorf("esat's route: %+v (%s), %v", r, r.Explanation, err)
	}
	if r, err := db.Store.GetLotRoute(ctx, open, siae); err != nil || r.Batch != 2 {
		t.Errorf("siae's route: %+v, %v", r, err)
	}

	// A status that no longer counts at the instant asked: nothing.
	got, err = core.MatchLot(ctx, db.Store, open, now.AddDate(2, 0, 0))
	if err != nil || len(got) != 0 {
		t.Errorf("two years on: %v, %v", ids(got), err)
	}
	if _, err := core.MatchLot(ctx, db.Store, "00000000-0000-0000-0000-000000000001", now); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown lot: %v", err)
	}
	if _, err := core.MatchLot(ctx, db.Store, "not-an-id", now); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("malformed lot id: %v", err)
	}
}

// TestMatchLotRepeatAwardBar: under an article 77 basis, a supplier that
// won a lot of the same buyer on such a basis within three years is not
// routed the buyer's new lot; another buyer's lot still reaches it.
func TestMatchLotRepeatAwardBar(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	now := time.Now()
	db.CPVCodes(t, "85312000-9")
	art77 := domain.LotClauses{ReservedParticipation: domain.ReservedPublicService,
		LegalBases: []domain.LegalBasis{domain.BasisFRL211315}}
	lotOf := func(buyerID string) domain.TenderLot {
		tn := db.Tender(t, buyerID, storetest.TenderOptions{Lots: []domain.TenderLot{
			{Title: "Accompagnement social", CPV: []string{"85312000-9"}, Clauses: art77}}})
		return tn.Lots[0]
	}
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	otherBuyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	var winner, newcomer string
	for _, id := range []*string{&winner, &newcomer} {
		*id = db.Organisation(t, storetest.OrganisationOptions{}).ID
		db.SSEStatus(t, *id, storetest.StatusOptions{Type: domain.SSEFrESUS})
		db.Offer(t, *id, storetest.OfferOptions{CPV: []string{"85312000-9"}})
	}
	past := lotOf(buyer.ID)
	err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveLotOutcome(ctx, domain.LotOutcome{LotID: past.ID, Result: domain.LotAwardedPasserelle,
			SupplierID: winner, Currency: "EUR"}, "", now.AddDate(-1, 0, 0))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		buyer string
		want  []string
	}{{buyer.ID, []string{newcomer}}, {otherBuyer.ID, []string{newcomer, winner}}} {
		got, err := core.MatchLot(ctx, db.Store, lotOf(tc.buyer).ID, now)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, m := range got {
			ids = append(ids, m.OrganisationID)
		}
		slices.Sort(ids)
		slices.Sort(tc.want)
		if !slices.Equal(ids, tc.want) {
			t.Errorf("lot of %s matched %v, want %v", tc.buyer, ids, tc.want)
		}
	}
}
