package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// TestLotRoutes: a batch routes a lot to suppliers once (a later batch
// skips those already routed), answers are recorded and validated by the
// database as well, and routes list in routing order page by page.
func TestLotRoutes(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Microsecond)
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	tender := db.Tender(t, buyer.ID, storetest.TenderOptions{Lots: []domain.TenderLot{{Title: "A"}, {Title: "B"}}})
	lot, other := tender.Lots[0].ID, tender.Lots[1].ID
	var sup []string
	for range 4 {
		sup = append(sup, db.Organisation(t, storetest.OrganisationOptions{}).ID)
	}
	offer := db.Offer(t, sup[0], storetest.OfferOptions{})
	expl := json.RawMessage(`[{"code":"cpv_exact","points":40}]`)

	record := func(lotID string, entries ...store.RouteEntry) (batch int, routed []string) {
		t.Helper()
		err := db.Store.WithTx(ctx, func(tx *store.Tx) (err error) {
			if batch, err = tx.NextRoutingBatch(ctx, lotID); err != nil {
				return err
			}
			routed, err = tx.RecordRoutingBatch(ctx, tender.ID, lotID, batch, now, entries)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return batch, routed
	}
	b, routed := record(lot, store.RouteEntry{OrganisationID: sup[1], Score: 50, Explanation: expl},
		store.RouteEntry{OrganisationID: sup[0], OfferID: offer.ID, Score: 70, Explanation: expl})
	if b != 1 || !slices.Equal(routed, []string{sup[1], sup[0]}) {
		t.Fatalf("first batch %d routed %v", b, routed)
	}
	// The second batch names sup[0] again: it is skipped.
	b, routed = record(lot, store.RouteEntry{OrganisationID: sup[0], Score: 70}, store.RouteEntry{OrganisationID: sup[2], Score: 90},
		store.RouteEntry{OrganisationID: sup[3], Score: 90})
	if b != 2 || !slices.Equal(routed, []string{sup[2], sup[3]}) {
		t.Fatalf("second batch %d routed %v", b, routed)
	}
	// Another lot of the same tender is routed on its own.
	if b, routed = record(other, store.RouteEntry{OrganisationID: sup[0], Score: 1}); b != 1 || len(routed) != 1 {
		t.Fatalf("other lot: batch %d routed %v", b, routed)
	}

	r, err := db.Store.GetLotRoute(ctx, lot, sup[0])
	if err != nil {
		t.Fatal(err)
	}
	if r.Batch != 1 || r.Score != 70 || r.OfferID != offer.ID || r.TenderID != tender.ID || !r.RoutedAt.Equal(now) ||
		r.Answer != nil || !strings.Contains(string(r.Explanation), "cpv_exact") {
		t.Errorf("route %+v", r)
	}

	answer := func(org string, a domain.RouteAnswer) (domain.LotRoute, error) {
		var out domain.LotRoute
		err := db.Store.WithTx(ctx, func(tx *store.Tx) (err error) {
			out, err = tx.AnswerLotRoute(ctx, lot, org, a)
			return err
		})
		return out, err
	}
	if _, err := answer(sup[1], domain.RouteAnswer{Interest: domain.Interested, AnsweredAt: now}); err != nil {
		t.Fatal(err)
	}
	r, err = answer(sup[2], domain.RouteAnswer{Interest: domain.NotInterested, Reason: domain.DeclineNoCapacity,
		Note: "Équipes complètes jusqu'en mars", AnsweredAt: now})
	if err != nil || r.Answer == nil || r.Answer.Reason != domain.DeclineNoCapacity || r.Answer.Note == "" {
		t.Fatalf("not interested: %+v, %v", r.Answer, err)
	}
	// Changing one's mind clears the reason.
	if r, err = answer(sup[2], domain.RouteAnswer{Interest: domain.Interested, AnsweredAt: now}); err != nil ||
		r.Answer.Reason != "" || r.Answer.Note != "" {
		t.Fatalf("changed answer: %+v, %v", r.Answer, err)
	}
	// Not routed: not found; the database refuses what the domain would.
	if _, err := answer(buyer.ID, domain.RouteAnswer{Interest: domain.Interested, AnsweredAt: now}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("answer of an organisation not routed: %v", err)
	}
	for name, a := range map[string]domain.RouteAnswer{
		"not interested without reason": {Interest: domain.NotInterested, AnsweredAt: now},
		"unknown reason":                {Interest: domain.NotInterested, Reason: "bored", AnsweredAt: now},
		"note too long":                 {Interest: domain.NotInterested, Reason: domain.DeclineOther, Note: strings.Repeat("x", 501), AnsweredAt: now},
		"reason with interest":          {Interest: domain.Interested, Reason: domain.DeclineOther, AnsweredAt: now},
		"unknown answer":                {Interest: "maybe", AnsweredAt: now},
	} {
		if _, err := answer(sup[3], a); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}

	counts, err := db.Store.CountLotRoutes(ctx, lot)
	if err != nil || counts != (store.LotRouteCounts{Routed: 4, Interested: 2, NotInterested: 0, Batches: 2}) {
		t.Errorf("counts %+v, %v", counts, err)
	}

	// Routing order: batch, best score first, organisation id.
	want := []string{sup[0], sup[1]}
	if sup[2] < sup[3] {
		want = append(want, sup[2], sup[3])
	} else {
		want = append(want, sup[3], sup[2])
	}
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		page, next, err := db.Store.ListLotRoutesPage(ctx, lot, cursor, 3)
		if err != nil || pages > 2 {
			t.Fatalf("page %d: %v", pages, err)
		}
		for _, r := range page {
			got = append(got, r.OrganisationID)
		}
		if cursor = next; cursor == "" {
			break
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes %v, want %v", got, want)
	}
	if _, _, err := db.Store.ListLotRoutesPage(ctx, lot, "garbage", 3); err == nil {
		t.Error("a forged cursor was accepted")
	}

	// Deleting the tender removes its routes.
	if _, err := db.Pool.Exec(ctx, "DELETE FROM tenders WHERE id = $1", tender.ID); err != nil {
		t.Fatal(err)
	}
	if c, _ := db.Store.CountLotRoutes(ctx, lot); c.Routed != 0 {
		t.Errorf("routes left after the tender was deleted: %+v", c)
	}
}

// TestTownCentre: a town's centre is the average of its active
// organisations' coordinates, the town's case ignored, within its
// country; suspended organisations and those without coordinates do not
// count; an unknown town has none. The search's tender pages ask for many
// towns at once, some twice: each is answered once.
func TestTownCentre(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	place := func(country, status, town string, lat, lon *float64) {
		t.Helper()
		o := db.Organisation(t, storetest.OrganisationOptions{Country: country, Status: status})
		if _, err := db.Pool.Exec(ctx, `UPDATE organisations SET town = $2, latitude = $3, longitude = $4 WHERE id = $1`,
			o.ID, town, lat, lon); err != nil {
			t.Fatal(err)
		}
	}
	f := func(v float64) *float64 { return &v }
	place("FR", "", "Metz", f(49.0), f(6.0))
	place("FR", "", "METZ", f(49.2), f(6.4))
	place("FR", "suspended", "Metz", f(10), f(10))
	place("FR", "", "Metz", nil, nil)
	place("DE", "", "Metz", f(1), f(1)) // another country's Metz
	place("LU", "", "Luxembourg", f(49.6), f(6.1))

	got, err := db.Store.TownCentre(ctx, "FR", "metz")
	if err != nil || got == nil || math.Abs(got.Latitude-49.1) > 1e-9 || math.Abs(got.Longitude-6.2) > 1e-9 {
		t.Fatalf("FR metz: %+v, %v", got, err)
	}
	if got, err := db.Store.TownCentre(ctx, "DE", "Metz"); err != nil || got == nil || got.Latitude != 1 {
		t.Fatalf("DE Metz: %+v, %v", got, err)
	}
	if got, err := db.Store.TownCentre(ctx, "FR", "Nancy"); err != nil || got != nil {
		t.Fatalf("unknown town: %+v, %v", got, err)
	}
	if got, err := db.Store.TownCentre(ctx, "BE", "Luxembourg"); err != nil || got != nil {
		t.Fatalf("a town of another country: %+v, %v", got, err)
	}
}

// TestSearchTendersTownLocations: a tender page's places are located at
// their towns' centres, read once for the batch and then kept: a second
// page gives the same centres, unchanged by what a caller did with the
// first; a town with no organisation has none.
func TestSearchTendersTownLocations(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	if _, err := db.Pool.Exec(ctx, `UPDATE organisations SET town = 'Metz', latitude = 49.1, longitude = 6.2 WHERE id = $1`, buyer.ID); err != nil {
		t.Fatal(err)
	}
	metz := db.Tender(t, buyer.ID, storetest.TenderOptions{PlaceTown: "METZ"})
	metz2 := db.Tender(t, buyer.ID, storetest.TenderOptions{PlaceTown: "Metz"})
	nowhere := db.Tender(t, buyer.ID, storetest.TenderOptions{PlaceTown: "Nulle-part"})
	for round := range 2 {
		got, err := db.Store.SearchTenders(ctx, []string{metz.ID, metz2.ID, nowhere.ID}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 {
			t.Fatalf("round %d: %d tenders", round, len(got))
		}
		for _, x := range got {
			switch x.ID {
			case nowhere.ID:
				if x.TownLocation != nil {
					t.Fatalf("round %d: a town without organisations located at %+v", round, x.TownLocation)
				}
			default:
				if x.TownLocation == nil || x.TownLocation.Latitude != 49.1 || x.TownLocation.Longitude != 6.2 {
					t.Fatalf("round %d: %s located at %+v", round, x.PlaceTown, x.TownLocation)
				}
				x.TownLocation.Latitude = 0 // the caller's to change
			}
		}
	}
}
