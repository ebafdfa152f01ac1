package core

import (
	"context"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Need is a lot routed to a supplier organisation, as its members see it:
// the route (score, explanation, their answer), the tender and lot, and
// the buyer unless it keeps its name private.
type Need struct {
	Route  domain.LotRoute
	Tender domain.Tender
	Lot    domain.TenderLot
	// Buyer is nil when the tender's buyer is anonymous.
	Buyer *domain.Organisation
	// Open reports whether the answer may still be given or changed: the
	// tender is published and its deadline has not passed.
	Open bool
}

var (
	msgNeedsFilter = domain.Msg{
		EN: "%q is not a filter: use unanswered, interested or not_interested",
		FR: "%q n’est pas un filtre : utilisez unanswered, interested ou not_interested",
		DE: "%q ist kein Filter: verwenden Sie unanswered, interested oder not_interested",
		NL: "%q is geen filter: gebruik unanswered, interested of not_interested",
	}
	msgNeedAnswerClosed = domain.Msg{
		EN: "this need no longer takes answers: its tender is closed or its deadline has passed",
		FR: "ce besoin n’accepte plus de réponse : son appel d’offres est clos ou son échéance est passée",
		DE: "dieser Bedarf nimmt keine Antworten mehr an: die Ausschreibung ist geschlossen oder die Frist abgelaufen",
		NL: "deze behoefte neemt geen antwoorden meer aan: de aanbesteding is gesloten of de termijn is verstreken",
	}
)

// ListNeeds returns a page of the lots routed to a supplier organisation
// (but those of tenders of suspended buyers, hidden meanwhile), newest
// first, optionally only those with an answer state (filter:
// unanswered, interested, not_interested), for its members.
func (s *Routing) ListNeeds(ctx context.Context, p domain.Principal, orgID string, filter store.NeedsFilter, cursor string, limit int) ([]Need, string, error) {
	if err := domain.Authorize(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: orgID}); err != nil {
		return nil, "", err
	}
	switch filter {
	case store.NeedsAll, store.NeedsUnanswered, store.NeedsInterested, store.NeedsNotInterested:
	default:
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.answer", "invalid", msgNeedsFilter.With(string(filter)))
		return nil, "", ve
	}
	routes, next, err := s.st.ListOrganisationNeedsPage(ctx, orgID, filter, cursor, tenderPageSize(limit))
	if err != nil {
		return nil, "", err
	}
	now := s.now()
	ids := make([]string, len(routes))
	for i, r := range routes {
		ids[i] = r.TenderID
	}
	// The page's tenders in one round of queries (a page lists up to 100
	// routes, often of a few tenders).
	tenders, err := s.st.GetTenders(ctx, ids...)
	if err != nil {
		return nil, "", err
	}
	buyers := map[string]domain.Organisation{}
	out := make([]Need, 0, len(routes))
	for _, r := range routes {
		t, ok := tenders[r.TenderID]
		if !ok {
			return nil, "", domain.ErrNotFound // a route's tender is never deleted
		}
		n := Need{Route: r, Tender: t, Open: t.State == domain.TenderPublished && !t.DeadlinePassed(now)}
		for _, l := range t.Lots {
			if l.ID == r.LotID {
				n.Lot = l
			}
		}
		if !t.BuyerAnonymous {
			b, ok := buyers[t.OrganisationID]
			if !ok {
				if b, err = s.st.GetOrganisation(ctx, t.OrganisationID); err != nil {
					return nil, "", err
				}
				buyers[t.OrganisationID] = b
			}
			n.Buyer = &b
		}
		out = append(out, n)
	}
	return out, next, nil
}

