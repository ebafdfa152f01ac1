package core

import (
	"context"
	"slices"
	"time"

	"passerelle/internal/domain"
)

// Get returns a tender as p may see it: public once published (closed,
// awarded, not awarded too) while its buyer is active; before that, when
// cancelled or rejected, or while its buyer is suspended, only to members
// of its buyer and to moderators (tenderVisible). Others get
// domain.ErrNotFound.
func (s *Tenders) Get(ctx context.Context, p domain.Principal, tenderID string) (TenderView, error) {
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return TenderView{}, err
	}
	if ok, err := tenderVisible(ctx, s.st, p, t); err != nil || !ok {
		return TenderView{}, notVisible(err)
	}
	supplier, err := s.eligibilitySupplier(ctx, p)
	if err != nil {
		return TenderView{}, err
	}
	return s.view(ctx, p, t, supplier)
}

// ListPublished returns a page of published tenders (of kind, when set)
// of active buyers, nearest deadline first. limit <= 0 means DefaultPageSize.
func (s *Tenders) ListPublished(ctx context.Context, p domain.Principal, kind domain.TenderKind, cursor string, limit int) ([]TenderView, string, error) {
	if kind != "" && !kind.Valid() {
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.kind", "invalid", msgTenderKind.With(string(kind)))
		return nil, "", ve
	}
	page, next, err := s.st.ListPublishedTenders(ctx, kind, cursor, tenderPageSize(limit))
	if err != nil {
		return nil, "", err
	}
	views, err := s.views(ctx, p, page)
	return views, next, err
}

// ListOwn returns a page of a buyer's tenders in every state, oldest
// first, for its members and moderators.
func (s *Tenders) ListOwn(ctx context.Context, p domain.Principal, orgID, cursor string, limit int) ([]TenderView, string, error) {
	if p.Anonymous() {
		return nil, "", domain.ErrUnauthenticated
	}
	if !domain.Can(p, domain.ActReadOrganisation, domain.Resource{OrganisationID: orgID}) {
		return nil, "", domain.ErrForbidden
	}
	page, next, err := s.st.ListTendersByOrganisation(ctx, orgID, cursor, tenderPageSize(limit))
	if err != nil {
		return nil, "", err
	}
	views, err := s.views(ctx, p, page)
	return views, next, err
}

// eligibilitySupplier is what eligibility is decided from for the SSE
// supplier p acts for: its country and its verified statuses that count
// now (store.VerifiedSSEStatuses, as core.VerifiedStatuses). It is nil
// when p is anonymous or acts for no supplier.
//
// Past reserved awards (the article 77 bar on winning again from the same
// buyer) depend on the buyer: view adds them per tender.
func (s *Tenders) eligibilitySupplier(ctx context.Context, p domain.Principal) (*domain.EligibilitySupplier, error) {
	if p.Anonymous() || p.ActiveOrganisationID == "" {
		return nil, nil
	}
	org, err := s.st.GetOrganisation(ctx, p.ActiveOrganisationID)
	if err != nil {
		return nil, err
	}
	if org.Kind != domain.OrgSSESupplier {
		return nil, nil
	}
	statuses, err := s.st.VerifiedSSEStatuses(ctx, org.ID, s.now())
	if err != nil {
		return nil, err
	}
	return &domain.EligibilitySupplier{Country: org.Country, VerifiedStatuses: statuses}, nil
}

// view is the TenderView of t for p, its buyer and the supplier's past
// awards from it loaded on their own: Get's single tender. views loads a
// page's together.
func (s *Tenders) view(ctx context.Context, p domain.Principal, t domain.Tender, supplier *domain.EligibilitySupplier) (TenderView, error) {
	if supplier != nil {
		awards, err := s.st.ReservedAwardsFromBuyer(ctx, p.ActiveOrganisationID, t.OrganisationID, s.awardsSince(), article77Bases())
		if err != nil {
			return TenderView{}, err
		}
		sup := *supplier
		sup.ReservedAwardsFromBuyer = awards
		supplier = &sup
	}
	v := s.viewWithoutBuyer(p, t, supplier)
	if showsBuyer(p, t) {
		org, err := s.st.GetOrganisation(ctx, t.OrganisationID)
		if err != nil {
			return TenderView{}, err
		}
		v.Buyer = &org
	}
	return v, nil
}

