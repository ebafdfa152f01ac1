package core

import (
	"context"
	"regexp"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Impact computes the impact figures (issue 10): for the cluster
// (moderators and admins) and for a buyer organisation over its own
// purchases (its members, and moderators). The rules are in
// impact_figures.go.
type Impact struct {
	st  *store.Store
	now func() time.Time
}

// NewImpact builds the impact use cases.
func NewImpact(st *store.Store, now func() time.Time) *Impact {
	if now == nil {
		now = time.Now
	}
	return &Impact{st: st, now: now}
}

// ImpactFilter narrows the figures: a period of calendar days in
// Europe/Paris, From and To included ("2026-01-31"; empty: open), and the
// buyers' country ("FR"; empty: all).
type ImpactFilter struct {
	From, To string
	Country  string
}

// ImpactReport is the figures with what they cover.
type ImpactReport struct {
	// OrganisationID is the buyer's, empty for the cluster.
	OrganisationID   string
	OrganisationName string
	Filter           ImpactFilter
	GeneratedAt      time.Time
	Figures          ImpactFigures
}

// impactCountry is an ISO 3166-1 alpha-2 code.
var impactCountry = regexp.MustCompile(`^[A-Z]{2}$`)

var (
	msgImpactBadDate = domain.Msg{EN: "Write a date as YYYY-MM-DD", FR: "Écrivez une date sous la forme AAAA-MM-JJ",
		DE: "Geben Sie ein Datum als JJJJ-MM-TT an", NL: "Schrijf een datum als JJJJ-MM-DD"}
	msgImpactToBeforeFrom = domain.Msg{EN: "The end of the period comes before its start", FR: "La fin de la période précède son début",
		DE: "Das Ende des Zeitraums liegt vor seinem Beginn", NL: "Het einde van de periode ligt vóór het begin"}
	msgImpactTooLong = domain.Msg{EN: "The period may cover at most %d months (10 years)",
		FR: "La période peut couvrir au plus %d mois (10 ans)", DE: "Der Zeitraum darf höchstens %d Monate (10 Jahre) umfassen",
		NL: "De periode mag hoogstens %d maanden (10 jaar) beslaan"}
	msgImpactBadCountry = domain.Msg{EN: "Give a country as two capital letters (FR, DE, BE, LU)",
		FR: "Indiquez un pays en deux lettres majuscules (FR, DE, BE, LU)", DE: "Geben Sie ein Land mit zwei Großbuchstaben an (FR, DE, BE, LU)",
		NL: "Geef een land op met twee hoofdletters (FR, DE, BE, LU)"}
)

// scope checks the filter and turns it into the store's scope; an open
// end is now. A period of more than MaxImpactMonths calendar months is
// refused (on from, and on to when it was given), never cut.
func (f ImpactFilter) scope(buyerID string, now time.Time) (store.ImpactScope, error) {
	sc := store.ImpactScope{BuyerID: buyerID}
	ve := &domain.ValidationError{}
	day := func(field, s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.ParseInLocation(time.DateOnly, s, impactZone())
		if err != nil {
			ve.AddLocalized(field, "invalid_date", msgImpactBadDate.With())
			return time.Time{}
		}
		return d
	}
	sc.From = day("query.from", f.From)
	if to := day("query.to", f.To); !to.IsZero() {
		sc.To = to.AddDate(0, 0, 1) // the last day is included
	}
	if !sc.From.IsZero() && !sc.To.IsZero() && !sc.From.Before(sc.To) {
		ve.AddLocalized("query.to", "before_from", msgImpactToBeforeFrom.With())
	} else if !sc.From.IsZero() {
		end := sc.To
		if end.IsZero() {
			end = now
		}
		if impactMonthsBetween(sc.From, end) > MaxImpactMonths {
			ve.AddLocalized("query.from", "period_too_long", msgImpactTooLong.With(MaxImpactMonths))
			if !sc.To.IsZero() {
				ve.AddLocalized("query.to", "period_too_long", msgImpactTooLong.With(MaxImpactMonths))
			}
		}
	}
	if f.Country != "" && !impactCountry.MatchString(f.Country) {
		ve.AddLocalized("query.country", "invalid_country", msgImpactBadCountry.With())
	}
	return sc, ve.Err()
}

// Cluster returns the figures of the whole cluster, for moderators and admins.
func (s *Impact) Cluster(ctx context.Context, p domain.Principal, f ImpactFilter) (ImpactReport, error) {
	if err := moderator(p); err != nil {
		return ImpactReport{}, err
	}
	sc, err := f.scope("", s.now())
	if err != nil {
		return ImpactReport{}, err
	}
	return s.report(ctx, sc, f, "", "")
}

// Organisation returns the figures of a buyer organisation's own
// purchases, for its members and for moderators; anyone else, and an
// organisation that is not a buyer, get domain.ErrNotFound.
func (s *Impact) Organisation(ctx context.Context, p domain.Principal, orgID string, f ImpactFilter) (ImpactReport, error) {
	if p.Anonymous() {
		return ImpactReport{}, domain.ErrUnauthenticated
	}
	if _, member := p.Memberships[orgID]; !member && !domain.Can(p, domain.ActModerate, domain.Resource{}) {
		return ImpactReport{}, domain.ErrNotFound
	}
	org, err := s.st.GetOrganisation(ctx, orgID)
	if err != nil {
		return ImpactReport{}, err
	}
	if org.Kind != domain.OrgPublicBuyer && org.Kind != domain.OrgPrivateBuyer {
		return ImpactReport{}, domain.ErrNotFound
	}
	sc, err := f.scope(org.ID, s.now())
	if err != nil {
		return ImpactReport{}, err
	}
	name := org.LegalName
	if org.TradeName != "" {
		name = org.TradeName
	}
	return s.report(ctx, sc, f, org.ID, name)
}

func (s *Impact) report(ctx context.Context, sc store.ImpactScope, f ImpactFilter, orgID, orgName string) (ImpactReport, error) {
	facts := ImpactFacts{Country: f.Country, From: sc.From, To: sc.To}
	var err error
	if facts.Awards, err = s.st.ImpactAwards(ctx, sc); err != nil {
		return ImpactReport{}, err
	}
	if facts.Meetings, err = s.st.ImpactMeetings(ctx, sc); err != nil {
		return ImpactReport{}, err
	}
	if facts.Tenders, err = s.st.ImpactTenders(ctx, sc); err != nil {
		return ImpactReport{}, err
	}
	kept := ImpactKeptTenders(facts.Tenders, f.Country)
	ids := make([]string, len(kept))
	for i, t := range kept {
		ids[i] = t.ID
	}
	if facts.Reach, err = s.st.ImpactSupplierReach(ctx, ids); err != nil {
		return ImpactReport{}, err
	}
	return ImpactReport{OrganisationID: orgID, OrganisationName: orgName, Filter: f, GeneratedAt: s.now(),
		Figures: ComputeImpact(facts)}, nil
}

// impactMonthsBetween counts the calendar months (Europe/Paris) from the
// month of from to that of the instant before to, both included.
func impactMonthsBetween(from, to time.Time) int {
	a, b := from.In(impactZone()), to.Add(-time.Nanosecond).In(impactZone())
	return (b.Year()-a.Year())*12 + int(b.Month()-a.Month()) + 1
}