// Answer records a supplier organisation's answer to a lot routed to it
// (interested, or not interested with a reason code and an optional note),
// for its members; the answer may change until the tender's deadline,
// then it is domain.ErrConflict. A lot not routed to the organisation is
// domain.ErrNotFound.
//
// In the same transaction: the organisation's "not interested" in the
// tender, which the buyer sees, follows its answers to the lots routed to
// it (recorded when it declined every one, removed when it no longer
// does); and a first "interested" in the tender counts towards the
// buyer's milestones (1st, 2nd, 5th, then every 5th interested supplier),
// each told to the buyer's members once.
func (s *Routing) Answer(ctx context.Context, actor Actor, p domain.Principal, orgID, lotID string, a domain.RouteAnswer) (domain.LotRoute, error) {
	if err := domain.Authorize(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: orgID}); err != nil {
		return domain.LotRoute{}, err
	}
	now := s.now()
	a.AnsweredAt = now
	a, ve := domain.NormalizeRouteAnswer(a)
	if ve != nil {
		return domain.LotRoute{}, ve
	}
	if _, err := s.st.GetLotRoute(ctx, lotID, orgID); err != nil {
		return domain.LotRoute{}, err
	}
	tenderID, err := s.st.LotTenderID(ctx, lotID)
	if err != nil {
		return domain.LotRoute{}, err
	}
	// A suspended buyer's tender is hidden from suppliers
	// (listingVisible): its routes take no answer meanwhile. Checked
	// before the transaction, which must not wait for a second
	// connection while it holds the tender's lock.
	tender, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return domain.LotRoute{}, err
	}
	if ok, err := tenderVisible(ctx, s.st, p, tender); err != nil || !ok {
		return domain.LotRoute{}, notVisible(err)
	}
	var out domain.LotRoute
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		// The tender's row orders concurrent answers: each count of
		// interested suppliers is seen by one answer only.
		t, err := tx.LockTender(ctx, tenderID)
		if err != nil {
			return err
		}
		if t.State != domain.TenderPublished || t.DeadlinePassed(now) {
			return msgNeedAnswerClosed.Wrap(domain.ErrConflict)
		}
		// A suspended supplier answers nothing: its "interested" would
		// count towards the buyer's milestones.
		if err := refuseSuspendedIn(ctx, tx, orgID, errOrganisationSuspended()); err != nil {
			return err
		}
		if out, err = tx.AnswerLotRoute(ctx, lotID, orgID, a); err != nil {
			return err
		}
		if err := tx.ReconcileTenderNotInterested(ctx, t.ID, orgID, a); err != nil {
			return err
		}
		after := map[string]any{"lot_id": lotID, "answer": string(a.Interest)}
		if a.Reason != "" {
			after["reason"] = string(a.Reason)
		}
		if err := writeAudit(ctx, tx, actor, "tender.route_answered", "tender", t.ID, orgID, nil, after); err != nil {
			return err
		}
		if a.Interest != domain.Interested {
			return nil
		}
		first, count, err := tx.CountTenderInterest(ctx, t.ID, orgID, now)
		if err != nil || !first || !domain.IsInterestMilestone(count) {
			return err
		}
		reached, err := tx.ReachInterestMilestone(ctx, t.ID, count, now)
		if err != nil || !reached {
			return err
		}
		return s.tellBuyerInterest(ctx, tx, t, count)
	})
	return out, err
}

// tellBuyerInterest tells every member of a tender's buyer, in their
// language, that count suppliers are now interested in it.
func (s *Routing) tellBuyerInterest(ctx context.Context, tx *store.Tx, t domain.Tender, count int) error {
	if s.notes == nil {
		return nil
	}
	// Through tx: answers racing for the tender's lock hold connections,
	// and a read on another one could wait for them forever.
	link := strings.TrimRight(s.cfg.PublicURL, "/") + "/workspace/buyer/tenders/" + t.ID
	return s.notes.NotifyMembers(ctx, tx, func(r store.Recipient) Notice {
		title := TenderTitleIn(t, r.Language)
		headline := msgTenderInterestTitle.With(count, title)[r.Language]
		if count == 1 {
			headline = msgTenderFirstInterestTitle.With(title)[r.Language]
		}
		return Notice{Category: domain.NotifyTenderInterest, Kind: "tender_interest", Title: headline,
			Link: link, Data: map[string]any{"TenderTitle": title, "Count": count, "Link": link}}
	}, t.OrganisationID)
}