// awardsSince is the start of the article 77 bar: the lots a supplier won
// from a buyer under an article 77 basis in the last RepeatAwardBarYears
// bar it from winning again on that basis (FR_L2113_15, EU_ART77).
func (s *Tenders) awardsSince() time.Time {
	return s.now().AddDate(-domain.RepeatAwardBarYears, 0, 0)
}

// viewWithoutBuyer is view but for v.Buyer, with supplier's past awards
// from t's buyer already in supplier.
func (s *Tenders) viewWithoutBuyer(p domain.Principal, t domain.Tender, supplier *domain.EligibilitySupplier) TenderView {
	_, member := p.Memberships[t.OrganisationID]
	v := TenderView{Tender: t, Manage: member}
	if supplier != nil {
		now := s.now()
		v.Eligibility = make(map[string]domain.EligibilityVerdict, len(t.Lots))
		for _, l := range t.Lots {
			v.Eligibility[l.ID] = domain.Eligibility(*supplier, l.Clauses, now)
		}
	}
	return v
}

// showsBuyer reports whether p may see who t's buyer is. An anonymous
// buyer is hidden from suppliers and the public; its own members and the
// moderators who checked it know who it is.
func showsBuyer(p domain.Principal, t domain.Tender) bool {
	_, member := p.Memberships[t.OrganisationID]
	return !t.BuyerAnonymous || member || domain.Can(p, domain.ActModerate, domain.Resource{})
}

// views is view for each of ts, with the buyers p may see loaded in one
// store call rather than one GetOrganisation per tender.
func (s *Tenders) views(ctx context.Context, p domain.Principal, ts []domain.Tender) ([]TenderView, error) {
	supplier, err := s.eligibilitySupplier(ctx, p)
	if err != nil {
		return nil, err
	}
	out := make([]TenderView, len(ts))
	// The supplier's past awards from every buyer of the page, in one
	// query (one a tender before).
	var awards map[string][]domain.ReservedAward
	if supplier != nil {
		var all []string
		for _, t := range ts {
			if !slices.Contains(all, t.OrganisationID) {
				all = append(all, t.OrganisationID)
			}
		}
		if awards, err = s.st.ReservedAwardsFromBuyers(ctx, p.ActiveOrganisationID, all, s.awardsSince(), article77Bases()); err != nil {
			return nil, err
		}
	}
	var buyerIDs []string
	seen := make(map[string]bool)
	for i, t := range ts {
		sup := supplier
		if supplier != nil {
			withAwards := *supplier
			withAwards.ReservedAwardsFromBuyer = awards[t.OrganisationID]
			sup = &withAwards
		}
		out[i] = s.viewWithoutBuyer(p, t, sup)
		if showsBuyer(p, t) && !seen[t.OrganisationID] {
			seen[t.OrganisationID] = true
			buyerIDs = append(buyerIDs, t.OrganisationID)
		}
	}
	if len(buyerIDs) == 0 {
		return out, nil
	}
	buyers, err := s.st.GetOrganisationsByID(ctx, buyerIDs)
	if err != nil {
		return nil, err
	}
	for i, t := range ts {
		if !showsBuyer(p, t) {
			continue
		}
		org, ok := buyers[t.OrganisationID]
		if !ok {
			// What GetOrganisation says of a buyer that is not there.
			return nil, domain.ErrNotFound
		}
		out[i].Buyer = &org
	}
	return out, nil
}

// article77Bases are the legal bases under which a winner may not win
// again from the same buyer for domain.RepeatAwardBarYears.
func article77Bases() []domain.LegalBasis {
	var out []domain.LegalBasis
	for _, b := range domain.LegalBases() {
		if b.BarsRepeatAward() {
			out = append(out, b)
		}
	}
	return out
}
