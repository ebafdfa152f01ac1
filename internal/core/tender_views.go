package core

import (
	"context"

	"passerelle/internal/domain"
)

// Get returns a tender as p may see it: public once published (closed,
// awarded, not awarded too); before that, or when cancelled or rejected,
// only to members of its buyer and to moderators. Others get
// domain.ErrNotFound.
func (s *Tenders) Get(ctx context.Context, p domain.Principal, tenderID string) (TenderView, error) {
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return TenderView{}, err
	}
	if !tenderVisible(p, t) {
		return TenderView{}, domain.ErrNotFound
	}
	return s.view(ctx, p, t)
}

// ListPublished returns a page of published tenders (of kind, when set),
// nearest deadline first. limit <= 0 means DefaultPageSize.
func (s *Tenders) ListPublished(ctx context.Context, p domain.Principal, kind domain.TenderKind, cursor string, limit int) ([]TenderView, string, error) {
	if kind != "" && !kind.Valid() {
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.kind", "invalid", msgTenderKind.With(string(kind)))
		return nil, "", ve
	}
	page, next, err := s.st.ListPublishedTenders(ctx, kind, cursor, pageSize(limit))
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
	page, next, err := s.st.ListTendersByOrganisation(ctx, orgID, cursor, pageSize(limit))
	if err != nil {
		return nil, "", err
	}
	views, err := s.views(ctx, p, page)
	return views, next, err
}

// tenderVisible reports whether p may see t at all.
func tenderVisible(p domain.Principal, t domain.Tender) bool {
	if t.State.Public() {
		return true
	}
	_, member := p.Memberships[t.OrganisationID]
	return member || domain.Can(p, domain.ActModerate, domain.Resource{})
}

func (s *Tenders) view(ctx context.Context, p domain.Principal, t domain.Tender) (TenderView, error) {
	_, member := p.Memberships[t.OrganisationID]
	v := TenderView{Tender: t, Manage: member}
	// An anonymous buyer is hidden from suppliers and the public; its own
	// members and the moderators who checked it know who it is.
	if !t.BuyerAnonymous || member || domain.Can(p, domain.ActModerate, domain.Resource{}) {
		org, err := s.st.GetOrganisation(ctx, t.OrganisationID)
		if err != nil {
			return TenderView{}, err
		}
		v.Buyer = &org
	}
	return v, nil
}

func (s *Tenders) views(ctx context.Context, p domain.Principal, ts []domain.Tender) ([]TenderView, error) {
	out := make([]TenderView, len(ts))
	for i, t := range ts {
		v, err := s.view(ctx, p, t)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
