package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// StatisticsCount is a count under a code, with the code's label.
type StatisticsCount struct {
	Code  string `json:"code" example:"cleaning"`
	Label string `json:"label" example:"Propreté et hygiène" doc:"Name in the caller's language"`
	Count int64  `json:"count" minimum:"0" example:"12"`
}

// StatisticsMonth is the number of tenders published in a month.
type StatisticsMonth struct {
	Month           string `json:"month" example:"2026-10" doc:"YYYY-MM: the calendar month of publication in Europe/Paris, the cluster's time zone (as the impact figures')"`
	Tenders         int64  `json:"tenders" minimum:"0"`
	ReservedTenders int64  `json:"reserved_tenders" minimum:"0"`
}

// StatisticsCountry is the number of active SSE suppliers of a country.
type StatisticsCountry struct {
	Country   string `json:"country" example:"FR" doc:"ISO 3166-1 alpha-2"`
	Suppliers int64  `json:"suppliers" minimum:"0"`
	Verified  int64  `json:"verified" minimum:"0" doc:"Of which with a verified, unexpired SSE status"`
}

// StatisticsAward is the awarded lots and their recorded amounts for one
// result and currency.
type StatisticsAward struct {
	Result      string `json:"result" enum:"awarded_passerelle,awarded_other" doc:"Won by a supplier found on Passerelle, or by another company"`
	Currency    string `json:"currency" example:"EUR"`
	Lots        int64  `json:"lots" minimum:"0"`
	AmountCents int64  `json:"amount_cents" minimum:"0" doc:"Sum of the recorded amounts of public buyers' lots, in cents (a private company's amounts are never published)"`
}

// StatisticsBody is the public statistics.
type StatisticsBody struct {
	ComputedAt         time.Time           `json:"computed_at" doc:"When the figures were computed (they are kept a few minutes)"`
	Tenders            int64               `json:"tenders" minimum:"0" doc:"Tenders published (still open, closed, awarded or not)"`
	ReservedTenders    int64               `json:"reserved_tenders" minimum:"0" doc:"Of which with at least one reserved lot (BT-71 res-ws or res-pub-ser)"`
	SocialTenders      int64               `json:"social_tenders" minimum:"0" doc:"Of which with at least one lot pursuing social objectives (BT-06 soc-obj)"`
	Lots               int64               `json:"lots" minimum:"0"`
	TendersByMonth     []StatisticsMonth   `json:"tenders_by_month"`
	Offers             int64               `json:"offers" minimum:"0" doc:"Published offers"`
	OffersBySector     []StatisticsCount   `json:"offers_by_sector" doc:"Published offers by sector group (an offer counts once per group it names)"`
	Suppliers          int64               `json:"suppliers" minimum:"0" doc:"Active SSE suppliers"`
	SuppliersByCountry []StatisticsCountry `json:"suppliers_by_country"`
	SuppliersByStatus  []StatisticsCount   `json:"suppliers_by_status" doc:"Suppliers holding each verified, unexpired SSE status type"`
	Awards             []StatisticsAward   `json:"awards"`
	MeetingsHeld       int64               `json:"meetings_held" minimum:"0" doc:"Convention meetings that took place"`
	MeetingDeals       int64               `json:"meeting_deals" minimum:"0" doc:"Of which ended in a deal"`
}

// StatisticsOutput is the public statistics.
type StatisticsOutput struct {
	ContentLanguage string `header:"Content-Language" example:"fr"`
	CacheControl    string `header:"Cache-Control"`
	Body            StatisticsBody
}

func registerStatistics(r *routes, o *core.OpenData) {
	handle(r, Public, huma.Operation{OperationID: "get-statistics", Method: http.MethodGet, Path: "/api/v1/statistics",
		Tags: []string{"Open data"}, Summary: "Public statistics",
		Description: "Aggregates of the marketplace, for the public statistics page: published tenders (reserved, social), " +
			"published offers by sector group, active SSE suppliers by country and by verified status type, awarded lots and " +
			"the recorded amounts of public buyers' lots (never a private company's), convention meetings held. Counts and sums only. Recomputed at most every few minutes. " +
			"Labels in the language of Accept-Language."},
		func(ctx context.Context, in *LanguageHeader) (*StatisticsOutput, error) {
			lang := requestLanguage(ctx, in.AcceptLanguage)
			s, at, err := o.Statistics(ctx)
			if err != nil {
				return nil, toHTTP(err)
			}
			b := StatisticsBody{ComputedAt: at.UTC(), Tenders: s.Tenders, ReservedTenders: s.ReservedTenders,
				SocialTenders: s.SocialTenders, Lots: s.Lots, Offers: s.PublishedOffers, MeetingsHeld: s.MeetingsHeld,
				MeetingDeals: s.MeetingDeals, TendersByMonth: []StatisticsMonth{}, OffersBySector: []StatisticsCount{},
				SuppliersByCountry: []StatisticsCountry{}, SuppliersByStatus: []StatisticsCount{}, Awards: []StatisticsAward{}}
			for _, m := range s.TendersByMonth {
				b.TendersByMonth = append(b.TendersByMonth, StatisticsMonth{Month: m.Month, Tenders: m.Tenders, ReservedTenders: m.ReservedTenders})
			}
			b.OffersBySector = sectorGroupCounts(s.OffersBySector, lang)
			for _, c := range s.SuppliersByCountry {
				b.Suppliers += c.Suppliers
				b.SuppliersByCountry = append(b.SuppliersByCountry, StatisticsCountry{Country: c.Country, Suppliers: c.Suppliers, Verified: c.Verified})
			}
			for _, c := range s.SuppliersByStatus {
				b.SuppliersByStatus = append(b.SuppliersByStatus, StatisticsCount{Code: c.Code,
					Label: domain.SSEStatusType(c.Code).Label(string(lang)), Count: c.Count})
			}
			for _, a := range s.Awards {
				b.Awards = append(b.Awards, StatisticsAward{Result: a.Result, Currency: a.Currency, Lots: a.Lots, AmountCents: a.AmountCents})
			}
			return &StatisticsOutput{ContentLanguage: string(lang), CacheControl: "public, max-age=300", Body: b}, nil
		})
}

// sectorGroupCounts labels per-group counts, in catalogue order; a group
// the catalogue no longer has keeps its code as label, at the end.
func sectorGroupCounts(counts []store.CodeCount, lang domain.Language) []StatisticsCount {
	by := map[string]int64{}
	for _, c := range counts {
		by[c.Code] = c.Count
	}
	out := []StatisticsCount{}
	for _, g := range taxonomy.SectorGroups() {
		if n, ok := by[g.Code]; ok {
			out = append(out, StatisticsCount{Code: g.Code, Label: g.Labels.In(lang), Count: n})
			delete(by, g.Code)
		}
	}
	for _, c := range counts {
		if _, ok := by[c.Code]; ok {
			out = append(out, StatisticsCount{Code: c.Code, Label: c.Code, Count: c.Count})
		}
	}
	return out
}
