package store

import (
	"context"
	"time"
)

// Statistics are the public aggregates of the marketplace: counts and
// sums only, never a row of anyone's data.
type Statistics struct {
	Tenders, ReservedTenders, SocialTenders, Lots int64
	TendersByMonth                                []MonthCount
	PublishedOffers                               int64
	OffersBySector                                []CodeCount // by sector group
	SuppliersByCountry                            []CountryCount
	SuppliersByStatus                             []CodeCount
	Awards                                        []AwardTotal
	MeetingsHeld, MeetingDeals                    int64
}

// MonthCount is a count of public tenders published in a calendar month
// (YYYY-MM).
type MonthCount struct {
	Month                    string
	Tenders, ReservedTenders int64
}

// CodeCount is a count under a code (a sector, a status type).
type CodeCount struct {
	Code  string
	Count int64
}

// CountryCount is the number of active SSE suppliers of a country, and of
// those with a verified status that counts.
type CountryCount struct {
	Country             string
	Suppliers, Verified int64
}

// AwardTotal is the number of awarded lots, and the recorded amount of
// those of public buyers, for one result (awarded_passerelle,
// awarded_other) and currency.
type AwardTotal struct {
	Result, Currency  string
	Lots, AmountCents int64
}

// Statistics computes the public aggregates; statuses count when verified
// and valid on today's date, and months are calendar months in zone (an
// IANA name).
func (s *Store) Statistics(ctx context.Context, today time.Time, zone string) (Statistics, error) {
	var out Statistics
	t, err := s.q.StatisticsTenders(ctx)
	if err != nil {
		return out, mapError(err)
	}
	out.Tenders, out.ReservedTenders, out.SocialTenders, out.Lots = t.Tenders, t.ReservedTenders, t.SocialTenders, t.Lots
	months, err := s.q.StatisticsTendersByMonth(ctx, zone)
	if err != nil {
		return out, mapError(err)
	}
	out.TendersByMonth = make([]MonthCount, len(months))
	for i, m := range months {
		out.TendersByMonth[i] = MonthCount{Month: m.Month, Tenders: m.Tenders, ReservedTenders: m.ReservedTenders}
	}
	if out.PublishedOffers, err = s.q.StatisticsPublishedOffers(ctx); err != nil {
		return out, mapError(err)
	}
	sectors, err := s.q.StatisticsOffersBySector(ctx)
	if err != nil {
		return out, mapError(err)
	}
	out.OffersBySector = make([]CodeCount, len(sectors))
	for i, r := range sectors {
		out.OffersBySector[i] = CodeCount{Code: r.SectorGroup, Count: r.Offers}
	}
	countries, err := s.q.StatisticsSuppliersByCountry(ctx, today)
	if err != nil {
		return out, mapError(err)
	}
	out.SuppliersByCountry = make([]CountryCount, len(countries))
	for i, r := range countries {
		out.SuppliersByCountry[i] = CountryCount{Country: r.Country, Suppliers: r.Suppliers, Verified: r.Verified}
	}
	statuses, err := s.q.StatisticsSuppliersByStatus(ctx, today)
	if err != nil {
		return out, mapError(err)
	}
	out.SuppliersByStatus = make([]CodeCount, len(statuses))
	for i, r := range statuses {
		out.SuppliersByStatus[i] = CodeCount{Code: r.Type, Count: r.Suppliers}
	}
	awards, err := s.q.StatisticsAwards(ctx)
	if err != nil {
		return out, mapError(err)
	}
	out.Awards = make([]AwardTotal, len(awards))
	for i, r := range awards {
		out.Awards[i] = AwardTotal{Result: r.Result, Currency: r.Currency, Lots: r.Lots, AmountCents: r.AmountCents}
	}
	m, err := s.q.StatisticsMeetings(ctx)
	if err != nil {
		return out, mapError(err)
	}
	out.MeetingsHeld, out.MeetingDeals = m.Held, m.Deals
	return out, nil
}
