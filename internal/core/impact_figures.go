package core

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// The rules of the impact figures (issue 10), in one place:
//
//   - A purchase is a lot awarded to an SSE supplier of Passerelle with an
//     amount in euros (lot_outcomes, result awarded_passerelle), dated when
//     the outcome was recorded, or a convention deal, dated when its
//     meeting started. Other currencies are left out.
//   - A meeting's deal counts once, whoever recorded it, and only between
//     an SSE supplier and a buyer (public or private): its amount is the
//     buyer's when the buyer recorded a deal, else the supplier's.
//   - A meeting was held when either side recorded held, follow_up or deal;
//     it is a deal when either side recorded deal.
//   - The sector of an award is the sector group of its lot's first CPV
//     code that falls in the catalogue; of a deal, that of the supplier
//     delegate's first sector. Neither: "unclassified".
//   - By SSE status type, a purchase counts under each verified status type
//     of its supplier (so those rows may add up to more than the total),
//     and under "none" when it has none.
//   - Months are calendar months in Europe/Paris (ClusterTimeZone, as the
//     public statistics').
//   - Cross-border: the supplier's country differs from the buyer's.
//   - Suppliers reached, interested and responding are distinct supplier
//     organisations over the tenders published in the period.
//   - Time to first interest: hours from a tender's publication to the
//     first "interested" of a supplier, over the tenders published in the
//     period that had one; median and 90th percentile interpolated
//     linearly between ranks (as PostgreSQL's percentile_cont), rounded to
//     the hundredth. Shares are rounded to four decimals.
//   - The country filter keeps the purchases, meetings and tenders of
//     buyers in that country.

// Sources of a purchase.
const (
	ImpactSourceAward = "award"
	ImpactSourceDeal  = "deal"
)

// ImpactUnclassified is the key of purchases without a sector, and
// ImpactNoStatus that of suppliers without a verified status.
const (
	ImpactUnclassified = "unclassified"
	ImpactNoStatus     = "none"
)

// ImpactPurchase is one purchase the figures count.
type ImpactPurchase struct {
	Source          string
	AmountCents     int64
	At              time.Time
	SupplierCountry string
	BuyerCountry    string
	// Sector is a sector group code of the catalogue, or ImpactUnclassified.
	Sector      string
	StatusTypes []string
}

// ImpactAmount is an amount in euro cents and a number of purchases.
type ImpactAmount struct {
	AmountCents int64
	Count       int64
}

// ImpactRow is the amount and count under one key of a dimension.
type ImpactRow struct {
	Key string
	ImpactAmount
}

// ImpactFigures are the impact figures of a scope and period.
type ImpactFigures struct {
	Total, Awards, Deals ImpactAmount
	// ByCountry is by the supplier's country; ByMonth lists every month
	// from the first to the last month with purchases (in the period).
	ByCountry, BySector, ByStatus, ByMonth []ImpactRow
	CrossBorder                            ImpactAmount
	// CrossBorderShareByAmount and …ByCount are between 0 and 1 (0 when
	// there was no purchase).
	CrossBorderShareByAmount, CrossBorderShareByCount float64
	Reach                                             store.ImpactReach
	MeetingsHeld, MeetingDeals                        int64
	// TendersPublished counts the tenders of the period, TendersWithInterest
	// those that had an interested supplier; the hours are nil without any.
	TendersPublished, TendersWithInterest     int64
	MedianHoursToInterest, P90HoursToInterest *float64
}

// ClusterTimeZone is the cluster's time zone (IANA name): days and
// calendar months of the impact figures and of the public statistics are
// cut there, whatever the reader's.
const ClusterTimeZone = "Europe/Paris"

// clusterLocation is ClusterTimeZone loaded (central European time without
// its summer shift when the system has no zone database).
var clusterLocation = sync.OnceValue(func() *time.Location {
	if loc, err := time.LoadLocation(ClusterTimeZone); err == nil {
		return loc
	}
	return time.FixedZone("CET", 3600)
})

// impactZone is where the impact figures' days and months are cut.
func impactZone() *time.Location { return clusterLocation() }

// impactMonth is the calendar month of t in Europe/Paris ("2026-03").
func impactMonth(t time.Time) string { return t.In(impactZone()).Format("2006-01") }

// ImpactAwardPurchase is the purchase an award counts as.
func ImpactAwardPurchase(a store.ImpactAward) ImpactPurchase {
	return impactAwardPurchase(a, map[string]string{})
}

