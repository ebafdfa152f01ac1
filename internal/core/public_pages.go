package core

import (
	"context"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// PublicPages is what the server needs to describe public pages to search
// engines and link previews (internal/web): a listing or a profile as an
// anonymous visitor sees it, and the list of public pages for the sitemap.
// It reads through the same use cases as the API, so what may not be seen
// there (a draft, a suspended organisation's listing) is domain.ErrNotFound
// here too.
type PublicPages struct {
	st            *store.Store
	offers        *Offers
	tenders       *Tenders
	organisations *Organisations
}

// NewPublicPages returns the public pages read through those use cases.
func NewPublicPages(st *store.Store, offers *Offers, tenders *Tenders, organisations *Organisations) *PublicPages {
	return &PublicPages{st: st, offers: offers, tenders: tenders, organisations: organisations}
}

// anonymous is the principal of a visitor who is not signed in: the pages
// described to search engines must never show more than that.
var anonymous = domain.Principal{}

// Offer returns a public offer and its supplier.
func (p *PublicPages) Offer(ctx context.Context, id string) (domain.Offer, domain.Organisation, error) {
	o, err := p.offers.Get(ctx, anonymous, id)
	if err != nil {
		return domain.Offer{}, domain.Organisation{}, err
	}
	org, err := p.organisations.Get(ctx, anonymous, o.OrganisationID)
	if err != nil {
		return domain.Offer{}, domain.Organisation{}, err
	}
	return o, org, nil
}

// Tender returns a public tender; its Buyer is nil when the buyer is
// anonymous.
func (p *PublicPages) Tender(ctx context.Context, id string) (TenderView, error) {
	return p.tenders.Get(ctx, anonymous, id)
}

// Organisation returns an active organisation's public profile.
func (p *PublicPages) Organisation(ctx context.Context, id string) (domain.Organisation, error) {
	return p.organisations.Get(ctx, anonymous, id)
}

// SitemapSize returns how many public pages the sitemap lists.
func (p *PublicPages) SitemapSize(ctx context.Context) (int64, error) {
	return p.st.CountSitemapEntries(ctx)
}

// SitemapEntries returns up to limit public pages after skipping skip, in
// a stable order.
func (p *PublicPages) SitemapEntries(ctx context.Context, skip, limit int64) ([]store.SitemapEntry, error) {
	return p.st.ListSitemapEntries(ctx, skip, limit)
}
