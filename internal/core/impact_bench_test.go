package core_test

import (
	"fmt"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/store"
)

// BenchmarkComputeImpact computes the figures of a large cluster: 10,000
// awards, 2,000 meetings with deals and 5,000 tenders over two years.
func BenchmarkComputeImpact(b *testing.B) {
	countries := []string{"FR", "DE", "BE", "LU"}
	start := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	var facts core.ImpactFacts
	for i := range 10_000 {
		facts.Awards = append(facts.Awards, store.ImpactAward{AmountCents: int64(1000 + i), RecordedAt: start.Add(time.Duration(i) * time.Hour),
			CPV: []string{"90919200-4"}, SupplierCountry: countries[i%4], BuyerCountry: countries[i/4%4],
			StatusTypes: []string{"fr_esat"}})
	}
	for i := range 2_000 {
		cents := int64(5000 + i)
		facts.Meetings = append(facts.Meetings, store.ImpactMeeting{ID: fmt.Sprint(i), StartsAt: start.Add(time.Duration(i) * 5 * time.Hour),
			Sides: [2]store.ImpactMeetingSide{
				{Kind: "sse_supplier", Country: countries[i%4], Sectors: []string{"cleaning.offices"}, Outcome: "deal", AmountCents: &cents, Currency: "EUR"},
				{Kind: "public_buyer", Country: countries[(i+1)%4], Outcome: "held"},
			}})
	}
	for i := range 5_000 {
		at := start.Add(time.Duration(i) * 3 * time.Hour)
		first := at.Add(time.Duration(i%50) * time.Hour)
		facts.Tenders = append(facts.Tenders, store.ImpactTender{ID: fmt.Sprint(i), PublishedAt: at, BuyerCountry: countries[i%4], FirstInterestAt: &first})
	}
	b.ReportAllocs()
	for b.Loop() {
		if f := core.ComputeImpact(facts); f.Total.Count != 12_000 {
			b.Fatalf("%d purchases", f.Total.Count)
		}
	}
}