// impactAwardPurchase is ImpactAwardPurchase with the sector groups of
// CPV codes already looked up (the catalogue search is the costly part).
func impactAwardPurchase(a store.ImpactAward, groupOfCPV map[string]string) ImpactPurchase {
	sector := ImpactUnclassified
	for _, code := range a.CPV {
		g, seen := groupOfCPV[code]
		if !seen {
			if s := taxonomy.SectorsForCPV(code); len(s) > 0 {
				g = s[0].Group
			}
			groupOfCPV[code] = g
		}
		if g != "" {
			sector = g
			break
		}
	}
	return ImpactPurchase{Source: ImpactSourceAward, AmountCents: a.AmountCents, At: a.RecordedAt, SupplierCountry: a.SupplierCountry,
		BuyerCountry: a.BuyerCountry, Sector: sector, StatusTypes: a.StatusTypes}
}

func isBuyerKind(kind string) bool {
	return kind == string(domain.OrgPublicBuyer) || kind == string(domain.OrgPrivateBuyer)
}

// ImpactMeetingOutcome reads a meeting by the rules above: whether it was
// held, whether it was a deal, and the purchase it counts as (ok false
// when it counts none: no deal, no supplier–buyer pair, or no amount in
// euros). buyerCountry is the country of its buyer side ("" when none).
func ImpactMeetingOutcome(m store.ImpactMeeting) (held, deal bool, buyerCountry string, p ImpactPurchase, ok bool) {
	for _, s := range m.Sides {
		switch s.Outcome {
		case "held", "follow_up":
			held = true
		case "deal":
			held, deal = true, true
		}
	}
	var supplier, buyer *store.ImpactMeetingSide
	for i := range m.Sides {
		s := &m.Sides[i]
		switch {
		case s.Kind == string(domain.OrgSSESupplier) && supplier == nil:
			supplier = s
		case isBuyerKind(s.Kind) && buyer == nil:
			buyer = s
		}
	}
	if buyer != nil {
		buyerCountry = buyer.Country
	}
	if !deal || supplier == nil || buyer == nil {
		return held, deal, buyerCountry, ImpactPurchase{}, false
	}
	amount := func(s *store.ImpactMeetingSide) (int64, bool) {
		if s.Outcome != "deal" || s.AmountCents == nil || s.Currency != "EUR" {
			return 0, false
		}
		return *s.AmountCents, true
	}
	cents, found := amount(buyer)
	if !found {
		if cents, found = amount(supplier); !found {
			return held, deal, buyerCountry, ImpactPurchase{}, false
		}
	}
	sector := ImpactUnclassified
	for _, code := range supplier.Sectors {
		if s, known := taxonomy.Sector(code); known {
			sector = s.Group
			break
		}
	}
	return held, deal, buyerCountry, ImpactPurchase{Source: ImpactSourceDeal, AmountCents: cents, At: m.StartsAt,
		SupplierCountry: supplier.Country, BuyerCountry: buyer.Country, Sector: sector, StatusTypes: supplier.StatusTypes}, true
}

// ImpactFacts are what the figures are computed from.
type ImpactFacts struct {
	Awards   []store.ImpactAward
	Meetings []store.ImpactMeeting
	Tenders  []store.ImpactTender
	Reach    store.ImpactReach
	// Country, when set, keeps the buyers of that country (Reach must have
	// been counted over the tenders it keeps: see ImpactKeptTenders).
	Country string
	// From and To, when set, bound the months listed ([From, To)): the
	// series runs from the first to the last month with purchases in them.
	From, To time.Time
}

// ImpactKeptTenders are the tenders the country filter keeps.
func ImpactKeptTenders(tenders []store.ImpactTender, country string) []store.ImpactTender {
	if country == "" {
		return tenders
	}
	return slices.DeleteFunc(slices.Clone(tenders), func(t store.ImpactTender) bool { return t.BuyerCountry != country })
}

