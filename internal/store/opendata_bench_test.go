package store_test

import (
	"context"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// BenchmarkOpenData measures the open data reads on 300 public tenders of
// three lots each (and 100 drafts that must be skipped): a page of 100
// releases (ListReleasedTenders, the body of GET /api/v1/ocds/releases) and
// the public statistics (computed at most every 5 minutes in production).
//
//	go test -run '^$' -bench BenchmarkOpenData ./internal/store/
func BenchmarkOpenData(b *testing.B) {
	db := storetest.New(b)
	ctx := context.Background()
	buyer := db.Organisation(b, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	lots := []domain.TenderLot{{Title: "Lot 1", Clauses: domain.LotClauses{ReservedParticipation: domain.ReservedShelteredWorkshops,
		LegalBases: []domain.LegalBasis{domain.BasisFRL211312}}}, {Title: "Lot 2"}, {Title: "Lot 3"}}
	for i := range 400 {
		state := domain.TenderPublished
		if i%4 == 3 {
			state = domain.TenderDraft
		}
		db.Tender(b, buyer.ID, storetest.TenderOptions{State: state, Lots: lots, PublishedAt: time.Now().Add(-time.Duration(i) * time.Hour)})
	}
	b.Run("releases-page-100", func(b *testing.B) {
		for b.Loop() {
			page, _, err := db.Store.ListReleasedTenders(ctx, time.Time{}, "", 100)
			if err != nil || len(page) != 100 {
				b.Fatalf("%d releases, %v", len(page), err)
			}
		}
	})
	b.Run("statistics", func(b *testing.B) {
		for b.Loop() {
			s, err := db.Store.Statistics(ctx, time.Now(), "Europe/Paris")
			if err != nil || s.Tenders != 300 {
				b.Fatalf("%d tenders, %v", s.Tenders, err)
			}
		}
	})
}
