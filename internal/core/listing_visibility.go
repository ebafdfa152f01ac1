package core

import (
	"context"
	"errors"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// listingVisible is the one rule of who sees an offer or a tender: its
// organisation's members and the moderators always; anyone else only
// when the listing is public (published, or for a tender also closed or
// decided: public says which) AND its organisation is active. A suspended
// organisation's listings then answer domain.ErrNotFound to outsiders,
// like the organisation itself (Organisations.Get): its members keep
// reading their own data, so that they can put right what the moderator
// asked.
//
// The organisation's status is read here, once per single read, rather
// than carried on domain.Offer/domain.Tender: those are loaded by many
// paths (locks, lists, jobs) that have no use for it, and a field filled
// by some of them only would be a trap. The public lists filter the same
// rule in SQL (organisations.status = 'active' in ListPublishedOffers*,
// ListPublishedTenders), and search leaves such listings out when it
// indexes them (search_documents.go).
func listingVisible(ctx context.Context, st *store.Store, p domain.Principal, orgID string, public bool) (bool, error) {
	if domain.Can(p, domain.ActReadOrganisation, domain.Resource{OrganisationID: orgID}) {
		return true, nil
	}
	if !public {
		return false, nil
	}
	return organisationActive(ctx, st, orgID)
}

// organisationActive reports whether orgID exists and is active.
func organisationActive(ctx context.Context, st *store.Store, orgID string) (bool, error) {
	org, err := st.GetOrganisation(ctx, orgID)
	if errors.Is(err, domain.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return org.Status == domain.OrgActive, nil
}

// tenderVisible reports whether p may see t at all (listingVisible):
// public once published (closed, awarded, not awarded too) by an active
// buyer; before that, when cancelled or rejected, or while its buyer is
// suspended, only to members of its buyer and to moderators.
func tenderVisible(ctx context.Context, st *store.Store, p domain.Principal, t domain.Tender) (bool, error) {
	return listingVisible(ctx, st, p, t.OrganisationID, t.State.Public())
}

// offerVisible reports whether p may see o at all (listingVisible).
func offerVisible(ctx context.Context, st *store.Store, p domain.Principal, o domain.Offer) (bool, error) {
	return listingVisible(ctx, st, p, o.OrganisationID, o.State.Public())
}

// notVisible is the error of a visibility check: err when reading failed,
// else domain.ErrNotFound (what may not be seen does not exist).
func notVisible(err error) error {
	if err != nil {
		return err
	}
	return domain.ErrNotFound
}