// ComputeImpact computes the figures from the facts by the rules above.
func ComputeImpact(f ImpactFacts) ImpactFigures {
	keep := func(buyerCountry string) bool { return f.Country == "" || buyerCountry == f.Country }
	var purchases []ImpactPurchase
	groupOfCPV := map[string]string{}
	for _, a := range f.Awards {
		if keep(a.BuyerCountry) {
			purchases = append(purchases, impactAwardPurchase(a, groupOfCPV))
		}
	}
	var out ImpactFigures
	for _, m := range f.Meetings {
		held, deal, buyerCountry, p, ok := ImpactMeetingOutcome(m)
		if f.Country != "" && buyerCountry != f.Country {
			continue
		}
		if held {
			out.MeetingsHeld++
		}
		if deal {
			out.MeetingDeals++
		}
		if ok {
			purchases = append(purchases, p)
		}
	}

	byCountry, bySector, byStatus, byMonth := map[string]*ImpactAmount{}, map[string]*ImpactAmount{}, map[string]*ImpactAmount{}, map[string]*ImpactAmount{}
	add := func(m map[string]*ImpactAmount, key string, cents int64) {
		a := m[key]
		if a == nil {
			a = &ImpactAmount{}
			m[key] = a
		}
		a.AmountCents += cents
		a.Count++
	}
	for _, p := range purchases {
		out.Total.AmountCents += p.AmountCents
		out.Total.Count++
		src := &out.Awards
		if p.Source == ImpactSourceDeal {
			src = &out.Deals
		}
		src.AmountCents += p.AmountCents
		src.Count++
		add(byCountry, p.SupplierCountry, p.AmountCents)
		add(bySector, p.Sector, p.AmountCents)
		if len(p.StatusTypes) == 0 {
			add(byStatus, ImpactNoStatus, p.AmountCents)
		}
		for _, st := range p.StatusTypes {
			add(byStatus, st, p.AmountCents)
		}
		add(byMonth, impactMonth(p.At), p.AmountCents)
		if p.SupplierCountry != p.BuyerCountry {
			out.CrossBorder.AmountCents += p.AmountCents
			out.CrossBorder.Count++
		}
	}
	out.ByCountry, out.BySector, out.ByStatus = impactRows(byCountry), impactRows(bySector), impactRows(byStatus)
	out.ByMonth = impactMonths(byMonth, f.From, f.To)
	if out.Total.AmountCents > 0 {
		out.CrossBorderShareByAmount = round(float64(out.CrossBorder.AmountCents)/float64(out.Total.AmountCents), 4)
	}
	if out.Total.Count > 0 {
		out.CrossBorderShareByCount = round(float64(out.CrossBorder.Count)/float64(out.Total.Count), 4)
	}

	out.Reach = f.Reach
	var hours []float64
	for _, t := range ImpactKeptTenders(f.Tenders, f.Country) {
		out.TendersPublished++
		if t.FirstInterestAt != nil {
			hours = append(hours, t.FirstInterestAt.Sub(t.PublishedAt).Hours())
		}
	}
	out.TendersWithInterest = int64(len(hours))
	if len(hours) > 0 {
		slices.Sort(hours)
		median, p90 := round(percentile(hours, 0.5), 2), round(percentile(hours, 0.9), 2)
		out.MedianHoursToInterest, out.P90HoursToInterest = &median, &p90
	}
	return out
}

// impactRows lists a dimension by amount, largest first (then by key).
func impactRows(m map[string]*ImpactAmount) []ImpactRow {
	rows := make([]ImpactRow, 0, len(m))
	for k, a := range m {
		rows = append(rows, ImpactRow{Key: k, ImpactAmount: *a})
	}
	slices.SortFunc(rows, func(a, b ImpactRow) int {
		return cmp.Or(cmp.Compare(b.AmountCents, a.AmountCents), cmp.Compare(a.Key, b.Key))
	})
	return rows
}

// MaxImpactMonths is the longest period the figures cover, in calendar
// months (ImpactFilter refuses a longer one rather than cut it).
const MaxImpactMonths = 120

// impactMonths lists every month from the first to the last month that
// has purchases, within [from, to) when they are set, in order, zero
// where nothing was bought in between; empty without purchases.
func impactMonths(m map[string]*ImpactAmount, from, to time.Time) []ImpactRow {
	monthOf := func(t time.Time) time.Time {
		t = t.In(impactZone())
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	var lo, hi time.Time
	if !from.IsZero() {
		lo = monthOf(from)
	}
	if !to.IsZero() {
		hi = monthOf(to.Add(-time.Nanosecond))
	}
	var first, last time.Time
	for k := range m {
		mo, err := time.Parse("2006-01", k)
		if err != nil || (!lo.IsZero() && mo.Before(lo)) || (!hi.IsZero() && mo.After(hi)) {
			continue
		}
		if first.IsZero() || mo.Before(first) {
			first = mo
		}
		if last.IsZero() || mo.After(last) {
			last = mo
		}
	}
	rows := []ImpactRow{}
	for mo := first; !first.IsZero() && !mo.After(last); mo = mo.AddDate(0, 1, 0) {
		key := mo.Format("2006-01")
		r := ImpactRow{Key: key}
		if a := m[key]; a != nil {
			r.ImpactAmount = *a
		}
		rows = append(rows, r)
	}
	return rows
}

// percentile interpolates linearly between the ranks of sorted (p in [0, 1]).
func percentile(sorted []float64, p float64) float64 {
	pos := p * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(sorted)-1)
	return sorted[lo] + (sorted[hi]-sorted[lo])*(pos-float64(lo))
}

func round(v float64, decimals int) float64 {
	f := math.Pow(10, float64(decimals))
	return math.Round(v*f) / f
}
