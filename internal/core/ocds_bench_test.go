package core_test

import (
	"context"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// BenchmarkOpenDataReleasesPage builds one page of 100 releases (the body
// of GET /api/v1/ocds/releases: the keyset over tenders.released_at, the
// tenders, one read of the organisations they name, the mapping) over
// 5,000 public tenders of 50 buyers, each of 3 lots, a third of them
// awarded to 200 different suppliers, and 1,000 drafts.
//
//	go test -run '^$' -bench BenchmarkOpenDataReleasesPage ./internal/core/
func BenchmarkOpenDataReleasesPage(b *testing.B) {
	db := storetest.New(b)
	ctx := context.Background()
	exec := func(sql string, args ...any) {
		b.Helper()
		if _, err := db.Pool.Exec(ctx, sql, args...); err != nil {
			b.Fatalf("%s: %v", sql, err)
		}
	}
	for range 50 {
		db.Organisation(b, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	}
	for range 200 {
		db.Organisation(b, storetest.OrganisationOptions{})
	}
	exec(`INSERT INTO organisation_identifiers (organisation_id, kind, value)
	      SELECT id, 'fr_siren', lpad((row_number() OVER (ORDER BY id))::text, 9, '0') FROM organisations`)
	now := time.Now().UTC().Truncate(time.Second)
	exec(`INSERT INTO tenders (id, organisation_id, kind, state, original_language, place_nuts, place_town, questions_deadline,
	                           responses_deadline, response_languages, submitted_at, published_at, closed_at, created_at, updated_at)
	      SELECT gen_random_uuid(), b.id, 'formal_tender',
	             CASE WHEN i > 5000 THEN 'draft' WHEN i % 3 = 0 THEN 'awarded' ELSE 'published' END,
	             'fr', 'FRF33', 'Metz', $1::timestamptz + interval '20 days', $1::timestamptz + interval '30 days', ARRAY['fr'],
	             CASE WHEN i <= 5000 THEN $1::timestamptz - i * interval '1 hour' END,
	             CASE WHEN i <= 5000 THEN $1::timestamptz - i * interval '1 hour' END,
	             CASE WHEN i <= 5000 AND i % 3 = 0 THEN $1::timestamptz - i * interval '1 hour' END,
	             $1::timestamptz - i * interval '1 hour', $1::timestamptz - i * interval '1 hour'
	      FROM generate_series(1, 6000) AS i
	      JOIN LATERAL (SELECT id FROM organisations WHERE kind = 'public_buyer' ORDER BY id OFFSET i % 50 LIMIT 1) b ON true`, now)
	exec(`INSERT INTO tender_texts (tender_id, language, title, description, original)
	      SELECT id, 'fr', 'Entretien des espaces verts', 'Trois lots, dont un réservé.', true FROM tenders`)
	exec(`INSERT INTO tender_lots (id, tender_id, position, title, description, cpv, currency, clauses)
	      SELECT gen_random_uuid(), t.id, p, 'Lot ' || p, '', ARRAY['77311000-3'], 'EUR',
	             '{"reserved_participation":"res-ws","legal_bases":["FR_L2113_12"],"reserved_execution":"no","strategic_procurement":["none"],"accessibility":"inc"}'
	      FROM tenders t CROSS JOIN generate_series(1, 3) AS p`)
	exec(`INSERT INTO lot_outcomes (lot_id, result, supplier_id, amount_cents, currency, recorded_at)
	      SELECT l.id, 'awarded_passerelle', s.id, 100000 + l.position, 'EUR', t.closed_at + interval '1 day'
	      FROM tenders t JOIN tender_lots l ON l.tender_id = t.id
	      JOIN LATERAL (SELECT id FROM organisations WHERE kind = 'sse_supplier'
	                    ORDER BY id OFFSET (abs(hashtext(l.id::text)) % 200) LIMIT 1) s ON true
	      WHERE t.state = 'awarded'`)
	exec(`ANALYZE`)

	open := core.NewOpenData(db.Store, time.Now, core.OpenDataConfig{PublicURL: "https://passerelle.example"})
	first, err := open.Releases(ctx, "", "", 100)
	if err != nil || len(first.Releases) != 100 || first.Links == nil {
		b.Fatalf("first page: %d releases, %v", len(first.Releases), err)
	}
	b.ResetTimer()
	for b.Loop() {
		pkg, err := open.Releases(ctx, "", "", 100)
		if err != nil || len(pkg.Releases) != 100 {
			b.Fatalf("%d releases, %v", len(pkg.Releases), err)
		}
	}
}
