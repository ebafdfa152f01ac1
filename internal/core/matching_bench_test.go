package core_test

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/routing"
	"passerelle/internal/store/storetest"
)

// seedSuppliers inserts n verified SSE supplier organisations around Metz,
// each with one published offer, in four statements whatever n (so that
// 20,000 take seconds, not minutes). Organisation i is:
//   - French (in FRF33 or FRF31), but every 10th Luxembourgish and every
//     20th German (cross-border work every 8th, and every 40th from 10);
//   - with a counting ESAT (60 % disabled workers) or atelier protégé
//     status, except every 7th whose status expired;
//   - offering a cleaning CPV code (one of three, in division 90), every
//     5th (from 2) a catering code (division 55) instead;
//   - on an area that is the whole country, a radius of 20 to 100 km
//     (every 3rd) or the region FRF3 (every 3rd + 1).
//
// It returns how many of them an unreserved office-cleaning lot in Metz
// should match, as counted by the same rules in Go.
func seedSuppliers(tb testing.TB, db *storetest.DB, n int) int {
	tb.Helper()
	ctx := context.Background()
	db.NUTSRegions(tb, "FRF33", "FRF31", "LU000", "DEC01")
	statements := []string{
		`CREATE TEMP TABLE seed ON COMMIT DROP AS
		 SELECT i, gen_random_uuid() AS org, gen_random_uuid() AS offer,
		        CASE WHEN i % 20 = 0 THEN 'DE' WHEN i % 10 = 0 THEN 'LU' ELSE 'FR' END AS country
		 FROM generate_series(1, $1::int) AS i`,
		`INSERT INTO organisations (id, kind, country, legal_name, status, town, nuts3, latitude, longitude, languages)
		 SELECT org, 'sse_supplier', country, 'Atelier ' || i, 'active',
		        'Ville ' || (i % 50),
		        CASE country WHEN 'FR' THEN CASE WHEN i % 2 = 0 THEN 'FRF33' ELSE 'FRF31' END WHEN 'LU' THEN 'LU000' ELSE 'DEC01' END,
		        49.1 + (i % 50) * 0.01, 6.17 + (i % 30) * 0.01,
		        CASE country WHEN 'DE' THEN ARRAY['de'] ELSE ARRAY['fr'] END
		 FROM seed`,
		`INSERT INTO sse_statuses (id, organisation_id, type, registration_number, valid_until, disabled_share,
		                           share_measured_on, state, submitted_at, reviewed_at)
		 SELECT gen_random_uuid(), org, CASE country WHEN 'FR' THEN 'fr_esat' WHEN 'LU' THEN 'lu_atelier_protege' ELSE 'de_wfbm' END,
		        'REG-' || i, CASE WHEN i % 7 = 0 THEN current_date - 1 ELSE current_date + 365 END, 60, current_date - 30,
		        'verified', now(), now()
		 FROM seed`,
		`INSERT INTO offers (id, organisation_id, state, type, original_language, cpv_codes, area_mode, radius_km,
		                     accepts_cross_border, submitted_at, published_at)
		 SELECT offer, org, 'published', 'services', 'fr',
		        CASE WHEN i % 5 = 2 THEN ARRAY['55520000-1'] ELSE (ARRAY['90919200-4', '90911200-8', '90910000-9'])[1 + i % 3:1 + i % 3] END,
		        CASE i % 3 WHEN 0 THEN 'radius' WHEN 1 THEN 'regions' ELSE 'country' END,
		        CASE WHEN i % 3 = 0 THEN 20 + (i % 81) END,
		        i % 8 = 0 OR i % 40 = 10, now(), now()
		 FROM seed`,
		`INSERT INTO offer_regions (offer_id, nuts_code) SELECT offer, 'FRF3' FROM seed WHERE i % 3 = 1`,
	}
	tx, err := db.Pool.Begin(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // a no-op after Commit
	for i, s := range statements {
		args := []any{}
		if i == 0 {
			args = append(args, n)
		}
		if _, err := tx.Exec(ctx, s, args...); err != nil {
			tb.Fatalf("seed statement %d: %v", i, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Pool.Exec(ctx, "ANALYZE"); err != nil {
		tb.Fatal(err)
	}

	metz := domain.GeoPoint{Latitude: 49.1193, Longitude: 6.1757}
	want := 0
	for i := 1; i <= n; i++ {
		country := map[bool]string{true: "FR"}[i%10 != 0]
		switch {
		case i%20 == 0:
			country = "DE"
		case i%10 == 0:
			country = "LU"
		}
		if i%7 == 0 || i%5 == 2 {
			continue // expired status, or catering
		}
		abroad := country != "FR"
		if abroad && i%8 != 0 && i%40 != 10 {
			continue
		}
		switch i % 3 {
		case 0: // radius
			at := domain.GeoPoint{Latitude: 49.1 + float64(i%50)*0.01, Longitude: 6.17 + float64(i%30)*0.01}
			if routing.DistanceKM(at, metz) > float64(20+i%81) {
				continue
			}
		case 1: // region FRF3 contains FRF33: covered, from abroad too
		case 2: // whole country, or the Grande Région across the border
		}
		want++
	}
	return want
}

// metzCleaningLot inserts a buyer in Metz (making Metz a known town) and a
// published tender with an unreserved office-cleaning lot there.
func metzCleaningLot(tb testing.TB, db *storetest.DB) string {
	tb.Helper()
	db.CPVCodes(tb, "90919200-4", "90911200-8", "55520000-1")
	buyer := db.Organisation(tb, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	db.Place(tb, buyer.ID, "Metz", "FRF33", &domain.GeoPoint{Latitude: 49.1193, Longitude: 6.1757})
	tender := db.Tender(tb, buyer.ID, storetest.TenderOptions{Lots: []domain.TenderLot{
		{Title: "Nettoyage des bureaux", CPV: []string{"90919200-4"}}}})
	return tender.Lots[0].ID
}

// TestMatchLotAtScale is the benchmark's small version, run by every test
// run so that the seeding and the bulk path cannot rot: 200 suppliers, the
// count the rules give, in routing order.
func TestMatchLotAtScale(t *testing.T) {
	db := storetest.New(t)
	lot := metzCleaningLot(t, db)
	want := seedSuppliers(t, db, 200)
	got, err := core.MatchLot(context.Background(), db.Store, lot, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != want || want < 50 {
		t.Errorf("%d matches, want %d", len(got), want)
	}
	if !slices.IsSortedFunc(got, routing.Compare) {
		t.Error("matches not in routing order")
	}
}

// BenchmarkMatchLot20000 is issue 6's must-show 3: matching one lot
// against 20,000 suppliers in at most 500 ms on the project's machine.
// Run it with
//
//	go test ./internal/core/ -run '^$' -bench MatchLot20000 -benchtime 10x
//
// it reports matches/op as well.
func BenchmarkMatchLot20000(b *testing.B) {
	db := storetest.New(b)
	lot := metzCleaningLot(b, db)
	want := seedSuppliers(b, db, 20000)
	ctx := context.Background()
	var n int
	b.ResetTimer()
	for b.Loop() {
		got, err := core.MatchLot(ctx, db.Store, lot, time.Now())
		if err != nil {
			b.Fatal(err)
		}
		n = len(got)
	}
	b.StopTimer()
	if n != want {
		b.Fatalf("%d matches, want %d", n, want)
	}
	b.ReportMetric(float64(n), "matches/op")
	checkRoutingBound(b)
}

// routingBound is issue 6's bound for routing one tender against 20,000
// suppliers: make bench-routing fails beyond it.
const routingBound = 500 * time.Millisecond

func checkRoutingBound(b *testing.B) {
	if per := b.Elapsed() / time.Duration(b.N); per > routingBound {
		b.Errorf("%v an operation, over the bound of %v", per, routingBound)
	}
}

// BenchmarkRouteTender20000 is must-show 3 end to end: routing one
// published tender (one office-cleaning lot in Metz) against 20,000
// suppliers, as the route_tender job does it: matching, the batch
// recorded, the audit entry, and each routed supplier's member notified
// (notification row and queued email job) in one transaction. Every
// iteration routes a new tender, so that each routes a full batch.
//
//	go test ./internal/core/ -run '^$' -bench RouteTender20000 -benchtime 10x
func BenchmarkRouteTender20000(b *testing.B) {
	db := storetest.New(b)
	metzCleaningLot(b, db)
	seedSuppliers(b, db, 20000)
	ctx := context.Background()
	// One member per supplier, with immediate emails, so that routing
	// writes what it does in production for each routed supplier.
	if _, err := db.Pool.Exec(ctx, `
		WITH u AS (
		  INSERT INTO users (id, email, display_name, language, email_verified_at)
		  SELECT gen_random_uuid(), 'member-' || o.id || '@bench.test', 'Membre ' || o.legal_name, 'fr', now()
		  FROM organisations o WHERE o.kind = 'sse_supplier'
		  RETURNING id, email)
		INSERT INTO memberships (organisation_id, user_id, role)
		SELECT substring(u.email FROM 8 FOR 36)::uuid, u.id, 'owner' FROM u`); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Pool.Exec(ctx, `INSERT INTO notification_preferences (user_id, category, delivery)
		SELECT id, 'new_matching_need', 'immediately' FROM users`); err != nil {
		b.Fatal(err)
	}
	renderer, err := mail.NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	// Not started: the emails stay queued, as River would hold them.
	runner, err := jobs.New(db.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.Options{Renderer: renderer,
		Routing: core.RoutingConfig{BatchSize: 10, TargetInterested: 6, PublicURL: "http://localhost:8080"}})
	if err != nil {
		b.Fatal(err)
	}
	var buyerID string
	if err := db.Pool.QueryRow(ctx, "SELECT id FROM organisations WHERE kind = 'public_buyer'").Scan(&buyerID); err != nil {
		b.Fatal(err)
	}
	tenders := make([]string, b.N)
	for i := range tenders {
		tenders[i] = db.Tender(b, buyerID, storetest.TenderOptions{Lots: []domain.TenderLot{
			{Title: "Nettoyage des bureaux", CPV: []string{"90919200-4"}}}}).ID
	}
	routed := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, err := runner.Routing().RouteTender(ctx, tenders[i])
		if err != nil {
			b.Fatal(err)
		}
		routed += n
	}
	b.StopTimer()
	if routed != 10*b.N {
		b.Fatalf("%d suppliers routed over %d tenders, want 10 each", routed, b.N)
	}
	var notes int
	if err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM notifications WHERE category = 'new_matching_need'").Scan(&notes); err != nil || notes != routed {
		b.Fatalf("%d notifications (%v), want %d", notes, err, routed)
	}
	b.ReportMetric(float64(routed)/float64(b.N), "routed/op")
	checkRoutingBound(b)
}
